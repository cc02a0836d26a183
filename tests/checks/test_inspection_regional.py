"""Taiwan and Hong Kong forms in mainland text (妳, 网路, the particle 著) are normative findings with the mainland
form, reported once, in place of a typo guess; 著 for zhù (著名, 鲁迅著) is never flagged."""

from __future__ import annotations

import pytest

from checks import check_text
from checks.findings import Lexicon
from checks.inspection import find_regional_zhe


def regional(text: str, lexicon: Lexicon | None = None) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in check_text(text, lexicon) if f.rule == "inspection.normative.regional"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("随著经济发展，群众收入稳步提高。", [("著", "着")]),
        ("他拿著地图，背著包出门了。", [("著", "着"), ("著", "着")]),
        ("我昨晚睡不著，心里很著急。", [("著", "着"), ("著", "着")]),
        ("这一变化意味著什么？", [("著", "着")]),
        ("他对事业一直很执著。", [("著", "着")]),
        ("随著时间推移，成效逐步显现。", [("著", "着")]),  # 着 before a word, not 这时
        ("我睡著时候做了一个梦。", [("著", "着")]),
    ],
)
def test_the_particle_zhu_and_zhe_words_spelled_with_zhu_get_the_mainland_zhe(text, expected):
    assert regional(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "鲁迅著《呐喊》是著名的小说集。",
        "整治工作成效显著，群众满意度明显提升。",
        "他著有《乡村振兴实务》一书，编著多部教材。",
        "本书由李明著，王芳译。",
        "要见微知著，防患于未然。",
        "土著居民的传统文化得到保护。",
    ],
)
def test_zhu_read_zhu_in_mainland_words_or_after_an_author_is_not_flagged(text):
    assert find_regional_zhe(text) == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("妳最近工作忙吗？", "妳", "你"),
        ("小猫受伤了，我们把牠送到医院。", "牠", "它"),
        ("代表团访问了义大利。", "义大利", "意大利"),
        ("要防止青少年沉迷网路游戏。", "网路", "网络"),
        ("他是一名知识份子。", "份子", "分子"),
        ("单位采购了一批办公软体。", "软体", "软件"),
    ],
)
def test_a_regional_word_is_one_normative_finding_with_the_mainland_form_not_a_typo_guess(text, wrong, right):
    findings = [f for f in check_text(text) if f.start <= text.index(wrong) < f.end]
    assert [(f.rule, f.kind, f.text, f.suggestion) for f in findings] == [
        ("inspection.normative.regional", "normative", wrong, right)
    ]


def test_zhu_typed_for_zhe_this_before_a_measure_word_is_left_to_the_typo_layers():
    text = "请你帮我看看著个句子写得对不对。"
    assert [(f.rule, f.suggestion) for f in check_text(text) if f.text == "著"] == [("typo.word", "这")]


def test_regional_words_inside_mainland_phrases_are_not_flagged():
    assert regional("同事们凑份子买了花，软体动物展览很受欢迎，电网路线改造完成。") == []


def test_a_unit_that_writes_a_regional_form_on_purpose_switches_its_entry_off():
    assert regional("台胞座谈会上，嘉宾介绍了网路发展情况。", Lexicon(normative_off=frozenset({"网路"}))) == []


def test_a_unit_allowing_a_phrase_with_zhu_keeps_it_unflagged():
    assert regional("书中写道：随著春风吹来。", Lexicon(allow=frozenset({"随著"}))) == []
