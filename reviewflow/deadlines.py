"""Time limits of the signing levels, in working days on the mainland calendar (`workdays`)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .workdays import Calendar

if TYPE_CHECKING:
    from .models import Draft

# The holder is reminded this long before the limit: half a working day.
REMIND_BEFORE = timedelta(hours=12)


def limit_days(draft: Draft, step: str) -> int:
    """The unit's limit for this column and level, else its limit for every column, else the default."""
    from .models import StepLimit

    limits = dict(
        StepLimit.objects.filter(unit_id=draft.section.unit_id, step=step, column__in=[draft.column, ""]).values_list(
            "column", "working_days"
        )
    )
    return limits.get(draft.column, limits.get("", StepLimit.DEFAULT_DAYS))


def step_due(draft: Draft, step: str, opened_at: datetime) -> datetime:
    """When a level opened at `opened_at` passes its limit: the end of its last working day."""
    return Calendar().deadline(opened_at, limit_days(draft, step)).due
