"""Which characters a writer may have typed instead of another: same sound, similar sound, similar shape, and
fuzzy sound (z/zh, c/ch, s/sh, n/l, -n/-ng confused, any tone)."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable

from pypinyin import Style, pinyin
from pypinyin.phrases_dict import phrases_dict

from checks.paths import jieba_entries, pycorrector_data
from checks.resources import lazy

SAME_SOUND, SIMILAR_SOUND, SIMILAR_SHAPE, FUZZY_SOUND = 0, 1, 2, 3
# The tiers a writer reaches by typing a syllable, where the syllable's reading decides (read_apart).
TYPED_BY_SOUND = frozenset((SAME_SOUND, FUZZY_SOUND))
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
_FUZZY_FINALS = (("ing", "in"), ("eng", "en"), ("ang", "an"))


@functools.cache
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
            _add_group(candidates, line.split(), SIMILAR_SHAPE)


# Similar-shape characters pycorrector's same_stroke.txt does not pair, though writers confuse them, from the
# classic 形近字 lists: 己/已 (自已, 而己, 己经). On the SIGHAN 2013-2015 training sentences' dev part
# (bench/sighan_train_eval.py) they were 20 missed typos with no candidate at all; with the pair 7 more originals are
# corrected whole, no corrected sentence and nothing of People's Daily 1998 (自己经营, 各自已有 stay) newly flagged,
# our learner, essay, official and tuning dev figures unchanged.
SHAPE_GROUPS = ("己已",)


def _hand_written_shapes(candidates: dict[str, dict[str, int]]) -> None:
    for group in SHAPE_GROUPS:
        _add_group(candidates, group, SIMILAR_SHAPE)


def _pypinyin_sound_groups(candidates: dict[str, dict[str, int]]) -> None:
    for tier, by_sound in common_by_sound.get().items():
        for group in by_sound.values():
            _add_group(candidates, group, tier)


def fuzzy_sound(syllable: str) -> str:
    """Fold a toneless pinyin syllable so that sounds speakers commonly confuse compare equal."""
    for retroflex, flat in _FUZZY_INITIALS:
        if syllable.startswith(retroflex):
            syllable = flat + syllable[len(retroflex) :]
            break
    for back, front in _FUZZY_FINALS:
        if syllable.endswith(back):
            return syllable[: -len(back)] + front
    return syllable


def _add(candidates: dict[str, dict[str, int]], ch: str, other: str, tier: int) -> None:
    if ch != other and len(ch) == 1 and len(other) == 1:
        current = candidates[ch].get(other)
        candidates[ch][other] = tier if current is None else min(current, tier)


def _add_group(candidates: dict[str, dict[str, int]], group: Iterable[str], tier: int) -> None:
    """Make every two characters of the group candidates for each other at this tier."""
    for ch in group:
        for other in group:
            _add(candidates, ch, other, tier)


@lazy
def common_by_sound() -> dict[int, dict[str, frozenset[str]]]:
    """Return common characters grouped by toned pinyin (SAME_SOUND) and by fuzzy toneless pinyin (FUZZY_SOUND)."""
    groups: dict[int, dict[str, set[str]]] = {SAME_SOUND: defaultdict(set), FUZZY_SOUND: defaultdict(set)}
    for ch in _common_chars():
        for sound in pinyin(ch, style=Style.TONE3, heteronym=True)[0]:
            groups[SAME_SOUND][sound].add(ch)
            groups[FUZZY_SOUND][fuzzy_sound(sound.rstrip("12345"))].add(ch)
    return {tier: {sound: frozenset(chars) for sound, chars in by_sound.items()} for tier, by_sound in groups.items()}


@lazy
def confusion_sets() -> dict[str, dict[str, int]]:
    """Return {char: {candidate: tier}} restricted to common characters (tier 0 = same sound, the best tier wins)."""
    common = _common_chars()
    candidates: dict[str, dict[str, int]] = defaultdict(dict)
    _pycorrector_pinyin(candidates)
    _pycorrector_shapes(candidates)
    _hand_written_shapes(candidates)
    _pypinyin_sound_groups(candidates)
    return {ch: {c: tier for c, tier in others.items() if c in common} for ch, others in candidates.items()}


def _no_sound(_: str) -> str:
    return ""  # a character pypinyin cannot read has no sound-alikes


# A character outside the common set is still meant when a word written with it is this frequent in jieba's
# dictionary (弘扬 430, 恪守 215, 推诿 82): official writing keeps such words (大力弘扬, 恪尽职守, 推诿扯皮), and a
# slip for one of their characters (洪扬, 客尽职守, 推未扯皮) had no candidate at all.
WORD_CHAR_MIN_FREQ = 80


@lazy
def word_characters() -> dict[str, frozenset[str]]:
    """Return {toneless syllable: characters outside the common set written in a word of jieba's dictionary at least
    WORD_CHAR_MIN_FREQ frequent}, by their usual readings."""
    common = _common_chars()
    chars: set[str] = set()
    for word, count in jieba_entries():
        if len(word) >= 2 and count >= WORD_CHAR_MIN_FREQ:
            chars.update(ch for ch in word if "\u4e00" <= ch <= "\u9fff" and ch not in common)
    by_sound: dict[str, set[str]] = defaultdict(set)
    for ch in chars:
        for sound in syllables(ch):
            by_sound[sound].add(ch)
    return {sound: frozenset(group) for sound, group in by_sound.items()}


@functools.cache
def candidates_for(ch: str) -> dict[str, int]:
    """Return {candidate: tier}; a rare character (檡, 佔) is seldom meant, so every common sound-alike is one."""
    known = confusion_sets.get().get(ch, {})
    if ch in _common_chars():
        return known
    found = dict(known)
    by_sound = common_by_sound.get()
    for sound in pinyin(ch, style=Style.TONE3, heteronym=True, errors=_no_sound)[0]:
        for tier, key in ((SAME_SOUND, sound), (FUZZY_SOUND, fuzzy_sound(sound.rstrip("12345")))):
            for other in by_sound[tier].get(key, ()):
                if other != ch:
                    found[other] = min(tier, found.get(other, tier))
    return found


@functools.cache
def word_candidates_for(ch: str) -> dict[str, int]:
    """Return candidates_for(ch) and the word characters outside the common set with the same syllable (洪 -> 弘), as
    a similar sound (any tone). These are worth proposing only where they spell a word: the word layer takes them,
    the character layer, which weighs a candidate by the LM alone, does not."""
    found = dict(candidates_for(ch))
    by_word_sound = word_characters.get()
    for sound in syllables(ch):
        for other in by_word_sound.get(sound, ()):
            if other != ch:
                found.setdefault(other, SIMILAR_SOUND)
    return found


# pypinyin lists a character's readings commonest first; beyond the second come archaic ones (说 yuè, 还 fú) that
# no input method offers the character under.
USUAL_READINGS = 2


@functools.cache
def syllables(ch: str) -> frozenset[str]:
    """Return the toneless pinyin syllables of a character's usual readings (its first two)."""
    readings = pinyin(ch, style=Style.NORMAL, heteronym=True, errors=_no_sound)[0][:USUAL_READINGS]
    return frozenset(readings) - {""}


def read_apart(ch: str, other: str, word: str, at: int) -> bool:
    """Whether `other`, read as it is in `word` (word[at] == other), is none of the usual readings of `ch` though
    the two share some reading: a pinyin input method offers a character under the syllable typed, so 教 is no slip
    for the jué of 觉得 however much 觉 is also read jiào, nor 约 for the yào of 想要 (约 is yāo only in 约一约). A
    rare character (檡) is exempt, as in candidates_for: it was not picked from an input method's list, and its
    dictionary readings say little of how it came to be written."""
    if ch not in _common_chars():
        return False
    if not frozenset(_all_readings(ch)) & frozenset(_all_readings(other)):
        return False  # pycorrector pairs them by shape or sound family (逃/挑): not a matter of readings
    read = {pinyin(word, style=Style.NORMAL, errors=_no_sound)[at][0]}  # a dictionary word: Han characters only
    read |= {PARTICLE_READINGS[other]} if other in PARTICLE_READINGS else set()  # 慢慢得说: 地 typed as de
    usual = usual_readings.get().get(ch, _all_readings(ch))
    return not {fuzzy_sound(sound) for sound in read} & {fuzzy_sound(sound) for sound in usual}


@functools.cache
def _all_readings(ch: str) -> tuple[str, ...]:
    return tuple(pinyin(ch, style=Style.NORMAL, heteronym=True, errors=_no_sound)[0])


# A reading is usual when pypinyin lists it first or when at least this share of the phrases in its phrase dictionary
# written with the character read it so (长: cháng 74%, zhǎng 26%; 省: shěng, xǐng 36%; 约: yuē in every one).
USUAL_SHARE = 0.1
# The particles are read so in their commonest use, alone, which no phrase shows (地 is dì in 99.8% of them).
PARTICLE_READINGS = {"的": "de", "地": "de", "得": "de", "着": "zhe", "著": "zhe"}
_TONE_MARKS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")  # as Style.NORMAL


@lazy
def usual_readings() -> dict[str, frozenset[str]]:
    """Return {character: its usual toneless readings} for the characters of pypinyin's phrase dictionary: by use
    in phrases, where syllables() takes pypinyin's first two readings, whatever their use (约's second is yāo)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for phrase, readings in phrases_dict.items():
        if len(readings) == len(phrase):
            for ch, reading in zip(phrase, readings, strict=True):
                counts[ch][reading[0].translate(_TONE_MARKS)] += 1
    usual = {}
    for ch, by_sound in counts.items():
        total = sum(by_sound.values())
        sounds = {sound for sound, n in by_sound.items() if n >= USUAL_SHARE * total}
        sounds |= set(_all_readings(ch)[:1]) | ({PARTICLE_READINGS[ch]} if ch in PARTICLE_READINGS else set())
        usual[ch] = frozenset(sounds)
    return usual


def typed_tier(ch: str, other: str, tier: int) -> int:
    """A pinyin input method is typed without tones: a character with the same syllable in any tone is as likely
    a slip as a same-sound one (按/安, 系/记)."""
    return SAME_SOUND if syllables(ch) & syllables(other) else tier
