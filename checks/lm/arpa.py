"""Character n-gram language model estimated with interpolated modified Kneser-Ney and written as ARPA."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TextIO

BOS = "\x02"
EOS = "\x03"
_ARPA_TOKENS = {BOS: "<s>", EOS: "</s>"}


def count_ngrams(sentences: Iterable[str], order: int) -> list[Counter[str]]:
    """Count character k-grams (k = 1..order) of every sentence padded with BOS/EOS."""
    counts: list[Counter[str]] = [Counter() for _ in range(order)]
    for sentence in sentences:
        padded = BOS + sentence + EOS
        for k in range(1, order + 1):
            counts[k - 1].update(padded[i : i + k] for i in range(len(padded) - k + 1))
    return counts


def adjusted_counts(counts: list[Counter[str]]) -> list[dict[str, int]]:
    """Kneser-Ney counts: raw at the top order and after BOS, distinct left contexts below."""
    order = len(counts)
    adjusted: list[dict[str, int]] = [dict() for _ in range(order)]
    adjusted[-1] = counts[-1]  # shared, not copied: the top order is the largest table
    for k in range(order - 1, 0, -1):
        continuation: Counter[str] = Counter(gram[1:] for gram in counts[k])
        adjusted[k - 1] = {gram: (raw if gram[0] == BOS else continuation[gram]) for gram, raw in counts[k - 1].items()}
    return adjusted


def discounts(values: Iterable[int]) -> tuple[float, float, float]:
    """Modified Kneser-Ney discounts D1, D2, D3+ from the count-of-counts of one order."""
    n = Counter(min(v, 4) for v in values)
    n1, n2, n3, n4 = (max(n[i], 1) for i in (1, 2, 3, 4))
    y = n1 / (n1 + 2 * n2)
    return (
        min(max(1 - 2 * y * n2 / n1, 0.0), 0.99),
        min(max(2 - 3 * y * n3 / n2, 0.0), 1.99),
        min(max(3 - 4 * y * n4 / n3, 0.0), 2.99),
    )


def _discount(count: int, d: tuple[float, float, float]) -> float:
    return d[min(count, 3) - 1]


def estimate(counts: list[Counter[str]]) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """Return interpolated probabilities per order and the back-off weight (gamma) of each context."""
    adjusted = adjusted_counts(counts)
    del counts  # the raw lower-order tables are no longer needed: free them before estimating
    order = len(adjusted)
    probs: list[dict[str, float]] = []
    backoffs: list[dict[str, float]] = [dict() for _ in range(order)]

    unigrams = {g: c for g, c in adjusted[0].items() if g != BOS}
    d = discounts(unigrams.values())
    total = sum(unigrams.values())
    gamma = sum(_discount(c, d) for c in unigrams.values()) / total
    uniform = gamma / (len(unigrams) + 1)
    level = {g: (c - _discount(c, d)) / total + uniform for g, c in unigrams.items()}
    level["<unk>"] = uniform
    probs.append(level)

    for k in range(2, order + 1):
        grams = adjusted[k - 1]
        d = discounts(grams.values())
        totals: dict[str, int] = defaultdict(int)
        discounted: dict[str, float] = defaultdict(float)
        for gram, c in grams.items():
            totals[gram[:-1]] += c
            discounted[gram[:-1]] += _discount(c, d)
        gammas = {h: discounted[h] / totals[h] for h in totals}
        lower = probs[k - 2]
        probs.append(
            {
                gram: (c - _discount(c, d)) / totals[gram[:-1]] + gammas[gram[:-1]] * lower[gram[1:]]
                for gram, c in grams.items()
            }
        )
        backoffs[k - 2] = gammas
        adjusted[k - 1] = {}  # done with this order's counts
    return probs, backoffs


def _tokens(gram: str) -> str:
    if gram == "<unk>":
        return gram
    return " ".join(_ARPA_TOKENS.get(ch, ch) for ch in gram)


def write_arpa(out: TextIO, probs: list[dict[str, float]], backoffs: list[dict[str, float]]) -> None:
    """Write the model in ARPA format; BOS gets log-probability -99 as is conventional."""
    order = len(probs)
    first = dict(probs[0])
    first[BOS] = 0.0
    levels = [first, *probs[1:]]
    out.write("\\data\\\n")
    for k, level in enumerate(levels, start=1):
        out.write(f"ngram {k}={len(level)}\n")
    for k, level in enumerate(levels, start=1):
        out.write(f"\n\\{k}-grams:\n")
        bows = backoffs[k - 1] if k < order else {}
        for gram in sorted(level):
            logp = -99.0 if gram == BOS else math.log10(level[gram])
            bow = bows.get(gram)
            if bow:
                out.write(f"{logp:.6f}\t{_tokens(gram)}\t{math.log10(bow):.6f}\n")
            else:
                out.write(f"{logp:.6f}\t{_tokens(gram)}\n")
    out.write("\n\\end\\\n")
