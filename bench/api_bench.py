"""Full review cycles through the HTTP API against a real server, worker, database and Redis; prints figures.

    .venv/bin/python bench/api_bench.py [--cycles 40] [--clients 4]

Uses DATABASE_URL / REDIS_URL when set (a database named reviewflow_bench is created on that PostgreSQL server and
reset), else SQLite and an embedded Redis under var/bench/. Starts `manage.py runserver` (threaded) and one Celery
worker, then measures: full four-signature cycles per second (one client, then several), p50/p99 of a sign request,
and the latency from submit to the check's result being visible.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PORT = 8765
SIGNERS = ("section_head", "deputy", "head")


def _bench_database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        path = ROOT / "var" / "bench" / "bench.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    parts = urlsplit(url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS reviewflow_bench WITH (FORCE)")
        connection.execute("CREATE DATABASE reviewflow_bench")
    return urlunsplit(parts._replace(path="/reviewflow_bench"))


class Api:
    """A keep-alive JSON client for one user."""

    def __init__(self, token: str | None = None):
        self.connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        self.token = token

    def call(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = f"Token {self.token}"
        self.connection.request(method, f"/api/v1{path}", body=json.dumps(body or {}), headers=headers)
        response = self.connection.getresponse()
        return response.status, json.loads(response.read() or b"{}")


def login(username: str) -> Api:
    status, body = Api().call("POST", "/auth/token/", {"username": username, "password": "reviewflow-demo"})
    assert status == 200, body
    return Api(body["token"])


def one_cycle(clients: dict[str, Api], sign_times: list[float], check_times: list[float], n: int) -> None:
    drafter = clients["drafter"]
    status, draft = drafter.call(
        "POST",
        "/drafts/",
        {
            "title": f"区政务服务管理局召开第{n}次政务公开工作会议",
            "body": "区政务服务管理局召开政务公开工作会议，研究部署下一阶段信息发布审核工作。" * 5,
        },
    )
    assert status == 201, draft
    started = time.perf_counter()
    status, _ = drafter.call("POST", f"/drafts/{draft['id']}/submit/")
    assert status == 202
    while True:
        status, seen = drafter.call("GET", f"/drafts/{draft['id']}/")
        if seen["status"] != "checking":
            break
        time.sleep(0.002)
    check_times.append(time.perf_counter() - started)
    assert seen["status"] == "awaiting_section_head", seen["status"]
    for signer in SIGNERS:
        started = time.perf_counter()
        status, body = clients[signer].call("POST", f"/drafts/{draft['id']}/sign/", {"version": 1})
        sign_times.append(time.perf_counter() - started)
        assert status == 200, body
    assert body["status"] == "published", body["status"]


def run_cycles(count: int, clients_n: int) -> tuple[float, list[float], list[float]]:
    sign_times: list[float] = []
    check_times: list[float] = []
    per_client = [{name: login(name) for name in ("drafter", *SIGNERS)} for _ in range(clients_n)]

    def work(index: int) -> None:
        for n in range(index, count, clients_n):
            one_cycle(per_client[index], sign_times, check_times, n)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients_n)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return count / (time.perf_counter() - started), sign_times, check_times


def _ms(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=40)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    env = {
        **os.environ,
        "DATABASE_URL": _bench_database_url(),
        "DJANGO_SETTINGS_MODULE": "settings.base",
        "REVIEWFLOW_QUEUE": "reviewflow-bench",
    }
    processes: list[subprocess.Popen] = []
    redis = None
    if not os.environ.get("REDIS_URL"):
        from reviewflow.embedded import start_redis

        socket_path = ROOT / "var" / "bench" / "redis.sock"
        socket_path.parent.mkdir(parents=True, exist_ok=True)
        redis = start_redis(socket_path)
        env["REDIS_URL"] = f"redis+socket://{socket_path}"
    python = sys.executable
    try:
        subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        subprocess.run(
            [python, "manage.py", "seed_demo", "-v0"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
        (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
        log = open(ROOT / "var" / "bench" / "bench.log", "w")  # noqa: SIM115 (the worker keeps it)
        subprocess.run(
            [python, "-m", "celery", "-A", "settings", "purge", "-f", "-Q", "reviewflow-bench"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        processes.append(
            subprocess.Popen(
                [
                    python,
                    "-m",
                    "celery",
                    "-A",
                    "settings",
                    "worker",
                    "--pool=solo",
                    "-Q",
                    "reviewflow-bench",
                    "--loglevel=WARNING",
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        processes.append(
            subprocess.Popen(
                [python, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                Api().call("GET", "/published/")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        run_cycles(2, 1)  # warm-up: first check loads the checker's resources in the worker
        database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
        print(f"database: {database}; server: runserver (threaded); worker: celery --pool=solo")
        for clients_n in (1, args.clients):
            rate, signs, checks = run_cycles(args.cycles, clients_n)
            print(
                f"clients={clients_n}: {rate:.2f} full cycles/s over {args.cycles} cycles; "
                f"sign p50 {_ms(signs, 50):.1f} ms, p99 {_ms(signs, 99):.1f} ms (n={len(signs)}); "
                f"submit→check result p50 {_ms(checks, 50):.1f} ms, p99 {_ms(checks, 99):.1f} ms"
            )
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        if redis is not None:
            redis.terminate()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
