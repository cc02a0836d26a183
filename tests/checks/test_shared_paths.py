"""The checker's fast paths answer exactly as the plain computations they replace: the layers run clause by clause,
confusable words come from the masked-word index, and candidate windows are scored without the cache."""

from __future__ import annotations

import re
from itertools import islice

import pytest

from checks import typos, words
from checks.confusables import candidates_for, word_candidates_for
from checks.lm import scoring
from checks.lm.corpus import held_out_sentences
from checks.typos import find_typos, layered_clause_findings
from checks.vocabulary import INDEX_MIN_FREQ, MAX_WORD_LEN, confusable_words, word_freq
from checks.words import find_word_typos

TEXTS = [
    "各级政府要认真贯切落实中央精神。我们要做好布署工作，严格执行请示报告制渡；他对此一愁莫展！",
    "为切实做好今冬明春安全生产工作，现将有关适项通知如下。各单位要按装监控设备，既使节假日也不放松。",
    "县委书记王建国到嘉定区江桥镇调研乡村振兴工作，报名时间为2024年3月1日。",
]
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _held_out_text() -> str:
    return "".join(islice(held_out_sentences(), 60))


@pytest.mark.parametrize("text", [*TEXTS, _held_out_text()])
def test_layers_run_clause_by_clause_find_what_each_layer_finds_alone(text: str) -> None:
    layered = layered_clause_findings(text, [(words.corrections, "typo.word"), (typos.corrections, "typo.char")])
    assert layered == [find_word_typos(text), find_typos(text)]
    assert layered[0] or layered[1] or text not in TEXTS[:2]  # the examples do hold typos


def _confusable_words_plainly(text: str, i: int) -> dict[str, int]:
    """Every word of 2..MAX_WORD_LEN characters spanning i, with text[i] swapped for each confusable."""
    freq = word_freq.get()
    best: dict[str, int] = {}
    for c in word_candidates_for(text[i]):
        for start in range(max(0, i - MAX_WORD_LEN + 1), i + 1):
            for end in range(max(i + 1, start + 2), min(len(text), start + MAX_WORD_LEN) + 1):
                f = freq.get(text[start:i] + c + text[i + 1 : end], 0)
                if f >= INDEX_MIN_FREQ and f > best.get(c, 0):
                    best[c] = f
    return best


@pytest.mark.parametrize("text", [*TEXTS, _held_out_text()[:1500]])
def test_confusable_words_from_the_index_are_those_the_word_list_gives(text: str) -> None:
    positions = [i for i, ch in enumerate(text) if _HAN.match(ch)]
    assert positions
    for i in positions:
        assert confusable_words(text, i) == _confusable_words_plainly(text, i), (text, i)
    assert any(confusable_words(text, i) for i in positions)


@pytest.mark.parametrize("text", TEXTS)
def test_substitution_gains_are_the_plain_score_differences(text: str) -> None:
    lm = scoring.model.get()
    for i in [i for i, ch in enumerate(text) if _HAN.match(ch)][::3]:
        replacements = list(candidates_for(text[i]))[:8] + ["好的"]
        lo, hi = max(0, i - scoring.ORDER + 1), min(len(text), i + scoring.ORDER)
        bos, eos = lo == 0, i + scoring.ORDER - 1 >= len(text)
        base = lm.score(" ".join(text[lo:hi]), bos=bos, eos=eos)
        plain = [lm.score(" ".join(text[lo:i] + r + text[i + 1 : hi]), bos=bos, eos=eos) - base for r in replacements]
        assert scoring.substitution_gains(text, i, replacements) == plain
