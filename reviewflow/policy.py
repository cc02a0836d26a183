"""Who may do what to a draft: one rule per question, used by the pages (which buttons show) and the services
(what is enforced). `guard_*` raise the error that says why not; `may_*` answer yes or no with the same rule."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import NotAllowed, NotYourStep, ReviewError, StaleVersion, WrongStatus
from .lifecycle import SIGNING_ORDER, Status, Step
from .models import Assignment, Draft, Section, StandIn, User


def standing_in_for(user: User):
    """The people whose levels `user` holds today as their stand-in (代签), as a subquery of user ids."""
    today = timezone.localdate()
    return StandIn.objects.filter(
        stand_in=user, starts_on__lte=today, ends_on__gte=today, revoked_at__isnull=True
    ).values("principal_id")


def is_standing_in(user: User, principal_id: int | None) -> bool:
    return principal_id is not None and standing_in_for(user).filter(principal_id=principal_id).exists()


def visibility(user: User) -> Q:
    """Drafts a user may see: their own, those of a chain they are on or a section they lead, all for auditors."""
    if user.is_auditor:
        return Q()
    led_sections = Section.objects.filter(Q(head=user) | Q(deputy=user) | Q(unit__head=user)).values("pk")
    on_chain = Exists(Assignment.objects.filter(draft=OuterRef("pk"), user=user))
    # A section head's stand-in also sees the section's drafts: they confirm serious dismissals in the head's place.
    standing_in = Q(holder__in=standing_in_for(user)) | Q(section__head__in=standing_in_for(user))
    return Q(drafter=user) | Q(section__in=led_sections) | Q(on_chain) | standing_in


def may_see(user: User, draft: Draft) -> bool:
    """The same rule as `visibility`, for one draft in hand: the cheap answers first."""
    if user.pk in (draft.drafter_id, draft.holder_id):
        return True
    if draft.assignments.filter(user=user).exists():
        return True
    section = draft.section
    if user.pk in (section.head_id, section.deputy_id, section.unit.head_id):
        return True
    if is_standing_in(user, draft.holder_id) or is_standing_in(user, section.head_id):
        return True
    return bool(user.is_auditor)


def guard_edit(user: User, draft: Draft) -> None:
    """Only the drafter changes a draft (edit, dismiss, apply, submit), and only while it is theirs."""
    if draft.drafter_id != user.pk:
        raise NotAllowed(_("Only the drafter may change this draft."))
    if not draft.editable:
        raise WrongStatus(status=draft.stage_display)


def guard_signer(user: User, draft: Draft, version: int | None = None) -> tuple[Step, int | None]:
    """The holder of the open level, or their stand-in today, signs or returns it on the version they read.

    Answers the level and, for a stand-in, whom they sign for.
    """
    if draft.status != Status.SIGNING or not draft.step:
        if not draft.assignments.filter(user=user).exclude(step=Step.DRAFTER).exists():
            raise NotAllowed(_("You are not a signer of this draft."))
        raise WrongStatus(status=draft.stage_display)
    principal = None
    if draft.holder_id != user.pk and is_standing_in(user, draft.holder_id):
        principal = draft.holder_id
        other = draft.assignments.filter(user=user).first()
        if other is not None:
            raise NotAllowed(
                _("You already hold the %(step)s level of this draft; one person cannot sign two levels.")
                % {"step": Step(other.step).label}
            )
    elif draft.holder_id != user.pk:
        own = list(draft.assignments.filter(user=user).exclude(step=Step.DRAFTER).values_list("step", flat=True))
        if own and SIGNING_ORDER.index(Step(own[0])) < SIGNING_ORDER.index(Step(draft.step)):
            raise WrongStatus(status=draft.stage_display)  # their level is already behind the draft
        raise NotYourStep()
    if version is not None and version != draft.version:
        raise StaleVersion(seen=version, current=draft.version)
    return Step(draft.step), principal


def guard_withdraw(user: User, draft: Draft) -> None:
    """Only the unit's principal leader on the chain or an administrator takes a published item down."""
    if not (user.is_superuser or draft.assignments.filter(step=Step.HEAD, user=user).exists()):
        raise NotAllowed(_("Only the principal leader or an administrator may withdraw a published item."))
    if draft.status != Status.PUBLISHED:
        raise WrongStatus(status=draft.stage_display)


def guard_correct(user: User, draft: Draft) -> None:
    """The drafter opens a correction round on their published item."""
    if draft.drafter_id != user.pk:
        raise NotAllowed(_("Only the drafter may open a correction of this item."))
    if draft.status != Status.PUBLISHED:
        raise WrongStatus(status=draft.stage_display)


def may_correct(user: User, draft: Draft) -> bool:
    return draft.status == Status.PUBLISHED and draft.drafter_id == user.pk


def guard_confirm_dismissal(user: User, draft: Draft) -> None:
    """The head of the draft's section, or their stand-in today, confirms or rejects a serious finding's dismissal."""
    head_id = draft.section.head_id
    if head_id is None or (user.pk != head_id and not is_standing_in(user, head_id)):
        raise NotAllowed(_("Only the section head may confirm or reject this dismissal."))
    if not draft.editable:
        raise WrongStatus(status=draft.stage_display)


def may_confirm_dismissal(user: User, draft: Draft) -> bool:
    return _allowed(guard_confirm_dismissal, user, draft)


def guard_schedule(user: User, draft: Draft) -> None:
    """The drafter, or the principal leader of the chain, sets the publication time until the item is published."""
    is_head = draft.assignments.filter(step=Step.HEAD, user=user).exists() or user.pk == draft.section.unit.head_id
    if user.pk != draft.drafter_id and not is_head:
        raise NotAllowed(_("Only the drafter or the principal leader may set the publication time."))
    if draft.status in (Status.PUBLISHED, Status.WITHDRAWN):
        raise WrongStatus(status=draft.stage_display)


def guard_unschedule(user: User, draft: Draft) -> None:
    """Calling back a scheduled item before its time needs the principal leader or an administrator."""
    if not (user.is_superuser or draft.assignments.filter(step=Step.HEAD, user=user).exists()):
        raise NotAllowed(_("Only the principal leader or an administrator may call back a scheduled item."))
    if draft.status != Status.SCHEDULED:
        raise WrongStatus(status=draft.stage_display)


def _allowed(guard, *args) -> bool:
    try:
        guard(*args)
    except ReviewError:
        return False
    return True


def may_edit(user: User, draft: Draft) -> bool:
    return draft.drafter_id == user.pk and draft.editable


def may_sign(user: User, draft: Draft) -> bool:
    """May sign or return the open level: its holder, or their stand-in today."""
    if draft.status != Status.SIGNING:
        return False
    return draft.holder_id == user.pk or _allowed(guard_signer, user, draft)


def may_schedule(user: User, draft: Draft) -> bool:
    return _allowed(guard_schedule, user, draft)


def may_unschedule(user: User, draft: Draft) -> bool:
    return draft.status == Status.SCHEDULED and _allowed(guard_unschedule, user, draft)


def may_withdraw(user: User, draft: Draft) -> bool:
    return draft.status == Status.PUBLISHED and _allowed(guard_withdraw, user, draft)
