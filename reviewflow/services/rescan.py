"""Re-scans of published items when the unit's dictionary, its normative overrides, the base list or the checker's
rules change: new blocking findings put the item on the drafter's and administrators' "published items to review"."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

import checks
from checks.inspection import base_version
from checks.lm.modelfile import BUILDER_VERSION

from ..audit import audit_record
from ..models import AuditKind, Draft, Finding, Rescan, RescanFinding, Status, User
from .notifications import notify


def rules_trigger() -> str:
    """The trigger for a new base list or new checker rules: the same versions re-scan an item once."""
    return f"rules:{base_version()}|{BUILDER_VERSION}"


def dictionary_trigger(entry) -> str:
    return f"dictionary:{entry.pk}:{entry.kind}:{entry.term}→{entry.replacement}"[:240]


def override_trigger(override) -> str:
    return f"override:{override.pk}:{override.action}:{override.wrong}→{override.preferred}"[:240]


def published_of(unit_id: int):
    """Items whose publication is public: published, or in a correction round that keeps it."""
    return Draft.objects.filter(section__unit_id=unit_id, publication__isnull=False).exclude(status=Status.WITHDRAWN)


def administrators():
    return User.objects.filter(Q(is_superuser=True) | Q(is_staff=True), is_active=True)


def _waived(version_id: int) -> set[tuple]:
    """What the published version's own checks already showed and a person dismissed."""
    return set(
        Finding.objects.filter(check_run__version_id=version_id, dismissed_at__isnull=False).values_list(
            "field", "start", "end", "rule", "text"
        )
    )


@transaction.atomic
def record_rescan(*, draft_id: int, trigger: str, findings: Iterable[tuple[str, checks.Finding]]) -> Rescan | None:
    """Store one re-scan of the draft's published version once; tell the drafter and administrators what it found.

    None when this version was already re-scanned for this trigger (a redelivered or repeated task).
    """
    draft = Draft.objects.select_for_update(of=("self",)).select_related("publication").get(pk=draft_id)
    if draft.publication is None:
        return None
    version_id = draft.publication.version_id
    if Rescan.objects.filter(version_id=version_id, trigger=trigger).exists():
        return None
    try:
        with transaction.atomic():
            rescan = Rescan.objects.create(draft=draft, version_id=version_id, trigger=trigger)
    except IntegrityError:  # a concurrent delivery stored it first
        return None
    waived = _waived(version_id)
    rows = [
        RescanFinding(
            rescan=rescan,
            field=field,
            start=f.start,
            end=f.end,
            text=f.text[:200],
            suggestion=f.suggestion or "",
            kind=f.kind,
            severity=f.severity,
            message=f.message[:300],
            rule=f.rule,
        )
        for field, f in findings
        if f.severity in ("error", "warning") and (field, f.start, f.end, f.rule, f.text[:200]) not in waived
    ]
    RescanFinding.objects.bulk_create(rows)
    if not rows:
        return rescan
    audit_record(
        draft=draft,
        actor=None,
        event=AuditKind.RESCAN_FOUND,
        data={"rescan": rescan.pk, "trigger": trigger, "findings": len(rows), "texts": [r.text for r in rows[:10]]},
    )
    message = _("The re-check of the published “%(title)s” found %(count)d problem(s); consider a correction.") % {
        "title": draft.title,
        "count": len(rows),
    }
    for user_id in {draft.drafter_id, *administrators().values_list("pk", flat=True)}:
        notify(user_id=user_id, draft=draft, message=message, once=True)
    return rescan
