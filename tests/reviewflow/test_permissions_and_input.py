"""Who may do what, server side, and what bad input gets back: a clear error and nothing changed."""

from __future__ import annotations

import pytest
from django.test import Client

from reviewflow.models import AuditEvent, Draft, Section, Signature, Status
from tests.factories import client_for, draft_data, make_draft, sign_as, stage, submit_and_check

pytestmark = pytest.mark.django_db

USERS = ["drafter", "section_head", "deputy", "head", "drafter2", "section_head2"]


def snapshot(draft_id: int) -> tuple:
    draft = Draft.objects.get(pk=draft_id)
    return (
        draft.status,
        draft.version,
        draft.content_hash,
        Signature.objects.filter(draft_id=draft_id).count(),
        AuditEvent.objects.filter(draft_id=draft_id).count(),
    )


# (status the draft is brought to, action, the one user allowed)
MATRIX = [
    ("signing:section_head", "sign", "section_head"),
    ("signing:section_head", "return", "section_head"),
    ("signing:deputy", "sign", "deputy"),
    ("signing:deputy", "return", "deputy"),
    ("signing:head", "sign", "head"),
    ("signing:head", "return", "head"),
    ("draft", "submit", "drafter"),
    ("draft", "edit", "drafter"),
]


def bring_to(org, status: str) -> Draft:
    draft = make_draft(org["drafter"])
    if status == "draft":
        return draft
    draft = submit_and_check(draft)
    for step in ("section_head", "deputy"):
        if stage(draft) == status:
            break
        draft = sign_as(org[step], draft)
    assert stage(draft) == status
    return draft


def act(client, action: str, draft: Draft):
    url = f"/api/v1/drafts/{draft.pk}/"
    if action == "edit":
        return client.patch(url, {"title": "改过的标题"}, format="json")
    payload = {"version": draft.version, "reason": "不同意", "comment": "同意"}
    return client.post(f"{url}{action}/", payload, format="json")


SIGNED_ALREADY = {"signing:deputy": {"section_head"}, "signing:head": {"section_head", "deputy"}}


@pytest.mark.parametrize("status,action,allowed", MATRIX)
def test_only_the_holder_of_a_step_may_act_on_it(org, status, action, allowed):
    """Outsiders and later signers are refused (403/404); an earlier signer's late action is stale (409)."""
    draft = bring_to(org, status)
    for username in USERS + ["admin"]:
        if username == allowed:
            continue
        before = snapshot(draft.pk)
        answer = act(client_for(org[username]), action, draft)
        expected = (409,) if username in SIGNED_ALREADY.get(status, ()) and action in ("sign", "return") else (403, 404)
        assert answer.status_code in expected, (username, answer.status_code, answer.json())
        assert answer.json()["message"], username
        assert snapshot(draft.pk) == before, username
    assert act(client_for(org[allowed]), action, draft).status_code in (200, 202)


def test_anonymous_callers_get_401_on_everything_but_the_public_list(org):
    draft = make_draft(org["drafter"])
    anonymous = client_for(None)
    for url in (
        "/api/v1/drafts/",
        f"/api/v1/drafts/{draft.pk}/",
        "/api/v1/inbox/",
        f"/api/v1/drafts/{draft.pk}/audit/",
    ):
        answer = anonymous.get(url)
        assert answer.status_code == 401
        assert answer.json()["error"] == "unauthenticated"
    assert anonymous.get("/api/v1/published/").status_code == 200


def test_another_sections_draft_is_not_found(org):
    draft = make_draft(org["drafter"])
    answer = client_for(org["drafter2"]).get(f"/api/v1/drafts/{draft.pk}/")
    assert answer.status_code == 404
    assert answer.json()["error"] == "not_found"
    assert client_for(org["section_head2"]).get(f"/api/v1/drafts/{draft.pk}/audit/").status_code == 404


def test_token_login_then_token_auth_works_and_bad_passwords_are_refused(org):
    client = client_for(None)
    bad = client.post("/api/v1/auth/token/", {"username": "drafter", "password": "nope"}, format="json")
    assert bad.status_code == 400
    assert bad.json()["error"] == "invalid"
    token = client.post(
        "/api/v1/auth/token/", {"username": "drafter", "password": "reviewflow-demo"}, format="json"
    ).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.post("/api/v1/drafts/", draft_data(), format="json").status_code == 201
    assert client.get("/api/v1/drafts/?mine=1").json()["results"][0]["drafter"] == "drafter"


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"body": ""}, "body"),
        ({"title": "标题\x07响铃"}, "title"),
        ({"body": "正文\x00含空字符"}, "body"),
        ({"column": "nonsense"}, "column"),
        ({"kind": "repost"}, "source_name"),
        ({"kind": "repost", "source_name": "云南省人民政府网", "source_url": "javascript:alert(1)"}, "source_url"),
        ({"kind": "repost", "source_name": "云南省人民政府网", "source_url": "not a url"}, "source_url"),
        ({"key": "yes"}, "key"),
    ],
)
def test_bad_drafts_are_refused_with_the_field_named(org, overrides, field):
    answer = client_for(org["drafter"]).post("/api/v1/drafts/", draft_data(**overrides), format="json")
    assert answer.status_code == 400
    assert field in answer.json()["fields"]
    assert answer.json()["message"].startswith("请")
    assert Draft.objects.count() == 0


def test_a_valid_repost_keeps_its_source_for_every_signer(org):
    data = draft_data(kind="repost", source_name="云南省人民政府网", source_url="https://www.yn.gov.cn/a.html")
    created = client_for(org["drafter"]).post("/api/v1/drafts/", data, format="json").json()
    draft = submit_and_check(Draft.objects.get(pk=created["id"]))
    seen = client_for(org["section_head"]).get(f"/api/v1/drafts/{draft.pk}/").json()
    assert (seen["source_name"], seen["source_url"]) == ("云南省人民政府网", "https://www.yn.gov.cn/a.html")


def test_a_two_megabyte_body_is_refused_with_413(org):
    answer = client_for(org["drafter"]).post(
        "/api/v1/drafts/", draft_data(body="字" * (2 * 1024 * 1024 // 3 + 10)), format="json"
    )
    assert answer.status_code == 413
    assert answer.json()["error"] == "too_large"
    assert Draft.objects.count() == 0


def test_a_body_over_the_character_limit_is_refused_with_400(org, settings):
    answer = client_for(org["drafter"]).post(
        "/api/v1/drafts/", draft_data(body="字" * (settings.REVIEWFLOW_MAX_BODY_CHARS + 1)), format="json"
    )
    assert answer.status_code == 400
    assert "body" in answer.json()["fields"]


def test_malformed_json_is_a_clear_400(org):
    answer = client_for(org["drafter"]).post("/api/v1/drafts/", "{not json", content_type="application/json")
    assert answer.status_code == 400
    assert answer.json()["error"] == "malformed"


def test_english_speakers_get_english_messages(org):
    answer = client_for(org["drafter"]).post(
        "/api/v1/drafts/", draft_data(title=""), format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert answer.status_code == 400
    assert answer.json()["message"].startswith("Please correct")


def test_script_in_the_body_is_rendered_inert_on_every_page(org):
    from tests.factories import fully_signed

    draft = fully_signed(org, body="通知如下。<script>alert('x')</script>请遵照执行。")
    browser = Client()
    browser.force_login(org["section_head"])
    for page in (f"/drafts/{draft.pk}/", f"/public/{draft.pk}/"):
        html = browser.get(page).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert" in html


def test_submission_explains_an_incomplete_chain(org):
    Section.objects.filter(name="办公室").update(head=None)
    draft = make_draft(org["drafter2"])
    answer = client_for(org["drafter2"]).post(f"/api/v1/drafts/{draft.pk}/submit/")
    assert answer.status_code == 409
    assert answer.json()["error"] == "chain_incomplete"
    assert "办公室" in answer.json()["message"]
    assert Draft.objects.get(pk=draft.pk).status == Status.DRAFT


def test_submission_refuses_a_chain_where_one_person_holds_two_steps(org):
    Section.objects.filter(name="办公室").update(head=org["deputy"])
    draft = make_draft(org["drafter2"])
    answer = client_for(org["drafter2"]).post(f"/api/v1/drafts/{draft.pk}/submit/")
    assert answer.status_code == 409
    assert "四个不同的人" in answer.json()["message"]


def test_windows_line_ends_from_a_form_are_normalised_not_refused(org):
    answer = client_for(org["drafter"]).post(
        "/api/v1/drafts/", draft_data(body="第一段。\r\n第二段。\r第三段。"), format="json"
    )
    assert answer.status_code == 201, answer.json()
    assert answer.json()["body"] == "第一段。\n第二段。\n第三段。"


@pytest.mark.parametrize(
    "action,payload,field",
    [
        ("return", {"version": 1, "reason": 42}, "reason"),
        ("sign", {"version": 1, "comment": ["同意"]}, "comment"),
        ("sign", {"version": 1, "proofread": "yes"}, "proofread"),
    ],
)
def test_wrongly_typed_fields_are_named_and_change_nothing(org, action, payload, field):
    draft = submit_and_check(make_draft(org["drafter"]))
    before = snapshot(draft.pk)
    answer = client_for(org["section_head"]).post(f"/api/v1/drafts/{draft.pk}/{action}/", payload, format="json")
    assert answer.status_code == 400
    assert field in answer.json()["fields"]
    assert snapshot(draft.pk) == before
