"""Which characters a writer may have typed instead of another: same sound, similar sound, similar shape."""
from __future__ import annotations

from collections import defaultdict

from pypinyin import Style, pinyin

from checks.paths import pycorrector_data
from checks.resources import lazy

SAME_SOUND, SIMILAR_SOUND, SIMILAR_SHAPE = 0, 1, 2


def _common_chars() -> frozenset[str]:
    with open(pycorrector_data("common_char_set.txt"), encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if len(line.strip()) == 1)


def _pycorrector_pinyin(candidates: dict[str, dict[str, int]]) -> None:
    with open(pycorrector_data("same_pinyin.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            for tier, column in ((SAME_SOUND, 1), (SIMILAR_SOUND, 2)):
                for other in parts[column] if len(parts) > column else "":
                    _add(candidates, parts[0], other, tier)


def _pycorrector_shapes(candidates: dict[str, dict[str, int]]) -> None:
    with open(pycorrector_data("same_stroke.txt"), encoding="utf-8") as f:
        for line in f:
            group = line.split()
            for ch in group:
                for other in group:
                    _add(candidates, ch, other, SIMILAR_SHAPE)


def _pypinyin_homophones(candidates: dict[str, dict[str, int]], chars: frozenset[str]) -> None:
    by_sound: dict[str, set[str]] = defaultdict(set)
    for ch in chars:
        for sound in pinyin(ch, style=Style.TONE3, heteronym=True)[0]:
            by_sound[sound].add(ch)
    for group in by_sound.values():
        for ch in group:
            for other in group:
                _add(candidates, ch, other, SAME_SOUND)


def _add(candidates: dict[str, dict[str, int]], ch: str, other: str, tier: int) -> None:
    if ch != other and len(ch) == 1 and len(other) == 1:
        current = candidates[ch].get(other)
        candidates[ch][other] = tier if current is None else min(current, tier)


@lazy
def confusion_sets() -> dict[str, dict[str, int]]:
    """Return {char: {candidate: tier}} restricted to common characters (tier 0 = same sound)."""
    common = _common_chars()
    candidates: dict[str, dict[str, int]] = defaultdict(dict)
    _pycorrector_pinyin(candidates)
    _pycorrector_shapes(candidates)
    _pypinyin_homophones(candidates, common)
    return {
        ch: {c: tier for c, tier in others.items() if c in common}
        for ch, others in candidates.items()
    }
