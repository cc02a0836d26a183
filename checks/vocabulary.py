"""Word frequencies on jieba's scale, merged from jieba's dictionary, wordfreq's Chinese list (modern web and
subtitle text), jionlp's idioms and our government terms; used to tell whether characters form a known word."""

from __future__ import annotations

import gzip
import io
import math
import re
import zipfile
from typing import Any

import msgpack

from checks.paths import checker_data, jieba_dictionary, jionlp_dictionary, wordfreq_chinese
from checks.resources import lazy

MAX_WORD_LEN = 4
INDEX_MIN_FREQ = 5
JIEBA_TOTAL = 60_101_967  # the sum of jieba's frequencies: wordfreq's shares are scaled to it
IDIOM_FREQ = 50
TERM_FREQ = 200
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def _jieba_words() -> dict[str, int]:
    freq: dict[str, int] = {}
    with open(jieba_dictionary(), encoding="utf-8") as f:
        for line in f:
            parts = line.split(" ")
            if len(parts) >= 2 and len(parts[0]) <= MAX_WORD_LEN:
                freq[parts[0]] = int(parts[1])
    return freq


def _wordfreq_words() -> dict[str, int]:
    """wordfreq's buckets hold words of frequency 10^(-bucket/100); keep Han words common enough to count."""
    with gzip.open(wordfreq_chinese()) as f:
        buckets: list[Any] = msgpack.load(f, raw=False)
    freq: dict[str, int] = {}
    for bucket, words in enumerate(buckets[1:]):
        count = int(JIEBA_TOTAL * 10 ** (-bucket / 100))
        if count < INDEX_MIN_FREQ:
            break
        freq.update((w, count) for w in words if len(w) <= MAX_WORD_LEN and _HAN.match(w))
    return freq


def _listed_words() -> dict[str, int]:
    """jionlp's idioms and our government terms: rare in running text, but words all the same."""
    freq: dict[str, int] = {}
    with (
        zipfile.ZipFile(jionlp_dictionary("chinese_idiom")) as archive,
        io.TextIOWrapper(archive.open(archive.namelist()[0]), encoding="utf-8") as idioms,
    ):
        for line in idioms:
            word = line.split("\t")[0]
            if len(word) == MAX_WORD_LEN and _HAN.match(word):
                freq[word] = IDIOM_FREQ
    with open(checker_data("government_terms.txt"), encoding="utf-8") as terms:
        for line in terms:
            word = line.strip()
            if word and not word.startswith("#") and len(word) <= MAX_WORD_LEN:
                freq[word] = TERM_FREQ
    return freq


@lazy
def all_words() -> dict[str, int]:
    """Return {word: frequency} for words of 1 to MAX_WORD_LEN characters, the highest of the sources' counts."""
    freq = _wordfreq_words()
    for source in (_jieba_words(), _listed_words()):
        for word, count in source.items():
            if count > freq.get(word, 0):
                freq[word] = count
    return freq


@lazy
def word_freq() -> dict[str, int]:
    """Return {word: frequency} for words of 2 to MAX_WORD_LEN characters."""
    return {word: count for word, count in all_words.get().items() if len(word) >= 2}


@lazy
def segment_costs() -> dict[str, float]:
    """Return {word: -ln(share)} for the segmentation scorer."""
    total = math.log(JIEBA_TOTAL)
    return {word: total - math.log(count) for word, count in all_words.get().items() if count > 0}


def best_word_around(text: str, i: int, min_freq: int) -> int:
    """Return the highest frequency of a dictionary word (>= min_freq) spanning position i, else 0."""
    freq = word_freq.get()
    best = 0
    n = len(text)
    for start in range(max(0, i - MAX_WORD_LEN + 1), i + 1):
        for end in range(max(i + 1, start + 2), min(n, start + MAX_WORD_LEN) + 1):
            f = freq.get(text[start:end], 0)
            if f >= min_freq and f > best:
                best = f
    return best


@lazy
def replacement_index() -> dict[str, dict[str, int]]:
    """Return {word with one character masked as NUL: {that character: frequency}} for frequent words."""
    index: dict[str, dict[str, int]] = {}
    for word, freq in word_freq.get().items():
        if freq >= INDEX_MIN_FREQ:
            for p, ch in enumerate(word):
                slot = index.setdefault(word[:p] + "\0" + word[p + 1 :], {})
                slot[ch] = max(freq, slot.get(ch, 0))
    return index


def words_by_replacement(text: str, i: int) -> dict[str, int]:
    """Return {character: highest frequency of a word spanning i when text[i] is that character}."""
    index = replacement_index.get()
    best: dict[str, int] = {}
    n = len(text)
    for start in range(max(0, i - MAX_WORD_LEN + 1), i + 1):
        for end in range(max(i + 1, start + 2), min(n, start + MAX_WORD_LEN) + 1):
            slot = index.get(text[start:i] + "\0" + text[i + 1 : end])
            if slot:
                for ch, freq in slot.items():
                    if freq > best.get(ch, 0):
                        best[ch] = freq
    return best


UNKNOWN_COST = math.log(JIEBA_TOTAL) + 2.0  # a character no source knows costs more than the rarest word


def segmentation_cost(text: str) -> float:
    """Return the cost (-ln probability) of the best segmentation of text into known words (a unigram model)."""
    costs = segment_costs.get()
    best = [0.0] + [math.inf] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - MAX_WORD_LEN), end):
            cost = costs.get(text[start:end])
            if cost is None:
                if end - start > 1:
                    continue
                cost = UNKNOWN_COST
            if best[start] + cost < best[end]:
                best[end] = best[start] + cost
    return best[-1]
