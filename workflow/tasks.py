"""Celery entry points: they take ids and call services."""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import OperationalError
from django.utils import timezone

import checks
from reviewflow import selectors, services
from reviewflow.models import CheckRun
from reviewflow.verification import verify_audit as verify_audit_chain

log = logging.getLogger(__name__)


@shared_task(
    name="workflow.run_check", acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5
)
def run_check(check_run_id: int) -> None:
    """Check one version's text once; a redelivery finds the result stored and only routes the draft."""
    if not CheckRun.objects.filter(pk=check_run_id).exists():
        log.warning("check %s no longer exists; message dropped", check_run_id)
        return
    findings = None
    if services.mark_check_running(check_run_id=check_run_id):
        run = CheckRun.objects.select_related("version__draft__section__unit").get(pk=check_run_id)
        version = run.version
        lexicon = selectors.lexicon_for(version.draft.section.unit)
        try:
            findings = [("title", f) for f in checks.check_text(version.title, lexicon)]
            findings += [("body", f) for f in checks.check_text(version.body, lexicon)]
        except Exception as error:  # the checker itself failed: hand the draft back, never leave it checking
            log.exception("check %s failed", check_run_id)
            services.mark_check_failed(check_run_id=check_run_id, error=repr(error))
            return
    services.record_check_result(check_run_id=check_run_id, findings=findings)


@shared_task(name="workflow.requeue_stale_checks")
def requeue_stale_checks() -> int:
    """Re-queue checks that never finished (a lost message, a killed worker); run_check is idempotent."""
    cutoff = timezone.now() - timedelta(seconds=settings.REVIEWFLOW_CHECK_STALE_AFTER)
    stale = list(selectors.stale_check_runs(before=cutoff).values_list("pk", flat=True))
    for run_id in stale:
        run_check.delay(run_id)
    return len(stale)


@shared_task(name="workflow.verify_audit")
def verify_audit() -> bool:
    """The daily walk of the audit chain; a failure is kept for the audit page and mailed to administrators."""
    return verify_audit_chain().ok
