"""Grid-search the typo thresholds on injected-error dev sets (never on SIGHAN) and print the scores."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.devset import dev_pairs, function_word_pairs, particle_pairs
from bench.metrics import false_alarm_rate, sentence_level
from checks.lm.corpus import held_out_sentences, normalize, review_corpora
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


def word_layer_features(pairs: list[tuple[str, str]], source: str) -> list[tuple]:
    """(source, is the true fix, position has a typo, tier, segmentation gain, LM gain, covered, frequency of the
    word the candidate spells) for every candidate the word layer weighs."""
    from checks.confusables import typed_tier, word_candidates_for
    from checks.lm import scoring
    from checks.names import guarded_positions
    from checks.vocabulary import INDEX_MIN_FREQ, best_word_around, confusable_words, safe_positions, segmentation_cost
    from checks.words import DEFAULT, WINDOW

    rows = []
    for s, t in pairs:
        if len(s) != len(t):
            continue
        guarded, safe = guarded_positions(s), safe_positions(s)
        for i, ch in enumerate(s):
            if i in guarded or i in safe or not "\u4e00" <= ch <= "\u9fff":
                continue
            formed = confusable_words(s, i)
            original = best_word_around(s, i, DEFAULT.covered_min_freq)
            least = max(INDEX_MIN_FREQ, original)
            tiers = {c: typed_tier(ch, c, k) for c, k in word_candidates_for(ch).items() if formed.get(c, 0) >= least}
            if not tiers:
                continue
            lo, hi = max(0, i - WINDOW), min(len(s), i + WINDOW + 1)
            base = segmentation_cost(s[lo:hi])
            for c, gain in zip(tiers, scoring.substitution_gains(s, i, list(tiers)), strict=True):
                seg = base - segmentation_cost(s[lo:i] + c + s[i + 1 : hi])
                rows.append((source, t[i] == c != ch, s[i] != t[i], tiers[c], seg, gain, bool(original), formed[c]))
    return rows


def words(max_false: int) -> None:
    """Grid-search the word layer's weight and threshold per tier and covered/non-word case on the development part
    of the official-writing set, injected People's Daily sentences and clean review sentences; print the setting
    that fixes most with at most max_false false candidates accepted."""
    from bench.devset import devset_rows

    official = [(s, t) for s, t, _ in devset_rows("dev")]
    reviews = [(s, s) for i, s in enumerate(held_out_sentences(review_corpora()[1])) if i % 2 == 0][:1500]
    rows = word_layer_features(official, "official") + word_layer_features(dev_pairs(part=0)[:600], "news")
    rows += word_layer_features([(normalize(s), normalize(t)) for s, t in reviews], "reviews")
    for covered in (False, True):
        for tier in range(4):
            cell = [r for r in rows if r[3] == tier and r[6] == covered and r[5] >= 0.5]
            positives, negatives = [r for r in cell if r[1]], [r for r in cell if not r[2]]
            grid = [
                (sum(r[5] + w * r[4] >= t for r in negatives), -sum(r[5] + w * r[4] >= t for r in positives), -t, w)
                for w in (0.0, 0.1, 0.2, 0.3, 0.4, 0.6)
                for t in [x / 2 for x in range(2, 18)]
            ]
            false, true, t, w = min((g for g in grid if g[0] <= max_false), key=lambda g: (g[1], g[0], g[2]))
            case = "covered" if covered else "non-word"
            print(f"{case} tier {tier}: weight {w} threshold {-t}: {-true}/{len(positives)} fixes, {false} false")


def frequent(max_false: int) -> None:
    """The word layer's second rule for same-syllable non-words (项模 -> 项目): over the candidates its first rule
    rejects, on the development part, the tuning set, injected and clean People's Daily sentences and clean reviews,
    the weights and threshold of LM gain + w x segmentation gain + v x log10(word frequency) that fix most with at
    most max_false false candidates accepted."""
    import math

    from bench.devset import devset_rows, tuneset_rows
    from checks.words import DEFAULT

    official = [(s, t) for s, t, _ in devset_rows("dev") + tuneset_rows("official") + tuneset_rows("informal")]
    reviews = [(s, s) for i, s in enumerate(held_out_sentences(review_corpora()[1])) if i % 2 == 0][:1200]
    news = [(s, s) for i, s in enumerate(held_out_sentences()) if i % 2 == 0]
    rows = word_layer_features(official, "official") + word_layer_features(dev_pairs(part=0)[:800], "news")
    rows += word_layer_features([(normalize(s), normalize(t)) for s, t in reviews + news], "clean")
    rest = [
        r
        for r in rows
        if r[3] == 0
        and not r[6]
        and r[5] >= DEFAULT.min_lm_gain
        and r[5] + DEFAULT.weight[0] * r[4] < DEFAULT.threshold[0]
    ]
    positives, negatives = [r for r in rest if r[1]], [r for r in rest if not r[2]]
    grid = []
    for w in (0.0, 0.1, 0.2, 0.3, 0.4):
        for v in (0.5, 1.0, 1.5, 2.0, 2.5, 3.0):
            scores = sorted((r[5] + w * r[4] + v * math.log10(r[7]) for r in negatives), reverse=True)
            threshold = math.ceil(scores[max_false] * 10) / 10 if len(scores) > max_false else 0.0
            fixes = sum(r[5] + w * r[4] + v * math.log10(r[7]) >= threshold for r in positives)
            grid.append((fixes, -threshold, w, v))
    fixes, threshold, w, v = max(grid)
    print(
        f"weight {w} prior {v} threshold {-threshold}: {fixes}/{len(positives)} more fixes, at most {max_false} false"
    )


def frequent_learner(max_clean: int, max_slices: int) -> None:
    """The frequent-word rule re-set with the learner set's dev part: over every same-syllable non-word candidate on
    the learner, tuning and official dev data (true fixes) and on our clean sentences and the clean People's Daily
    and review slices (false ones), the weights, threshold and least LM gain that gain the most fixes over the
    earlier setting (0.3, 1.5, 11.6) with at most max_clean more false candidates on our clean sentences and
    max_slices more on the slices."""
    import math

    from bench.devset import devset_rows, tuneset_rows
    from bench.learner_eval import learnerset_rows
    from bench.make_devset import HELD_OUT_EVERY, sentences_of
    from checks.words import DEFAULT

    typos = [(s, t) for s, t, _ in learnerset_rows("dev") + tuneset_rows("informal") + devset_rows("dev") if s != t]
    ours = [s for n, s in enumerate(sentences_of("learner_clean.txt")) if n % HELD_OUT_EVERY != HELD_OUT_EVERY - 1]
    ours += [s for n, s in enumerate(sentences_of("learner_essays.txt")) if n % HELD_OUT_EVERY != HELD_OUT_EVERY - 1]
    ours += sentences_of("informal_clean.txt")
    ours += [s for s, t, _ in tuneset_rows("official") + devset_rows("dev") if s == t]
    reviews = [normalize(s) for path in review_corpora() for i, s in enumerate(held_out_sentences(path)) if i % 2 == 0]
    slices = [s for i, s in enumerate(held_out_sentences()) if i % 2 == 0] + reviews[:2400]
    fixes = [r for r in word_layer_features(typos, "typos") if r[1] and r[3] == 0 and not r[6]]
    clean = [r for r in word_layer_features([(s, s) for s in ours], "ours") if r[3] == 0 and not r[6]]
    sliced = [r for r in word_layer_features([(s, s) for s in slices], "slices") if r[3] == 0 and not r[6]]

    def accepted(r: tuple, w: float, v: float, t: float, least: float) -> bool:
        if r[5] < DEFAULT.min_lm_gain:
            return False
        first = r[5] + DEFAULT.weight[0] * r[4] >= DEFAULT.threshold[0]
        return first or (r[5] >= least and r[5] + w * r[4] + v * math.log10(r[7]) >= t)

    def change(rows: list[tuple], setting: tuple[float, float, float, float]) -> int:
        return sum(accepted(r, *setting) for r in rows) - sum(accepted(r, 0.3, 1.5, 11.6, 0.5) for r in rows)

    grid = [
        (change(fixes, s), -change(clean, s), -change(sliced, s), s)
        for s in itertools.product(
            (0.3, 0.4, 0.5, 0.6), (1.5, 2.0, 2.5), [x / 10 for x in range(100, 170, 2)], (0.5, 1.5, 2.0)
        )
    ]
    best = max(g for g in grid if -g[1] <= max_clean and -g[2] <= max_slices)
    print(
        f"weight, prior, threshold, least LM gain {best[3]}: {best[0]:+} fixes, {-best[1]:+} on our clean sentences, "
        f"{-best[2]:+} on the slices"
    )


def real_words() -> None:
    """Gains of swapping each pair word on the held-out People's Daily slice: a correct word above the threshold is
    a false flag, one below minus the threshold would be found had it been swapped."""
    from checks.lm import scoring
    from checks.lm.corpus import held_out_sentences
    from checks.real_words import real_word_pairs

    table, pattern = real_word_pairs.get()
    gains = [
        scoring.replacement_gain(s, m.start(), m.end(), table[m.group()])
        for s in held_out_sentences()
        for m in pattern.finditer(s)
    ]
    for threshold in (1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0):
        false = sum(g >= threshold for g in gains)
        found = sum(g <= -threshold for g in gains)
        print(f"threshold {threshold}: {false}/{len(gains)} correct words flagged, {found}/{len(gains)} swaps found")


def apply_findings(text: str, findings: list) -> str:
    """Apply every one-character suggestion to the text."""
    chars = list(text)
    for f in findings:
        chars[f.start] = f.suggestion
    return "".join(chars)


def main() -> None:
    """Print the dev scores (news and reviews held-out slices) of each grid point;
    `particles N` and `function-words N` score those layers on held-out part N; `words [MAX_FALSE]`,
    `frequent [MAX_FALSE]` and `real-words` tune the word layer, its frequent-word rule and the real-word layer."""
    if sys.argv[1:2] == ["words"]:
        words(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
        return
    if sys.argv[1:2] == ["frequent"]:
        frequent(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
        return
    if sys.argv[1:2] == ["frequent-learner"]:
        frequent_learner(*(int(a) for a in sys.argv[2:4])) if len(sys.argv) > 3 else frequent_learner(0, 3)
        return
    if sys.argv[1:2] == ["real-words"]:
        real_words()
        return
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
