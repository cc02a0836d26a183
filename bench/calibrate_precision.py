"""Calibrate the typo layers' thresholds on clean text we never evaluate on: People's Daily held-out sentences and
the development part's clean sentences. For each raise of the thresholds, print the share of clean sentences either
layer flags and the share of development typos the two layers together locate (SIGHAN is not read here)."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.devset import devset_rows
from checks import typos, warm_up, words
from checks.findings import Finding
from checks.lm.corpus import held_out_sentences

RAISES = ((0.0, 0.0), (0.5, 0.0), (0.0, 0.5), (0.5, 0.5), (1.0, 0.5), (1.0, 1.0))


def _raised(char_raise: float, word_raise: float) -> tuple[typos.TypoParams, words.WordParams]:
    char = dataclasses.replace(typos.DEFAULT, gain=tuple(g + char_raise for g in typos.DEFAULT.gain))
    word = dataclasses.replace(
        words.DEFAULT,
        threshold=tuple(t + word_raise for t in words.DEFAULT.threshold),
        covered_threshold=tuple(t + word_raise for t in words.DEFAULT.covered_threshold),
    )
    return char, word


def _typo_findings(text: str, char: typos.TypoParams, word: words.WordParams) -> list[Finding]:
    return words.find_word_typos(text, word) + typos.find_typos(text, char)


def main() -> None:
    warm_up()
    rows = devset_rows("dev")
    clean = list(held_out_sentences()) + [s for s, t, _ in rows if s == t]
    wrong = [(s, next(i for i, (a, b) in enumerate(zip(s, t, strict=True)) if a != b)) for s, t, _ in rows if s != t]
    print(f"{len(clean)} clean sentences, {len(wrong)} development typos")
    print("char raise  word raise  clean flagged  dev typos located")
    for char_raise, word_raise in RAISES:
        char, word = _raised(char_raise, word_raise)
        flagged = sum(bool(_typo_findings(s, char, word)) for s in clean) / len(clean)
        located = sum(any(f.start <= at < f.end for f in _typo_findings(s, char, word)) for s, at in wrong) / len(wrong)
        print(f"{char_raise:10.1f}  {word_raise:10.1f}  {flagged:13.2%}  {located:17.1%}", flush=True)


if __name__ == "__main__":
    main()
