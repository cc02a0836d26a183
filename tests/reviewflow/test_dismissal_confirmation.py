"""A political or leader finding is not waived by the drafter alone: the section head (or their stand-in) confirms."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from reviewflow import services
from reviewflow.errors import Conflict, NotAllowed, NotFound
from reviewflow.models import AuditEvent, CheckRun, Draft, Finding, User
from reviewflow.services.standins import name_stand_in
from tests.factories import client_for, make_draft, run_pending_check, stage, submit_and_check

pytestmark = pytest.mark.django_db

BODY = "会议重申旧提法的有关要求。"


def serious_finding(draft: Draft) -> Finding:
    run = CheckRun.objects.filter(version__draft=draft).order_by("-pk").first()
    return run.findings.get(kind="political")


@pytest.fixture
def requested(org):
    """A draft sent back for a political finding whose dismissal the drafter has requested."""
    draft = submit_and_check(make_draft(org["drafter"], body=BODY))
    assert stage(draft) == "needs_revision"
    finding = serious_finding(draft)
    services.dismiss_finding(draft_id=draft.pk, user=org["drafter"], finding_id=finding.pk, reason="引用原文")
    return draft, Finding.objects.get(pk=finding.pk)


def test_the_drafter_alone_cannot_clear_a_political_finding(org, requested):
    draft, finding = requested
    assert finding.dismissed and finding.needs_confirmation and finding.blocking
    assert list(Finding.objects.filter(pk=finding.pk).blocking()) == [finding]
    services.submit(draft_id=draft.pk, user=org["drafter"])
    draft = run_pending_check(draft)
    assert stage(draft) == "needs_revision"
    events = list(AuditEvent.objects.filter(draft=draft).values_list("event", flat=True))
    assert "finding.dismissal_requested" in events and "finding.dismissed" not in events


def test_the_section_head_confirms_and_the_resubmission_passes(org, requested):
    draft, finding = requested
    answer = client_for(org["section_head"]).post(f"/api/v1/drafts/{draft.pk}/findings/{finding.pk}/confirm/")
    assert answer.status_code == 200, answer.json()
    confirmed = Finding.objects.get(pk=finding.pk)
    assert (confirmed.blocking, confirmed.dismissal_confirmed_by) == (False, org["section_head"])
    assert not Finding.objects.filter(pk=finding.pk).blocking().exists()
    services.submit(draft_id=draft.pk, user=org["drafter"])
    draft = run_pending_check(draft)
    assert stage(draft) == "signing:section_head"
    events = list(AuditEvent.objects.filter(draft=draft).values_list("event", flat=True))
    assert events[-5:] == [
        "check.needs_revision",
        "finding.dismissal_requested",
        "finding.dismissal_confirmed",
        "draft.submitted",
        "review.signed",
    ]


def test_someone_else_cannot_confirm(org, requested):
    draft, finding = requested
    for user in (org["drafter"], org["deputy"], org["section_head2"]):
        with pytest.raises((NotAllowed, NotFound)):
            services.confirm_dismissal(draft_id=draft.pk, user=user, finding_id=finding.pk)
    answer = client_for(org["drafter"]).post(f"/api/v1/drafts/{draft.pk}/findings/{finding.pk}/confirm/")
    assert answer.status_code == 403
    assert Finding.objects.get(pk=finding.pk).blocking


def test_the_section_head_rejects_and_the_finding_is_open_again(org, requested):
    draft, finding = requested
    answer = client_for(org["section_head"]).post(
        f"/api/v1/drafts/{draft.pk}/findings/{finding.pk}/confirm/",
        {"reject": True, "reason": "须改为规范表述"},
        format="json",
    )
    assert answer.status_code == 200, answer.json()
    reopened = Finding.objects.get(pk=finding.pk)
    assert (reopened.dismissed, reopened.blocking) == (False, True)
    with pytest.raises(Conflict):
        services.confirm_dismissal(draft_id=draft.pk, user=org["section_head"], finding_id=finding.pk)


def test_an_ordinary_typo_is_still_dismissed_by_the_drafter_alone(org):
    draft = submit_and_check(make_draft(org["drafter"], body="研究布署工作。"))
    finding = CheckRun.objects.filter(version__draft=draft).get().findings.get()
    services.dismiss_finding(draft_id=draft.pk, user=org["drafter"], finding_id=finding.pk, reason="专名")
    assert not Finding.objects.get(pk=finding.pk).blocking


def test_the_section_heads_stand_in_confirms_in_their_place(org, requested):
    draft, finding = requested
    colleague = User.objects.create_user("colleague", password="x", display_name="陈同事", section=draft.section)
    with pytest.raises((NotAllowed, NotFound)):
        services.confirm_dismissal(draft_id=draft.pk, user=colleague, finding_id=finding.pk)
    today = timezone.localdate()
    name_stand_in(
        by=org["section_head"],
        principal=org["section_head"],
        stand_in=colleague,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=2),
        reason="出差",
    )
    answer = client_for(colleague).post(f"/api/v1/drafts/{draft.pk}/findings/{finding.pk}/confirm/")
    assert answer.status_code == 200, answer.json()
    assert Finding.objects.get(pk=finding.pk).dismissal_confirmed_by == colleague
