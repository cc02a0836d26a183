"""The character language model: kenlm over the model built by `python -m checks.build` (its binary form when set-up
could make one, else the ARPA file)."""

from __future__ import annotations

import functools

import kenlm

from checks.lm.binary import current_binary
from checks.lm.modelfile import ORDER, model_path
from checks.resources import lazy


class ModelNotBuilt(RuntimeError):
    """The language model has not been built on this machine yet."""


@lazy
def model() -> kenlm.Model:
    """Load the language model once per process; raise ModelNotBuilt if `python -m checks.build` never ran."""
    path = model_path()
    if compiled := current_binary(path):
        return kenlm.Model(str(compiled))  # mapped, not parsed: the worker starts seconds sooner
    if not path.exists():
        raise ModelNotBuilt(f"Language model {path} is missing: run `python -m checks.build` once after install.")
    return kenlm.Model(str(path))


@functools.lru_cache(maxsize=1 << 16)
def score(chars: str, bos: bool, eos: bool) -> float:
    """Return the log10 probability of a run of characters (each character is one token)."""
    return float(model.get().score(" ".join(chars), bos=bos, eos=eos))


def substitution_gains(text: str, i: int, replacements: list[str]) -> list[float]:
    """Return how much more likely (log10) text becomes when text[i] is replaced by each replacement."""
    start = max(0, i - ORDER + 1)
    end = min(len(text), i + ORDER)
    bos = start == 0
    eos = i + ORDER - 1 >= len(text)
    before = text[start:end]
    base = score(before, bos, eos)
    # Each candidate's window is scored once, so it skips the cache; kenlm splits tokens on any run of spaces.
    head, tail = " ".join(before[: i - start]), " ".join(before[i - start + 1 :])
    lm = model.get()
    return [float(lm.score(f"{head} {' '.join(r)} {tail}", bos=bos, eos=eos)) - base for r in replacements]


def replacement_gain(text: str, start: int, end: int, replacement: str) -> float:
    """Return how much more likely (log10) text becomes when text[start:end] is replaced by replacement."""
    lo = max(0, start - ORDER + 1)
    hi = min(len(text), end + ORDER - 1)
    bos, eos = lo == 0, hi == len(text)
    return score(text[lo:start] + replacement + text[end:hi], bos, eos) - score(text[lo:hi], bos, eos)
