"""What a check reports, and the organisation dictionary a check is given."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checks.inspection.normative import NormativeEntry
    from checks.inspection.officials import Official


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

    @classmethod
    def char_typo(cls, text: str, at: int, suggestion: str, rule: str, message: str | None = None) -> Finding:
        """A one-character typo at text[at], a warning: the LM layers' and the usage rules' common form."""
        wrong = text[at]
        message = message or f"疑似错别字：“{wrong}”可能应为“{suggestion}”"
        return cls(at, at + 1, rule, wrong, suggestion, "typo", "warning", message)


@dataclass(frozen=True)
class Lexicon:
    """The organisation's own terms: never-flag terms, extra wrong→right pairs, outdated formulations; its
    changes to the base list of normative expressions, and its officials with their titles."""

    allow: frozenset[str] = frozenset()
    confusions: tuple[tuple[str, str], ...] = ()
    sensitive: tuple[tuple[str, str, str], ...] = ()
    normative_off: frozenset[str] = frozenset()
    normative_added: tuple[NormativeEntry, ...] = ()
    officials: tuple[Official, ...] = ()
