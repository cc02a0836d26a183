"""Word frequencies from jieba's dictionary, wordfreq's Chinese list, jionlp's word distribution and idioms and our
government terms: whether characters form a known word, and how well a string segments."""

from __future__ import annotations

import functools
import gzip
import io
import json
import math
import re
import zipfile

import msgpack

from checks.confusables import read_apart, word_candidates_for
from checks.paths import checker_data, jieba_entries, jionlp_dictionary, wordfreq_data
from checks.resources import lazy
from checks.spans import covered_positions

MAX_WORD_LEN = 4
INDEX_MIN_FREQ = 5
# A character inside a word at least this frequent (工作, 发展) is taken as written by the typo layers: on the dev
# sets one real typo in 550 sits in such a word, and skipping them makes the layers three times faster.
SAFE_WORD_FREQ = 5000
JIEBA_TOTAL = 60_101_967  # the sum of jieba's frequencies
IDIOM_FREQ = 50
TERM_FREQ = 200
# wordfreq's web sources carry common misspellings at low counts (布署 16, 急待 8): below this, a word is not taken.
WORDFREQ_MIN = 20
# jionlp's word distribution counts are this many times jieba's (the median ratio over words both list, jieba >= 1000);
# below JIONLP_MIN on jieba's scale it carries misspellings too (布署 22, 急待 18). 30 rather than 100: on the dev part
# and bench/data/tuneset.tsv, 100 leaves two more clean sentences flagged and finds one more typo.
JIONLP_SCALE = 49
JIONLP_MIN = 30
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def _jieba_words() -> dict[str, int]:
    return {word: count for word, count in jieba_entries() if len(word) <= MAX_WORD_LEN}


def _wordfreq_words() -> dict[str, int]:
    """wordfreq's Chinese list (web, subtitles, news and Wikipedia, Taiwanese sources folded to simplified): the modern
    words jieba lacks (常态化, 预检) and regional usage (网路, 软体), as counts on jieba's scale. Its file is a list of
    buckets, one per centibel of frequency, most frequent first; a word at bucket b has frequency 10^(-b/100)."""
    with gzip.open(wordfreq_data("large_zh.msgpack.gz")) as f:
        buckets = msgpack.unpack(f, raw=False)[1:]
    freq: dict[str, int] = {}
    for centibels, bucket in enumerate(buckets):
        count = int(JIEBA_TOTAL * 10 ** (-centibels / 100))
        if count < WORDFREQ_MIN:
            break
        for word in bucket:
            if 2 <= len(word) <= MAX_WORD_LEN and _HAN.match(word):
                freq[word] = count
    return freq


def _jionlp_distribution() -> dict[str, int]:
    """jionlp's word distribution (one JSON [word, count] a line): today's official vocabulary that jieba lacks
    (纠治, 剂次, 放管服, 河长制), as counts on jieba's scale."""
    freq: dict[str, int] = {}
    with zipfile.ZipFile(jionlp_dictionary("word_distribution")) as archive:
        for line in archive.read(archive.namelist()[0]).decode("utf-8").splitlines():
            word, count = json.loads(line)[:2]
            count = int(count) // JIONLP_SCALE
            if count >= JIONLP_MIN and 2 <= len(word) <= MAX_WORD_LEN and _HAN.match(word):
                freq[word] = count
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
    """Return {word: frequency} for words of 1 to MAX_WORD_LEN characters: the highest of jieba's, wordfreq's and
    jionlp's counts, with idioms and our terms at least listed."""
    freq = _jieba_words()
    sources = (_wordfreq_words(), _jionlp_distribution(), _listed_words())
    for word, count in (item for source in sources for item in source.items()):
        freq[word] = max(count, freq.get(word, 0))
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
    start = max(0, i - MAX_WORD_LEN + 1)
    freq, _, _ = _best_word_span(text[start : i + MAX_WORD_LEN], i - start)
    return freq if freq >= min_freq else 0


def word_around(text: str, i: int) -> tuple[str, int]:
    """Return the most frequent dictionary word spanning position i and i's offset in it, else (text[i], 0)."""
    start = max(0, i - MAX_WORD_LEN + 1)
    window = text[start : i + MAX_WORD_LEN]
    freq, lo, hi = _best_word_span(window, i - start)
    return (window[lo:hi], i - start - lo) if freq else (text[i], 0)


def read_apart_at(text: str, i: int, candidate: str) -> bool:
    """Whether the candidate, read as it is in the word it would spell there, is no usual reading of text[i] though the
    two share some reading (会教得 -> 觉: 觉得 is read jué; checks.confusables.read_apart)."""
    word, at = word_around(text[:i] + candidate + text[i + 1 :], i)
    return read_apart(text[i], candidate, word, at)


@lazy
def safe_words() -> frozenset[str]:
    """Return the words at least SAFE_WORD_FREQ frequent, whose characters the typo layers take as written."""
    return frozenset(word for word, count in word_freq.get().items() if count >= SAFE_WORD_FREQ)


@functools.lru_cache(maxsize=1024)
def safe_positions(text: str) -> frozenset[int]:
    """Return the offsets of text that lie inside a word frequent enough to be taken as written."""
    return frozenset(covered_positions(text, safe_words.get(), MAX_WORD_LEN))


@functools.lru_cache(maxsize=1 << 14)
def _best_word_span(text: str, i: int) -> tuple[int, int, int]:
    """Return (frequency, start, end) of the most frequent dictionary word spanning text[i], else (0, i, i + 1)."""
    freq = word_freq.get()
    best = (0, i, i + 1)
    n = len(text)
    for start in range(max(0, i - MAX_WORD_LEN + 1), i + 1):
        for end in range(max(i + 1, start + 2), min(n, start + MAX_WORD_LEN) + 1):
            f = freq.get(text[start:end], 0)
            if f > best[0]:
                best = (f, start, end)
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


def confusable_words(text: str, i: int) -> dict[str, int]:
    """Return {confusable of text[i]: highest frequency of a word spanning i when text[i] is that confusable}."""
    start = max(0, i - MAX_WORD_LEN + 1)
    return _confusable_words(text[start : i + MAX_WORD_LEN], i - start)


@functools.lru_cache(maxsize=1 << 14)
def _confusable_words(text: str, i: int) -> dict[str, int]:
    index = replacement_index.get()
    wanted: dict[str, int] | None = None  # looked up only once a known word has this slot (never for punctuation)
    best: dict[str, int] = {}
    n = len(text)
    for start in range(max(0, i - MAX_WORD_LEN + 1), i + 1):
        head = text[start:i] + "\0"
        for end in range(max(i + 1, start + 2), min(n, start + MAX_WORD_LEN) + 1):
            slot = index.get(head + text[i + 1 : end])
            if slot is None:
                continue
            if wanted is None:
                wanted = word_candidates_for(text[i])
            common = slot.keys() & wanted.keys()  # in C, over the smaller side
            if not common:
                continue
            # Candidates enter `best` in the order of the smaller mapping: callers break ties by that order.
            for c in wanted if len(wanted) < len(slot) else slot:
                if c in common and slot[c] > best.get(c, 0):
                    best[c] = slot[c]
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
