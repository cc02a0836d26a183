"""jieba's part-of-speech tagger over its shipped dictionary, loaded once and cached per clause."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from checks.paths import people_daily_corpus
from checks.resources import lazy

Token = tuple[str, str]
# People's Daily 1998's tags for a word used as a predicate: a verb or an adjective, not their nominal uses (vn, an).
PREDICATE_TAGS = frozenset(("v", "vd", "a", "ad"))


def word_at(tokens: tuple[Token, ...], i: int) -> str:
    """The word of tokens[i], or "" beyond either end."""
    return tokens[i][0] if 0 <= i < len(tokens) else ""


def tag_at(tokens: tuple[Token, ...], i: int) -> str:
    """The tag of tokens[i], or "" beyond either end."""
    return tokens[i][1] if 0 <= i < len(tokens) else ""


_CLAUSE = re.compile(r"[^\s，。！？；：、,.!?;:“”‘’\"'（）()《》〈〉【】\[\]…—]+")


# The hundred commonest surnames (about 85% of people, by the 2020 census): a name jieba's HMM finds is taken as one
# only when it is a surname and a two-character given name; shorter or other HMM "names" are mostly typos (蓝实, 管礼).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭"
    "陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)


@lazy
def _pos_tokenizer() -> Any:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    tokenizer.tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=1024)
def person_name_positions(clause: str) -> frozenset[int]:
    """Return the offsets of the clause inside a person's name no dictionary lists (徐衍东, 吴贱安): a surname and a
    two-character given name that jieba's HMM tags as a name. Five times slower than the plain tagger, so a typo
    layer asks only where it would flag."""
    positions: set[int] = set()
    at = 0
    for pair in _pos_tokenizer.get().lcut(clause, HMM=True):
        if pair.flag.startswith("nr") and len(pair.word) == 3 and pair.word[0] in SURNAMES:
            positions.update(range(at, at + 3))
        at += len(pair.word)
    return frozenset(positions)


def token_at(tokens: tuple[Token, ...], i: int) -> tuple[int, int]:
    """Return (index of the token covering character offset i, that token's first offset), or (-1, -1) past the
    end."""
    at = 0
    for n, (word, _) in enumerate(tokens):
        if at <= i < at + len(word):
            return n, at
        at += len(word)
    return -1, -1


def single_character_tag(clause: str, i: int) -> str:
    """Return the tag of clause[i] when the tagger reads it as a one-character word, else ""."""
    tokens = tagger.get()(clause)
    n, start = token_at(tokens, i)
    return tokens[n][1] if start == i and len(tokens[n][0]) == 1 else ""


def verb_before_object(clause: str, i: int) -> bool:
    """Whether the tagger reads clause[i] as a one-character verb followed by a pronoun or a noun, its object
    (借我, 爬大象, 人挤人)."""
    tokens = tagger.get()(clause)
    n, start = token_at(tokens, i)
    return start == i and tokens[n] == (clause[i], "v") and tag_at(tokens, n + 1)[:1] in ("r", "n")


@lazy
def tagger() -> Callable[[str], tuple[Token, ...]]:
    """Load jieba's dictionary and tagger once; return a cached clause → (word, tag) tokens function."""
    tokenizer = _pos_tokenizer.get()

    @lru_cache(maxsize=8192)
    def tag(clause: str) -> tuple[Token, ...]:
        # Without the HMM, unknown sequences fall apart into single characters, so 得事 stays 得 + 事.
        return tuple((pair.word, pair.flag) for pair in tokenizer.lcut(clause, HMM=False))

    return tag


@lazy
def predicate_shares() -> dict[str, float]:
    """Return {word: the share of its People's Daily 1998 occurrences tagged as a verb or an adjective}, for words
    used so at least once: a second opinion where jieba's one tag per word calls a verb a noun (利用/n, 读书/n)."""
    counts: dict[str, list[int]] = {}
    with open(people_daily_corpus(), encoding="utf-8") as corpus:
        for line in corpus:
            for token in line.split():
                word, _, tag = token.rpartition("/")
                seen = counts.setdefault(word.lstrip("["), [0, 0])
                seen[0] += tag.split("]")[0] in PREDICATE_TAGS
                seen[1] += 1
    return {word: predicates / total for word, (predicates, total) in counts.items() if predicates}


def tagged_clauses(text: str, wanted: str) -> Iterator[tuple[int, tuple[Token, ...]]]:
    """Yield (offset, tokens) for each clause of the text that contains one of the wanted characters."""
    tag = tagger.get()
    for clause in _CLAUSE.finditer(text):
        if any(ch in clause.group() for ch in wanted):
            yield clause.start(), tag(clause.group())
