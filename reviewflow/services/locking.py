"""Row locks and visibility: every state change starts by locking its draft."""
from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from ..errors import NotFound
from ..models import Draft, Section, User


def visibility(user: User) -> Q:
    """Drafts a user may see: their own, those their chain role touches, all for auditors."""
    if user.is_superuser or user.has_perm("reviewflow.view_auditevent"):
        return Q()
    led_sections = Section.objects.filter(Q(head=user) | Q(deputy=user) | Q(unit__head=user)).values("pk")
    return (Q(drafter=user) | Q(section_head=user) | Q(deputy=user) | Q(head=user)
            | Q(section__in=led_sections))


def visible_drafts(user: User) -> QuerySet[Draft]:
    return Draft.objects.filter(visibility(user))


def lock_draft(draft_id: int, user: User | None = None) -> Draft:
    """Lock the draft row for this transaction; a draft the user may not see does not exist for them."""
    queryset = Draft.objects.select_for_update().filter(pk=draft_id)
    if user is not None:
        queryset = queryset.filter(visibility(user))
    draft = queryset.first()
    if draft is None:
        raise NotFound(_("No such draft."))
    return draft
