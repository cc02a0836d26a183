"""The shipped list of normative expressions: found with the preferred form and offsets, never on clean text."""

from __future__ import annotations

import pytest

from checks import check_text
from checks.findings import Lexicon
from checks.inspection import NormativeEntry, base_list, dismissal_needs_confirmation, find_normative
from checks.inspection.normative import BadListLine, parse_list
from checks.rules.wording import confusion_table

CLEAN = (
    "会议强调，要坚持以习近平同志为核心的党中央的集中统一领导，以习近平新时代中国特色社会主义思想为指导，"
    "全面贯彻党的二十大精神，铸牢中华民族共同体意识，推动共建“一带一路”倡议走深走实。"
    "区市场监督管理局、自然资源局、生态环境局和农业农村局联合开展检查，农业部门要做好秋冬种部署。"
    "西双版纳傣族自治州、德宏傣族景颇族自治州的经验值得借鉴。“十五五”规划编制工作有序推进，"
    "深化“放管服”改革，坚持全面依法治国，践行全过程人民民主，贯彻总体国家安全观。"
    "香港特别行政区政府与内地加强合作，海峡两岸同胞心灵契合；伊斯兰国家的客商也来参加展会。"
)


def test_the_shipped_list_is_versioned_sourced_and_large_enough():
    listed = base_list.get()
    assert listed.version
    assert len(listed.entries) >= 100
    assert all(e.source in listed.sources and e.severity in ("error", "warning", "info") for e in listed.entries)
    assert len({e.wrong for e in listed.entries}) == len(listed.entries)


@pytest.mark.parametrize(
    ("sentence", "wrong", "preferred", "severity"),
    [
        ("要坚决维护以习近平为核心的党中央权威。", "以习近平为核心的党中央", "以习近平同志为核心的党中央", "error"),
        ("积极参与一带一路战略建设。", "一带一路战略", "“一带一路”倡议", "error"),
        ("请联系区国土资源局办理。", "国土资源局", "自然资源局", "warning"),
        ("他来自西双版纳自治州。", "西双版纳自治州", "西双版纳傣族自治州", "error"),
        ("积极推进两岸三地交流。", "两岸三地", "海峡两岸和香港", "error"),
        ("要筑牢中华民族共同体意识。", "筑牢中华民族共同体意识", "铸牢中华民族共同体意识", "error"),
        ("关心帮助残废人就业。", "残废人", "残疾人", "error"),
        ("编制十五五规划。", "十五五规划", "“十五五”规划", "warning"),
    ],
)
def test_a_listed_form_is_found_with_its_preferred_form_and_offsets(sentence, wrong, preferred, severity):
    (finding,) = find_normative(sentence)
    assert sentence[finding.start : finding.end] == wrong == finding.text
    assert (finding.suggestion, finding.severity) == (preferred, severity)
    assert finding.start == sentence.index(wrong)


def test_check_text_reports_a_listed_form_once_with_the_list_rule():
    text = "县环保局和县卫计局联合开展检查。"
    rules = [(f.text, f.suggestion, f.rule) for f in check_text(text) if f.rule.startswith("inspection.")]
    assert rules == [
        ("环保局", "生态环境局", "inspection.normative.institution"),
        ("卫计局", "卫生健康局", "inspection.normative.institution"),
    ]


def test_no_flag_on_clean_formal_text_with_the_preferred_forms():
    assert find_normative(CLEAN) == []


def test_a_form_inside_a_phrase_where_it_is_correct_is_not_flagged():
    assert find_normative("农业部门要加强文化部署，伊斯兰国家代表参会。") == []
    assert find_normative("东北朝鲜族群众载歌载舞，同学们下课后回教室自习。") == []
    assert [f.text for f in find_normative("农业部发布通知，伊斯兰国发动袭击。")] == ["农业部", "伊斯兰国"]


def test_a_unit_switches_a_base_entry_off_and_adds_its_own():
    lexicon = Lexicon(
        normative_off=frozenset({"卫生局"}),
        normative_added=(NormativeEntry("隆阳区政务局", "隆阳区政务服务管理局", "error", "unit", "unit"),),
    )
    text = "县卫生局与隆阳区政务局联合发文。"
    assert [f.text for f in find_normative(text)] == ["卫生局"]
    found = find_normative(text, lexicon)
    assert [(f.text, f.suggestion) for f in found] == [("隆阳区政务局", "隆阳区政务服务管理局")]


def test_a_list_without_a_version_line_or_with_an_undeclared_source_is_rejected():
    with pytest.raises(BadListLine):
        parse_list("# source a: A\nx\ty\terror\tsocial\ta\t\t\n")
    with pytest.raises(BadListLine):
        parse_list("# version: 1\nx\ty\terror\tsocial\tb\t\t\n")


def test_only_political_and_leader_findings_need_the_section_heads_confirmation_to_dismiss():
    kinds = {f.kind: f.severity for f in find_normative("台湾政府与县环保局。")}
    assert kinds == {"political": "error", "normative": "warning"}
    assert [dismissal_needs_confirmation(k, s) for k, s in kinds.items()] == [True, False]
    assert dismissal_needs_confirmation("leader", "warning")
    assert not dismissal_needs_confirmation("link", "error")
    assert not dismissal_needs_confirmation("political", "info")


def test_no_form_is_both_a_wording_confusion_and_a_normative_entry():
    """Each wrong form is reported by one list, never twice with two rules."""
    confusions, _ = confusion_table.get()
    assert {e.wrong for e in base_list.get().entries} & confusions.keys() == set()
