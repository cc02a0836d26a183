"""The review round: submit, sign or return, publish on the last signature, withdraw.

Each service locks the draft, checks the rule in `policy`, moves the state through one `DraftLifecycle` transition
and records its audit event, in one transaction.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import policy, webhooks
from ..audit import AuditEntry, audit_record, audit_records
from ..dispatch import after_commit
from ..errors import InvalidInput, PublishRefused
from ..lifecycle import ROUTE_FIELDS, SIGNING_ORDER, DraftLifecycle, Status
from ..models import Assignment, AuditKind, CheckRun, Draft, Publication, Signature, User
from .locking import lock_draft
from .notifications import notify, notify_holder
from .organisation import signing_chain
from .personal import record_acted_on


def require_reason(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(message)
    if len(reason) > 2000:
        raise InvalidInput(_("The reason is too long: at most 2000 characters."))
    return reason


def request_check(draft: Draft, purpose: str) -> CheckRun:
    """Ask for the check of the current version; the worker runs it once the transaction commits."""
    # No savepoint around the insert, as get_or_create would take: the draft's row lock, held by the caller, is what
    # serialises requests for the check of its versions.
    run = CheckRun.objects.filter(version_id=draft.current_version_id, purpose=purpose).first()
    if run is None:
        run = CheckRun.objects.create(version_id=draft.current_version_id, purpose=purpose)
    elif run.status == CheckRun.State.FAILED:
        run.status, run.error = CheckRun.State.PENDING, ""
        run.save(update_fields=["status", "error"])
    draft.pending_check = run
    after_commit("workflow.run_check", run.pk)
    return run


@transaction.atomic
def submit(*, draft_id: int, user: User) -> CheckRun:
    """The drafter submits the current version: the chain is fixed and the typo check is requested."""
    draft = lock_draft(draft_id, user, with_signatures=True)
    policy.guard_edit(user, draft)
    return start_round(draft, user)


def start_round(draft: Draft, user: User) -> CheckRun:
    """A new submission round on the locked draft: fix the chain, void earlier signatures, request the check."""
    chain = signing_chain(draft)
    # The lock read the chain fixed at the last submission, and the live signatures when asked (None: not read):
    # what is already right is not written again.
    if draft.locked_chain != {step: person.pk for step, person in chain.items()}:
        if draft.locked_chain != {}:
            Assignment.objects.filter(draft=draft).delete()
        Assignment.objects.bulk_create(
            Assignment(draft=draft, step=step, user=person) for step, person in chain.items()
        )
    if draft.locked_signatures != []:
        # A new round: signatures of an earlier round on this version no longer count.
        Signature.objects.filter(draft=draft).live().update(voided_at=timezone.now())
        draft.locked_signatures = []
    DraftLifecycle(draft).submit({step: person.pk for step, person in chain.items()})
    run = request_check(draft, CheckRun.Purpose.SUBMISSION)
    draft.return_reason, draft.returned_by = "", None
    draft.save(update_fields=[*ROUTE_FIELDS, "pending_check", "return_reason", "returned_by"])
    audit_record(
        draft=draft,
        actor=user,
        event=AuditKind.DRAFT_SUBMITTED,
        data={
            "chain": {step: person.username for step, person in chain.items()},
            "chain_names": [str(person) for person in chain.values()],
        },
    )
    return run


@transaction.atomic
def sign(*, draft_id: int, user: User, version: int, comment: str = "", proofread: bool = False) -> Signature:
    """Sign the open level on the version the signer read; the last signature publishes."""
    draft = lock_draft(draft_id, user, with_signatures=True)
    step, on_behalf_of = policy.guard_signer(user, draft, version)
    if draft.key and not proofread:
        raise InvalidInput(_("This is a key manuscript: confirm that you proofread it word by word (逐字核校)."))
    comment = (comment or "").strip()
    if len(comment) > 2000:
        raise InvalidInput(_("The comment is too long: at most 2000 characters."))
    signature = Signature.objects.create(
        draft=draft,
        version_id=draft.current_version_id,
        step=step,
        user=user,
        on_behalf_of_id=on_behalf_of,
        content_hash=draft.content_hash,
        comment=comment,
        proofread=bool(proofread),
    )
    assert draft.locked_signatures is not None
    draft.locked_signatures.append(signature)  # the lock keeps others out: these are now the live signatures
    data = {"step": step, "comment": comment, "proofread": bool(proofread)}
    if on_behalf_of:
        data["on_behalf_of"] = str(signature.on_behalf_of)
    events: list[AuditEntry] = [(user, AuditKind.SIGNED, data)]
    lifecycle = DraftLifecycle(draft)
    lifecycle.sign()
    if draft.status == Status.PUBLISHED:
        events += _publish(draft, lifecycle.chain)
    elif draft.status == Status.SCHEDULED:
        verify_signatures(draft, lifecycle.chain)
        draft.save(update_fields=ROUTE_FIELDS)
    elif draft.status == Status.CHECKING:
        # Key manuscripts: the final text is checked again before the principal leader signs.
        run = request_check(draft, CheckRun.Purpose.FINAL)
        draft.save(update_fields=[*ROUTE_FIELDS, "pending_check"])
        events.append((None, AuditKind.FINAL_CHECK_REQUESTED, {"check": run.pk}))
    else:
        draft.save(update_fields=ROUTE_FIELDS)
        notify_holder(draft)
    # Last before the commit: the audit chain's head stays locked (other signatures wait) only from here.
    audit_records(draft, events)
    return signature


@transaction.atomic
def return_draft(*, draft_id: int, user: User, version: int, reason: str) -> Draft:
    """A signer sends the draft back to its drafter, with the reason."""
    draft = lock_draft(draft_id, user)
    step, _on_behalf_of = policy.guard_signer(user, draft, version)
    reason = require_reason(reason, _("Say why the draft is returned."))
    DraftLifecycle(draft).return_to_drafter()
    draft.return_reason, draft.returned_by = reason, user
    draft.save()
    audit_record(draft=draft, actor=user, event=AuditKind.RETURNED, data={"step": step, "reason": reason})
    record_acted_on(user=user, draft=draft)
    notify(
        user_id=draft.drafter_id,
        draft=draft,
        message=_("%(user)s returned “%(title)s”: %(reason)s") % {"user": user, "title": draft.title, "reason": reason},
    )
    return draft


def verify_signatures(draft: Draft, chain: dict[str, int] | None = None) -> list[Signature]:
    """One live signature per level, in order, each by the level's assignee, all different, all on this text. The
    live signatures read with the draft's lock serve, if the lock read them (`lock_draft(with_signatures=True)`)."""
    live = draft.locked_signatures
    if live is None:
        live = list(Signature.objects.filter(draft=draft).live())
    if [s.step for s in live] != list(SIGNING_ORDER):
        raise PublishRefused(_("Publication refused: the signatures are not complete and in order."))
    if len({s.user_id for s in live}) != len(SIGNING_ORDER):
        raise PublishRefused(_("Publication refused: every level must be signed by a different person."))
    chain = chain if chain is not None else dict(draft.assignments.values_list("step", "user_id"))
    for signature in live:
        assignee = chain.get(signature.step)
        if assignee not in (signature.user_id, signature.on_behalf_of_id):
            raise PublishRefused(_("Publication refused: a signature is not by the assigned signer."))
        if signature.on_behalf_of_id and signature.user_id in chain.values():
            raise PublishRefused(_("Publication refused: a stand-in holds another level of the chain."))
        if signature.content_hash != draft.content_hash:
            raise PublishRefused(_("Publication refused: a signature does not cover the text being published."))
    return live


def _publish(draft: Draft, chain: dict[str, int]) -> list[AuditEntry]:
    """Publish only what the whole chain signed, on exactly this text; otherwise the transaction rolls back.

    A correction replaces the public text and keeps the earlier publications reachable. Answers the audit event to
    append, which the caller writes last.
    """
    signatures = verify_signatures(draft, chain)
    now = timezone.now()
    correction = draft.publication_id is not None
    publication = Publication.objects.create(
        draft=draft,
        version_id=draft.current_version_id,
        published_at=now,
        correction_note=draft.correction_note if correction else "",
    )
    Publication.signatures.through.objects.bulk_create(
        Publication.signatures.through(publication=publication, signature=signature) for signature in signatures
    )
    draft.publication = publication
    draft.published_at = draft.published_at or now
    draft.correction_note = ""
    draft.save(update_fields=[*ROUTE_FIELDS, "publication", "published_at", "correction_note"])
    if correction:
        webhooks.announce(draft, webhooks.EVENTS.CORRECTED)
        message = _("The correction of “%(title)s” has been published.")
        event: AuditEntry = (None, AuditKind.CORRECTED, {"note": publication.correction_note})
    else:
        webhooks.announce(draft, webhooks.EVENTS.PUBLISHED)
        message = _("“%(title)s” has been published.")
        event = (None, AuditKind.PUBLISHED, None)
    notify(user_id=draft.drafter_id, draft=draft, message=message % {"title": draft.title})
    return [event]


@transaction.atomic
def open_correction(*, draft_id: int, user: User, note: str) -> Draft:
    """The drafter opens a correction round (更正) on a published item; its text stays public until the
    corrected version is checked and signed by the whole chain again."""
    draft = lock_draft(draft_id, user)
    policy.guard_correct(user, draft)
    note = require_reason(note, _("Say what the correction changes (更正说明)."))[:500]
    DraftLifecycle(draft).open_correction()
    draft.correction_note = note
    draft.save()
    audit_record(draft=draft, actor=user, event=AuditKind.CORRECTION_OPENED, data={"reason": note})
    return draft


@transaction.atomic
def schedule(*, draft_id: int, user: User, publish_at: datetime.datetime | None) -> Draft:
    """The drafter or the principal leader sets (or clears) the publication time, until the item is published."""
    draft = lock_draft(draft_id, user)
    policy.guard_schedule(user, draft)
    if publish_at is not None and publish_at <= timezone.now():
        raise InvalidInput(_("The publication time must be in the future."), fields={"publish_at": _("In the future.")})
    draft.publish_at = publish_at
    draft.save(update_fields=["publish_at"])
    audit_record(
        draft=draft,
        actor=user,
        event=AuditKind.SCHEDULED,
        data={"publish_at": publish_at.isoformat() if publish_at else ""},
    )
    return draft


@transaction.atomic
def unschedule(*, draft_id: int, user: User, reason: str) -> Draft:
    """Before its time, the principal leader or an administrator calls a scheduled item back to its drafter."""
    draft = lock_draft(draft_id, user)
    policy.guard_unschedule(user, draft)
    reason = require_reason(reason, _("Say why the scheduled item is called back."))
    DraftLifecycle(draft).return_to_drafter()
    draft.return_reason, draft.returned_by = reason, user
    draft.save()
    audit_record(draft=draft, actor=user, event=AuditKind.UNSCHEDULED, data={"reason": reason})
    notify(
        user_id=draft.drafter_id,
        draft=draft,
        message=_("%(user)s called back the scheduled “%(title)s”: %(reason)s")
        % {"user": user, "title": draft.title, "reason": reason},
    )
    return draft


@transaction.atomic
def publish_due(*, draft_id: int) -> Draft | None:
    """Publish a scheduled item whose time has come, after verifying its signatures again; None if not due."""
    draft = lock_draft(draft_id)
    lifecycle = DraftLifecycle(draft)
    if draft.status != Status.SCHEDULED or (draft.publish_at and draft.publish_at > timezone.now()):
        return None
    lifecycle.publish_at_time()
    audit_records(draft, _publish(draft, lifecycle.chain))
    return draft


@transaction.atomic
def withdraw(*, draft_id: int, user: User, reason: str) -> Draft:
    """The principal leader or an administrator takes a published item down, with a reason."""
    draft = lock_draft(draft_id, user)
    policy.guard_withdraw(user, draft)
    reason = require_reason(reason, _("Say why the item is withdrawn."))
    DraftLifecycle(draft).withdraw()
    draft.withdrawn_at = timezone.now()
    draft.save()
    audit_record(draft=draft, actor=user, event=AuditKind.WITHDRAWN, data={"reason": reason})
    webhooks.announce(draft, webhooks.EVENTS.WITHDRAWN)
    notify(
        user_id=draft.drafter_id,
        draft=draft,
        message=_("“%(title)s” was withdrawn: %(reason)s") % {"title": draft.title, "reason": reason},
    )
    return draft
