"""Column freshness (seed 四(二)): tell the responsible section once, before a column goes stale."""

from __future__ import annotations

from datetime import datetime

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..audit import audit_record
from ..dashboard import ColumnState, column_states
from ..models import AuditKind, Channel, Column, Section, User
from ..models_office import ColumnSchedule, FreshnessNotice
from .notifications import notify_in_app

# seed 四(二): 工作动态 at least weekly on the website, new-media accounts at least every two weeks.
DEFAULT_SCHEDULES = [(Column.NEWS, Channel.WEBSITE, 7), (Column.NEWS, Channel.NEW_MEDIA, 14)]


def ensure_default_schedules(section: Section) -> None:
    """Give a section the plan's minimum update intervals; intervals already set are kept."""
    for column, channel, days in DEFAULT_SCHEDULES:
        ColumnSchedule.objects.get_or_create(
            section=section, column=column, channel=channel, defaults={"interval_days": days}
        )


def _recipients(schedule: ColumnSchedule) -> list[User]:
    """The section's head and members: whoever can write the next item."""
    people = {u.pk: u for u in schedule.section.members.filter(is_active=True)}
    if schedule.section.head is not None:
        people.setdefault(schedule.section.head.pk, schedule.section.head)
    return sorted(people.values(), key=lambda u: u.pk)


def _notify(state: ColumnState) -> FreshnessNotice | None:
    schedule = state.schedule
    recipients = _recipients(schedule)
    try:
        with transaction.atomic():
            notice = FreshnessNotice.objects.create(
                schedule=schedule, due_at=state.due_at, recipients=[u.username for u in recipients]
            )
            audit_record(
                draft=None,
                actor=None,
                event=AuditKind.COLUMN_STALE_WARNED,
                data={"schedule": schedule.pk, "due_at": state.due_at.isoformat(), "section": schedule.section.name},
            )
    except IntegrityError:  # another sweep told them about this due date first
        return None
    subject = _("ReviewFlow: %(column)s needs a new item by %(due)s") % {
        "column": schedule,
        "due": timezone.localtime(state.due_at).strftime("%Y-%m-%d %H:%M"),
    }
    body = _("%(column)s must be updated at least every %(days)s days; the last item was published %(last)s.") % {
        "column": schedule,
        "days": schedule.interval_days,
        "last": timezone.localtime(state.last_published).strftime("%Y-%m-%d") if state.last_published else _("never"),
    }
    notify_in_app(user_ids=[u.pk for u in recipients], message=f"{subject}: {body}")
    addresses = [u.email for u in recipients if u.email]
    if addresses:
        send_mail(subject, body, None, addresses, fail_silently=True)
    return notice


def warn_stale_columns(*, now: datetime | None = None) -> list[FreshnessNotice]:
    """Notify each column that is due soon or stale, once per due date; remember when every column was checked."""
    now = now or timezone.now()
    schedules = ColumnSchedule.objects.select_related("section__head")
    sent = []
    for state in column_states(schedules, now=now):
        if state.needs_warning and state.notified_at is None:
            notice = _notify(state)
            if notice is not None:
                sent.append(notice)
    schedules.update(checked_at=now)
    return sent
