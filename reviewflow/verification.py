"""Walk the audit chain and name the first row that is missing, altered or out of place."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .audit import canonical_event
from .models import GENESIS_HASH, AuditChain, AuditEvent, AuditVerification

log = logging.getLogger(__name__)

_COLUMNS = (
    "id",
    "seq",
    "draft_id",
    "actor_id",
    "event",
    "version",
    "content_hash",
    "data",
    "created_at",
    "prev_hash",
    "hash",
)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    events: int
    fault_seq: int | None = None
    fault_event_id: int | None = None
    fault: str = ""


def _fault(events: int, seq: int | None, event_id: int | None, text: str) -> Verdict:
    return Verdict(ok=False, events=events, fault_seq=seq, fault_event_id=event_id, fault=text)


def _rows(rows, chunk_size: int) -> Iterator[tuple]:
    """The events in chain order; on PostgreSQL streamed by COPY, the time already in the hash's form."""
    if connection.vendor != "postgresql":
        yield from rows.iterator(chunk_size=chunk_size)
        return
    stamp = """to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')"""
    select = ", ".join({"data": "data::text", "created_at": stamp}.get(column, column) for column in _COLUMNS)
    query = f"COPY (SELECT {select} FROM {AuditEvent._meta.db_table} WHERE seq IS NOT NULL ORDER BY seq) TO STDOUT"
    loads = json.loads
    connection.ensure_connection()
    with connection.connection.cursor() as cursor, cursor.copy(query) as copy:
        copy.set_types(["int8", "int8", "int8", "int8", "text", "int4", "text", "text", "text", "text", "text"])
        for row in copy.rows():
            yield (*row[:7], loads(row[7]), *row[8:])


def walk_chain(*, chunk_size: int = 20_000) -> Verdict:
    """Recompute every event's hash in chain order; stop at the first row that does not fit."""
    expected_seq, prev = 1, GENESIS_HASH
    count = 0
    sha256 = hashlib.sha256
    rows = AuditEvent.objects.order_by("seq").values_list(*_COLUMNS)
    # Rows written before the chain existed, or written past audit_record(), have no place in it.
    unplaced = rows.filter(seq__isnull=True).first()
    if unplaced is not None:
        return _fault(0, None, unplaced[0], f"event id {unplaced[0]} has no place in the chain (no sequence number)")
    for (
        event_id,
        seq,
        draft_id,
        actor_id,
        event,
        version,
        content_hash,
        data,
        created_at,
        prev_hash,
        stored,
    ) in _rows(rows, chunk_size):
        if seq != expected_seq:
            return _fault(
                count, expected_seq, None, f"event #{expected_seq} is missing (the next row, id {event_id}, is #{seq})"
            )
        if prev_hash != prev:
            return _fault(
                count,
                seq,
                event_id,
                f"event #{seq} (id {event_id}) breaks the link to event #{seq - 1} (prev_hash differs)",
            )
        actual = sha256(
            canonical_event(
                seq=seq,
                draft_id=draft_id,
                actor_id=actor_id,
                event=event,
                version=version,
                content_hash=content_hash,
                data=data,
                created_at=created_at,
                prev_hash=prev_hash,
            )
        ).hexdigest()
        if actual != stored:
            return _fault(
                count,
                seq,
                event_id,
                f"event #{seq} (id {event_id}) was altered: its content hashes to {actual[:12]}…, "
                f"the chain holds {stored[:12]}…",
            )
        prev, expected_seq, count = stored, expected_seq + 1, count + 1
    head = AuditChain.objects.filter(pk=1).first()
    last_seq, last_hash = (head.last_seq, head.last_hash) if head else (0, GENESIS_HASH)
    if last_seq != count or last_hash != prev:
        return _fault(
            count,
            count + 1 if last_seq > count else last_seq,
            None,
            f"the chain head names event #{last_seq}, but the chain ends at event #{count}: "
            + (f"events #{count + 1}–#{last_seq} are missing" if last_seq > count else "the head does not match"),
        )
    return Verdict(ok=True, events=count)


def verify_audit() -> AuditVerification:
    """Walk the chain, keep the result for the audit page, and tell the administrators when it fails."""
    started = timezone.now()
    verdict = walk_chain()
    result = AuditVerification.objects.create(
        started_at=started,
        finished_at=timezone.now(),
        ok=verdict.ok,
        events=verdict.events,
        fault_seq=verdict.fault_seq,
        fault_event_id=verdict.fault_event_id,
        fault=verdict.fault,
    )
    if not verdict.ok:
        log.error("audit chain verification failed: %s", verdict.fault)
        transaction.on_commit(lambda: _tell_administrators(verdict))
    return result


def _tell_administrators(verdict: Verdict) -> None:
    admins = get_user_model().objects.filter(is_superuser=True, is_active=True).exclude(email="")
    recipients = list(admins.values_list("email", flat=True))
    if recipients:
        send_mail(
            _("ReviewFlow: the audit record failed verification"),
            _("The daily check of the audit chain found a fault: %(fault)s") % {"fault": verdict.fault},
            None,
            recipients,
        )


def last_verification() -> AuditVerification | None:
    return AuditVerification.objects.order_by("-started_at", "-id").first()
