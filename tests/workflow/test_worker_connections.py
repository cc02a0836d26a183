"""A prefork worker on the production settings keeps its pooled database connection from one task to the next
(Celery's Django fix-up would otherwise close the pool around every task, and each check would open a new session),
and gets through when the database has dropped that connection."""

from __future__ import annotations

import os
import secrets

import pytest
from django.db import connection, transaction

from reviewflow import services
from reviewflow.models import Draft, Status
from tests.conftest import start_worker, stop_worker
from tests.factories import demo_org, make_draft, wait_for
from workflow.tasks import run_check

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.worker,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the connection pool is PostgreSQL's"),
]


def worker_sessions(application_name: str) -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE application_name = %s", [application_name])
        return {row[0] for row in cursor.fetchall()}


def submit_to(queue: str, draft: Draft, user) -> None:
    """Submit the draft and send its check to `queue` alone, which only this test's worker consumes: the session's
    shared worker, if another test started it, must not take the check."""
    with transaction.atomic():
        run = services.submit(draft_id=draft.pk, user=user)
        transaction.get_connection().run_on_commit.clear()
    run_check.apply_async((run.pk,), queue=queue)


def test_a_prefork_worker_keeps_its_pooled_connection_and_recovers_when_it_is_dropped(database_url):
    application_name = f"reviewflow-test-worker-{os.getpid()}"
    queue = f"pooled-{os.getpid()}"
    separator = "&" if "?" in database_url else "?"
    worker = start_worker(
        database_url=f"{database_url}{separator}application_name={application_name}",
        queue=queue,
        name=queue,
        pool="prefork",
        extra_env={
            "DJANGO_SETTINGS_MODULE": "settings.prod",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "localhost",
            "REVIEWFLOW_DB_POOL_MAX": "2",
            "REVIEWFLOW_DB_POOL_MIN": "1",
        },
    )
    try:
        org = demo_org()
        seen = []
        for n in range(3):
            draft = make_draft(org["drafter"], title=f"第{n}期工作动态")
            submit_to(queue, draft, org["drafter"])
            wait_for(lambda pk=draft.pk: Draft.objects.get(pk=pk).status != Status.CHECKING)
            seen.append(worker_sessions(application_name))
        assert seen[0], "the worker holds no connection between tasks"
        assert seen[0] == seen[1] == seen[2], seen

        # The database drops the kept connection (a restart, a failover): the next check still gets through.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s", [application_name]
            )
        draft = make_draft(org["drafter"], title="连接断开之后的稿件")
        submit_to(queue, draft, org["drafter"])
        wait_for(lambda: Draft.objects.get(pk=draft.pk).status != Status.CHECKING, timeout=60)
        assert Draft.objects.get(pk=draft.pk).status == Status.SIGNING
    finally:
        stop_worker(worker)
