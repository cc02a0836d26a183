"""Tell a person that something waits for them: in the app, and by email after the commit."""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Draft, Notification, User


def notify(*, user: User, draft: Draft, message: str) -> Notification:
    note = Notification.objects.create(user=user, draft=draft, message=message)
    if user.email:
        transaction.on_commit(
            lambda: send_mail(
                _("ReviewFlow: %(title)s") % {"title": draft.title}, message, None, [user.email], fail_silently=True
            )
        )
    return note
