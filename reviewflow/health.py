"""Liveness of the parts a request depends on: the database, the broker, and at least one worker's heartbeat."""

from __future__ import annotations

import logging
import socket
import threading

import redis
from django.conf import settings
from django.db import connection

log = logging.getLogger(__name__)


def redis_client(timeout: float = 1.0) -> redis.Redis:
    """A client for REDIS_URL (also the embedded server's `redis+socket://` form), failing fast."""
    url = settings.REDIS_URL
    if url.startswith("redis+socket://"):
        return redis.Redis(
            unix_socket_path=url.removeprefix("redis+socket://"), socket_timeout=timeout, socket_connect_timeout=timeout
        )
    return redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)


def heartbeat_prefix() -> str:
    # Per queue prefix, so a test or benchmark worker never vouches for production's.
    return f"reviewflow:heartbeat:{settings.CELERY_TASK_DEFAULT_QUEUE}:"


def beat(client: redis.Redis, worker: str) -> None:
    """Record that `worker` is alive; the key expires unless the next beat comes in time."""
    client.set(heartbeat_prefix() + worker, "1", ex=settings.REVIEWFLOW_HEARTBEAT_TTL)


def start_heartbeat(worker: str | None = None) -> threading.Event:
    """Beat every REVIEWFLOW_HEARTBEAT_EVERY seconds from a daemon thread until the returned event is set."""
    name = worker or socket.gethostname()
    stop = threading.Event()

    def run() -> None:
        client = redis_client()
        while True:
            try:
                beat(client, name)
            except redis.RedisError as error:  # the broker is down: /health/ reports it; keep trying
                log.warning("worker heartbeat failed: %s", error)
            if stop.wait(settings.REVIEWFLOW_HEARTBEAT_EVERY):
                client.delete(heartbeat_prefix() + name)
                return

    threading.Thread(target=run, name="reviewflow-heartbeat", daemon=True).start()
    return stop


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def status() -> dict[str, str]:
    """{"database", "broker", "workers"}: "ok" or what is wrong, each checked with a short timeout."""
    report: dict[str, str] = {}
    try:
        report["database"] = _database()
    except Exception as error:  # any failure of the database is the answer, not a crash of the probe
        report["database"] = f"down: {type(error).__name__}"
    client = redis_client()
    try:
        client.ping()
        report["broker"] = "ok"
        alive = sum(1 for _ in client.scan_iter(match=heartbeat_prefix() + "*", count=100))
        report["workers"] = f"ok: {alive}" if alive else "down: no heartbeat"
    except redis.RedisError as error:
        report["broker"] = f"down: {type(error).__name__}"
        report["workers"] = "unknown"
    finally:
        client.close()
    return report


def healthy(report: dict[str, str]) -> bool:
    return all(value.startswith("ok") for value in report.values())
