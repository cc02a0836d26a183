"""Print the SQL statements (BEGIN and COMMIT included) and milliseconds of one sign request through the API, per
level of the chain; the CPU milliseconds too, which other work on the machine moves less than the wall clock.

Runs in-process on a throwaway test database (DATABASE_URL, else SQLite) with the checker stubbed to "clean", so
that only the review's own work is measured: `python bench/sign_queries.py [rounds]`.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
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

LEVELS = ("section_head", "deputy", "head")


def main(rounds: int) -> None:
    from rest_framework.test import APIClient

    import checks
    from reviewflow import services
    from reviewflow.models import Draft, User
    from workflow.tasks import run_check

    checks.check_text = lambda text, lexicon=None: []  # the review's cost only, not the language model's
    call_command("seed_demo", verbosity=0)
    org = {u.username: u for u in User.objects.all()}
    clients = {name: APIClient() for name in LEVELS}
    for name, client in clients.items():
        client.force_authenticate(org[name])
    queries: dict[str, list[int]] = {name: [] for name in LEVELS}
    millis: list[float] = []
    cpu: list[float] = []
    for number in range(rounds):
        data = {"title": f"区政务服务管理局工作动态第{number}期", "body": "区政务服务管理局召开政务公开工作会议。"}
        draft = services.create_draft(user=org["drafter"], data=data)
        run_check(services.submit(draft_id=draft.pk, user=org["drafter"]).pk)
        for name in LEVELS:
            version = Draft.objects.get(pk=draft.pk).version
            with CaptureQueriesContext(connection) as captured:
                started, cpu_started = time.perf_counter(), time.process_time()
                answer = clients[name].post(f"/api/v1/drafts/{draft.pk}/sign/", {"version": version}, format="json")
                millis.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - cpu_started) * 1000)
            assert answer.status_code == 200, answer.content
            queries[name].append(len(captured.captured_queries))
            if os.environ.get("SHOW_SQL") and number == 0:
                print(f"-- sign as {name}:", *(q["sql"][:160] for q in captured.captured_queries), sep="\n   ")
    print(f"database: {connection.vendor}; {rounds} rounds, force-authenticated API client, checker stubbed")
    for name in LEVELS:
        print(f"  sign as {name:<13} queries: min {min(queries[name])}, max {max(queries[name])}")
    p50, p90 = statistics.median(millis), statistics.quantiles(millis, n=10)[-1]
    print(f"  sign request: p50 {p50:.1f} ms, p90 {p90:.1f} ms; this process's CPU p50 {statistics.median(cpu):.1f} ms")


if __name__ == "__main__":
    setup_test_environment()
    runner = DiscoverRunner(verbosity=0)
    databases = runner.setup_databases()
    try:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
    finally:
        runner.teardown_databases(databases)
