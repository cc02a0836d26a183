"""Submission through the API, the check through the real worker over Redis, the result on the draft."""

from __future__ import annotations

import signal

import pytest
from django.db import transaction

from reviewflow import services
from reviewflow.models import AuditEvent, CheckRun, Draft, Status
from tests.conftest import start_worker, stop_worker
from tests.factories import client_for, demo_org, draft_data, make_draft, stage, wait_for
from workflow.tasks import requeue_stale_checks, run_check

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def stage_of(draft_id: int) -> str:
    return stage(Draft.objects.get(pk=draft_id))


def test_submission_is_checked_by_the_worker_and_opens_the_section_heads_step(celery_worker):
    org = demo_org()
    drafter = client_for(org["drafter"])
    draft_id = drafter.post("/api/v1/drafts/", draft_data(), format="json").json()["id"]
    assert drafter.post(f"/api/v1/drafts/{draft_id}/submit/").status_code == 202
    wait_for(lambda: stage_of(draft_id) != Status.CHECKING)
    assert stage_of(draft_id) == "signing:section_head"
    body = drafter.get(f"/api/v1/drafts/{draft_id}/").json()
    assert body["check"]["status"] == "done"
    assert [s["step"] for s in body["signatures"]] == ["drafter"]


def test_the_worker_sends_a_typo_back_for_revision(celery_worker):
    org = demo_org()
    drafter = client_for(org["drafter"])
    draft_id = drafter.post(
        "/api/v1/drafts/", draft_data(body="区政务服务管理局研究布署下一阶段工作。"), format="json"
    ).json()["id"]
    drafter.post(f"/api/v1/drafts/{draft_id}/submit/")
    wait_for(lambda: stage_of(draft_id) != Status.CHECKING)
    assert stage_of(draft_id) == Status.NEEDS_REVISION
    findings = drafter.get(f"/api/v1/drafts/{draft_id}/").json()["check"]["findings"]
    assert any(f["text"] == "布署" and f["suggestion"] == "部署" for f in findings)


def test_a_redelivered_check_is_harmless(celery_worker):
    org = demo_org()
    drafter = client_for(org["drafter"])
    draft_id = drafter.post("/api/v1/drafts/", draft_data(), format="json").json()["id"]
    drafter.post(f"/api/v1/drafts/{draft_id}/submit/")
    wait_for(lambda: stage_of(draft_id) != Status.CHECKING)
    run = CheckRun.objects.get(version__draft_id=draft_id)
    assert CheckRun.objects.get(pk=run.pk).deliveries == 1
    run_check.delay(run.pk)  # as if the broker delivered the message again
    run_check.delay(run.pk)
    wait_for(lambda: CheckRun.objects.get(pk=run.pk).deliveries == 3)
    assert CheckRun.objects.get(pk=run.pk).attempts == 1
    assert CheckRun.objects.filter(version__draft_id=draft_id).count() == 1
    assert AuditEvent.objects.filter(draft_id=draft_id, event="check.completed").count() == 1
    assert AuditEvent.objects.filter(draft_id=draft_id, event="review.signed").count() == 1
    assert stage_of(draft_id) == "signing:section_head"


def test_a_lost_check_is_requeued_by_the_sweep(celery_worker, settings):
    org = demo_org()
    draft = make_draft(org["drafter"])
    with transaction.atomic():
        services.submit(draft_id=draft.pk, user=org["drafter"])
        # The message is lost: nothing reaches the broker for this submission.
        transaction.get_connection().run_on_commit.clear()
    CheckRun.objects.filter(version__draft=draft).update(
        requested_at=CheckRun.objects.get(version__draft=draft).requested_at.replace(year=2000)
    )
    assert stage_of(draft.pk) == Status.CHECKING
    assert requeue_stale_checks() == 1
    wait_for(lambda: stage_of(draft.pk) != Status.CHECKING)
    assert stage_of(draft.pk) == "signing:section_head"


def test_a_check_whose_worker_dies_mid_run_is_redelivered_and_finishes(celery_worker, database_url):
    """acks_late: the message stays unacknowledged while the check runs, so a killed worker loses nothing."""
    org = demo_org()
    # A long body keeps the check running long enough to kill the worker in the middle of it.
    draft = make_draft(
        org["drafter"], body="区政务服务管理局召开政务公开工作会议，研究部署下一阶段信息发布审核工作。" * 1200
    )
    with transaction.atomic():
        run = services.submit(draft_id=draft.pk, user=org["drafter"])
        transaction.get_connection().run_on_commit.clear()
    queue = f"redelivery-{draft.pk}"
    fast_redelivery = {"REVIEWFLOW_VISIBILITY_TIMEOUT": "2"}
    doomed = start_worker(database_url=database_url, queue=queue, name=f"doomed-{draft.pk}", extra_env=fast_redelivery)
    run_check.apply_async((run.pk,), queue=queue)
    wait_for(lambda: CheckRun.objects.get(pk=run.pk).status == CheckRun.State.RUNNING, timeout=60, interval=0.02)
    doomed.send_signal(signal.SIGKILL)
    doomed.wait(timeout=30)
    assert CheckRun.objects.get(pk=run.pk).status == CheckRun.State.RUNNING
    heir = start_worker(database_url=database_url, queue=queue, name=f"heir-{draft.pk}", extra_env=fast_redelivery)
    try:
        wait_for(lambda: stage_of(draft.pk) != Status.CHECKING, timeout=90)
    finally:
        stop_worker(heir)
    assert stage_of(draft.pk) == "signing:section_head"
    run.refresh_from_db()
    assert (run.status, run.attempts) == (CheckRun.State.DONE, 2)
    assert AuditEvent.objects.filter(draft=draft, event="check.completed").count() == 1
