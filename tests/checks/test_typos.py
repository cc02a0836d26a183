"""The typo layer finds confusable characters the LM and dictionary clearly prefer, and leaves clean text alone."""

from __future__ import annotations

import dataclasses

import pytest

from checks import check_text
from checks.confusables import SAME_SOUND, SIMILAR_SHAPE, candidates_for, typed_tier
from checks.lm.corpus import held_out_sentences
from checks.typos import DEFAULT, find_typos


@pytest.mark.parametrize(
    ("text", "at", "wrong", "right"),
    [
        ("各级政府要认真贯切落实中央精神。", 8, "切", "彻"),
        ("我们要做好布署工作。", 5, "布", "部"),
        ("提高他们的自我保护义识。", 9, "义", "意"),
        ("我们要坚决反对形式主义和关僚主义。", 12, "关", "官"),
    ],
)
def test_confusable_character_is_flagged_with_suggestion(text: str, at: int, wrong: str, right: str) -> None:
    findings = find_typos(text)
    assert [(f.start, f.end, f.text, f.suggestion) for f in findings] == [(at, at + 1, wrong, right)]
    assert findings[0].kind == "typo" and findings[0].rule == "typo.char"


def test_correct_sentences_are_not_flagged() -> None:
    text = "各级政府要认真贯彻落实中央精神，做好部署工作，不断提高人民群众的满意度。"
    assert find_typos(text) == []


def test_held_out_news_text_has_few_false_flags() -> None:
    text = "".join(list(held_out_sentences())[:400])
    assert len(find_typos(text)) <= len(text) / 1000


def test_offsets_are_into_the_original_text_after_full_width_digits() -> None:
    text = "２０２０年，我们要做好布署工作。"
    [finding] = find_typos(text)
    assert text[finding.start : finding.end] == "布" == finding.text


def test_government_terms_are_never_changed() -> None:
    assert find_typos("网络信息股牵头，各股室配合。") == []


def test_fuzzy_sounds_fold_retroflex_initials_and_nasal_finals() -> None:
    from checks.confusables import FUZZY_SOUND, confusion_sets, fuzzy_sound

    assert fuzzy_sound("zhong") == fuzzy_sound("zong") and fuzzy_sound("ying") == fuzzy_sound("yin")
    assert fuzzy_sound("chuang") == fuzzy_sound("chuan") == "cuan" and fuzzy_sound("ba") == "ba"
    assert confusion_sets.get()["总"]["终"] == FUZZY_SOUND


@pytest.mark.parametrize(
    ("text", "wrong", "right"), [("我很喜欢喝埤酒。", "埤", "啤"), ("我们要选檡正确的方向。", "檡", "择")]
)  # 选在 is a word too: of the candidates that pass, the one spelling the more frequent word wins
def test_rare_variant_character_gets_its_common_sound_alike(text: str, wrong: str, right: str) -> None:
    assert [(f.text, f.suggestion) for f in find_typos(text)] == [(wrong, right)]


@pytest.mark.parametrize(("typed", "meant"), [("按", "安"), ("长", "常"), ("还", "环"), ("地", "得")])
def test_characters_sharing_a_usual_reading_in_any_tone_are_same_sound_slips(typed: str, meant: str) -> None:
    assert typed_tier(typed, meant, SIMILAR_SHAPE) == SAME_SOUND


@pytest.mark.parametrize(("typed", "meant"), [("约", "说"), ("家", "故"), ("复", "还")])
def test_an_archaic_reading_no_input_method_offers_makes_no_same_sound_slip(typed: str, meant: str) -> None:
    """说 read yuè, 家 read gū, 还 read fú: pypinyin lists them, typists never meet them."""
    assert typed_tier(typed, meant, SIMILAR_SHAPE) == SIMILAR_SHAPE


@pytest.mark.parametrize(
    "text",
    ["据统计，沿江地区仅大中型企业就有30家。", "不只我们这一代，我们之后的人也会记得。", "哇，不然国家不受损失么。"],
)
def test_a_one_character_adverb_or_modal_particle_stands_as_written(text: str) -> None:
    assert find_typos(text) == []


def test_a_one_character_word_of_another_kind_is_still_corrected() -> None:
    assert [(f.text, f.suggestion) for f in find_typos("学校离我家不远，走路十分钟就道了。")] == [("道", "到")]


def test_the_tag_of_a_one_character_word_only() -> None:
    from checks.tagging import single_character_tag

    assert single_character_tag("不只我们这一代", 1) == "d"
    assert single_character_tag("不只我们这一代", 2) == single_character_tag("不只我们这一代", 3) == ""


@pytest.mark.parametrize(
    "text",
    [
        "她愿意借我。",  # 借我 -> 给我
        "上次你借我的那本书，我已经看完了。",
        "妈妈爸爸来了然后帮我爬大象上去，我整天抱著我新朋友。",  # 爬 -> 把
        "午餐时刻更是人挤人，通常一位难求。",  # 人挤人 -> 人给人
    ],
)
def test_one_character_verb_before_its_object_stands_as_written(text: str) -> None:
    assert find_typos(text) == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("我学会了做西红柿超鸡蛋。", "超", "炒"),
        ("下雨了，别忘了戴伞。", "戴", "带"),
        ("三个凑皮匠胜过一个诸葛亮。", "凑", "臭"),
    ],
)  # the same frame, a verb before a noun, but the LM's preference is clear
def test_typo_in_a_verb_before_a_noun_is_still_found(text: str, wrong: str, right: str) -> None:
    assert [(f.text, f.suggestion) for f in find_typos(text)] == [(wrong, right)]


def test_a_one_character_verb_before_a_pronoun_or_a_noun() -> None:
    from checks.tagging import verb_before_object

    assert verb_before_object("她愿意借我。", 3) and verb_before_object("午餐时刻更是人挤人。", 7)
    assert not verb_before_object("成长过程真的恨有趣。", 6)  # an adjective follows
    assert not verb_before_object("我们要做好布署工作。", 5)  # not a one-character word


def test_ji_and_yi_are_similar_shapes() -> None:
    assert candidates_for("已")["己"] == SIMILAR_SHAPE
    assert candidates_for("己")["已"] == SIMILAR_SHAPE


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [("我要把握自已的人生。", "已", "己"), ("我只是随便说说而己。", "己", "已"), ("他己经走了。", "己", "已")],
)
def test_ji_written_for_yi_and_yi_for_ji_are_corrected(text: str, wrong: str, right: str) -> None:
    # 自已 is also a fixed misspelling among the wording rules (wording.ziji), which then reports it
    assert [(f.text, f.suggestion) for f in check_text(text) if f.kind in ("typo", "wording")] == [(wrong, right)]


@pytest.mark.parametrize(
    "text",
    ["他们自己经营一家小店。", "会议已经结束，各自已有安排。", "各地区各部门要从自己的实际出发，认真贯彻落实。"],
)
def test_ji_and_yi_in_their_words_stay(text: str) -> None:
    assert [f for f in check_text(text) if f.kind in ("typo", "wording")] == []


def test_a_sound_alike_by_another_reading_must_clear_more_in_the_character_layer() -> None:
    """你们知道他们教得怎么样: 觉 is read jiào too, but 觉得 is jué, which no one types for 教."""
    text = "你们知道他们教得怎么样吗？"
    no_penalty = dataclasses.replace(DEFAULT, reading_penalty=0.0)
    assert [(f.text, f.suggestion) for f in find_typos(text, no_penalty)] == [("教", "觉")]
    assert find_typos(text) == []
