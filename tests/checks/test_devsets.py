"""Our official-writing, learner, essay and tuning sets hold the slips input methods make (bench/make_devset.py,
bench/make_learnerset.py, bench/make_tuneset.py)."""

from __future__ import annotations

import pytest

from bench.devset import OFFICIAL_V1, devset_rows, tuneset_rows
from bench.learner_eval import learnerset_rows
from checks.vocabulary import read_apart_at


def _sound_typos_read_apart(rows: list[tuple[str, str, str]]) -> int:
    count = 0
    for source, target, kind in rows:
        if kind in ("pinyin", "fuzzy"):
            at = next(i for i, (a, b) in enumerate(zip(source, target, strict=True)) if a != b)
            count += read_apart_at(source, at, target[at])
    return count


@pytest.mark.parametrize(
    "rows",
    [
        devset_rows("dev") + devset_rows("heldout"),
        learnerset_rows("dev") + learnerset_rows("heldout"),
        learnerset_rows("dev", "essayset.tsv") + learnerset_rows("heldout", "essayset.tsv"),
        tuneset_rows("official") + tuneset_rows("informal"),
    ],
    ids=["official", "learner", "essay", "tuning"],
)
def test_every_sound_typo_is_one_an_input_method_offers_for_the_syllable_typed(
    rows: list[tuple[str, str, str]],
) -> None:
    assert sum(kind == "pinyin" for _, _, kind in rows) > 100
    assert _sound_typos_read_apart(rows) == 0


def test_the_first_version_drew_sound_typos_from_every_reading() -> None:
    """Kept for comparison: 便也 for 便宜 (by 也's yí) is no slip an input method makes."""
    assert _sound_typos_read_apart(devset_rows("dev", OFFICIAL_V1)) > 50
