"""Which register a clause is written in: everyday writing in the first or second person, or the impersonal style of
official and news text that the character LM was mostly trained on."""

from __future__ import annotations

import re

# 你 or 我 alone: not 您 (a notice to the public says 请您携带...), 我们 or 咱们 (a speech or a report says 我们要...),
# nor a unit speaking of itself (我国, 我县, 我委, 我厅, 我部, 我司). Not 我办 or 我会: 我办了手续, 我会努力.
_PERSONAL = re.compile(r"你|我(?![们国省市县区局镇乡党军院校委厅部科站州司])")


def is_colloquial(clause: str) -> bool:
    """Whether the clause speaks in the first or second person: everyday writing, where the news-trained LM gains
    less for the right character than it does in formal text."""
    return _PERSONAL.search(clause) is not None


_SENTENCE_END = "。！？!?\n"
# How far to look for a sentence's ends: a 1 MB body without one of the marks must not be scanned to its end for
# every clause.
_REACH = 300


def sentence_around(text: str, at: int) -> tuple[str, str]:
    """Return the sentence around text[at] (at most _REACH characters each way) split there: (what comes before,
    the rest with its end mark)."""
    lo, hi = max(0, at - _REACH), min(len(text), at + _REACH)
    start = max(text.rfind(mark, lo, at) for mark in _SENTENCE_END)
    start = lo if start < 0 else start + 1
    ends = [e for e in (text.find(mark, at, hi) for mark in _SENTENCE_END) if e >= 0]
    end = min(ends) + 1 if ends else hi
    return text[start:at], text[at:end]
