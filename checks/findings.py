"""What a check reports, and the organisation dictionary a check is given."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in the text: text[start:end] is flagged, with an optional replacement."""

    start: int
    end: int
    rule: str
    text: str
    suggestion: str | None
    kind: str
    severity: str
    message: str


@dataclass(frozen=True)
class Lexicon:
    """The organisation's own terms: never-flag terms, extra wrong→right pairs, outdated formulations."""

    allow: frozenset[str] = frozenset()
    confusions: tuple[tuple[str, str], ...] = ()
    sensitive: tuple[tuple[str, str, str], ...] = ()
