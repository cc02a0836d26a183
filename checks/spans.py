"""Which findings lie inside or across other spans, answered by bisection: a 1 MB body with tens of thousands of
punctuation findings is filtered in near-linear time instead of comparing every pair."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterable
from itertools import accumulate


class SpanIndex:
    """Half-open spans [start, end) sorted by start, with the running maximum of their ends."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))

    def contains(self, start: int, end: int) -> bool:
        """Whether one span holds [start, end) whole (it starts at or before start and ends at or after end)."""
        k = bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether one span starts before end and ends after start."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start


def covered_positions(text: str, words: Container[str], longest: int) -> set[int]:
    """Return the offsets of text inside one of `words` (known names, frequent words) of 2 to `longest` characters."""
    covered: set[int] = set()
    for start in range(len(text) - 1):
        for end in range(start + 2, min(len(text), start + longest) + 1):
            if text[start:end] in words:
                covered.update(range(start, end))
    return covered
