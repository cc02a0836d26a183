"""Swapped one-character function words (再/在, 已/以, 像/向, 作/做, 哪/那): the word stands alone, so no
dictionary word vouches for it, and the character LM clearly prefers its twin."""

from __future__ import annotations

from checks.findings import Finding
from checks.lm import scoring
from checks.lm.corpus import normalize
from checks.tagging import tagged_clauses

TWINS = {
    "在": "再",
    "再": "在",
    "已": "以",
    "以": "已",
    "像": "向",
    "向": "像",
    "作": "做",
    "做": "作",
    "哪": "那",
    "那": "哪",
}
# log10 gain the twin must reach, tuned on swaps injected into held-out news (bench/tune_typos.py function-words):
# 3.5 finds 73 of 180 swaps on part 0 and 76 of 195 on part 1 (4.0: 62 and 64), no clean sentence flagged on either.
# 2.5 for every pair would find 38 instead of 28 of the learner set's dev swaps (bench/learner_eval.py), but
# flags formal text (像雷锋那样 -> 向, 做具体分析 on the People's Daily slice). Only 在 with no noun phrase after it
# (明天在来, 请你在说), the learner's commonest swap, gets it: the preposition 在 takes a place, time or thing.
MIN_GAIN = 3.5
AGAIN_GAIN = 2.5
NOMINAL = ("n", "r", "s", "t", "f", "m", "q")
# 再 right before a place (再北京, 再家里) is almost always 在: all of People's Daily has four, each far below 0.
PLACE_GAIN = 2.0
PLACES = frozenset(("ns", "s"))


def find_function_word_swaps(text: str, min_gain: float = MIN_GAIN) -> list[Finding]:
    """Flag a standalone function word whose twin the LM finds at least 10^min_gain times likelier (10^PLACE_GAIN
    for 再 before a place, 10^AGAIN_GAIN for 在 before a verb)."""
    normalized = normalize(text)
    findings = []
    for at, tokens in tagged_clauses(text, "".join(TWINS)):
        for i, (word, _) in enumerate(tokens):
            twin = TWINS.get(word)
            following = tokens[i + 1][1] if i + 1 < len(tokens) else ""
            if word == "再" and following in PLACES:
                needed = min(min_gain, PLACE_GAIN)
            elif word == "在" and following and not following.startswith(NOMINAL):
                needed = min(min_gain, AGAIN_GAIN)
            else:
                needed = min_gain
            if twin and scoring.substitution_gains(normalized, at, [twin])[0] >= needed:
                findings.append(Finding.char_typo(text, at, twin, "typo.function_word"))
            at += len(word)
    return findings
