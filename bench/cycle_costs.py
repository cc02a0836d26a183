"""Print, for each request of a full review cycle through the API (create, submit, read while checking, the three
signatures), the SQL statements it takes (BEGIN and COMMIT included) and the CPU milliseconds of this process. The
requests carry real API tokens (django-rest-knox), as a client's do; the check runs in-process between submit and
the first signature, and is measured apart (the worker's share).

Runs on a throwaway test database (DATABASE_URL, else SQLite):
`python bench/cycle_costs.py [rounds]`; `SHOW_SQL=1` prints the statements of the first round.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.runner import DiscoverRunner  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

SIGNERS = ("section_head", "deputy", "head")
BODY = "区政务服务管理局召开政务公开工作会议，研究部署下一阶段信息发布审核工作。" * 5


def main(rounds: int) -> None:
    from rest_framework.test import APIClient

    from workflow.tasks import run_check

    call_command("seed_demo", verbosity=0)
    clients: dict[str, APIClient] = {}
    for name in ("drafter", *SIGNERS):
        client = APIClient()
        answer = client.post("/api/v1/auth/token/", {"username": name, "password": "reviewflow-demo"}, format="json")
        assert answer.status_code == 200, answer.content
        client.credentials(HTTP_AUTHORIZATION=f"Token {answer.json()['token']}")
        clients[name] = client
    statements: dict[str, list[int]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)

    def measure(kind: str, name: str, method: str, path: str, body: dict | None = None) -> dict:
        with CaptureQueriesContext(connection) as captured:
            started = time.process_time()
            answer = getattr(clients[name], method)(f"/api/v1{path}", body or {}, format="json")
            cpu[kind].append((time.process_time() - started) * 1000)
        assert answer.status_code in (200, 201, 202), (kind, answer.status_code, answer.content)
        statements[kind].append(len(captured.captured_queries))
        if os.environ.get("SHOW_SQL") and len(statements[kind]) == 1:
            print(f"-- {kind}:", *(q["sql"][:200] for q in captured.captured_queries), sep="\n   ")
        return answer.json()

    for number in range(rounds):
        draft = measure("create", "drafter", "post", "/drafts/", {"title": f"工作动态第{number}期", "body": BODY})
        measure("submit", "drafter", "post", f"/drafts/{draft['id']}/submit/")
        measure("read (checking)", "drafter", "get", f"/drafts/{draft['id']}/")
        from reviewflow.models import CheckRun

        run_id = CheckRun.objects.filter(version__draft_id=draft["id"]).latest("pk").pk
        with CaptureQueriesContext(connection) as captured:
            started = time.process_time()
            run_check(run_id)
            cpu["check (worker)"].append((time.process_time() - started) * 1000)
        statements["check (worker)"].append(len(captured.captured_queries))
        if os.environ.get("SHOW_SQL") and number == 0:
            print("-- check (worker):", *(q["sql"][:200] for q in captured.captured_queries), sep="\n   ")
        measure("read (checked)", "drafter", "get", f"/drafts/{draft['id']}/")
        for signer in SIGNERS:
            kind = "sign (publishes)" if signer == SIGNERS[-1] else "sign"
            measure(kind, signer, "post", f"/drafts/{draft['id']}/sign/", {"version": 1})
    print(f"database: {connection.vendor}; {rounds} rounds; token-authenticated API client")
    total = 0.0
    for kind, counts in sorted(statements.items(), key=lambda item: item[0] == "check (worker)"):
        per_cycle = len(counts) / rounds
        cpu_p50 = statistics.median(cpu[kind])
        total += cpu_p50 * per_cycle
        print(f"  {kind:<17} statements: min {min(counts)}, max {max(counts)}; CPU p50 {cpu_p50:.1f} ms")
    print(f"  one cycle (each of these once): CPU {total:.0f} ms")


if __name__ == "__main__":
    setup_test_environment()
    runner = DiscoverRunner(verbosity=0)
    databases = runner.setup_databases()
    try:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
    finally:
        runner.teardown_databases(databases)
