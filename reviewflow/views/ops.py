"""Operations: the health probe and the answer to a locked-out login."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache

from .. import health
from ..errors import LockedOut, NotAllowed, NotFound, ServerError, error_response
from ..hardening import MalformedInput


@never_cache
def health_view(request) -> JsonResponse:
    """200 when the database, the broker and a worker all answer; 503 naming what does not."""
    report = health.status()
    return JsonResponse(report, status=200 if health.healthy(report) else 503)


def locked_out(request, credentials=None, *args, **kwargs) -> HttpResponse:
    """django-axes' lockout answer: the API's JSON error, or the error page, in the user's language."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    error = LockedOut(
        _("Too many failed logins for this account: it is locked for %(minutes)s minutes. Try again later."),
        minutes=minutes,
    )
    return error_response(request, error)


def _api_or_default(default_view, error):
    """Under /api/ every error is the API's JSON; elsewhere Django's own page (our 403.html and 404.html)."""

    def view(request, exception=None):
        if request.path.startswith("/api/"):
            return error_response(request, error())
        return default_view(request, exception) if exception is not None else default_view(request)

    return view


bad_request = _api_or_default(defaults.bad_request, MalformedInput)
permission_denied = _api_or_default(defaults.permission_denied, NotAllowed)
page_not_found = _api_or_default(defaults.page_not_found, lambda: NotFound(_("No such address in the API.")))
server_error = _api_or_default(defaults.server_error, ServerError)
