"""Netizen messages: their two clocks on the working-day calendar, transfer, and a reply reviewed like any item."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.test import Client

from reviewflow.models import AuditEvent, Draft, Section, Status
from reviewflow.models_office import NetizenMessage
from reviewflow.workdays import SHANGHAI
from tests.factories import client_for, demo_org, run_pending_check, sign_as

pytestmark = pytest.mark.django_db

MESSAGE = {
    "subject": "办事大厅周末是否开放",
    "body": "请问国庆节后第一个周六政务服务大厅是否办公？",
    "author_name": "市民甲",
}


def _receive(org, **extra) -> dict:
    response = client_for(org["drafter"]).post("/api/v1/messages/", {**MESSAGE, **extra}, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def test_a_message_before_national_day_must_be_transferred_by_8_october_and_answered_by_the_tiaoxiu_saturday():
    org = demo_org()
    message = _receive(org, received_at="2026-09-30T10:00:00+08:00")
    assert datetime.fromisoformat(message["transfer_due"]) == datetime(2026, 10, 9, tzinfo=SHANGHAI)
    assert datetime.fromisoformat(message["reply_due"]) == datetime(2026, 10, 11, tzinfo=SHANGHAI)
    assert message["due_estimated"] is False
    # Today (2026-11-25) both clocks have run out.
    assert (message["transfer_overdue"], message["reply_overdue"], message["state"]) == (True, True, "new")


def test_a_message_arriving_today_is_due_tomorrow_and_in_three_working_days():
    org = demo_org()
    message = _receive(org)
    received = datetime.fromisoformat(message["received_at"]).astimezone(SHANGHAI).date()
    from reviewflow import workdays

    assert datetime.fromisoformat(message["transfer_due"]) == workdays.end_of_day(
        workdays.add_working_days(received, 1)
    )
    assert datetime.fromisoformat(message["reply_due"]) == workdays.end_of_day(workdays.add_working_days(received, 3))
    assert (message["transfer_overdue"], message["reply_overdue"]) == (False, False)


def test_the_reply_goes_through_the_check_and_chain_and_is_published_with_the_message():
    org = demo_org()
    message = _receive(org)
    section = Section.objects.get(name="网络信息股")
    url = f"/api/v1/messages/{message['id']}"

    early = client_for(org["drafter"]).post(f"{url}/reply/", {"body": "周六照常办公。"}, format="json")
    assert early.status_code == 409
    refused = client_for(org["drafter"]).post(f"{url}/transfer/", {"section": section.pk}, format="json")
    assert refused.status_code == 403
    moved = client_for(org["admin"]).post(f"{url}/transfer/", {"section": section.pk}, format="json")
    assert moved.status_code == 200 and moved.json()["state"] == "transferred"
    assert moved.json()["transfer_overdue"] is False
    other = client_for(org["drafter2"]).post(f"{url}/reply/", {"body": "周六照常办公。"}, format="json")
    assert other.status_code == 403

    reply = client_for(org["drafter"]).post(
        f"{url}/reply/", {"body": "区政务服务管理局政务服务大厅10月10日（星期六）正常办公。"}, format="json"
    )
    assert reply.status_code == 201
    assert (reply.json()["kind"], reply.json()["title"]) == ("reply", "答复：办事大厅周末是否开放")
    assert client_for(org["drafter"]).post(f"{url}/reply/", {"body": "再答复"}, format="json").status_code == 409

    draft = Draft.objects.get(pk=reply.json()["id"])
    client_for(org["drafter"]).post(f"/api/v1/drafts/{draft.pk}/submit/")
    draft = run_pending_check(draft)
    assert (draft.status, draft.step) == (Status.SIGNING, "section_head")
    assert client_for(org["drafter"]).get(f"{url}/").json()["state"] == "replying"
    for step in ("section_head", "deputy", "head"):
        draft = sign_as(org[step], draft)
    assert draft.status == Status.PUBLISHED

    answered = client_for(org["drafter"]).get(f"{url}/").json()
    assert (answered["state"], answered["reply_overdue"]) == ("replied", False)
    assert datetime.fromisoformat(answered["replied_at"]) == draft.published_at
    page = client_for(None).get(f"/public/{draft.pk}/")
    assert MESSAGE["body"] in page.content.decode() and "区政务服务管理局政务服务大厅" in page.content.decode()
    events = AuditEvent.objects.filter(event__startswith="message.").order_by("pk")
    assert [(e.event, e.actor.username) for e in events] == [
        ("message.received", "drafter"),
        ("message.transferred", "admin"),
        ("message.replied", "drafter"),
    ]


def test_bad_messages_are_refused_with_a_reason():
    org = demo_org()
    client = client_for(org["drafter"])
    missing = client.post("/api/v1/messages/", {"subject": "", "body": "x"}, format="json")
    assert missing.status_code == 400 and "fields" in missing.json()
    future = client.post("/api/v1/messages/", {**MESSAGE, "received_at": "2030-01-01T00:00:00+08:00"}, format="json")
    assert future.status_code == 400
    naive = client.post("/api/v1/messages/", {**MESSAGE, "received_at": "2026-09-30T10:00:00"}, format="json")
    assert naive.status_code == 400
    assert client.get("/api/v1/messages/999999/").status_code == 404
    assert client.post("/api/v1/messages/", {**MESSAGE, "subject": "a\x00b"}, format="json").status_code == 400
    impossible = client.post(
        "/api/v1/messages/", {**MESSAGE, "received_at": "2026-09-30T10:60:00+08:00"}, format="json"
    )
    assert impossible.status_code == 400
    token = client_for(None).post("/api/v1/auth/token/", {"username": "a\x00b", "password": "x"}, format="json")
    assert token.status_code == 400
    assert NetizenMessage.objects.count() == 0


def test_staff_record_transfer_and_reply_through_the_pages():
    org = demo_org()
    pages = {name: Client() for name in ("drafter2", "admin", "drafter")}
    for name, client in pages.items():
        client.force_login(org[name])
    recorded = pages["drafter2"].post("/messages/new/", {"subject": "电话留言", "body": "来电询问办事指南。"})
    message = NetizenMessage.objects.get()
    assert recorded.status_code == 302 and recorded["Location"] == f"/messages/{message.pk}/"
    assert message.source == "staff" and message.recorded_by == org["drafter2"]
    section = Section.objects.get(name="网络信息股")
    assert 'name="section"' not in pages["drafter"].get(f"/messages/{message.pk}/").content.decode()
    pages["admin"].post(f"/messages/{message.pk}/transfer/", {"section": section.pk})
    detail = pages["drafter"].get(f"/messages/{message.pk}/").content.decode()
    assert "起草答复" in detail
    replied = pages["drafter"].post(f"/messages/{message.pk}/reply/", {"body": "办事指南已在网站公布。"})
    message.refresh_from_db()
    assert replied.status_code == 302 and replied["Location"] == f"/drafts/{message.reply_id}/"
    assert message.reply.kind == "reply" and message.reply.drafter == org["drafter"]
    dashboard = pages["drafter"].get("/deadlines/").content.decode()
    assert "电话留言" in dashboard
