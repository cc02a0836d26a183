"""Template context for every page: the inbox count badge and unread notifications."""
from __future__ import annotations


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from ..selectors import inbox_for

    return {
        "inbox_count": inbox_for(user).count(),
        "unread_count": user.notifications.filter(read_at__isnull=True).count(),
    }
