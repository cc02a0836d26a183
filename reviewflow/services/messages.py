"""Netizen messages (seed 四(四)): recorded or received, transferred to a section, answered by a reviewed reply."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import workdays
from ..audit import audit_record
from ..errors import Conflict, InvalidInput, NotAllowed, NotFound
from ..models import AuditKind, Draft, Kind, Section, Unit, User
from ..models_office import NetizenMessage
from .content import _CONTROL, normalise_text
from .drafts import create_draft
from .notifications import notify_in_app

TRANSFER_WITHIN = 1  # working days
REPLY_WITHIN = 3
RECORD_WITHIN = timedelta(days=366)
FIELDS = {"author_name": 100, "contact": 200, "subject": 200, "body": 5000}


def may_transfer(user: User) -> bool:
    """Administrators and holders of the transfer permission route messages to sections."""
    return user.is_superuser or user.has_perm("reviewflow.transfer_netizenmessage")


def clean_message(data: dict[str, Any]) -> dict[str, str]:
    """The message's text fields, normalised; subject and body required."""
    errors: dict[str, str] = {}
    clean: dict[str, str] = {}
    for name, limit in FIELDS.items():
        value = data.get(name) or ""
        if not isinstance(value, str):
            errors[name] = _("Must be text.")
            continue
        value = normalise_text(value.replace("\r\n", "\n"))
        if _CONTROL.search(value) or (name != "body" and "\n" in value):
            errors[name] = _("Contains control characters; remove them and try again.")
        elif name in ("subject", "body") and not value:
            errors[name] = _("This field is required.")
        elif len(value) > limit:
            errors[name] = _("Too long: at most %(max)d characters, got %(got)d.") % {"max": limit, "got": len(value)}
        clean[name] = value
    if errors:
        raise InvalidInput(_("Please correct: %(fields)s") % {"fields": "；".join(errors.values())}, fields=errors)
    return clean


@transaction.atomic
def record_message(
    *, unit: Unit, data: dict[str, Any], source: str, user: User | None = None, received_at: datetime | None = None
) -> NetizenMessage:
    """Store a message; its transfer and reply deadlines are fixed now, on the working-day calendar."""
    now = timezone.now()
    received_at = received_at or now
    if received_at > now:
        raise InvalidInput(_("A message cannot arrive in the future."), fields={"received_at": _("In the future.")})
    if received_at < now - RECORD_WITHIN:
        raise InvalidInput(
            _("A message must be recorded within a year of its arrival."), fields={"received_at": _("Too long ago.")}
        )
    calendar = workdays.Calendar()
    transfer, reply = calendar.deadline(received_at, TRANSFER_WITHIN), calendar.deadline(received_at, REPLY_WITHIN)
    message = NetizenMessage.objects.create(
        unit=unit,
        source=source,
        recorded_by=user,
        received_at=received_at,
        transfer_due=transfer.due,
        reply_due=reply.due,
        due_estimated=transfer.estimated or reply.estimated,
        **clean_message(data),
    )
    audit_record(
        draft=None,
        actor=user,
        event=AuditKind.MESSAGE_RECEIVED,
        data={"message": message.pk, "source": source, "reply_due": reply.due.isoformat()},
    )
    return message


def _lock(message_id: int, user: User) -> NetizenMessage:
    message = NetizenMessage.objects.select_for_update().filter(pk=message_id).first()
    if message is None or not (user.is_superuser or (user.section and user.section.unit_id == message.unit_id)):
        raise NotFound(_("No such message."))
    return message


@transaction.atomic
def transfer_message(*, message_id: int, user: User, section_id: int) -> NetizenMessage:
    """Hand the message to the section that answers it; it may be handed on again until a reply is written."""
    message = _lock(message_id, user)
    if not may_transfer(user):
        raise NotAllowed(_("Only an administrator or the office that routes messages may transfer them."))
    if message.reply_id is not None:
        raise Conflict(_("This message already has a reply and can no longer be transferred."))
    section = Section.objects.filter(pk=section_id, unit_id=message.unit_id).select_related("head").first()
    if section is None:
        raise InvalidInput(_("No such section in this unit."), fields={"section": _("Unknown section.")})
    now = timezone.now()
    message.section, message.transferred_at, message.transferred_by = section, now, user
    message.save(update_fields=["section", "transferred_at", "transferred_by"])
    audit_record(
        draft=None,
        actor=user,
        event=AuditKind.MESSAGE_TRANSFERRED,
        data={"message": message.pk, "section": section.name, "late": now > message.transfer_due},
    )
    if section.head:
        subject = _("ReviewFlow: a netizen message to answer: %(subject)s") % {"subject": message.subject}
        due = timezone.localtime(message.reply_due).strftime("%Y-%m-%d %H:%M")
        body = _("Reply before %(due)s.") % {"due": due}
        notify_in_app(user_ids=[section.head.pk], message=f"{subject}: {body}")
    if section.head and section.head.email:
        address = section.head.email
        transaction.on_commit(lambda: send_mail(subject, body, None, [address], fail_silently=True))
    return message


@transaction.atomic
def reply_to_message(*, message_id: int, user: User, data: dict[str, Any]) -> Draft:
    """A member of the section writes the reply as a draft of kind `reply`; it goes through the check and chain."""
    message = _lock(message_id, user)
    if message.section_id is None:
        raise Conflict(_("Transfer the message to a section before replying."))
    if user.section_id != message.section_id:
        raise NotAllowed(_("Only a member of the section the message was transferred to may reply."))
    if message.reply_id is not None:
        raise Conflict(_("This message already has a reply."))
    fields = {"title": _("Reply: %(subject)s") % {"subject": message.subject[:180]}, "column": "notice"}
    fields.update({name: value for name, value in data.items() if value not in (None, "")})  # blank: the default
    draft = create_draft(user=user, data={**fields, "kind": Kind.REPLY})
    message.reply = draft
    message.save(update_fields=["reply"])
    audit_record(draft=draft, actor=user, event=AuditKind.MESSAGE_REPLIED, data={"message": message.pk})
    return draft
