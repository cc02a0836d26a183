"""Generated requests across the whole API, valid-looking and hostile alike: none may answer 5xx.

Hypothesis draws the endpoint, method, caller, headers and body (JSON with NUL, lone surrogates, deep nesting,
huge numbers, non-finite floats, wrong types; raw bytes; wrong content types). Every 4xx must be the API's JSON error.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewflow.models import Finding
from reviewflow.tokens import issue_token
from tests.factories import demo_org, make_draft, submit_and_check

pytestmark = pytest.mark.django_db
EXAMPLES = 2000

ENDPOINTS = [
    ("POST", "/api/v1/auth/token/"),
    ("POST", "/api/v1/auth/logout/"),
    ("GET", "/api/v1/drafts/"),
    ("POST", "/api/v1/drafts/"),
    ("GET", "/api/v1/drafts/{draft}/"),
    ("PATCH", "/api/v1/drafts/{draft}/"),
    ("POST", "/api/v1/drafts/{draft}/submit/"),
    ("POST", "/api/v1/drafts/{draft}/findings/{finding}/dismiss/"),
    ("POST", "/api/v1/drafts/{draft}/findings/{finding}/apply/"),
    ("POST", "/api/v1/drafts/{draft}/sign/"),
    ("POST", "/api/v1/drafts/{draft}/return/"),
    ("POST", "/api/v1/drafts/{draft}/withdraw/"),
    ("GET", "/api/v1/drafts/{draft}/audit/"),
    ("GET", "/api/v1/inbox/"),
    ("GET", "/api/v1/published/"),
    ("GET", "/api/v1/published/{draft}/"),
]
FIELDS = [
    "title",
    "body",
    "column",
    "channel",
    "kind",
    "key",
    "source_name",
    "source_url",
    "version",
    "comment",
    "reason",
    "proofread",
    "username",
    "password",
]

# All of Unicode, lone surrogates and NUL included.
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=True, allow_infinity=True)
    | any_text
    | st.sampled_from(["", " ", "\x00", "1", "work_news", "website", "repost", "drafter", "reviewflow-demo"])
)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3), max_leaves=8
)
json_bodies = st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=6).map(json.dumps) | json_values.map(
    json.dumps
)
hostile_bodies = st.sampled_from(
    [
        "[" * 5000 + "]" * 5000,
        '{"version": ' + "9" * 5000 + "}",
        '{"version": 1e999, "comment": "x"}',
        '{"version": NaN}',
        '{"title": "\\ud800", "body": "\\udfff"}',
        '{"comment": "\\u0000"}',
        "{",
        "",
    ]
)
bodies = json_bodies | hostile_bodies | st.binary(max_size=80)
content_types = st.sampled_from(
    ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", ""]
)
ids = st.sampled_from(["{real}", "0", "1", "999999", "9" * 30]) | st.integers(min_value=0, max_value=2**70).map(str)


@pytest.fixture
def world():
    org = demo_org()
    draft = submit_and_check(make_draft(org["drafter"], body="区政务服务管理局研究布署下一阶段工作。"))
    clean = submit_and_check(make_draft(org["drafter"]))
    callers: dict[str, Client] = {"anonymous": Client()}
    for name in ("drafter", "section_head", "head", "admin"):
        callers[name] = Client()
        callers[name].force_login(org[name])
    tokens = {name: issue_token(org[name])[1] for name in ("drafter", "section_head")}
    finding = Finding.objects.filter(check_run__version__draft=draft).first()
    return {
        "callers": callers,
        "tokens": tokens,
        "drafts": [str(draft.pk), str(clean.pk)],
        "finding": str(finding.pk) if finding else "1",
    }


@st.composite
def requests(draw):
    method, template = draw(st.sampled_from(ENDPOINTS))
    if draw(st.booleans()):
        method = draw(st.sampled_from(["GET", "POST", "PATCH", "PUT", "DELETE"]))
    headers = {}
    auth = draw(st.sampled_from(["session", "token", "bad-token", "none"]))
    if auth == "bad-token":
        headers["HTTP_AUTHORIZATION"] = draw(
            st.sampled_from(["Token ", "Token \x00" + "a" * 63, "Bearer x", "Token a b"])
            | any_text.map(lambda t: "Token " + t.encode("utf-8", "surrogatepass").decode("latin-1"))
        )
    if draw(st.booleans()):
        headers["HTTP_ACCEPT_LANGUAGE"] = draw(st.sampled_from(["en", "zh-hans", "xx", "*", "\x00"]))
    return {
        "method": method,
        "template": template,
        "draft": draw(ids),
        "finding": draw(ids),
        "caller": draw(st.sampled_from(["anonymous", "drafter", "section_head", "head", "admin"])),
        "token": draw(st.sampled_from(["drafter", "section_head"])) if auth == "token" else None,
        "headers": headers,
        "body": draw(bodies),
        "content_type": draw(content_types),
    }


def test_generated_requests_never_get_a_server_error(world):
    seen: list[int] = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(requests())
    def one(request):
        draft_id = world["drafts"][0] if request["draft"] == "{real}" else request["draft"]
        finding_id = world["finding"] if request["finding"] == "{real}" else request["finding"]
        path = request["template"].format(draft=draft_id, finding=finding_id)
        headers = dict(request["headers"])
        if request["token"]:
            client = Client()
            headers["HTTP_AUTHORIZATION"] = f"Token {world['tokens'][request['token']]}"
        else:
            client = world["callers"][request["caller"]]
        body = request["body"]
        answer = client.generic(
            request["method"],
            path,
            data=body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body,
            content_type=request["content_type"],
            **headers,
        )
        seen.append(answer.status_code)
        assert answer.status_code < 500, (request, answer.content[:500])
        if answer.status_code >= 400:
            error = answer.json()
            assert set(error) >= {"error", "message"}, error
            assert isinstance(error["message"], str) and error["message"]

    one()
    assert len(seen) >= EXAMPLES
    assert any(status < 300 for status in seen) and any(status == 400 for status in seen)
