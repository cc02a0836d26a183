"""The re-scan through the real worker and checker: saving a dictionary entry re-checks published text."""

from __future__ import annotations

import pytest

from reviewflow.models import DictionaryEntry, Rescan
from tests.factories import demo_org, fully_signed, wait_for
from workflow.tasks import rescan_published

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def test_saving_a_sensitive_formulation_rescans_the_published_item_in_the_worker(celery_worker):
    org = demo_org()
    draft = fully_signed(org, body="区政务服务管理局召开会议，部署旧式提法有关工作。")
    entry = DictionaryEntry.objects.create(
        unit=draft.section.unit, kind="sensitive", term="旧式提法", replacement="新的表述"
    )
    wait_for(lambda: Rescan.objects.filter(draft=draft).exists())
    rescan = Rescan.objects.get(draft=draft)
    assert rescan.trigger.startswith(f"dictionary:{entry.pk}:sensitive:旧式提法")
    assert [f.text for f in rescan.findings.all()] == ["旧式提法"]
    # A redelivery of the same trigger finds the re-scan stored and runs nothing.
    assert rescan_published(draft.section.unit_id, rescan.trigger) == 0
    assert Rescan.objects.filter(draft=draft).count() == 1
