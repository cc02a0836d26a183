"""What a signature costs: its statements, and the per-process copies of the reference tables that spare it and the
check reads (each change to those tables is seen by the next signature or check in every process)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.db import connection
from rest_framework.test import APIClient

import checks
from reviewflow import reference
from reviewflow.management.commands.seed_demo import PASSWORD as DEMO_PASSWORD
from reviewflow.models import CalendarDay, DictionaryEntry, Official, OfficialTitle, ReferenceVersion, StepLimit
from reviewflow.models_office import WebhookDelivery, WebhookEndpoint
from reviewflow.verification import verify_audit
from reviewflow.workdays import Calendar, local_date
from tests.factories import (
    ONE_CLEAN_ROUND,
    audit_kinds,
    fully_signed,
    make_draft,
    sign_as,
    submit_and_check,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def reference_row():
    """As after migrating: the token row exists (a flush by an earlier test may have emptied the table)."""
    ReferenceVersion.objects.get_or_create(pk=1, defaults={"token": uuid.uuid4().hex})


def _deputy_due_in(org, days: int):
    """Sign a fresh draft's first level; answer its deputy level's due time and that time for a limit of `days`."""
    draft = sign_as(org["section_head"], submit_and_check(make_draft(org["drafter"])))
    assert draft.step == "deputy"
    return draft.step_due_at, Calendar().deadline(draft.status_changed_at, days).due


def test_a_step_limit_saved_in_admin_applies_to_the_next_level_that_opens(org):
    due, expected = _deputy_due_in(org, StepLimit.DEFAULT_DAYS)  # the process now holds a copy of the limits
    assert due == expected
    limit = StepLimit.objects.create(unit=org["drafter"].section.unit, column="", step="deputy", working_days=7)
    due, expected = _deputy_due_in(org, 7)
    assert due == expected
    limit.working_days = 4
    limit.save()
    due, expected = _deputy_due_in(org, 4)
    assert due == expected
    limit.delete()
    due, expected = _deputy_due_in(org, StepLimit.DEFAULT_DAYS)
    assert due == expected


def test_a_calendar_day_entered_in_admin_moves_the_next_deadline(org):
    due, _expected = _deputy_due_in(org, StepLimit.DEFAULT_DAYS)
    last_day = local_date(due - timedelta(hours=1))
    CalendarDay.objects.create(day=last_day, working=False, note="本地停工")
    later, expected = _deputy_due_in(org, StepLimit.DEFAULT_DAYS)
    assert later == expected and later > due


def test_a_copy_is_used_only_under_the_token_it_was_loaded_with(org, django_assert_num_queries):
    reference.bump()
    token = reference.current_token()
    with django_assert_num_queries(1):
        reference.step_limits(token)
    with django_assert_num_queries(0):
        assert reference.step_limits(token) == {}
    # Another process's change: a new token is committed with it, and this process's copy no longer counts.
    StepLimit.objects.create(unit=org["drafter"].section.unit, column="", step="head", working_days=3)
    new_token = reference.current_token()
    assert new_token != token
    with django_assert_num_queries(1):
        assert reference.step_limits(new_token) == {(org["drafter"].section.unit_id, "", "head"): 3}
    ReferenceVersion.objects.all().delete()  # no token: nothing is kept, the table is read each time
    with django_assert_num_queries(1):
        reference.step_limits(None)


def test_a_webhook_endpoint_added_after_a_publication_receives_the_next_one(org):
    def publish():
        draft = submit_and_check(make_draft(org["drafter"]))
        for step in ("section_head", "deputy", "head"):
            draft = sign_as(org[step], draft)
        assert draft.status == "published"
        return draft

    publish()
    assert not WebhookDelivery.objects.exists()
    unit = org["drafter"].section.unit
    endpoint = WebhookEndpoint.objects.create(unit=unit, name="CMS", url="http://127.0.0.1:9/", secret="s" * 32)
    draft = publish()
    assert list(WebhookDelivery.objects.values_list("endpoint_id", "draft_id")) == [(endpoint.pk, draft.pk)]
    endpoint.active = False
    endpoint.save()
    publish()
    assert WebhookDelivery.objects.count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the budget is production's: SQLite appends to the audit chain in three statements, not one",
)
def test_every_sign_request_takes_at_most_ten_statements_token_lookup_and_publication_included(
    org, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    """As a client sends it, with its API token; BEGIN and COMMIT are counted too."""
    fully_signed(org)  # the process loads its copies of the reference tables
    draft = submit_and_check(make_draft(org["drafter"]))
    for name in ("section_head", "deputy", "head"):
        client = APIClient()
        login = client.post("/api/v1/auth/token/", {"username": name, "password": DEMO_PASSWORD}, format="json")
        client.credentials(HTTP_AUTHORIZATION=f"Token {login.json()['token']}")
        with django_assert_max_num_queries(10):
            answer = client.post(f"/api/v1/drafts/{draft.pk}/sign/", {"version": 1}, format="json")
        assert answer.status_code == 200, answer.content
    assert answer.json()["status"] == "published"
    assert audit_kinds(draft.pk) == ONE_CLEAN_ROUND
    assert verify_audit().ok


def test_a_dictionary_entry_or_an_official_reaches_the_next_check(org, monkeypatch):
    lexicons = []
    monkeypatch.setattr(checks, "check_text", lambda text, lexicon=None: lexicons.append(lexicon) or [])
    unit = org["drafter"].section.unit
    submit_and_check(make_draft(org["drafter"]))  # the worker now holds the unit's lexicon
    DictionaryEntry.objects.create(unit=unit, kind=DictionaryEntry.EntryKind.ALLOW, term="隆阳")
    submit_and_check(make_draft(org["drafter"]))
    official = Official.objects.create(unit=unit, name="钱处长", precedence=9)
    OfficialTitle.objects.create(official=official, title="区政务服务管理局副局长")
    submit_and_check(make_draft(org["drafter"]))
    assert "隆阳" not in lexicons[0].allow and "隆阳" in lexicons[-1].allow
    assert [o.titles for o in lexicons[-1].officials if o.name == "钱处长"] == [("区政务服务管理局副局长",)]
