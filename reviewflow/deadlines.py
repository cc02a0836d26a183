"""Time limits of the signing levels, in working days on the mainland calendar (`workdays`)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from . import reference
from .workdays import Calendar

if TYPE_CHECKING:
    from .models import Draft

# The holder is reminded this long before the limit: half a working day.
REMIND_BEFORE = timedelta(hours=12)


def limit_days(draft: Draft, step: str) -> int:
    """The unit's limit for this column and level, else its limit for every column, else the default."""
    from .models import StepLimit

    limits = reference.step_limits(draft.reference_token)
    unit_id = draft.section.unit_id
    return limits.get((unit_id, draft.column, step), limits.get((unit_id, "", step), StepLimit.DEFAULT_DAYS))


def step_due(draft: Draft, step: str, opened_at: datetime) -> datetime:
    """When a level opened at `opened_at` passes its limit: the end of its last working day."""
    calendar = Calendar(overrides=reference.calendar_days(draft.reference_token))
    return calendar.deadline(opened_at, limit_days(draft, step)).due
