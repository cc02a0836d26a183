"""Draft content: validation of what a drafter sends, normalisation, and the content hash."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, fields

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from ..errors import InvalidInput
from ..models import Channel, Column, Kind

# C0/C1 control characters other than tab and line feed, and the Unicode line/paragraph separators.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_url = URLValidator(schemes=["http", "https"])


@dataclass(frozen=True)
class Content:
    title: str
    body: str
    column: str
    channel: str
    kind: str
    key: bool
    source_name: str
    source_url: str

    @property
    def hash(self) -> str:
        """SHA-256 over the canonical JSON of the normalised text and metadata."""
        canonical = json.dumps(asdict(self), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def as_fields(self) -> dict:
        return asdict(self)


CONTENT_FIELDS = tuple(field.name for field in fields(Content))


def normalise_text(text: str) -> str:
    """NFC, LF line ends, no trailing blanks on a line, no blank lines at either end."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n").strip()


def _text(data: dict, name: str, errors: dict, *, required: bool, max_chars: int, multiline: bool) -> str:
    value = data.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors[name] = _("Must be text.")
        return ""
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")  # browsers send CR LF line ends
    if _CONTROL.search(value) or (not multiline and "\n" in value):
        errors[name] = _("Contains control characters; remove them and try again.")
        return ""
    value = normalise_text(value)
    if required and not value:
        errors[name] = _("This field is required.")
    elif len(value) > max_chars:
        errors[name] = _("Too long: at most %(max)d characters, got %(got)d.") % {"max": max_chars, "got": len(value)}
    return value


def _choice(data: dict, name: str, choices, default: str, errors: dict) -> str:
    value = data.get(name) or default
    if value not in choices.values:
        errors[name] = _("Unknown value “%(value)s”; choose one of: %(choices)s.") % {
            "value": value,
            "choices": ", ".join(choices.values),
        }
    return value


def clean_content(data: dict) -> Content:
    """Validate a drafter's fields; raise InvalidInput naming every bad field, in the user's language."""
    errors: dict[str, str] = {}
    title = _text(data, "title", errors, required=True, max_chars=200, multiline=False)
    body = _text(data, "body", errors, required=True, max_chars=settings.REVIEWFLOW_MAX_BODY_CHARS, multiline=True)
    column = _choice(data, "column", Column, Column.NEWS, errors)
    channel = _choice(data, "channel", Channel, Channel.WEBSITE, errors)
    kind = _choice(data, "kind", Kind, Kind.ORIGINAL, errors)
    key = data.get("key", False)
    if not isinstance(key, bool):
        errors["key"] = _("Must be true or false.")
    source_name = _text(data, "source_name", errors, required=False, max_chars=200, multiline=False)
    source_url = _text(data, "source_url", errors, required=False, max_chars=500, multiline=False)
    if kind == Kind.REPOST:
        if not source_name and "source_name" not in errors:
            errors["source_name"] = _("A repost must name its source.")
        if "source_url" not in errors:
            try:
                _url(source_url)
            except ValidationError:
                errors["source_url"] = _("A repost needs the source's web address (http:// or https://).")
    else:
        source_name = source_url = ""
    if errors:
        raise InvalidInput(_("Please correct: %(fields)s") % {"fields": "；".join(errors.values())}, fields=errors)
    return Content(title, body, column, channel, kind, bool(key), source_name, source_url)


def content_of(obj) -> Content:
    """The content a Draft or DraftVersion holds."""
    return Content(**{name: getattr(obj, name) for name in CONTENT_FIELDS})
