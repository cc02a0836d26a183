"""The reads at a bureau's volume: 100,000 open drafts and 1,000,000 audit events; prints p50/p95 per page.

    DATABASE_URL=postgres://… .venv/bin/python bench/volume_bench.py [--drafts 100000] [--events 1000000]
        [--rounds 3] [--keep] [--reuse]

Creates its own database reviewflow_volume on that server (with a connection limit; dropped afterwards unless
--keep), seeds 50 units of 4 sections each (a drafter and a section head per section, a deputy and a head per unit;
the demo organisation is one of them), spreads the open drafts over them and their three waiting steps, writes a
year of audit events as one valid hash chain (COPY, hashed as audit_record() hashes; verify_audit accepts it), then
times through Django's test client (views, queries and templates, no network): the inbox page and API for a section
head, a deputy and a head; the audit list unfiltered, paged and under each filter; a draft's timeline page and audit
API. Each page is asked REPEATS times per round; the figures are medians over the rounds. Target: p95 ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parents[1]
DATABASE = "reviewflow_volume"
REPEATS = 40


def _url(name: str) -> str:
    return urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}"))


def _admin(statement: str) -> None:
    with psycopg.connect(_url("postgres"), autocommit=True) as connection:
        connection.execute(statement)


def _organisation():
    """50 units of 4 sections (the demo unit is one); each section's drafter, and its chain by step."""
    from django.core.management import call_command

    from reviewflow.lifecycle import Step
    from reviewflow.models import Section, Unit, User

    call_command("seed_demo", verbosity=0)
    for n in range(1, 50):
        head = User.objects.create(username=f"head{n}", display_name=f"主要领导{n}")
        deputy = User.objects.create(username=f"deputy{n}", display_name=f"分管领导{n}")
        unit = Unit.objects.create(name=f"第{n}单位", head=head)
        for m in range(4):
            section = Section.objects.create(unit=unit, name=f"第{m}股", head=None, deputy=deputy)
            section.head = User.objects.create(username=f"sh{n}-{m}", display_name=f"股长{n}-{m}", section=section)
            section.save()
            User.objects.create(username=f"dr{n}-{m}", display_name=f"拟稿人{n}-{m}", section=section)
    sections = list(Section.objects.select_related("unit").order_by("pk"))
    demo = next(s for s in sections if s.name == "网络信息股")
    sections += [demo] * 2  # the demo's inboxes are typical
    drafter = {s.pk: User.objects.filter(section=s).exclude(headed_sections=s).first().pk for s in sections}
    return [
        (s.pk, drafter[s.pk], {Step.SECTION_HEAD: s.head_id, Step.DEPUTY: s.deputy_id, Step.HEAD: s.unit.head_id})
        for s in sections
    ]


def _copy(table: str, columns: tuple[str, ...], rows) -> None:
    from django.db import connection

    quoted = ", ".join(f'"{column}"' for column in columns)
    connection.ensure_connection()
    with (
        connection.connection.cursor() as cursor,
        cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


DRAFT_COLUMNS = (
    "section_id",
    "drafter_id",
    "status",
    "version",
    "title",
    "body",
    "column",
    "channel",
    "kind",
    "key",
    "source_name",
    "source_url",
    "content_hash",
    "step",
    "holder_id",
    "step_due_at",
    "return_reason",
    "correction_note",
    "created_at",
    "status_changed_at",
)
# What happens to a draft, in the proportions of a year's audit trail; who does it (None: the system).
EVENT_KINDS = (
    ("draft.created", "drafter"),
    ("draft.submitted", "drafter"),
    ("check.completed", None),
    ("review.signed", "section_head"),
    ("draft.edited", "drafter"),
)


def seed(drafts: int, events: int) -> None:
    """Seed with COPY: the drafts, each one's chain of assignments, and a year of audit events in one valid chain."""
    from django.core.management import call_command
    from django.db import connection

    from bench.chain_copy import Event, copy_chain
    from reviewflow.lifecycle import Status, Step

    call_command("migrate", verbosity=0)
    chains = _organisation()
    now = datetime.now(UTC)
    steps = [Step.SECTION_HEAD, Step.DEPUTY, Step.HEAD]
    # About 1,500 characters, the length of a news item: what a list that reads every column carries.
    body = "区政务服务管理局召开政务公开工作会议，研究部署下一阶段信息发布审核工作。" * 40

    def draft_rows():
        for n in range(drafts):
            section, drafter, holders = chains[n % len(chains)]
            step = steps[n % 3]
            waiting_since = now - timedelta(minutes=3 * (drafts - n))
            yield (
                section,
                drafter,
                Status.SIGNING,
                1,
                f"区政务服务管理局召开第{n}次政务公开工作会议",
                body,
                "work_news",
                "website",
                "original",
                n % 10 == 0,
                "",
                "",
                f"{n:064x}",
                step,
                holders[step],
                waiting_since + timedelta(days=2),
                "",
                "",
                waiting_since,
                waiting_since,
            )

    _copy("reviewflow_draft", DRAFT_COLUMNS, draft_rows())
    with connection.cursor() as cursor:
        # Each draft's chain: drafter, its section's head and deputy, its unit's head.
        cursor.execute(
            """
            INSERT INTO reviewflow_assignment (draft_id, step, user_id)
            SELECT d.id, chain.step, chain.user_id
            FROM reviewflow_draft d
            JOIN reviewflow_section s ON s.id = d.section_id
            JOIN reviewflow_unit u ON u.id = s.unit_id
            CROSS JOIN LATERAL (VALUES ('drafter', d.drafter_id), ('section_head', s.head_id),
                                       ('deputy', s.deputy_id), ('head', u.head_id)) AS chain(step, user_id)
            """
        )
        cursor.execute(
            "SELECT d.id, d.drafter_id, s.head_id, d.content_hash FROM reviewflow_draft d"
            " JOIN reviewflow_section s ON s.id = d.section_id ORDER BY d.id"
        )
        people = cursor.fetchall()
    year, start = timedelta(days=365), now - timedelta(days=365)

    def audit_events():
        # Oldest first, so the chain's order is the order of time, as audit_record() writes it.
        for g in range(events):
            draft, drafter, section_head, content_hash = people[(g * 7919) % len(people)]
            kind, role = EVENT_KINDS[g % len(EVENT_KINDS)]
            actor = {"drafter": drafter, "section_head": section_head, None: None}[role]
            data = {"step": "section_head"} if role == "section_head" else {}
            yield Event(draft, actor, kind, 1, content_hash, data, start + year * g / events)

    copy_chain(audit_events())
    # A settled database, as autovacuum leaves it: statistics, and the visibility map for index-only scans.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def timed(client, path: str) -> tuple[list[float], float, int]:
    """The wall-clock times of REPEATS requests (after one to warm up), their median CPU time in this process (Django
    and the driver, not the database server: steadier than wall-clock time on a shared machine), and the queries
    one request runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        answer = client.get(path)
    assert answer.status_code == 200, (path, answer.status_code)
    count = len(queries)  # now: the next request empties the connection's log
    times, cpu = [], []
    for _ in range(REPEATS):
        started, cpu_started = time.perf_counter(), time.process_time()
        answer = client.get(path)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    return times, statistics.median(cpu) * 1000, count


def _percentiles(times: list[float]) -> tuple[float, float]:
    quantiles = statistics.quantiles(times, n=100, method="inclusive")
    return quantiles[49] * 1000, quantiles[94] * 1000


def pages():
    """(name, client, path) for every page measured."""
    from django.test import Client

    from reviewflow.models import AuditEvent, Draft, Section, User

    def as_user(name: str) -> Client:
        client = Client()
        client.force_login(User.objects.get(username=name))
        return client

    admin, head = as_user("admin"), as_user("head")
    draft = Draft.objects.filter(section__unit__head__username="head").order_by("pk").first()
    assert draft is not None, "seed first"
    busiest = AuditEvent.objects.filter(draft=draft).count()
    actor = User.objects.get(username="drafter")
    section = Section.objects.get(members=actor)
    quarter = f"since={_days_ago(120)}&until={_days_ago(30)}"
    return [
        ("inbox page, section head", as_user("section_head"), "/inbox/"),
        ("inbox page, deputy", as_user("deputy"), "/inbox/"),
        ("inbox page, head", head, "/inbox/"),
        ("inbox page 10, head", head, "/inbox/?page=10"),
        ("inbox API, head", head, "/api/v1/inbox/"),
        ("audit list, no filter", admin, "/audit/"),
        ("audit list, page 200", admin, "/audit/?page=200"),
        ("audit list, person", admin, f"/audit/?actor={actor.pk}"),
        ("audit list, event", admin, "/audit/?event=review.signed"),
        ("audit list, days", admin, f"/audit/?since={_days_ago(60)}&until={_days_ago(30)}"),
        ("audit list, event + days", admin, f"/audit/?event=review.signed&{quarter}"),
        ("audit list, section", admin, f"/audit/?section={section.pk}"),
        ("audit list, section + person", admin, f"/audit/?section={section.pk}&actor={actor.pk}"),
        ("audit list, overdue (none)", admin, "/audit/?overdue=on"),
        (f"timeline page ({busiest} events)", admin, f"/drafts/{draft.pk}/timeline/"),
        ("audit API of a draft", head, f"/api/v1/drafts/{draft.pk}/audit/"),
    ]


def _days_ago(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).date().isoformat()


def measure(rounds: int) -> None:
    """Each page REPEATS times per round, pages interleaved; p50/p95 per round, and their medians over rounds."""
    measured = pages()
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name, _client, _path in measured}
    counts: dict[str, int] = {}
    for _ in range(rounds):
        for name, client, path in measured:
            times, cpu, counts[name] = timed(client, path)
            results[name].append((*_percentiles(times), cpu))
    print(f"{'page':38s} {'queries':>7s} {'p50 ms':>8s} {'p95 ms':>8s} {'cpu ms':>7s}  (medians of {rounds} rounds)")
    for name, figures in results.items():
        p50, p95, cpu = (statistics.median(f[i] for f in figures) for i in range(3))
        spread = ", ".join(f"{f[1]:.0f}" for f in figures)
        verdict = "ok" if p95 <= 50 else "over"
        print(f"{name:38s} {counts[name]:7d} {p50:8.1f} {p95:8.1f} {cpu:7.1f}  {verdict:4s} (p95 by round: {spread})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help=f"keep the database {DATABASE} afterwards")
    parser.add_argument("--reuse", action="store_true", help="measure the kept database again (migrated, not seeded)")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL server: the bench creates its own database there.")
    if os.environ.get("_VOLUME_CHILD") != "1":
        if not args.reuse:
            _admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            _admin(f"CREATE DATABASE {DATABASE}")
            # The server is shared: the bench never holds more than a couple of its connections.
            _admin(f"ALTER DATABASE {DATABASE} CONNECTION LIMIT 5")
        env = {**os.environ, "DATABASE_URL": _url(DATABASE), "_VOLUME_CHILD": "1", "ALLOWED_HOSTS": "testserver"}
        try:
            return subprocess.call([sys.executable, __file__, *sys.argv[1:]], cwd=ROOT, env=env)
        finally:
            if not args.keep:
                _admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.base")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if args.reuse:
        call_command("migrate", verbosity=0)
    else:
        started = time.perf_counter()
        seed(args.drafts, args.events)
        elapsed = time.perf_counter() - started
        print(f"seeded {args.drafts:,} open drafts and {args.events:,} chained audit events in {elapsed:.0f} s")
    print(f"load average before measuring: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    measure(args.rounds)
    print(f"load average after measuring: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
