"""Test session set-up: Redis (the one named by REDIS_URL, else an embedded one) and a real Celery worker."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
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


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker):
    """Start `celery worker` on the test database; yield it; stop it."""
    from settings.celery import app

    with django_db_blocker.unblock():
        url = _database_url()
    app.control.purge()
    log = open(ROOT / "var" / "test-worker.log", "w")
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "settings", "worker", "--pool=solo", "--loglevel=INFO",
         "-Q", settings.CELERY_TASK_DEFAULT_QUEUE, "-n", f"test-{os.getpid()}@%h"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "settings.test", "DATABASE_URL": url,
             "REDIS_URL": settings.REDIS_URL},
    )
    try:
        wait_for(lambda: worker.poll() is not None or app.control.ping(timeout=0.5), timeout=120, interval=0.5)
        assert worker.poll() is None, (ROOT / "var" / "test-worker.log").read_text()[-3000:]
        yield worker
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()
