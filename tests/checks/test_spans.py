"""Span containment and overlap by bisection answer as comparing every pair does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checks.spans import SpanIndex

SPAN = st.tuples(st.integers(0, 40), st.integers(0, 8)).map(lambda p: (p[0], p[0] + p[1]))


@given(st.lists(SPAN, max_size=12), SPAN)
def test_contains_is_some_span_holding_the_query_whole(spans: list[tuple[int, int]], query: tuple[int, int]) -> None:
    start, end = query
    assert SpanIndex(spans).contains(start, end) == any(s <= start and end <= e for s, e in spans)


@given(st.lists(SPAN, max_size=12), SPAN)
def test_overlaps_is_some_span_sharing_a_position(spans: list[tuple[int, int]], query: tuple[int, int]) -> None:
    start, end = query
    assert SpanIndex(spans).overlaps(start, end) == any(start < e and s < end for s, e in spans)


def test_an_empty_index_holds_and_crosses_nothing() -> None:
    assert not SpanIndex([]).contains(3, 4) and not SpanIndex([]).overlaps(0, 100)


def test_a_long_span_earlier_still_holds_a_later_query() -> None:
    index = SpanIndex([(0, 100), (10, 12), (50, 51)])
    assert index.contains(60, 70) and index.overlaps(99, 120) and not index.overlaps(100, 120)
