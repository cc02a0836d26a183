"""The viewflow process follows the draft: one open task per round, owned by the step's signer."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client
from viewflow.workflow.models import Task
from viewflow.workflow.status import PROCESS, STATUS

from reviewflow import services
from reviewflow.errors import PublishRefused
from reviewflow.models import AuditEvent, Draft, Signature, Status
from tests.factories import demo_org, drop_record_guards, make_draft, sign_as, submit_and_check
from workflow.engine import open_process, open_task
from workflow.flows import PublicationReview
from workflow.models import ReviewProcess


@pytest.fixture
def org(db):
    return demo_org()


@pytest.mark.django_db
def test_each_open_step_is_a_viewflow_task_owned_by_its_signer(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    for step in ("section_head", "deputy", "head"):
        task = open_task(draft)
        assert task.flow_task.name == step
        assert task.status == STATUS.ASSIGNED
        assert task.owner == org[step]
        inbox = Task.objects.inbox([PublicationReview], org[step])
        assert [t.pk for t in inbox] == [task.pk]
        draft = sign_as(org[step], draft)
    assert draft.status == Status.PUBLISHED
    process = ReviewProcess.objects.get(artifact_object_id=draft.pk)
    assert process.status == PROCESS.DONE
    names = [task.flow_task.name for task in Task.objects.filter(process=process).order_by("pk")]
    assert names[-3:] == ["after_head", "publish", "published"]


@pytest.mark.django_db
def test_a_findings_round_ends_and_the_next_submission_opens_a_new_one(org):
    draft = submit_and_check(make_draft(org["drafter"], body="区政务服务管理局研究布署下一阶段工作。"))
    assert draft.status == Status.NEEDS_REVISION
    assert open_process(draft) is None
    services.edit_draft(draft_id=draft.pk, user=org["drafter"], data={"body": "区政务服务管理局研究部署下一阶段工作。"})
    draft = submit_and_check(Draft.objects.get(pk=draft.pk))
    assert draft.status == Status.AWAITING_SECTION_HEAD
    assert ReviewProcess.objects.filter(artifact_object_id=draft.pk).count() == 2


@pytest.mark.django_db
def test_a_task_url_cannot_reach_another_process_task(org):
    first = submit_and_check(make_draft(org["drafter"]))
    second = submit_and_check(make_draft(org["drafter"], title="第二篇稿件"))
    task_of_first, task_of_second = open_task(first), open_task(second)
    browser = Client()
    browser.force_login(org["section_head"])
    own = browser.get(f"/tasks/{task_of_first.process_id}/{task_of_first.pk}/")
    assert own.status_code == 302 and own.url.endswith(f"/drafts/{first.pk}/")
    crossed = browser.get(f"/tasks/{task_of_first.process_id}/{task_of_second.pk}/")
    assert crossed.status_code == 404
    browser.force_login(org["deputy"])
    assert browser.get(f"/tasks/{task_of_first.process_id}/{task_of_first.pk}/").status_code == 404


@pytest.mark.django_db
def test_publishing_is_refused_when_a_signature_covers_other_text(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    draft = sign_as(org["section_head"], draft)
    draft = sign_as(org["deputy"], draft)
    drop_record_guards()  # the database refuses this forgery; publishing must refuse it too
    Signature.objects.filter(draft=draft, step="deputy").update(content_hash="0" * 64)
    events_before = AuditEvent.objects.filter(draft=draft).count()
    with pytest.raises(PublishRefused):
        sign_as(org["head"], draft)
    draft.refresh_from_db()
    assert draft.status == Status.AWAITING_HEAD
    assert draft.published_at is None
    assert not Signature.objects.filter(draft=draft, step="head").exists()
    assert AuditEvent.objects.filter(draft=draft).count() == events_before
    assert open_task(draft).flow_task.name == "head"


@pytest.mark.django_db
def test_publishing_is_refused_without_four_distinct_signers(org):
    draft = sign_as(org["deputy"], sign_as(org["section_head"], submit_and_check(make_draft(org["drafter"]))))
    drop_record_guards()  # the database refuses this forgery; publishing must refuse it too
    Signature.objects.filter(draft=draft, step="deputy").update(user=org["section_head"])
    with pytest.raises(PublishRefused):
        services.publish(draft_id=draft.pk)
    assert Draft.objects.get(pk=draft.pk).status == Status.AWAITING_HEAD


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
    process = open_process(draft)
    open_tasks = Task.objects.filter(process=process, status__in=[STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED])
    assert [t.flow_task.name for t in open_tasks] == ["deputy"]
    assert Draft.objects.get(pk=draft.pk).status == Status.AWAITING_DEPUTY
