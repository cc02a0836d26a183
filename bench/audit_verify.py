"""Verify an audit chain of a million events; prints how long the walk takes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rf_record .venv/bin/python bench/audit_verify.py [--events 1000000]

Needs PostgreSQL (DATABASE_URL names the server; its database part is ignored). Creates its own database
`reviewflow_audit_bench` with a connection limit, migrates it, writes the chain with COPY (hashes computed as
audit_record() computes them), runs the same walk as `manage.py verify_audit`, then tampers one row with the guards
dropped and walks again, and drops the database. Target: 1,000,000 events verified in at most 60 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
DATABASE = "reviewflow_audit_bench"
EVENTS = ("draft.created", "draft.submitted", "check.completed", "review.signed", "draft.published")


def _create_database(url: str) -> str:
    import psycopg

    admin_url = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
        # The server is shared: this benchmark never holds more than a few of its connections.
        connection.execute(f"ALTER DATABASE {DATABASE} CONNECTION LIMIT 4")
    return urlunsplit(urlsplit(url)._replace(path=f"/{DATABASE}"))


def _drop_database(url: str) -> None:
    import psycopg

    admin_url = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def _write_chain(count: int) -> float:
    """COPY `count` chained events into the table; returns the seconds it took."""
    import hashlib

    from django.db import connection

    from bench.chain_copy import Event, copy_chain

    started = time.perf_counter()
    base = datetime(2026, 1, 1, tzinfo=UTC)
    content = hashlib.sha256(b"bench").hexdigest()
    copy_chain(
        Event(
            draft_id=None,
            actor_id=None,
            event=EVENTS[seq % len(EVENTS)],
            version=1 + seq % 3,
            content_hash=content,
            data={"step": "deputy", "check": seq} if seq % 2 else {},
            created_at=base + timedelta(microseconds=seq * 7919),
        )
        for seq in range(1, count + 1)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reviewflow_auditevent")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL server: the benchmark creates its own database there.")
    bench_url = _create_database(url)
    os.environ["DATABASE_URL"] = bench_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.base")
    sys.path.insert(0, str(ROOT))
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from reviewflow.models import AuditEvent
        from reviewflow.verification import walk_chain

        call_command("migrate", verbosity=0)
        written = _write_chain(args.events)
        print(f"wrote {args.events:,} chained events in {written:.1f} s")

        started = time.perf_counter()
        verdict = walk_chain()
        elapsed = time.perf_counter() - started
        assert verdict.ok and verdict.events == args.events, verdict
        rate = args.events / elapsed
        print(f"verified {verdict.events:,} events in {elapsed:.1f} s ({rate:,.0f} events/s); target ≤ 60 s")

        middle = args.events // 2
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE reviewflow_auditevent DISABLE TRIGGER reviewflow_auditevent_append_only")
        AuditEvent.objects.filter(seq=middle).update(event="review.returned")
        started = time.perf_counter()
        verdict = walk_chain()
        elapsed = time.perf_counter() - started
        assert not verdict.ok and verdict.fault_seq == middle, verdict
        print(f"tampered event #{middle:,} named after {elapsed:.1f} s: {verdict.fault}")
        connection.close()
    finally:
        _drop_database(url)
        print(f"dropped database {DATABASE}")


if __name__ == "__main__":
    main()
