"""Link checks of a draft version, run by the worker at submission; a URL checked within a day is not opened again."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from checks.findings import Finding
from checks.inspection import LinkPolicy, LinkResult, check_links

from .models import AllowedLinkHost, DraftVersion, LinkCheck, Unit

CACHE_FOR = timedelta(days=1)
URL_LENGTH = 2000  # LinkCheck.url; a longer URL is checked every time


class StoredLinkChecks:
    """The checker's link cache, kept in the database for every unit (results are facts about the URL)."""

    def lookup(self, url: str) -> LinkResult | None:
        row = LinkCheck.objects.filter(url=url, checked_at__gte=timezone.now() - CACHE_FOR).first()
        if row is None:
            return None
        return LinkResult(row.url, row.outcome, row.status, row.location, row.detail, row.private)

    def store(self, result: LinkResult) -> None:
        if len(result.url) > URL_LENGTH:
            return
        LinkCheck.objects.update_or_create(
            url=result.url,
            defaults={
                "outcome": result.outcome,
                "status": result.status,
                "location": result.location[:2000],
                "detail": result.detail[:300],
                "private": result.private,
                "checked_at": timezone.now(),
            },
        )


def policy_for(unit: Unit) -> LinkPolicy:
    """The unit's allow-listed hosts with the configured timeout and bounds."""
    return LinkPolicy(
        allowed_hosts=frozenset(AllowedLinkHost.objects.filter(unit=unit).values_list("host", flat=True)),
        timeout=getattr(settings, "REVIEWFLOW_LINK_TIMEOUT", 5.0),
        max_links=getattr(settings, "REVIEWFLOW_LINK_MAX", 20),
    )


def link_findings(version: DraftVersion) -> list[tuple[str, Finding]]:
    """Findings for the links in a version's title and body, as (field, finding)."""
    policy = policy_for(version.draft.section.unit)
    return check_links([("title", version.title), ("body", version.body)], policy, StoredLinkChecks())
