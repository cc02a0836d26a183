"""The four-signature review through the JSON API, with the check run in-process as the worker would."""

from __future__ import annotations

import pytest

from reviewflow.models import Draft, Signature, Status
from tests.factories import (
    ONE_CLEAN_ROUND,
    api_stage,
    audit_kinds,
    client_for,
    draft_data,
    make_draft,
    run_pending_check,
    sign_as,
    stage,
    submit_and_check,
)
from workflow.tasks import run_check

pytestmark = pytest.mark.django_db


def test_happy_path_publishes_with_four_signatures_on_one_hash(org):
    drafter = client_for(org["drafter"])
    created = drafter.post("/api/v1/drafts/", draft_data(), format="json")
    assert created.status_code == 201, created.json()
    draft_id = created.json()["id"]

    submitted = drafter.post(f"/api/v1/drafts/{draft_id}/submit/")
    assert submitted.status_code == 202
    assert submitted.json()["status"] == "checking"
    run_check(Draft.objects.get(pk=draft_id).pending_check_id)

    body = drafter.get(f"/api/v1/drafts/{draft_id}/").json()
    assert api_stage(body) == "signing:section_head"
    assert body["check"]["status"] == "done"
    assert [s["step"] for s in body["signatures"]] == ["drafter"]

    for step, next_stage in (("section_head", "signing:deputy"), ("deputy", "signing:head"), ("head", "published")):
        inbox = client_for(org[step]).get("/api/v1/inbox/").json()["results"]
        assert [d["id"] for d in inbox] == [draft_id]
        answer = client_for(org[step]).post(
            f"/api/v1/drafts/{draft_id}/sign/", {"version": 1, "comment": "同意"}, format="json"
        )
        assert answer.status_code == 200, answer.json()
        assert api_stage(answer.json()) == next_stage

    published = client_for(None).get("/api/v1/published/").json()["results"]
    assert [p["id"] for p in published] == [draft_id]
    item = published[0]
    assert [s["step"] for s in item["signatures"]] == ["drafter", "section_head", "deputy", "head"]
    assert {s["content_hash"] for s in item["signatures"]} == {item["content_hash"]}
    # Signers by display name and role: the public never sees login names.
    assert [s["name"] for s in item["signatures"]] == ["张拟稿", "李股长", "王分管", "赵局长"]
    assert "user" not in item["signatures"][0]
    assert audit_kinds(draft_id) == ONE_CLEAN_ROUND
    audit = drafter.get(f"/api/v1/drafts/{draft_id}/audit/").json()["results"]
    assert [e["event"] for e in audit] == audit_kinds(draft_id)


@pytest.mark.parametrize("returner", ["section_head", "deputy", "head"])
def test_return_at_each_level_hands_the_draft_back_with_the_reason(org, returner):
    draft = submit_and_check(make_draft(org["drafter"]))
    for step in ("section_head", "deputy", "head"):
        if step == returner:
            break
        draft = sign_as(org[step], draft)
    answer = client_for(org[returner]).post(
        f"/api/v1/drafts/{draft.pk}/return/", {"version": draft.version, "reason": "数据需核实"}, format="json"
    )
    assert answer.status_code == 200, answer.json()
    body = answer.json()
    assert body["status"] == "returned"
    assert body["return_reason"] == "数据需核实"
    assert body["returned_by"] == returner
    assert client_for(org[returner]).get("/api/v1/inbox/").json()["results"] == []
    assert audit_kinds(draft.pk)[-1] == "review.returned"


def test_return_without_reason_is_refused_and_changes_nothing(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    answer = client_for(org["section_head"]).post(
        f"/api/v1/drafts/{draft.pk}/return/", {"version": 1, "reason": "  "}, format="json"
    )
    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid"
    assert stage(Draft.objects.get(pk=draft.pk)) == "signing:section_head"


def test_edit_voids_every_signature_and_the_chain_restarts_from_the_top(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    draft = sign_as(org["section_head"], draft)
    client_for(org["deputy"]).post(
        f"/api/v1/drafts/{draft.pk}/return/", {"version": 1, "reason": "补充时间"}, format="json"
    )
    old_hash = draft.content_hash
    edited = client_for(org["drafter"]).patch(
        f"/api/v1/drafts/{draft.pk}/", {"body": draft.body + "会议于2026年11月20日召开。"}, format="json"
    )
    assert edited.status_code == 200, edited.json()
    assert edited.json()["version"] == 2
    assert edited.json()["content_hash"] != old_hash
    assert edited.json()["signatures"] == []
    assert Signature.objects.filter(draft=draft, voided_at__isnull=False).count() == 2

    draft = submit_and_check(Draft.objects.get(pk=draft.pk))
    assert stage(draft) == "signing:section_head"
    signatures = client_for(org["drafter"]).get(f"/api/v1/drafts/{draft.pk}/").json()["signatures"]
    assert [(s["step"], s["content_hash"]) for s in signatures] == [("drafter", draft.content_hash)]
    assert "signatures.voided" in audit_kinds(draft.pk)


def test_sign_with_a_stale_version_is_a_conflict(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    answer = client_for(org["section_head"]).post(f"/api/v1/drafts/{draft.pk}/sign/", {"version": 7}, format="json")
    assert answer.status_code == 409
    assert answer.json()["error"] == "stale_version"
    assert "7" in answer.json()["message"]


def test_signing_a_step_that_already_moved_on_is_a_conflict(org):
    draft = sign_as(org["section_head"], submit_and_check(make_draft(org["drafter"])))
    answer = client_for(org["section_head"]).post(f"/api/v1/drafts/{draft.pk}/sign/", {"version": 1}, format="json")
    assert answer.status_code == 409
    assert answer.json()["error"] == "wrong_status"


def test_typo_sends_the_draft_to_revision_and_a_dismissal_lets_it_through(org):
    draft = submit_and_check(make_draft(org["drafter"], body="区政务服务管理局研究布署下一阶段工作。"))
    assert draft.status == Status.NEEDS_REVISION
    body = client_for(org["drafter"]).get(f"/api/v1/drafts/{draft.pk}/").json()
    finding = next(f for f in body["check"]["findings"] if f["text"] == "布署")
    assert finding["suggestion"] == "部署"
    assert body["body"][finding["start"] : finding["end"]] == "布署"

    drafter = client_for(org["drafter"])
    refused = drafter.post(
        f"/api/v1/drafts/{draft.pk}/findings/{finding['id']}/dismiss/", {"reason": ""}, format="json"
    )
    assert refused.status_code == 400
    for f in body["check"]["findings"]:
        if f["severity"] in ("error", "warning"):
            ok = drafter.post(
                f"/api/v1/drafts/{draft.pk}/findings/{f['id']}/dismiss/",
                {"reason": "引用原文，保持原样"},
                format="json",
            )
            assert ok.status_code == 200
    draft = submit_and_check(Draft.objects.get(pk=draft.pk))
    assert stage(draft) == "signing:section_head"
    seen_by_signer = client_for(org["section_head"]).get(f"/api/v1/drafts/{draft.pk}/").json()
    dismissed = next(f for f in seen_by_signer["check"]["findings"] if f["id"] == finding["id"])
    assert dismissed["dismissed"] is True
    assert dismissed["dismiss_reason"] == "引用原文，保持原样"


def test_applying_a_suggestion_makes_a_new_version_with_the_fix(org):
    draft = submit_and_check(make_draft(org["drafter"], body="区政务服务管理局研究布署下一阶段工作。"))
    body = client_for(org["drafter"]).get(f"/api/v1/drafts/{draft.pk}/").json()
    finding = next(f for f in body["check"]["findings"] if f["text"] == "布署")
    applied = client_for(org["drafter"]).post(f"/api/v1/drafts/{draft.pk}/findings/{finding['id']}/apply/")
    assert applied.status_code == 200, applied.json()
    assert applied.json()["version"] == 2
    assert "研究部署下一阶段" in applied.json()["body"]


def test_check_task_run_twice_for_one_version_stores_one_result(org):
    draft = make_draft(org["drafter"], body="区政务服务管理局研究布署下一阶段工作。")
    from reviewflow import services

    run = services.submit(draft_id=draft.pk, user=org["drafter"])
    run_check(run.pk)
    findings_after_first = run.findings.count()
    run_check(run.pk)
    run.refresh_from_db()
    assert run.status == "done"
    assert run.findings.count() == findings_after_first > 0
    assert audit_kinds(draft.pk).count("check.completed") == 1
    assert audit_kinds(draft.pk).count("check.needs_revision") == 1


def test_key_manuscript_needs_proofread_confirmation_and_a_final_check(org):
    draft = submit_and_check(make_draft(org["drafter"], key=True))
    section_head = client_for(org["section_head"])
    refused = section_head.post(f"/api/v1/drafts/{draft.pk}/sign/", {"version": 1}, format="json")
    assert refused.status_code == 400
    assert "逐字核校" in refused.json()["message"]
    assert stage(Draft.objects.get(pk=draft.pk)) == "signing:section_head"

    draft = sign_as(org["section_head"], draft, proofread=True)
    draft = sign_as(org["deputy"], draft, proofread=True)
    assert draft.status == Status.CHECKING
    assert client_for(org["head"]).get("/api/v1/inbox/").json()["results"] == []
    draft = run_pending_check(draft)
    assert stage(draft) == "signing:head"
    draft = sign_as(org["head"], draft, proofread=True)
    assert draft.status == Status.PUBLISHED
    assert all(s.proofread for s in Signature.objects.filter(draft=draft, step__in=["section_head", "deputy", "head"]))
    assert audit_kinds(draft.pk)[-6:] == [
        "review.signed",
        "check.final_requested",
        "check.completed",
        "check.final_passed",
        "review.signed",
        "draft.published",
    ]


def test_withdraw_needs_the_head_or_an_admin_and_a_reason(org):
    from tests.factories import fully_signed

    draft = fully_signed(org)
    assert (
        client_for(org["drafter"])
        .post(f"/api/v1/drafts/{draft.pk}/withdraw/", {"reason": "x"}, format="json")
        .status_code
        == 403
    )
    assert (
        client_for(org["head"]).post(f"/api/v1/drafts/{draft.pk}/withdraw/", {"reason": ""}, format="json").status_code
        == 400
    )
    answer = client_for(org["admin"]).post(
        f"/api/v1/drafts/{draft.pk}/withdraw/", {"reason": "信息已过时"}, format="json"
    )
    assert answer.status_code == 200
    assert answer.json()["status"] == "withdrawn"
    assert client_for(None).get("/api/v1/published/").json()["results"] == []
