"""Full review cycles through the HTTP API against gunicorn, prefork Celery workers, PostgreSQL and Redis;
beside them a raw-SQL baseline of a signature's writes. Prints figures.

    DATABASE_URL=postgres://… REDIS_URL=redis://… .venv/bin/python bench/api_bench.py [--cycles 40]
        [--clients 1 4 8] [--web-workers 4] [--no-pool] [--server gunicorn|runserver] [--database NAME] [--port N]

Needs PostgreSQL and Redis (their URLs from the environment). A database (--database, default reviewflow_bench) is
created on that server (with a connection limit), used, and dropped afterwards; two benches on one server need
different names, ports and Redis databases. The server runs settings.prod behind a simulated proxy
(X-Forwarded-Proto: https). For each client count it measures full four-signature cycles per second, sign p50/p99,
submit → check result p50, then a sign-only phase (signs per second) and the raw-SQL baseline doing the same writes
of a signature (lock the draft row, insert the signature, insert the audit event, update the draft) in one
transaction, with the ratio; and the most connections the bench database ever had open.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psutil
import psycopg

ROOT = Path(__file__).resolve().parents[1]
SIGNERS = ("section_head", "deputy", "head")
CONNECTION_LIMIT = 40
# Set from the command line in main(): the bench database's name and the server's port.
DATABASE = "reviewflow_bench"
PORT = 8765
BODY = "区政务服务管理局召开政务公开工作会议，研究部署下一阶段信息发布审核工作。" * 5


def _admin_url() -> str:
    return urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path="/postgres"))


def create_database() -> str:
    with psycopg.connect(_admin_url(), autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
        connection.execute(f"ALTER DATABASE {DATABASE} CONNECTION LIMIT {CONNECTION_LIMIT}")
    return urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{DATABASE}"))


def drop_database() -> None:
    with psycopg.connect(_admin_url(), autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


class ConnectionWatch:
    """Samples pg_stat_activity for the bench database; remembers the most connections seen."""

    def __init__(self):
        self.most = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def now(self) -> int:
        with psycopg.connect(_admin_url(), autocommit=True) as connection:
            return connection.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [DATABASE]
            ).fetchone()[0]

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self.most = max(self.most, self.now())

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class Api:
    """A keep-alive JSON client for one user, as if behind the TLS proxy."""

    def __init__(self, token: str | None = None):
        self.connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        self.token = token

    def call(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
        headers = {"Content-Type": "application/json", "X-Forwarded-Proto": "https"}
        if self.token:
            headers["Authorization"] = f"Token {self.token}"
        self.connection.request(method, f"/api/v1{path}", body=json.dumps(body or {}), headers=headers)
        response = self.connection.getresponse()
        return response.status, json.loads(response.read() or b"{}")


def login(username: str) -> str:
    status, body = Api().call("POST", "/auth/token/", {"username": username, "password": "reviewflow-demo"})
    assert status == 200, body
    return body["token"]


def create_and_check(drafter: Api, n: int, check_times: list[float], polls: list[int] | None = None) -> int:
    status, draft = drafter.call(
        "POST", "/drafts/", {"title": f"区政务服务管理局召开第{n}次政务公开工作会议", "body": BODY}
    )
    assert status == 201, draft
    started = time.perf_counter()
    status, _ = drafter.call("POST", f"/drafts/{draft['id']}/submit/")
    assert status == 202
    reads = 0
    while True:
        status, seen = drafter.call("GET", f"/drafts/{draft['id']}/")
        reads += 1
        if seen["status"] != "checking":
            break
        time.sleep(0.002)
    check_times.append(time.perf_counter() - started)
    if polls is not None:
        polls.append(reads)
    assert (seen["status"], seen["next_step"]) == ("signing", "section_head"), seen["status"]
    return draft["id"]


def sign_all(clients: dict[str, Api], draft_id: int, sign_times: list[float]) -> None:
    for signer in SIGNERS:
        started = time.perf_counter()
        status, body = clients[signer].call("POST", f"/drafts/{draft_id}/sign/", {"version": 1})
        sign_times.append(time.perf_counter() - started)
        assert status == 200, body
    assert body["status"] == "published", body["status"]


def in_parallel(clients_n: int, work) -> float:
    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients_n)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def run_cycles(tokens: dict[str, str], count: int, clients_n: int):
    sign_times: list[float] = []
    check_times: list[float] = []
    polls: list[int] = []
    per_client = [{name: Api(token) for name, token in tokens.items()} for _ in range(clients_n)]

    def work(index: int) -> None:
        for n in range(index, count, clients_n):
            draft_id = create_and_check(per_client[index]["drafter"], n, check_times, polls)
            sign_all(per_client[index], draft_id, sign_times)

    elapsed = in_parallel(clients_n, work)
    return count / elapsed, sign_times, check_times, polls


def run_signs(tokens: dict[str, str], count: int, clients_n: int) -> tuple[float, list[int]]:
    """Drafts made ready first, then only signatures, clients in parallel: signatures per second."""
    drafter = Api(tokens["drafter"])
    ready = [create_and_check(drafter, n, []) for n in range(count)]
    per_client = [{name: Api(token) for name, token in tokens.items()} for _ in range(clients_n)]
    elapsed = in_parallel(clients_n, lambda i: [sign_all(per_client[i], d, []) for d in ready[i::clients_n]])
    return 3 * count / elapsed, ready


def raw_sql_signs(database_url: str, draft_ids: list[int], clients_n: int, per_client: int) -> float:
    """The writes of one signature in one transaction, straight through psycopg: signatures per second."""
    with psycopg.connect(database_url) as connection:
        user_id = connection.execute("SELECT id FROM reviewflow_user WHERE username = 'section_head'").fetchone()[0]
        versions = dict(
            connection.execute("SELECT draft_id, id FROM reviewflow_draftversion WHERE draft_id = ANY(%s)", [draft_ids])
        )

    def work(index: int) -> None:
        with psycopg.connect(database_url) as connection:
            for n in range(per_client):
                draft_id = draft_ids[(index + n * clients_n) % len(draft_ids)]
                with connection.transaction():
                    content_hash = connection.execute(
                        "SELECT content_hash FROM reviewflow_draft WHERE id = %s FOR UPDATE", [draft_id]
                    ).fetchone()[0]
                    # voided_at set: the baseline must not collide with the live signature on the partial unique index
                    connection.execute(
                        "INSERT INTO reviewflow_signature (draft_id, version_id, step, user_id, content_hash, comment,"
                        " proofread, signed_at, voided_at) VALUES (%s, %s, 'section_head', %s, %s, '', false, now(),"
                        " now())",
                        [draft_id, versions[draft_id], user_id, content_hash],
                    )
                    # The audit event joins the hash chain, as audit_record() does: lock the head, link, advance it.
                    seq, prev = connection.execute(
                        "SELECT last_seq, last_hash FROM reviewflow_auditchain WHERE id = 1 FOR UPDATE"
                    ).fetchone()
                    data = json.dumps({"step": "section_head"})
                    digest = hashlib.sha256(f"{seq + 1}|{draft_id}|{user_id}|{data}|{prev}".encode()).hexdigest()
                    connection.execute(
                        "INSERT INTO reviewflow_auditevent (draft_id, actor_id, event, version, content_hash, data,"
                        " created_at, seq, prev_hash, hash)"
                        " VALUES (%s, %s, 'bench.signed', 1, %s, %s, now(), %s, %s, %s)",
                        [draft_id, user_id, content_hash, data, seq + 1, prev, digest],
                    )
                    connection.execute(
                        "UPDATE reviewflow_auditchain SET last_seq = %s, last_hash = %s WHERE id = 1", [seq + 1, digest]
                    )
                    connection.execute(
                        "UPDATE reviewflow_draft SET status = status, status_changed_at = now() WHERE id = %s",
                        [draft_id],
                    )

    return clients_n * per_client / in_parallel(clients_n, work)


def check_timings(database_url: str) -> str:
    """Where a check's time goes, over every check of the run: request (the submit's transaction) to start in the
    worker, and start to result."""
    with psycopg.connect(database_url) as connection:
        waits, runs = zip(
            *connection.execute(
                "SELECT extract(epoch FROM started_at - requested_at), extract(epoch FROM finished_at - started_at)"
                " FROM reviewflow_checkrun WHERE finished_at IS NOT NULL"
            ),
            strict=True,
        )
    return (
        f"checks ({len(runs)}): request → start in the worker p50 {statistics.median(waits) * 1000:.1f} ms, "
        f"start → result p50 {statistics.median(runs) * 1000:.1f} ms"
    )


def _cpu_seconds(processes: list[subprocess.Popen]) -> float:
    """User and system CPU of the servers and all their children (gunicorn and Celery workers), from /proc."""
    total = 0.0
    for process in processes:
        try:
            parent = psutil.Process(process.pid)
            for each in [parent, *parent.children(recursive=True)]:
                times = each.cpu_times()
                total += times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return total


def _database_cpu_seconds() -> float:
    """User and system CPU of the PostgreSQL backends serving the bench database (a local server: its processes
    name the database they serve). Backends that end during a phase take their CPU with them: the pool keeps
    them open, so the figure is a floor."""
    total = 0.0
    for process in psutil.process_iter(["name", "cmdline"]):
        try:
            if process.info["name"] == "postgres" and DATABASE in " ".join(process.info["cmdline"] or []):
                times = process.cpu_times()
                total += times.user + times.system
        except psutil.Error:
            continue
    return total


def _ms(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


def start_services(env: dict, args, log) -> list[subprocess.Popen]:
    """The Celery worker, then the web server."""
    python = sys.executable
    queue = env["REVIEWFLOW_QUEUE"]
    queues = ",".join([queue, f"{queue}.checks", f"{queue}.notifications", f"{queue}.deliveries"])
    worker = [python, "-m", "celery", "-A", "settings", "worker", "-Q", queues, "--loglevel=WARNING"]
    worker += ["--pool=prefork", f"--concurrency={args.check_workers}"]
    # Beat inside the worker, as one beat runs in production: the sweeps (the e-mail outbox among them) cost too.
    worker += ["--beat", "--schedule", str(ROOT / "var" / "bench" / "beat-schedule")]
    if args.server == "gunicorn":
        web = [python, "-m", "gunicorn", "settings.wsgi:application", "--bind", f"127.0.0.1:{PORT}"]
        web += ["--workers", str(args.web_workers), "--log-level", "warning"]
    else:
        web = [python, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"]
    return [subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT) for cmd in (worker, web)]


def main() -> int:
    global DATABASE, PORT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=40)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 8])
    parser.add_argument("--web-workers", type=int, default=4)
    parser.add_argument("--check-workers", type=int, default=2)
    parser.add_argument("--no-pool", action="store_true", help="REVIEWFLOW_DB_POOL_MAX=0: a connection per request")
    parser.add_argument("--server", choices=["gunicorn", "runserver"], default="gunicorn")
    parser.add_argument("--database", default=DATABASE, help="the bench database, created and dropped")
    parser.add_argument("--port", type=int, default=PORT)
    args = parser.parse_args()
    if not args.database.isidentifier():
        sys.exit("--database: letters, digits and underscores only")
    DATABASE, PORT = args.database, args.port
    if not (os.environ.get("DATABASE_URL", "").startswith("postgres") and os.environ.get("REDIS_URL")):
        sys.exit("Set DATABASE_URL (PostgreSQL) and REDIS_URL: the bench measures the production stack.")
    env = {
        **os.environ,
        "DATABASE_URL": create_database(),
        "DJANGO_SETTINGS_MODULE": "settings.prod" if args.server == "gunicorn" else "settings.base",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "REVIEWFLOW_QUEUE": args.database.replace("_", "-"),
        "REVIEWFLOW_DB_POOL_MAX": "0" if args.no_pool else os.environ.get("REVIEWFLOW_DB_POOL_MAX", "2"),
        "LOG_LEVEL": "WARNING",
        # Mail goes through the worker's outbox sweep as in production, but is kept in memory: the console backend
        # would print every message into the servers' log, which no deployment does.
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    python = sys.executable
    processes: list[subprocess.Popen] = []
    watch = None
    try:
        subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        subprocess.run(
            [python, "manage.py", "seed_demo", "-v0"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
        subprocess.run(
            [python, "-m", "celery", "-A", "settings", "purge", "-f"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
        log = open(ROOT / "var" / "bench" / "bench.log", "w")  # noqa: SIM115 (the servers keep it)
        processes = start_services(env, args, log)
        deadline = time.monotonic() + 120
        while True:
            try:
                Api().call("GET", "/published/")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        tokens = {name: login(name) for name in ("drafter", *SIGNERS)}
        run_cycles(tokens, 4, 2)  # warm-up: every web and check process loads what it needs
        watch = ConnectionWatch()
        pool = f"psycopg pool, max {env['REVIEWFLOW_DB_POOL_MAX']} per process"
        if args.no_pool or args.server == "runserver":
            pool = "off (a connection per request)"
        server = f"gunicorn --workers {args.web_workers}" if args.server == "gunicorn" else "runserver (threaded)"
        print(f"PostgreSQL; {server}; DB pool {pool}; celery prefork --concurrency {args.check_workers}")
        for clients_n in args.clients:
            worker_before, web_before = (_cpu_seconds([process]) for process in processes)
            database_before, client_before = _database_cpu_seconds(), time.process_time()
            rate, signs, checks, polls = run_cycles(tokens, args.cycles, clients_n)
            worker_cpu = (_cpu_seconds(processes[:1]) - worker_before) / args.cycles
            web_cpu = (_cpu_seconds(processes[1:]) - web_before) / args.cycles
            database_cpu = (_database_cpu_seconds() - database_before) / args.cycles
            client_cpu = (time.process_time() - client_before) / args.cycles
            print(
                f"clients={clients_n}: {rate:.2f} full cycles/s over {args.cycles} cycles; "
                f"sign p50 {_ms(signs, 50):.1f} ms, p99 {_ms(signs, 99):.1f} ms (n={len(signs)}); "
                f"submit→check result p50 {_ms(checks, 50):.1f} ms, p99 {_ms(checks, 99):.1f} ms; "
                f"{statistics.mean(polls):.1f} reads of the draft per check; "
                f"CPU per cycle: web {web_cpu * 1000:.0f} ms, worker {worker_cpu * 1000:.0f} ms, "
                f"PostgreSQL {database_cpu * 1000:.0f} ms, this client {client_cpu * 1000:.0f} ms"
            )
            api_rate, drafts = run_signs(tokens, max(args.cycles // 2, clients_n), clients_n)
            raw_rate = raw_sql_signs(env["DATABASE_URL"], drafts, clients_n, per_client=max(200 // clients_n, 20))
            print(
                f"  signatures/s: API {api_rate:.1f}, raw-SQL baseline {raw_rate:.1f} "
                f"(same writes, one transaction each), ratio {api_rate / raw_rate:.1%}"
            )
        watch.stop()
        print(f"most connections open on the bench database: {watch.most} (limit {CONNECTION_LIMIT})")
        print(check_timings(env["DATABASE_URL"]))
    finally:
        if watch is not None:
            watch.stop()
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        drop_database()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
