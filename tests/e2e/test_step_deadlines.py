"""Step deadlines in a real browser: the inbox marks an overdue level; a signer names a stand-in who then sees it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reviewflow.models import Draft, StandIn
from tests.e2e.browser import assert_fits, screenshot
from tests.factories import demo_org, make_draft, submit_and_check

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_the_inbox_marks_an_overdue_step_and_a_named_stand_in_sees_it(people):
    org = demo_org()
    late = submit_and_check(make_draft(org["drafter"], title="逾期未签的稿件"))
    Draft.objects.filter(pk=late.pk).update(step_due_at=timezone.now() - timedelta(hours=3))
    on_time = submit_and_check(make_draft(org["drafter"], title="按时的稿件"))

    head = people().log_in("section_head")
    head.click("#nav-inbox")
    late_row = head.locator("tbody tr", has_text="逾期未签的稿件")
    expect(late_row.locator("td.due")).to_have_class("due overdue")
    expect(late_row.locator(".overdue-mark")).to_have_text("已超期")
    on_time_row = head.locator("tbody tr", has_text="按时的稿件")
    expect(on_time_row.locator(".overdue-mark")).to_have_count(0)
    expect(on_time_row.locator("td.due")).to_contain_text(timezone.localtime(on_time.step_due_at).strftime("%Y"))
    assert_fits(head)
    screenshot(head, "13-inbox-deadlines")

    head.click("#nav-stand-ins")
    today = timezone.localdate().isoformat()
    head.select_option("#id_stand_in", value=str(org["drafter2"].pk))
    head.fill("#id_starts_on", today)
    head.fill("#id_ends_on", today)
    head.fill("#id_reason", "出差")
    head.click("#stand-in-form button")
    expect(head.locator("#stand-ins tbody")).to_contain_text("出差")
    assert StandIn.objects.filter(principal=org["section_head"], stand_in=org["drafter2"]).count() == 1

    stand_in = people().log_in("drafter2")
    stand_in.click("#nav-inbox")
    expect(stand_in.locator("tbody tr", has_text="逾期未签的稿件").locator(".overdue-mark")).to_have_text("已超期")
