"""Step deadlines: a level's time limit in working days, the reminder before it, the escalation after it (once)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from reviewflow import services
from reviewflow.deadlines import step_due
from reviewflow.models import AuditEvent, AuditKind, DeadlineNotice, Draft, Notification, StandIn, StepLimit
from reviewflow.workdays import SHANGHAI
from tests.factories import client_for, make_draft, sign_as, submit_and_check
from workflow.tasks import sweep_deadlines

pytestmark = pytest.mark.django_db


def test_a_deadline_across_the_national_day_holiday_and_a_tiaoxiu_saturday_lands_on_the_right_working_day(org):
    draft = make_draft(org["drafter"])
    opened = datetime(2026, 9, 30, 15, 0, tzinfo=SHANGHAI)
    # Default 2 working days: 1–7 Oct are holidays, so Thursday 8 and Friday 9 Oct count; due at the end of the 9th.
    assert step_due(draft, "section_head", opened) == datetime(2026, 10, 10, tzinfo=SHANGHAI)
    # 3 days for this unit's column: Saturday 10 Oct is a 调休 working day and is the third.
    StepLimit.objects.create(unit=draft.section.unit, column=draft.column, step="section_head", working_days=3)
    StepLimit.objects.create(unit=draft.section.unit, column="", step="section_head", working_days=5)
    assert step_due(draft, "section_head", opened) == datetime(2026, 10, 11, tzinfo=SHANGHAI)
    # Sunday 11 Oct is a rest day: the fourth working day is Monday 12 Oct (the unit-wide 5 days do not apply here).
    StepLimit.objects.filter(column=draft.column).update(working_days=4)
    assert step_due(draft, "section_head", opened) == datetime(2026, 10, 13, tzinfo=SHANGHAI)


def test_opening_a_level_sets_its_due_time_and_returning_clears_it(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    assert draft.step == "section_head"
    assert draft.step_due_at == step_due(draft, "section_head", draft.status_changed_at)
    assert draft.step_due_at > timezone.now() + timedelta(days=1)
    draft = sign_as(org["section_head"], draft)
    assert draft.step == "deputy" and draft.step_due_at is not None
    services.return_draft(draft_id=draft.pk, user=org["deputy"], version=draft.version, reason="补充数据")
    assert Draft.objects.get(pk=draft.pk).step_due_at is None


def _overdue(org) -> Draft:
    draft = submit_and_check(make_draft(org["drafter"]))
    Draft.objects.filter(pk=draft.pk).update(step_due_at=timezone.now() - timedelta(hours=1))
    return Draft.objects.get(pk=draft.pk)


def test_an_overdue_step_escalates_once_to_the_next_level_and_the_administrators(org):
    draft = _overdue(org)
    assert sweep_deadlines() == (0, 1)
    assert sweep_deadlines() == (0, 0)
    events = AuditEvent.objects.filter(draft=draft, event=AuditKind.STEP_OVERDUE)
    assert events.count() == 1 and events.get().data["step"] == "section_head"
    told = set(Notification.objects.filter(draft=draft, message__contains="overdue").values_list("user_id", flat=True))
    told |= set(Notification.objects.filter(draft=draft, message__contains="超期").values_list("user_id", flat=True))
    assert org["deputy"].pk in told and org["admin"].pk in told
    assert org["section_head"].pk not in told


def test_a_holder_and_their_stand_in_are_reminded_once_before_the_limit(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    today = timezone.localdate()
    StandIn.objects.create(
        principal=org["section_head"], stand_in=org["drafter2"], starts_on=today, ends_on=today, named_by=org["admin"]
    )
    Draft.objects.filter(pk=draft.pk).update(step_due_at=timezone.now() + timedelta(hours=2))
    assert sweep_deadlines() == (1, 0)
    assert sweep_deadlines() == (0, 0)
    reminded = DeadlineNotice.objects.filter(draft=draft, kind="reminder")
    assert reminded.count() == 1
    told = set(Notification.objects.filter(draft=draft).values_list("user_id", flat=True))
    assert {org["section_head"].pk, org["drafter2"].pk} <= told


def test_the_inbox_page_and_api_mark_an_overdue_step(org, client):
    late = _overdue(org)
    on_time = submit_and_check(make_draft(org["drafter"], title="按时的稿件"))
    client.force_login(org["section_head"])
    page = client.get("/inbox/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert page.count('class="due overdue"') == 1
    assert "已超期" in page
    body = client_for(org["section_head"]).get("/api/v1/inbox/").json()["results"]
    by_id = {item["id"]: item for item in body}
    assert by_id[late.pk]["overdue"] is True and by_id[on_time.pk]["overdue"] is False
    assert datetime.fromisoformat(by_id[on_time.pk]["step_due_at"]) == on_time.step_due_at


def test_the_audit_page_filters_the_overdue_steps(org, client):
    late = _overdue(org)
    sweep_deadlines()
    client.force_login(org["admin"])
    page = client.get("/audit/?overdue=on").content.decode()
    assert late.title in page
    rows = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert rows.count("<tr>") == 1 and "签发环节超期" in rows
    everything = client.get("/audit/").content.decode().split("<tbody>", 1)[1]
    assert everything.count("<tr>") > 1
