"""Notices reach people by email through an outbox that the worker's sweep empties: each notice once, none lost when
the broker or the mail server is down at the moment it is written."""

from __future__ import annotations

import pytest
from django.core import mail

from reviewflow import services
from reviewflow.models import Notification
from tests.factories import make_draft, sign_as, submit_and_check
from workflow.tasks import send_notification_emails

pytestmark = pytest.mark.django_db


def _deputy_notice(org) -> Notification:
    draft = sign_as(org["section_head"], submit_and_check(make_draft(org["drafter"])))
    return Notification.objects.get(user=org["deputy"], draft=draft)


def test_a_signature_leaves_the_next_holders_notice_in_the_outbox_and_the_sweep_emails_it_once(org):
    org["deputy"].email = "deputy@example.gov.cn"
    org["deputy"].save()
    note = _deputy_notice(org)
    assert note.email_pending and note.emailed_at is None
    mail.outbox.clear()

    assert send_notification_emails() >= 1
    assert send_notification_emails() == 0

    to_deputy = [m for m in mail.outbox if m.to == ["deputy@example.gov.cn"]]
    assert len(to_deputy) == 1 and note.message in to_deputy[0].body
    note.refresh_from_db()
    assert not note.email_pending and note.emailed_at is not None


def test_a_notice_for_someone_without_an_address_leaves_the_outbox_unsent(org):
    org["deputy"].email = ""
    org["deputy"].save()
    note = _deputy_notice(org)
    Notification.objects.exclude(pk=note.pk).update(email_pending=False)  # only the deputy's notice waits
    mail.outbox.clear()

    assert send_notification_emails() == 0

    note.refresh_from_db()
    assert not note.email_pending and note.emailed_at is None
    assert mail.outbox == []


def test_a_notice_the_mail_server_refused_waits_for_the_next_sweep(org, monkeypatch):
    org["deputy"].email = "deputy@example.gov.cn"
    org["deputy"].save()
    note = _deputy_notice(org)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr("reviewflow.services.notifications.send_mail", refuse)
    assert send_notification_emails() == 0
    note.refresh_from_db()
    assert note.email_pending and note.emailed_at is None

    monkeypatch.undo()
    mail.outbox.clear()
    assert send_notification_emails() >= 1
    note.refresh_from_db()
    assert not note.email_pending
    assert [m.body for m in mail.outbox if m.to == [org["deputy"].email]] == [note.message]


def test_one_sweep_takes_the_outbox_in_batches_until_it_is_empty(org):
    for user in (org["section_head"], org["deputy"]):
        user.email = f"{user.username}@example.gov.cn"
        user.save()
    Notification.objects.update(email_pending=False)
    for n in range(7):
        Notification.objects.create(user=org["deputy"], message=f"通知 {n}", email_pending=True)
    mail.outbox.clear()

    assert services.email_pending_notifications(batch=3) == 7
    assert sorted(m.body for m in mail.outbox) == [f"通知 {n}" for n in range(7)]
    assert not Notification.objects.filter(email_pending=True).exists()
