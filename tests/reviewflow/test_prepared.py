"""Statements compiled once (reviewflow.prepared) give what their querysets give, for any id a client can send."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError

from reviewflow import services
from reviewflow.models import CheckRun, Draft, Signature
from reviewflow.prepared import NO_ROW, Prepared
from reviewflow.selectors import draft_for, latest_check, live_signatures
from reviewflow.services.locking import lock_draft
from tests.factories import client_for, make_draft, sign_as, submit_and_check

pytestmark = pytest.mark.django_db

RELATED = ("drafter", "section", "holder", "returned_by")


def test_the_prepared_read_gives_the_querysets_draft_with_its_related_rows(org, django_assert_num_queries):
    draft = sign_as(org["section_head"], submit_and_check(make_draft(org["drafter"])))
    expected = Draft.objects.select_related("drafter", "section__unit", "returned_by", "holder").get(pk=draft.pk)
    for _ in range(2):  # compiled on the first call, reused on the second
        with django_assert_num_queries(1):
            read = draft_for(org["drafter"], draft.pk)
            assert read is not None
            assert {f.attname: getattr(read, f.attname) for f in Draft._meta.concrete_fields} == {
                f.attname: getattr(expected, f.attname) for f in Draft._meta.concrete_fields
            }
            assert [getattr(read, name) for name in RELATED] == [getattr(expected, name) for name in RELATED]
            assert read.section.unit == expected.section.unit
    other = make_draft(org["drafter"], title="另一篇稿件")
    read_other = draft_for(org["drafter"], other.pk)
    assert read_other is not None and read_other.title == "另一篇稿件"


def test_the_prepared_lock_carries_its_annotations_and_live_signatures(org):
    draft = sign_as(org["section_head"], submit_and_check(make_draft(org["drafter"])))
    with transaction.atomic():
        locked = lock_draft(draft.pk, org["deputy"], with_signatures=True)
    assert locked.locked_chain == {
        "drafter": org["drafter"].pk,
        "section_head": org["section_head"].pk,
        "deputy": org["deputy"].pk,
        "head": org["head"].pk,
    }
    assert [(s.step, s.user_id) for s in locked.locked_signatures or []] == [
        ("drafter", org["drafter"].pk),
        ("section_head", org["section_head"].pk),
    ]
    assert locked.current_version_id == draft.versions.get(number=draft.version).pk


def test_the_prepared_check_and_signatures_are_the_current_versions(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    services.return_draft(draft_id=draft.pk, user=org["section_head"], version=1, reason="标题请补充")
    services.edit_draft(draft_id=draft.pk, user=org["drafter"], data={"title": "区政务服务管理局工作动态（修订）"})
    draft = sign_as(org["section_head"], submit_and_check(Draft.objects.get(pk=draft.pk)))
    assert draft.version == 2
    expected = CheckRun.objects.filter(version__draft=draft, version__number=2).latest("pk")
    assert latest_check(draft) == expected and expected.version.number == 2
    signatures = live_signatures(draft)
    assert [(s.step, s.user.username) for s in signatures] == [("drafter", "drafter"), ("section_head", "section_head")]
    assert signatures == list(Signature.objects.filter(draft=draft, voided_at__isnull=True).order_by("signed_at"))
    assert live_signatures(make_draft(org["drafter"])) == []


@pytest.mark.parametrize("draft_id", ["0", "9223372036854775808", "99999999999999999999999"])
def test_ids_no_row_can_have_answer_404_not_a_database_error(org, draft_id):
    client = client_for(org["drafter"])
    assert client.get(f"/api/v1/drafts/{draft_id}/").status_code == 404
    answer = client_for(org["section_head"]).post(f"/api/v1/drafts/{draft_id}/sign/", {"version": 1}, format="json")
    assert answer.status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_locking_statement_refuses_to_run_outside_a_transaction(org):
    make_draft(org["drafter"])
    locking = Prepared(lambda pk: Draft.objects.select_for_update().filter(pk=pk), pk=NO_ROW)
    with transaction.atomic():
        locking.fetch(pk=1)
    with pytest.raises(TransactionManagementError):
        locking.fetch(pk=1)


def test_a_placeholder_must_shape_exactly_one_parameter():
    twice = Prepared(lambda pk: Draft.objects.filter(pk=pk, version=pk), pk=5)
    with pytest.raises(ValueError, match="occurs 2 times"):
        twice.fetch(pk=1)


@pytest.mark.skipif(
    not connection.settings_dict.get("OPTIONS", {}).get("prepare_threshold"),
    reason="server-side prepared statements: PostgreSQL's, unless REVIEWFLOW_DB_PREPARE=0",
)
def test_postgresql_prepares_a_statement_the_connection_keeps_running(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    for _ in range(6):  # psycopg prepares a statement on its fifth run
        assert draft_for(org["drafter"], draft.pk) is not None
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "reviewflow_draft"' in statement for statement in prepared), prepared
