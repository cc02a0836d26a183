"""A standalone function word is flagged only when the LM clearly prefers its twin."""

from __future__ import annotations

import pytest

from checks.rules.function_words import find_function_word_swaps


def flagged(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in find_function_word_swaps(text)]


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("会议再北京召开。", "再", "在"),
        ("他们以经完成了任务。", "以", "已"),
        ("这项工作像前推进了一大步。", "像", "向"),
    ],
)
def test_function_word_its_twin_fits_far_better_is_flagged(text: str, wrong: str, right: str) -> None:
    assert flagged(text) == [(wrong, right)]


@pytest.mark.parametrize(
    "text",
    [
        "会议在北京召开。",
        "请大家再读一遍文件。",
        "工作已取得明显成效。",
        "以人民为中心，向群众学习。",
        "你在哪里？",
        "那时候我还小。",
        "区政务服务管理局召开政务公开工作会议，研究部署下一阶段信息发布审核工作。",
    ],
)
def test_correct_function_words_are_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_zai_written_as_again_before_a_place_is_flagged_at_a_lower_gain() -> None:
    assert flagged("我现在再台湾工作。") == [("再", "在")]


@pytest.mark.parametrize("text", ["传说再美丽再动听，也只是传说。", "不能再新建学校。"])
def test_again_before_a_place_like_word_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize("text", ["我明天在来看你。", "请你在说一遍。", "我们下次在见吧。"])
def test_a_learners_zai_for_again_is_flagged(text: str) -> None:
    assert flagged(text) == [("在", "再")]


@pytest.mark.parametrize(
    "text", ["我明天在家等你。", "请你在这里说一遍。", "我们下次在学校见吧。", "明天我们再去一次吧。"]
)
def test_zai_before_a_place_and_again_before_a_verb_stay_unflagged(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize("text", ["要像雷锋那样做好事。", "对具体问题要做具体分析。", "他在研究这个问题。"])
def test_formal_phrases_keep_the_stricter_gain(text: str) -> None:
    assert flagged(text) == []
