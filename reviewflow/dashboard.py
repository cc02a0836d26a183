"""Reads for the deadlines dashboard: how fresh each column is, which netizen messages are due or overdue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Max, Q, QuerySet

from .models import Draft, Status, User
from .models_office import ColumnSchedule, FreshnessNotice, NetizenMessage


@dataclass
class ColumnState:
    """One column of one section: when it was last published and when the next item is due."""

    schedule: ColumnSchedule
    last_published: datetime | None
    due_at: datetime
    now: datetime
    notified_at: datetime | None = None

    @property
    def stale(self) -> bool:
        return self.now >= self.due_at

    @property
    def needs_warning(self) -> bool:
        """Within the warning window before the due date, or past it."""
        return self.now >= self.due_at - timedelta(days=settings.REVIEWFLOW_FRESHNESS_WARN_DAYS)

    @property
    def state(self) -> str:
        return "stale" if self.stale else "due_soon" if self.needs_warning else "fresh"


def schedules_for(user: User) -> QuerySet[ColumnSchedule]:
    """Every section's columns of the user's unit; all units for administrators and auditors."""
    schedules = ColumnSchedule.objects.select_related("section__unit", "section__head")
    if user.is_auditor:
        return schedules
    if user.section is None:
        return schedules.none()
    return schedules.filter(section__unit_id=user.section.unit_id)


def column_states(schedules: Iterable[ColumnSchedule], *, now: datetime) -> list[ColumnState]:
    """Each schedule's last publication (one grouped query) and due date; due counts from creation if never."""
    schedules = list(schedules)
    last = {
        (row["section_id"], row["column"], row["channel"]): row["last"]
        for row in Draft.objects.filter(status=Status.PUBLISHED, section_id__in={s.section_id for s in schedules})
        .values("section_id", "column", "channel")
        .annotate(last=Max("published_at"))
    }
    states = []
    for schedule in schedules:
        published = last.get((schedule.section_id, schedule.column, schedule.channel))
        states.append(ColumnState(schedule, published, (published or schedule.created_at) + schedule.interval, now=now))
    notices = {
        (n.schedule_id, n.due_at): n.notified_at
        for n in FreshnessNotice.objects.filter(schedule__in=schedules, due_at__in={s.due_at for s in states})
    }
    for state in states:
        state.notified_at = notices.get((state.schedule.pk, state.due_at))
    return states


def messages_for(user: User) -> QuerySet[NetizenMessage]:
    """The unit's netizen messages, soonest reply deadline first."""
    messages = NetizenMessage.objects.select_related("section", "reply", "unit")
    if user.is_superuser:
        return messages
    if user.section is None:
        return messages.none()
    return messages.filter(unit_id=user.section.unit_id)


def open_messages(messages: QuerySet[NetizenMessage]) -> QuerySet[NetizenMessage]:
    """Messages whose reply is not yet published."""
    return messages.filter(Q(reply__isnull=True) | Q(reply__published_at__isnull=True))


def message_clock(message: NetizenMessage, *, now: datetime) -> dict[str, Any]:
    """Where a message stands against its two deadlines."""
    transferred, replied = message.transferred_at, message.replied_at
    return {
        "transfer_overdue": (transferred or now) > message.transfer_due,
        "reply_overdue": (replied or now) > message.reply_due,
        "state": "replied" if replied else "replying" if message.reply_id else "transferred" if transferred else "new",
    }
