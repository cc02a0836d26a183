"""check_text: one sorted, deduplicated list over all layers, right offsets, safe across threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import checks
from checks import Finding, Lexicon, check_text

# The source plan lies in shared/ beside the repository (as in CI); a clone without it skips those tests.
SEED_PLAN = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_c84b988906710c64.txt"
needs_seed = pytest.mark.skipif(not SEED_PLAN.exists(), reason="shared/seed is not beside this clone")
FORMAL = (
    "（一）深入推进疫情防控工作政府信息公开。坚持做好疫情防控常态化下疫情信息发布工作，依法做到及时、准确、透明，"
    "让公众实时了解最新疫情动态和应对处置工作进展。认真贯彻落实《中华人民共和国政府信息公开条例》有关要求，"
    "严格履行政府信息依申请公开职责，建立健全政府信息依申请公开工作制度。"
)


def spans(findings: list[Finding]) -> list[tuple[int, int, str, str | None]]:
    return [(f.start, f.end, f.text, f.suggestion) for f in findings]


def test_findings_are_sorted_and_unique() -> None:
    findings = check_text("认真贯切落实，做好布署工作的的要求,截止2023年6月底。")
    keys = [(f.start, f.end, f.rule) for f in findings]
    assert keys == sorted(set(keys)) and len(keys) >= 5


def test_formal_paragraph_has_no_error_level_finding() -> None:
    assert [f for f in check_text(FORMAL) if f.severity == "error"] == []


@needs_seed
def test_seed_plan_has_no_error_level_finding() -> None:
    assert [f for f in check_text(SEED_PLAN.read_text(encoding="utf-8")) if f.severity == "error"] == []


@pytest.mark.parametrize("prefix", ["😀👍🏽", "ＡＢＣ１２３，", "第一段。\n\n第二段\r\n", "\u3000\u3000"])
def test_offsets_point_at_the_flagged_text_after_emoji_full_width_and_line_breaks(prefix: str) -> None:
    text = prefix + "做好布署工作。"
    [finding] = [f for f in check_text(text) if f.rule == "wording.confusion"]
    assert (finding.start, finding.end) == (len(prefix) + 2, len(prefix) + 4)
    assert text[finding.start : finding.end] == finding.text == "布署"


def test_every_finding_text_matches_its_offsets() -> None:
    text = "😀认真贯切落实，\n做好布署工作的的要求,截止2023年6月底。二0二三年"
    for finding in check_text(text):
        assert text[finding.start : finding.end] == finding.text


def test_empty_and_blank_input_yield_nothing() -> None:
    assert check_text("") == [] and check_text(" \n\t") == []


def test_very_long_input_is_checked_whole() -> None:
    text = (FORMAL * 1500)[:200_000] + "做好布署工作"
    findings = check_text(text)
    assert spans([f for f in findings if f.rule == "wording.confusion"])[-1] == (200_002, 200_004, "布署", "部署")


def test_lexicon_allow_suppresses_findings_on_the_term() -> None:
    text = "各股室配合做好布署工作"
    allowed = check_text(text, Lexicon(allow=frozenset({"布署工作"})))
    assert not [f for f in allowed if f.start < 11 and f.end > 7]
    assert [f for f in check_text(text) if f.text == "布署"]


def test_lexicon_confusions_are_wording_errors() -> None:
    [finding] = check_text("请联系市信访办", Lexicon(confusions=(("信访办", "信访局"),)))
    assert (finding.kind, finding.severity, finding.suggestion, finding.text) == (
        "wording",
        "error",
        "信访局",
        "信访办",
    )


def test_lexicon_sensitive_formulations_are_flagged_with_preferred_wording_and_note() -> None:
    lexicon = Lexicon(sensitive=(("城管执法局", "综合行政执法局", "2019年机构改革后更名"),))
    [finding] = check_text("区城管执法局牵头", lexicon)
    assert (finding.start, finding.end, finding.kind, finding.suggestion) == (1, 6, "sensitive", "综合行政执法局")
    assert "2019年机构改革后更名" in finding.message


@needs_seed
def test_results_are_identical_across_threads() -> None:
    texts = [SEED_PLAN.read_text(encoding="utf-8"), FORMAL, "认真贯切落实，做好布署工作的的要求"] * 4
    expected = [check_text(t) for t in texts]
    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(check_text, texts)) == expected


def test_warm_up_loads_every_resource() -> None:
    checks.warm_up()
    assert checks.resources_ready()


def test_finding_is_immutable() -> None:
    [finding] = [f for f in check_text("做好布署工作") if f.rule == "wording.confusion"]
    with pytest.raises(AttributeError):
        finding.start = 0  # type: ignore[misc]


def test_a_typo_inside_a_corrected_wording_is_reported_once() -> None:
    findings = check_text("区政务服务管理局研究布署下一阶段工作。")
    assert [(f.text, f.suggestion) for f in findings if f.start <= 10 < f.end] == [("布署", "部署")]


def test_the_usage_rules_read_the_clause_with_its_typos_corrected() -> None:
    """次欢 misleads the tagger; with 喜欢 restored, 地 before the noun 课 is the particle 的."""
    from checks.rules.particles import find_particle_misuse

    assert find_particle_misuse("我最次欢地课是音乐课。") == []
    findings = check_text("我最次欢地课是音乐课。")
    assert [(f.rule, f.text, f.suggestion) for f in findings] == [
        ("typo.word", "次", "喜"),
        ("particle.noun_de", "地", "的"),
    ]
    assert findings[1].message == "“地”应为“的”（的地得误用）"
