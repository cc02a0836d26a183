"""Wording rules for official writing: fixed misspellings (data/confusions.tsv) and context patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks.findings import Finding
from checks.paths import checker_data
from checks.resources import lazy

SEVERITY = {"e": "error", "w": "warning", "i": "info"}


@dataclass(frozen=True)
class ContextRule:
    """A regex whose match is flagged and rewritten with `replacement` (regex template)."""

    rule: str
    pattern: re.Pattern[str]
    replacement: str
    severity: str
    message: str


def _rows(name: str) -> list[list[str]]:
    with open(checker_data(name), encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


@lazy
def confusion_table() -> tuple[dict[str, tuple[str, str]], re.Pattern[str]]:
    """Return {wrong: (right, severity)} and one regex matching any wrong form, longest first."""
    table = {wrong: (right, SEVERITY[sev]) for wrong, right, sev in _rows("confusions.tsv")}
    pattern = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True))))
    return table, pattern


@lazy
def context_rules() -> list[ContextRule]:
    """Return the context-dependent wording rules."""
    return [
        ContextRule(rule, re.compile(pattern), replacement, severity, message)
        for rule, pattern, replacement, severity, message in _rows("context_rules.tsv")
    ]


def find_confusions(text: str) -> list[Finding]:
    """Flag every fixed misspelling from the curated list."""
    table, pattern = confusion_table.get()
    findings = []
    for match in pattern.finditer(text):
        right, severity = table[match.group()]
        findings.append(
            Finding(
                start=match.start(),
                end=match.end(),
                rule="wording.confusion",
                text=match.group(),
                suggestion=right,
                kind="wording",
                severity=severity,
                message=f"“{match.group()}”应为“{right}”",
            )
        )
    return findings


def find_context_wording(text: str) -> list[Finding]:
    """Flag wording that is wrong in its context (截止/截至 before a date, 必须/必需 before a verb, ...)."""
    return [
        Finding(
            start=m.start(),
            end=m.end(),
            rule=rule.rule,
            text=m.group(),
            suggestion=m.expand(rule.replacement),
            kind="wording",
            severity=rule.severity,
            message=rule.message,
        )
        for rule in context_rules.get()
        for m in rule.pattern.finditer(text)
    ]
