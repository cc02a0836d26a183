"""Stand-ins (代签): a signer, or an administrator for them, names who signs their levels for a range of days."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..audit import audit_record
from ..errors import Conflict, InvalidInput, NotAllowed, NotFound
from ..models import AuditKind, Section, StandIn, User


def chain_partners(principal: User) -> dict[int, str]:
    """Everyone who holds another level beside `principal` in a chain the principal is on: user id → their level."""
    partners: dict[int, str] = {}
    sections = Section.objects.filter(
        Q(head=principal) | Q(deputy=principal) | Q(unit__head=principal) | Q(stand_in_head=principal)
    ).select_related("head", "deputy", "unit__head")
    for section in sections:
        for person, level in (
            (section.head, _("Section head")),
            (section.deputy, _("Deputy leader in charge")),
            (section.unit.head, _("Principal leader")),
        ):
            if person is not None and person.pk != principal.pk:
                partners.setdefault(person.pk, str(level))
    return partners


@transaction.atomic
def name_stand_in(
    *, by: User, principal: User, stand_in: User, starts_on: datetime.date, ends_on: datetime.date, reason: str = ""
) -> StandIn:
    """Refused when the stand-in already holds another level of one of the principal's chains."""
    if by.pk != principal.pk and not by.is_superuser:
        raise NotAllowed(_("Only the signer or an administrator may name a stand-in for them."))
    if stand_in.pk == principal.pk:
        raise InvalidInput(_("A stand-in must be someone else."), fields={"stand_in": _("Choose someone else.")})
    if not stand_in.is_active:
        raise InvalidInput(_("%(person)s's account is disabled.") % {"person": stand_in})
    if ends_on < starts_on:
        raise InvalidInput(_("The last day comes before the first."), fields={"ends_on": _("After the first day.")})
    if ends_on < timezone.localdate():
        raise InvalidInput(_("The range has already ended."), fields={"ends_on": _("Today or later.")})
    level = chain_partners(principal).get(stand_in.pk)
    if level is not None:
        raise Conflict(
            _("%(person)s already signs as %(level)s in %(principal)s's chain; one person cannot sign two levels.")
            % {"person": stand_in, "level": level, "principal": principal}
        )
    record = StandIn.objects.create(
        principal=principal, stand_in=stand_in, starts_on=starts_on, ends_on=ends_on, reason=reason[:200], named_by=by
    )
    audit_record(
        draft=None,
        actor=by,
        event=AuditKind.STAND_IN_NAMED,
        data={
            "principal": str(principal),
            "stand_in": str(stand_in),
            "from": starts_on.isoformat(),
            "until": ends_on.isoformat(),
            "reason": reason[:200],
        },
    )
    return record


@transaction.atomic
def revoke_stand_in(*, by: User, stand_in_id: int) -> StandIn:
    record = StandIn.objects.select_for_update().filter(pk=stand_in_id).first()
    if record is None or (by.pk != record.principal_id and not by.is_superuser):
        raise NotFound(_("No such stand-in."))
    if record.revoked_at is None:
        record.revoked_at = timezone.now()
        record.save(update_fields=["revoked_at"])
        audit_record(
            draft=None,
            actor=by,
            event=AuditKind.STAND_IN_REVOKED,
            data={"principal": str(record.principal), "stand_in": str(record.stand_in)},
        )
    return record
