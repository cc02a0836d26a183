"""A correction (更正) in the browser: the drafter opens the round on a published item; while it goes through the
chain the public still reads the published text; once signed, the public page shows the 更正 notice and keeps the
earlier text reachable."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from reviewflow import services
from reviewflow.models import Draft
from tests.factories import demo_org, fully_signed, sign_as, submit_and_check

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_the_drafter_opens_a_correction_and_the_public_sees_the_notice_once_it_is_signed(people):
    org = demo_org()
    item = fully_signed(org)
    drafter = people().log_in("drafter")
    drafter.goto(f"/drafts/{item.pk}/")
    drafter.fill("#correct input[name=note]", "更正会议时间")
    drafter.click("#correct button")
    expect(drafter.locator("#correction-note")).to_contain_text("更正会议时间")
    expect(drafter.locator("#draft-status")).to_have_text("草稿")

    services.edit_draft(draft_id=item.pk, user=org["drafter"], data={"body": "区政务服务管理局于3日召开会议。"})
    visitor = people().new_page()
    visitor.goto(f"/public/{item.pk}/")
    expect(visitor.locator("article.body")).to_have_text(item.body)  # the correction is not public yet

    draft = submit_and_check(Draft.objects.get(pk=item.pk))
    for step in ("section_head", "deputy", "head"):
        draft = sign_as(org[step], draft)
    visitor.goto(f"/public/{item.pk}/")
    expect(visitor.locator("article.body")).to_have_text("区政务服务管理局于3日召开会议。")
    expect(visitor.locator("#correction-notice")).to_contain_text("更正会议时间")
    visitor.locator("#earlier-versions a").first.click()
    expect(visitor.locator("#superseded")).to_be_visible()
    expect(visitor.locator("article.body")).to_have_text(item.body)
