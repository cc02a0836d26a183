"""Word-level typos: one character that, swapped for a same-sound, fuzzy-sound or similar-shape character, turns a
string that segments badly (急南愁盼, 一愁莫展, 按装) into known words; accepted when the segmentation and the
character language model together clearly prefer it. Names, places, our terms and spans touching digits or Latin
letters are never changed."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from checks.confusables import SAME_SOUND, TYPED_BY_SOUND, typed_tier, word_candidates_for
from checks.findings import Finding
from checks.lm import scoring
from checks.names import guarded_positions
from checks.register import is_colloquial
from checks.tagging import person_name_positions, single_character_tag, tagger
from checks.typos import INTERJECTION, clause_findings
from checks.vocabulary import (
    INDEX_MIN_FREQ,
    all_words,
    best_word_around,
    confusable_words,
    read_apart_at,
    safe_positions,
    segmentation_cost,
)

_HAN = re.compile(r"[\u4e00-\u9fff]")
WINDOW = 4
# How far a correction changes what the characters around it are weighed on: the LM window, the segmentation window
# and the longest word.
REACH = 4
# The commoner-character veto (WordParams.commoner_veto): intercept, then the weights of the margin (capped at
# VETO_MARGIN_CAP), the LM gain, the segmentation gain and log10(1 + frequency of the candidate character) minus the
# same of the typed one. A candidate whose sum is above 0 is dropped.
VETO_WEIGHTS = (0.78, -0.34, -0.21, -0.12, 0.57)
VETO_MARGIN_CAP = 4.0


@dataclass(frozen=True)
class WordParams:
    """The word layer's decision rule, per tier (same syllable in any tone, similar sound, similar shape, fuzzy sound).
    A candidate is accepted when its LM gain (log10) plus `weight` times its segmentation gain (nats) reaches
    `threshold` (`covered_*` where the typed character already sits in a word of `covered_min_freq` or more) and its LM
    gain alone `min_lm_gain`. A same-syllable non-word is also accepted by the frequent-word rule (`frequent_*`;
    `formal_*` in a formal clause). In a first- or second-person clause a non-word's sound-alikes get
    `colloquial_bonus`. A sound-alike read apart from the typed character (checks.confusables.read_apart) needs
    `reading_penalty` more, and `commoner_veto` drops a candidate VETO_WEIGHTS scores as the language model's taste
    for a commoner character. How each value was set, with its figures: docs/checker-tuning.md."""

    weight: tuple[float, float, float, float] = (0.1, 0.2, 0.2, 0.4)
    threshold: tuple[float, float, float, float] = (4.5, 8.5, 4.0, 7.5)
    covered_weight: tuple[float, float, float, float] = (0.3, 0.0, 0.0, 0.6)
    covered_threshold: tuple[float, float, float, float] = (5.5, 9.5, 5.0, 9.5)
    covered_min_freq: int = 10
    min_lm_gain: float = 0.5
    frequent_weight: float = 0.6
    frequent_prior: float = 1.5
    frequent_threshold: float = 13.0
    frequent_min_lm_gain: float = 2.0
    colloquial_bonus: tuple[float, float, float, float] = (1.0, 1.0, 0.0, 1.0)
    formal_threshold: float = 12.5
    formal_min_lm_gain: float = 2.5
    reading_penalty: float = 3.0
    commoner_veto: bool = True


DEFAULT = WordParams()


def candidate_scores(sentence: str, i: int, params: WordParams = DEFAULT) -> dict[str, float]:
    """Return {replacement: margin over its threshold} for every confusable of sentence[i] that spells a word there
    (one the commoner-character veto drops is left out)."""
    formed = confusable_words(sentence, i)
    if not formed:
        return {}
    original = best_word_around(sentence, i, params.covered_min_freq)
    least = max(INDEX_MIN_FREQ, original)  # in a known word, only a likelier word may replace it
    ch = sentence[i]
    confusable = word_candidates_for(ch)
    tiers = {c: typed_tier(ch, c, confusable[c]) for c, freq in formed.items() if freq >= least}
    if not tiers:
        return {}
    lo, hi = max(0, i - WINDOW), min(len(sentence), i + WINDOW + 1)
    window = sentence[lo:hi]
    base = segmentation_cost(window)
    candidates = list(tiers)
    weights = params.covered_weight if original else params.weight
    thresholds = params.covered_threshold if original else params.threshold
    colloquial = is_colloquial(sentence)
    margins = {}
    for candidate, lm_gain in zip(candidates, scoring.substitution_gains(sentence, i, candidates), strict=True):
        if lm_gain < params.min_lm_gain:
            continue
        tier = tiers[candidate]
        segmentation_gain = base - segmentation_cost(window[: i - lo] + candidate + window[i - lo + 1 :])
        margins[candidate] = lm_gain + weights[tier] * segmentation_gain - thresholds[tier]
        if not original and tier == SAME_SOUND and lm_gain >= params.frequent_min_lm_gain:
            prior = params.frequent_prior * math.log10(formed[candidate])
            frequent = lm_gain + params.frequent_weight * segmentation_gain + prior
            threshold = params.frequent_threshold
            if not colloquial and lm_gain >= params.formal_min_lm_gain:
                threshold = params.formal_threshold
            margins[candidate] = max(margins[candidate], frequent - threshold)
        if not original:
            margins[candidate] += params.colloquial_bonus[tier] if colloquial else 0.0
        if margins[candidate] >= 0 and tier in TYPED_BY_SOUND and read_apart_at(sentence, i, candidate):
            margins[candidate] -= params.reading_penalty
        if (
            params.commoner_veto
            and margins[candidate] >= 0
            and _commoner_vetoed(margins[candidate], lm_gain, segmentation_gain, ch, candidate)
        ):
            del margins[candidate]
    return margins


def _commoner_vetoed(margin: float, lm_gain: float, segmentation_gain: float, typed: str, candidate: str) -> bool:
    """Whether an accepted candidate is dropped as the LM's taste for a commoner character (WordParams.commoner_veto):
    a learned linear score (VETO_WEIGHTS) over its margin, LM gain, segmentation gain and how much commoner a
    character the candidate is than the one typed."""
    freq = all_words.get()
    commoner = math.log10(1 + freq.get(candidate, 0)) - math.log10(1 + freq.get(typed, 0))
    intercept, w_margin, w_lm, w_segmentation, w_commoner = VETO_WEIGHTS
    score = (
        intercept
        + w_margin * min(margin, VETO_MARGIN_CAP)
        + w_lm * lm_gain
        + w_segmentation * segmentation_gain
        + w_commoner * commoner
    )
    return score > 0


def corrections(sentence: str, params: WordParams = DEFAULT) -> list[tuple[int, str]]:
    """Return (offset, replacement) for each word-level typo in one normalized clause, sorted. The surest candidate
    is taken first and the characters around it weighed again: of two neighbours that each spell a word, the better
    one wins (想邀清你: 邀请 before 想要)."""
    guarded = guarded_positions(sentence)
    safe = safe_positions(sentence)
    best = {
        i: _best_candidate(sentence, i, params)
        for i, ch in enumerate(sentence)
        if i not in guarded and _HAN.match(ch) and i not in safe
    }
    found: dict[int, str] = {}
    while pending := {i: choice for i, choice in best.items() if choice is not None}:
        i = max(pending, key=lambda k: pending[k][0])
        best[i] = None
        candidate = pending[i][1]
        if _conjunction_after_de(sentence, i, candidate) or i in person_name_positions(sentence):
            continue
        if single_character_tag(sentence, i) == INTERJECTION:
            continue  # typed on purpose: 喔 is no slip for 物 or 我
        sentence = sentence[:i] + candidate + sentence[i + 1 :]
        found[i] = candidate
        for k in range(max(0, i - REACH), min(len(sentence), i + REACH + 1)):
            if k in best and k not in found:
                best[k] = _best_candidate(sentence, k, params)
    return sorted(found.items())


def _best_candidate(sentence: str, i: int, params: WordParams) -> tuple[float, str] | None:
    """Return (margin, replacement) of the best candidate for sentence[i] that reaches its threshold, else None."""
    margins = candidate_scores(sentence, i, params)
    best = max(margins, key=margins.__getitem__, default=None)
    return (margins[best], best) if best is not None and margins[best] >= 0 else None


def _conjunction_after_de(sentence: str, i: int, candidate: str) -> bool:
    """The candidate would start a conjunction or adverb right after 的/地/得 (我最喜欢的课是 -> 可是), where a noun
    or a verb belongs."""
    if sentence[i - 1 : i] not in ("的", "地", "得") or i + 1 >= len(sentence):
        return False
    tokens = tagger.get()(candidate + sentence[i + 1])
    return len(tokens) == 1 and tokens[0][1] in ("c", "d")


def find_word_typos(text: str, params: WordParams = DEFAULT) -> list[Finding]:
    """Check every clause of the text for word-level typos."""
    return clause_findings(text, lambda clause: corrections(clause, params), rule="typo.word")
