"""The review round: submit, dismiss a finding, sign or return, publish, withdraw."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import engine, webhooks
from ..audit import audit_record
from ..errors import InvalidInput, NotAllowed, NotFound, NotYourStep, PublishRefused, StaleVersion, WrongStatus
from ..models import (
    EDITABLE_STATUSES,
    SIGNING_ORDER,
    CheckRun,
    Draft,
    Finding,
    Signature,
    Status,
    Step,
    User,
)
from .dictionary import propose_allow_term
from .locking import lock_draft
from .notifications import notify
from .organisation import signing_chain
from .steps import current_version, open_step, set_status

NEXT_STATUS = {Step.SECTION_HEAD: Status.AWAITING_DEPUTY, Step.DEPUTY: Status.AWAITING_HEAD}


def _require_reason(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(message)
    if len(reason) > 2000:
        raise InvalidInput(_("The reason is too long: at most 2000 characters."))
    return reason


@transaction.atomic
def submit(*, draft_id: int, user: User) -> CheckRun:
    """The drafter submits the current version: the chain is fixed and the typo check is requested."""
    draft = lock_draft(draft_id, user)
    if draft.drafter_id != user.pk:
        raise NotAllowed(_("Only the drafter may submit this draft."))
    if draft.status not in EDITABLE_STATUSES:
        raise WrongStatus(status=draft.get_status_display())
    chain = signing_chain(draft.drafter)
    draft.section_head, draft.deputy, draft.head = chain[Step.SECTION_HEAD], chain[Step.DEPUTY], chain[Step.HEAD]
    # A new round: signatures of an earlier round on this version no longer count.
    Signature.objects.filter(draft=draft, voided_at__isnull=True).update(voided_at=timezone.now())
    run, _created = CheckRun.objects.get_or_create(version=current_version(draft), purpose=CheckRun.Purpose.SUBMISSION)
    if run.status == CheckRun.State.FAILED:
        run.status, run.error = CheckRun.State.PENDING, ""
        run.save(update_fields=["status", "error"])
    set_status(draft, Status.CHECKING)
    draft.pending_check = run
    draft.return_reason, draft.returned_by = "", None
    draft.save()
    audit_record(
        draft=draft,
        actor=user,
        event="draft.submitted",
        data={
            "chain": {step: person.username for step, person in chain.items()},
            "chain_names": [str(person) for person in chain.values()],
        },
    )
    engine.get().start(draft, run)
    return run


@transaction.atomic
def dismiss_finding(*, draft_id: int, user: User, finding_id: int, reason: str) -> Finding:
    """The drafter dismisses a finding as correct, with a written reason every later signer sees."""
    draft = lock_draft(draft_id, user)
    if draft.drafter_id != user.pk:
        raise NotAllowed(_("Only the drafter may dismiss findings."))
    if draft.status not in EDITABLE_STATUSES:
        raise WrongStatus(status=draft.get_status_display())
    finding = (
        Finding.objects.select_for_update()
        .filter(pk=finding_id, check_run__version__draft=draft, check_run__version__number=draft.version)
        .first()
    )
    if finding is None:
        raise NotFound(_("No such finding on the current version."))
    reason = _require_reason(reason, _("Say why this finding is not an error."))
    if finding.dismissed:
        return finding
    finding.dismissed_by, finding.dismiss_reason, finding.dismissed_at = user, reason, timezone.now()
    finding.save(update_fields=["dismissed_by", "dismiss_reason", "dismissed_at"])
    audit_record(
        draft=draft,
        actor=user,
        event="finding.dismissed",
        data={"finding": finding.pk, "text": finding.text, "rule": finding.rule, "reason": reason},
    )
    propose_allow_term(finding=finding, unit=draft.section.unit)
    return finding


def _guardopen_step(draft: Draft, user: User, version: int) -> str:
    step = draft.open_step
    if step is None:
        if user.pk not in (draft.section_head_id, draft.deputy_id, draft.head_id):
            raise NotAllowed(_("You are not a signer of this draft."))
        raise WrongStatus(status=draft.get_status_display())
    if draft.assignee_id(step) != user.pk:
        own = [s for s in SIGNING_ORDER[1:] if draft.assignee_id(s) == user.pk]
        if own and SIGNING_ORDER.index(own[0]) < SIGNING_ORDER.index(step):
            raise WrongStatus(status=draft.get_status_display())  # their step is already behind the draft
        raise NotYourStep()
    if version != draft.version:
        raise StaleVersion(seen=version, current=draft.version)
    return step


@transaction.atomic
def sign(*, draft_id: int, user: User, version: int, comment: str = "", proofread: bool = False) -> Signature:
    """Sign the open step on the version the signer read; the last signature publishes."""
    draft = lock_draft(draft_id, user)
    step = _guardopen_step(draft, user, version)
    if draft.key and not proofread:
        raise InvalidInput(_("This is a key manuscript: confirm that you proofread it word by word (逐字核校)."))
    comment = (comment or "").strip()
    if len(comment) > 2000:
        raise InvalidInput(_("The comment is too long: at most 2000 characters."))
    signature = Signature.objects.create(
        draft=draft,
        version=current_version(draft),
        step=step,
        user=user,
        content_hash=draft.content_hash,
        comment=comment,
        proofread=bool(proofread),
    )
    audit_record(
        draft=draft,
        actor=user,
        event="review.signed",
        data={"step": step, "comment": comment, "proofread": bool(proofread)},
    )
    if step == Step.DEPUTY and draft.key:
        # Key manuscripts: the final text is checked again before the principal leader signs.
        run, _created = CheckRun.objects.get_or_create(version=current_version(draft), purpose=CheckRun.Purpose.FINAL)
        set_status(draft, Status.CHECKING)
        draft.pending_check = run
        draft.save()
        audit_record(draft=draft, actor=None, event="check.final_requested", data={"check": run.pk})
    elif step in NEXT_STATUS:
        open_step(draft, NEXT_STATUS[step])
    else:
        draft.save()
    engine.get().advance(draft)
    return signature


@transaction.atomic
def return_draft(*, draft_id: int, user: User, version: int, reason: str) -> Draft:
    """A signer sends the draft back to its drafter, with the reason."""
    draft = lock_draft(draft_id, user)
    step = _guardopen_step(draft, user, version)
    reason = _require_reason(reason, _("Say why the draft is returned."))
    set_status(draft, Status.RETURNED)
    draft.return_reason, draft.returned_by = reason, user
    draft.save()
    audit_record(draft=draft, actor=user, event="review.returned", data={"step": step, "reason": reason})
    notify(
        user=draft.drafter,
        draft=draft,
        message=_("%(user)s returned “%(title)s”: %(reason)s") % {"user": user, "title": draft.title, "reason": reason},
    )
    engine.get().advance(draft)
    return draft


def verify_signatures(draft: Draft) -> list[Signature]:
    """Four live signatures, in order, by the four people of the chain, all on the exact content hash."""
    live = list(Signature.objects.filter(draft=draft, voided_at__isnull=True).order_by("signed_at", "id"))
    if [s.step for s in live] != list(SIGNING_ORDER):
        raise PublishRefused(_("Publication refused: the four signatures are not complete and in order."))
    if len({s.user_id for s in live}) != 4:
        raise PublishRefused(_("Publication refused: four different people must sign."))
    for signature in live:
        if signature.user_id != draft.assignee_id(signature.step):
            raise PublishRefused(_("Publication refused: a signature is not by the assigned signer."))
        if signature.content_hash != draft.content_hash:
            raise PublishRefused(_("Publication refused: a signature does not cover the text being published."))
    return live


@transaction.atomic
def publish(*, draft_id: int) -> Draft:
    """Publish only what four people signed, on exactly this text."""
    draft = lock_draft(draft_id)
    if draft.status != Status.AWAITING_HEAD:
        raise WrongStatus(status=draft.get_status_display())
    verify_signatures(draft)
    set_status(draft, Status.PUBLISHED)
    draft.published_at = timezone.now()
    draft.save()
    audit_record(draft=draft, actor=None, event="draft.published")
    webhooks.announce(draft, webhooks.EVENTS.PUBLISHED)  # office (issue 11): carry into the rewritten services
    notify(user=draft.drafter, draft=draft, message=_("“%(title)s” has been published.") % {"title": draft.title})
    return draft


@transaction.atomic
def withdraw(*, draft_id: int, user: User, reason: str) -> Draft:
    """The principal leader or an administrator takes a published item down, with a reason."""
    draft = lock_draft(draft_id, user)
    if not draft.may_withdraw(user):
        raise NotAllowed(_("Only the principal leader or an administrator may withdraw a published item."))
    if draft.status != Status.PUBLISHED:
        raise WrongStatus(status=draft.get_status_display())
    reason = _require_reason(reason, _("Say why the item is withdrawn."))
    set_status(draft, Status.WITHDRAWN)
    draft.withdrawn_at = timezone.now()
    draft.save()
    audit_record(draft=draft, actor=user, event="draft.withdrawn", data={"reason": reason})
    webhooks.announce(draft, webhooks.EVENTS.WITHDRAWN)  # office (issue 11): carry into the rewritten services
    notify(
        user=draft.drafter,
        draft=draft,
        message=_("“%(title)s” was withdrawn: %(reason)s") % {"title": draft.title, "reason": reason},
    )
    return draft
