"""Offline checker for official texts: character typos, 的/地/得 misuse, swapped function words, official-writing
rules and the organisation dictionary."""

from __future__ import annotations

from checks import confusables, names, real_words, tagging, typos, vocabulary, words
from checks.findings import Finding, Lexicon
from checks.inspection import find_inspection_errors, normative, officials, regional
from checks.lexicon import allowed_spans, find_lexicon_terms, without_allowed
from checks.lm import scoring
from checks.real_words import find_real_word_confusions
from checks.rules import repeats, wording
from checks.rules.function_words import find_function_word_swaps
from checks.rules.official import find_rule_violations
from checks.rules.particles import find_particle_misuse
from checks.spans import SpanIndex
from checks.typos import layered_clause_findings

__all__ = ["Finding", "Lexicon", "check_text", "resources_ready", "warm_up"]

_RESOURCES = (
    scoring.model,
    confusables.confusion_sets,
    confusables.word_characters,
    confusables.usual_readings,
    vocabulary.word_freq,
    vocabulary.safe_words,
    vocabulary.replacement_index,
    vocabulary.segment_costs,
    names.protected_names,
    real_words.real_word_pairs,
    wording.confusion_table,
    wording.context_rules,
    repeats.reduplications,
    typos.government_terms,
    tagging.tagger,
    tagging.predicate_shares,
    normative.base_list,
    normative._base_matcher,
    officials._look_and_sound_alikes,
    regional._words,
)


def check_text(text: str, lexicon: Lexicon | None = None) -> list[Finding]:
    """Return every finding in the text, sorted by (start, end, rule), without duplicates or allowed terms."""
    lexicon = lexicon or Lexicon()
    rules = find_rule_violations(text) + find_lexicon_terms(text, lexicon) + find_inspection_errors(text, lexicon)
    findings = _not_inside(_lm_findings(text), rules) + rules
    findings = without_allowed(findings, allowed_spans(text, lexicon))
    unique = {(f.start, f.end, f.rule): f for f in sorted(findings, key=_severity_first)}
    return sorted(unique.values(), key=lambda f: (f.start, f.end, f.rule))


def _lm_findings(text: str) -> list[Finding]:
    """Character typos, then 的/地/得 misuse and swapped function words at characters the typo layer left alone."""
    # find_word_typos and find_typos, in one pass over the clauses
    word_typos, char_typos = layered_clause_findings(
        text, [(words.corrections, "typo.word"), (typos.corrections, "typo.char")]
    )
    flagged = {w.start for w in word_typos}
    typo_findings = word_typos + [t for t in char_typos if t.start not in flagged]
    flagged |= {t.start for t in typo_findings}
    # The usage rules read the text with the typos already corrected (我最次欢地课: 喜欢 before 地, not 次欢), so that
    # a tagger or an LM window across a typo is not misled by it; each typo is one character, offsets stay.
    corrected = _with_typos_corrected(text, typo_findings)
    others = (
        find_particle_misuse(corrected) + find_function_word_swaps(corrected) + find_real_word_confusions(corrected)
    )
    taken = SpanIndex((at, at + 1) for at in flagged)
    return typo_findings + [f for f in others if not taken.overlaps(f.start, f.end)]


def _with_typos_corrected(text: str, typos: list[Finding]) -> str:
    """Return the text with each one-character typo replaced by its suggestion."""
    chars = list(text)
    for typo in typos:
        if typo.suggestion and typo.end - typo.start == len(typo.suggestion) == 1:
            chars[typo.start] = typo.suggestion
    return "".join(chars)


def _not_inside(typos: list[Finding], rules: list[Finding]) -> list[Finding]:
    """A character typo inside a span a wording rule already corrects is the same mistake, reported once."""
    corrected = SpanIndex((r.start, r.end) for r in rules if r.suggestion)
    return [t for t in typos if not corrected.contains(t.start, t.end)]


def _severity_first(finding: Finding) -> tuple[int, str]:
    return ({"error": 0, "warning": 1, "info": 2}.get(finding.severity, 3), finding.message)


def warm_up() -> None:
    """Load every heavy resource now (the worker calls this at start) instead of on the first check."""
    for resource in _RESOURCES:
        resource.get()


def resources_ready() -> bool:
    """Whether every resource is already loaded in this process."""
    return all(resource.loaded for resource in _RESOURCES)
