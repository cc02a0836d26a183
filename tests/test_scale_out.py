"""Two gunicorn web processes and two Celery workers on one PostgreSQL and one Redis: a full four-signature cycle
through the HTTP API, each step sent to the other web process."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys

import pytest
from django.conf import settings

from tests.conftest import ROOT, all_queues, start_worker, stop_worker
from tests.factories import CLEAN_BODY, demo_org, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Web:
    """One gunicorn process (two sync workers) on the test database."""

    def __init__(self, database_url: str, name: str):
        self.port = free_port()
        self.log = settings.VAR_DIR / f"test-web-{name}.log"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "settings.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--graceful-timeout",
                "5",
            ],
            cwd=ROOT,
            stdout=open(self.log, "w"),  # noqa: SIM115 (the server keeps it)
            stderr=subprocess.STDOUT,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "settings.test",
                "DATABASE_URL": database_url,
                "REDIS_URL": settings.REDIS_URL,
            },
        )
        wait_for(lambda: self.process.poll() is not None or self._answers(), timeout=60, interval=0.2)
        assert self.process.poll() is None, self.log.read_text()[-3000:]

    def _answers(self) -> bool:
        try:
            return self.call("GET", "/api/v1/published/")[0] == 200
        except OSError:
            return False

    def call(self, method: str, path: str, body: dict | None = None, token: str | None = None) -> tuple[int, dict]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Token {token}"
        try:
            connection.request(method, path, body=json.dumps(body or {}), headers=headers)
            response = connection.getresponse()
            return response.status, json.loads(response.read() or b"{}")
        finally:
            connection.close()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


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
