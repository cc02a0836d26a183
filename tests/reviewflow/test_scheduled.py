"""Scheduled publishing: a fully signed item waits for its time, then publishes through the same verification."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from reviewflow import services
from reviewflow.errors import InvalidInput, NotAllowed
from reviewflow.models import AuditEvent, Draft, Signature
from tests.factories import client_for, drop_record_guards, make_draft, sign_as, submit_and_check
from workflow.tasks import publish_scheduled

pytestmark = pytest.mark.django_db


def signed_for_later(org, hours: int = 2) -> Draft:
    draft = make_draft(org["drafter"])
    services.schedule(
        draft_id=draft.pk, user=org["drafter"], publish_at=timezone.now() + datetime.timedelta(hours=hours)
    )
    draft = submit_and_check(Draft.objects.get(pk=draft.pk))
    for step in ("section_head", "deputy", "head"):
        draft = sign_as(org[step], draft)
    return draft


def test_a_scheduled_item_waits_then_publishes_at_its_time_and_not_before(org):
    draft = signed_for_later(org)
    assert (draft.status, draft.published_at) == ("scheduled", None)
    assert publish_scheduled() == 0
    assert not client_for(None).get("/api/v1/published/").json()["results"]
    Draft.objects.filter(pk=draft.pk).update(publish_at=timezone.now() - datetime.timedelta(seconds=1))
    assert publish_scheduled() == 1
    assert publish_scheduled() == 0
    draft.refresh_from_db()
    assert draft.status == "published" and draft.published_at is not None
    assert AuditEvent.objects.filter(draft=draft, event="draft.published").count() == 1


def test_a_due_item_whose_signature_was_tampered_with_is_not_published(org):
    draft = signed_for_later(org)
    drop_record_guards()  # forging a signature takes a superuser who drops the guards
    Signature.objects.filter(draft=draft, step="deputy").update(content_hash="0" * 64)
    Draft.objects.filter(pk=draft.pk).update(publish_at=timezone.now() - datetime.timedelta(seconds=1))
    assert publish_scheduled() == 0
    assert Draft.objects.get(pk=draft.pk).status == "scheduled"
    assert not AuditEvent.objects.filter(draft=draft, event="draft.published").exists()


def test_only_the_head_or_an_administrator_calls_a_scheduled_item_back_with_a_reason(org):
    draft = signed_for_later(org)
    with pytest.raises(NotAllowed):
        services.unschedule(draft_id=draft.pk, user=org["drafter"], reason="改期")
    with pytest.raises(InvalidInput):
        services.unschedule(draft_id=draft.pk, user=org["head"], reason="  ")
    answer = client_for(org["head"]).post(
        f"/api/v1/drafts/{draft.pk}/unschedule/", {"reason": "活动延期"}, format="json"
    )
    assert answer.status_code == 200, answer.json()
    draft.refresh_from_db()
    assert (draft.status, draft.return_reason, draft.holder) == ("returned", "活动延期", org["drafter"])


def test_a_publication_time_in_the_past_or_set_by_someone_else_is_refused(org):
    draft = make_draft(org["drafter"])
    past = client_for(org["drafter"]).post(
        f"/api/v1/drafts/{draft.pk}/schedule/", {"publish_at": "2020-01-01T09:00:00+08:00"}, format="json"
    )
    assert past.status_code == 400 and past.json()["fields"]["publish_at"]
    garbage = client_for(org["drafter"]).post(
        f"/api/v1/drafts/{draft.pk}/schedule/", {"publish_at": "明天"}, format="json"
    )
    assert garbage.status_code == 400
    other = client_for(org["deputy"]).post(
        f"/api/v1/drafts/{draft.pk}/schedule/", {"publish_at": "2099-01-01T09:00:00+08:00"}, format="json"
    )
    assert other.status_code in (403, 404)
    assert Draft.objects.get(pk=draft.pk).publish_at is None
