"""Dev set for tuning: held-out People's Daily sentences with confusion-set substitutions injected."""

from __future__ import annotations

import random
import re
from pathlib import Path

from checks.confusables import confusion_sets
from checks.lm.corpus import held_out_sentences

_CJK = re.compile(r"[\u4e00-\u9fff]")
TIER_WEIGHTS = (0.55, 0.2, 0.1, 0.15)


OFFICIAL = Path(__file__).resolve().parent / "data" / "devset_official.tsv"
# The first version, whose sound typos were drawn from every reading (bench/make_devset.py), kept for comparison.
OFFICIAL_V1 = OFFICIAL.with_name("devset_official_v1.tsv")


def devset_rows(split: str, path: Path = OFFICIAL) -> list[tuple[str, str, str]]:
    """Return (source, target, kind) rows of the official-writing set's `dev` or `heldout` part."""
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    return [(source, target, kind) for part, kind, source, target in rows if part == split]


TUNE = Path(__file__).resolve().parent / "data" / "tuneset.tsv"


def tuneset_rows(register: str) -> list[tuple[str, str, str]]:
    """Return (source, target, kind) rows of the tuning set (bench/make_tuneset.py) in one register: `official`
    (government sentences) or `informal` (everyday, learner-style and Taiwanese usage)."""
    with open(TUNE, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    return [(source, target, kind) for part, kind, source, target in rows if part == register]


def _corrupt(sentence: str, rng: random.Random) -> str:
    chars = list(sentence)
    positions = [i for i, ch in enumerate(chars) if _CJK.match(ch) and ch in confusion_sets.get()]
    for i in rng.sample(positions, k=min(len(positions), 1 if rng.random() < 0.8 else 2)):
        options = confusion_sets.get()[chars[i]]
        tier = rng.choices(range(len(TIER_WEIGHTS)), weights=TIER_WEIGHTS)[0]
        pool = sorted(c for c, t in options.items() if t == tier) or sorted(options)
        chars[i] = rng.choice(pool)
    return "".join(chars)


def dev_pairs(seed: int = 7, part: int = 0, path: Path | None = None) -> list[tuple[str, str]]:
    """Return (source, target) pairs; part 0 = even held-out sentences (tuning), 1 = odd ones (check)."""
    rng = random.Random(seed)
    pairs = []
    for i, sentence in enumerate(held_out_sentences(path)):
        if i % 2 != part or len(sentence) < 8:
            continue
        pairs.append((_corrupt(sentence, rng) if rng.random() < 0.5 else sentence, sentence))
    return pairs


def _swapped_pairs(swap: dict[str, str] | None, wanted: str, seed: int, part: int) -> list[tuple[str, str]]:
    """Held-out sentences with a standalone `wanted` word: half get one swapped (by `swap`, else at random)."""
    from checks.tagging import tagger

    rng = random.Random(seed)
    pairs = []
    for i, sentence in enumerate(held_out_sentences()):
        offsets, at = [], 0
        for word, _ in tagger.get()(sentence):
            offsets += [at] if len(word) == 1 and word in wanted else []
            at += len(word)
        if i % 2 != part or not offsets:
            continue
        if rng.random() < 0.5:
            at = rng.choice(offsets)
            ch = sentence[at]
            swapped = swap[ch] if swap else rng.choice([c for c in wanted if c != ch])
            pairs.append((sentence[:at] + swapped + sentence[at + 1 :], sentence))
        else:
            pairs.append((sentence, sentence))
    return pairs


def particle_pairs(seed: int = 7, part: int = 0, written_as_de: bool = False) -> list[tuple[str, str]]:
    """Return (source, target) pairs from held-out sentences with a 的/地/得: half get one particle swapped, at
    random or (written_as_de) the common mistake, 地/得 written as 的."""
    from checks.rules.particles import PARTICLES

    if written_as_de:
        return _swapped_pairs({"地": "的", "得": "的"}, "地得", seed, part)
    return _swapped_pairs(None, PARTICLES, seed, part)


def function_word_pairs(seed: int = 7, part: int = 0) -> list[tuple[str, str]]:
    """Return (source, target) pairs from held-out sentences with a standalone 在/再, 已/以, ...: half get one swap."""
    from checks.rules.function_words import TWINS

    return _swapped_pairs(TWINS, "".join(TWINS), seed, part)
