"""Print the checker's figures on the SIGHAN 2013-2015 training sets (learner essays, simplified), a development
set of everyday learner writing: how many corrected sentences are flagged (per rule) and sentence-level detection
and correction of the originals. The pairs are third-party data, not shipped: give their directory as the first
argument or in REVIEWFLOW_SIGHAN_TRAIN, with one file pair per year, `train13_correct.txt` and `train13_error.txt`
(line-aligned: the corrected sentence and the original with its typos). Pairs that overlap SIGHAN-2015's test set
(either side equal to a test source or target, containing one, or sharing 12 characters in a row with one,
punctuation aside) are dropped; the rest are split
by a hash of the corrected sentence into a dev part (two thirds, to tune on) and a held-back third."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.checker_eval import LM_KINDS, apply  # noqa: E402
from bench.metrics import scores, sentence_level  # noqa: E402
from checks import check_text  # noqa: E402
from checks.findings import Finding  # noqa: E402
from checks.paths import pycorrector_data  # noqa: E402

ENVIRONMENT = "REVIEWFLOW_SIGHAN_TRAIN"
YEARS = ("13", "14", "15")
_PUNCTUATION = re.compile(r"[\s\W_]+")
# A test sentence shorter than this (punctuation aside) is not looked for inside training sentences: 谢谢你 is in
# many letters without being the same sentence.
MIN_CONTAINED = 8
# Two sentences sharing this many characters in a row (punctuation aside) are taken as the same text: a test sentence
# quoted inside a longer training one, or the same essay prompt.
SHARED_RUN = 12
Pair = tuple[str, str]  # (original with its typos, corrected)


def training_pairs(folder: Path) -> list[Pair]:
    """Return every (original, corrected) pair of the three years' training files."""
    pairs: list[Pair] = []
    for year in YEARS:
        errors = (folder / f"train{year}_error.txt").read_text(encoding="utf-8").splitlines()
        corrected = (folder / f"train{year}_correct.txt").read_text(encoding="utf-8").splitlines()
        if len(errors) != len(corrected):
            raise ValueError(f"train{year}: {len(errors)} originals but {len(corrected)} corrected sentences")
        pairs += [(e.strip(), c.strip()) for e, c in zip(errors, corrected, strict=True) if c.strip()]
    return pairs


def _bare(sentence: str) -> str:
    return _PUNCTUATION.sub("", sentence)


def without_test_overlap(pairs: list[Pair]) -> tuple[list[Pair], int]:
    """Drop the pairs either side of which is, contains, or shares SHARED_RUN characters in a row with a sentence of
    SIGHAN-2015's test set (its sources and targets, punctuation aside); return the rest and how many were dropped."""
    with open(pycorrector_data("sighan2015_test.tsv"), encoding="utf-8") as f:
        test = {_bare(part) for line in f if "\t" in line for part in line.rstrip("\n").split("\t")[:2]}
    test.discard("")
    short = [t for t in test if MIN_CONTAINED <= len(t) < SHARED_RUN]
    runs = {t[i : i + SHARED_RUN] for t in test for i in range(len(t) - SHARED_RUN + 1)}

    def overlaps(sentence: str) -> bool:
        bare = _bare(sentence)
        shared = any(bare[i : i + SHARED_RUN] in runs for i in range(len(bare) - SHARED_RUN + 1))
        return bare in test or shared or any(t in bare for t in short)

    kept = [(e, c) for e, c in pairs if not overlaps(e) and not overlaps(c)]
    return kept, len(pairs) - len(kept)


def part_of(corrected: str) -> str:
    """`heldback` for a third of the sentences, `dev` for the rest, by a hash of the corrected sentence."""
    digest = hashlib.sha256(corrected.encode("utf-8")).digest()
    return "heldback" if digest[0] % 3 == 0 else "dev"


def split(pairs: list[Pair]) -> dict[str, list[Pair]]:
    """Return the overlap-free pairs by part, each corrected sentence once (its first pair)."""
    parts: dict[str, list[Pair]] = {"dev": [], "heldback": []}
    seen: set[str] = set()
    for original, corrected in pairs:
        if corrected not in seen:
            seen.add(corrected)
            parts[part_of(corrected)].append((original, corrected))
    return parts


def lm_findings(sentence: str) -> list[Finding]:
    """The findings SIGHAN's correct-sentence figure counts: typo (with the 的/地/得 rules), wording and repeat."""
    return [f for f in check_text(sentence) if f.kind in LM_KINDS]


def report(name: str, pairs: list[Pair], checker: Callable[[str], list[Finding]] = lm_findings) -> None:
    """Print the corrected sentences flagged (per rule), and the originals' sentence-level detection (exactly the
    wrong characters flagged) and correction (pycorrector's metric, with the corrected sentences as the clean ones)."""
    corrected = [c for _, c in pairs]
    flagged_by_rule: Counter[str] = Counter()
    flagged = 0
    clean_predictions = []
    for sentence in corrected:
        findings = checker(sentence)
        flagged += bool(findings)
        flagged_by_rule.update({f.rule for f in findings})
        clean_predictions.append(apply(sentence, findings))
    erroneous = [(e, c) for e, c in pairs if e != c and len(e) == len(c)]
    detected = flagged_originals = 0
    error_predictions = []
    for original, right in erroneous:
        findings = checker(original)
        wrong = {i for i, (a, b) in enumerate(zip(original, right, strict=True)) if a != b}
        detected += {i for f in findings for i in range(f.start, f.end)} == wrong
        flagged_originals += bool(findings)
        error_predictions.append(apply(original, findings))
    chars = sum(map(len, corrected))
    print(
        f"{name}: {len(corrected)} corrected sentences ({chars} chars), flagged {flagged} = "
        f"{flagged / len(corrected):.2%} ({1000 * sum(flagged_by_rule.values()) / chars:.2f} rule flags per 1,000 "
        f"chars); by rule {dict(flagged_by_rule.most_common())}"
    )
    # SIGHAN's sentence-level detection: a flagged sentence is right only when exactly its wrong characters are flagged
    detection = scores(detected, flagged + flagged_originals - detected, len(erroneous) - detected)
    sources = [e for e, _ in erroneous] + corrected
    targets = [c for _, c in erroneous] + corrected
    correction = sentence_level(sources, targets, error_predictions + clean_predictions)
    print(f"  {len(erroneous)} originals with typos: {detection.line('sentence detection (exact characters)')}")
    print(f"  {correction.line('sentence correction (pycorrector)')}")


def print_figures(folder: str) -> None:
    """Print the dev and held-back figures of the training pairs in `folder`, or say why they are skipped."""
    if not folder:
        print(f"SIGHAN training sets: skipped (give their directory as an argument or in {ENVIRONMENT})")
        return
    kept, dropped = without_test_overlap(training_pairs(Path(folder)))
    parts = split(kept)
    total = len(kept) + dropped
    print(f"SIGHAN 2013-2015 training sets: {total} pairs, {dropped} overlapping SIGHAN-2015's test dropped")
    for part in ("dev", "heldback"):
        report(f"SIGHAN training [{part}]", parts[part])


def main() -> None:
    """Print the figures of the directory given as the first argument, else in REVIEWFLOW_SIGHAN_TRAIN."""
    print_figures(sys.argv[1] if len(sys.argv) > 1 else os.environ.get(ENVIRONMENT, ""))


if __name__ == "__main__":
    main()
