"""A person's own marks: the version they last read, the notifications they read; no audit event."""

from __future__ import annotations

from django.db.models import Max
from django.utils import timezone

from ..lifecycle import Step
from ..models import Draft, Notification, SeenVersion, Signature, User


def mark_seen(*, user: User, draft: Draft) -> int | None:
    """Remember that the user has read the current version; answer the version they had read before, if any."""
    before = SeenVersion.objects.filter(user=user, draft=draft).values_list("version", flat=True).first()
    SeenVersion.objects.update_or_create(user=user, draft=draft, defaults={"version": draft.version})
    return before


def record_acted_on(*, user: User, draft: Draft) -> None:
    """A signer acted on the current version: their "changes since you last read" starts there (one upsert)."""
    SeenVersion.objects.bulk_create(
        [SeenVersion(user=user, draft=draft, version=draft.version, seen_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["user", "draft"],
        update_fields=["version", "seen_at"],
    )


def last_read_version(*, user: User, draft: Draft) -> int | None:
    """The version a signer last read: their seen mark, or the newest version they signed, whichever is later (a
    signature is their reading, so signing writes no mark of its own)."""
    seen = SeenVersion.objects.filter(user=user, draft=draft).values_list("version", flat=True).first()
    signed = Signature.objects.filter(user=user, draft=draft).aggregate(number=Max("version__number"))["number"]
    return max((v for v in (seen, signed) if v is not None), default=None)


def seen_on_view(*, user: User, draft: Draft) -> int | None:
    """The version the user had read before this view. A signer of the chain keeps that mark until they sign or
    return, so their "changes since you last read" stays; anyone else's advances now."""
    if draft.assignments.filter(user=user).exclude(step=Step.DRAFTER).exists():
        before = last_read_version(user=user, draft=draft)
        if before is None:  # the first read sets where their diff starts
            SeenVersion.objects.create(user=user, draft=draft, version=draft.version)
        return before
    return mark_seen(user=user, draft=draft)


def mark_notifications_read(*, user: User, notification_id: int | None = None) -> int:
    """Mark one of the user's notifications read, or all of them; someone else's is never touched."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_id is not None:
        unread = unread.filter(pk=notification_id)
    return unread.update(read_at=timezone.now())
