"""What fails a government website inspection: forbidden or outdated expressions, leaders' names, titles and order,
and dead links. The text layers run inside check_text; links are opened by the worker (they need the network)."""

from __future__ import annotations

from datetime import date

from checks.findings import Finding, Lexicon
from checks.inspection.links import LinkCache, LinkPolicy, LinkResult, check_links, find_links
from checks.inspection.normative import NormativeEntry, base_list, base_version, find_normative
from checks.inspection.officials import FormerTitle, Official, find_official_errors
from checks.inspection.regional import find_regional_zhe

__all__ = [
    "SERIOUS_KINDS",
    "FormerTitle",
    "LinkCache",
    "LinkPolicy",
    "LinkResult",
    "NormativeEntry",
    "Official",
    "base_list",
    "base_version",
    "check_links",
    "dismissal_needs_confirmation",
    "find_inspection_errors",
    "find_links",
    "find_normative",
    "find_official_errors",
    "find_regional_zhe",
]


# Findings whose dismissal needs the section head's confirmation, not only the drafter's.
SERIOUS_KINDS = frozenset({"political", "leader"})


def dismissal_needs_confirmation(kind: str, severity: str) -> bool:
    """A political-expression or leader-name/title/order finding is dismissed only with the section head's consent."""
    return kind in SERIOUS_KINDS and severity in ("error", "warning")


def find_inspection_errors(text: str, lexicon: Lexicon, today: date | None = None) -> list[Finding]:
    """Normative-expression (with the regional 著) and leader findings of one text (links are checked separately, in
    the worker)."""
    return find_normative(text, lexicon) + find_regional_zhe(text) + find_official_errors(text, lexicon, today)
