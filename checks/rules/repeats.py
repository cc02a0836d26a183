"""Repeated characters or phrases typed twice (的的, 了了, 进一步进一步), but not real reduplication."""

from __future__ import annotations

import re

from checks.findings import Finding
from checks.paths import checker_data
from checks.resources import lazy
from checks.tagging import tagger
from checks.vocabulary import MAX_WORD_LEN, word_freq

MIN_WORD_FREQ = 10
MIN_REDUPLICATION_FREQ = 5
STANDALONE = frozenset("的地得了是在有和与及对把被将从向于并或之其所以就都也还要为不会能")
# Tags of a word that can be the object of a doubled verb (吃吃小吃): nouns, names and places.
OBJECT_TAGS = frozenset("n nr ns nt nz".split())
_DOUBLE_CHAR = re.compile(r"([\u4e00-\u9fff])\1")
_DOUBLE_PHRASE = re.compile(r"([\u4e00-\u9fff]{3,8})\1")


@lazy
def reduplications() -> frozenset[str]:
    """Return the curated reduplicated words (包包, 岁岁, 悄悄) that are never a doubled character."""
    with open(checker_data("reduplications.txt"), encoding="utf-8") as f:
        return frozenset(word for line in f if not line.startswith("#") for word in line.split())


def _is_word(text: str) -> bool:
    return word_freq.get().get(text, 0) >= MIN_WORD_FREQ


def _legitimate(text: str, i: int) -> bool:
    """XX is fine as a listed reduplication (包包), after 一 (一块块), in a run of three (差差差), in any dictionary
    word (常常, 跃跃欲试), across two words (所有有关, 目的的) but not after one (我们们), or as a sound word."""
    if text[i : i + 2] in reduplications.get() or text[i - 1 : i] == "一":
        return True
    if text[i - 1 : i] == text[i] or text[i + 2 : i + 3] == text[i]:
        return True  # three or more in a row are emphasis, not a slip of the keyboard: 差差差, 超超超级
    if _reduplicated_form(text, i):
        return True
    words = word_freq.get()
    for start in range(max(0, i - MAX_WORD_LEN + 2), i + 1):
        if any(
            words.get(text[start:end], 0) >= MIN_REDUPLICATION_FREQ
            for end in range(i + 2, min(len(text), start + MAX_WORD_LEN) + 1)
        ):
            return True
    ends_word = any(_is_word(text[start : i + 1]) for start in range(max(0, i - MAX_WORD_LEN + 1), i))
    starts_word = any(_is_word(text[i + 1 : end]) for end in range(i + 3, min(len(text), i + 1 + MAX_WORD_LEN) + 1))
    return starts_word or (ends_word and text[i] in STANDALONE) or _onomatopoeia(text, i)


def _reduplicated_form(text: str, i: int) -> bool:
    """A character doubled before 看 tries something (穿穿看, 尝尝看) unless it is a pronoun or a function word
    (我我看); a verb doubled before its object does a little of it (吃吃小吃, but 有有一个, 去去玩, 到到了 are
    slips); a word doubled as AABB (安安顿顿) is emphatic; an adjective doubled before 的/地/得 or before another
    doubled character describes (硬硬的, 黑黑长长的): everyday reduplication that no dictionary lists."""
    after = text[i + 2 : i + 4]
    tag = tagger.get()(text[i])[0][1]
    if after[:1] == "看":
        return tag != "r" and text[i] not in STANDALONE
    whole = text[i - 1 : i + 1]
    if text[i - 2 : i - 1] == text[i - 1 : i] and _is_word(whole) and tagger.get()(whole)[0][1] != "r":
        return True  # the second half of AABB: 安安顿顿, 幸幸福福 (not 我我们们)
    if tag == "v" and text[i] not in STANDALONE and _object_follows(text, i + 2):
        return True  # a verb done a little, with its object: 吃吃小吃, 逛逛夜市
    doubled_next = len(after) == 2 and after[0] == after[1]
    return tag == "a" and (after[:1] in ("的", "地", "得") or doubled_next)


def _object_follows(text: str, at: int) -> bool:
    """Whether a noun starts at text[at] (中国菜, 小吃)."""
    tokens = tagger.get()(text[at : at + MAX_WORD_LEN])
    return bool(tokens) and tokens[0][1] in OBJECT_TAGS


def _onomatopoeia(text: str, i: int) -> bool:
    """The tagger reads XX, with the characters around it, as one sound word (哧哧乱响, 嘻嘻): reduplicated on purpose.
    Verbs and nouns it glues are no sign (买买了, 菜菜 are slips as often as 骗骗, 刀刀 are meant)."""
    at = 0
    for word, tag in tagger.get()(text[max(0, i - 4) : i + 6]):
        if at == min(i, 4) and word == text[i : i + 2]:
            return tag == "o"
        at += len(word)
    return False


def find_repeats(text: str) -> list[Finding]:
    """Flag a character or a 3+ character phrase written twice in a row by mistake."""
    findings = [
        Finding(
            start=m.start(),
            end=m.end(),
            rule="repeat.char",
            text=m.group(),
            suggestion=m.group(1),
            kind="repeat",
            severity="warning",
            message=f"“{m.group(1)}”字重复",
        )
        for m in _DOUBLE_CHAR.finditer(text)
        if not _legitimate(text, m.start())
    ]
    findings.extend(
        Finding(
            start=m.start(),
            end=m.end(),
            rule="repeat.phrase",
            text=m.group(),
            suggestion=m.group(1),
            kind="repeat",
            severity="warning",
            message=f"“{m.group(1)}”重复",
        )
        for m in _DOUBLE_PHRASE.finditer(text)
    )
    return findings
