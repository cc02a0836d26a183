"""Tell a person that something waits for them: in the app at once, and by email from the worker's outbox sweep
within seconds (`email_pending_notifications`)."""

from __future__ import annotations

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Draft, Notification

log = logging.getLogger(__name__)
EMAIL_BATCH = 100
EMAIL_BATCHES = 20


def notify(*, user_id: int, draft: Draft, message: str, once: bool = False) -> Notification:
    """`once`: while the same message about the draft waits unread, do not say it again (one per round)."""
    if once:
        unread = Notification.objects.filter(user_id=user_id, draft=draft, message=message, read_at__isnull=True)
        if (existing := unread.first()) is not None:
            return existing
    return Notification.objects.create(user_id=user_id, draft=draft, message=message, email_pending=True)


def notify_in_app(*, user_ids: list[int], message: str) -> list[Notification]:
    """An office notice about no draft (a column to update, a message to answer), shown in the app; the caller
    emails it itself, so it is marked emailed."""
    now = timezone.now()
    return Notification.objects.bulk_create(
        Notification(user_id=user_id, draft=None, message=message[:300], emailed_at=now) for user_id in user_ids
    )


def notify_holder(draft: Draft) -> Notification:
    """Tell the person who now holds the open level that it waits for their signature."""
    assert draft.holder_id is not None
    return notify(
        user_id=draft.holder_id,
        draft=draft,
        message=_("“%(title)s” waits for your signature.") % {"title": draft.title},
    )


def email_pending_notifications(*, batch: int = EMAIL_BATCH, batches: int = EMAIL_BATCHES) -> int:
    """Email the notices waiting in the outbox, oldest first, each once; people without an address only see them in
    the app. A notice whose mail server refused it stays waiting for the next sweep. Returns the number sent."""
    sent = 0
    for _round in range(batches):  # bounded: a sweep every few seconds takes the rest
        sent_now, taken = _email_batch(batch)
        sent += sent_now
        if taken < batch:
            break
    return sent


@transaction.atomic
def _email_batch(limit: int) -> tuple[int, int]:
    """One batch out of the outbox, in one transaction: (sent, taken out of the outbox)."""
    # skip_locked: two sweeps at once (a slow SMTP server) take disjoint batches instead of sending twice.
    notes = list(
        Notification.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("user", "draft")
        .filter(email_pending=True)
        .order_by("pk")[:limit]
    )
    sent, done = [], []
    for note in notes:
        if note.user.email:
            about = note.draft.title if note.draft else _("office notice")
            try:
                send_mail(_("ReviewFlow: %(title)s") % {"title": about}, note.message, None, [note.user.email])
            except OSError as error:
                log.warning("notification %s not emailed, kept for the next sweep: %s", note.pk, error)
                continue
            sent.append(note.pk)
        done.append(note.pk)
    Notification.objects.filter(pk__in=done).update(email_pending=False)
    Notification.objects.filter(pk__in=sent).update(emailed_at=timezone.now())
    return len(sent), len(notes)
