"""Celery entry points: they take ids and call services."""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import OperationalError
from django.utils import timezone

import checks
from reviewflow import reference, selectors, services
from reviewflow.errors import PublishRefused
from reviewflow.links import link_findings
from reviewflow.models import CheckRun, Draft, Rescan, Unit
from reviewflow.services import rescan
from reviewflow.verification import verify_audit as verify_audit_chain

log = logging.getLogger(__name__)


@shared_task(
    name="workflow.run_check", acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5
)
def run_check(check_run_id: int) -> None:
    """Check one version's text once; a redelivery finds the result stored and only routes the draft."""
    claimed = services.claim_check(check_run_id=check_run_id)
    if claimed is None:
        log.warning("check %s no longer exists; message dropped", check_run_id)
        return
    findings, draft_id = None, None
    if claimed:
        run = (
            CheckRun.objects.select_related("version__draft__section__unit")
            .annotate(reference_token=reference.TOKEN)
            .get(pk=check_run_id)
        )
        version, draft_id = run.version, run.version.draft_id
        lexicon = reference.lexicon(version.draft.section.unit, run.reference_token)
        try:
            findings = [("title", f) for f in checks.check_text(version.title, lexicon)]
            findings += [("body", f) for f in checks.check_text(version.body, lexicon)]
            findings += link_findings(version)
        except Exception as error:  # the checker itself failed: hand the draft back, never leave it checking
            log.exception("check %s failed", check_run_id)
            services.mark_check_failed(check_run_id=check_run_id, error=repr(error))
            return
    services.record_check_result(check_run_id=check_run_id, findings=findings, draft_id=draft_id)


@shared_task(name="workflow.send_notification_emails")
def send_notification_emails() -> int:
    """Email what the outbox holds (beat, every few seconds); a notice is sent once, whichever worker runs it."""
    return services.email_pending_notifications()


@shared_task(name="workflow.publish_scheduled")
def publish_scheduled() -> int:
    """Publish every signed item whose publication time has come; each in its own transaction, each once."""
    published = 0
    for draft_id in selectors.due_for_publication(timezone.now()).values_list("pk", flat=True):
        try:
            published += services.publish_due(draft_id=draft_id) is not None
        except PublishRefused as refusal:  # the item stays scheduled, visible to its signers; the others go on
            log.error("scheduled draft %s not published: %s", draft_id, refusal.text)
    return published


@shared_task(name="workflow.sweep_deadlines")
def sweep_deadlines() -> tuple[int, int]:
    """Remind holders before their level's time limit and escalate overdue levels; each once."""
    return services.sweep_deadlines()


@shared_task(name="workflow.requeue_stale_checks")
def requeue_stale_checks() -> int:
    """Re-queue checks that never finished (a lost message, a killed worker); run_check is idempotent."""
    now = timezone.now()
    stale = list(
        selectors.stale_check_runs(
            before=now - timedelta(seconds=settings.REVIEWFLOW_CHECK_STALE_AFTER),
            unsent_before=now - timedelta(seconds=settings.REVIEWFLOW_CHECK_UNSENT_AFTER),
        ).values_list("pk", flat=True)
    )
    for run_id in stale:
        run_check.delay(run_id)
    return len(stale)


@shared_task(name="workflow.warn_stale_columns")
def warn_stale_columns() -> int:
    """Beat: tell sections about columns that fall due soon; once per due date, however often beat ticks."""
    from reviewflow.services.freshness import warn_stale_columns as sweep

    return len(sweep())


@shared_task(name="workflow.deliver_webhook", bind=True, acks_late=True, max_retries=None)
def deliver_webhook(self, delivery_id: int) -> bool:
    """POST one webhook delivery; a failed attempt is logged and retried with exponential backoff."""
    from reviewflow import webhooks

    retries = settings.REVIEWFLOW_WEBHOOK_RETRIES
    try:
        return webhooks.deliver(delivery_id, final=self.request.retries >= retries)
    except webhooks.DeliveryFailed as failure:
        countdown = settings.REVIEWFLOW_WEBHOOK_BACKOFF * 2**self.request.retries
        raise self.retry(exc=failure, countdown=countdown, max_retries=retries) from failure


@shared_task(name="workflow.verify_audit")
def verify_audit() -> bool:
    """The daily walk of the audit chain; a failure is kept for the audit page and mailed to administrators."""
    return verify_audit_chain().ok


@shared_task(name="workflow.rescan_published", acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True)
def rescan_published(unit_id: int, trigger: str) -> int:
    """Re-check the public text of each of the unit's published items once for this trigger; returns how many ran."""
    lexicon = selectors.lexicon_for(Unit.objects.get(pk=unit_id))
    done = 0
    for draft_id in rescan.published_of(unit_id).values_list("pk", flat=True):
        draft = Draft.objects.select_related("publication__version").get(pk=draft_id)
        version = draft.publication.version if draft.publication else None
        if version is None or Rescan.objects.filter(version=version, trigger=trigger).exists():
            continue
        findings = [("title", f) for f in checks.check_text(version.title, lexicon)]
        findings += [("body", f) for f in checks.check_text(version.body, lexicon)]
        done += rescan.record_rescan(draft_id=draft_id, trigger=trigger, findings=findings) is not None
    return done


@shared_task(name="workflow.rescan_on_new_rules")
def rescan_on_new_rules() -> int:
    """A new base list or new checker rules re-scan every unit's published items (once per version, by the key)."""
    trigger = rescan.rules_trigger()
    units = list(Unit.objects.values_list("pk", flat=True))
    for unit_id in units:
        rescan_published.delay(unit_id, trigger)
    return len(units)
