"""Reads: what a person sees, and what the checker and the sweep need."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

import checks
from checks.inspection import FormerTitle, NormativeEntry, Official

from .errors import NotFound
from .lifecycle import Status
from .models import (
    AuditEvent,
    AuditKind,
    CheckRun,
    DictionaryEntry,
    Draft,
    DraftVersion,
    Finding,
    NormativeOverride,
    Notification,
    Publication,
    Rescan,
    Section,
    Signature,
    Unit,
    User,
)
from .models import (
    Official as OfficialRecord,
)
from .policy import may_see, standing_in_for, visibility
from .prepared import NO_ROW, Prepared, is_row_id
from .services.content import CONTENT_FIELDS


def visible_drafts(user: User) -> QuerySet[Draft]:
    return Draft.objects.filter(visibility(user))


def drafts_of(user: User) -> QuerySet[Draft]:
    """A drafter's own drafts, newest first."""
    return Draft.objects.filter(drafter=user).select_related("section", "holder", "returned_by").order_by("-pk")


def inbox_for(user: User) -> QuerySet[Draft]:
    """Drafts whose open level this user holds, or holds today as a stand-in, oldest waiting first."""
    # The principals as a list, not a subquery OR-ed in: `holder IN (ids)` walks the holder index, where the OR made
    # PostgreSQL read every open draft (13 ms at 100,000 of them, on every page through the inbox badge).
    holders = [user.pk, *standing_in_for(user).values_list("principal_id", flat=True)]
    return (
        Draft.objects.filter(holder__in=holders, status=Status.SIGNING)
        .select_related("drafter", "section")
        .defer("body")  # a list of titles: fifty bodies of a few thousand characters each are read for nothing
        .order_by("status_changed_at", "pk")
    )


# The draft page's and the API's read, compiled once per process (reviewflow.prepared).
_DRAFT_READ = Prepared(
    lambda draft_id: Draft.objects.select_related("drafter", "section__unit", "returned_by", "holder").filter(
        pk=draft_id
    ),
    draft_id=NO_ROW,
)


def draft_for(user: User, draft_id: int) -> Draft | None:
    """The draft if this user may see it: `may_see`, the same rule as `visibility`, its cheap answers first."""
    draft = next(iter(_DRAFT_READ.fetch(draft_id=draft_id)), None) if is_row_id(draft_id) else None
    return draft if draft is not None and may_see(user, draft) else None


def visible_draft_or_404(user: User, draft_id: int) -> Draft:
    """The draft if this user may see it; otherwise it does not exist for them (404, in their language)."""
    draft = draft_for(user, draft_id)
    if draft is None:
        raise NotFound(_("No such draft."))
    return draft


_LIVE_SIGNATURES = Prepared(
    lambda draft_id: Signature.objects.filter(draft_id=draft_id).live().select_related("user"), draft_id=NO_ROW
)
# A version number no draft reaches: it only shapes the statement (a negative one is out of the column's range,
# which the ORM answers without a statement at all).
_NO_VERSION = 2_000_000_001
_LATEST_CHECK = Prepared(
    lambda draft_id, number: CheckRun.objects.filter(version__draft_id=draft_id, version__number=number).order_by(
        "-pk"
    )[:1],
    draft_id=NO_ROW,
    number=_NO_VERSION,
)


def live_signatures(draft: Draft) -> list[Signature]:
    """The signatures that count: those of the current round on the current text, in signing order."""
    return _LIVE_SIGNATURES.fetch(draft_id=draft.pk)


def latest_check(draft: Draft) -> CheckRun | None:
    """The newest check of the current version (its findings: `findings_of`)."""
    return next(iter(_LATEST_CHECK.fetch(draft_id=draft.pk, number=draft.version)), None)


_FINDINGS = Prepared(
    lambda run_id: Finding.objects.filter(check_run_id=run_id).select_related("dismissed_by", "dismissal_confirmed_by"),
    run_id=NO_ROW,
)


def findings_of(run: CheckRun | None) -> list[Finding]:
    """A check's findings, in text order: only a finished check has any (a check still running, e.g. while its
    drafter polls for the result, costs no statement)."""
    return _FINDINGS.fetch(run_id=run.pk) if run is not None and run.status == CheckRun.State.DONE else []


def timeline_of(draft: Draft) -> QuerySet[AuditEvent]:
    return draft.audit_events.select_related("actor").order_by("created_at", "id")


class PublicQuerySet(QuerySet):
    """Drafts as the public sees them: each carries its latest publication's text and signatures, so that a
    correction going through the chain stays private until it is itself published."""

    def _fetch_all(self) -> None:
        super()._fetch_all()
        for item in self._result_cache or []:
            if isinstance(item, Draft) and item.publication_id:
                show_publication(item)


def show_publication(item: Draft) -> Draft:
    """Put the published version's content on the (never saved) instance; note when it was last corrected."""
    publication = item.publication
    assert publication is not None
    for name in (*CONTENT_FIELDS, "content_hash"):
        setattr(item, name, getattr(publication.version, name))
    item.corrected_at = publication.published_at if publication.published_at != item.published_at else None
    item.correction = publication.correction_note
    item.live_signatures = list(publication.signatures.all())
    return item


def published_items(column: str | None = None) -> QuerySet[Draft]:
    """Published items, newest first; one column's when a column is named. Items in a correction round stay listed
    with their published text; withdrawn ones do not."""
    items: QuerySet[Draft] = PublicQuerySet(Draft).filter(publication__isnull=False).exclude(status=Status.WITHDRAWN)
    if column:
        items = items.filter(column=column)
    signatures = Signature.objects.select_related("user", "on_behalf_of").order_by("signed_at", "id")
    return (
        items.select_related("publication__version", "section__unit")
        .prefetch_related(Prefetch("publication__signatures", queryset=signatures))
        .order_by("-published_at", "-pk")
    )


def earlier_publications(item: Draft) -> list[Publication]:
    """The publications a correction replaced, newest first: their text stays reachable."""
    if item.publication_id is None:
        return []
    return list(
        Publication.objects.filter(draft=item)
        .exclude(pk=item.publication_id)
        .select_related("version")
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
        **_inspection_lexicon(unit),
    )


def _inspection_lexicon(unit: Unit) -> dict[str, Any]:
    """The unit's changes to the base list of normative expressions, and its officials with their titles."""
    overrides = list(NormativeOverride.objects.filter(unit=unit))
    actions = NormativeOverride.Action
    officials = []
    for record in OfficialRecord.objects.filter(unit=unit).prefetch_related("titles"):
        titles = list(record.titles.all())
        officials.append(
            Official(
                name=record.name,
                titles=tuple(t.title for t in titles if t.ended_on is None),
                precedence=record.precedence,
                former=tuple(FormerTitle(t.title, t.ended_on) for t in titles if t.ended_on is not None),
            )
        )
    return {
        "normative_off": frozenset(o.wrong for o in overrides if o.action == actions.SWITCH_OFF),
        "normative_added": tuple(
            NormativeEntry(o.wrong, o.preferred, o.severity, "unit", "unit", o.reason)
            for o in overrides
            if o.action == actions.ADD
        ),
        "officials": tuple(officials),
    }


def due_for_publication(now: datetime) -> QuerySet[Draft]:
    """Signed items waiting for a publication time that has come."""
    return Draft.objects.filter(status=Status.SCHEDULED, publish_at__lte=now).order_by("publish_at", "pk")


def stale_check_runs(*, before: datetime, unsent_before: datetime | None = None) -> QuerySet[CheckRun]:
    """Checks a draft still waits for: never started since `unsent_before`, or started or finished before `before`."""
    waited_for = Draft.objects.filter(status=Status.CHECKING, pending_check__isnull=False).values("pending_check")
    return CheckRun.objects.filter(pk__in=waited_for).filter(
        Q(status=CheckRun.State.PENDING, requested_at__lt=unsent_before or before)
        | Q(status=CheckRun.State.RUNNING, started_at__lt=before)
        | Q(status__in=(CheckRun.State.DONE, CheckRun.State.FAILED), finished_at__lt=before)
    )


def audit_events(
    *,
    actor: User | None = None,
    section: Section | int | None = None,
    event: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEvent]:
    """Audit events, newest first, narrowed by person, section, event type and days (both ends included)."""
    events = (
        AuditEvent.objects.select_related("actor", "draft__section")
        .defer("draft__body")  # the list and the export name the draft by title
        .order_by("-created_at", "-id")
    )
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
    for finding in Finding.objects.filter(check_run__version__draft=draft).select_related(
        "dismissed_by", "dismissal_confirmed_by"
    ):
        by_check.setdefault(finding.check_run_id, []).append(finding)
    events = list(timeline_of(draft))
    for event in events:
        found = by_check.get(event.data.get("check"), []) if event.event == AuditKind.CHECK_COMPLETED else []
        event.findings = found  # type: ignore[attr-defined]  # read by the timeline template
    return events


def notifications_of(user: User) -> QuerySet[Notification]:
    """A person's notifications, newest first, with their drafts."""
    return Notification.objects.filter(user=user).select_related("draft").order_by("-created_at", "-id")


def withdrawal_of(draft: Draft) -> AuditEvent | None:
    """The event that took a published item down; it holds the reason."""
    return draft.audit_events.filter(event="draft.withdrawn").select_related("actor").order_by("-created_at").first()


def published_in_month(year: int, month: int) -> QuerySet[Draft]:
    """Items first published in a calendar month (local time), withdrawn since or not, oldest first."""
    return (
        Draft.objects.filter(published_at__year=year, published_at__month=month)
        .select_related("drafter", "section__unit")
        .order_by("published_at", "pk")
    )


def published_or_withdrawn(draft_id: int) -> Draft | None:
    """An item the public may ask for: published, or withdrawn after publication (its notice stands)."""
    return (
        Draft.objects.filter(pk=draft_id, status__in=(Status.PUBLISHED, Status.WITHDRAWN), published_at__isnull=False)
        .select_related("drafter", "section__unit")
        .first()
    )


def published_to_review(user: User):
    """Re-scans with findings on the text that is still public: the drafter's own, every one for administrators.

    A correction that publishes a new version takes its item off the list (its re-scans were of the older text).
    """
    rescans = (
        Rescan.objects.filter(findings__isnull=False, version_id=F("draft__publication__version_id"))
        .exclude(draft__status=Status.WITHDRAWN)
        .select_related("draft", "version")
        .prefetch_related("findings")
        .distinct()
    )
    if not (user.is_superuser or user.is_staff):
        rescans = rescans.filter(draft__drafter=user)
    return rescans
