"""audit_record(): the only way an AuditEvent is written; each event is chained to the one before it.

The chain is global (one sequence for the whole installation), not one per unit: an event need not belong to a
unit (a draft-less event, an organisation change), a single walk proves the whole record, and a gap anywhere in the
one sequence is a missing row. Appends are serialised by a row lock on the chain head (`AuditChain`, one row),
taken inside the transaction of the change, so two transactions appending at once cannot fork the chain: the
second waits until the first commits and then builds on its hash.

An event's hash is SHA-256 over its canonical JSON (`canonical_event`), which includes the previous event's hash.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from .models import GENESIS_HASH, AuditChain, AuditEvent, AuditKind, Draft


def utc_stamp(moment: datetime) -> str:
    """A time as the hash sees it: ISO 8601 in UTC to the microsecond, e.g. 2026-11-25T08:30:00.000000+00:00."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def canonical_event(
    *,
    seq: int,
    draft_id: int | None,
    actor_id: int | None,
    event: str,
    version: int | None,
    content_hash: str,
    data: dict,
    created_at: datetime | str,
    prev_hash: str,
) -> bytes:
    """The bytes an event's hash covers: sorted-key compact JSON in UTF-8, the time in UTC to the microsecond."""
    return json.dumps(
        {
            "seq": seq,
            "draft": draft_id,
            "actor": actor_id,
            "event": event,
            "version": version,
            "content_hash": content_hash,
            "data": data,
            "at": created_at if isinstance(created_at, str) else utc_stamp(created_at),
            "prev": prev_hash,
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    ).encode("utf-8")


def event_hash(**fields) -> str:
    return hashlib.sha256(canonical_event(**fields)).hexdigest()


def lock_chain_head() -> AuditChain:
    """The chain head, locked until the transaction ends; created on first use (and after a test flush)."""
    head = next(iter(AuditChain.objects.select_for_update().filter(pk=1)), None)
    if head is None:
        AuditChain.objects.bulk_create([AuditChain(pk=1, last_seq=0, last_hash=GENESIS_HASH)], ignore_conflicts=True)
        head = AuditChain.objects.select_for_update().get(pk=1)
    return head


def audit_record(*, draft: Draft | None, actor, event: AuditKind, data: dict | None = None) -> AuditEvent:
    """Append an audit event; it must be written inside the transaction of the change it records."""
    return audit_records(draft, [(actor, event, data)])[0]


# One event to append: (actor or None, kind, data).
AuditEntry = tuple[Any, AuditKind, dict | None]


def audit_records(draft: Draft | None, entries: list[AuditEntry]) -> list[AuditEvent]:
    """Append the events (actor, kind, data) of one change in order, each linked to the one before it.

    Services append last, just before their commit: the head stays locked, and other appends wait, only that long.
    On PostgreSQL one statement does it all (`reviewflow_audit_append`, migration 0018); elsewhere the same steps run
    from here: lock the head, insert the events, advance the head.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record() must run inside the transaction of the change it records")
    now = timezone.now()
    records = [
        AuditEvent(
            draft=draft,
            actor=actor if getattr(actor, "pk", None) else None,
            event=str(event),
            version=draft.version if draft else None,
            content_hash=draft.content_hash if draft else "",
            # Through JSON once, so the hash covers exactly what the database will give back.
            data=json.loads(json.dumps(data or {})),
            created_at=now,
        )
        for actor, event, data in entries
    ]
    if connection.vendor == "postgresql":
        _append_in_database(connection, records)
    else:
        _append_here(records)
    return records


def _fields(record: AuditEvent) -> dict[str, Any]:
    """The event's own fields as canonical_event takes them, all but its place in the chain."""
    return {
        "draft_id": record.draft_id,
        "actor_id": record.actor_id,
        "event": record.event,
        "version": record.version,
        "content_hash": record.content_hash,
        "data": record.data,
        "created_at": record.created_at,
    }


def _append_here(records: list[AuditEvent]) -> None:
    head = lock_chain_head()
    seq, prev_hash = head.last_seq, head.last_hash
    for record in records:
        seq += 1
        record.seq, record.prev_hash = seq, prev_hash
        record.hash = prev_hash = event_hash(seq=seq, prev_hash=record.prev_hash, **_fields(record))
    AuditEvent.objects.bulk_create(records)
    head.last_seq, head.last_hash = seq, prev_hash
    head.save(update_fields=["last_seq", "last_hash"])


# The canonical bytes with a blank place in the chain; the database fills in the previous hash and the sequence
# number. Sorted keys put them last but for "version", so the last occurrence is the event's own, not one nested
# in its data.
_BLANK_PLACE = '"prev":"","seq":0,'


def _append_in_database(connection, records: list[AuditEvent]) -> None:
    before, after = [], []
    for record in records:
        text = canonical_event(seq=0, prev_hash="", **_fields(record)).decode("utf-8")
        head, _, tail = text.rpartition(_BLANK_PLACE)
        before.append(head)
        after.append(tail)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT event_id, event_seq, event_prev, event_hash FROM reviewflow_audit_append(%s::bigint[],"
            " %s::bigint[], %s::text[], %s::bigint[], %s::text[], %s::text[], %s::timestamptz[], %s::text[],"
            " %s::text[])",
            [
                [r.draft_id for r in records],
                [r.actor_id for r in records],
                [r.event for r in records],
                [r.version for r in records],
                [r.content_hash for r in records],
                [json.dumps(r.data) for r in records],
                [r.created_at for r in records],
                before,
                after,
            ],
        )
        for record, (pk, seq, prev_hash, digest) in zip(records, cursor.fetchall(), strict=True):
            record.pk, record.seq, record.prev_hash, record.hash = pk, seq, prev_hash, digest
            record._state.adding, record._state.db = False, connection.alias
