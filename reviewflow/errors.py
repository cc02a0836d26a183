"""Domain errors: each carries an HTTP status, a stable code and a message in the user's language."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _


class ReviewError(Exception):
    status = 400
    code = "invalid"
    default_message = _("The request is invalid.")

    def __init__(self, message=None, *, fields: dict | None = None, **params):
        self.message = message or self.default_message
        self.params = params
        self.fields = fields or {}
        super().__init__(self.text)

    @property
    def text(self) -> str:
        return str(self.message) % self.params if self.params else str(self.message)

    def as_dict(self) -> dict:
        body: dict[str, object] = {"error": self.code, "message": self.text}
        if self.fields:
            body["fields"] = {name: str(text) for name, text in self.fields.items()}
        return body


class InvalidInput(ReviewError):
    code = "invalid"


class BodyTooLarge(ReviewError):
    status = 413
    code = "too_large"
    default_message = _("The request body is too large.")


class NotAllowed(ReviewError):
    status = 403
    code = "forbidden"
    default_message = _("You may not do this.")


class ServerError(ReviewError):
    status = 500
    code = "server_error"
    default_message = _("Something went wrong on our side; the change was not saved. Please try again.")


class LockedOut(ReviewError):
    status = 429
    code = "locked_out"


class NotYourStep(NotAllowed):
    code = "not_your_step"
    default_message = _("This step is not yours to sign.")


class NotFound(ReviewError):
    status = 404
    code = "not_found"
    default_message = _("No such draft.")


class Conflict(ReviewError):
    status = 409
    code = "conflict"


class WrongStatus(Conflict):
    code = "wrong_status"
    default_message = _("The draft is no longer in a state that allows this (now: %(status)s).")


class StaleVersion(Conflict):
    code = "stale_version"
    default_message = _(
        "The draft has changed since you read it: you saw version %(seen)s, it is now version %(current)s."
    )


class ChainIncomplete(Conflict):
    code = "chain_incomplete"


class PublishRefused(Conflict):
    code = "publish_refused"


def error_response(request: HttpRequest, error: ReviewError) -> HttpResponse:
    """The one place a domain error becomes an HTTP response: JSON for the API, a page otherwise."""
    if request.path.startswith("/api/"):
        return JsonResponse(error.as_dict(), status=error.status)
    return render(request, "reviewflow/error.html", {"error": error.as_dict()}, status=error.status)


class ReviewErrorMiddleware:
    """Turns a ReviewError escaping a page view into a readable error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, ReviewError):
            return error_response(request, exception)
        return None
