"""Leaders' names, titles and order of precedence, with the unit's officials given through the lexicon."""

from __future__ import annotations

from datetime import date

from checks import check_text
from checks.findings import Lexicon
from checks.inspection import FormerTitle, Official, find_official_errors

LEXICON = Lexicon(
    officials=(
        Official("赵明华", ("党组书记", "局长"), 1),
        Official("王建国", ("党组成员", "副局长"), 2, (FormerTitle("四级调研员", date(2025, 6, 30)),)),
        Official("杨丽萍", ("副局长",), 3),
    )
)
TODAY = date(2026, 11, 25)


def errors(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.text, f.suggestion) for f in find_official_errors(text, LEXICON, TODAY)]


def test_a_name_with_a_sound_alike_or_look_alike_character_is_flagged():
    assert errors("副局长王健国主持会议。") == [("inspection.leader.name", "王健国", "王建国")]
    assert errors("党组书记、局长赵明桦出席。") == [("inspection.leader.name", "赵明桦", "赵明华")]


def test_a_title_the_person_does_not_hold_is_flagged_with_the_current_one():
    (finding,) = find_official_errors("局长杨丽萍出席会议。", LEXICON, TODAY)
    assert (finding.rule, finding.text, finding.suggestion, finding.severity) == (
        "inspection.leader.title",
        "局长",
        "副局长",
        "error",
    )
    assert "现任副局长" in finding.message


def test_the_right_titles_are_not_flagged():
    text = "党组书记、局长赵明华，党组成员、副局长王建国，副局长杨丽萍出席会议。赵明华同志强调，王建国副局长作部署。"
    assert errors(text) == []


def test_a_former_title_is_allowed_before_the_change_and_flagged_after():
    assert errors("2025年3月1日，四级调研员王建国带队检查。") == []
    (finding,) = find_official_errors("2026年3月1日，四级调研员王建国带队检查。", LEXICON, TODAY)
    assert (finding.rule, finding.text) == ("inspection.leader.former_title", "四级调研员")
    assert "2025年6月30日" in finding.message and "党组成员、副局长" in finding.message


def test_leaders_listed_out_of_order_are_flagged_once_with_the_right_order():
    text = "副局长杨丽萍、党组书记、局长赵明华、副局长王建国出席。"
    (finding,) = find_official_errors(text, LEXICON, TODAY)
    assert finding.rule == "inspection.leader.order"
    assert (finding.start, finding.end) == (text.index("杨丽萍"), text.index("王建国") + 3)
    assert finding.message.endswith("赵明华、王建国、杨丽萍")
    assert errors("赵明华、王建国、杨丽萍出席。") == []
    assert errors("杨丽萍主持会议。会上，赵明华作了讲话。") == []


def test_ordinary_words_that_resemble_a_two_character_name_are_not_flagged():
    lexicon = Lexicon(officials=(Official("李强", ("局长",), 1),))
    assert find_official_errors("要加强管理，理强化监督。", lexicon, TODAY) == []


def test_check_text_carries_the_leader_findings():
    rules = {f.rule for f in check_text("局长杨丽萍主持会议，副局长王健国出席。", LEXICON)}
    assert {"inspection.leader.title", "inspection.leader.name"} <= rules
