"""Print the checker's figures: SIGHAN-2015 (pycorrector's metric and character level), clean-text false flags,
throughput, warm-up time and memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.devset import OFFICIAL_V1, devset_rows  # noqa: E402
from bench.metrics import char_level, false_alarm_rate, sentence_level  # noqa: E402
from checks import check_text, warm_up  # noqa: E402
from checks.findings import Finding  # noqa: E402
from checks.lm.corpus import held_out_sentences  # noqa: E402
from checks.paths import pycorrector_data  # noqa: E402
from checks.typos import find_typos  # noqa: E402
from checks.vocabulary import read_apart_at  # noqa: E402

MISSPELLINGS = ROOT / "bench" / "data" / "misspellings_heldout.tsv"
SEED_PLAN = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_c84b988906710c64.txt"
_WARM_UP = """
import time, psutil
started, cpu = time.perf_counter(), time.process_time()
import checks
checks.warm_up()
rss = psutil.Process().memory_info().rss
print(f"{time.perf_counter() - started:.2f} {time.process_time() - cpu:.2f} {rss / 1e6:.0f}")
"""


def apply(text: str, findings: list[Finding]) -> str:
    """Rewrite the text with every non-overlapping suggestion, left to right."""
    out, at = [], 0
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.suggestion is not None and f.start >= at:
            out.append(text[at : f.start] + f.suggestion)
            at = f.end
    return "".join(out) + text[at:]


LM_KINDS = frozenset(("typo", "wording", "repeat"))


def sighan() -> None:
    """SIGHAN-2015 as shipped by pycorrector (already simplified Chinese). The target counts typo, wording and
    repeat findings (LM_KINDS); the inspection layers (a mainland site must not write 台湾政府) are shown apart."""
    with open(pycorrector_data("sighan2015_test.tsv"), encoding="utf-8") as f:
        pairs = [line.rstrip("\n").split("\t") for line in f if "\t" in line]
    sources, targets = [s for s, _ in pairs], [t for _, t in pairs]
    print(f"SIGHAN-2015: {len(pairs)} sentences, {sum(s != t for s, t in pairs)} with errors")
    checkers = (
        ("check_text, typo/wording/repeat", lambda s: [f for f in check_text(s) if f.kind in LM_KINDS]),
        ("check_text, every finding", check_text),
        ("typo layer only", find_typos),
    )
    for name, checker in checkers:
        started = time.perf_counter()
        predictions = [apply(s, checker(s)) for s in sources]
        seconds = time.perf_counter() - started
        detection, correction = char_level(sources, targets, predictions)
        flagged = sum(bool(checker(s)) for s, t in pairs if s == t) / sum(s == t for s, t in pairs)
        print(f"  [{name}] {sentence_level(sources, targets, predictions).line('pycorrector sentence level')}")
        print(f"  [{name}] {detection.line('char detection')}")
        print(f"  [{name}] {correction.line('char correction')}")
        print(
            f"  [{name}] correct sentences changed: {false_alarm_rate(sources, targets, predictions):.2%}, "
            f"flagged at all: {flagged:.2%}; {seconds:.1f} s"
        )


def official_devset(split: str) -> None:
    """Our official-writing set: a typo is located when a typo/wording/repeat finding covers its character;
    corrected when applying the suggestions gives back the sentence; clean sentences flagged count against us."""
    located_figures(f"official-writing set [{split}]", devset_rows(split))
    located_figures(f"  its first version [{split}]", devset_rows(split, OFFICIAL_V1))


def common_misspellings() -> None:
    """Government sentences written by hand, each with one of the misspellings officials are known for (按装, 既使,
    一愁莫展, 布署, 截止目前, ...), and three clean ones; held out: measured here, never tuned on."""
    with open(MISSPELLINGS, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    located_figures("common misspellings [held out]", [(s, t, "misspelling" if s != t else "clean") for s, t in rows])


def located_figures(name: str, rows: list[tuple[str, str, str]]) -> None:
    typos = [(s, t, k) for s, t, k in rows if s != t]
    clean = [s for s, t, k in rows if s == t]
    located = corrected = 0
    missed: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    rare = Counter[bool]()  # typos through a reading no input method offers the typed character under: hit or not
    for source, target, kind in typos:
        at = next(i for i, (a, b) in enumerate(zip(source, target, strict=True)) if a != b)
        findings = [f for f in check_text(source) if f.kind in LM_KINDS]
        hit = any(f.start <= at < f.end for f in findings)
        located += hit
        by_kind[kind] += hit
        missed[kind] += not hit
        corrected += apply(source, findings) == target
        if kind != "shape" and read_apart_at(source, at, target[at]):
            rare[hit] += 1
    flagged = sum(any(f.kind in LM_KINDS for f in check_text(s)) for s in clean)
    kinds = ", ".join(f"{k} {by_kind[k]}/{by_kind[k] + missed[k]}" for k in sorted(by_kind | missed))
    print(
        f"{name}: {len(typos)} typos located {located / len(typos):.1%} ({kinds}), "
        f"corrected {corrected / len(typos):.1%}; clean sentences flagged {flagged}/{len(clean)}"
    )
    if rare.total():
        usual = len(typos) - rare.total()
        print(
            f"  of which through a reading no input method offers the typed character under "
            f"(checks.confusables.read_apart) {rare.total()}, "
            f"located {rare[True]}; the other {usual} located {(located - rare[True]) / usual:.1%}"
        )


def layer_table() -> None:
    """What each layer gives: typos it locates first (no earlier layer flagged the character) on the whole
    official-writing set and on SIGHAN's erroneous sentences, and clean sentences (official set and SIGHAN's correct
    ones) it flags."""
    rows = devset_rows("dev") + devset_rows("heldout")
    with open(pycorrector_data("sighan2015_test.tsv"), encoding="utf-8") as f:
        sighan = [(s, t) for s, t in (line.rstrip("\n").split("\t") for line in f if "\t" in line)]
    located: Counter[str] = Counter()
    false: Counter[str] = Counter()
    for source, target, _ in rows:
        _count_layers(source, target, located, false)
    sighan_located: Counter[str] = Counter()
    sighan_false: Counter[str] = Counter()
    for source, target in sighan:
        _count_layers(source, target, sighan_located, sighan_false)
    typos = sum(s != t for s, t, _ in rows)
    clean = len(rows) - typos
    sighan_typos = sum(s != t for s, t in sighan)
    print(
        f"layer table ({typos} typos and {clean} clean sentences of ours; SIGHAN {sighan_typos} erroneous and "
        f"{len(sighan) - sighan_typos} correct sentences, wrong characters located):"
    )
    print(f"  {'rule':28} {'located first':>14} {'clean flagged':>14} {'SIGHAN located':>15} {'SIGHAN flagged':>15}")
    for rule in sorted(set(located) | set(false) | set(sighan_located) | set(sighan_false), key=_layer_order):
        print(f"  {rule:28} {located[rule]:>14} {false[rule]:>14} {sighan_located[rule]:>15} {sighan_false[rule]:>15}")


def _count_layers(source: str, target: str, located: Counter[str], false: Counter[str]) -> None:
    """Count, for one sentence pair, the rule that first covers each wrong character, or the rules flagging a correct
    sentence."""
    findings = sorted((f for f in check_text(source) if f.kind in LM_KINDS), key=lambda f: _layer_order(f.rule))
    if source == target:
        false.update({f.rule for f in findings})
        return
    if len(source) != len(target):
        return
    for at in (i for i, (a, b) in enumerate(zip(source, target, strict=True)) if a != b):
        first = next((f.rule for f in findings if f.start <= at < f.end), None)
        if first:
            located[first] += 1


def _layer_order(rule: str) -> tuple[int, str]:
    order = ("wording.confusion", "typo.word", "typo.char", "typo.real_word", "typo.function_word", "typo.particle")
    return (order.index(rule) if rule in order else len(order), rule)


def long_body() -> None:
    """A 1 MB body (the seed plan and held-out news repeated) checked once: seconds (wall and CPU) and findings."""
    unit = SEED_PLAN.read_text(encoding="utf-8") + "".join(held_out_sentences())
    body = (unit * (1 + 1_000_000 // len(unit)))[:1_000_000]
    started, cpu = time.perf_counter(), time.process_time()
    findings = check_text(body)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    count = len(findings)
    print(f"1 MB body: {len(body):,} chars checked in {seconds:.1f} s wall, {cpu_seconds:.1f} s CPU ({count} findings)")


def clean_text(name: str, text: str) -> None:
    """Every finding on edited, published text counts as a false flag; print them per 1,000 characters, the
    target's typo/wording/repeat kinds apart from punctuation/format and the inspection layers."""
    findings = check_text(text)
    by_kind = Counter(f.kind for f in findings)
    errors = sum(f.severity == "error" for f in findings)
    lm = sum(by_kind[k] for k in LM_KINDS)
    inspection = len(findings) - lm - sum(by_kind[k] for k in ("punctuation", "format"))
    print(
        f"{name}: {len(text)} chars, {len(findings)} findings = {1000 * len(findings) / len(text):.2f} "
        f"per 1,000 chars ({dict(by_kind)}); errors {errors}; "
        f"typo/wording/repeat {1000 * lm / len(text):.2f} per 1,000 chars, "
        f"inspection {1000 * inspection / len(text):.2f}"
    )


def inspection_false_flags(held_out: str) -> None:
    """The inspection layers (normative list, leaders) on clean formal text, with the demo unit's officials."""
    from datetime import date

    from checks.findings import Lexicon
    from checks.inspection import FormerTitle, Official, base_version, find_inspection_errors

    officials = (
        Official("赵明华", ("党组书记", "局长"), 1),
        Official("王建国", ("党组成员", "副局长"), 2, (FormerTitle("四级调研员", date(2025, 6, 30)),)),
        Official("杨丽萍", ("副局长",), 3),
    )
    lexicon = Lexicon(officials=officials)
    own = (Path(__file__).resolve().parent / "inspection_clean.txt").read_text(encoding="utf-8")
    print(f"inspection layers (base list {base_version()}):")
    for name, text in (("seed plan", SEED_PLAN.read_text(encoding="utf-8")), ("clean formal paragraphs", own)):
        found = find_inspection_errors(text, lexicon, today=date(2026, 11, 25))
        rate = 1000 * len(found) / len(text)
        print(f"  {name}: {len(text)} chars, {len(found)} flags = {rate:.2f} per 1,000 chars {[f.text for f in found]}")
    started = time.perf_counter()
    found = find_inspection_errors(held_out, lexicon, today=date(2026, 11, 25))
    seconds = time.perf_counter() - started
    blocking = [f for f in found if f.severity != "info"]
    print(
        f"  held-out People's Daily 1998 slice: {len(held_out)} chars, {len(found)} flags "
        f"({1000 * len(found) / len(held_out):.2f} per 1,000 chars, {len(blocking)} error/warning), "
        f"mostly names that were right in 1998: {Counter(f.text for f in found).most_common(8)}; "
        f"{len(held_out) / seconds:,.0f} chars/s"
    )


def throughput(text: str) -> None:
    """Characters per second of check_text in this process (resources already loaded): wall clock, and CPU time,
    which a busy shared machine does not inflate."""
    started, cpu = time.perf_counter(), time.process_time()
    check_text(text)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"throughput: {len(text) / seconds:,.0f} chars/s wall, {len(text) / cpu_seconds:,.0f} chars/s CPU "
        f"({len(text)} chars in {seconds:.2f} s, one thread)"
    )


def start_up() -> None:
    """Import + warm_up time (wall clock, and CPU time, which a busy machine does not inflate) and resident memory
    in a fresh process."""
    out = subprocess.run([sys.executable, "-c", _WARM_UP], cwd=ROOT, capture_output=True, text=True, check=True)
    seconds, cpu_seconds, rss = out.stdout.split()
    print(f"worker start: import + warm_up {seconds} s wall, {cpu_seconds} s CPU, RSS after warm-up {rss} MB")


def sighan_training() -> None:
    """SIGHAN 2013-2015's training sets, when their directory is in REVIEWFLOW_SIGHAN_TRAIN (bench/sighan_train_eval.py:
    third-party data, not shipped)."""
    from bench.sighan_train_eval import ENVIRONMENT, print_figures

    print_figures(os.environ.get(ENVIRONMENT, ""))


def main() -> None:
    """Print every figure (`dev` prints only the development part of the official-writing set)."""
    if sys.argv[1:] == ["dev"]:
        official_devset("dev")
        return
    start_up()
    warm_up()
    official_devset("dev")
    official_devset("heldout")
    common_misspellings()
    sighan()
    held_out = "".join(held_out_sentences())
    clean_text("seed plan", SEED_PLAN.read_text(encoding="utf-8"))
    clean_text("held-out People's Daily slice", held_out)
    inspection_false_flags(held_out)
    throughput(held_out)
    layer_table()
    sighan_training()
    if "--long" in sys.argv:
        long_body()


if __name__ == "__main__":
    main()
