"""Corrections (更正): a published item goes through the same check and chain again; the old text stays public
until the corrected one is signed, and every publication is kept with the signatures that carried it."""

from __future__ import annotations

import pytest

from reviewflow import services
from reviewflow.errors import NotAllowed, WrongStatus
from reviewflow.models import AuditEvent, Draft, Publication
from tests.factories import client_for, fully_signed, make_draft, sign_as, stage, submit_and_check

pytestmark = pytest.mark.django_db


def test_a_correction_goes_through_the_whole_chain_and_replaces_the_public_text(org):
    draft = fully_signed(org)
    first = draft.publication
    answer = client_for(org["drafter"]).post(
        f"/api/v1/drafts/{draft.pk}/correct/", {"note": "更正会议时间"}, format="json"
    )
    assert answer.status_code == 200, answer.json()
    services.edit_draft(draft_id=draft.pk, user=org["drafter"], data={"body": "区政务服务管理局于3日召开会议。"})
    draft = Draft.objects.get(pk=draft.pk)
    assert (draft.status, draft.publication_id) == ("draft", first.pk)  # the published text is still public
    draft = submit_and_check(draft)
    for step in ("section_head", "deputy"):
        draft = sign_as(org[step], draft)
    assert draft.publication_id == first.pk
    draft = sign_as(org["head"], draft)
    assert draft.status == "published"
    second = draft.publication
    assert second.pk != first.pk and second.version.body == "区政务服务管理局于3日召开会议。"
    assert second.correction_note == "更正会议时间" and second.is_correction
    assert [s.step for s in second.signatures.order_by("signed_at")] == ["drafter", "section_head", "deputy", "head"]
    assert first.version.number == 1 and first.signatures.count() == 4
    assert list(Publication.objects.filter(draft=draft).values_list("pk", flat=True)) == [first.pk, second.pk]
    kinds = list(AuditEvent.objects.filter(draft=draft).values_list("event", flat=True))
    assert kinds.count("draft.correction_opened") == 1 and kinds[-1] == "draft.corrected"


def test_only_the_drafter_opens_a_correction_and_only_on_a_published_item(org):
    draft = fully_signed(org)
    with pytest.raises(NotAllowed):
        services.open_correction(draft_id=draft.pk, user=org["head"], note="改")
    unpublished = submit_and_check(make_draft(org["drafter"], title="未发布"))
    with pytest.raises(WrongStatus):
        services.open_correction(draft_id=unpublished.pk, user=org["drafter"], note="改")
    assert stage(Draft.objects.get(pk=unpublished.pk)) == "signing:section_head"
