"""The audit list and the inbox, page by page and filter by filter: exactly the rows they should show, nothing more."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import transaction
from django.test import Client
from django.utils import timezone

from reviewflow.audit import audit_record
from reviewflow.models import AuditEvent, AuditKind, Draft, User
from tests.factories import make_draft, sign_as, submit_and_check

pytestmark = pytest.mark.django_db


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def walk(client: Client, path: str, **params) -> list[int]:
    """The ids a paged list shows, following its pages to the last."""
    ids: list[int] = []
    number = 1
    while True:
        response = client.get(path, {**params, "page": number})
        assert response.status_code == 200
        page = response.context["page"]
        ids += [row.pk for row in page]
        if not page.has_next():
            return ids
        number += 1


def newest_first(events) -> list[int]:
    return list(events.order_by("-created_at", "-id").values_list("pk", flat=True))


@pytest.fixture
def trail(org, monkeypatch) -> dict[str, User]:
    """Events of both demo sections over several pages of four, and one event with no draft."""
    monkeypatch.setattr("reviewflow.views.audit.PAGE_SIZE", 4)
    for n in range(3):
        submit_and_check(make_draft(org["drafter"], title=f"网络信息股第{n}篇"))
    for n in range(2):
        make_draft(org["drafter2"], title=f"办公室第{n}篇")
    with transaction.atomic():
        audit_record(draft=None, actor=org["admin"], event=AuditKind.MESSAGE_RECEIVED, data={})
    return org


def test_the_pages_together_list_every_event_once_newest_first(trail):
    shown = walk(logged_in(trail["admin"]), "/audit/")
    assert len(shown) > 3 * 4
    assert shown == newest_first(AuditEvent.objects.all())


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (lambda org: {"actor": org["drafter2"].pk}, lambda org: {"actor": org["drafter2"]}),
        (lambda org: {"actor": "drafter2"}, lambda org: {"actor": org["drafter2"]}),
        (lambda org: {"actor": "张拟稿"}, lambda org: {"actor": org["drafter"]}),
        (lambda org: {"section": org["drafter2"].section_id}, lambda org: {"draft__section": org["drafter2"].section}),
        (lambda org: {"section": org["drafter"].section_id}, lambda org: {"draft__section": org["drafter"].section}),
        (lambda org: {"event": "check.completed"}, lambda org: {"event": "check.completed"}),
        (
            lambda org: {"section": org["drafter"].section_id, "event": "draft.submitted"},
            lambda org: {"draft__section": org["drafter"].section, "event": "draft.submitted"},
        ),
        (
            lambda org: {"section": org["drafter2"].section_id, "actor": "drafter"},
            lambda org: {"draft__section": org["drafter2"].section, "actor": org["drafter"]},
        ),
    ],
)
def test_each_filter_lists_exactly_its_events_on_every_page(trail, params, expected):
    shown = walk(logged_in(trail["admin"]), "/audit/", **params(trail))
    assert shown == newest_first(AuditEvent.objects.filter(**expected(trail)))
    assert len(shown) < AuditEvent.objects.count()


def test_days_are_local_days_with_both_ends_included(trail):
    admin = logged_in(trail["admin"])
    today = timezone.localdate()
    assert walk(admin, "/audit/", since=today, until=today) == newest_first(AuditEvent.objects.all())
    assert walk(admin, "/audit/", until=today - datetime.timedelta(days=1)) == []
    assert walk(admin, "/audit/", since=today + datetime.timedelta(days=1)) == []


def test_a_person_nobody_is_called_lists_nothing_and_says_why(trail):
    admin = logged_in(trail["admin"])
    response = admin.get("/audit/", {"actor": "nobody"})
    assert list(response.context["page"]) == []
    assert "nobody" in response.content.decode() and "0 条事件" in response.content.decode()
    exported = b"".join(admin.get("/audit/export.csv", {"actor": "nobody"}).streaming_content).decode()
    assert len(exported.strip().splitlines()) == 1  # the header only
    for odd in ("9" * 30, "²", "0"):
        assert list(admin.get("/audit/", {"actor": odd}).context["page"]) == []


def test_a_name_two_people_share_asks_for_the_username(trail):
    User.objects.create(username="zhang2", display_name="张拟稿", section=trail["drafter2"].section)
    response = logged_in(trail["admin"]).get("/audit/", {"actor": "张拟稿"})
    assert list(response.context["page"]) == []
    assert response.context["form"].errors["actor"]
    by_username = walk(logged_in(trail["admin"]), "/audit/", actor="drafter")
    assert by_username == newest_first(AuditEvent.objects.filter(actor=trail["drafter"]))


def test_the_filter_form_names_the_person_in_a_text_box_and_groups_sections_by_unit(trail):
    page = logged_in(trail["admin"]).get("/audit/").content.decode()
    assert '<input type="text" name="actor"' in page and '<select name="actor"' not in page
    assert '<optgroup label="隆阳区政务服务管理局"><option value="' in page
    chosen = logged_in(trail["admin"]).get("/audit/", {"section": trail["drafter2"].section_id}).content.decode()
    assert f'<option value="{trail["drafter2"].section_id}" selected>办公室</option>' in chosen


@pytest.mark.parametrize("username", ["drafter", "section_head", "deputy", "head"])
def test_no_filter_or_page_opens_the_audit_list_to_people_who_are_not_auditors(trail, username):
    client = logged_in(trail[username])
    for params in ({}, {"page": 2}, {"actor": trail[username].pk}, {"section": trail[username].section_id}):
        assert client.get("/audit/", params).status_code == 403
        assert client.get("/audit/export.csv", params).status_code == 403


def test_a_holder_of_the_audit_permission_reads_the_whole_list(trail):
    auditor = User.objects.create(username="auditor", display_name="审计员", section=trail["drafter"].section)
    auditor.user_permissions.add(Permission.objects.get(codename="view_auditevent"))
    shown = walk(logged_in(User.objects.get(pk=auditor.pk)), "/audit/")
    assert shown == newest_first(AuditEvent.objects.all())


def test_the_inbox_pages_list_exactly_the_drafts_the_person_holds_oldest_first(org, monkeypatch):
    monkeypatch.setattr("reviewflow.views.pages.INBOX_PAGE_SIZE", 2)
    waiting = [submit_and_check(make_draft(org["drafter"], title=f"第{n}篇")) for n in range(5)]
    submit_and_check(make_draft(org["drafter2"], title="办公室的稿件"))  # held by the other section's head
    sign_as(org["section_head"], waiting[0])  # now the deputy's
    held = Draft.objects.filter(holder=org["section_head"], status="signing").order_by("status_changed_at", "pk")
    assert walk(logged_in(org["section_head"]), "/inbox/") == [d.pk for d in held] == [d.pk for d in waiting[1:]]
    assert walk(logged_in(org["deputy"]), "/inbox/") == [waiting[0].pk]
    assert walk(logged_in(org["head"]), "/inbox/") == []


def test_a_stand_in_inbox_pages_add_the_principals_drafts_to_their_own(org, monkeypatch):
    from reviewflow.services.standins import name_stand_in

    monkeypatch.setattr("reviewflow.views.pages.INBOX_PAGE_SIZE", 2)
    waiting = [submit_and_check(make_draft(org["drafter2"], title=f"办公室第{n}篇")) for n in range(3)]
    today = timezone.localdate()
    name_stand_in(
        by=org["section_head2"],
        principal=org["section_head2"],
        stand_in=org["section_head"],
        starts_on=today,
        ends_on=today + datetime.timedelta(days=2),
        reason="出差",
    )
    own = submit_and_check(make_draft(org["drafter"], title="网络信息股的稿件"))
    shown = walk(logged_in(org["section_head"]), "/inbox/")
    assert shown == [d.pk for d in [*waiting, own]]
    assert walk(logged_in(org["deputy"]), "/inbox/") == []
