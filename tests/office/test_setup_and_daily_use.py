"""Set-up and daily use: a section that cannot sign is refused with the reason, names are searchable, landings."""

from __future__ import annotations

import importlib

import pytest
from django.test import Client

from reviewflow.models import Section, User
from tests.factories import demo_org

pytestmark = pytest.mark.django_db


def _admin_client(org) -> Client:
    client = Client()
    client.force_login(org["admin"])
    return client


def _section_form(section: Section, **changes) -> dict:
    data = {"unit": section.unit_id, "name": section.name, "head": section.head_id, "deputy": section.deputy_id}
    return {k: ("" if v is None else v) for k, v in {**data, **changes}.items()}


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"head": None}, "股室必须设置股室负责人"),
        ({"deputy": None}, "股室必须设置分管领导"),
        ({"deputy": "section_head"}, "股室负责人和分管领导必须是两个不同的人"),
        ({"head": "head"}, "是单位主要领导"),
        ({"head": "inactive"}, "该账号已停用"),
    ],
)
def test_admin_refuses_a_section_that_cannot_sign_and_says_why(change, reason):
    org = demo_org()
    User.objects.create(username="inactive", display_name="离职人员", is_active=False, section=org["drafter"].section)
    section = Section.objects.get(name="网络信息股")
    people = {k: (User.objects.get(username=v).pk if v else None) for k, v in change.items()}
    response = _admin_client(org).post(
        f"/admin/reviewflow/section/{section.pk}/change/",
        _section_form(section, **people),
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 200  # the form again, not a redirect
    assert reason in response.content.decode()
    section.refresh_from_db()
    assert (section.head.username, section.deputy.username) == ("section_head", "deputy")


def test_admin_accepts_a_valid_section():
    org = demo_org()
    section = Section.objects.get(name="办公室")
    response = _admin_client(org).post(
        f"/admin/reviewflow/section/{section.pk}/change/", _section_form(section, head=org["drafter2"].pk)
    )
    assert response.status_code == 302
    assert Section.objects.get(pk=section.pk).head == org["drafter2"]


def test_admin_finds_users_by_their_chinese_name():
    org = demo_org()
    client = _admin_client(org)
    listing = client.get("/admin/reviewflow/user/", {"q": "李股长"}).content.decode()
    assert "section_head" in listing and "drafter2" not in listing
    picker = client.get(
        "/admin/autocomplete/",
        {"term": "王分", "app_label": "reviewflow", "model_name": "section", "field_name": "deputy"},
    ).json()
    assert [r["text"] for r in picker["results"]] == ["王分管"]


@pytest.mark.parametrize(
    ("username", "landing"),
    [("drafter", "/drafts/"), ("section_head", "/inbox/"), ("deputy", "/inbox/"), ("head", "/inbox/")],
)
def test_leaders_land_on_their_inbox_and_drafters_on_their_drafts(username, landing):
    demo_org()
    response = Client().post("/accounts/login/", {"username": username, "password": "reviewflow-demo"}, follow=True)
    assert response.redirect_chain[-1][0] == landing


def test_email_goes_through_the_smtp_server_named_by_the_environment(monkeypatch):
    import settings.base as base

    try:
        monkeypatch.setenv("EMAIL_HOST", "smtp.example.gov.cn")
        monkeypatch.setenv("EMAIL_PORT", "465")
        monkeypatch.setenv("EMAIL_USE_SSL", "1")
        monkeypatch.delenv("EMAIL_BACKEND", raising=False)
        configured = importlib.reload(base)
        assert configured.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
        assert (configured.EMAIL_HOST, configured.EMAIL_PORT, configured.EMAIL_USE_SSL) == (
            "smtp.example.gov.cn",
            465,
            True,
        )
        monkeypatch.delenv("EMAIL_HOST")
        assert importlib.reload(base).EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
    finally:
        monkeypatch.undo()
        importlib.reload(base)
