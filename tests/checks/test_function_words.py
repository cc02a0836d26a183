"""A standalone function word is flagged only when the LM clearly prefers its twin."""

from __future__ import annotations

import pytest

from checks.rules.function_words import COLLOQUIAL_BONUS, find_function_word_swaps


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


@pytest.mark.parametrize(
    "text",
    [
        "小孩子们再院子里玩儿。",
        "我常常再宿舍里听中文歌。",
        "虽然我再这里只住了半年，但是很喜欢这里。",
        "他再一家公司工作，很忙。",
        "毕业以后我想再北京工作。",
    ],
)
def test_again_before_a_noun_phrase_ending_in_a_locative_is_zai(text: str) -> None:
    assert flagged(text) == [("再", "在")]


@pytest.mark.parametrize(
    "text", ["再一个月就放假了。", "我们要再上一个台阶。", "吃完饭再去公园里走走。", "我再一次来这里工作。"]
)
def test_again_before_a_time_or_a_verb_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("哪天我特别高兴。", "哪", "那"),
        ("我很抱歉哪天没有去机场接你。", "哪", "那"),
        ("听说哪部电影很好看，我也想去看。", "哪", "那"),
        ("你是从那儿来的？", "那", "哪"),
    ],
)
def test_which_and_that_follow_whether_the_sentence_asks(text: str, wrong: str, right: str) -> None:
    assert flagged(text) == [(wrong, right)]


@pytest.mark.parametrize(
    "text",
    [
        "我不记得把钥匙放在哪儿了。",
        "你知道附近哪儿有银行吗？",
        "他对这个城市很熟悉，哪条路都认识。",
        "外面下着大雨，我们哪儿也去不了。",
        "哪里有困难，他就去哪里帮忙。",
        "你喜欢哪种水果？",
        "那个人是谁？",
        "那你呢？",
    ],
)
def test_embedded_or_any_which_and_that_in_real_questions_are_not_flagged(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("我最近再学画画。", "再", "在"),
        ("我的叔叔在一家银行工做。", "做", "作"),
        ("我妈妈常常跟我说，作人要诚实。", "作", "做"),
    ],
)
def test_a_swap_in_a_first_or_second_person_sentence_needs_a_smaller_gain(text: str, wrong: str, right: str) -> None:
    assert flagged(text) == [(wrong, right)]
    assert [(f.text, f.suggestion) for f in find_function_word_swaps(text, min_gain=3.5 + COLLOQUIAL_BONUS)] == []


@pytest.mark.parametrize("text", ["我们要像雷锋那样做好事。", "你喜欢哪种水果？", "我不知道他去哪儿了。"])
def test_formal_we_and_real_questions_keep_the_stricter_gain(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "你在想想，别着急做决定。",
        "回家以后在复习一遍。",
        "她跟我们说了在见，就上车走了。",
        "每天早上我都会先喝一杯热水，在吃早饭。",
    ],
)
def test_zai_where_only_again_fits_the_grammar_becomes_zai_again(text: str) -> None:
    assert flagged(text) == [("在", "再")]


@pytest.mark.parametrize(
    "text", ["我先去银行，在超市买东西。", "他在见到我以后很高兴。", "先把材料准备好，在会上讨论。", "我在看书。"]
)
def test_zai_before_a_place_or_a_longer_verb_stays(text: str) -> None:
    assert flagged(text) == []


def test_buy_and_sell_are_twins_the_lm_decides() -> None:
    assert flagged("我卖了一个新手机，用起来很方便。") == [("卖", "买")]
    assert flagged("他把旧车卖了，又买了一辆新车。") == []


@pytest.mark.parametrize("text", ["下一次我们再一起吃饭吧！", "有空的时候，我们再一块儿去看电影。"])
def test_again_before_together_or_once_more_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_again_before_together_after_a_verb_of_place_is_zai() -> None:
    assert flagged("吃完晚饭，我们一家人常常坐再一起聊天。") == [("再", "在")]


@pytest.mark.parametrize(
    "text", ["你要是没看过，哪天我们一起看。", "你要想一想哪一些工作比较适合你。", "大家说一说哪里错了。"]
)
def test_which_as_some_day_or_after_think_it_over_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_which_day_in_a_sentence_about_the_past_is_still_that_day() -> None:
    assert flagged("我生日哪天，妈妈给我做了一个蛋糕。") == [("哪", "那")]
