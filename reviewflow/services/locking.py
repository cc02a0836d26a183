"""Row locks: every state change starts by locking its draft, as far as the user may see it."""

from __future__ import annotations

from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from .. import reference
from ..errors import NotFound
from ..lifecycle import SIGNING_ORDER
from ..models import Assignment, Draft, DraftVersion, User
from ..policy import may_see

# What the lock reads beside the draft row, in the same statement. Plain scalar subqueries: the ORM's Subquery
# compiles a whole nested query on every call and cost more than the statement they save.
_DRAFT = Draft._meta.db_table
_ALONG = {
    "current_version_id": RawSQL(
        f"SELECT id FROM {DraftVersion._meta.db_table} WHERE draft_id = {_DRAFT}.id AND number = {_DRAFT}.version", []
    ),
    "reference_token": reference.TOKEN,
    **{
        f"_assignee_{step}": RawSQL(
            f"SELECT user_id FROM {Assignment._meta.db_table} WHERE draft_id = {_DRAFT}.id AND step = %s", [step]
        )
        for step in SIGNING_ORDER
    },
}


def lock_draft(draft_id: int, user: User | None = None) -> Draft:
    """Lock the draft row for this transaction; a draft the user may not see does not exist for them.

    The lock covers the draft row only (`of=self`); its section and unit come along for reading, and so, in the
    same statement, do `current_version_id` (the row of the current version), `locked_chain` (the assignee of each
    level, as fixed at submission) and `reference_token` (whether this process's copies of the reference tables
    are current: `reviewflow.reference`).
    """
    locked = (
        Draft.objects.select_for_update(of=("self",))
        .select_related("section__unit", "drafter")
        .annotate(**_ALONG)
        .filter(pk=draft_id)
    )
    draft = next(iter(locked), None)  # one row at most: no ORDER BY and LIMIT for .first() to compile
    if draft is None:
        raise NotFound(_("No such draft."))  # the same answer as selectors.visible_draft_or_404
    draft.locked_chain = {
        step: user_id for step in SIGNING_ORDER if (user_id := getattr(draft, f"_assignee_{step}")) is not None
    }
    if user is not None and not may_see(user, draft):
        raise NotFound(_("No such draft."))
    return draft
