"""Stand-ins (代签): named for a range of days, they see and sign the principal's steps as “X 代 Y”; nobody signs
two levels of one chain; a section head's own draft goes to the section's stand-in head."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from reviewflow import selectors, services
from reviewflow.errors import ChainIncomplete, Conflict, NotAllowed, NotYourStep
from reviewflow.models import AuditEvent, Draft, Section, StandIn, User
from reviewflow.services.standins import name_stand_in
from tests.factories import client_for, make_draft, sign_as, stage, submit_and_check

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def colleague(org) -> User:
    return User.objects.create_user("colleague", password="x", display_name="陈同事", section=org["drafter"].section)


def away(principal: User, stand_in: User, *, days: int = 3, by: User | None = None) -> StandIn:
    return name_stand_in(
        by=by or principal,
        principal=principal,
        stand_in=stand_in,
        starts_on=TODAY,
        ends_on=TODAY + datetime.timedelta(days=days),
        reason="出差",
    )


def test_a_stand_in_sees_the_step_signs_it_and_the_record_says_who_signed_for_whom(org, colleague):
    away(org["deputy"], colleague)
    draft = sign_as(org["section_head"], submit_and_check(make_draft(org["drafter"])))
    assert [d.pk for d in selectors.inbox_for(colleague)] == [draft.pk]
    answer = client_for(colleague).post(f"/api/v1/drafts/{draft.pk}/sign/", {"version": 1}, format="json")
    assert answer.status_code == 200, answer.json()
    draft = sign_as(org["head"], Draft.objects.get(pk=draft.pk))
    assert draft.status == "published"
    signatures = client_for(None).get(f"/api/v1/published/{draft.pk}/").json()["signatures"]
    assert [s["name"] for s in signatures][2] == "陈同事 代 王分管"
    event = AuditEvent.objects.filter(draft=draft, event="review.signed", data__step="deputy").get()
    assert (event.actor, event.data["on_behalf_of"]) == (colleague, "王分管")


def test_outside_the_range_the_stand_in_may_not_sign(org, colleague):
    StandIn.objects.create(
        principal=org["deputy"],
        stand_in=colleague,
        starts_on=TODAY - datetime.timedelta(days=5),
        ends_on=TODAY - datetime.timedelta(days=1),
        named_by=org["deputy"],
    )
    draft = sign_as(org["section_head"], submit_and_check(make_draft(org["drafter"])))
    assert not selectors.inbox_for(colleague).exists()
    answer = client_for(colleague).post(f"/api/v1/drafts/{draft.pk}/sign/", {"version": 1}, format="json")
    assert answer.status_code in (403, 404)
    assert stage(Draft.objects.get(pk=draft.pk)) == "signing:deputy"


def test_naming_someone_who_already_signs_another_level_is_refused_at_once(org):
    with pytest.raises(Conflict, match=r"股室负责人|Section head"):
        away(org["deputy"], org["section_head"])
    assert not StandIn.objects.exists()


def test_a_stand_in_who_would_sign_two_levels_is_refused_at_signing(org, colleague):
    # An administrator names the drafter; the drafter's own chain is only known per draft, so signing refuses it.
    away(org["deputy"], org["drafter"], by=org["admin"])
    draft = sign_as(org["section_head"], submit_and_check(make_draft(org["drafter"])))
    answer = client_for(org["drafter"]).post(f"/api/v1/drafts/{draft.pk}/sign/", {"version": 1}, format="json")
    assert answer.status_code == 403
    assert "两级" in answer.json()["message"] or "two levels" in answer.json()["message"]
    assert stage(Draft.objects.get(pk=draft.pk)) == "signing:deputy"


def test_only_the_signer_or_an_administrator_names_a_stand_in(org, colleague):
    with pytest.raises(NotAllowed):
        away(org["deputy"], colleague, by=org["drafter"])
    assert away(org["deputy"], colleague, by=org["admin"]).named_by == org["admin"]


def test_the_stand_ins_page_names_one_and_shows_it(org, colleague):
    from django.test import Client

    client = Client()
    client.force_login(org["head"])
    answer = client.post(
        "/stand-ins/",
        {"stand_in": colleague.pk, "starts_on": TODAY.isoformat(), "ends_on": TODAY.isoformat(), "reason": "休假"},
        follow=True,
    )
    assert "陈同事" in answer.content.decode()
    assert StandIn.objects.get().principal == org["head"]


def test_a_section_heads_own_draft_goes_to_the_sections_stand_in_head(org, colleague):
    section = Section.objects.get(name="网络信息股")
    own = make_draft(org["section_head"])
    with pytest.raises(ChainIncomplete):
        services.submit(draft_id=own.pk, user=org["section_head"])
    Section.objects.filter(pk=section.pk).update(stand_in_head=colleague)
    draft = submit_and_check(Draft.objects.get(pk=own.pk))
    assert (stage(draft), draft.holder) == ("signing:section_head", colleague)
    with pytest.raises(NotYourStep):
        sign_as(org["deputy"], draft)
    draft = sign_as(org["head"], sign_as(org["deputy"], sign_as(colleague, draft)))
    assert draft.status == "published"
