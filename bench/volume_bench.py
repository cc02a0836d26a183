"""The reads at a bureau's volume: 100,000 open drafts and 1,000,000 audit events; prints p50/p95 per page.

    DATABASE_URL=postgres://… .venv/bin/python bench/volume_bench.py [--drafts 100000] [--events 1000000]
        [--indexes]

Creates its own database reviewflow_volume on that server (with a connection limit; dropped afterwards), seeds 50
units of 4 sections each (a drafter and a section head per section, a deputy and a head per unit; the demo
organisation is one of them), spreads the open drafts over them and their three waiting steps, writes the audit
events with SQL, then times through Django's test client (views, queries and templates, no network):
the inbox page and API for a section head, a deputy and a head; the audit list unfiltered and filtered
(person, event, section, days); a draft's timeline page and audit API. Target: p95 ≤ 50 ms.
With --indexes it first creates the indexes proposed in docs/deploy.md and reports the same figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parents[1]
DATABASE = "reviewflow_volume"
REPEATS = 40
# Proposed for the lead's models (Meta.indexes); created here with --indexes to measure their effect.
INDEXES = [
    "CREATE INDEX bench_audit_actor_created ON reviewflow_auditevent (actor_id, created_at DESC, id DESC)",
    "CREATE INDEX bench_audit_event_created ON reviewflow_auditevent (event, created_at DESC, id DESC)",
    "CREATE INDEX bench_audit_draft_created ON reviewflow_auditevent (draft_id, created_at, id)",
    "CREATE INDEX bench_audit_created_id ON reviewflow_auditevent (created_at DESC, id DESC)",
    # The inbox: one step's waiting drafts of one person, oldest first, without AND-ing a bitmap of every draft
    # in that status.
    "CREATE INDEX bench_draft_section_head_inbox ON reviewflow_draft (section_head_id, status, status_changed_at)",
    "CREATE INDEX bench_draft_deputy_inbox ON reviewflow_draft (deputy_id, status, status_changed_at)",
    "CREATE INDEX bench_draft_head_inbox ON reviewflow_draft (head_id, status, status_changed_at)",
]


def _url(name: str) -> str:
    return urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}"))


def _admin(statement: str) -> None:
    with psycopg.connect(_url("postgres"), autocommit=True) as connection:
        connection.execute(statement)


def seed(drafts: int, events: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    from reviewflow.lifecycle import Status, Step
    from reviewflow.models import Draft, Section, Unit, User

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    demo_unit = Unit.objects.get()
    sections = list(Section.objects.select_related("unit"))
    for n in range(1, 50):
        head = User.objects.create(username=f"head{n}", display_name=f"主要领导{n}")
        deputy = User.objects.create(username=f"deputy{n}", display_name=f"分管领导{n}")
        unit = Unit.objects.create(name=f"第{n}单位", head=head)
        for m in range(4):
            section = Section.objects.create(unit=unit, name=f"第{m}股", head=None, deputy=deputy)
            section.head = User.objects.create(username=f"sh{n}-{m}", display_name=f"股长{n}-{m}", section=section)
            section.save()
            User.objects.create(username=f"dr{n}-{m}", display_name=f"拟稿人{n}-{m}", section=section)
            sections.append(section)
    sections += [Section.objects.get(unit=demo_unit, name="网络信息股")] * 2  # the demo's inboxes are typical
    drafters = {s.pk: User.objects.filter(section=s).exclude(headed_sections=s).first() for s in sections}
    steps = [Step.SECTION_HEAD, Step.DEPUTY, Step.HEAD]
    batch = []
    for n in range(drafts):
        section = sections[n % len(sections)]
        step = steps[n % 3]
        holder = {Step.SECTION_HEAD: section.head_id, Step.DEPUTY: section.deputy_id, Step.HEAD: section.unit.head_id}
        batch.append(
            Draft(
                section=section,
                drafter=drafters[section.pk],
                status=Status.SIGNING,
                step=step,
                holder_id=holder[step],
                title=f"区政务服务管理局召开第{n}次政务公开工作会议",
                body="区政务服务管理局召开政务公开工作会议，研究部署下一阶段信息发布审核工作。",
                content_hash=f"{n:064x}",
            )
        )
        if len(batch) == 10_000:
            Draft.objects.bulk_create(batch)
            batch = []
    Draft.objects.bulk_create(batch)
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
            """
            INSERT INTO reviewflow_auditevent (draft_id, actor_id, event, version, content_hash, data, created_at)
            SELECT d.id, d.drafter_id,
                   (ARRAY['draft.created', 'draft.submitted', 'check.completed', 'review.signed',
                          'draft.edited'])[1 + g %% 5],
                   1, d.content_hash, jsonb_build_object('step', 'drafter'),
                   now() - (g %% 525600) * interval '1 minute'
            FROM generate_series(1, %s) AS g
            JOIN reviewflow_draft d ON d.id = (SELECT min(id) FROM reviewflow_draft) + (g::bigint * 7919) %% %s
            """,
            [events, drafts],
        )
        cursor.execute("ANALYZE")


def timed(client, path: str) -> tuple[float, float]:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        answer = client.get(path)
        times.append(time.perf_counter() - started)
        assert answer.status_code == 200, (path, answer.status_code)
    quantiles = statistics.quantiles(times, n=100, method="inclusive")
    return quantiles[49] * 1000, quantiles[94] * 1000


def measure(label: str) -> None:
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
    pages = [
        ("inbox page, section head", as_user("section_head"), "/inbox/"),
        ("inbox page, deputy", as_user("deputy"), "/inbox/"),
        ("inbox page, head", head, "/inbox/"),
        ("inbox API, head", head, "/api/v1/inbox/"),
        ("audit list, no filter", admin, "/audit/"),
        ("audit list, page 200", admin, "/audit/?page=200"),
        ("audit list, person", admin, f"/audit/?actor={actor.pk}"),
        ("audit list, event + days", admin, "/audit/?event=review.signed&since=2026-03-01&until=2026-06-30"),
        ("audit list, section + person", admin, f"/audit/?section={section.pk}&actor={actor.pk}"),
        (f"timeline page ({busiest} events)", admin, f"/drafts/{draft.pk}/timeline/"),
        ("audit API of a draft", head, f"/api/v1/drafts/{draft.pk}/audit/"),
    ]
    print(f"-- {label}")
    for name, client, path in pages:
        p50, p95 = timed(client, path)
        verdict = "ok" if p95 <= 50 else "over target"
        print(f"{name:34s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  ({verdict})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--indexes", action="store_true")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL server: the bench creates its own database there.")
    if os.environ.get("_VOLUME_CHILD") != "1":
        _admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        _admin(f"CREATE DATABASE {DATABASE}")
        _admin(f"ALTER DATABASE {DATABASE} CONNECTION LIMIT 5")
        env = {**os.environ, "DATABASE_URL": _url(DATABASE), "_VOLUME_CHILD": "1", "ALLOWED_HOSTS": "testserver"}
        try:
            return subprocess.call([sys.executable, __file__, *sys.argv[1:]], cwd=ROOT, env=env)
        finally:
            _admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.base")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    started = time.perf_counter()
    seed(args.drafts, args.events)
    print(
        f"seeded {args.drafts:,} open drafts and {args.events:,} audit events in {time.perf_counter() - started:.0f} s"
    )
    measure("as the models declare them")
    if args.indexes:
        with connection.cursor() as cursor:
            for statement in INDEXES:
                cursor.execute(statement)
            cursor.execute("ANALYZE")
        measure("with the proposed indexes")
    connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
