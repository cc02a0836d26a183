"""Grid-search the typo thresholds on injected-error dev sets (never on SIGHAN) and print the scores."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.devset import dev_pairs, function_word_pairs, particle_pairs
from bench.metrics import false_alarm_rate, sentence_level
from checks.lm.corpus import review_corpora
from checks.rules.function_words import find_function_word_swaps
from checks.rules.particles import find_particle_misuse
from checks.typos import TypoParams, find_typos


def corrected(text: str, params: TypoParams) -> str:
    """Apply every typo suggestion to the text."""
    return apply_findings(text, find_typos(text, params))


def evaluate(pairs: list[tuple[str, str]], params: TypoParams) -> str:
    """One line of dev-set scores for one parameter setting."""
    sources = [s for s, _ in pairs]
    targets = [t for _, t in pairs]
    predictions = [corrected(s, params) for s in sources]
    fa = false_alarm_rate(sources, targets, predictions)
    return f"{sentence_level(sources, targets, predictions).line('sent')} false-alarm={fa:.4f}"


def layer_scores(name: str, pairs: list[tuple[str, str]], check) -> None:
    """Print one layer's sentence scores and false-alarm rate on a swapped-word dev set."""
    sources, targets = [s for s, _ in pairs], [t for _, t in pairs]
    predictions = [apply_findings(s, check(s)) for s in sources]
    fa = false_alarm_rate(sources, targets, predictions)
    print(f"{name}: {sentence_level(sources, targets, predictions).line('sent')} false-alarm={fa:.4f}", flush=True)


def swapped_words(layer: str, part: int) -> None:
    """Score the 的/地/得 layer at several LM vetoes, or the function-word layer at several gains, on held-out
    swapped words."""
    if layer == "particles":
        layer_scores(f"particles part {part} random swaps", particle_pairs(part=part), find_particle_misuse)
        pairs = particle_pairs(part=part, written_as_de=True)
        for veto in (-1.0, -1.5, -2.0, -2.5, -3.0):
            layer_scores(
                f"particles part {part} 地/得 written as 的, LM veto {veto}",
                pairs,
                lambda s, v=veto: find_particle_misuse(s, min_lm_gain=v),
            )
        return
    pairs = function_word_pairs(part=part)
    for gain in (3.0, 3.5, 4.0, 4.5, 5.0):
        layer_scores(
            f"function words part {part} gain {gain}", pairs, lambda s, g=gain: find_function_word_swaps(s, min_gain=g)
        )


def apply_findings(text: str, findings: list) -> str:
    """Apply every one-character suggestion to the text."""
    chars = list(text)
    for f in findings:
        chars[f.start] = f.suggestion
    return "".join(chars)


def main() -> None:
    """Print the dev scores (news and reviews held-out slices) of each grid point;
    `particles N` and `function-words N` score those layers on held-out part N."""
    if sys.argv[1:2] in (["particles"], ["function-words"]):
        swapped_words(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0)
        return
    part = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    news, reviews = dev_pairs(part=part), dev_pairs(part=part, path=review_corpora()[1])
    bases = [float(b) for b in sys.argv[2:]] or [2.5, 3.0, 3.5]
    grid = itertools.product(bases, (1.0,), (10.0,), (2.0, 3.0), (1.0, 2.0))
    for base, fuzzy, ratio, cover_extra, nonword_extra in grid:
        params = TypoParams(
            gain=(base, base + 1.0, base + 2.0, base + fuzzy),
            covered_ratio=ratio,
            covered_extra=cover_extra,
            nonword_extra=nonword_extra,
        )
        print(params, "| news", evaluate(news, params), "| reviews", evaluate(reviews, params), flush=True)


if __name__ == "__main__":
    main()
