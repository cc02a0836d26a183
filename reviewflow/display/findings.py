"""A check's findings as a page shows them: a summary by rule, each group's first findings, the rest counted."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import CheckRun, Finding
from ..selectors import findings_of

SHOWN_PER_RULE = 20


@dataclass
class FindingGroup:
    rule: str
    kind: str
    message: str
    findings: list[Finding] = field(default_factory=list)
    total: int = 0
    open_suggestions: int = 0

    @property
    def hidden(self) -> int:
        return self.total - len(self.findings)


def grouped_findings(check: CheckRun | None) -> tuple[list[FindingGroup], list[Finding]]:
    """Groups by rule in text order, and the findings shown (numbered as the marks in the text refer to them)."""
    if check is None:
        return [], []
    groups: dict[str, FindingGroup] = {}
    for finding in findings_of(check):
        group = groups.setdefault(finding.rule, FindingGroup(finding.rule, finding.kind, finding.message))
        group.total += 1
        if finding.suggestion and not finding.dismissed:
            group.open_suggestions += 1
        if len(group.findings) < SHOWN_PER_RULE:
            group.findings.append(finding)
    for rule, count in (check.omitted or {}).items():
        group = groups.setdefault(rule, FindingGroup(rule, "", rule))
        group.total += count
    shown = sorted((f for g in groups.values() for f in g.findings), key=lambda f: (f.field, f.start, f.end, f.rule))
    for number, finding in enumerate(shown, 1):
        finding.number = number  # type: ignore[attr-defined]  # the mark's number in the text
    return list(groups.values()), shown
