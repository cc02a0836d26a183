"""Dump every finding check_text gives on the official-writing set, SIGHAN-2015's sources, the seed plan and the
held-out People's Daily slice (as one body), one line each, so that a pure speed change can be shown to leave the
output byte for byte the same.

    .venv/bin/python bench/dump_findings.py > before.txt   # then after the change: diff before.txt after.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.checker_eval import SEED_PLAN  # noqa: E402
from bench.devset import devset_rows  # noqa: E402
from checks import check_text  # noqa: E402
from checks.lm.corpus import held_out_sentences  # noqa: E402
from checks.paths import pycorrector_data  # noqa: E402


def texts() -> list[tuple[str, str]]:
    """Return (label, text) for every text the dump covers, in a fixed order."""
    labelled = [
        (f"{split}:{n}", source) for split in ("dev", "heldout") for n, (source, _, _) in enumerate(devset_rows(split))
    ]
    with open(pycorrector_data("sighan2015_test.tsv"), encoding="utf-8") as f:
        sources = [line.split("\t")[0] for line in f if "\t" in line]
    labelled += [(f"sighan:{n}", source) for n, source in enumerate(sources)]
    labelled.append(("seed", SEED_PLAN.read_text(encoding="utf-8")))
    labelled.append(("people-daily-held-out", "".join(held_out_sentences())))
    return labelled


def main() -> None:
    """Print one line per finding: the text's label, then the finding's fields."""
    for label, text in texts():
        for f in check_text(text):
            print(label, f.start, f.end, f.rule, f.text, f.suggestion, f.kind, f.severity, f.message, sep="\t")


if __name__ == "__main__":
    main()
