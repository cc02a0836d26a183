"""jieba's part-of-speech tagger over its shipped dictionary, loaded once and cached per clause."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from checks.resources import lazy

Token = tuple[str, str]
_CLAUSE = re.compile(r"[^\s，。！？；：、,.!?;:“”‘’\"'（）()《》〈〉【】\[\]…—]+")


@lazy
def tagger() -> Callable[[str], tuple[Token, ...]]:
    """Load jieba's dictionary and tagger once; return a cached clause → (word, tag) tokens function."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    tokenizer.tokenizer.initialize()

    @lru_cache(maxsize=8192)
    def tag(clause: str) -> tuple[Token, ...]:
        # Without the HMM, unknown sequences fall apart into single characters, so 得事 stays 得 + 事.
        return tuple((pair.word, pair.flag) for pair in tokenizer.lcut(clause, HMM=False))

    return tag


def tagged_clauses(text: str, wanted: str) -> Iterator[tuple[int, tuple[Token, ...]]]:
    """Yield (offset, tokens) for each clause of the text that contains one of the wanted characters."""
    tag = tagger.get()
    for clause in _CLAUSE.finditer(text):
        if any(ch in clause.group() for ch in wanted):
            yield clause.start(), tag(clause.group())
