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


# Bounds on the diff's work and size. difflib compares every pair of elements in the worst case (quadratic or
# worse), so comparisons are budgeted: past the budget a changed block is shown as deleted-and-inserted, and past
# the line budget, or when more than MAX_SHOWN characters changed, the page says only that the text was replaced.
# Measured worst cases (bench/diff_bench.py): about 0.2 s at the line budget, 0.1 s at the character budget.
LINE_PAIRS_BUDGET = 3000 * 3000
CHAR_PAIRS_BUDGET = 500 * 500
MAX_SHOWN = 20_000
REPLACED = [("replaced", "")]


def text_changes(old: str, new: str) -> list[tuple[str, str]]:
    """(operation, text) pairs turning `old` into `new`: lines first, then characters within changed lines.

    Bounded on any input; a change too large to show usefully is [("replaced", "")]."""
    prefix = _common_prefix(old, new)
    suffix = _common_prefix(old[prefix:][::-1], new[prefix:][::-1])
    old_middle, new_middle = old[prefix : len(old) - suffix], new[prefix : len(new) - suffix]
    old_lines, new_lines = old_middle.splitlines(keepends=True), new_middle.splitlines(keepends=True)
    if len(old_lines) * len(new_lines) > LINE_PAIRS_BUDGET:
        return REPLACED
    pairs: list[tuple[str, str]] = [("equal", old[:prefix])]
    budget = CHAR_PAIRS_BUDGET
    # autojunk: a line repeated through the text (blank lines, a two-line pattern) is no anchor for matching; this
    # keeps the adversarial cases with few distinct lines cheap.
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old_lines, new_lines, autojunk=True).get_opcodes():
        before, after = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        if op == "equal":
            pairs.append(("equal", before))
        elif op == "replace" and len(before) * len(after) <= budget:
            budget -= len(before) * len(after)
            pairs += _char_changes(before, after)
        else:
            pairs += [("delete", before), ("insert", after)]
    pairs.append(("equal", old[len(old) - suffix :]))
    if sum(len(text) for op, text in pairs if op != "equal") > MAX_SHOWN:
        return REPLACED
    return [(op, _shorten(text) if op == "equal" else text) for op, text in pairs if text]


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix, found by halving (C-speed slice comparisons, not a Python loop per character)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


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
