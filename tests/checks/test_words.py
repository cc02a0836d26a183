"""The word-level layer: a character that spells no word, where a confusable one spells a known word that the
segmentation and the language model prefer; names, places and spans by digits or Latin letters stay as written."""

from __future__ import annotations

import pytest

from checks.names import named_positions
from checks.vocabulary import segmentation_cost
from checks.words import find_word_typos


def corrections(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in find_word_typos(text)]


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("严格执行请示报告制渡。", "渡", "度"),  # same syllable, other tone
        ("积极稳妥推进农村集体产权制度改格。", "格", "革"),
        ("全面加强意识邢态工作。", "邢", "形"),  # same sound
        ("认真贯彻落实会议精升。", "升", "神"),  # a fuzzy sound: -n/-ng
        ("他对此一愁莫展。", "愁", "筹"),  # an idiom
    ],
)
def test_a_confusable_that_spells_a_known_word_is_proposed(text: str, wrong: str, right: str) -> None:
    assert corrections(text) == [(wrong, right)]


@pytest.mark.parametrize(
    "text",
    [
        "各单位要认真落实安全生产责任制，确保不发生重大事故。",
        "县委书记王建国到嘉定区江桥镇调研乡村振兴工作。",  # a person, a district, a town
        "张家口市崇礼区组织开展森林防火宣传。",
        "报名时间为2024年3月1日至3月15日，咨询电话0571-88888888。",
        "会议通过了iPhone 15采购项目和5G基站建设方案。",
    ],
)
def test_correct_official_sentences_names_and_numbers_are_left_alone(text: str) -> None:
    assert corrections(text) == []


def test_names_places_and_terms_guard_their_characters() -> None:
    text = "李明在嘉定区调研"
    assert named_positions(text) == {0, 1, 3, 4, 5}


def test_the_right_word_segments_at_lower_cost_than_the_typo() -> None:
    assert segmentation_cost("一筹莫展") < segmentation_cost("一愁莫展")
    assert segmentation_cost("安装设备") < segmentation_cost("按装设备")
