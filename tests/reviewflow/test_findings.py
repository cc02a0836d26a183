"""The drafter's side of the findings: apply one, several or all of a kind as one version, re-checked at once;
dismissals that carry to the next version; one notification per round; bounded findings."""

from __future__ import annotations

import pytest
from django.test import Client

from reviewflow import services
from reviewflow.errors import InvalidInput, NotFound
from reviewflow.models import AuditEvent, CheckRun, Draft, Notification
from tests.factories import client_for, make_draft, run_pending_check, stage, submit_and_check

pytestmark = pytest.mark.django_db

THREE_TYPOS = "区政务服务管理局研究布署下一阶段工作。\n既使任务繁重，也要按装好设备。"


def findings_of(draft: Draft):
    run = CheckRun.objects.filter(version__draft=draft).order_by("-pk").first()
    return list(run.findings.order_by("start"))


def test_applying_two_of_three_suggestions_makes_one_version_and_the_recheck_keeps_the_third(org):
    draft = submit_and_check(make_draft(org["drafter"], body=THREE_TYPOS))
    first, _second, third = findings_of(draft)
    services.apply_suggestions(draft_id=draft.pk, user=org["drafter"], finding_ids=[first.pk, third.pk])
    draft = Draft.objects.get(pk=draft.pk)
    assert (draft.version, draft.status) == (2, "checking")
    assert draft.body == "区政务服务管理局研究部署下一阶段工作。\n既使任务繁重，也要安装好设备。"
    draft = run_pending_check(draft)
    assert [f.text for f in findings_of(draft)] == ["既使"]
    assert AuditEvent.objects.filter(draft=draft, event="finding.applied").count() == 1


def test_fixing_all_of_one_kind_fixes_every_half_width_comma_and_nothing_else(org):
    body = "第一项,第二项,第三项,第四项。研究布署工作。"
    draft = submit_and_check(make_draft(org["drafter"], body=body))
    answer = client_for(org["drafter"]).post(
        f"/api/v1/drafts/{draft.pk}/findings/apply/", {"rule": "fake.comma"}, format="json"
    )
    assert answer.status_code == 200, answer.json()
    draft = run_pending_check(Draft.objects.get(pk=draft.pk))
    assert draft.body == "第一项，第二项，第三项，第四项。研究布署工作。"
    assert draft.version == 2
    assert [f.rule for f in findings_of(draft)] == ["fake.typo"]


def test_applying_a_finding_of_an_older_version_is_refused_and_nothing_changes(org):
    draft = submit_and_check(make_draft(org["drafter"], body=THREE_TYPOS))
    old = findings_of(draft)[0]
    services.apply_suggestions(draft_id=draft.pk, user=org["drafter"], finding_ids=[old.pk])
    run_pending_check(Draft.objects.get(pk=draft.pk))
    with pytest.raises(NotFound):
        services.apply_suggestions(draft_id=draft.pk, user=org["drafter"], finding_ids=[old.pk])
    with pytest.raises(InvalidInput):
        services.apply_suggestions(draft_id=draft.pk, user=org["drafter"], rule="no.such.rule")
    assert Draft.objects.get(pk=draft.pk).version == 2


def test_only_the_drafter_may_apply_suggestions(org):
    draft = submit_and_check(make_draft(org["drafter"], body=THREE_TYPOS))
    answer = client_for(org["section_head"]).post(
        f"/api/v1/drafts/{draft.pk}/findings/apply/", {"rule": "fake.typo"}, format="json"
    )
    assert answer.status_code in (403, 404)
    assert Draft.objects.get(pk=draft.pk).version == 1


def test_a_dismissal_carries_to_the_next_version_only_where_text_place_and_rule_match(org):
    body = "第一段研究布署工作。\n第二段研究布署工作。\n第三段。"
    draft = submit_and_check(make_draft(org["drafter"], body=body))
    first, second = findings_of(draft)
    for finding in (first, second):
        services.dismiss_finding(draft_id=draft.pk, user=org["drafter"], finding_id=finding.pk, reason="专有名称")
    # A line is inserted above both; the second line itself is edited.
    services.edit_draft(
        draft_id=draft.pk,
        user=org["drafter"],
        data={"body": "新增一段。\n第一段研究布署工作。\n第二段也研究布署工作。\n第三段。"},
    )
    draft = submit_and_check(Draft.objects.get(pk=draft.pk))
    findings = findings_of(draft)
    assert [(f.text, f.dismissed) for f in findings] == [("布署", True), ("布署", False)]
    assert findings[0].dismiss_reason == "专有名称"
    assert stage(draft) == "needs_revision"


def test_a_round_with_repeated_findings_notifies_the_drafter_once(org):
    draft = submit_and_check(make_draft(org["drafter"], body=THREE_TYPOS))
    draft = submit_and_check(Draft.objects.get(pk=draft.pk))
    notes = Notification.objects.filter(user=org["drafter"], draft=draft, message__contains="错别字检测")
    assert notes.count() == 1


def test_repeats_of_one_rule_are_bounded_and_counted_and_the_page_stays_small(org, settings):
    settings.REVIEWFLOW_MAX_FINDINGS_PER_RULE = 30
    body = "事项" + "甲,乙" * 400 + "。"
    draft = submit_and_check(make_draft(org["drafter"], body=body))
    run = CheckRun.objects.get(version__draft=draft)
    assert run.findings.count() == 30
    assert run.omitted == {"fake.comma": 370}
    client = Client()
    client.force_login(org["drafter"])
    page = client.get(f"/drafts/{draft.pk}/").content.decode()
    assert "400" in page.split('id="finding-summary"')[1].split("</table>")[0]
    assert page.count('class="finding ') == 20
    assert len(page) < 200_000
    check = client_for(org["drafter"]).get(f"/api/v1/drafts/{draft.pk}/").json()["check"]
    assert check["findings_total"] == 400 and check["summary"] == [
        {"rule": "fake.comma", "kind": "punctuation", "count": 400}
    ]
