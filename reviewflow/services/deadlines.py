"""Reminders before a signing level's time limit, escalation after it: each once per draft, round and level."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..audit import audit_record
from ..deadlines import REMIND_BEFORE
from ..lifecycle import Status, Step, next_level
from ..models import AuditKind, DeadlineNotice, Draft, StandIn, User
from .notifications import notify


def _stand_ins_today(principal_id: int) -> list[int]:
    today = timezone.localdate()
    return list(
        StandIn.objects.filter(
            principal_id=principal_id, starts_on__lte=today, ends_on__gte=today, revoked_at__isnull=True
        ).values_list("stand_in_id", flat=True)
    )


def _claim(draft: Draft, kind: str) -> bool:
    """Record that this notice is given; False when an earlier tick (or another worker) already gave it."""
    assert draft.step_due_at is not None
    try:
        with transaction.atomic():
            DeadlineNotice.objects.create(
                draft=draft, version=draft.version, step=draft.step, kind=kind, due_at=draft.step_due_at
            )
    except IntegrityError:
        return False
    return True


def _due_text(draft: Draft) -> str:
    assert draft.step_due_at is not None
    return timezone.localtime(draft.step_due_at).strftime("%Y-%m-%d %H:%M")


@transaction.atomic
def remind(*, draft_id: int, now: datetime) -> bool:
    """Remind the holder (and whoever stands in for them today) that the level is due soon; once."""
    draft = Draft.objects.select_for_update().filter(pk=draft_id, status=Status.SIGNING).first()
    if draft is None or draft.step_due_at is None or draft.holder_id is None or now >= draft.step_due_at:
        return False
    if not _claim(draft, DeadlineNotice.Kind.REMINDER):
        return False
    message = _("“%(title)s” is due for your signature by %(due)s.") % {"title": draft.title, "due": _due_text(draft)}
    for user_id in [draft.holder_id, *_stand_ins_today(draft.holder_id)]:
        notify(user_id=user_id, draft=draft, message=message)
    return True


@transaction.atomic
def escalate(*, draft_id: int, now: datetime) -> bool:
    """The level went past its limit: tell the next level up (or the principal leader) and the administrators; once."""
    draft = Draft.objects.select_for_update().filter(pk=draft_id, status=Status.SIGNING).first()
    if draft is None or draft.step_due_at is None or now < draft.step_due_at:
        return False
    if not _claim(draft, DeadlineNotice.Kind.ESCALATION):
        return False
    chain = dict(draft.assignments.values_list("step", "user_id"))
    following = next_level(draft.step)
    above = chain.get(following.step) if following else chain.get(Step.HEAD)
    admins = User.objects.filter(is_superuser=True, is_active=True).values_list("pk", flat=True)
    recipients = dict.fromkeys(uid for uid in [above, *admins] if uid is not None and uid != draft.holder_id)
    holder = User.objects.filter(pk=draft.holder_id).first() if draft.holder_id else None
    message = _("“%(title)s” is overdue at %(step)s (%(holder)s): it was due by %(due)s.") % {
        "title": draft.title,
        "step": Step(draft.step).label,
        "holder": holder,
        "due": _due_text(draft),
    }
    for user_id in recipients:
        notify(user_id=user_id, draft=draft, message=message)
    audit_record(
        draft=draft,
        actor=None,
        event=AuditKind.STEP_OVERDUE,
        data={"step": draft.step, "due_at": draft.step_due_at.isoformat(), "holder": str(holder)},
    )
    return True


def sweep_deadlines(now: datetime | None = None) -> tuple[int, int]:
    """Remind every level due within half a working day, escalate every overdue one; (reminded, escalated)."""
    now = now or timezone.now()
    open_levels = Draft.objects.filter(status=Status.SIGNING, step_due_at__isnull=False)
    reminded = escalated = 0
    for draft_id in open_levels.filter(step_due_at__gt=now, step_due_at__lte=now + REMIND_BEFORE).values_list(
        "pk", flat=True
    ):
        reminded += remind(draft_id=draft_id, now=now)
    for draft_id in open_levels.filter(step_due_at__lte=now).values_list("pk", flat=True):
        escalated += escalate(draft_id=draft_id, now=now)
    return reminded, escalated
