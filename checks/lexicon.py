"""The organisation dictionary: its confusions and outdated formulations are flagged, its allowed terms never are."""

from __future__ import annotations

import re

from checks.findings import Finding, Lexicon
from checks.spans import SpanIndex


def _occurrences(text: str, term: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(term), text)] if term else []


def find_lexicon_terms(text: str, lexicon: Lexicon) -> list[Finding]:
    """Flag the organisation's wrong→right pairs (error) and sensitive formulations (with their note)."""
    findings = [
        Finding(
            start=start,
            end=end,
            rule="lexicon.confusion",
            text=wrong,
            suggestion=right,
            kind="wording",
            severity="error",
            message=f"本单位规范用语：“{wrong}”应为“{right}”",
        )
        for wrong, right in lexicon.confusions
        for start, end in _occurrences(text, wrong)
    ]
    findings.extend(
        Finding(
            start=start,
            end=end,
            rule="lexicon.sensitive",
            text=term,
            suggestion=preferred or None,
            kind="sensitive",
            severity="error",
            message=f"“{term}”为不宜使用的表述"
            + (f"，建议改为“{preferred}”" if preferred else "")
            + (f"（{note}）" if note else ""),
        )
        for term, preferred, note in lexicon.sensitive
        for start, end in _occurrences(text, term)
    )
    return findings


def allowed_spans(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Return where the organisation's never-flag terms occur in the text."""
    return sorted(span for term in lexicon.allow for span in _occurrences(text, term))


def without_allowed(findings: list[Finding], spans: list[tuple[int, int]]) -> list[Finding]:
    """Drop every finding that overlaps an allowed term."""
    allowed = SpanIndex(spans)
    return [f for f in findings if not allowed.overlaps(f.start, f.end)]
