"""The unit's officials and normative-list changes reach the checker; links are checked with a one-day cache."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from checks.inspection import base_version, find_inspection_errors
from reviewflow.links import link_findings
from reviewflow.models import AllowedLinkHost, LinkCheck, NormativeOverride, Official, OfficialTitle, Unit
from reviewflow.selectors import lexicon_for
from tests.factories import demo_org, make_draft
from tests.linkserver import link_server

pytestmark = pytest.mark.django_db


def rules(text: str, unit: Unit) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in find_inspection_errors(text, lexicon_for(unit), today=date(2026, 11, 25))]


def test_the_demo_officials_reach_the_checker_with_their_titles_and_order():
    demo_org()
    demo_org()
    assert (Official.objects.count(), OfficialTitle.objects.count()) == (3, 6)
    unit = Unit.objects.get()
    lexicon = lexicon_for(unit)
    assert [(o.name, o.titles, o.precedence) for o in lexicon.officials] == [
        ("赵明华", ("党组书记", "局长"), 1),
        ("王建国", ("党组成员", "副局长"), 2),
        ("杨丽萍", ("副局长",), 3),
    ]
    assert rules("党组书记、局长赵明华，党组成员、副局长王建国出席。", unit) == []
    assert rules("局长王建国、副局长杨莉萍出席。", unit) == [
        ("inspection.leader.name", "杨莉萍"),
        ("inspection.leader.title", "局长"),
    ]


def test_a_title_that_ended_is_flagged_after_its_end_date():
    org = demo_org()
    official = Official.objects.get(name="杨丽萍")
    assert official.user is None and Official.objects.get(name="赵明华").user == org["head"]
    OfficialTitle.objects.create(official=official, title="办公室主任", ended_on=date(2026, 1, 31))
    unit = Unit.objects.get()
    assert rules("2025年12月1日，办公室主任杨丽萍主持会议。", unit) == []
    after = rules("2026年11月20日，办公室主任杨丽萍主持会议。", unit)
    assert after == [("inspection.leader.former_title", "办公室主任")]


def test_a_unit_switches_a_base_entry_off_with_a_reason_and_adds_its_own():
    org = demo_org()
    unit = Unit.objects.get()
    text = "县卫生局与隆阳区政务局联合发文。"
    assert rules(text, unit) == [("inspection.normative.institution", "卫生局")]
    NormativeOverride.objects.create(
        unit=unit, action="off", wrong="卫生局", reason="本地卫生局名称仍在使用", created_by=org["admin"]
    )
    NormativeOverride.objects.create(
        unit=unit, action="add", wrong="隆阳区政务局", preferred="隆阳区政务服务管理局", severity="error", reason="简称"
    )
    assert rules(text, unit) == [("inspection.normative.unit", "隆阳区政务局")]


def test_only_a_base_entry_can_be_switched_off_and_an_addition_needs_a_preferred_form():
    demo_org()
    unit = Unit.objects.get()
    with pytest.raises(ValidationError):
        NormativeOverride(unit=unit, action="off", wrong="不在词表里", reason="r").full_clean()
    with pytest.raises(ValidationError):
        NormativeOverride(unit=unit, action="add", wrong="某词", reason="r").full_clean()


def test_links_are_checked_once_a_day_and_loopback_needs_the_unit_allow_list():
    org = demo_org()
    unit = Unit.objects.get()
    with link_server() as server:
        missing = server.url("/missing")
        draft = make_draft(org["drafter"], body=f"通知原文见{missing}。")
        version = draft.versions.get()
        (field, refused) = link_findings(version)[0]
        assert (field, refused.rule, server.hits["/missing"]) == ("body", "inspection.link.refused", 0)

        AllowedLinkHost.objects.create(unit=unit, host="LocalHost", reason="测试服务器")
        assert [(f.rule, f.text) for _, f in link_findings(version)] == [("inspection.link.client_error", missing)]
        assert server.hits["/missing"] == 1
        assert [f.rule for _, f in link_findings(version)] == ["inspection.link.client_error"]
        assert server.hits["/missing"] == 1  # within a day: the stored result, not a second request

        LinkCheck.objects.filter(url=missing).update(checked_at=timezone.now() - timedelta(days=1, minutes=1))
        assert [f.rule for _, f in link_findings(version)] == ["inspection.link.client_error"]
        assert server.hits["/missing"] == 2
        assert LinkCheck.objects.get(url=missing).status == 404


def test_admin_shows_the_active_base_version_and_records_who_switched_an_entry_off(client):
    org = demo_org()
    client.force_login(org["admin"])
    page = client.get("/admin/reviewflow/normativeoverride/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert f"当前基础词表：{base_version()} 版" in page.content.decode()
    response = client.post(
        "/admin/reviewflow/normativeoverride/add/",
        {"unit": Unit.objects.get().pk, "action": "off", "wrong": "卫生局", "severity": "info", "reason": "仍在使用"},
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    override = NormativeOverride.objects.get()
    assert (override.created_by, override.base_version, override.reason) == (org["admin"], base_version(), "仍在使用")
    refused = client.post(
        "/admin/reviewflow/normativeoverride/add/",
        {"unit": Unit.objects.get().pk, "action": "off", "wrong": "不在词表", "severity": "warning", "reason": "r"},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert "基础词表中没有这个表述。" in refused.content.decode()
