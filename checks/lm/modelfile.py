"""Where the built language model lives: a file name keyed by builder version and input hashes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from checks.lm.corpus import HELD_OUT_EVERY, corpus_files
from checks.paths import cache_dir

BUILDER_VERSION = "charlm-mkn-3"
ORDER = 5


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_path() -> Path:
    """Return where the model for the installed corpus and this builder version lives (built or not)."""
    inputs = "|".join(_file_digest(path) for path in corpus_files())
    key = f"{BUILDER_VERSION}|order={ORDER}|heldout={HELD_OUT_EVERY}|{inputs}"
    name = hashlib.sha256(key.encode()).hexdigest()[:16]
    return cache_dir() / f"charlm-{ORDER}gram-{name}.arpa"
