"""Writing drafts: create, and edit into a new version."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import policy
from ..audit import audit_record
from ..errors import NotAllowed, StaleVersion
from ..lifecycle import DraftLifecycle
from ..models import AuditKind, Draft, DraftVersion, Signature, User
from .content import Content, clean_content, content_of
from .locking import lock_draft


def _store_version(draft: Draft, content: Content, author: User) -> DraftVersion:
    for name, value in content.as_fields().items():
        setattr(draft, name, value)
    draft.content_hash = content.hash
    version = DraftVersion.objects.create(
        draft=draft, number=draft.version, author=author, content_hash=draft.content_hash, **content.as_fields()
    )
    draft.current_version_id = version.pk
    return version


@transaction.atomic
def create_draft(*, user: User, data: dict) -> Draft:
    """A drafter starts a draft in their own section; it is version 1."""
    if user.section_id is None:
        raise NotAllowed(
            _("You belong to no section and cannot write drafts; ask an administrator to assign you to one.")
        )
    content = clean_content(data)
    draft = Draft(section_id=user.section_id, drafter=user, holder=user, version=1)
    for name, value in content.as_fields().items():
        setattr(draft, name, value)
    draft.content_hash = content.hash
    draft.save()
    _store_version(draft, content, user)
    audit_record(draft=draft, actor=user, event=AuditKind.DRAFT_CREATED)
    return draft


def new_version(draft: Draft, content: Content, user: User, *, event: AuditKind, data: dict) -> Draft:
    """Store the content as the next version; every live signature is voided, the draft is a draft again."""
    draft.version += 1
    _store_version(draft, content, user)
    voided = Signature.objects.filter(draft=draft).live().update(voided_at=timezone.now())
    DraftLifecycle(draft).revise()
    draft.save()
    audit_record(draft=draft, actor=user, event=event, data=data)
    if voided:
        audit_record(draft=draft, actor=user, event=AuditKind.SIGNATURES_VOIDED, data={"count": voided})
    return draft


@transaction.atomic
def edit_draft(*, draft_id: int, user: User, data: dict, version: int | None = None) -> Draft:
    """An edit makes a new version; sending the same content again changes nothing."""
    draft = lock_draft(draft_id, user)
    policy.guard_edit(user, draft)
    if version is not None and version != draft.version:
        raise StaleVersion(seen=version, current=draft.version)
    merged = {**content_of(draft).as_fields(), **data}
    content = clean_content(merged)
    if content.hash == draft.content_hash:
        return draft
    changed = sorted(name for name, value in content.as_fields().items() if getattr(draft, name) != value)
    return new_version(draft, content, user, event=AuditKind.DRAFT_EDITED, data={"fields": changed})
