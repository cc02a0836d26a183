"""Print the checker's figures on short informal text of our own: the learner set and the essay set
(bench/make_learnerset.py, `dev` and `heldout` parts; their first versions, whose input-method typos were drawn from
every reading, are printed for comparison) and the informal part of the tuning set. Clean sentences
flagged by typo/wording/repeat findings, typos located, and pycorrector's sentence-level P/R/F1; `rules` adds the
rules behind false flags."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.checker_eval import LM_KINDS, apply  # noqa: E402
from bench.devset import tuneset_rows  # noqa: E402
from bench.metrics import sentence_level  # noqa: E402
from checks import check_text  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def learnerset_rows(split: str, name: str = "learnerset.tsv") -> list[tuple[str, str, str]]:
    """Return (source, target, kind) rows of the learner set's (or the essay set's) `dev` or `heldout` part."""
    with open(DATA / name, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    return [(source, target, kind) for part, kind, source, target in rows if part == split]


def report(name: str, rows: list[tuple[str, str, str]], show_rules: bool) -> None:
    """Print one set's clean flagged, typos located by kind, and sentence-level scores."""
    located: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false_rules: Counter[str] = Counter()
    flagged = clean = 0
    predictions = []
    for source, target, kind in rows:
        findings = [f for f in check_text(source) if f.kind in LM_KINDS]
        predictions.append(apply(source, findings))
        if source == target:
            clean += 1
            flagged += bool(findings)
            false_rules.update(f.rule for f in findings)
            continue
        at = next(i for i, (a, b) in enumerate(zip(source, target, strict=True)) if a != b)
        total[kind] += 1
        located[kind] += any(f.start <= at < f.end for f in findings)
    scores = sentence_level([s for s, _, _ in rows], [t for _, t, _ in rows], predictions)
    kinds = ", ".join(f"{k} {located[k]}/{total[k]}" for k in sorted(total))
    typos = sum(total.values())
    print(
        f"{name}: clean flagged {flagged}/{clean} ({flagged / clean:.1%}); typos located "
        f"{sum(located.values()) / typos:.1%} ({kinds}); {scores.line('sentence level')}"
    )
    if show_rules:
        print(f"  false flags by rule: {dict(false_rules.most_common())}")


def two_error_rows(split: str, name: str = "learnerset.tsv") -> list[tuple[str, str]]:
    """Return (source, target) pairs with two typos: a sentence's typo variant and its learner variant merged, where
    they change different characters (as an essay has more than one slip)."""
    variants: dict[str, list[str]] = {}
    for source, target, _ in learnerset_rows(split, name):
        if source != target:
            variants.setdefault(target, []).append(source)
    pairs = []
    for target, (first, second, *_) in ((t, v) for t, v in variants.items() if len(v) >= 2):
        changed = [i for i, (a, b, c) in enumerate(zip(first, second, target, strict=True)) if a != c or b != c]
        merged = "".join(a if a != c else b for a, b, c in zip(first, second, target, strict=True))
        if all((first[i] != target[i]) != (second[i] != target[i]) for i in changed):
            pairs.append((merged, target))
    return pairs


def report_two_errors(name: str, pairs: list[tuple[str, str]]) -> None:
    """Print how many two-typo sentences are corrected whole."""
    fixed = sum(apply(s, [f for f in check_text(s) if f.kind in LM_KINDS]) == t for s, t in pairs)
    print(f"{name}: {len(pairs)} sentences with two typos, {fixed / len(pairs):.1%} corrected whole")


def main() -> None:
    """Print the learner and essay sets' dev and held-out figures and the tuning set's informal ones."""
    show_rules = "rules" in sys.argv[1:]
    report("learner set [dev]", learnerset_rows("dev"), show_rules)
    report("learner set [heldout]", learnerset_rows("heldout"), show_rules)
    report("essay set [dev]", learnerset_rows("dev", "essayset.tsv"), show_rules)
    report("essay set [heldout]", learnerset_rows("heldout", "essayset.tsv"), show_rules)
    for name, first_version in (("learner", "learnerset_v1.tsv"), ("essay", "essayset_v1.tsv")):
        for split in ("dev", "heldout"):
            report(f"  {name} set, first version [{split}]", learnerset_rows(split, first_version), show_rules)
    report("tuning set [informal]", tuneset_rows("informal"), show_rules)
    for split in ("dev", "heldout"):
        pairs = two_error_rows(split) + two_error_rows(split, "essayset.tsv")
        report_two_errors(f"learner and essay sets, two typos [{split}]", pairs)


if __name__ == "__main__":
    main()
