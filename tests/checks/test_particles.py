"""Each 的/地/得 pattern corrects its misuse and stays quiet on correct or ambiguous particles."""

from __future__ import annotations

import pytest

from checks.rules.particles import find_particle_misuse


def flagged(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.text, f.suggestion) for f in find_particle_misuse(text)]


@pytest.mark.parametrize(
    "text",
    [
        "他们偷偷的拿走了钱。",
        "大家要好好的保护这片森林。",
        "他很快的跑到安全的地方。",
        "我们要毫不放松的继续推进党风廉政建设。",
        "他不断的在社会上寻找机会。",
        "她不好意思的跟我们道歉。",
        "他很高兴的走了。",
        "她很认真的听着。",
        "大家很热情的来帮忙。",
        "大家都莫名其妙的带上很多行李。",
        "他的病很快会慢慢的好起来。",
        "他感慨的说：",
        "听到这个消息，我非常的高兴！",
    ],
)
def test_de_before_the_predicate_it_describes_becomes_di(text: str) -> None:
    assert flagged(text) == [("particle.adverbial_di", "的", "地")]


@pytest.mark.parametrize(
    "text",
    [
        "他希望明天会考的很好。",
        "功课还维持的非常好，老板很满意。",
        "我们要把事情做的更好。",
        "这种商品卖的好。",
        "她每天都打扮的很漂亮。",  # the dictionary lists 很漂亮 as a noun
        "他下棋下的很好。",  # the tagger reads the repeated verb 下 as a locative
    ],
)
def test_de_before_a_degree_complement_becomes_dei(text: str) -> None:
    assert flagged(text) == [("particle.complement_de", "的", "得")]


@pytest.mark.parametrize(
    "text", ["我是你得学生。", "明天我有很重要得事。", "老师教他英文、地理什么得，他很快明白了。", "我们真得很难过。"]
)
def test_dei_or_di_before_a_noun_or_as_a_list_end_becomes_de(text: str) -> None:
    assert flagged(text) == [("particle.attributive_de", "得", "的")]


@pytest.mark.parametrize(
    "text",
    [
        "我们要认真地学习文件精神。",
        "他跑得很快。",
        "这是一座美丽的花园。",
        "我得走了。",
        "起了积极的推动作用。",
        "生活中必不可少的便是逛农贸市场。",
        "我们要做的很多。",
        "我们要做的更多。",
        "坚持不懈的努力终于有了回报。",
        "旅途的风浪，藏匿的惊险，",
        "这已经是很好的成绩了。",
        "已经有了很大的发展了。",
        "上市的羊肉一块块的钩挂起来一溜排开。",
        "区政务服务管理局召开政务公开工作会议，研究部署下一阶段信息发布审核工作。",
    ],
)
def test_correct_nominal_or_counted_particles_are_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_only_clauses_with_a_particle_are_tagged() -> None:
    from checks.tagging import tagger

    tag = tagger.get()
    tag.cache_clear()
    find_particle_misuse("区政务服务管理局召开政务公开工作会议，研究部署下一阶段信息发布审核工作。")
    assert tag.cache_info().currsize == 0


@pytest.mark.parametrize(
    "text",
    ["我地妈妈是医生。", "春节地时候我们回家。", "那是我们学校地图书馆。", "他是我最好地朋友。", "这里地生活很好。"],
)
def test_di_after_a_pronoun_or_before_a_noun_becomes_de(text: str) -> None:
    assert flagged(text) == [("particle.noun_de", "地", "的")]


@pytest.mark.parametrize(
    "text", ["我们要更有效率地利用时间。", "他每天都很用功地读书。", "夏天工厂大量地用电。", "考试的结果是如此地理想。"]
)
def test_di_before_a_word_mostly_used_as_a_verb_or_adjective_is_not_flagged(text: str) -> None:
    # jieba tags 利用, 读书, 用电 and 理想 as nouns; People's Daily uses them as predicates
    assert flagged(text) == []


def test_jue_de_written_with_the_attributive_particle_becomes_juede() -> None:
    assert flagged("我觉的这本书很有意思。") == [("particle.complement_de", "的", "得")]


@pytest.mark.parametrize(
    "text",
    [
        "他高兴地跑了过来。",
        "这块地很大。",
        "部分地市工会参加了会议。",
        "这会严重地制约经济发展。",
        "孩子们快乐地长大。",
        "要更加客观地、科学地分析经济形势。",
        "睡觉的时候别说话。",
        "各地群众积极参加活动。",
    ],
)
def test_adverbial_or_nominal_di_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize("text", ["他不是故意地。", "衣服有点儿长，有短一点儿地吗？", "我想换一个大一点儿地。"])
def test_di_ending_a_sentence_after_a_modifier_becomes_de(text: str) -> None:
    assert flagged(text) == [("particle.final_de", "地", "的")]


@pytest.mark.parametrize(
    "text",
    [
        "慢慢地，我习惯了这里的生活。",
        "帮助贫困家庭搬石造地，解决土地资源不足。",
        "更加客观地、科学地分析宏观经济形势。",
        "他一不小心摔倒在地。",
        "这里是本届博览会的举办地。",
        "他伤心地哭了。",
    ],
)
def test_di_ending_a_clause_as_a_noun_or_before_a_comma_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_di_glued_to_a_manner_word_by_the_dictionary_is_still_seen_before_a_noun() -> None:
    assert flagged("朋友就是在你难过地时候陪在你身边的人。") == [("particle.noun_de", "地", "的")]


def test_di_between_an_adjective_and_shi_becomes_de() -> None:
    assert flagged("我觉得学语言最重要地是多听多说。") == [("particle.noun_de", "地", "的")]
    assert flagged("这块地是我家的。") == []


@pytest.mark.parametrize("text", ["我参加了一个汉语比赛，的了第三名。", "你这次考的怎么样？"])
def test_de_starting_a_clause_or_before_how_well_becomes_dei(text: str) -> None:
    assert flagged(text) == [("particle.complement_de", "的", "得")]


@pytest.mark.parametrize("text", ["这是我的了。", "他说的怎么样都行。"])
def test_de_owning_or_before_a_longer_clause_stays(text: str) -> None:
    assert flagged(text) == []
