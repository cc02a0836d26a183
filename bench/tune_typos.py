"""Grid-search the typo thresholds on injected-error dev sets (never on SIGHAN) and print the scores."""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.devset import dev_pairs  # noqa: E402
from bench.metrics import false_alarm_rate, sentence_level  # noqa: E402
from checks.corpus import review_corpora  # noqa: E402
from checks.typos import TypoParams, find_typos  # noqa: E402


def corrected(text: str, params: TypoParams) -> str:
    """Apply every typo suggestion to the text."""
    chars = list(text)
    for f in find_typos(text, params):
        chars[f.start] = f.suggestion
    return "".join(chars)


def evaluate(pairs: list[tuple[str, str]], params: TypoParams) -> str:
    """One line of dev-set scores for one parameter setting."""
    sources = [s for s, _ in pairs]
    targets = [t for _, t in pairs]
    predictions = [corrected(s, params) for s in sources]
    fa = false_alarm_rate(sources, targets, predictions)
    return f"{sentence_level(sources, targets, predictions).line('sent')} false-alarm={fa:.4f}"


def main() -> None:
    """Print the dev scores (news and reviews held-out slices) of each grid point."""
    part = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    news, reviews = dev_pairs(part=part), dev_pairs(part=part, path=review_corpora()[1])
    bases = [float(b) for b in sys.argv[2:]] or [2.5, 3.0, 3.5]
    grid = itertools.product(bases, (1.0,), (10.0,), (2.0, 3.0), (1.0, 2.0))
    for base, fuzzy, ratio, cover_extra, nonword_extra in grid:
        params = TypoParams(gain=(base, base + 1.0, base + 2.0, base + fuzzy), covered_ratio=ratio,
                            covered_extra=cover_extra, nonword_extra=nonword_extra)
        print(params, "| news", evaluate(news, params), "| reviews", evaluate(reviews, params), flush=True)


if __name__ == "__main__":
    main()
