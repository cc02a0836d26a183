"""A person's notifications: the list, and marking them read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import selectors
from ..services.personal import mark_notifications_read


@login_required
def notification_list(request):
    return render(
        request, "reviewflow/notifications.html", {"notifications": selectors.notifications_of(request.user)[:100]}
    )


@require_POST
@login_required
def mark_read(request, notification_id: int | None = None):
    """Mark one notification (or all) read, then go where the form says: the draft, or back to the list."""
    mark_notifications_read(user=request.user, notification_id=notification_id)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "notifications"
    return redirect(target)
