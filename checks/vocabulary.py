"""Word frequencies from jieba's dictionary, used to tell whether characters form a known word."""

from __future__ import annotations

from checks.paths import jieba_dictionary
from checks.resources import lazy

MAX_WORD_LEN = 4
INDEX_MIN_FREQ = 5


@lazy
def word_freq() -> dict[str, int]:
    """Return {word: frequency} for jieba dictionary words of 2 to MAX_WORD_LEN characters."""
    freq: dict[str, int] = {}
    with open(jieba_dictionary(), encoding="utf-8") as f:
        for line in f:
            parts = line.split(" ")
            if len(parts) >= 2 and 2 <= len(parts[0]) <= MAX_WORD_LEN:
                freq[parts[0]] = int(parts[1])
    return freq


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
