"""Reads: what a person sees, and what the checker and the sweep need."""
from __future__ import annotations

from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet

import checks

from .models import (
    AWAITING_STEP,
    AuditEvent,
    CheckRun,
    DictionaryEntry,
    Draft,
    Finding,
    Signature,
    Status,
    Unit,
    User,
)
from .services.locking import visible_drafts


def drafts_of(user: User) -> QuerySet[Draft]:
    """A drafter's own drafts, newest first."""
    return Draft.objects.filter(drafter=user).select_related("section", "section_head", "deputy", "head").order_by("-pk")


def inbox_for(user: User) -> QuerySet[Draft]:
    """Drafts whose open step is this user's, oldest waiting first."""
    waiting = Q()
    for status, step in AWAITING_STEP.items():
        waiting |= Q(status=status, **{step: user})
    return Draft.objects.filter(waiting).select_related("drafter", "section").order_by("status_changed_at", "pk")


def draft_for(user: User, draft_id: int) -> Draft | None:
    return visible_drafts(user).select_related("drafter", "section__unit", "returned_by").filter(pk=draft_id).first()


def live_signatures(draft: Draft) -> list[Signature]:
    return list(draft.signatures.filter(voided_at__isnull=True).select_related("user").order_by("signed_at", "id"))


def latest_check(draft: Draft) -> CheckRun | None:
    """The newest check of the current version, with its findings."""
    return (
        CheckRun.objects.filter(version__draft=draft, version__number=draft.version)
        .prefetch_related(Prefetch("findings", queryset=Finding.objects.select_related("dismissed_by")))
        .order_by("-pk")
        .first()
    )


def timeline_of(draft: Draft) -> QuerySet[AuditEvent]:
    return draft.audit_events.select_related("actor").order_by("created_at", "id")


def published_items() -> QuerySet[Draft]:
    return (
        Draft.objects.filter(status=Status.PUBLISHED)
        .prefetch_related(Prefetch("signatures", queryset=Signature.objects.filter(voided_at__isnull=True)
                                   .select_related("user").order_by("signed_at", "id"), to_attr="live_signatures"))
        .order_by("-published_at", "-pk")
    )


def lexicon_for(unit: Unit) -> checks.Lexicon:
    """The unit's dictionary as the checker's lexicon; proposed entries wait for an administrator."""
    entries = list(DictionaryEntry.objects.filter(unit=unit, proposed=False))
    kinds = DictionaryEntry.EntryKind
    return checks.Lexicon(
        allow=frozenset(e.term for e in entries if e.kind == kinds.ALLOW),
        confusions=tuple((e.term, e.replacement) for e in entries if e.kind == kinds.CONFUSION and e.replacement),
        sensitive=tuple((e.term, e.replacement, e.note) for e in entries if e.kind == kinds.SENSITIVE),
    )


def stale_check_runs(*, before: datetime) -> QuerySet[CheckRun]:
    """Checks a draft still waits for that were asked for, started or finished before `before`."""
    waited_for = Draft.objects.filter(status=Status.CHECKING, pending_check__isnull=False).values("pending_check")
    return CheckRun.objects.filter(pk__in=waited_for).filter(
        Q(status=CheckRun.State.PENDING, requested_at__lt=before)
        | Q(status=CheckRun.State.RUNNING, started_at__lt=before)
        | Q(status__in=(CheckRun.State.DONE, CheckRun.State.FAILED), finished_at__lt=before)
    )


def audit_events() -> QuerySet[AuditEvent]:
    return AuditEvent.objects.order_by("-created_at", "-id")
