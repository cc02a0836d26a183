"""The route a draft takes, as reviewflow/lifecycle.py declares it, with the audit trail each route writes."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client

from reviewflow import selectors, services
from reviewflow.errors import PublishRefused, WrongStatus
from reviewflow.lifecycle import CHAIN, SIGNING_ORDER, DraftLifecycle, Status, chart
from reviewflow.models import AuditEvent, Draft, Section, Signature, User
from tests.factories import (
    ONE_CLEAN_ROUND,
    audit_kinds,
    drop_record_guards,
    make_draft,
    run_pending_check,
    sign_as,
    stage,
    submit_and_check,
)

pytestmark = pytest.mark.django_db


def test_an_original_goes_check_then_three_signatures_then_published_with_its_exact_audit_trail(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    holders = []
    for step in ("section_head", "deputy", "head"):
        holders.append((stage(draft), draft.holder.username))
        draft = sign_as(org[step], draft)
    assert holders == [
        ("signing:section_head", "section_head"),
        ("signing:deputy", "deputy"),
        ("signing:head", "head"),
    ]
    assert (draft.status, draft.step, draft.holder_id) == (Status.PUBLISHED, "", None)
    assert audit_kinds(draft.pk) == ONE_CLEAN_ROUND


def test_a_key_manuscript_is_checked_again_before_the_principal_leader_signs(org):
    draft = submit_and_check(make_draft(org["drafter"], key=True))
    draft = sign_as(org["deputy"], sign_as(org["section_head"], draft, proofread=True), proofread=True)
    assert (draft.status, draft.step, draft.holder_id) == (Status.CHECKING, "head", None)
    assert not selectors.inbox_for(org["head"]).exists()
    draft = run_pending_check(draft)
    assert stage(draft) == "signing:head"
    draft = sign_as(org["head"], draft, proofread=True)
    assert draft.status == Status.PUBLISHED
    assert audit_kinds(draft.pk)[-6:] == [
        "review.signed",
        "check.final_requested",
        "check.completed",
        "check.final_passed",
        "review.signed",
        "draft.published",
    ]


def test_a_returned_draft_is_edited_resubmitted_and_its_earlier_signatures_no_longer_count(org):
    draft = sign_as(org["section_head"], submit_and_check(make_draft(org["drafter"])))
    services.return_draft(draft_id=draft.pk, user=org["deputy"], version=draft.version, reason="数据需核实")
    draft.refresh_from_db()
    assert (draft.status, draft.holder_id) == (Status.RETURNED, org["drafter"].pk)
    services.edit_draft(draft_id=draft.pk, user=org["drafter"], data={"body": "区政务服务管理局召开会议。"})
    draft = submit_and_check(Draft.objects.get(pk=draft.pk))
    assert stage(draft) == "signing:section_head"
    assert [s.step for s in Signature.objects.filter(draft=draft).live()] == ["drafter"]


def test_the_chain_follows_the_drafts_section_not_the_drafters_current_one(org):
    draft = make_draft(org["drafter"])
    User.objects.filter(pk=org["drafter"].pk).update(section=Section.objects.get(name="办公室"))
    draft = submit_and_check(Draft.objects.get(pk=draft.pk))
    assert draft.holder == org["section_head"]
    assert dict(draft.assignments.values_list("step", "user__username")) == {
        "drafter": "drafter",
        "section_head": "section_head",
        "deputy": "deputy",
        "head": "head",
    }


def test_the_lifecycle_refuses_a_transition_its_state_does_not_allow(org):
    draft = make_draft(org["drafter"])
    with pytest.raises(Exception, match="no transition"):
        DraftLifecycle(draft).sign()
    assert Draft.objects.get(pk=draft.pk).status == Status.DRAFT


def test_publishing_is_refused_when_a_signature_covers_other_text(org):
    draft = sign_as(org["deputy"], sign_as(org["section_head"], submit_and_check(make_draft(org["drafter"]))))
    drop_record_guards()  # forging a signature takes a superuser who drops the guards
    Signature.objects.filter(draft=draft, step="deputy").update(content_hash="0" * 64)
    events_before = audit_kinds(draft.pk)
    with pytest.raises(PublishRefused):
        sign_as(org["head"], draft)
    draft.refresh_from_db()
    assert (stage(draft), draft.published_at) == ("signing:head", None)
    assert not Signature.objects.filter(draft=draft, step="head").exists()
    assert audit_kinds(draft.pk) == events_before


def test_publishing_is_refused_without_four_distinct_signers(org):
    draft = sign_as(org["deputy"], sign_as(org["section_head"], submit_and_check(make_draft(org["drafter"]))))
    drop_record_guards()  # forging a signature takes a superuser who drops the guards
    Signature.objects.filter(draft=draft, step="deputy").update(user=org["section_head"])
    with pytest.raises(PublishRefused):
        sign_as(org["head"], draft)
    assert stage(Draft.objects.get(pk=draft.pk)) == "signing:head"


def test_the_chart_shows_every_state_and_the_chain_page_lists_every_level(org):
    dot = chart()
    for status in Status.values:
        assert f'"{status}"' in dot
    assert '"signing" -> "published"' in dot and '"checking" -> "signing"' in dot
    client = Client()
    client.force_login(org["drafter"])
    page = client.get("/lifecycle/").content.decode()
    assert [level.step for level in CHAIN] == list(SIGNING_ORDER)
    for label in ("拟稿人", "股室负责人", "分管领导", "主要领导"):
        assert label in page


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_signatures_on_one_step_record_exactly_one(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    barrier = threading.Barrier(20)
    outcomes: list[str] = []

    def attempt() -> None:
        try:
            barrier.wait()
            services.sign(draft_id=draft.pk, user=org["section_head"], version=1)
            outcomes.append("signed")
        except WrongStatus:
            outcomes.append("WrongStatus")
        except Exception as error:
            outcomes.append(type(error).__name__)
        finally:
            connection.close()  # each thread's own connection; the test database must be droppable after

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("signed") == 1, outcomes
    assert set(outcomes) == {"signed", "WrongStatus"}, outcomes
    assert Signature.objects.filter(draft=draft, step="section_head").count() == 1
    assert AuditEvent.objects.filter(draft=draft, event="review.signed", data__step="section_head").count() == 1
    assert stage(Draft.objects.get(pk=draft.pk)) == "signing:deputy"
