"""Write bench/data/learnerset.tsv from learner_clean.txt and bench/data/essayset.tsv from learner_essays.txt: each
sentence clean, once with an input-method typo (as bench/make_devset.py injects them) and once with a confusion
learners make (在/再, 的/得/地, 做/作, ...) where the sentence has such a character. Every third sentence, with its
variants, is held out: measured, never tuned on. The first versions (learnerset_v1.tsv, essayset_v1.tsv) drew the
input-method typos from every reading, as bench/make_devset.py then did."""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_devset import HELD_OUT_EVERY, _by_sound, _char_weights, _shapes, corrupt, sentences_of  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
# Pairs learners of Chinese confuse (same or near sound, similar meaning or shape), either way round.
LEARNER_PAIRS = (
    ("在", "再"), ("的", "得"), ("的", "地"), ("得", "地"), ("做", "作"), ("那", "哪"), ("已", "以"), ("象", "像"),
    ("因", "应"), ("到", "道"), ("坐", "座"), ("带", "戴"), ("进", "近"), ("买", "卖"), ("们", "门"), ("他", "她"),
    ("祝", "视"), ("今", "令"), ("京", "景"), ("题", "提"), ("情", "请"), ("清", "请"), ("经", "京"), ("午", "牛"),
)  # fmt: skip


def learner_typo(sentence: str, rng: random.Random) -> str | None:
    """Swap one character of the sentence for its learner confusion, or None when it has none."""
    swaps = {a: b for a, b in LEARNER_PAIRS} | {b: a for a, b in LEARNER_PAIRS}
    options = [i for i, ch in enumerate(sentence) if ch in swaps and ch not in "他她"]
    if not options:
        return None
    i = rng.choice(options)
    return sentence[:i] + swaps[sentence[i]] + sentence[i + 1 :]


SETS = (("learner_clean.txt", "learnerset.tsv", 2028), ("learner_essays.txt", "essayset.tsv", 2029))


def main() -> None:
    """Regenerate the learner sets (deterministic for a given seed and sentence file)."""
    for source, target, seed in SETS:
        write_set(source, target, seed)


def write_set(source: str, target: str, seed: int) -> None:
    """Write one set's rows from one file of clean sentences."""
    rng = random.Random(seed)
    tables = (*_by_sound(), _shapes())
    weights = _char_weights()
    rows = ["split\tkind\tsource\ttarget"]
    for n, sentence in enumerate(sentences_of(source)):
        split = "heldout" if n % HELD_OUT_EVERY == HELD_OUT_EVERY - 1 else "dev"
        rows.append(f"{split}\tclean\t{sentence}\t{sentence}")
        typed = corrupt(sentence, rng, tables, weights)
        if typed:
            rows.append(f"{split}\t{typed[1]}\t{typed[0]}\t{sentence}")
        confused = learner_typo(sentence, rng)
        if confused and confused != sentence and (not typed or confused != typed[0]):
            rows.append(f"{split}\tlearner\t{confused}\t{sentence}")
    (DATA / target).write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{target}: {len(rows) - 1} rows")


if __name__ == "__main__":
    main()
