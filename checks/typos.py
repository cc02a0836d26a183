"""Character typos (错别字): a confusable character that the language model and the dictionary clearly prefer."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from checks.confusables import FUZZY_SOUND, TYPED_BY_SOUND, candidates_for
from checks.findings import Finding
from checks.lm import scoring
from checks.lm.corpus import normalize
from checks.names import guarded_positions
from checks.paths import checker_data
from checks.resources import lazy
from checks.tagging import person_name_positions, single_character_tag, verb_before_object
from checks.vocabulary import best_word_around, confusable_words, read_apart_at, safe_positions

_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE = re.compile(r"[^\s。！？；!?;]+[。！？；!?;]?")


@dataclass(frozen=True)
class TypoParams:
    """Decision thresholds, tuned on injected errors in held-out corpus text (bench/tune_typos.py). A sound-alike
    read apart in the word it would spell (checks.confusables.read_apart) must clear its gain by `reading_penalty`
    more, as in the word layer (WordParams)."""

    covered_min_freq: int = 3
    word_min_freq: int = 5
    gain: tuple[float, float, float, float] = (3.5, 4.5, 5.5, 4.5)
    covered_ratio: float = 10.0
    covered_extra: float = 4.0
    nonword_extra: float = 2.0
    reading_penalty: float = 3.0


DEFAULT = TypoParams()
# A character the tagger reads as a word of its own that is an adverb or a modal particle (仅, 只, 么) stands as
# written: on People's Daily they were this layer's false flags (仅大中型企业 -> 金, 不只 -> 止), on our learner and
# official dev sets it never found a typo there (the function-word layer weighs 再/在 and their like). So does an
# interjection (INTERJECTION: 喔, 哦), typed on purpose; a rare one (喔) would otherwise meet every sound-alike (on
# the SIGHAN 2013-2015 training sentences' dev part, 6 false flags in the two typo layers and no typo found there).
INTERJECTION = "e"
STANDING = frozenset(("d", "y", INTERJECTION))
# Weight of log10(frequency of the word a candidate spells) when several candidates pass: a choice, not a decision.
WORD_PRIOR = 0.5
# A one-character verb the tagger reads before its object (借我, 爬大象, 人挤人) is a word as written: a candidate that
# spells no word of OBJECT_VERB_WORD_FREQ or more there (给我, 把大象, 给人) only proposes another sentence, which the
# LM favours for its frequent function characters, so it must clear its threshold by OBJECT_VERB_MARGIN more. Set on
# the SIGHAN 2013-2015 training sentences' dev part and our learner, essay, official and tuning dev sets: the
# standalone-verb false flags (她愿意借我 -> 给, 帮我爬大象 -> 把, 人挤人 -> 给; 上次你借我的那本书 on the learner
# set) cleared their thresholds by 0.18 to 0.57, the true fixes in the same frame by 0.8 (三个凑皮匠 -> 臭) to 1.6
# (西红柿超鸡蛋 -> 炒); a margin of 1.0 loses 凑 -> 臭, 2.0 four more. A blunt raise of every threshold by 0.5 would
# drop 11 such false flags but 256 true fixes.
OBJECT_VERB_WORD_FREQ = 100
OBJECT_VERB_MARGIN = 0.75


@lazy
def government_terms() -> re.Pattern[str]:
    """Return one regex over the curated government terms (股室, 科室) whose characters are never changed."""
    with open(checker_data("government_terms.txt"), encoding="utf-8") as f:
        terms = sorted({line.strip() for line in f if line.strip() and not line.startswith("#")}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, terms)))


def _protected(sentence: str) -> set[int]:
    return {i for m in government_terms.get().finditer(sentence) for i in range(m.start(), m.end())}


def _thresholds(sentence: str, i: int, params: TypoParams) -> dict[str, float]:
    """Return the LM gain each candidate must beat: lower when it makes a word the original does not."""
    original_freq = best_word_around(sentence, i, params.covered_min_freq)
    confusable = candidates_for(sentence[i])
    word_freqs = confusable_words(sentence, i)
    if original_freq and not any(
        f >= params.word_min_freq and f > params.covered_ratio * original_freq for f in word_freqs.values()
    ):
        return {}  # the loop below would skip every candidate: none spells a much likelier word
    thresholds = {}
    for candidate, tier in confusable.items():
        freq = word_freqs.get(candidate, 0)
        freq = freq if freq >= params.word_min_freq else 0
        if tier == FUZZY_SOUND and not freq:
            continue  # a fuzzy sound is only worth proposing when it spells a known word
        if not original_freq:
            extra = 0.0 if freq else params.nonword_extra
        elif freq > params.covered_ratio * original_freq:
            extra = params.covered_extra
        else:
            continue
        thresholds[candidate] = params.gain[tier] + extra
    return thresholds


def _best_candidate(sentence: str, i: int, params: TypoParams) -> str | None:
    """Return the replacement for sentence[i] that beats its threshold, the likeliest first: by its margin and,
    as a prior, the frequency of the word it spells (选择 before 选在 for 选檡)."""
    thresholds = _thresholds(sentence, i, params)
    if not thresholds:
        return None
    candidates = list(thresholds)
    gains = scoring.substitution_gains(sentence, i, candidates)
    passing = {c: g - thresholds[c] for c, g in zip(candidates, gains, strict=True) if g > thresholds[c]}
    tiers = candidates_for(sentence[i])
    for c in [c for c in passing if tiers[c] in TYPED_BY_SOUND and read_apart_at(sentence, i, c)]:
        passing[c] -= params.reading_penalty  # see WordParams.reading_penalty
        if passing[c] <= 0:
            del passing[c]
    if not passing:
        return None
    formed = confusable_words(sentence, i)
    weak_rewrites = {
        c for c, margin in passing.items() if margin < OBJECT_VERB_MARGIN and formed.get(c, 0) < OBJECT_VERB_WORD_FREQ
    }
    if weak_rewrites and verb_before_object(sentence, i):
        passing = {c: margin for c, margin in passing.items() if c not in weak_rewrites}
        if not passing:
            return None
    return max(passing, key=lambda c: passing[c] + WORD_PRIOR * math.log10(1 + formed.get(c, 0)))


def corrections(sentence: str, params: TypoParams = DEFAULT) -> Iterator[tuple[int, str]]:
    """Yield (offset, replacement) for each typo in one normalized sentence, left to right."""
    protected = _protected(sentence) | guarded_positions(sentence)
    safe = safe_positions(sentence)
    for i, ch in enumerate(sentence):
        if i in protected or not _CJK.match(ch) or i in safe:
            continue
        found = _best_candidate(sentence, i, params)
        if found and i not in person_name_positions(sentence) and single_character_tag(sentence, i) not in STANDING:
            sentence = sentence[:i] + found + sentence[i + 1 :]
            yield i, found


def find_typos(text: str, params: TypoParams = DEFAULT) -> list[Finding]:
    """Check every clause of the text for character typos."""
    return clause_findings(text, lambda clause: corrections(clause, params), rule="typo.char")


def clause_findings(text: str, fix: Callable[[str], Iterable[tuple[int, str]]], *, rule: str) -> list[Finding]:
    """Run `fix` over each clause of the normalised text; each (offset, character) it proposes is a typo finding."""
    return layered_clause_findings(text, [(fix, rule)])[0]


def layered_clause_findings(
    text: str, layers: list[tuple[Callable[[str], Iterable[tuple[int, str]]], str]]
) -> list[list[Finding]]:
    """Run each layer's `fix` on one clause after another, clause by clause, and return each layer's findings as
    clause_findings would: the layers look up the same windows of a clause, which stay in the caches this way."""
    normalized = normalize(text)
    found: list[list[Finding]] = [[] for _ in layers]
    for clause in _CLAUSE.finditer(normalized):
        for (fix, rule), findings in zip(layers, found, strict=True):
            for offset, replacement in fix(clause.group()):
                at = clause.start() + offset
                findings.append(Finding.char_typo(text, at, replacement, rule))
    return found
