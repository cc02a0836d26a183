"""The typo check's side of the review: claim a check, store its findings once, route the draft."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import engine
from ..audit import audit_record
from ..models import CheckRun, Draft, Finding, Signature, Status, Step
from .locking import lock_draft
from .notifications import notify
from .steps import open_step, set_status


@transaction.atomic
def mark_check_running(*, check_run_id: int) -> bool:
    """Claim a check for running; False when it already has its result."""
    run = CheckRun.objects.select_for_update().get(pk=check_run_id)
    if run.status == CheckRun.State.DONE:
        return False
    run.status, run.started_at, run.attempts = CheckRun.State.RUNNING, timezone.now(), run.attempts + 1
    run.save(update_fields=["status", "started_at", "attempts"])
    return True


def _carried_dismissals(run: CheckRun) -> dict[tuple, Finding]:
    """Dismissals made on the same version stay valid when that version is checked again."""
    earlier = Finding.objects.filter(check_run__version=run.version, dismissed_at__isnull=False).exclude(check_run=run)
    return {(f.field, f.start, f.end, f.rule): f for f in earlier}


def _store_findings(run: CheckRun, findings: Iterable[tuple[str, object]]) -> list[Finding]:
    carried = _carried_dismissals(run)
    rows = []
    for field, found in findings:
        row = Finding(
            check_run=run,
            field=field,
            start=found.start,
            end=found.end,
            text=found.text[:200],
            suggestion=found.suggestion,
            kind=found.kind,
            severity=found.severity,
            message=found.message[:300],
            rule=found.rule,
        )
        earlier = carried.get((field, found.start, found.end, found.rule))
        if earlier is not None:
            row.dismissed_by, row.dismiss_reason, row.dismissed_at = (
                earlier.dismissed_by,
                earlier.dismiss_reason,
                earlier.dismissed_at,
            )
        rows.append(row)
    return Finding.objects.bulk_create(rows)


@transaction.atomic
def record_check_result(*, check_run_id: int, findings: Iterable[tuple[str, object]] | None) -> Draft:
    """Store a check's findings once, then route the draft if it still waits on this check.

    A clean result is the drafter's signature on that version; findings send it back for revision.
    `findings` is None when the result is already stored (a redelivered or repeated task).
    """
    run = CheckRun.objects.select_related("version").get(pk=check_run_id)
    draft = lock_draft(run.version.draft_id)
    run = CheckRun.objects.select_for_update().get(pk=check_run_id)
    if run.status != CheckRun.State.DONE and findings is not None:
        stored = _store_findings(run, findings)
        run.status, run.finished_at, run.error = CheckRun.State.DONE, timezone.now(), ""
        run.save(update_fields=["status", "finished_at", "error"])
        audit_record(
            draft=draft,
            actor=None,
            event="check.completed",
            data={"check": run.pk, "purpose": run.purpose, "findings": len(stored), "version": run.version.number},
        )
    if run.status != CheckRun.State.DONE or draft.status != Status.CHECKING or draft.pending_check_id != run.pk:
        return draft
    draft.pending_check = None
    if run.findings.filter(severity__in=("error", "warning"), dismissed_at__isnull=True).exists():
        set_status(draft, Status.NEEDS_REVISION)
        draft.save()
        audit_record(draft=draft, actor=None, event="check.needs_revision", data={"check": run.pk})
        notify(
            user=draft.drafter,
            draft=draft,
            message=_("The typo check found problems in “%(title)s”; revise or dismiss them, then submit again.")
            % {"title": draft.title},
        )
    elif run.purpose == CheckRun.Purpose.SUBMISSION:
        Signature.objects.create(
            draft=draft, version=run.version, step=Step.DRAFTER, user=draft.drafter, content_hash=draft.content_hash
        )
        audit_record(draft=draft, actor=draft.drafter, event="review.signed", data={"step": Step.DRAFTER})
        open_step(draft, Status.AWAITING_SECTION_HEAD)
    else:
        audit_record(draft=draft, actor=None, event="check.final_passed", data={"check": run.pk})
        open_step(draft, Status.AWAITING_HEAD)
    engine.get().advance(draft)
    return draft


@transaction.atomic
def mark_check_failed(*, check_run_id: int, error: str) -> None:
    """A check that cannot finish hands the draft back to its drafter instead of leaving it checking."""
    run = CheckRun.objects.select_related("version").get(pk=check_run_id)
    draft = lock_draft(run.version.draft_id)
    run = CheckRun.objects.select_for_update().get(pk=check_run_id)
    if run.status == CheckRun.State.DONE:
        return
    run.status, run.error, run.finished_at = CheckRun.State.FAILED, error[:2000], timezone.now()
    run.save(update_fields=["status", "error", "finished_at"])
    audit_record(draft=draft, actor=None, event="check.failed", data={"check": run.pk, "error": error[:200]})
    if draft.status == Status.CHECKING and draft.pending_check_id == run.pk:
        draft.pending_check = None
        set_status(draft, Status.NEEDS_REVISION)
        draft.save()
        engine.get().advance(draft)
        notify(
            user=draft.drafter,
            draft=draft,
            message=_("The typo check of “%(title)s” could not run; please submit again.") % {"title": draft.title},
        )
