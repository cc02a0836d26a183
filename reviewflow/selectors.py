"""Reads: what a person sees, and what the checker and the sweep need."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

import checks

from .models import (
    AWAITING_STEP,
    AuditEvent,
    CheckRun,
    DictionaryEntry,
    Draft,
    DraftVersion,
    Finding,
    Notification,
    Section,
    Signature,
    Status,
    Unit,
    User,
)


def visibility(user: User) -> Q:
    """Drafts a user may see: their own, those their chain role touches, all for auditors."""
    if user.is_auditor:
        return Q()
    led_sections = Section.objects.filter(Q(head=user) | Q(deputy=user) | Q(unit__head=user)).values("pk")
    return Q(drafter=user) | Q(section_head=user) | Q(deputy=user) | Q(head=user) | Q(section__in=led_sections)


def visible_drafts(user: User) -> QuerySet[Draft]:
    return Draft.objects.filter(visibility(user))


def drafts_of(user: User) -> QuerySet[Draft]:
    """A drafter's own drafts, newest first."""
    return (
        Draft.objects.filter(drafter=user).select_related("section", "section_head", "deputy", "head").order_by("-pk")
    )


def inbox_for(user: User) -> QuerySet[Draft]:
    """Drafts whose open step is this user's, oldest waiting first."""
    waiting = Q()
    for status, step in AWAITING_STEP.items():
        waiting |= Q(status=status, **{step: user})
    return Draft.objects.filter(waiting).select_related("drafter", "section").order_by("status_changed_at", "pk")


def draft_for(user: User, draft_id: int) -> Draft | None:
    return (
        visible_drafts(user)
        .select_related("drafter", "section__unit", "returned_by", "section_head", "deputy", "head")
        .filter(pk=draft_id)
        .first()
    )


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


def published_items(column: str | None = None) -> QuerySet[Draft]:
    """Published items, newest first; one column's when a column is named."""
    items = Draft.objects.filter(status=Status.PUBLISHED)
    if column:
        items = items.filter(column=column)
    return items.prefetch_related(
        Prefetch(
            "signatures",
            queryset=Signature.objects.filter(voided_at__isnull=True)
            .select_related("user")
            .order_by("signed_at", "id"),
            to_attr="live_signatures",
        )
    ).order_by("-published_at", "-pk")


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


def audit_events(
    *,
    actor: User | None = None,
    section: Section | None = None,
    event: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEvent]:
    """Audit events, newest first, narrowed by person, section, event type and days (both ends included)."""
    events = AuditEvent.objects.select_related("actor", "draft__section").order_by("-created_at", "-id")
    if actor is not None:
        events = events.filter(actor=actor)
    if section is not None:
        events = events.filter(draft__section=section)
    if event:
        events = events.filter(event=event)
    # Days as a range of instants (local midnight to midnight), so the created_at index serves the filter.
    if since is not None:
        events = events.filter(created_at__gte=_local_midnight(since))
    if until is not None:
        events = events.filter(created_at__lt=_local_midnight(until + timedelta(days=1)))
    return events


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def versions_of(draft: Draft) -> QuerySet[DraftVersion]:
    return draft.versions.select_related("author").order_by("number")


def versions_between(draft: Draft, seen: int | None) -> tuple[DraftVersion, DraftVersion] | None:
    """The version a person last read and the current one, when the draft has changed since."""
    if seen is None or seen >= draft.version:
        return None
    pair = {v.number: v for v in draft.versions.filter(number__in=(seen, draft.version))}
    if len(pair) != 2:
        return None
    return pair[seen], pair[draft.version]


def timeline_with_findings(draft: Draft) -> list[AuditEvent]:
    """A draft's audit events, oldest first; each completed check carries the findings it produced."""
    by_check: dict[int, list[Finding]] = {}
    for finding in Finding.objects.filter(check_run__version__draft=draft).select_related("dismissed_by"):
        by_check.setdefault(finding.check_run_id, []).append(finding)
    events = list(timeline_of(draft))
    for event in events:
        event.findings = by_check.get(event.data.get("check"), []) if event.event == "check.completed" else []
    return events


def notifications_of(user: User) -> QuerySet[Notification]:
    """A person's notifications, newest first, with their drafts."""
    return Notification.objects.filter(user=user).select_related("draft").order_by("-created_at", "-id")
