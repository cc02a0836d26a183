"""audit_record(): the only way an AuditEvent is written."""

from __future__ import annotations

from django.db import transaction

from .models import AuditEvent, AuditKind, Draft


def audit_record(*, draft: Draft | None, actor, event: AuditKind, data: dict | None = None) -> AuditEvent:
    """Append an audit event; it must be written inside the transaction of the change it records."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record() must run inside the transaction of the change it records")
    return AuditEvent.objects.create(
        draft=draft,
        actor=actor if getattr(actor, "pk", None) else None,
        event=event,
        version=draft.version if draft else None,
        content_hash=draft.content_hash if draft else "",
        data=data or {},
    )
