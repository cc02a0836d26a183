"""The typo check's side of the review: claim a check, store its findings once, route the draft."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

import checks

from ..audit import AuditEntry, audit_record, audit_records
from ..lifecycle import ROUTE_FIELDS, DraftLifecycle, Step
from ..models import AuditKind, CheckRun, Draft, Finding, Signature
from .locking import lock_draft
from .notifications import notify, notify_holder


def claim_check(*, check_run_id: int) -> bool | None:
    """Count a delivery of the check and claim it for running, in one statement: True when claimed, False when it
    already has its result (a redelivery), None when it no longer exists."""
    delivered = F("deliveries") + 1
    running = {"status": CheckRun.State.RUNNING, "started_at": timezone.now(), "attempts": F("attempts") + 1}
    claimed = (
        CheckRun.objects.filter(pk=check_run_id)
        .exclude(status=CheckRun.State.DONE)
        .update(deliveries=delivered, **running)
    )
    if claimed:
        return True
    return False if CheckRun.objects.filter(pk=check_run_id).update(deliveries=delivered) else None


def _carried_dismissals(run: CheckRun) -> dict[tuple, Finding]:
    """Dismissals that still hold: the same text at the same place under the same rule, on this version or the
    latest earlier one with dismissals (its places moved through the edit, line by line)."""
    version = run.version
    same = Finding.objects.filter(check_run__version=version, dismissed_at__isnull=False).exclude(check_run=run)
    carried = {(f.field, f.start, f.end, f.rule, f.text): f for f in same}
    if version.number == 1:
        return carried  # no earlier version to carry from
    earlier = list(
        Finding.objects.filter(
            check_run__version__draft_id=version.draft_id,
            check_run__version__number__lt=version.number,
            dismissed_at__isnull=False,
        )
        .select_related("check_run__version")
        .order_by("-check_run__version__number", "-check_run_id")
    )
    latest = [f for f in earlier if f.check_run.version_id == earlier[0].check_run.version_id] if earlier else []
    for finding in latest:
        old_text, new_text = getattr(finding.check_run.version, finding.field), getattr(version, finding.field)
        moved = moved_span(old_text, new_text, finding.start, finding.end)
        if moved is not None and new_text[moved[0] : moved[1]] == finding.text:
            carried.setdefault((finding.field, *moved, finding.rule, finding.text), finding)
    return carried


def moved_span(old: str, new: str, start: int, end: int) -> tuple[int, int] | None:
    """Where old[start:end] stands in new, when its line came through the edit unchanged; else None."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    line = old.count("\n", 0, start)
    if old.count("\n", 0, end) != line:
        return None
    column = start - (old.rfind("\n", 0, start) + 1)
    for tag, i1, i2, j1, _j2 in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if tag == "equal" and i1 <= line < i2:
            new_line = j1 + (line - i1)
            offset = sum(len(text) + 1 for text in new_lines[:new_line]) + column
            return offset, offset + (end - start)
    return None


def _bounded(findings: Iterable[tuple[str, checks.Finding]]) -> tuple[list[tuple[str, checks.Finding]], dict]:
    """At most REVIEWFLOW_MAX_FINDINGS_PER_RULE of one rule and REVIEWFLOW_MAX_FINDINGS in all; the rest counted."""
    kept: list[tuple[str, checks.Finding]] = []
    per_rule: dict[str, int] = {}
    omitted: dict[str, int] = {}
    for field, found in findings:
        seen = per_rule.get(found.rule, 0)
        if seen >= settings.REVIEWFLOW_MAX_FINDINGS_PER_RULE or len(kept) >= settings.REVIEWFLOW_MAX_FINDINGS:
            omitted[found.rule] = omitted.get(found.rule, 0) + 1
            continue
        per_rule[found.rule] = seen + 1
        kept.append((field, found))
    return kept, omitted


def _store_findings(run: CheckRun, findings: Iterable[tuple[str, checks.Finding]]) -> list[Finding]:
    findings, run.omitted = _bounded(findings)
    carried = _carried_dismissals(run) if findings else {}
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
        earlier = carried.get((field, found.start, found.end, found.rule, found.text[:200]))
        if earlier is not None:
            row.dismissed_by, row.dismiss_reason, row.dismissed_at = (
                earlier.dismissed_by,
                earlier.dismiss_reason,
                earlier.dismissed_at,
            )
            row.dismissal_confirmed_by_id = earlier.dismissal_confirmed_by_id
            row.dismissal_confirmed_at = earlier.dismissal_confirmed_at
        rows.append(row)
    return Finding.objects.bulk_create(rows)


def _locked_run(check_run_id: int, draft_id: int | None = None) -> tuple[Draft, CheckRun]:
    """The draft first, then its check: the same lock order as every other service."""
    if draft_id is None:
        draft_id = CheckRun.objects.values_list("version__draft_id", flat=True).get(pk=check_run_id)
    draft = lock_draft(draft_id)
    return draft, CheckRun.objects.select_for_update().select_related("version").get(pk=check_run_id)


@transaction.atomic
def record_check_result(
    *, check_run_id: int, findings: Iterable[tuple[str, checks.Finding]] | None, draft_id: int | None = None
) -> Draft:
    """Store a check's findings once, then route the draft if it still waits on this check.

    A clean submission check is the drafter's signature on that version; findings send the draft back for revision.
    `findings` is None when the result is already stored (a redelivered or repeated task). `draft_id`: the check's
    draft, when the caller has read it.
    """
    draft, run = _locked_run(check_run_id, draft_id)
    events: list[AuditEntry] = []
    stored = None
    if run.status != CheckRun.State.DONE and findings is not None:
        stored = _store_findings(run, findings)
        run.status, run.finished_at, run.error = CheckRun.State.DONE, timezone.now(), ""
        run.save(update_fields=["status", "finished_at", "error", "omitted"])
        data = {"check": run.pk, "purpose": run.purpose, "findings": len(stored), "version": run.version.number}
        events.append((None, AuditKind.CHECK_COMPLETED, data))
    lifecycle = DraftLifecycle(draft)
    waits_for_this = draft.pending_check_id == run.pk and lifecycle.finish_check.can_proceed()
    if run.status == CheckRun.State.DONE and waits_for_this:
        events += _route(draft, run, lifecycle, blocking=None if stored is None else any(f.blocking for f in stored))
    if events:
        audit_records(draft, events)  # last, as in every service: the chain head is locked only until the commit
    return draft


def _route(draft: Draft, run: CheckRun, lifecycle: DraftLifecycle, *, blocking: bool | None) -> list[AuditEntry]:
    """Send the draft on after its check: to the next level when nothing blocks, else back to its drafter.

    `blocking`: whether the findings just stored block; None when they were stored earlier (then it is read)."""
    draft.pending_check = None
    passed = not (run.findings.blocking().exists() if blocking is None else blocking)
    lifecycle.finish_check(passed=passed)
    draft.save(update_fields=[*ROUTE_FIELDS, "pending_check"])
    if not passed:
        notify(
            user_id=draft.drafter_id,
            draft=draft,
            message=_("The typo check found problems in “%(title)s”; revise or dismiss them, then submit again.")
            % {"title": draft.title},
            once=True,
        )
        return [(None, AuditKind.CHECK_NEEDS_REVISION, {"check": run.pk})]
    if run.purpose == CheckRun.Purpose.SUBMISSION:
        Signature.objects.create(
            draft=draft, version=run.version, step=Step.DRAFTER, user=draft.drafter, content_hash=draft.content_hash
        )
        event: AuditEntry = (draft.drafter, AuditKind.SIGNED, {"step": Step.DRAFTER})
    else:
        event = (None, AuditKind.FINAL_CHECK_PASSED, {"check": run.pk})
    notify_holder(draft)
    return [event]


@transaction.atomic
def mark_check_failed(*, check_run_id: int, error: str) -> None:
    """A check that cannot finish hands the draft back to its drafter instead of leaving it checking."""
    draft, run = _locked_run(check_run_id)
    if run.status == CheckRun.State.DONE:
        return
    run.status, run.error, run.finished_at = CheckRun.State.FAILED, error[:2000], timezone.now()
    run.save(update_fields=["status", "error", "finished_at"])
    audit_record(draft=draft, actor=None, event=AuditKind.CHECK_FAILED, data={"check": run.pk, "error": error[:200]})
    lifecycle = DraftLifecycle(draft)
    if draft.pending_check_id == run.pk and lifecycle.finish_check.can_proceed():
        draft.pending_check = None
        lifecycle.finish_check(passed=False)
        draft.save()
        notify(
            user_id=draft.drafter_id,
            draft=draft,
            message=_("The typo check of “%(title)s” could not run; please submit again.") % {"title": draft.title},
        )
