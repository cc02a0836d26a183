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
    """Append the events (actor, kind, data) of one change in order: one lock of the chain head, one insert.

    Services append last, just before their commit: the head stays locked, and other appends wait, only that long.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record() must run inside the transaction of the change it records")
    head = lock_chain_head()
    records = []
    seq, prev_hash = head.last_seq, head.last_hash
    for actor, event, data in entries:
        seq += 1
        record = AuditEvent(
            draft=draft,
            actor=actor if getattr(actor, "pk", None) else None,
            event=str(event),
            version=draft.version if draft else None,
            content_hash=draft.content_hash if draft else "",
            # Through JSON once, so the hash covers exactly what the database will give back.
            data=json.loads(json.dumps(data or {})),
            created_at=timezone.now(),
            seq=seq,
            prev_hash=prev_hash,
        )
        record.hash = prev_hash = event_hash(
            seq=record.seq,
            draft_id=record.draft_id,
            actor_id=record.actor_id,
            event=record.event,
            version=record.version,
            content_hash=record.content_hash,
            data=record.data,
            created_at=record.created_at,
            prev_hash=record.prev_hash,
        )
        records.append(record)
    AuditEvent.objects.bulk_create(records)
    head.last_seq, head.last_hash = seq, prev_hash
    head.save(update_fields=["last_seq", "last_hash"])
    return records
