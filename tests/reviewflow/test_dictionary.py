"""The organisation dictionary reaches the checker, and repeated dismissals propose whitelist entries."""

from __future__ import annotations

import pytest

from reviewflow import services
from reviewflow.models import DictionaryEntry, Draft, Status, Unit
from tests.factories import make_draft, stage, submit_and_check

pytestmark = pytest.mark.django_db

TYPO_BODY = "区政务服务管理局研究布署下一阶段工作。"


def test_an_allowed_term_is_never_flagged(org):
    DictionaryEntry.objects.create(unit=Unit.objects.get(), kind="allow", term="布署")
    assert stage(submit_and_check(make_draft(org["drafter"], body=TYPO_BODY))) == "signing:section_head"


def test_a_proposed_entry_is_not_applied_until_an_admin_accepts_it(org):
    DictionaryEntry.objects.create(unit=Unit.objects.get(), kind="allow", term="布署", proposed=True)
    assert submit_and_check(make_draft(org["drafter"], body=TYPO_BODY)).status == Status.NEEDS_REVISION


def test_an_organisation_confusion_is_flagged_with_its_preferred_wording(org):
    DictionaryEntry.objects.create(
        unit=Unit.objects.get(), kind="confusion", term="政务服务局", replacement="政务服务管理局"
    )
    draft = submit_and_check(make_draft(org["drafter"], body="区政务服务局召开会议，研究部署下一阶段工作。"))
    assert draft.status == Status.NEEDS_REVISION
    finding = draft.versions.get().check_runs.get().findings.get(text="政务服务局")
    assert finding.suggestion == "政务服务管理局"


def test_three_dismissals_by_two_people_propose_the_term_for_the_whitelist(org):
    for drafter, n in (("drafter", 1), ("drafter", 2), ("drafter2", 3)):
        draft = submit_and_check(make_draft(org[drafter], title=f"第{n}篇", body=TYPO_BODY))
        for finding in draft.versions.get().check_runs.get().findings.filter(text="布署"):
            services.dismiss_finding(draft_id=draft.pk, user=org[drafter], finding_id=finding.pk, reason="专名")
    entry = DictionaryEntry.objects.get(term="布署")
    assert (entry.kind, entry.proposed) == ("allow", True)
    assert Draft.objects.count() == 3
