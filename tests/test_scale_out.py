"""Two gunicorn web processes and two Celery workers on one PostgreSQL and one Redis: a full four-signature cycle
through the HTTP API, each step sent to the other web process."""

from __future__ import annotations

import os

import pytest

from tests.conftest import all_queues, start_worker, stop_worker
from tests.factories import CLEAN_BODY, demo_org, wait_for
from tests.servers import Web

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


@pytest.fixture
def cluster(database_url):
    """Two web processes and two workers, all consuming the test queues."""
    from settings.celery import app

    app.control.purge()
    webs = [Web(database_url, f"{os.getpid()}-{n}") for n in (1, 2)]
    workers = [
        start_worker(database_url=database_url, queue=all_queues(), name=f"scale-{os.getpid()}-{n}") for n in (1, 2)
    ]
    yield webs
    for worker in workers:
        stop_worker(worker)
    for web in webs:
        web.stop()


def test_a_full_cycle_across_two_web_processes_and_two_workers(cluster):
    demo_org()
    first, second = cluster
    tokens = {}
    for n, name in enumerate(("drafter", "section_head", "deputy", "head")):
        status, body = cluster[n % 2].call(
            "POST", "/api/v1/auth/token/", {"username": name, "password": "reviewflow-demo"}
        )
        assert status == 200, body
        tokens[name] = body["token"]

    status, draft = first.call(
        "POST",
        "/api/v1/drafts/",
        {"title": "区政务服务管理局召开政务公开工作会议", "body": CLEAN_BODY, "column": "work_news"},
        tokens["drafter"],
    )
    assert status == 201, draft
    path = f"/api/v1/drafts/{draft['id']}/"
    assert second.call("POST", path + "submit/", token=tokens["drafter"])[0] == 202
    seen = wait_for(
        lambda: (body := first.call("GET", path, token=tokens["section_head"])[1])["status"] != "checking" and body
    )
    assert (seen["status"], seen["next_step"]) == ("signing", "section_head")
    for n, signer in enumerate(("section_head", "deputy", "head")):
        web = cluster[(n + 1) % 2]
        status, body = web.call("POST", path + "sign/", {"version": seen["version"]}, tokens[signer])
        assert status == 200, body
    assert body["status"] == "published"
    body = second.call("GET", path, token=tokens["head"])[1]  # read back through the other web process
    assert [s["step"] for s in body["signatures"]] == ["drafter", "section_head", "deputy", "head"]
    status, audit = second.call("GET", path + "audit/", token=tokens["head"])
    assert status == 200
    assert [(e["event"], e["data"].get("step")) for e in audit["results"]] == [
        ("draft.created", None),
        ("draft.submitted", None),
        ("check.completed", None),
        ("review.signed", "drafter"),
        ("review.signed", "section_head"),
        ("review.signed", "deputy"),
        ("review.signed", "head"),
        ("draft.published", None),
    ]
    status, published = second.call("GET", f"/api/v1/published/{draft['id']}/")
    assert status == 200 and published["title"] == "区政务服务管理局召开政务公开工作会议"
