"""The three journeys in a real browser: drafter to publication, a return, a stale tab, a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from reviewflow.models import Draft, Status
from tests.e2e.browser import PHONE, assert_fits, screenshot
from tests.factories import demo_org, make_draft, stage, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

CHECK_TIMEOUT = 60_000
TYPO_BODY = "区政务服务管理局召开政务公开工作会议，研究布署下一阶段信息发布审核工作。"


def write_draft(page, title: str, body: str) -> int:
    page.click("text=新建稿件")
    page.fill("input[name=title]", title)
    page.fill("textarea[name=body]", body)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/drafts/\d+/$"))
    return int(page.url.rstrip("/").rsplit("/", 1)[1])


def submit_live(page, expected_status: str) -> list[str]:
    """Submit with the button and watch the check's progress; the page must never reload."""
    page.evaluate(
        "window.__states = []; document.addEventListener('reviewflow:progress', e => __states.push(e.detail))"
    )
    page.click("#submit-draft")
    expect(page.locator("#check-progress")).to_be_visible()
    expect(page.locator("#draft-status")).to_have_text(expected_status, timeout=CHECK_TIMEOUT)
    states = page.evaluate("window.__states")
    assert states is not None, "the page reloaded"
    return states


def sign_from_inbox(page, title: str) -> None:
    page.click("#nav-inbox")
    expect(page.locator("#inbox-count")).to_have_text("1")
    page.locator("table.list a", has_text=title).click()
    page.click("#sign")
    expect(page.locator(".message.success")).to_have_text("已签批。")


def test_a_draft_with_a_typo_is_corrected_signed_by_three_leaders_and_published(people):
    org = demo_org()
    drafter = people().log_in("drafter")
    draft_id = write_draft(drafter, "区政务服务管理局召开政务公开工作会议", TYPO_BODY)

    drafter.evaluate(
        "window.__states = []; document.addEventListener('reviewflow:progress', e => __states.push(e.detail))"
    )
    drafter.click("#submit-draft")
    expect(drafter.locator("#check-progress")).to_be_visible()
    screenshot(drafter, "04-check-progress")
    expect(drafter.locator("#draft-status")).to_have_text("待修改", timeout=CHECK_TIMEOUT)
    assert drafter.evaluate("window.__states")[0] == "submitted"
    mark = drafter.locator("#draft-body mark", has_text="布署")
    expect(mark).to_be_visible()
    assert "部署" in mark.get_attribute("title")
    screenshot(drafter, "03-editor-findings")

    drafter.click("button.apply:has-text('改为“部署”')")
    expect(drafter.locator(".message.success")).to_have_text("已采用建议，生成新版本。")
    expect(drafter.locator("#draft-body")).to_contain_text("研究部署下一阶段")
    expect(drafter.locator("#draft-body mark")).to_have_count(0)
    # Applying re-submits at once: the page follows the new check without a manual resubmission.
    expect(drafter.locator("#draft-status")).to_have_text("待股室负责人签批", timeout=CHECK_TIMEOUT)
    expect(drafter.locator("#signatures")).to_contain_text("张拟稿")
    drafter.click("text=我的稿件")
    expect(drafter.locator("table.list tbody tr").first).to_contain_text("李股长")
    screenshot(drafter, "02-my-drafts")

    title = "区政务服务管理局召开政务公开工作会议"
    for username in ("section_head", "deputy", "head"):
        leader = people().log_in(username)
        if username == "section_head":
            leader.click("#nav-inbox")
            screenshot(leader, "05-inbox")
            leader.goto("/drafts/")
        sign_from_inbox(leader, title)
    assert Draft.objects.get(pk=draft_id).status == Status.PUBLISHED

    visitor = people().new_page()
    visitor.goto("/public/")
    screenshot(visitor, "09-public-list")
    visitor.locator(".public a", has_text=title).click()
    signoff = visitor.locator("#signoff")
    expect(signoff.locator("tbody tr")).to_have_count(4)
    for name in ("张拟稿", "李股长", "王分管", "赵局长"):
        expect(signoff).to_contain_text(name)
    expect(signoff.locator("#content-hash")).to_have_text(Draft.objects.get(pk=draft_id).content_hash)
    screenshot(visitor, "10-public-item")

    admin = people().log_in("admin")
    admin.goto("/audit/")
    expect(admin.locator("table.audit tbody")).to_contain_text("签批")
    screenshot(admin, "08-audit-list")
    admin.goto(f"/drafts/{draft_id}/timeline/")
    for name in ("创建稿件", "检测发现问题", "采用修改建议（新版本）", "已发布"):
        expect(admin.locator(".timeline")).to_contain_text(name)
    screenshot(admin, "07-audit-timeline")
    assert org["drafter"].notifications.filter(message__contains="已发布").exists()


def test_a_returned_draft_shows_who_returned_it_and_why_and_the_leader_sees_the_changes(people):
    org = demo_org()
    draft = make_draft(
        org["drafter"],
        title="关于调整办事大厅开放时间的通知",
        column="notice",
        kind="repost",
        source_name="隆阳区人民政府",
        source_url="https://www.longyang.gov.cn/",
    )
    drafter = people().log_in("drafter")
    drafter.goto(f"/drafts/{draft.pk}/")
    submit_live(drafter, "待股室负责人签批")

    leader = people().log_in("section_head")
    leader.goto(f"/drafts/{draft.pk}/")
    expect(leader.locator(".source")).to_contain_text("隆阳区人民政府")
    leader.fill("input[name=reason]", "请补充具体开放时间")
    leader.click("#return")
    expect(leader.locator("#draft-status")).to_have_text("已退回")

    drafter.goto("/drafts/")
    expect(drafter.locator(".returned-note")).to_have_text("李股长 退回：请补充具体开放时间")
    drafter.goto(f"/drafts/{draft.pk}/")
    expect(drafter.locator("#return-reason")).to_contain_text("李股长 退回：请补充具体开放时间")
    drafter.fill("#edit textarea[name=body]", draft.body + "\n开放时间为工作日上午9:00至下午5:00。")
    drafter.click("#edit button[type=submit]")
    expect(drafter.locator(".message.success")).to_have_text("已保存为新版本。")
    submit_live(drafter, "待股室负责人签批")

    leader.reload()
    changes = leader.locator("#changes")
    expect(changes).to_contain_text("第 1 版 → 第 2 版")
    expect(changes.locator("ins")).to_contain_text("开放时间为工作日上午9:00至下午5:00。")
    expect(leader.locator("#decision #sign")).to_be_visible()
    screenshot(leader, "06-draft-review")


def test_signing_again_from_a_stale_second_tab_says_why_in_chinese(people):
    org = demo_org()
    draft = make_draft(org["drafter"])
    drafter = people().log_in("drafter")
    drafter.goto(f"/drafts/{draft.pk}/")
    submit_live(drafter, "待股室负责人签批")

    leader = people()
    first = leader.log_in("section_head")
    first.goto(f"/drafts/{draft.pk}/")
    second = leader.new_page()
    second.goto(f"/drafts/{draft.pk}/")
    first.click("#sign")
    expect(first.locator(".message.success")).to_have_text("已签批。")
    second.click("#sign")
    expect(second.locator(".message.error")).to_have_text("稿件当前状态不允许此操作（当前：待分管领导签批）。")
    expect(second.locator("#draft-status")).to_have_text("待分管领导签批")
    assert Draft.objects.get(pk=draft.pk).signatures.filter(voided_at__isnull=True).count() == 2


def test_on_a_phone_the_pages_fit_and_a_leader_can_sign(people):
    org = demo_org()
    draft = make_draft(org["drafter"], key=True)
    drafter = people().log_in("drafter")
    drafter.goto(f"/drafts/{draft.pk}/")
    submit_live(drafter, "待股室负责人签批")

    phone = people(PHONE)
    login = phone.new_page()
    login.goto("/accounts/login/")
    assert_fits(login)
    screenshot(login, "01-login")
    page = phone.log_in("section_head")
    for path in ("/drafts/", "/inbox/", "/notifications/", f"/drafts/{draft.pk}/", "/public/"):
        page.goto(path)
        assert_fits(page)
    page.goto("/inbox/")
    page.click("#nav-inbox")
    page.locator("table.list a", has_text=draft.title).click()
    assert_fits(page)
    screenshot(page, "11-phone-draft")
    page.check("input[name=proofread]")
    page.click("#sign")
    expect(page.locator(".message.success")).to_have_text("已签批。")
    assert_fits(page)
    wait_for(lambda: stage(Draft.objects.get(pk=draft.pk)) == "signing:deputy")
