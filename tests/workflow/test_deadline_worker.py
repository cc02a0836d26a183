"""The deadline beat task through the real worker: an overdue level escalates once, however often beat ticks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from reviewflow.models import AuditEvent, AuditKind, DeadlineNotice, Draft, Notification
from tests.factories import demo_org, make_draft, submit_and_check, wait_for
from workflow.tasks import sweep_deadlines

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def test_the_worker_escalates_an_overdue_step_once(celery_worker):
    org = demo_org()
    draft = submit_and_check(make_draft(org["drafter"]))
    Draft.objects.filter(pk=draft.pk).update(step_due_at=timezone.now() - timedelta(minutes=5))

    sweep_deadlines.delay()
    sweep_deadlines.delay()
    escalations = AuditEvent.objects.filter(draft=draft, event=AuditKind.STEP_OVERDUE)
    wait_for(escalations.exists)
    told = Notification.objects.filter(draft=draft, user=org["deputy"]).count()
    # A later tick, here in the test's process, finds the escalation already given.
    assert sweep_deadlines() == (0, 0)
    assert escalations.count() == 1
    assert DeadlineNotice.objects.filter(draft=draft, kind="escalation").count() == 1
    assert Notification.objects.filter(draft=draft, user=org["deputy"]).count() == told == 1
