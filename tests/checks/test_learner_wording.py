"""Context rules for everyday learner slips: each flags its wrong character on a positive example and stays quiet on
the real words and grammar that share its characters."""

from __future__ import annotations

import pytest

from checks import check_text
from checks.rules.official import find_rule_violations


def flagged(text: str, rule: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in find_rule_violations(text) if f.rule == rule]


def lm_flags(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in check_text(text) if f.kind in ("typo", "wording", "repeat")]


@pytest.mark.parametrize(
    ("text", "rule", "wrong", "right"),
    [
        ("他总是相信自已的判断。", "wording.ziji", "已", "己"),
        ("这只小狗还没有名子。", "wording.mingzi", "子", "字"),
        ("我们中午去吃小龙包。", "wording.xiaolongbao", "龙", "笼"),
        ("出门前别忘了带照像机。", "wording.zhaoxiangji", "像", "相"),
        ("现在的年经人都喜欢上网。", "wording.nianqingren", "经", "轻"),
        ("这件事请你再考卢一下。", "wording.kaolv", "卢", "虑"),
        ("请告许我你的地址。", "wording.gaosu", "许", "诉"),
        ("你怎们还没到？", "wording.zenme", "们", "么"),
        ("最近的情怳还好吗？", "wording.qingkuang", "怳", "况"),
        ("一但下雨，比赛就取消。", "wording.yidan", "但", "旦"),
        ("他每天都很忙绿。", "wording.manglu", "绿", "碌"),
        ("语言障害让他很难交朋友。", "wording.zhangai", "害", "碍"),
        ("他的奴朋友很会做菜。", "wording.nvsheng", "奴", "女"),
        ("班上的努生比较多。", "wording.nvsheng", "努", "女"),
        ("我们要保握这次机会。", "wording.bawo", "保", "把"),
        ("这个间题不太难。", "wording.wenti", "间", "问"),
    ],
)
def test_a_misspelt_everyday_word_is_flagged_at_its_wrong_char(text: str, rule: str, wrong: str, right: str) -> None:
    assert flagged(text, rule) == [(wrong, right)]


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("听到这个消息，她激动得不能自已，久久难以自已。", ("wording.ziji",)),
        ("会议结束后各自已有安排，数据来自已有的研究，这本书出自已故作家之手。", ("wording.ziji",)),
        ("报名子女入学的家长很多，这家知名子公司也来了。", ("wording.mingzi",)),
        ("去年经人介绍，他认识了现在的妻子。", ("wording.nianqingren",)),
        ("国家统一但仍需努力，大小不一但都很好用。", ("wording.yidan",)),
        ("居民们都来帮忙绿化小区。", ("wording.manglu",)),
        ("要确保握手的时间不超过五分钟。", ("wording.bawo",)),
        ("农奴生活十分艰苦。", ("wording.nvsheng",)),
        ("这一次的时间题目很难，空间题也不少。", ("wording.wenti",)),
    ],
)
def test_real_words_sharing_the_misspellings_characters_stay(text: str, rules: tuple[str, ...]) -> None:
    assert [hit for rule in rules for hit in flagged(text, rule)] == []


def test_qing_asking_someone_is_qing_please_but_a_feeling_before_ni_stays() -> None:
    assert flagged("情您稍等一下。", "wording.qing_please") == [("情", "请")]
    assert flagged("我想情你喝茶。", "wording.qing_please") == [("情", "请")]
    assert flagged("以上几点，情多多指教。", "wording.qing_please") == [("情", "请")]
    assert flagged("我的心情你不会懂，这份感情你要珍惜。", "wording.qing_please") == []


def test_qing_ai_de_opening_a_letter_is_qin_ai_de_but_a_love_story_stays() -> None:
    assert flagged("情爱的妈妈：您好！", "wording.qin_dear") == [("情", "亲")]
    assert flagged("她不爱看描写情爱的小说。", "wording.qin_dear") == []


def test_broken_and_cannot_find_are_written_with_their_own_characters() -> None:
    assert flagged("弟弟把我的玩具弄怀了。", "wording.huai_broken") == [("怀", "坏")]
    assert flagged("这台电脑早就怀掉了。", "wording.huai_broken") == [("怀", "坏")]
    assert flagged("我到处都找不倒钥匙。", "wording.budao") == [("倒", "到")]
    assert flagged("她怀了孩子，大家都很关怀她。", "wording.huai_broken") == []
    assert flagged("这个不倒翁推不倒，敌人也打不倒我们。", "wording.budao") == []


def test_rang_hou_opening_a_clause_is_ranhou_but_letting_those_behind_stays() -> None:
    assert flagged("我们先吃饭，让后去看电影。", "wording.ranhou") == [("让", "然")]
    assert flagged("请让后面的人先上车。", "wording.ranhou") == []


@pytest.mark.parametrize("text", ["我们一起走把！", "你已经到了把？", "明天再说把。"])
def test_ba_ending_a_sentence_is_the_particle_ba(text: str) -> None:
    assert flagged(text, "wording.ba_particle") == [("把", "吧")]


def test_ba_as_a_measure_word_or_a_handle_ending_a_sentence_stays() -> None:
    text = "他抓了一把。我只要这把。他握住车把。我们举着火把。他们投机倒把。"
    assert flagged(text, "wording.ba_particle") == []


@pytest.mark.parametrize(
    ("text", "wrong"),
    [("出门一前我会打电话给你。", "一"), ("除了他一外，大家都来了。", "一"), ("下课一后，我们去打球。", "一")],
)
def test_yi_before_qian_hou_wai_at_a_pause_or_a_clause_is_yi_so(text: str, wrong: str) -> None:
    assert flagged(text, "wording.yiqian") == [(wrong, "以")]


def test_a_numeral_a_date_or_a_word_ending_in_yi_before_qian_hou_stays() -> None:
    text = "国家统一后，五一前我们放假，周一后他上班，这是唯一外，一前一后走进来。"
    assert flagged(text, "wording.yiqian") == []
    assert lm_flags("两国实现统一后，经济发展更快。") == []


def test_receiving_a_letter_or_a_gift_is_shoudao_with_shou_receive() -> None:
    assert flagged("昨天我受到了她的来信。", "wording.shoudao_letter") == [("受", "收")]
    assert flagged("生日那天他受到很多礼物。", "wording.shoudao_letter") == [("受", "收")]
    text = "他受到大家的信任，也受到老师的表扬，受到他的信赖。"
    assert flagged(text, "wording.shoudao_letter") == []


def test_shihou_written_with_hou_after_is_shihou_but_hours_later_stays() -> None:
    assert flagged("上课的时后不要说话。", "wording.shihou") == [("后", "候")]
    assert flagged("有时后，我也想回家。", "wording.shihou") == [("后", "候")]
    assert flagged("两小时后出发，同时后者也要准备。", "wording.shihou") == []


def test_xinli_before_a_feeling_is_in_the_heart_but_psychology_stays() -> None:
    assert flagged("我心理害怕极了。", "wording.xinli") == [("理", "里")]
    assert flagged("她心理总是想着家人。", "wording.xinli") == [("理", "里")]
    assert flagged("要关注学生的心理健康，做好心理准备，心理上要放松。", "wording.xinli") == []


def test_de_hen_ending_a_clause_is_the_complement_de() -> None:
    assert flagged("这条街热闹的很。", "wording.de_hen") == [("的", "得")]
    assert flagged("我真的很，是的很，他的很多朋友都来了。", "wording.de_hen") == []


def test_ji_paired_with_you_is_ji_both() -> None:
    assert flagged("她即聪明又勤快。", "wording.ji_you") == [("即", "既")]
    assert flagged("这双鞋即便宜又耐用。", "wording.ji_you") == [("即", "既")]
    text = "即使下雨又怎样？他立即跑又跳，即将毕业又要找工作。"
    assert flagged(text, "wording.ji_you") == []


def test_laoshi_ending_a_clause_or_after_a_measure_is_the_teacher() -> None:
    assert flagged("我们的中文老是。", "wording.laoshi") == [("是", "师")]
    assert flagged("各老是都很认真。", "wording.laoshi") == [("是", "师")]
    assert flagged("他老是迟到，王老是说不够。", "wording.laoshi") == []


def test_a_verb_with_yixia_ending_a_clause_is_yixia_but_the_following_stays() -> None:
    assert flagged("这双鞋你可以试以下。", "wording.yixia") == [("以", "一")]
    assert flagged("请考虑以下意见：", "wording.yixia") == []
    assert flagged("六岁以下，免费入场。", "wording.yixia") == []


def test_hui_before_speaking_a_language_is_hui_can() -> None:
    assert flagged("他回说日文，也回讲一点法语。", "wording.hui_language") == [("回", "会"), ("回", "会")]
    assert flagged("他回说：“好的。”回讲台去。", "wording.hui_language") == []


def test_fixed_misspellings_leave_the_words_that_share_their_characters() -> None:
    text = "报告许可已下发，通告许多单位；参考卢梭的著作；周一但凡有空就来；乡间题材的电影；即既要快又要好。"
    rules = ("wording.gaosu", "wording.kaolv", "wording.yidan", "wording.wenti", "wording.ji_you")
    assert [hit for rule in rules for hit in flagged(text, rule)] == []
    assert flagged("这部作品受到来信者的好评。", "wording.shoudao_letter") == []
