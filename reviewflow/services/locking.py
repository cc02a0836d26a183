"""Row locks: every state change starts by locking its draft, as far as the user may see it."""

from __future__ import annotations

from functools import partial

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import OuterRef, QuerySet
from django.db.models.expressions import BaseExpression, RawSQL
from django.db.models.functions import JSONArray
from django.utils.translation import gettext as _

from .. import reference
from ..errors import NotFound
from ..lifecycle import SIGNING_ORDER
from ..models import Assignment, Draft, DraftVersion, Signature, User
from ..policy import may_see
from ..prepared import NO_ROW, Prepared, is_row_id

# What the lock reads beside the draft row, in the same statement: plain scalar subqueries, which read more simply
# than the ORM's Subquery; the whole statement is compiled once per process (_LOCKS below).
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


# On PostgreSQL the lock reads the live signatures (`SignatureQuerySet.live`: the same filter and order) in the same
# statement, as an array of [id, step, user, on behalf of, content hash]: what publication verifies. Elsewhere they
# are read after the lock.
_SIGNATURES_ALIAS = "_live_signatures"


def _live_signatures_along() -> ArraySubquery:
    rows = Signature.objects.filter(draft=OuterRef("pk")).live()
    return ArraySubquery(rows.values(row=JSONArray("id", "step", "user_id", "on_behalf_of_id", "content_hash")))


def _locking(draft_id: int, *, with_signatures: bool) -> QuerySet[Draft]:
    along: dict[str, BaseExpression] = dict(_ALONG)
    if with_signatures and connection.vendor == "postgresql":
        along[_SIGNATURES_ALIAS] = _live_signatures_along()
    return (
        Draft.objects.select_for_update(of=("self",))
        .select_related("section__unit", "drafter")
        .annotate(**along)
        .filter(pk=draft_id)
    )


# Compiled once per process (reviewflow.prepared): every state change starts with this statement.
_LOCKS = {flag: Prepared(partial(_locking, with_signatures=flag), draft_id=NO_ROW) for flag in (False, True)}


def lock_draft(draft_id: int, user: User | None = None, *, with_signatures: bool = False) -> Draft:
    """Lock the draft row for this transaction; a draft the user may not see does not exist for them.

    The lock covers the draft row only (`of=self`); its section and unit come along for reading, and so, in the
    same statement, do `current_version_id` (the row of the current version), `locked_chain` (the assignee of each
    level, as fixed at submission), `reference_token` (whether this process's copies of the reference tables are
    current: `reviewflow.reference`) and, `with_signatures`, `locked_signatures` (the live ones, in order; read right
    after the lock where the database is not PostgreSQL).
    """
    draft = next(iter(_LOCKS[with_signatures].fetch(draft_id=draft_id)), None) if is_row_id(draft_id) else None
    if draft is None:
        raise NotFound(_("No such draft."))  # the same answer as selectors.visible_draft_or_404
    draft.locked_chain = {
        step: user_id for step in SIGNING_ORDER if (user_id := getattr(draft, f"_assignee_{step}")) is not None
    }
    if with_signatures:
        rows = getattr(draft, _SIGNATURES_ALIAS, None)
        draft.locked_signatures = (
            list(Signature.objects.filter(draft=draft).live())
            if rows is None
            else [
                Signature(pk=pk, draft=draft, step=step, user_id=signer, on_behalf_of_id=principal, content_hash=digest)
                for pk, step, signer, principal, digest in rows
            ]
        )
    if user is not None and not may_see(user, draft):
        raise NotFound(_("No such draft."))
    return draft
