"""Re-scans of published items: a dictionary change re-checks the public text once per trigger and lists the items
with new blocking findings for their drafter and the administrators."""

from __future__ import annotations

import pytest
from django.test import Client

from reviewflow import selectors
from reviewflow.models import AuditEvent, DictionaryEntry, Notification, Rescan
from reviewflow.services.rescan import dictionary_trigger
from tests.factories import fully_signed
from workflow.tasks import rescan_published

pytestmark = pytest.mark.django_db


def add_confusion(unit, term: str, replacement: str) -> DictionaryEntry:
    return DictionaryEntry.objects.create(unit=unit, kind="confusion", term=term, replacement=replacement)


def test_a_dictionary_change_lists_the_affected_published_item_and_not_the_other(org):
    affected = fully_signed(org, body="区政务服务管理局召开全体干部会议。")
    clean = fully_signed(org, title="另一条", body="区政务服务管理局开展专项检查。")
    unit = affected.section.unit
    entry = add_confusion(unit, "全体干部", "全体干部职工")
    assert rescan_published(unit.pk, dictionary_trigger(entry)) == 2
    listed = selectors.published_to_review(org["drafter"])
    assert [r.draft_id for r in listed] == [affected.pk]
    rescan = listed[0]
    assert rescan.version_id == affected.publication.version_id
    assert rescan.trigger.startswith(f"dictionary:{entry.pk}:confusion:全体干部")
    assert [(f.text, f.suggestion) for f in rescan.findings.all()] == [("全体干部", "全体干部职工")]
    assert Rescan.objects.get(draft=clean).findings.count() == 0
    assert list(
        AuditEvent.objects.filter(draft=affected, event="draft.rescan_found").values_list("actor", flat=True)
    ) == [None]
    told = set(
        Notification.objects.filter(draft=affected).filter(message__contains="re-check").values_list("user", flat=True)
    )
    told |= set(
        Notification.objects.filter(draft=affected, message__contains="重新检查").values_list("user", flat=True)
    )
    assert {org["drafter"].pk, org["admin"].pk} <= told
    page = Client()
    page.force_login(org["drafter"])
    html = page.get("/published-to-review/").content.decode()
    assert f'data-draft="{affected.pk}"' in html and f'data-draft="{clean.pk}"' not in html
    assert f"/drafts/{affected.pk}/" in html
    assert 'id="nav-to-review"' in html


def test_the_rescan_task_is_idempotent(org):
    draft = fully_signed(org, body="区政务服务管理局召开全体干部会议。")
    unit = draft.section.unit
    trigger = dictionary_trigger(add_confusion(unit, "全体干部", "全体干部职工"))
    assert rescan_published(unit.pk, trigger) == 1
    assert rescan_published(unit.pk, trigger) == 0
    assert Rescan.objects.filter(draft=draft).count() == 1
    assert AuditEvent.objects.filter(draft=draft, event="draft.rescan_found").count() == 1


def test_a_correction_in_progress_is_rescanned_on_its_published_text(org):
    from reviewflow import services

    draft = fully_signed(org, body="区政务服务管理局召开全体干部会议。")
    services.open_correction(draft_id=draft.pk, user=org["drafter"], note="更正")
    services.edit_draft(draft_id=draft.pk, user=org["drafter"], data={"body": "区政务服务管理局召开会议。"})
    unit = draft.section.unit
    rescan_published(unit.pk, dictionary_trigger(add_confusion(unit, "全体干部", "全体干部职工")))
    assert [r.draft_id for r in selectors.published_to_review(org["admin"])] == [draft.pk]


def test_other_drafters_do_not_see_the_item(org):
    draft = fully_signed(org, body="区政务服务管理局召开全体干部会议。")
    unit = draft.section.unit
    rescan_published(unit.pk, dictionary_trigger(add_confusion(unit, "全体干部", "全体干部职工")))
    assert list(selectors.published_to_review(org["drafter2"])) == []
