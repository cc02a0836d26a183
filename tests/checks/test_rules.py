"""Each official-writing rule fires on its positive example and stays quiet on the negative one."""

from __future__ import annotations

import pytest

from checks import check_text
from checks.rules.official import find_rule_violations


def flagged(text: str, rule: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in find_rule_violations(text) if f.rule == rule]


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("认真做好布署工作", "布署", "部署"),
        ("要贯切落实会议精神", "贯切", "贯彻"),
        ("这是急待解决的问题", "急待解决", "亟待解决"),
        ("办公楼座落在城东", "座落", "坐落"),
        ("我们要一如继往地支持", "一如继往", "一如既往"),
        ("希望大家再接再励", "再接再励", "再接再厉"),
        ("工作要按步就班推进", "按步就班", "按部就班"),
        ("现发布招聘启示如下", "招聘启示", "招聘启事"),
        ("党中央做出部署", "做出部署", "作出部署"),
    ],
)
def test_known_confusion_is_flagged_with_suggestion(text: str, wrong: str, right: str) -> None:
    assert flagged(text, "wording.confusion") == [(wrong, right)]


def test_confusion_list_has_over_a_hundred_entries() -> None:
    from checks.rules.wording import confusion_table

    assert len(confusion_table.get()[0]) >= 100


@pytest.mark.parametrize("text", ["认真做好部署工作", "办公楼坐落在城东", "会议布置了工作", "招聘启事", "作出部署"])
def test_correct_wording_is_not_flagged(text: str) -> None:
    assert flagged(text, "wording.confusion") == []


def test_jiezhi_before_a_date_should_be_jiezhi_zhi() -> None:
    assert flagged("截止2023年6月底，共受理申请12件", "wording.jiezhi_date") == [("截止", "截至")]
    assert flagged("截止目前已完成", "wording.jiezhi_date") == [("截止", "截至")]
    assert flagged("报名于6月30日截止。", "wording.jiezhi_date") == []


def test_bixu_before_a_verb_is_flagged_but_not_as_adjective() -> None:
    assert flagged("必需坚持依法行政", "wording.bixu_verb") == [("必需", "必须")]
    assert flagged("生活必需品供应充足", "wording.bixu_verb") == []


def test_zai_guocheng_frame_without_zhong_is_flagged() -> None:
    assert flagged("在推进改革过程，要注意方法", "wording.zai_guocheng") == [("推进改革过程", "推进改革过程中")]
    assert flagged("在推进改革过程中，要注意方法", "wording.zai_guocheng") == []


@pytest.mark.parametrize(
    ("text", "doubled"), [("重要的的工作", "的的"), ("完成了了任务", "了了"), ("我们们要", "们们")]
)
def test_doubled_character_is_flagged(text: str, doubled: str) -> None:
    assert flagged(text, "repeat.char") == [(doubled, doubled[0])]


@pytest.mark.parametrize(
    "text",
    ["常常开会", "人人参与", "看看再说", "研究研究", "所有有关部门", "实现目的的方法", "为了了解情况", "不了了之"],
)
def test_legitimate_reduplication_is_not_flagged(text: str) -> None:
    assert flagged(text, "repeat.char") == [] and flagged(text, "repeat.phrase") == []


@pytest.mark.parametrize("text", ["周末我们去夜市逛逛，吃吃小吃。", "晚上一起吃吃中国菜。", "一家人安安顿顿地过日子。"])
def test_a_verb_doubled_before_its_object_and_aabb_are_reduplication(text: str) -> None:
    assert flagged(text, "repeat.char") == []


@pytest.mark.parametrize(
    ("text", "doubled"),
    [("这对我有有一个积极的影响。", "有有"), ("周末我们去去玩。", "去去"), ("他是是老师。", "是是")],
)
def test_a_doubled_verb_with_no_object_or_a_function_word_is_still_flagged(text: str, doubled: str) -> None:
    assert flagged(text, "repeat.char") == [(doubled, doubled[0])]


def test_phrase_written_twice_is_flagged() -> None:
    assert flagged("要进一步进一步加强管理", "repeat.phrase") == [("进一步进一步", "进一步")]


def test_unpaired_marks_are_flagged_and_paired_ones_are_not() -> None:
    assert [f.text for f in find_rule_violations("学习《条例和“精神") if f.rule == "punctuation.unpaired"] == [
        "《",
        "“",
    ]
    assert [f.text for f in find_rule_violations("条例》）") if f.rule == "punctuation.unpaired"] == ["》", "）"]
    assert flagged("学习《条例》和“精神”（全文）【附件】", "punctuation.unpaired") == []


def test_half_width_punctuation_in_chinese_text_is_flagged_with_full_width_mark() -> None:
    assert flagged("加大力度,加强引导;(一)主动", "punctuation.half_width") == [
        (",", "，"),
        (";", "；"),
        ("(", "（"),
        (")", "）"),
    ]
    assert flagged("时间为10:30,金额1,000元", "punctuation.half_width") == [(",", "，")]
    assert flagged("see (a), b; c: d?", "punctuation.half_width") == []


def test_two_digit_year_is_flagged_with_full_year() -> None:
    assert flagged("23年5月1日起施行", "format.two_digit_year") == [("23年", "2023年")]
    assert flagged("98年3月", "format.two_digit_year") == [("98年", "1998年")]
    assert flagged("2023年5月1日；改革开放40年来", "format.two_digit_year") == []


def test_mixed_zero_in_chinese_numeral_year_is_flagged() -> None:
    assert flagged("二0二三年工作计划", "format.year_zero") == [("二0二三", "二〇二三")]
    assert flagged("二零二三年", "format.year_zero") == [("二零二三", "二〇二三")]
    assert flagged("二〇二三年", "format.year_zero") == []


def test_law_title_without_book_title_marks_is_flagged() -> None:
    text = "认真贯彻中华人民共和国政府信息公开条例有关要求"
    assert flagged(text, "format.law_title") == [
        ("中华人民共和国政府信息公开条例", "《中华人民共和国政府信息公开条例》")
    ]
    assert flagged("认真贯彻《中华人民共和国政府信息公开条例》", "format.law_title") == []
    assert flagged("中华人民共和国成立以来，法律体系不断完善", "format.law_title") == []


@pytest.mark.parametrize(
    "text", ["打开包包让警察检查", "人工草地岁岁枯荣", "一辆辆飞驰来的车", "脚踏实地地发展", "奥运会会是什么样子"]
)
def test_listed_and_measure_word_reduplications_are_not_flagged(text: str) -> None:
    assert flagged(text, "repeat.char") == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("请于2020.12.31前报送。", "2020.12.31", "2020年12月31日"),
        ("自2024/3/5起施行。", "2024/3/5", "2024年3月5日"),
    ],
)
def test_dotted_or_slashed_date_is_rewritten_in_chinese_form(text: str, wrong: str, right: str) -> None:
    assert flagged(text, "format.date_separator") == [(wrong, right)]


@pytest.mark.parametrize(
    "text", ["版本号为1.2.3。", "服务器地址192.168.1.1。", "2020.13.40不是日期。", "2020年12月31日"]
)
def test_versions_addresses_and_chinese_dates_are_not_dates_to_rewrite(text: str) -> None:
    assert flagged(text, "format.date_separator") == []


def test_day_written_with_hao_after_a_month_becomes_ri() -> None:
    assert flagged("请于12月31号前报送。", "format.day_hao") == [("31号", "31日")]
    assert flagged("请到3号楼报到，编号5号。", "format.day_hao") == []


@pytest.mark.parametrize(
    "text", ["对这家宾馆的印象差差差。", "装系统超超超级麻烦。", "电源哧哧乱响。", "他笑嘻嘻地走了。"]
)
def test_tripled_characters_and_sound_words_are_not_flagged(text: str) -> None:
    assert flagged(text, "repeat.char") == []


@pytest.mark.parametrize(("text", "doubled"), [("小狼要要离开了。", "要要"), ("他通知我我明天去。", "我我")])
def test_a_doubled_character_in_everyday_writing_is_flagged(text: str, doubled: str) -> None:
    assert flagged(text, "repeat.char") == [(doubled, doubled[0])]


def test_men_after_a_personal_pronoun_is_the_plural_suffix() -> None:
    assert flagged("那次比赛我门输了。", "wording.men_plural") == [("门", "们")]
    assert flagged("他门口有一棵树，你门前的花开了。", "wording.men_plural") == []


def test_yingai_misspelt_yingai_is_flagged_but_not_across_yuanyin() -> None:
    assert flagged("我们都不因该放弃。", "wording.yinggai") == [("因该", "应该")]
    assert flagged("这个问题的原因该怎么找？", "wording.yinggai") == []


def test_yijing_misspelt_with_yi_is_flagged_but_not_yi_jingji() -> None:
    assert flagged("这件事情我以经告诉他了。", "wording.yijing") == [("以经", "已经")]
    assert flagged("坚持以经济建设为中心，以经验为主，以经有关部门批准的为准。", "wording.yijing") == []


def test_zuo_before_a_role_becomes_zuo_do_but_not_zuowei() -> None:
    assert flagged("我想作一名老师。", "wording.zuo_role") == [("作", "做")]
    assert flagged("作为一名老师，我很骄傲。", "wording.zuo_role") == []


def test_wearing_is_dai_and_carrying_is_dai_by_the_object() -> None:
    assert flagged("出门请带好口罩。", "wording.dai_wear") == [("带", "戴")]
    assert flagged("我忘了戴护照。", "wording.dai_carry") == [("戴", "带")]
    assert flagged("他戴着帽子，带孩子去公园，头戴伞走路。", "wording.dai_wear") == []
    assert flagged("他戴着帽子，带孩子去公园，头戴伞走路。", "wording.dai_carry") == []


def test_riding_a_vehicle_is_zuo_sit_but_a_seat_stays() -> None:
    assert flagged("我每天座公共汽车去学校。", "wording.zuo_ride") == [("座", "坐")]
    assert flagged("这座火车站很大，专座车辆停在门口。", "wording.zuo_ride") == []


@pytest.mark.parametrize(
    "text", ["我很失望，应为他没有来。", "应为下雨，所以比赛取消了。", "我不喜欢逛街，应为太累了。"]
)
def test_yingwei_opening_a_clause_of_cause_is_yinwei(text: str) -> None:
    assert flagged(text, "wording.yinwei") == [("应为", "因为")]


@pytest.mark.parametrize(
    "text", ["各部门应为企业提供便利。", "审核时间应为三个工作日。", "负责人应为单位主要领导，所以要提前确定。"]
)
def test_yingwei_meaning_should_be_stays(text: str) -> None:
    assert flagged(text, "wording.yinwei") == []


def test_yi_hou_and_yi_qian_with_yi_already_become_yihou_yiqian() -> None:
    assert flagged("我毕业已后想当一名老师。", "wording.yihou") == [("已", "以")]
    assert flagged("晚饭已后，我们一家人去散步。", "wording.yihou") == [("已", "以")]
    assert flagged("他已前往北京，问题已后续跟进，他已后悔了。", "wording.yihou") == []


def test_chidao_and_zhidao_misspelt_with_dao_are_flagged_but_not_tongzhi_dao() -> None:
    assert flagged("他迟道了半个小时。", "wording.chidao") == [("迟道", "迟到")]
    assert flagged("你知到附近哪儿有银行吗？", "wording.zhidao") == [("知到", "知道")]
    assert flagged("通知到每一户，告知到每个人，感知到变化。", "wording.zhidao") == []


def test_cooking_is_zuo_do() -> None:
    assert flagged("姐姐教我怎么作菜，我学会了作饭。", "wording.zuo_cook") == [("作", "做"), ("作", "做")]
    assert flagged("作者作了报告，作为代表发言。", "wording.zuo_cook") == []


def test_arrived_written_dao_le_after_an_adverb_or_pronoun_is_dao_le() -> None:
    assert flagged("你向前走两百米就道了。", "wording.dao_arrive") == [("道", "到")]
    assert flagged("他写道了这件事，我们绕道了，他向我道了歉，知道了。", "wording.dao_arrive") == []


@pytest.mark.parametrize(
    "text", ["这件衣服你可以穿穿看。", "这双鞋你试试看。", "桌上放着一块硬硬的面包。", "她有一头黑黑长长的头发。"]
)
def test_a_doubled_verb_before_kan_and_a_doubled_adjective_before_de_are_reduplication(text: str) -> None:
    assert flagged(text, "repeat.char") == []


@pytest.mark.parametrize(
    ("text", "doubled"), [("我我看见了他。", "我我"), ("我我的书在哪里？", "我我"), ("我们都很饿饿了。", "饿饿")]
)
def test_a_doubled_pronoun_before_kan_or_de_and_a_doubled_verb_elsewhere_are_slips(text: str, doubled: str) -> None:
    assert flagged(text, "repeat.char") == [(doubled, doubled[0])]


@pytest.mark.parametrize("text", ["今天玩得很开心喔。", "别忘了带雨伞喔。"])
def test_an_interjection_stands_as_written(text: str) -> None:
    assert [f for f in check_text(text) if f.kind == "typo"] == []


@pytest.mark.parametrize("text", ["我迟到是应为下雨。", "我能这样都是应为我爸爸给我这种生活。"])
def test_yingwei_after_shi_giving_a_reason_is_yinwei(text: str) -> None:
    assert flagged(text, "wording.yinwei") == [("应为", "因为")]


def test_yingwei_after_shi_meaning_ought_stays() -> None:
    assert flagged("这是应为之事，这些规定是应当遵守的。", "wording.yinwei") == []


@pytest.mark.parametrize("text", ["你好阿！", "阿，对了！我差点忘了。", "你是学生阿？", "学费阿，零用钱啊，都要花钱。"])
def test_a_standing_alone_before_a_pause_is_the_particle_a(text: str) -> None:
    assert flagged(text, "wording.a_particle") == [("阿", "啊")]


@pytest.mark.parametrize(
    "text", ["中阿两国关系稳步发展。", "欧盟代表团赴阿，条件是停火。", "阿姨，您好！", "他叫阿明，是阿Q的读者。"]
)
def test_a_in_names_and_as_a_country_stays(text: str) -> None:
    assert flagged(text, "wording.a_particle") == []


def test_xiaoshihou_without_a_count_of_hours_is_childhood() -> None:
    assert flagged("我小时后住在乡下。", "wording.xiaoshihou") == [("小时后", "小时候")]


def test_hours_later_with_a_count_stays() -> None:
    text = "两个小时后我们到了，半小时后会议开始，24小时后结果公布，数小时后大火被扑灭。"
    assert flagged(text, "wording.xiaoshihou") == []


def flagged_by(text: str, *rules: str) -> list[tuple[str, str | None]]:
    return [hit for rule in rules for hit in flagged(text, rule)]


def lm_flags(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in check_text(text) if f.kind in ("typo", "wording", "repeat")]


@pytest.mark.parametrize(
    "text",
    ["他座捷运到学校。", "我从台湾座飞机到美国。", "我座了差不多十个小时的飞机才到美国。", "他要座７１６号的公车。"],
)
def test_riding_written_zuo_seat_before_a_vehicle_with_or_without_its_details_is_zuo_sit(text: str) -> None:
    assert flagged(text, "wording.zuo_ride") == [("座", "坐")]


def test_a_measure_word_or_a_seat_before_a_vehicle_stays() -> None:
    assert flagged("这座火车站很大，一座飞机场，硬座车和软座车，座车可以停。", "wording.zuo_ride") == []
    assert lm_flags("这座公交车站是去年建成的，每座车站都有无障碍设施。") == []


@pytest.mark.parametrize("text", ["他进教室座在椅子上。", "你是客人，请你座著休息。", "座下看菜单的时候，我很饿。"])
def test_sitting_written_zuo_seat_is_zuo_sit(text: str) -> None:
    assert flagged(text, "wording.zuo_seat") == [("座", "坐")]


def test_zuo_seat_in_seat_words_and_as_a_measure_word_stays() -> None:
    assert flagged("讲座在礼堂举行，宝座在殿上，一座在建的大桥，著名学者。", "wording.zuo_seat") == []
    assert lm_flags("这场讲座在市图书馆举行，后座在改装中。") == []


@pytest.mark.parametrize(
    "text", ["我们要做摩托车去餐厅。", "我做了飞机到台北。", "他们做二九七的公车去。", "你很快就会学会做捷运。"]
)
def test_riding_written_zuo_do_is_zuo_sit(text: str) -> None:
    assert flagged_by(text, "wording.zuo_ride_service", "wording.zuo_ride_trip") == [("做", "坐")]


def test_making_a_vehicle_or_working_as_a_driver_stays_zuo_do() -> None:
    text = "他喜欢做飞机模型，工厂做汽车零件，他做出租车司机，我们做汽车，这叫做火车头。"
    assert flagged_by(text, "wording.zuo_ride_service", "wording.zuo_ride_trip") == []
    assert lm_flags("该厂做汽车配件起家，如今做公交车车身。") == []


def test_homework_is_zuo_do() -> None:
    assert flagged("他们不喜欢作功课。", "wording.zuo_cook") == [("作", "做")]


@pytest.mark.parametrize("text", ["准备吃晚餐或著去补习。", "如果台风或著地震，粮食会不够。"])
def test_huozhe_written_with_zhu_is_huozhe(text: str) -> None:
    assert flagged(text, "wording.huozhe") == [("著", "者")]


def test_huo_before_a_zhu_word_stays() -> None:
    assert flagged("论文或著作，或著名学者，或著急或高兴。", "wording.huozhe") == []
    assert lm_flags("参评成果为专著或著作类成果。") == []


@pytest.mark.parametrize(
    "text", ["价钱不贵。在加上夜市有很多好吃的。", "而且在加上网路的功能。", "如果在这样下去，大家都会有困难。"]
)
def test_zai_before_jiashang_or_zheyang_xiaqu_is_zai_again(text: str) -> None:
    assert flagged(text, "wording.zai_jiashang") == [("在", "再")]


def test_xianzai_and_zhengzai_before_jiashang_stay() -> None:
    assert flagged("现在加上运费一共五十元，正在加上标签。", "wording.zai_jiashang") == []
    assert lm_flags("现在这样下去不行，必须加快改革。") == []


def test_other_again_frames_of_zai() -> None:
    assert flagged("从明天开始我在也不是作业员了。", "wording.zai_yebu") == [("在", "再")]
    assert flagged("专家担心在过几十年，劳动人口会越来越少。", "wording.zai_guo_time") == [("在", "再")]
    assert flagged("在说，我觉得这里很好玩。", "wording.zai_start") == [("在", "再")]
    text = "他们在也门，在过去几年，他在说，在来的路上。"
    assert flagged_by(text, "wording.zai_yebu", "wording.zai_guo_time", "wording.zai_start") == []
    assert lm_flags("在过去的五年里，全市经济保持平稳增长。") == []


def test_zai_written_as_again_before_a_place_or_a_time_span_is_zai() -> None:
    assert flagged("我们终于会再一起。", "wording.zai_yiqi") == [("再", "在")]
    assert flagged("如果再２个月内没办法解决，我们就报警。", "wording.zai_within") == [("再", "在")]
    assert flagged("他们要他自己要再家温习。", "wording.zai_home") == [("再", "在")]
    text = "我们再一起去吃饭，下次有机会再一起吧，再过两个月，他不再家访了。"
    assert flagged_by(text, "wording.zai_yiqi", "wording.zai_within", "wording.zai_home") == []
    assert lm_flags("双方商定在一个月内完成谈判，并再一次重申了立场。") == []
