"""The organisation dictionary: a term dismissed as correct again and again is proposed for the whitelist."""

from __future__ import annotations

from ..models import DictionaryEntry, Finding, Unit

PROPOSE_AFTER_DISMISSALS = 3
PROPOSE_AFTER_PEOPLE = 2


def propose_allow_term(*, finding: Finding, unit: Unit) -> DictionaryEntry | None:
    """Propose the flagged text as an allowed term once several people have dismissed it."""
    dismissed = Finding.objects.filter(
        text=finding.text,
        rule=finding.rule,
        dismissed_at__isnull=False,
        check_run__version__draft__section__unit=unit,
    )
    if dismissed.count() < PROPOSE_AFTER_DISMISSALS:
        return None
    if dismissed.values("dismissed_by").distinct().count() < PROPOSE_AFTER_PEOPLE:
        return None
    entry, _created = DictionaryEntry.objects.get_or_create(
        unit=unit,
        kind=DictionaryEntry.EntryKind.ALLOW,
        term=finding.text,
        defaults={"proposed": True, "note": f"rule {finding.rule}"},
    )
    return entry
