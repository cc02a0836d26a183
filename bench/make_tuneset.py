"""Write bench/data/tuneset.tsv, the tuning data for the typo layers (never an evaluation set): each sentence of
official_tune.txt (government register) and informal_clean.txt (everyday, learner-style and Taiwanese usage) clean,
and with one input-method typo injected as bench/make_devset.py does (regenerated when its typos became the ones input
methods make; earlier tuning figures in checks/ refer to the first version). SIGHAN's test file is not read here."""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_devset import _by_sound, _char_weights, _shapes, labelled_rows, sentences_of  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
SOURCES = (("official", "official_tune.txt", 3), ("informal", "informal_clean.txt", 2))


def main() -> None:
    """Regenerate the tuning set (deterministic for a given seed and sentence files)."""
    rng = random.Random(2027)
    tables = (*_by_sound(), _shapes())
    weights = _char_weights()
    rows = ["register\tkind\tsource\ttarget"]
    for register, name, variants in SOURCES:
        for sentence in sentences_of(name):
            rows += labelled_rows(register, sentence, variants, rng, tables, weights)
    (DATA / "tuneset.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows) - 1} rows")


if __name__ == "__main__":
    main()
