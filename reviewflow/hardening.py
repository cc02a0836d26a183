"""Malformed input is refused with a 400 before it reaches a service or the database.

PostgreSQL stores no NUL character and UTF-8 has no lone surrogates; Python's JSON parser recurses once per level
and reads numbers of any size. Each of these used to surface as a 500.
"""

from __future__ import annotations

import json
import math
import re

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from rest_framework.parsers import JSONParser

from .errors import BodyTooLarge, InvalidInput, error_response

MAX_DEPTH = 32
MAX_INT = 2**63 - 1
# NUL, the other C0 controls except tab, newline and carriage return, and lone surrogates.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_FORBIDDEN_IN_HEADER = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


class MalformedInput(InvalidInput):
    code = "malformed"


def _refuse_text(value: str, field: str | None = None) -> None:
    if _FORBIDDEN.search(value):
        raise MalformedInput(
            _("Please remove the control or NUL characters from the request."),
            fields={field: _("Must not contain control characters.")} if field else None,
        )


def check_value(value, depth: int = 0, field: str | None = None) -> None:
    """Walk decoded JSON: bounded depth, finite numbers that fit 64 bits, text without control characters.

    `field` is the top-level key the value sits under, so the error names it."""
    if depth > MAX_DEPTH:
        raise MalformedInput(_("Please send a flatter request: it is nested too deeply."))
    if isinstance(value, str):
        _refuse_text(value, field)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int | float):
        if not (math.isfinite(value) and -MAX_INT <= value <= MAX_INT):
            raise MalformedInput(
                _("Please send smaller numbers: a number in the request is too large."),
                fields={field: _("Number too large.")} if field else None,
            )
    elif isinstance(value, list):
        for item in value:
            check_value(item, depth + 1, field)
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_text(key)
            check_value(item, depth + 1, key if depth == 0 else field)


def _no_constants(name: str):
    raise ValueError(name)


class StrictJSONParser(JSONParser):
    """DRF's JSON parser, refusing what the database or the interpreter cannot take, each with a 400."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            raw = stream.read() if stream is not None else b""
        except RequestDataTooBig as error:
            raise BodyTooLarge(_("The request body is too large: at most 1 MB.")) from error
        if not raw:
            return {}
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise MalformedInput(_("The request body is not valid UTF-8.")) from error
        # Nesting is counted before parsing: the C parser would recurse to the interpreter's limit first.
        if text.count("[") + text.count("{") > MAX_DEPTH and _depth(text) > MAX_DEPTH:
            raise MalformedInput(_("Please send a flatter request: it is nested too deeply."))
        try:
            data = json.loads(text, parse_constant=_no_constants)
        except (ValueError, RecursionError) as error:
            raise MalformedInput(_("The request body is not valid JSON.")) from error
        check_value(data)
        return data


def _depth(text: str) -> int:
    """The deepest nesting of [ and { outside strings."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


class MalformedInputMiddleware:
    """Refuse query strings, form fields and headers carrying control characters; a broken form body is a 400."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            self._check(request)
        except MalformedInput as error:
            return error_response(request, error)
        except RequestDataTooBig:
            return error_response(request, BodyTooLarge(_("The request body is too large: at most 1 MB.")))
        except (MultiPartParserError, SuspiciousOperation):
            return error_response(request, MalformedInput(_("The form data could not be read.")))
        return self.get_response(request)

    def _check(self, request) -> None:
        for name, value in request.META.items():
            if name.startswith("HTTP_") and isinstance(value, str) and _FORBIDDEN_IN_HEADER.search(value):
                raise MalformedInput(_("A request header contains control characters."))
        _refuse_text(request.path)
        for key, values in request.GET.lists():
            _refuse_text(key)
            for value in values:
                _refuse_text(value)
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            for key, values in request.POST.lists():
                _refuse_text(key)
                for value in values:
                    _refuse_text(value)
