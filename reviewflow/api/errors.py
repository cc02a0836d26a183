"""API errors: every failure is {"error": code, "message": text in the user's language}."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response

from ..errors import BodyTooLarge, NotAllowed, NotFound, ReviewError


def _body(code: str, message: str) -> dict:
    return {"error": code, "message": str(message)}


def exception_handler(exc, context):
    """DRF's exception hook: domain errors keep their status; framework errors get our shape."""
    if isinstance(exc, RequestDataTooBig):
        exc = BodyTooLarge(_("The request body is too large: at most 1 MB."))
    elif isinstance(exc, (Http404, exceptions.NotFound)):
        exc = NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = NotAllowed()
    if isinstance(exc, ReviewError):
        return Response(exc.as_dict(), status=exc.status)
    if isinstance(exc, (exceptions.NotAuthenticated, exceptions.AuthenticationFailed)):
        response = Response(
            _body("unauthenticated", _("Please log in first (session or Authorization: Token …).")), status=401
        )
        response["WWW-Authenticate"] = 'Token realm="api"'
        return response
    if isinstance(exc, exceptions.PermissionDenied):
        return Response(_body("forbidden", _("You may not do this.")), status=403)
    if isinstance(exc, exceptions.ParseError):
        return Response(_body("malformed", _("The request body is not valid JSON.")), status=400)
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return Response(_body("unsupported_media_type", _("Send JSON (Content-Type: application/json).")), status=415)
    if isinstance(exc, exceptions.MethodNotAllowed):
        return Response(_body("method_not_allowed", _("This method is not allowed here.")), status=405)
    if isinstance(exc, exceptions.APIException):
        return Response(_body(exc.default_code, str(exc.detail)), status=exc.status_code)
    return None
