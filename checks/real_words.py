"""Real-word confusions (反映/反应, 权利/权力, 制定/制订, 象/像 ...): both spellings are words, so no dictionary
catches them; the character LM decides from the context and must clearly prefer the other spelling."""

from __future__ import annotations

import re

from checks.findings import Finding
from checks.lm import scoring
from checks.lm.corpus import normalize
from checks.paths import checker_data
from checks.resources import lazy

# log10 gain the other spelling must reach: on the held-out People's Daily slice no correct word of 145 reaches 1.5,
# and 86 of 145 swapped ones reach 2.0 (bench/tune_typos.py real-words).
MIN_GAIN = 2.0


@lazy
def real_word_pairs() -> tuple[dict[str, str], re.Pattern[str]]:
    """Return {word: the word it is often typed for} and one regex over the words, longest first."""
    with open(checker_data("real_word_pairs.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    table = {word: other for word, other in rows}
    return table, re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True))))


def find_real_word_confusions(text: str, min_gain: float = MIN_GAIN) -> list[Finding]:
    """Flag a word whose look- or sound-alike twin the LM finds at least 10^min_gain times likelier here."""
    table, pattern = real_word_pairs.get()
    normalized = normalize(text)
    findings = []
    for m in pattern.finditer(normalized):
        other = table[m.group()]
        if scoring.replacement_gain(normalized, m.start(), m.end(), other) >= min_gain:
            findings.append(
                Finding(
                    start=m.start(),
                    end=m.end(),
                    rule="typo.real_word",
                    text=text[m.start() : m.end()],
                    suggestion=other,
                    kind="typo",
                    severity="warning",
                    message=f"疑似用词错误：“{m.group()}”在此处可能应为“{other}”",
                )
            )
    return findings
