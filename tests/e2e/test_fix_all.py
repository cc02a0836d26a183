"""A pasted document full of half-width commas: one click fixes every one of them as one new version, and the page
shows the re-checked result without a manual resubmission."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from reviewflow.models import Draft
from tests.e2e.browser import screenshot
from tests.e2e.test_journeys import CHECK_TIMEOUT, submit_live, write_draft
from tests.factories import demo_org

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

SENTENCES = ["区政务服务管理局召开政务公开工作会议", "研究部署下一阶段信息发布审核工作", "会议要求各股室认真落实"]


def test_every_half_width_comma_of_a_pasted_document_is_fixed_in_one_action(people):
    demo_org()
    drafter = people().log_in("drafter")
    pasted = "\n".join(",".join(SENTENCES) + "。" for _ in range(30))  # 60 half-width commas between Chinese
    draft_id = write_draft(drafter, "区政务服务管理局工作动态", pasted)
    submit_live(drafter, "待修改")
    summary = drafter.locator("#finding-summary")
    row = summary.locator("tr", has=drafter.locator("button.apply-all")).first
    expect(row).to_contain_text("60")
    screenshot(drafter, "13-findings-summary")
    row.locator("button.apply-all").click()
    expect(drafter.locator("#draft-status")).to_have_text("待股室负责人签批", timeout=CHECK_TIMEOUT)
    draft = Draft.objects.get(pk=draft_id)
    assert "," not in draft.body and draft.body.count("，") == 60
    assert draft.version == 2
    expect(drafter.locator("#draft-body")).to_contain_text("，".join(SENTENCES))
