"""A dead link found by the real worker at submission sends the draft back with the finding on the link."""

from __future__ import annotations

import pytest

from reviewflow.models import AllowedLinkHost, Draft, Status, Unit
from tests.factories import client_for, demo_org, draft_data, wait_for
from tests.linkserver import link_server

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def test_the_worker_checks_links_at_submission(celery_worker):
    org = demo_org()
    AllowedLinkHost.objects.create(unit=Unit.objects.get(), host="localhost", reason="测试服务器")
    drafter = client_for(org["drafter"])
    with link_server() as server:
        body = f"区政务服务管理局召开政务公开工作会议，会议通知见{server.url('/missing')}。"
        draft_id = drafter.post("/api/v1/drafts/", draft_data(body=body), format="json").json()["id"]
        assert drafter.post(f"/api/v1/drafts/{draft_id}/submit/").status_code == 202
        wait_for(lambda: Draft.objects.get(pk=draft_id).status != Status.CHECKING)
        assert server.hits["/missing"] == 1
    assert Draft.objects.get(pk=draft_id).status == Status.NEEDS_REVISION
    findings = drafter.get(f"/api/v1/drafts/{draft_id}/").json()["check"]["findings"]
    link = [f for f in findings if f["rule"].startswith("inspection.link")]
    assert [(f["rule"], f["text"], f["severity"]) for f in link] == [
        ("inspection.link.client_error", server.url("/missing"), "error")
    ]
