"""The audit list's filter in a real browser: a person typed by name, a section chosen from its unit's group."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import DESKTOP, Session
from tests.factories import demo_org, make_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_auditor_narrows_the_list_by_a_name_typed_and_a_section_chosen(browser, live_server):
    org = demo_org()
    make_draft(org["drafter"], title="网络信息股的通知")
    make_draft(org["drafter2"], title="办公室的通知")
    session = Session(browser, live_server.url, DESKTOP)
    try:
        page = session.log_in("admin")
        page.goto("/audit/")
        rows = page.locator("table.audit tbody tr")
        expect(rows).to_have_count(2)
        page.fill("input[name=actor]", "陈拟稿")
        page.click("form.filters button[type=submit]")
        expect(rows).to_have_count(1)
        expect(rows).to_contain_text("办公室的通知")
        expect(page.locator("input[name=actor]")).to_have_value("陈拟稿")

        page.fill("input[name=actor]", "")
        page.select_option("select[name=section]", label="网络信息股")
        page.click("form.filters button[type=submit]")
        expect(rows).to_have_count(1)
        expect(rows).to_contain_text("网络信息股的通知")

        page.fill("input[name=actor]", "无此人")
        page.click("form.filters button[type=submit]")
        expect(page.locator("form.filters .error")).to_have_text("没有名为 无此人 的人员。")
        expect(rows).to_have_text("没有符合条件的事件。")
        assert session.server_errors == []
    finally:
        session.context.close()
