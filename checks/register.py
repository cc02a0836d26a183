"""Which register a clause is written in: everyday writing in the first or second person, or the impersonal style of
official and news text that the character LM was mostly trained on."""

from __future__ import annotations

import re

# 你 or 我 alone: not 您 (a notice to the public says 请您携带...), 我们 or 咱们 (a speech or a report says 我们要...),
# nor a unit speaking of itself (我国, 我县).
_PERSONAL = re.compile(r"你|我(?![们国省市县区局镇乡党军院校])")


def is_colloquial(clause: str) -> bool:
    """Whether the clause speaks in the first or second person: everyday writing, where the news-trained LM gains
    less for the right character than it does in formal text."""
    return _PERSONAL.search(clause) is not None
