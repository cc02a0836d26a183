"""Daily use: a signer's "changes since you last read" lasts until they act; office notices appear in the app."""

from __future__ import annotations

import pytest

from reviewflow import services
from reviewflow.models import Notification, Section
from reviewflow.services.personal import last_read_version
from tests.factories import CLEAN_BODY, client_for, draft_data, make_draft, sign_as, submit_and_check

pytestmark = pytest.mark.django_db


def _seen(user, draft) -> int | None:
    return last_read_version(user=user, draft=draft)


def test_a_signers_changes_since_last_read_stay_until_they_sign(org, client):
    draft = submit_and_check(make_draft(org["drafter"]))
    draft = sign_as(org["section_head"], draft)
    deputy = org["deputy"]
    client.force_login(deputy)
    services.return_draft(draft_id=draft.pk, user=deputy, version=draft.version, reason="请补充时间")
    assert _seen(deputy, draft) == 1  # returning is acting: the deputy has read version 1
    services.edit_draft(
        draft_id=draft.pk, user=org["drafter"], data=draft_data(body=CLEAN_BODY + "会议于上午九时召开。")
    )
    draft = submit_and_check(draft)
    draft = sign_as(org["section_head"], draft)
    assert draft.version == 2 and draft.step == "deputy"

    for _ in range(2):  # viewing twice does not use up the diff
        page = client.get(f"/drafts/{draft.pk}/").content.decode()
        assert "会议于上午九时召开" in page and 'id="changes"' in page
        assert _seen(deputy, draft) == 1
    sign_as(deputy, draft)
    assert _seen(deputy, draft) == 2
    assert 'id="changes"' not in client.get(f"/drafts/{draft.pk}/").content.decode()


def test_a_drafter_still_marks_what_they_read_on_view(org, client):
    draft = make_draft(org["drafter"])
    client.force_login(org["drafter"])
    client.get(f"/drafts/{draft.pk}/")
    assert _seen(org["drafter"], draft) == draft.version


def test_a_message_transfer_appears_in_the_section_heads_notifications(org, client):
    message = {"subject": "办事大厅周末是否开放", "body": "请问周六政务服务大厅是否办公？", "author_name": "市民甲"}
    received = client_for(org["drafter"]).post("/api/v1/messages/", message, format="json")
    assert received.status_code == 201, received.content
    section = Section.objects.get(name="网络信息股")
    url = f"/api/v1/messages/{received.json()['id']}/transfer/"
    assert client_for(org["admin"]).post(url, {"section": section.pk}, format="json").status_code == 200
    note = Notification.objects.get(user=section.head, draft__isnull=True)
    assert "办事大厅周末是否开放" in note.message
    client.force_login(section.head)
    page = client.get("/notifications/")
    assert page.status_code == 200 and "办事大厅周末是否开放" in page.content.decode()
    assert client.post(f"/notifications/{note.pk}/read/", {"next": "/notifications/"}).status_code == 302
    note.refresh_from_db()
    assert note.read_at is not None
