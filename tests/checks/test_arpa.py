"""The ARPA writer produces a normalized Kneser-Ney model that kenlm loads."""

from __future__ import annotations

import kenlm
import pytest

from checks.lm import arpa

SENTENCES = ["我们的工作", "我们要工作", "他们的学习很好", "工作很好", "我的书", "学习工作"] * 3


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[kenlm.Model, list[str]]:
    probs, backoffs = arpa.estimate(arpa.count_ngrams(SENTENCES, 3))
    path = tmp_path_factory.mktemp("lm") / "tiny.arpa"
    with open(path, "w", encoding="utf-8") as out:
        arpa.write_arpa(out, probs, backoffs)
    vocab = [{arpa.EOS: "</s>"}.get(g, g) for g in probs[0]]
    return kenlm.Model(str(path)), vocab


@pytest.mark.parametrize("context", [[], ["我"], ["我", "们"], ["很", "好"], ["书", "我"]])
def test_next_character_probabilities_sum_to_one(tiny_model, context: list[str]) -> None:
    model, vocab = tiny_model
    state = kenlm.State()
    model.NullContextWrite(state)
    for token in context:
        following = kenlm.State()
        model.BaseScore(state, token, following)
        state = following
    total = sum(10 ** model.BaseScore(state, token, kenlm.State()) for token in vocab)
    assert total == pytest.approx(1.0, abs=1e-4)


def test_seen_continuation_is_more_likely_than_unseen(tiny_model) -> None:
    model, _ = tiny_model
    assert model.score("我 们", bos=False, eos=False) > model.score("我 很", bos=False, eos=False)


def test_discounts_lie_between_zero_and_their_count() -> None:
    d1, d2, d3 = arpa.discounts([1] * 50 + [2] * 20 + [3] * 10 + [4] * 5)
    assert 0 < d1 < 1 and 0 < d2 < 2 and 0 < d3 < 3
