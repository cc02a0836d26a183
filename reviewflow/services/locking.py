"""Row locks: every state change starts by locking its draft, as far as the user may see it."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..errors import NotFound
from ..models import Draft, User
from ..selectors import visibility


def lock_draft(draft_id: int, user: User | None = None) -> Draft:
    """Lock the draft row for this transaction; a draft the user may not see does not exist for them."""
    queryset = Draft.objects.select_for_update().filter(pk=draft_id)
    if user is not None:
        queryset = queryset.filter(visibility(user))
    draft = queryset.first()
    if draft is None:
        raise NotFound(_("No such draft."))
    return draft
