"""Text as the pages show it: findings marked in place, and what changed between two versions."""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

SEVERITY_ORDER = ("error", "warning", "info")
CONTEXT_CHARS = 40


@dataclass
class Span:
    """A run of text; flagged when findings cover it."""

    text: str
    findings: list = field(default_factory=list)

    @property
    def severity(self) -> str:
        """The gravest finding still open decides the colour; a span whose findings are all dismissed is grey."""
        open_findings = [f.severity for f in self.findings if not f.dismissed]
        if not open_findings:
            return "dismissed"
        return min(open_findings, key=lambda s: SEVERITY_ORDER.index(s) if s in SEVERITY_ORDER else len(SEVERITY_ORDER))


def marked_spans(text: str, findings) -> list[Span]:
    """Split the text at the findings' offsets; overlapping findings share one span, stray offsets are ignored."""
    groups: list[tuple[int, int, list]] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if not 0 <= finding.start < finding.end <= len(text):
            continue
        if groups and finding.start < groups[-1][1]:
            start, end, members = groups[-1]
            groups[-1] = (start, max(end, finding.end), members + [finding])
        else:
            groups.append((finding.start, finding.end, [finding]))
    spans, cursor = [], 0
    for start, end, members in groups:
        if start > cursor:
            spans.append(Span(text[cursor:start]))
        spans.append(Span(text[start:end], members))
        cursor = end
    if cursor < len(text):
        spans.append(Span(text[cursor:]))
    return spans


def _shorten(text: str) -> str:
    """Unchanged text far from any change is cut down to its ends."""
    if len(text) <= 3 * CONTEXT_CHARS:
        return text
    return f"{text[:CONTEXT_CHARS]} … {text[-CONTEXT_CHARS:]}"


def text_changes(old: str, new: str) -> list[tuple[str, str]]:
    """(operation, text) pairs turning `old` into `new`: lines first, then characters within changed lines."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    pairs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        before, after = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        if op == "equal":
            pairs.append(("equal", before))
        elif op == "replace":
            pairs += _char_changes(before, after)
        else:
            pairs.append(("delete", before) if op == "delete" else ("insert", after))
    return [(op, _shorten(text) if op == "equal" else text) for op, text in pairs if text]


def _char_changes(old: str, new: str) -> list[tuple[str, str]]:
    pairs = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            pairs.append(("equal", old[i1:i2]))
            continue
        if i2 > i1:
            pairs.append(("delete", old[i1:i2]))
        if j2 > j1:
            pairs.append(("insert", new[j1:j2]))
    return pairs
