"""Names the typo layers never change: people, places and administrative divisions that pycorrector and jionlp ship,
and our government terms."""

from __future__ import annotations

import re

from checks.paths import checker_data, jieba_tagged_entries, open_jionlp_text, pycorrector_data
from checks.resources import lazy
from checks.spans import covered_positions

MAX_NAME_LEN = 8
TOWN_LEVEL = 3
MIN_PLACE_LEN = 3
_ALNUM = re.compile(r"[0-9A-Za-z]")
# A run of Chinese numerals (一八四八年, 三十五亿) is a number written as meant, and so is the unit after it (剂次).
_NUMERALS = re.compile(r"[〇零一二三四五六七八九十百千万亿两]{2,}")
_DIVISION_SUFFIXES = ("省", "市", "县", "区", "镇", "乡", "街道", "自治州", "自治县", "地区", "盟", "旗")


def _first_column(path: str) -> set[str]:
    with open(path, encoding="utf-8") as f:
        return {line.split("\t")[0].strip() for line in f}


def _divisions() -> set[str]:
    """Provinces, cities and counties in jionlp's table with and without their suffix (嘉定区 and 嘉定), and towns
    by their full name (江桥镇); villages are left out, many are named after common words (发展村)."""
    names: set[str] = set()
    with open_jionlp_text("china_location.txt") as f:
        for line in f:
            level = len(line) - len(line.lstrip("\t"))
            if level > TOWN_LEVEL:
                continue
            for field in line.split("\t"):
                field = field.strip()
                if len(field) < 2 or field.isdigit():
                    continue
                names.add(field)
                for suffix in _DIVISION_SUFFIXES:
                    if level < TOWN_LEVEL and field.endswith(suffix) and len(field) - len(suffix) >= 2:
                        names.add(field[: -len(suffix)])
    return names


def _jieba_places() -> set[str]:
    """Place names jieba's dictionary tags `ns`, of three characters or more (西门町, 城隍庙): jieba lists many at
    the floor count, below the frequency at which the typo layers take a word as written."""
    return {word for word, _, tag in jieba_tagged_entries() if tag == "ns" and len(word) >= MIN_PLACE_LEN}


@lazy
def protected_names() -> frozenset[str]:
    """Return the names (2 to MAX_NAME_LEN characters) whose characters are never corrected."""
    names = _first_column(str(pycorrector_data("person_name.txt")))
    names |= _first_column(str(pycorrector_data("place_name.txt")))
    names |= _divisions()
    names |= _jieba_places()
    names |= _first_column(str(checker_data("government_terms.txt")))
    return frozenset(n for n in names if 2 <= len(n) <= MAX_NAME_LEN and not n.startswith("#"))


def named_positions(text: str) -> set[int]:
    """Return the offsets of text that lie inside a known name."""
    return covered_positions(text, protected_names.get(), MAX_NAME_LEN)


def guarded_positions(text: str) -> set[int]:
    """Return the offsets the typo layers never correct: inside a known name or term, in or right after a number in
    Chinese numerals, or next to a digit or a Latin letter."""
    guarded = named_positions(text)
    for m in _ALNUM.finditer(text):
        guarded.update((m.start() - 1, m.start() + 1))
    for m in _NUMERALS.finditer(text):
        guarded.update(range(m.start(), m.end() + 1))
    return guarded
