"""API tokens expire, rotate and can be revoked, and are stored hashed; repeated failed logins lock the account."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from reviewflow.models import User
from tests.factories import demo_org

pytestmark = pytest.mark.django_db
PASSWORD = "reviewflow-demo"


@pytest.fixture
def org():
    return demo_org()


def token_for(username: str, password: str = PASSWORD) -> str:
    answer = APIClient().post("/api/v1/auth/token/", {"username": username, "password": password}, format="json")
    assert answer.status_code == 200, answer.json()
    return answer.json()["token"]


def inbox_status(token: str) -> int:
    return APIClient().get("/api/v1/inbox/", HTTP_AUTHORIZATION=f"Token {token}").status_code


def test_each_login_issues_a_new_token_stored_only_as_a_digest(org):
    first, second = token_for("drafter"), token_for("drafter")
    assert first != second
    assert inbox_status(first) == inbox_status(second) == 200
    stored = AuthToken.objects.filter(user=org["drafter"])
    assert stored.count() == 2
    for row in stored:
        assert first not in (row.digest, row.token_key) and second not in (row.digest, row.token_key)
        assert len(row.digest) == 128 and row.expiry is not None


def test_a_token_stops_working_when_it_expires(org):
    token = token_for("drafter")
    assert inbox_status(token) == 200
    AuthToken.objects.filter(user=org["drafter"]).update(expiry=timezone.now() - timedelta(seconds=1))
    answer = APIClient().get("/api/v1/inbox/", HTTP_AUTHORIZATION=f"Token {token}")
    assert answer.status_code == 401
    assert answer.json()["error"] == "unauthenticated"
    assert not AuthToken.objects.filter(user=org["drafter"]).exists()


def test_logout_revokes_only_the_token_it_carries(org):
    kept, revoked = token_for("drafter"), token_for("drafter")
    answer = APIClient().post("/api/v1/auth/logout/", HTTP_AUTHORIZATION=f"Token {revoked}")
    assert answer.status_code == 204
    assert inbox_status(revoked) == 401
    assert inbox_status(kept) == 200


def test_logout_all_revokes_every_token_of_the_caller(org):
    tokens = [token_for("drafter") for _ in range(3)]
    other = token_for("section_head")
    answer = APIClient().post("/api/v1/auth/logout-all/", HTTP_AUTHORIZATION=f"Token {tokens[0]}")
    assert answer.json() == {"revoked": 3}
    assert [inbox_status(t) for t in tokens] == [401, 401, 401]
    assert inbox_status(other) == 200


def test_a_password_change_revokes_every_token(org):
    token = token_for("drafter")
    user = User.objects.get(username="drafter")
    user.set_password("a-new-long-passphrase-2026")
    user.save()
    assert inbox_status(token) == 401
    assert inbox_status(token_for("drafter", "a-new-long-passphrase-2026")) == 200


def test_saving_a_user_without_changing_the_password_keeps_tokens(org):
    token = token_for("drafter")
    user = User.objects.get(username="drafter")
    user.display_name = "新名字"
    user.save()
    assert inbox_status(token) == 200


def test_admin_never_shows_a_token_in_clear(org):
    token = token_for("drafter")
    row = AuthToken.objects.get(user=org["drafter"])
    admin = Client()
    admin.force_login(org["admin"])
    listing = admin.get("/admin/knox/authtoken/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert str(org["drafter"]) in page
    assert token not in page and row.token_key not in page  # the digest (a SHA-512) is the row's key
    assert admin.get("/admin/knox/authtoken/add/").status_code == 403


# Lockout (django-axes)


def fail_token_logins(username: str, times: int) -> list[int]:
    client = APIClient()
    return [
        client.post("/api/v1/auth/token/", {"username": username, "password": "wrong"}, format="json").status_code
        for _ in range(times)
    ]


def test_the_token_endpoint_locks_an_account_after_five_failures(org, settings):
    assert fail_token_logins("drafter", 4) == [400] * 4
    assert fail_token_logins("drafter", 1) == [429]
    answer = APIClient().post("/api/v1/auth/token/", {"username": "drafter", "password": PASSWORD}, format="json")
    assert answer.status_code == 429
    assert answer.json() == {"error": "locked_out", "message": "该账号登录失败次数过多，已锁定 15 分钟，请稍后再试。"}
    english = APIClient().post(
        "/api/v1/auth/token/", {"username": "drafter", "password": PASSWORD}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert english.json()["message"].startswith("Too many failed logins for this account")
    assert token_for("section_head")  # another account is unaffected


def test_the_login_page_locks_an_account_and_says_so(org):
    browser = Client()
    for _ in range(5):
        browser.post("/accounts/login/", {"username": "deputy", "password": "wrong"})
    answer = browser.post("/accounts/login/", {"username": "deputy", "password": PASSWORD})
    assert answer.status_code == 429
    assert "该账号登录失败次数过多" in answer.content.decode()
    assert "_auth_user_id" not in browser.session


def test_admin_login_is_throttled_too(org):
    browser = Client()
    for _ in range(5):
        browser.post("/admin/login/", {"username": "admin", "password": "wrong"})
    answer = browser.post("/admin/login/", {"username": "admin", "password": PASSWORD})
    assert answer.status_code == 429
    assert "_auth_user_id" not in browser.session


def test_a_successful_login_clears_earlier_failures(org):
    assert fail_token_logins("head", 4) == [400] * 4
    assert token_for("head")
    assert fail_token_logins("head", 4) == [400] * 4
