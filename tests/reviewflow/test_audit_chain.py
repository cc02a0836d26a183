"""The audit record holds up: the database refuses changes, the chain names the first broken row."""

from __future__ import annotations

import itertools
import threading

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.test import Client

from reviewflow.audit import audit_record, audit_records
from reviewflow.models import AuditChain, AuditEvent, AuditKind, AuditVerification, Draft, Signature
from reviewflow.verification import walk_chain
from tests.factories import demo_org, drop_record_guards, fully_signed, make_draft
from workflow.tasks import verify_audit

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers under test are PostgreSQL's")


@pytest.fixture
def org(db):
    return demo_org()


def _refused(sql: str, params: list) -> str:
    """Run one statement in a savepoint; return the database's refusal."""
    with pytest.raises(DatabaseError) as refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)
    return str(refused.value)


@postgres_only
def test_raw_update_and_delete_of_audit_events_are_refused(org):
    draft = fully_signed(org)
    event = draft.audit_events.order_by("seq").first()
    assert "append-only" in _refused("UPDATE reviewflow_auditevent SET event = 'x' WHERE id = %s", [event.pk])
    assert "append-only" in _refused("DELETE FROM reviewflow_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).event == "draft.created"


@postgres_only
def test_a_signature_can_only_be_voided_once_and_never_changed_or_deleted(org):
    draft = fully_signed(org)
    signature = draft.signatures.get(step="head")
    table = "reviewflow_signature"
    assert "only ever voided" in _refused(f"UPDATE {table} SET comment = 'forged' WHERE id = %s", [signature.pk])
    assert "only ever voided" in _refused(f"DELETE FROM {table} WHERE id = %s", [signature.pk])
    assert "only ever voided" in _refused(
        f"UPDATE {table} SET voided_at = now(), comment = 'forged' WHERE id = %s", [signature.pk]
    )
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET voided_at = now() WHERE id = %s", [signature.pk])
    assert "only ever voided" in _refused(f"UPDATE {table} SET voided_at = NULL WHERE id = %s", [signature.pk])
    signature.refresh_from_db()
    assert signature.voided_at is not None and signature.comment == ""


@postgres_only
def test_a_draft_with_an_audit_trail_cannot_be_deleted(org):
    draft = make_draft(org["drafter"])
    with pytest.raises(ProtectedError), transaction.atomic():
        Draft.objects.filter(pk=draft.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM reviewflow_draftversion WHERE draft_id = %s", [draft.pk])
        cursor.execute("DELETE FROM reviewflow_draft WHERE id = %s", [draft.pk])
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    assert Draft.objects.filter(pk=draft.pk).exists()


def test_every_event_links_to_the_one_before_and_the_chain_verifies(org):
    fully_signed(org)
    events = list(AuditEvent.objects.order_by("seq"))
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(events))
    head = AuditChain.objects.get(pk=1)
    assert (head.last_seq, head.last_hash) == (events[-1].seq, events[-1].hash)
    call_command("verify_audit")
    assert AuditVerification.objects.get().ok


def test_events_written_together_chain_in_order_and_match_what_was_returned(org):
    """Data holding the chain's own key names, text outside ASCII and several events in one append: the hashes the
    append hands back are the stored ones, and the walk recomputes each of them."""
    draft = make_draft(org["drafter"])
    tricky = {"prev": "", "seq": 0, "nested": {"prev": "x", "seq": 7}, "说明": '引号"与换行\n', "emoji": "\U0001f4dd"}
    with transaction.atomic():
        written = audit_records(
            draft, [(org["drafter"], AuditKind.DRAFT_CREATED, tricky), (None, AuditKind.PUBLISHED, None)]
        )
    stored = {e.pk: e for e in AuditEvent.objects.filter(pk__in=[w.pk for w in written])}
    assert [(w.seq, w.prev_hash, w.hash) for w in written] == [
        (stored[w.pk].seq, stored[w.pk].prev_hash, stored[w.pk].hash) for w in written
    ]
    assert written[1].prev_hash == written[0].hash and written[1].seq == written[0].seq + 1
    assert stored[written[0].pk].data == tricky
    result = walk_chain()
    assert result.ok, result.fault


@postgres_only
def test_verify_audit_names_an_altered_row(org):
    fully_signed(org)
    target = AuditEvent.objects.get(event="review.signed", data__step="deputy")
    drop_record_guards()
    AuditEvent.objects.filter(pk=target.pk).update(data={"step": "head"})
    with pytest.raises(CommandError) as broken:
        call_command("verify_audit")
    assert f"event #{target.seq} (id {target.pk}) was altered" in str(broken.value)
    result = AuditVerification.objects.get()
    assert (result.ok, result.fault_seq, result.events) == (False, target.seq, target.seq - 1)


@postgres_only
def test_verify_audit_names_a_deleted_row_and_a_cut_tail(org):
    fully_signed(org)
    events = list(AuditEvent.objects.order_by("seq"))
    drop_record_guards()
    AuditEvent.objects.filter(pk=events[-1].pk).delete()
    assert "events #{0}–#{0} are missing".format(events[-1].seq) in walk_chain().fault
    AuditEvent.objects.filter(pk=events[3].pk).delete()
    verdict = walk_chain()
    assert (verdict.ok, verdict.fault_seq) == (False, 4)
    assert verdict.fault == f"event #4 is missing (the next row, id {events[4].pk}, is #5)"


@postgres_only
def test_a_forged_replacement_row_breaks_the_link(org):
    fully_signed(org)
    third = AuditEvent.objects.get(seq=3)
    drop_record_guards()
    # The forger recomputes the altered row's own hash, but cannot fix the next row without rewriting them all.
    from reviewflow.audit import event_hash

    forged = {**third.data, "forged": True}
    new_hash = event_hash(
        seq=3,
        draft_id=third.draft_id,
        actor_id=third.actor_id,
        event=third.event,
        version=third.version,
        content_hash=third.content_hash,
        data=forged,
        created_at=third.created_at,
        prev_hash=third.prev_hash,
    )
    AuditEvent.objects.filter(pk=third.pk).update(data=forged, hash=new_hash)
    verdict = walk_chain()
    assert (verdict.fault_seq, verdict.events) == (4, 3)
    assert "breaks the link" in verdict.fault


def test_the_daily_task_mails_administrators_when_the_chain_is_broken(org, django_capture_on_commit_callbacks):
    org["admin"].email = "admin@example.gov.cn"
    org["admin"].save()
    fully_signed(org)
    with django_capture_on_commit_callbacks(execute=True):
        assert verify_audit() is True
    assert mail.outbox == []
    AuditChain.objects.filter(pk=1).update(last_seq=999)  # the head names events that are not there
    with django_capture_on_commit_callbacks(execute=True):
        assert verify_audit() is False
    assert [m.to for m in mail.outbox] == [["admin@example.gov.cn"]]
    assert "#999" in mail.outbox[0].body


def test_the_audit_page_shows_the_last_verification(org):
    fully_signed(org)
    client = Client()
    client.force_login(org["admin"])
    assert "audit-verified" not in client.get("/audit/").content.decode()
    call_command("verify_audit")
    page = client.get("/audit/").content.decode()
    count = AuditEvent.objects.count()
    assert 'id="audit-verified"' in page and 'data-ok="true"' in page and f'data-events="{count}"' in page


@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_do_not_fork_the_chain():
    org = demo_org()
    drafts = [make_draft(org["drafter"]) for _ in range(2)]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def append(draft: Draft) -> None:
        try:
            start.wait()
            for n in range(15):
                with transaction.atomic():
                    audit_record(draft=draft, actor=None, event="test.appended", data={"n": n})
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=append, args=(d,)) for d in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert AuditEvent.objects.filter(event="test.appended").count() == 30
    verdict = walk_chain()
    assert verdict.ok, verdict.fault
    assert verdict.events == AuditEvent.objects.count()
    assert Signature.objects.count() == 0
