"""Build the character language model once per machine: `python -m checks.build` (idempotent, cached)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from checks.lm import arpa, binary
from checks.lm.corpus import training_sentences
from checks.lm.modelfile import ORDER, model_path


def build_lm(force: bool = False, log: Callable[[str], object] = print) -> Path:
    """Build the ARPA model (and its binary form) unless a model for the same inputs is cached; return its path."""
    target = model_path()
    if target.exists() and not force:
        log(f"language model up to date: {target} ({target.stat().st_size / 1e6:.1f} MB)")
        binary.ensure_binary(target, log)
        return target
    started = time.perf_counter()
    target.parent.mkdir(parents=True, exist_ok=True)
    probs, backoffs = arpa.estimate(arpa.count_ngrams(training_sentences(), ORDER))
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".arpa.tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            arpa.write_arpa(out, probs, backoffs)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)  # atomic: concurrent builders never see a half-written model
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    sizes = ", ".join(f"{k + 1}-grams={len(level)}" for k, level in enumerate(probs))
    log(f"built {target} ({target.stat().st_size / 1e6:.1f} MB; {sizes}) in {time.perf_counter() - started:.1f} s")
    binary.binary_path(target).unlink(missing_ok=True)  # a forced rebuild replaces the binary form too
    started = time.perf_counter()
    if binary.ensure_binary(target, log):
        log(f"binary form made in {time.perf_counter() - started:.1f} s")
    return target


def main(argv: list[str]) -> int:
    """Command line: `python -m checks.build [--force]`."""
    build_lm(force="--force" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
