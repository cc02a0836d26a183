"""Template context for every page: the inbox count badge and the unread notifications."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

NAV_NOTIFICATIONS = 5


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from ..selectors import inbox_for, notifications_of, published_to_review

    unread = notifications_of(user).filter(read_at__isnull=True)
    return {
        # Counted when a page shows it; the inbox page passes the count its paginator already made.
        "inbox_count": SimpleLazyObject(lambda: inbox_for(user).count()),
        "unread_count": unread.count(),
        "unread_notifications": unread[:NAV_NOTIFICATIONS],
        "is_auditor": user.is_auditor,
        # The link shows for administrators always, for a drafter while one of their items is on the list.
        "to_review_count": published_to_review(user).count(),
        "is_administrator": user.is_superuser or user.is_staff,
    }
