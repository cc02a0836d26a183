"""Malformed input gets a 400 in the caller's language, never a 500; the CSV carries no formulas; the diff is bounded;
a refused request logs no traceback."""

from __future__ import annotations

import csv
import io
import json
import logging
import random

import pytest
from django.test import Client

from reviewflow.display.text import MAX_SHOWN, REPLACED, text_changes
from reviewflow.models import Draft
from reviewflow.views.audit import spreadsheet_safe
from tests.factories import client_for, demo_org, draft_data, make_draft, submit_and_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return demo_org()


@pytest.fixture
def open_draft(org) -> Draft:
    return submit_and_check(make_draft(org["drafter"]))


def raw_post(client, path: str, body: str | bytes, **headers):
    return client.post(path, data=body, content_type="application/json", **headers)


@pytest.mark.parametrize(
    "body,field",
    [
        (json.dumps({"version": 1, "comment": "同意\x00发布"}), "comment"),
        (json.dumps({"version": 1, "comment": "同意\ud800发布"}), "comment"),
        (json.dumps({"version": 10**30}), "version"),
        ('{"version": 1, "comment": "同意", "extra": [1e999]}', "extra"),
    ],
)
def test_bad_values_in_a_signature_are_a_400_naming_the_field(org, open_draft, body, field):
    answer = raw_post(client_for(org["section_head"]), f"/api/v1/drafts/{open_draft.pk}/sign/", body)
    assert answer.status_code == 400, answer.content
    assert answer.json()["error"] == "malformed"
    assert field in answer.json()["fields"]
    assert answer.json()["message"].startswith("请")
    assert not open_draft.signatures.filter(step="section_head").exists()


@pytest.mark.parametrize(
    "path",
    ["/api/v1/auth/token/", "/api/v1/drafts/", "/api/v1/drafts/{id}/sign/", "/api/v1/drafts/{id}/return/"],
)
@pytest.mark.parametrize(
    "body",
    ["[" * 5000 + "]" * 5000, '{"a":' * 5000 + "1" + "}" * 5000, "1" * 5000, '{"version": 1e999}', "NaN", b"\xff\xfe"],
)
def test_deep_nesting_huge_numbers_and_bad_bytes_are_a_400_everywhere(org, open_draft, path, body):
    answer = raw_post(client_for(org["section_head"]), path.format(id=open_draft.pk), body)
    assert answer.status_code == 400, answer.content
    assert answer.json()["error"] == "malformed"


def test_a_lone_surrogate_in_a_title_is_refused_and_nothing_is_stored(org):
    body = json.dumps(draft_data(title="标题\udcff"))  # json.dumps writes it as the escape \udcff
    answer = raw_post(client_for(org["drafter"]), "/api/v1/drafts/", body, HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 400
    assert answer.json() == {
        "error": "malformed",
        "message": "Please remove the control or NUL characters from the request.",
        "fields": {"title": "Must not contain control characters."},
    }
    assert not Draft.objects.exists()


@pytest.mark.parametrize("header", ["Token \x00" + "a" * 63, "Token abc\x01", "Token\x00", "Bearer \x00x"])
def test_a_nul_in_the_authorization_header_is_a_400(header):
    answer = Client().get("/api/v1/inbox/", HTTP_AUTHORIZATION=header)
    assert answer.status_code == 400
    assert answer.json()["error"] == "malformed"


@pytest.mark.parametrize("token", ["Token " + "z" * 64, "Token é", "Token " + "a" * 5000, "Token a b"])
def test_a_token_of_the_wrong_shape_is_a_401_without_a_query(django_assert_max_num_queries, token):
    with django_assert_max_num_queries(0):
        answer = Client().get("/api/v1/inbox/", HTTP_AUTHORIZATION=token)
    assert answer.status_code == 401
    assert answer.json()["error"] == "unauthenticated"


def test_a_bad_host_header_on_the_api_is_a_json_400():
    answer = Client().get("/api/v1/published/", HTTP_HOST="evil.example\x00")
    assert answer.status_code == 400
    assert answer.json()["error"] == "malformed"


def test_an_unknown_api_address_is_a_json_404():
    answer = Client().get("/api/v1/nothing-here/")
    assert answer.status_code == 404
    assert answer.json()["error"] == "not_found"


@pytest.mark.parametrize("field", ["comment", "reason"])
def test_a_nul_in_a_page_form_is_a_400_page_not_a_500(org, open_draft, field):
    browser = Client()
    browser.force_login(org["section_head"])
    path = f"/drafts/{open_draft.pk}/{'sign' if field == 'comment' else 'return'}/"
    answer = browser.post(path, {"version": "1", field: "好\x00"})
    assert answer.status_code == 400
    assert "请删除请求中的控制字符或空字符" in answer.content.decode()
    assert not open_draft.signatures.filter(step="section_head").exists()


def test_a_broken_multipart_body_is_a_400(org, open_draft):
    browser = Client()
    browser.force_login(org["section_head"])
    answer = browser.post(
        f"/drafts/{open_draft.pk}/sign/", data=b"--x\r\nbroken", content_type="multipart/form-data; boundary=\x01"
    )
    assert answer.status_code == 400


# The audit CSV


def test_the_audit_csv_neutralises_formulas_from_titles(org):
    titles = ['=HYPERLINK("http://evil.example","点此")', "+1+2政务", "-3-4政务", "@SUM(A1)政务"]
    for title in titles:
        make_draft(org["drafter"], title=title)
    admin = Client()
    admin.force_login(org["admin"])
    answer = admin.get("/audit/export.csv")
    assert answer.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(answer.streaming_content).decode("utf-8-sig"))))
    title_column = rows[0].index("标题")
    exported = {row[title_column] for row in rows[1:]}
    assert {"'" + title for title in titles} <= exported
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1"])
def test_every_formula_prefix_is_neutralised(value):
    assert spreadsheet_safe(value) == "'" + value


def test_ordinary_cells_are_left_alone():
    assert [spreadsheet_safe(v) for v in ("区政务", "2026-11-25 10:00:00", 3, "")] == [
        "区政务",
        "2026-11-25 10:00:00",
        3,
        "",
    ]


# The "changes since you last read" diff


def _adversarial(length: int, seed: int) -> str:
    """Two-letter text with a line break now and then: the worst case for difflib's longest-match search."""
    rng = random.Random(seed)
    return "".join(rng.choice("的地\n" if i % 7 == 0 else "的地") for i in range(length))


def test_a_50000_character_adversarial_edit_gets_the_replaced_note():
    old, new = _adversarial(50_000, 1), _adversarial(50_000, 2)
    assert text_changes(old, new) == REPLACED


def test_an_adversarial_edit_within_the_size_bound_is_shown_without_a_character_diff():
    # One long line on each side: the character budget is exceeded, so the block is shown deleted and inserted.
    old, new = "甲" + "的地" * 4000, "乙" + "地的" * 4000
    changes = text_changes(old, new)
    assert changes == [("delete", old), ("insert", new)]


def test_a_small_edit_in_a_long_text_is_shown_exactly():
    body = "区政务服务管理局召开政务公开工作会议。\n" * 2500
    new = body[:25_000] + "研究部署" + body[25_000:]
    changes = text_changes(body, new)
    assert [op for op, _ in changes] == ["equal", "insert", "equal"]
    assert changes[1] == ("insert", "研究部署")
    assert sum(len(text) for _, text in changes) < 200


def test_the_diff_page_shows_the_replaced_note_for_a_huge_rewrite(org, open_draft):
    drafter = client_for(org["drafter"])
    browser = Client()
    browser.force_login(org["section_head"])
    browser.get(f"/drafts/{open_draft.pk}/")  # the section head reads version 1
    drafter.post(f"/api/v1/drafts/{open_draft.pk}/return/", {"version": 1, "reason": "x"}, format="json")
    client_for(org["section_head"]).post(
        f"/api/v1/drafts/{open_draft.pk}/return/", {"version": 1, "reason": "请改写"}, format="json"
    )
    answer = drafter.patch(
        f"/api/v1/drafts/{open_draft.pk}/", {"body": "区" + _adversarial(MAX_SHOWN * 2, 3), "version": 1}, format="json"
    )
    assert answer.status_code == 200, answer.json()
    drafter.post(f"/api/v1/drafts/{open_draft.pk}/submit/")
    page = browser.get(f"/drafts/{open_draft.pk}/").content.decode()
    assert "正文改动过大" in page


# Logs


def test_a_403_is_logged_without_a_traceback(org, caplog):
    browser = Client()
    browser.force_login(org["drafter"])
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert browser.get("/audit/").status_code == 403
    forbidden = [r for r in caplog.records if r.name == "django.request"]
    assert forbidden, "the refusal is still logged"
    assert all(r.exc_info is None and r.exc_text is None for r in forbidden)


def test_a_bad_host_header_is_logged_without_a_traceback(caplog):
    with caplog.at_level(logging.WARNING, logger="django.security"):
        assert Client().get("/accounts/login/", HTTP_HOST="evil.example").status_code == 400
    refused = [r for r in caplog.records if r.name.startswith("django.security")]
    assert refused and all(r.exc_info is None for r in refused)


def test_the_audit_list_stops_counting_at_the_cap(org, monkeypatch):
    monkeypatch.setattr("reviewflow.views.audit_filter.COUNT_CAP", 3)
    for n in range(5):
        make_draft(org["drafter"], title=f"区政务服务管理局第{n}次会议")
    admin = Client()
    admin.force_login(org["admin"])
    page = admin.get("/audit/").content.decode()
    assert "超过 3 条事件" in page
    narrowed = admin.get(f"/audit/?actor={org['admin'].pk}").content.decode()
    assert "超过" not in narrowed and "0 条事件" in narrowed
