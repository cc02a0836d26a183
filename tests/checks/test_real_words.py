"""Real-word confusions: both spellings are words, the context (LM or a context rule) picks one."""

from __future__ import annotations

import pytest

from checks import check_text
from checks.real_words import find_real_word_confusions


def confusions(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in check_text(text) if f.rule.startswith(("typo.real_word", "wording."))]


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("对于群众反应的问题要及时处理。", "反应", "反映"),
        ("这种药物可能引起过敏反映。", "反映", "反应"),
        ("公民依法享有选举权力。", "权力", "权利"),
        ("要把权利关进制度的笼子里。", "权利", "权力"),
        ("他长得象他父亲一样。", "象", "像"),
    ],
)
def test_the_word_the_context_calls_for_is_suggested(text: str, wrong: str, right: str) -> None:
    assert confusions(text) == [(wrong, right)]


@pytest.mark.parametrize(
    "text",
    [
        "群众反映强烈的问题要优先解决。",
        "这是一种化学反应。",
        "要依法行使权力，自觉接受监督。",
        "公民的合法权利受到法律保护。",
        "各地要结合实际制定实施方案。",
        "他的形象一直很好。",
    ],
)
def test_the_right_word_in_its_context_is_left_alone(text: str) -> None:
    assert confusions(text) == []


def test_the_language_model_layer_needs_a_clear_preference() -> None:
    text = "对于群众反应的问题要及时处理。"
    assert find_real_word_confusions(text, min_gain=100.0) == []
