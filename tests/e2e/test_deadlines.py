"""The deadlines dashboard in a real browser: every section's columns with their due dates, and overdue messages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reviewflow.models import Draft
from reviewflow.models_office import ColumnSchedule
from tests.e2e.browser import assert_fits, screenshot
from tests.factories import client_for, demo_org, fully_signed, wait_for
from workflow.tasks import warn_stale_columns

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_the_dashboard_shows_each_sections_columns_and_the_notice_sent_before_one_goes_stale(people):
    org = demo_org()
    draft = fully_signed(org)
    published = timezone.now() - timedelta(days=6)
    Draft.objects.filter(pk=draft.pk).update(published_at=published)
    client_for(org["drafter"]).post(
        "/api/v1/messages/",
        {"subject": "国庆节前的留言", "body": "请问办事大厅几点下班？", "received_at": "2026-09-30T10:00:00+08:00"},
        format="json",
    )

    page = people().log_in("drafter")
    page.click("#nav-deadlines")
    website = page.locator(
        f"#freshness tr[data-schedule='{ColumnSchedule.objects.get(section=draft.section, channel='website').pk}']"
    )
    expect(website).to_have_class("freshness-due_soon")
    expect(website.locator(".state")).to_have_text("即将到期")
    expect(website.locator(".due")).to_have_text(
        timezone.localtime(published + timedelta(days=7)).strftime("%Y-%m-%d %H:%M")
    )
    expect(page.locator("#freshness tbody tr")).to_have_count(ColumnSchedule.objects.count())
    expect(page.locator("#freshness tbody")).to_contain_text("办公室")
    expect(page.locator("#messages tbody tr", has_text="国庆节前的留言")).to_contain_text("已超期")

    warn_stale_columns.delay()
    wait_for(lambda: all(s.checked_at for s in ColumnSchedule.objects.all()))
    page.reload()
    expect(website).to_contain_text("已提醒股室")
    assert_fits(page)
    screenshot(page, "12-deadlines")
