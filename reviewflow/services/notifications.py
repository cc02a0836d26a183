"""Tell a person that something waits for them: in the app at once, by email from the worker after the commit."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from ..dispatch import after_commit
from ..models import Draft, Notification


def notify(*, user_id: int, draft: Draft, message: str, once: bool = False) -> Notification:
    """`once`: while the same message about the draft waits unread, do not say it again (one per round)."""
    if once:
        unread = Notification.objects.filter(user_id=user_id, draft=draft, message=message, read_at__isnull=True)
        if (existing := unread.first()) is not None:
            return existing
    note = Notification.objects.create(user_id=user_id, draft=draft, message=message)
    after_commit("workflow.email_notification", note.pk)
    return note


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
