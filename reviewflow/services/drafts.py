"""Writing drafts: create, edit into a new version, apply a checker suggestion."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..audit import audit_record
from ..errors import InvalidInput, NotAllowed, NotFound, StaleVersion, WrongStatus
from ..models import EDITABLE_STATUSES, Draft, DraftVersion, Finding, Signature, Status, User
from .content import Content, clean_content, content_of
from .locking import lock_draft
from .steps import set_status


def _store_version(draft: Draft, content: Content, author: User) -> DraftVersion:
    for name, value in content.as_fields().items():
        setattr(draft, name, value)
    draft.content_hash = content.hash
    return DraftVersion.objects.create(
        draft=draft, number=draft.version, author=author, content_hash=draft.content_hash, **content.as_fields()
    )


@transaction.atomic
def create_draft(*, user: User, data: dict) -> Draft:
    """A drafter starts a draft in their own section; it is version 1."""
    if user.section_id is None:
        raise NotAllowed(
            _("You belong to no section and cannot write drafts; ask an administrator to assign you to one.")
        )
    content = clean_content(data)
    draft = Draft(section_id=user.section_id, drafter=user, version=1, status=Status.DRAFT)
    for name, value in content.as_fields().items():
        setattr(draft, name, value)
    draft.content_hash = content.hash
    draft.save()
    _store_version(draft, content, user)
    audit_record(draft=draft, actor=user, event="draft.created")
    return draft


def _guard_editable(draft: Draft, user: User) -> None:
    if draft.drafter_id != user.pk:
        raise NotAllowed(_("Only the drafter may change this draft."))
    if draft.status not in EDITABLE_STATUSES:
        raise WrongStatus(status=draft.get_status_display())


def _new_version(draft: Draft, content: Content, user: User, *, event: str, data: dict) -> Draft:
    """Store the content as the next version; every live signature is voided, the draft is a draft again."""
    draft.version += 1
    _store_version(draft, content, user)
    voided = Signature.objects.filter(draft=draft, voided_at__isnull=True).update(voided_at=timezone.now())
    set_status(draft, Status.DRAFT)
    draft.save()
    audit_record(draft=draft, actor=user, event=event, data=data)
    if voided:
        audit_record(draft=draft, actor=user, event="signatures.voided", data={"count": voided})
    return draft


@transaction.atomic
def edit_draft(*, draft_id: int, user: User, data: dict, version: int | None = None) -> Draft:
    """An edit makes a new version; sending the same content again changes nothing."""
    draft = lock_draft(draft_id, user)
    _guard_editable(draft, user)
    if version is not None and version != draft.version:
        raise StaleVersion(seen=version, current=draft.version)
    merged = {**content_of(draft).as_fields(), **data}
    content = clean_content(merged)
    if content.hash == draft.content_hash:
        return draft
    changed = sorted(name for name, value in content.as_fields().items() if getattr(draft, name) != value)
    return _new_version(draft, content, user, event="draft.edited", data={"fields": changed})


@transaction.atomic
def apply_suggestion(*, draft_id: int, user: User, finding_id: int) -> Draft:
    """Replace a finding's span with the checker's suggestion, as a new version."""
    draft = lock_draft(draft_id, user)
    _guard_editable(draft, user)
    finding = Finding.objects.filter(
        pk=finding_id, check_run__version__draft=draft, check_run__version__number=draft.version
    ).first()
    if finding is None:
        raise NotFound(_("No such finding on the current version."))
    if not finding.suggestion:
        raise InvalidInput(_("This finding has no suggestion to apply."))
    source = getattr(draft, finding.field)
    if source[finding.start : finding.end] != finding.text:
        raise InvalidInput(_("The text at this finding has changed; check again."))
    fields = content_of(draft).as_fields()
    fields[finding.field] = source[: finding.start] + finding.suggestion + source[finding.end :]
    content = clean_content(fields)
    return _new_version(
        draft,
        content,
        user,
        event="finding.applied",
        data={"finding": finding.pk, "text": finding.text, "suggestion": finding.suggestion},
    )
