"""Per-process copies of the reference tables administrators edit: step limits, calendar adjustments, webhook
endpoints, and each unit's lexicon (dictionary, normative overrides, officials). A signature or a check would
otherwise read each of them again.

Every change to those tables writes a new random token into `ReferenceVersion` (one row) in the same transaction.
`lock_draft` (and the check task) read the token in the statement that fetches their rows, and a copy is used only
while it was loaded under that token: a change made in any process is seen by the next such statement in every
process, at no extra query.
Without a token (the row is missing, e.g. after a test flush) the tables are read each time.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save

import checks

from .models import (
    CalendarDay,
    DictionaryEntry,
    NormativeOverride,
    Official,
    OfficialTitle,
    ReferenceVersion,
    StepLimit,
    Unit,
    WebhookEndpoint,
)
from .workdays import Day

T = TypeVar("T")

_copies: dict[str, tuple[str, object]] = {}


def _copy(name: str, token: str | None, load: Callable[[], T]) -> T:
    """The copy of `name` loaded under `token`; loaded again when the token has changed since."""
    if token is None:
        return load()
    held = _copies.get(name)
    if held is not None and held[0] == token:
        return held[1]  # type: ignore[return-value]
    # Loaded after the token was read, so never older than it; a newer token makes the next use reload.
    value = load()
    _copies[name] = (token, value)
    return value


# The token as a column, for the statement that reads the rows a change needs (lock_draft, the check task).
TOKEN = RawSQL(f"SELECT token FROM {ReferenceVersion._meta.db_table} WHERE id = 1", [])


def current_token() -> str | None:
    return ReferenceVersion.objects.filter(pk=1).values_list("token", flat=True).first()


def step_limits(token: str | None) -> dict[tuple[int, str, str], int]:
    """(unit id, column or "" for every column, step) → working days."""

    def load() -> dict[tuple[int, str, str], int]:
        rows = StepLimit.objects.values_list("unit_id", "column", "step", "working_days")
        return {(unit_id, column, step): days for unit_id, column, step, days in rows}

    return _copy("step_limits", token, load)


def calendar_days(token: str | None) -> dict[date, Day]:
    """The administrators' calendar adjustments, by date."""

    def load() -> dict[date, Day]:
        rows = CalendarDay.objects.values_list("day", "working", "note")
        return {day: Day(day, working, note) for day, working, note in rows}

    return _copy("calendar_days", token, load)


def webhook_endpoints(token: str | None) -> dict[int, list[WebhookEndpoint]]:
    """Active webhook endpoints by unit id."""

    def load() -> dict[int, list[WebhookEndpoint]]:
        endpoints: dict[int, list[WebhookEndpoint]] = {}
        for endpoint in WebhookEndpoint.objects.filter(active=True).order_by("pk"):
            endpoints.setdefault(endpoint.unit_id, []).append(endpoint)
        return endpoints

    return _copy("webhook_endpoints", token, load)


def lexicon(unit: Unit, token: str | None) -> checks.Lexicon:
    """The unit's dictionary, normative overrides and officials as the checker's lexicon (`lexicon_for`)."""
    from .selectors import lexicon_for

    return _copy(f"lexicon.{unit.pk}", token, lambda: lexicon_for(unit))


def bump(**_kwargs) -> None:
    """A reference table changed: a new token, committed with the change, makes every process reload its copy."""
    ReferenceVersion.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})


for _model in (StepLimit, CalendarDay, WebhookEndpoint, DictionaryEntry, NormativeOverride, Official, OfficialTitle):
    post_save.connect(bump, sender=_model, dispatch_uid=f"reviewflow.reference.save.{_model.__name__}")
    post_delete.connect(bump, sender=_model, dispatch_uid=f"reviewflow.reference.delete.{_model.__name__}")
