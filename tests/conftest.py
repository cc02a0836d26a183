"""Test session set-up: Redis (the one named by REDIS_URL, else an embedded one) and a real Celery worker."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from celery import Celery
from django.conf import settings
from django.db import connection

from tests.factories import wait_for

ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config) -> None:
    from checks.build import build_lm

    build_lm(log=lambda *_args: None)  # cached: a no-op once the language model exists
    if os.environ.get("REDIS_URL"):
        return
    from reviewflow.embedded import start_redis

    server = start_redis(settings.EMBEDDED_REDIS_SOCKET)
    if server is not None:
        config.add_cleanup(server.terminate)


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(
    *, database_url: str, queue: str, name: str, extra_env: dict | None = None, pool: str = "solo"
) -> subprocess.Popen:
    """A real `celery worker` process on the test database and Redis, consuming `queue` (comma-separated names);
    returns once it answers. `pool="prefork"`: one forked child, as production runs checks."""
    from settings.celery import app

    log_path = settings.VAR_DIR / f"test-worker-{name}.log"
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "settings",
            "worker",
            f"--pool={pool}",
            "--concurrency=1",
            "--loglevel=INFO",
            "-Q",
            queue,
            "-n",
            f"{name}@%h",
        ],
        cwd=ROOT,
        stdout=open(log_path, "w"),  # noqa: SIM115 (the worker keeps it)
        stderr=subprocess.STDOUT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "settings.test",
            "DATABASE_URL": database_url,
            "REDIS_URL": settings.REDIS_URL,
            **(extra_env or {}),
        },
    )
    destination = [f"{name}@{socket.gethostname()}"]
    broker = (extra_env or {}).get("REDIS_URL")
    # A worker on a broker of its own answers there; the ping app must not become the current app.
    pinger = Celery(broker=broker, set_as_current=False) if broker else app
    wait_for(
        lambda: worker.poll() is not None or pinger.control.ping(destination=destination, timeout=0.5),
        timeout=120,
        interval=0.5,
    )
    assert worker.poll() is None, log_path.read_text()[-3000:]
    return worker


def all_queues() -> str:
    """The test queues: the default one and the checks, notifications and deliveries queues."""
    return ",".join([settings.CELERY_TASK_DEFAULT_QUEUE, *settings.REVIEWFLOW_QUEUES.values()])


def stop_worker(worker: subprocess.Popen) -> None:
    worker.terminate()
    worker.wait(timeout=30)


@pytest.fixture
def org(db) -> dict:
    """The demo organisation, by username: drafter, section_head, deputy, head, drafter2, section_head2, admin."""
    from tests.factories import demo_org

    return demo_org()


@pytest.fixture(scope="session")
def database_url(django_db_setup, django_db_blocker) -> str:
    """The test database, as a URL another process can open."""
    with django_db_blocker.unblock():
        return _database_url()


@pytest.fixture(scope="session")
def celery_worker(database_url):
    """The worker the integration and browser tests share, on the test queue."""
    from settings.celery import app

    app.control.purge()
    worker = start_worker(database_url=database_url, queue=all_queues(), name=f"test-{os.getpid()}")
    yield worker
    stop_worker(worker)
