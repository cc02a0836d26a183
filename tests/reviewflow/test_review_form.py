"""The printable 审签单, the public side of a published item, and withdrawal notices."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from django.test import Client
from django.utils import timezone

from reviewflow import services
from reviewflow.models import Draft, Unit
from tests.factories import SIGNERS, client_for, demo_org, fully_signed, make_draft, pdf_text, submit_and_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return demo_org()


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def with_comments(org) -> Draft:
    """A published item whose deputy signed with a comment and whose drafter waived a finding."""
    draft = submit_and_check(make_draft(org["drafter"]))
    services.sign(draft_id=draft.pk, user=org["section_head"], version=draft.version, comment="内部意见：请核对数字")
    services.sign(draft_id=draft.pk, user=org["deputy"], version=draft.version, comment="同意发布")
    services.sign(draft_id=draft.pk, user=org["head"], version=draft.version)
    return Draft.objects.get(pk=draft.pk)


def test_the_form_pdf_names_the_four_signers_and_the_hash(org):
    item = fully_signed(org)
    response = logged_in(org["drafter"]).get(f"/drafts/{item.pk}/form.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f'filename="review-form-{item.pk}.pdf"' in response["Content-Disposition"]
    text = pdf_text(response.content)
    for name in SIGNERS:
        assert name in text
    assert item.content_hash in text
    assert "信息发布审核表" in text and "隆阳区政务服务管理局" in text and "草稿" not in text


def test_an_unpublished_draft_has_a_form_marked_as_draft(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    response = logged_in(org["section_head"]).get(f"/drafts/{draft.pk}/form.pdf")
    text = pdf_text(response.content)
    assert "草稿" in text and "张拟稿" in text and draft.content_hash in text
    assert response["Content-Disposition"].endswith(f'filename="draft-review-form-{draft.pk}.pdf"')
    page = logged_in(org["drafter"]).get(f"/drafts/{draft.pk}/form/").content.decode()
    assert 'id="draft-mark"' in page and draft.content_hash in page and "<svg" in page


def test_only_those_who_may_see_the_draft_see_its_form(org):
    draft = make_draft(org["drafter"])
    for url in (f"/drafts/{draft.pk}/form/", f"/drafts/{draft.pk}/form.pdf"):
        assert logged_in(org["drafter2"]).get(url).status_code == 404
        assert logged_in(org["admin"]).get(url).status_code == 200
        assert Client().get(url).status_code == 302  # to the login page
    assert Client().get(f"/public/{draft.pk}/form/").status_code == 404
    assert Client().get(f"/public/{draft.pk}/form.pdf").status_code == 404


def test_the_public_form_leaves_out_comments_unless_the_unit_publishes_them(org):
    item = with_comments(org)
    internal = logged_in(org["drafter"]).get(f"/drafts/{item.pk}/form/").content.decode()
    assert "内部意见：请核对数字" in internal
    public = Client().get(f"/public/{item.pk}/form/").content.decode()
    assert "赵局长" in public and item.content_hash in public
    assert "内部意见" not in public and "同意发布" not in public and ">head<" not in public
    public_pdf = pdf_text(Client().get(f"/public/{item.pk}/form.pdf").content)
    assert "赵局长" in public_pdf and "内部意见" not in public_pdf
    Unit.objects.update(publish_comments=True)
    assert "内部意见：请核对数字" in Client().get(f"/public/{item.pk}/form/").content.decode()


def test_anyone_can_recompute_the_content_hash_of_a_published_item(org):
    item = fully_signed(org)
    response = Client().get(f"/public/{item.pk}/content.json")
    assert response.status_code == 200
    assert hashlib.sha256(response.content).hexdigest() == item.content_hash
    assert json.loads(response.content)["title"] == item.title
    page = Client().get(f"/public/{item.pk}/").content.decode()
    assert 'id="verify-hash"' in page and f"/public/{item.pk}/content.json" in page


def test_an_administrator_downloads_a_month_of_forms_as_one_archive(org):
    items = [fully_signed(org), fully_signed(org, title="区政务服务管理局开展政务公开培训")]
    make_draft(org["drafter"])  # not published: not in the archive
    now = timezone.localtime(items[0].published_at)
    url = f"/audit/forms/{now.year}-{now.month:02d}.zip"
    response = logged_in(org["admin"]).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
        assert names == [f"{item.pk:06d}-{item.title}.pdf" for item in items]
        assert items[1].content_hash in pdf_text(archive.read(names[1]))
    assert logged_in(org["drafter"]).get(url).status_code == 403
    assert logged_in(org["admin"]).get(f"/audit/forms/{now.year - 1}-{now.month:02d}.zip").status_code == 404
    assert logged_in(org["admin"]).get(f"/audit/forms/{now.year}-13.zip").status_code == 400


def test_a_withdrawn_item_shows_a_notice_with_its_date(org):
    item = fully_signed(org)
    services.withdraw(draft_id=item.pk, user=org["head"], reason="数据有误，待核实后重发")
    item.refresh_from_db()
    response = Client().get(f"/public/{item.pk}/")
    assert response.status_code == 410
    page = response.content.decode()
    withdrawn_on = timezone.localtime(item.withdrawn_at)
    assert 'id="withdrawal-notice"' in page
    assert f"{withdrawn_on.year}年{withdrawn_on.month}月{withdrawn_on.day}日" in page
    assert "数据有误" not in page and item.body not in page
    api = Client().get(f"/api/v1/published/{item.pk}/")
    assert api.status_code == 410
    assert api.json()["withdrawn"] is True and api.json()["withdrawn_at"] == item.withdrawn_at.isoformat()
    draft_page = logged_in(org["drafter"]).get(f"/drafts/{item.pk}/").content.decode()
    assert 'id="withdrawal-reason"' in draft_page and "数据有误，待核实后重发" in draft_page
    assert Client().get(f"/public/{make_draft(org['drafter']).pk}/").status_code == 404


def _strings(value, key: str = ""):
    """Every string in a JSON document with the key it sits under."""
    if isinstance(value, dict):
        for name, inner in value.items():
            yield from _strings(inner, name)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner, key)
    elif isinstance(value, str):
        yield key, value


def test_the_public_json_has_no_login_names_or_comments(org):
    item = with_comments(org)
    usernames = set(org)
    for url in ("/api/v1/published/", f"/api/v1/published/{item.pk}/"):
        response = client_for(None).get(url)
        assert response.status_code == 200
        body = response.content.decode()
        assert "内部意见" not in body and "同意发布" not in body and "comment" not in body
        leaked = [(key, value) for key, value in _strings(json.loads(body)) if value in usernames and key != "step"]
        assert leaked == []
    signers = client_for(None).get(f"/api/v1/published/{item.pk}/").json()["signatures"]
    assert [(s["role"], s["name"]) for s in signers] == [
        ("信息拟稿人", "张拟稿"),
        ("股室负责人", "李股长"),
        ("分管领导", "王分管"),
        ("主要领导", "赵局长"),
    ]
    Unit.objects.update(publish_comments=True)
    signers = client_for(None).get(f"/api/v1/published/{item.pk}/").json()["signatures"]
    assert [s.get("comment") for s in signers] == [None, "内部意见：请核对数字", "同意发布", None]
