"""Small state helpers the review services share: the status clock, the current version, opening a step."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Draft, DraftVersion
from .notifications import notify


def set_status(draft: Draft, status: str) -> None:
    draft.status = status
    draft.status_changed_at = timezone.now()


def current_version(draft: Draft) -> DraftVersion:
    return DraftVersion.objects.get(draft=draft, number=draft.version)


def open_step(draft: Draft, status: str) -> None:
    """Move the draft to a waiting status and tell the person who now holds it."""
    set_status(draft, status)
    draft.save()
    notify(user=draft.holder, draft=draft, message=_("“%(title)s” waits for your signature.") % {"title": draft.title})
