"""What fails a government website inspection: forbidden or outdated expressions, leaders' names, titles and order,
and dead links. The text layers run inside check_text; links are opened by the worker (they need the network)."""

from __future__ import annotations

from datetime import date

from checks.findings import Finding, Lexicon
from checks.inspection.links import LinkCache, LinkPolicy, LinkResult, check_links, find_links
from checks.inspection.normative import NormativeEntry, base_list, base_version, find_normative
from checks.inspection.officials import FormerTitle, Official, find_official_errors

__all__ = [
    "FormerTitle",
    "LinkCache",
    "LinkPolicy",
    "LinkResult",
    "NormativeEntry",
    "Official",
    "base_list",
    "base_version",
    "check_links",
    "find_inspection_errors",
    "find_links",
    "find_normative",
    "find_official_errors",
]


def find_inspection_errors(text: str, lexicon: Lexicon, today: date | None = None) -> list[Finding]:
    """Normative-expression and leader findings of one text (links are checked separately, in the worker)."""
    return find_normative(text, lexicon) + find_official_errors(text, lexicon, today)
