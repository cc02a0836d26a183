"""Row locks: every state change starts by locking its draft, as far as the user may see it."""

from __future__ import annotations

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from ..errors import NotFound
from ..models import Draft, DraftVersion, User
from ..policy import may_see


def lock_draft(draft_id: int, user: User | None = None) -> Draft:
    """Lock the draft row for this transaction; a draft the user may not see does not exist for them.

    The lock covers the draft row only (`of=self`); its section and unit come along for reading, and
    `current_version_id` names the row of the current version.
    """
    current = DraftVersion.objects.filter(draft=OuterRef("pk"), number=OuterRef("version")).values("pk")[:1]
    draft = (
        Draft.objects.select_for_update(of=("self",))
        .select_related("section__unit", "drafter")
        .annotate(current_version_id=Subquery(current))  # type: ignore[no-redef]  # declared on Draft
        .filter(pk=draft_id)
        .first()
    )
    if draft is None or (user is not None and not may_see(user, draft)):
        raise NotFound(_("No such draft."))  # the same answer as selectors.visible_draft_or_404
    return draft
