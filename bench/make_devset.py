"""Write bench/data/devset_official.tsv: each sentence of official_sentences.txt clean, and twice with one typo
that pinyin or stroke input produces (same syllable in another tone or none, a fuzzy sound, a similar shape) put into
one of its words. Every third sentence, with its variants, is held out: measured at the end, never tuned on.

A sound typo is what an input method offers for the syllable the writer typed: the syllable of the character as it is
read in its word (觉得 is jué de), and a character the method lists under that syllable, one of whose usual readings
it is (checks.confusables.usual_readings: 约 is offered under yuē, not under yào). The first version of the set
(devset_official_v1.tsv, kept for comparison) drew from every reading pypinyin lists for either character, so that a
quarter of its sound typos were slips no input method makes (便也 for 便宜, by 也's yí)."""

from __future__ import annotations

import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypinyin import Style, pinyin  # noqa: E402

from checks.confusables import _common_chars, fuzzy_sound, usual_readings  # noqa: E402
from checks.paths import jieba_entries, pycorrector_data  # noqa: E402
from checks.tagging import tagger  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
HELD_OUT_EVERY = 3
VARIANTS = 2
KINDS = (("pinyin", 0.65), ("fuzzy", 0.15), ("shape", 0.20))
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def _by_sound() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Common characters by the syllables an input method offers them under (their usual readings), exact and fuzzy."""
    plain: dict[str, set[str]] = defaultdict(set)
    fuzzy: dict[str, set[str]] = defaultdict(set)
    usual = usual_readings.get()
    for ch in _common_chars():
        for sound in usual.get(ch, frozenset(pinyin(ch, style=Style.NORMAL)[0])):
            plain[sound].add(ch)
            fuzzy[_fuzzy_key(sound)].add(ch)
    return plain, fuzzy


def _fuzzy_key(sound: str) -> str:
    return fuzzy_sound(sound) + "|" + sound[:1].replace("l", "n")


def _shapes() -> dict[str, set[str]]:
    shapes: dict[str, set[str]] = defaultdict(set)
    with open(pycorrector_data("same_stroke.txt"), encoding="utf-8") as f:
        for line in f:
            group = line.split()
            for ch in group:
                shapes[ch].update(c for c in group if c != ch and c in _common_chars())
    return shapes


Table = dict[str, set[str]]


def _options(ch: str, reading: str, kind: str, plain: Table, fuzzy: Table, shapes: Table) -> list[str]:
    """The characters a writer may put for `ch`, read `reading` in its word, by this kind of slip."""
    if kind == "pinyin":
        return sorted(plain[reading] - {ch})
    if kind == "fuzzy":
        return sorted(fuzzy[_fuzzy_key(reading)] - plain[reading] - {ch})
    return sorted(shapes.get(ch, set()))


def _char_weights() -> dict[str, float]:
    """How often a character is used (summed jieba word frequencies): an input method offers frequent ones first."""
    weights: dict[str, float] = defaultdict(float)
    for word, freq in jieba_entries():
        for ch in word:
            weights[ch] += freq
    return {ch: w**0.5 for ch, w in weights.items()}


def corrupt(sentence: str, rng: random.Random, tables, weights: dict[str, float]) -> tuple[str, str] | None:
    """Put one typo into a word of two or more characters; return (typo sentence, kind)."""
    at, slots, readings = 0, [], {}
    for word, _ in tagger.get()(sentence):
        if len(word) >= 2 and _CJK.match(word):
            slots += [at + k for k in range(len(word))]
            readings |= {at + k: sound[0] for k, sound in enumerate(pinyin(word, style=Style.NORMAL))}
        at += len(word)
    for _ in range(50):
        kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
        i = rng.choice(slots)
        options = _options(sentence[i], readings[i], kind, *tables)
        if options:
            typed = rng.choices(options, weights=[weights.get(c, 1.0) for c in options])[0]
            return sentence[:i] + typed + sentence[i + 1 :], kind
    return None


def sentences_of(name: str) -> list[str]:
    """Return the sentences of one file in bench/data (one a line, '#' lines are comments)."""
    with open(DATA / name, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def labelled_rows(label: str, sentence: str, variants: int, rng: random.Random, tables, weights) -> list[str]:
    """The sentence clean, then up to `variants` different typo versions of it, as `label kind source target` rows."""
    rows = [f"{label}\tclean\t{sentence}\t{sentence}"]
    seen = set()
    for _ in range(variants):
        made = corrupt(sentence, rng, tables, weights)
        if made and made[0] not in seen:
            seen.add(made[0])
            rows.append(f"{label}\t{made[1]}\t{made[0]}\t{sentence}")
    return rows


def main() -> None:
    """Regenerate the development set (deterministic for a given seed and sentence file)."""
    rng = random.Random(2026)
    tables = (*_by_sound(), _shapes())
    weights = _char_weights()
    sentences = sentences_of("official_sentences.txt")
    rows = ["split\tkind\tsource\ttarget"]
    for n, sentence in enumerate(sentences):
        split = "heldout" if n % HELD_OUT_EVERY == HELD_OUT_EVERY - 1 else "dev"
        rows += labelled_rows(split, sentence, VARIANTS, rng, tables, weights)
    (DATA / "devset_official.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows) - 1} rows from {len(sentences)} sentences")


if __name__ == "__main__":
    main()
