"""Bulk-write audit events into the hash chain with COPY, hashed exactly as audit_record() hashes them.

For the benches that need a million chained events (audit_verify.py, volume_bench.py): appending through
audit_record() one by one would take hours; this takes seconds, and verify_audit accepts what it writes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

COLUMNS = "(seq, draft_id, actor_id, event, version, content_hash, data, created_at, prev_hash, hash)"


class Event(NamedTuple):
    draft_id: int | None
    actor_id: int | None
    event: str
    version: int | None
    content_hash: str
    data: dict
    created_at: datetime


def copy_chain(events: Iterable[Event]) -> int:
    """Append the events, oldest first, after the chain's current head; move the head; return how many were written.

    Runs in the caller's connection (take no other append at the same time: the head is read once, at the start).
    """
    from django.db import connection

    from reviewflow.audit import canonical_event
    from reviewflow.models import GENESIS_HASH, AuditChain

    head = AuditChain.objects.filter(pk=1).first()
    seq, prev = (head.last_seq, head.last_hash) if head else (0, GENESIS_HASH)
    sha256, dumps = hashlib.sha256, json.dumps
    connection.ensure_connection()
    with (
        connection.connection.cursor() as cursor,
        cursor.copy(f"COPY reviewflow_auditevent {COLUMNS} FROM STDIN") as copy,
    ):
        for event in events:
            seq += 1
            fields = event._asdict()
            digest = sha256(canonical_event(seq=seq, prev_hash=prev, **fields)).hexdigest()
            copy.write_row((seq, *event[:5], dumps(event.data), event.created_at, prev, digest))
            prev = digest
    AuditChain.objects.update_or_create(pk=1, defaults={"last_seq": seq, "last_hash": prev})
    return seq - (head.last_seq if head else 0)
