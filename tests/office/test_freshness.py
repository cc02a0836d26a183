"""Column freshness: the beat task, run by the real worker, tells a section once before a column goes stale."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from reviewflow.models import AuditEvent, Draft
from reviewflow.models_office import ColumnSchedule, FreshnessNotice
from tests.factories import client_for, demo_org, fully_signed, wait_for
from workflow.tasks import warn_stale_columns

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def _sweep_by_worker() -> None:
    """Queue the beat task and wait until the worker has looked at every column."""
    before = {s.pk: s.checked_at for s in ColumnSchedule.objects.all()}
    warn_stale_columns.delay()
    wait_for(lambda: all(s.checked_at and s.checked_at != before[s.pk] for s in ColumnSchedule.objects.all()))


def test_a_column_about_to_go_stale_notifies_its_section_once(celery_worker):
    org = demo_org()
    draft = fully_signed(org)  # 网络信息股, 工作动态 on the website: weekly
    six_days_ago = timezone.now() - timedelta(days=6)
    Draft.objects.filter(pk=draft.pk).update(published_at=six_days_ago)
    weekly = ColumnSchedule.objects.get(section=draft.section, column="work_news", channel="website")

    _sweep_by_worker()
    notice = FreshnessNotice.objects.get()
    assert notice.schedule == weekly and notice.due_at == six_days_ago + timedelta(days=7)
    assert {"drafter", "section_head"} <= set(notice.recipients)

    _sweep_by_worker()
    _sweep_by_worker()
    assert FreshnessNotice.objects.count() == 1
    assert AuditEvent.objects.filter(event="column.stale_warned").count() == 1

    rows = client_for(org["drafter"]).get("/api/v1/freshness/").json()["results"]
    states = {(r["section"], r["column"], r["channel"]): (r["state"], r["notified_at"] is not None) for r in rows}
    assert states[("网络信息股", "work_news", "website")] == ("due_soon", True)
    assert states[("网络信息股", "work_news", "new_media")] == ("fresh", False)


def test_a_new_publication_starts_a_new_period_with_its_own_notice(celery_worker):
    org = demo_org()
    first = fully_signed(org)
    Draft.objects.filter(pk=first.pk).update(published_at=timezone.now() - timedelta(days=9))
    _sweep_by_worker()
    assert FreshnessNotice.objects.count() == 1  # already stale: told once

    second = fully_signed(org, title="区政务服务管理局开展政务公开培训")
    Draft.objects.filter(pk=second.pk).update(published_at=timezone.now() - timedelta(days=6))
    _sweep_by_worker()
    _sweep_by_worker()
    assert sorted(n.due_at for n in FreshnessNotice.objects.all()) == [
        Draft.objects.get(pk=first.pk).published_at + timedelta(days=7),
        Draft.objects.get(pk=second.pk).published_at + timedelta(days=7),
    ]
