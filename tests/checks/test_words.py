"""The word-level layer: a character that spells no word, where a confusable one spells a known word that the
segmentation and the language model prefer; names, places and spans by digits or Latin letters stay as written."""

from __future__ import annotations

import dataclasses
import math

import pytest

from checks.confusables import (
    SAME_SOUND,
    SIMILAR_SOUND,
    candidates_for,
    confusion_sets,
    read_apart,
    typed_tier,
    word_candidates_for,
)
from checks.names import guarded_positions, named_positions
from checks.register import is_colloquial
from checks.tagging import person_name_positions
from checks.typos import find_typos
from checks.vocabulary import all_words, segmentation_cost
from checks.words import DEFAULT, find_word_typos


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
        "一八四八年二月，马克思、恩格斯起草的《共产党宣言》在伦敦发表。",  # a year in Chinese numerals
        "截至十月底，全县累计接种疫苗三十八万剂次。",  # the unit after a number
        "现在很多年轻人都喜欢在网路上买东西。",  # Taiwanese usage, a word in wordfreq's list
        "他在一家软体公司上班，我们坐捷运去夜市。",
    ],
)
def test_correct_official_sentences_names_and_numbers_are_left_alone(text: str) -> None:
    assert corrections(text) == []


def test_names_places_and_terms_guard_their_characters() -> None:
    text = "李明在嘉定区调研"
    assert named_positions(text) == {0, 1, 3, 4, 5}


def test_a_place_jieba_lists_at_its_floor_count_is_guarded() -> None:
    """西门町 is in jieba's dictionary only at count 3, below the frequency that makes a word safe: 门庭 won."""
    text = "你可以下午去逛西门町，我陪你。"
    assert {7, 8, 9} <= named_positions(text)
    assert corrections(text) == []


def test_numbers_in_chinese_numerals_and_their_unit_are_guarded_but_not_the_word_before() -> None:
    text = "全县有芭十六所"
    assert guarded_positions(text) == {4, 5, 6}


def test_a_typo_beside_a_number_is_still_found() -> None:
    assert corrections("全县新建村级卫生室四十二个，配被了基本医疗设备。") == [("被", "备")]


def test_wordfreq_and_jionlp_know_modern_official_and_regional_words_but_not_rare_misspellings() -> None:
    words = all_words.get()
    assert words["网路"] >= 1000 and words["短板"] >= 1000  # jieba: 73 and 3
    assert words["纠治"] >= 30 and words["放管服"] >= 30 and words["剂次"] >= 30  # jieba: none
    assert words.get("布署", 0) < 10  # 16 in wordfreq and 22 in jionlp's distribution, below their floors


@pytest.mark.parametrize(
    "text",
    ["严格执行中央八项规定精神，持之以恒纠治“四风”。", "持续深化放管服改革，全面推行河长制。"],
)
def test_current_official_vocabulary_is_not_corrected(text: str) -> None:
    assert corrections(text) == []


def test_the_right_word_segments_at_lower_cost_than_the_typo() -> None:
    assert segmentation_cost("一筹莫展") < segmentation_cost("一愁莫展")
    assert segmentation_cost("安装设备") < segmentation_cost("按装设备")


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [("今年我县共举办各类培训国动二十余场。", "国", "活"), ("本规定所称机官，是指县级以上机关。", "官", "关")],
)
def test_a_same_syllable_non_word_for_a_frequent_word_is_found_by_the_frequent_word_rule(
    text: str, wrong: str, right: str
) -> None:
    without_rule = dataclasses.replace(DEFAULT, frequent_threshold=math.inf, formal_threshold=math.inf)
    assert [(f.text, f.suggestion) for f in find_word_typos(text, without_rule)] == []
    assert corrections(text) == [(wrong, right)]


@pytest.mark.parametrize(
    "text",
    [
        "选举徐衍东为省高级人民法院院长。",  # a name the dictionaries do not know
        "我们坐捷运去夜市，大概二十分钟就到了。",
        "经县委常委会研究，同意李晓东同志任县农业农村局局长。",
    ],
)
def test_the_frequent_word_rule_leaves_names_and_regional_words_alone(text: str) -> None:
    assert corrections(text) == []


def test_an_unlisted_person_name_is_guarded_but_not_a_typo_jieba_takes_for_a_name() -> None:
    assert person_name_positions("选举徐衍东为省高级人民法院院长。") == {2, 3, 4}
    assert person_name_positions("慰问交警劳模吴贱安（右一）") == {6, 7, 8}
    assert person_name_positions("认真抓好贯彻蓝实。") == frozenset()  # jieba's HMM calls 蓝实 a name
    assert corrections("认真抓好贯彻蓝实。") == [("蓝", "落")]


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("我的签证下个月道期。", "道", "到"),
        ("早饭我一般喝牛奶，吃免包。", "免", "面"),
        ("住在宿舍比住在外面方变。", "变", "便"),
    ],
)
def test_the_frequent_word_rule_weighs_segmentation_more_in_short_everyday_clauses(
    text: str, wrong: str, right: str
) -> None:
    earlier = dataclasses.replace(
        DEFAULT,
        frequent_weight=0.3,
        frequent_prior=1.5,
        frequent_threshold=11.6,
        frequent_min_lm_gain=0.5,
        colloquial_bonus=(0.0, 0.0, 0.0, 0.0),
    )
    assert [(f.text, f.suggestion) for f in find_word_typos(text, earlier)] == []
    assert corrections(text) == [(wrong, right)]


@pytest.mark.parametrize("text", ["请尽己所能，伸出帮扶之手。", "各地要加强对口帮扶，请尽己所能。"])
def test_the_frequent_word_rule_needs_the_language_model_to_agree(text: str) -> None:
    """Segmentation alone (尽其所能) is no reason: the LM must prefer the candidate by 10^2 as well."""
    assert corrections(text) == []
    assert find_word_typos(text, dataclasses.replace(DEFAULT, frequent_min_lm_gain=DEFAULT.min_lm_gain)) != []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("我又点儿想家了。", "又", "有"),
        ("好久不见，你最进怎么样？", "进", "近"),
        ("放学已后我和朋友一起踢足球。", "已", "以"),
    ],
)
def test_a_non_word_in_a_first_or_second_person_clause_needs_less(text: str, wrong: str, right: str) -> None:
    no_bonus = dataclasses.replace(DEFAULT, colloquial_bonus=(0.0, 0.0, 0.0, 0.0))
    assert [(f.text, f.suggestion) for f in find_word_typos(text, no_bonus)] == []
    assert corrections(text) == [(wrong, right)]


@pytest.mark.parametrize(
    "text",
    [
        "我国经济运行总体平稳。",
        "我县已完成年度目标任务。",
        "我委将会同有关部门联合督查。",
        "我厅高度重视营商环境建设。",
        "我们要像雷锋那样做好事。",
        "请您携带身份证原件办理。",
    ],
)
def test_an_institution_a_speech_or_a_notice_to_the_public_is_not_colloquial(text: str) -> None:
    assert not is_colloquial(text)


@pytest.mark.parametrize("text", ["我又点儿想家了。", "你最近怎么样？", "我觉得这里的天气很好。"])
def test_a_clause_in_the_first_or_second_person_is_colloquial(text: str) -> None:
    assert is_colloquial(text)


def test_no_conjunction_is_made_right_after_de() -> None:
    """的 is followed by what it describes: 我最喜欢的课是 is not 可是, even in a first-person clause."""
    assert corrections("我最喜欢的课是音乐课。") == []
    assert corrections("我喜欢吃妈妈做的免包。") == [("免", "面")]


def test_of_two_neighbours_that_each_spell_a_word_the_surer_is_taken() -> None:
    """邀 -> 要 (想要) comes first from the left, but 清 -> 请 (邀请) is far surer: the surest candidate goes first."""
    assert corrections("我想邀清你参加我的生日会。") == [("清", "请")]


def test_the_sentence_around_a_character_ends_at_its_marks_and_is_bounded() -> None:
    from checks.register import sentence_around

    assert sentence_around("前一句。我在这里，你呢？后一句。", 5) == ("我", "在这里，你呢？")
    before, rest = sentence_around("字" * 100_000, 50_000)
    assert len(before) <= 300 and len(rest) <= 300


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [("要继承和洪扬伟大建党精神。", "洪", "弘"), ("广大党员干部要客尽职守，勇于担当。", "客", "恪")],
)
def test_a_character_outside_the_common_set_is_proposed_where_a_word_is_written_with_it(
    text: str, wrong: str, right: str
) -> None:
    assert right not in confusion_sets.get().get(wrong, {})  # not in pycorrector's sets: 弘 and 恪 are not common
    assert corrections(text) == [(wrong, right)]


def test_a_rare_word_character_is_a_sound_alike_of_any_tone_only() -> None:
    assert word_candidates_for("洪")["弘"] == SIMILAR_SOUND  # the same syllable, hong2
    assert typed_tier("未", "诿", word_candidates_for("未")["诿"]) == SAME_SOUND  # wei4 and wei3
    assert "诿" not in word_candidates_for("推")  # another syllable


def test_a_rare_word_character_is_left_to_the_word_layer() -> None:
    assert "弘" not in candidates_for("洪")  # the character layer weighs the LM alone: no word, no proposal


@pytest.mark.parametrize(
    "text",
    [
        "洪秀全领导了太平天国运动。",  # a person
        "洪泽湖水位持续上涨，洪湖市组织开展防汛演练。",  # places
        "明朝弘治年间，这里修建了一座石桥。",
        "各地要广泛宣传，大力弘扬社会新风，遇事不得相互推诿。",
        "客家人有着悠久的历史文化，要加强宏观经济政策协调。",
        "全县累计投入资金两千余万元，各级干部要恪守廉洁自律准则。",
    ],
)
def test_words_with_rare_characters_and_their_sound_alikes_stand_as_written(text: str) -> None:
    assert corrections(text) == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("推动安全检查常太化、制度化。", "太", "态"),
        ("着力打造生态宜居向村。", "向", "乡"),
        ("我们要把巡查工作常太化。", "太", "态"),  # 我们: a report's voice, formal
    ],
)
def test_in_a_formal_clause_the_frequent_word_rule_needs_less_when_the_language_model_agrees_more(
    text: str, wrong: str, right: str
) -> None:
    one_threshold = dataclasses.replace(DEFAULT, formal_threshold=DEFAULT.frequent_threshold)
    assert [(f.text, f.suggestion) for f in find_word_typos(text, one_threshold)] == []
    assert corrections(text) == [(wrong, right)]


@pytest.mark.parametrize(
    "text",
    [
        "加快建设美丽宜居乡村，推进常态化监管。",
        "张向村同志任县农业农村局副局长。",  # a name
        "全镇共有行政村十二个，自然村四十余个。",  # numbers
        "一英商出价三百万元收购该厂。",
        "改善条件，就使基层干部留得住。",
        "鱼的不可食部分约占三成。",
        "专案组继续穷追深查。",
    ],
)
def test_the_formal_frequent_word_threshold_leaves_correct_formal_sentences_alone(text: str) -> None:
    assert corrections(text) == []


@pytest.mark.parametrize(("text", "wrong"), [("上次考试我太紧张了，得到坏成绩。", "坏"), ("请帮我买一件雪衣。", "雪")])
def test_a_similar_shape_candidate_gets_no_first_person_bonus(text: str, wrong: str) -> None:
    """An everyday typist slips on a sound, not a shape: 坏成绩 is no 不成绩, 雪衣 no 雨衣."""
    every_tier = dataclasses.replace(DEFAULT, colloquial_bonus=(1.0, 1.0, 1.0, 1.0), commoner_veto=False)
    assert [f.text for f in find_word_typos(text, every_tier)] == [wrong]
    assert find_word_typos(text) == []


def test_a_character_read_apart_in_the_word_it_would_spell_is_no_sound_alike_there() -> None:
    assert read_apart("教", "觉", "觉得", 0)  # 觉 is also jiào, but 觉得 is jué
    assert not read_apart("在", "再", "再见", 0)  # the same syllable in the word
    assert not read_apart("己", "已", "已经", 0)  # no reading shared: a similar shape, not a matter of readings
    assert read_apart("约", "要", "想要", 1)  # 约 is yāo only in 约一约: no usual reading of it
    assert not read_apart("长", "常", "常常", 0)  # cháng is as usual a reading of 长 as zhǎng
    assert not read_apart("得", "地", "慢慢地", 2)  # the particles are typed de


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("我要陪家人到那所医院去。", "所"),
        ("老师问我们教得好不好。", "教"),
        ("学校有安排带学生去农场。", "带"),
        ("我想约你出来见个面。", "约"),
    ],
)
def test_a_sound_alike_by_another_reading_must_clear_more(text: str, wrong: str) -> None:
    """那所医院 is no 那些 (些 is read suò only in old verse), 教得 no 觉得 (jué), 带学生 no 大学生 (dà): the writer
    typed the syllable of the word meant, in both typo layers."""
    no_penalty = dataclasses.replace(DEFAULT, reading_penalty=0.0)
    assert wrong in [f.text for f in find_word_typos(text, no_penalty)]
    assert wrong not in [f.text for f in find_word_typos(text) + find_typos(text)]


@pytest.mark.parametrize(("text", "wrong"), [("我搭捷运去找朋友。", "搭"), ("爸爸的谏言我一直记在心里。", "谏")])
def test_a_commoner_character_the_language_model_merely_prefers_is_vetoed(text: str, wrong: str) -> None:
    """搭捷运 is no 大捷 and 谏言 no 前言: the candidate clears its threshold, but by a thin margin and for being a far
    commoner character, which the learned veto weighs against it."""
    no_veto = dataclasses.replace(DEFAULT, commoner_veto=False)
    assert [f.text for f in find_word_typos(text, no_veto)] == [wrong]
    assert find_word_typos(text) == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [("这次考试你考淂怎么样？", "淂", "得"), ("我又点儿想家。", "又", "有"), ("我希忘你早点回来。", "忘", "望")],
)
def test_a_commoner_character_that_makes_the_clause_is_still_proposed(text: str, wrong: str, right: str) -> None:
    """A right fix is often a commoner character too; a large LM and segmentation gain keep it past the veto."""
    freq = all_words.get()
    assert freq.get(right, 0) > freq.get(wrong, 0)
    assert corrections(text) == [(wrong, right)]
