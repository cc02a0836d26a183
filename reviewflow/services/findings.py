"""The drafter's side of the findings: apply suggestions (one, several, or all of a rule) and dismiss findings.

Applying makes one new version and, for a draft that was already submitted, starts the next round at once, so the
drafter sees the re-checked result without submitting by hand.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import policy
from ..audit import audit_record
from ..errors import Conflict, InvalidInput, NotFound
from ..models import AuditKind, Draft, Finding, Status, User
from ..selectors import latest_check
from .content import clean_content, content_of
from .dictionary import propose_allow_term
from .drafts import new_version
from .locking import lock_draft
from .notifications import notify
from .review import require_reason, start_round


def _current_findings(draft: Draft):
    """Findings of the newest check of the current version (selectors.latest_check)."""
    return Finding.objects.filter(check_run=latest_check(draft))


def applied(text: str, fixes: list[Finding]) -> str:
    """The text with each fix's span replaced by its suggestion; overlapping fixes after the first are skipped."""
    out, at = [], 0
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if fix.start < at:
            continue
        out += [text[at : fix.start], fix.suggestion or ""]
        at = fix.end
    return "".join(out) + text[at:]


@transaction.atomic
def apply_suggestions(
    *, draft_id: int, user: User, finding_ids: list[int] | None = None, rule: str | None = None
) -> Draft:
    """Apply the named findings' suggestions, or every open one of a rule, as one new version; then re-check."""
    draft = lock_draft(draft_id, user)
    policy.guard_edit(user, draft)
    chosen = _current_findings(draft).filter(dismissed_at__isnull=True, suggestion__isnull=False)
    if finding_ids is not None:
        chosen = chosen.filter(pk__in=finding_ids)
    if rule is not None:
        chosen = chosen.filter(rule=rule)
    fixes = [f for f in chosen if f.suggestion]
    if finding_ids is not None and len(fixes) != len(set(finding_ids)):
        raise NotFound(_("No such finding with a suggestion on the current version."))
    if not fixes:
        raise InvalidInput(_("There is no suggestion to apply."))
    fields = content_of(draft).as_fields()
    for field in {f.field for f in fixes}:
        source = fields[field]
        own = [f for f in fixes if f.field == field]
        if any(source[f.start : f.end] != f.text for f in own):
            raise InvalidInput(_("The text at a finding has changed; check again."))
        fields[field] = applied(source, own)
    resubmit = draft.status == Status.NEEDS_REVISION
    new_version(
        draft,
        clean_content(fields),
        user,
        event=AuditKind.FINDING_APPLIED,
        data={
            "findings": len(fixes),
            "rule": rule or "",
            "text": fixes[0].text if len(fixes) == 1 else "",
            "suggestion": fixes[0].suggestion if len(fixes) == 1 else "",
        },
    )
    if resubmit:
        start_round(draft, user)
    return draft


@transaction.atomic
def dismiss_finding(*, draft_id: int, user: User, finding_id: int, reason: str) -> Finding:
    """The drafter dismisses a finding as correct, with a written reason every later signer sees."""
    draft = lock_draft(draft_id, user)
    policy.guard_edit(user, draft)
    finding = _current_findings(draft).select_for_update().filter(pk=finding_id).first()
    if finding is None:
        raise NotFound(_("No such finding on the current version."))
    reason = require_reason(reason, _("Say why this finding is not an error."))
    if finding.dismissed:
        return finding
    finding.dismissed_by, finding.dismiss_reason, finding.dismissed_at = user, reason, timezone.now()
    finding.save(update_fields=["dismissed_by", "dismiss_reason", "dismissed_at"])
    serious = finding.needs_confirmation
    audit_record(
        draft=draft,
        actor=user,
        event=AuditKind.DISMISSAL_REQUESTED if serious else AuditKind.FINDING_DISMISSED,
        data={"finding": finding.pk, "text": finding.text, "rule": finding.rule, "reason": reason},
    )
    if serious:
        if draft.section.head_id:
            notify(
                user_id=draft.section.head_id,
                draft=draft,
                message=_("“%(title)s”: the drafter asks you to confirm the dismissal of “%(text)s”.")
                % {"title": draft.title, "text": finding.text},
            )
    else:
        propose_allow_term(finding=finding, unit=draft.section.unit)
    return finding


def _requested_dismissal(draft: Draft, user: User, finding_id: int) -> Finding:
    policy.guard_confirm_dismissal(user, draft)
    finding = _current_findings(draft).select_for_update().filter(pk=finding_id).first()
    if finding is None:
        raise NotFound(_("No such finding on the current version."))
    if not finding.needs_confirmation:
        raise Conflict(_("This finding has no dismissal waiting for confirmation."))
    return finding


@transaction.atomic
def confirm_dismissal(*, draft_id: int, user: User, finding_id: int) -> Finding:
    """The section head (or their stand-in) consents to the drafter's dismissal of a political or leader finding."""
    draft = lock_draft(draft_id, user)
    finding = _requested_dismissal(draft, user, finding_id)
    finding.dismissal_confirmed_by, finding.dismissal_confirmed_at = user, timezone.now()
    finding.save(update_fields=["dismissal_confirmed_by", "dismissal_confirmed_at"])
    audit_record(
        draft=draft,
        actor=user,
        event=AuditKind.DISMISSAL_CONFIRMED,
        data={"finding": finding.pk, "text": finding.text, "rule": finding.rule, "reason": finding.dismiss_reason},
    )
    return finding


@transaction.atomic
def reject_dismissal(*, draft_id: int, user: User, finding_id: int, reason: str) -> Finding:
    """The section head refuses the dismissal: the finding is open again and the drafter is told why."""
    draft = lock_draft(draft_id, user)
    finding = _requested_dismissal(draft, user, finding_id)
    reason = require_reason(reason, _("Say why this finding must be fixed."))
    finding.dismissed_by, finding.dismiss_reason, finding.dismissed_at = None, "", None
    finding.save(update_fields=["dismissed_by", "dismiss_reason", "dismissed_at"])
    audit_record(
        draft=draft,
        actor=user,
        event=AuditKind.DISMISSAL_REJECTED,
        data={"finding": finding.pk, "text": finding.text, "rule": finding.rule, "reason": reason},
    )
    notify(
        user_id=draft.drafter_id,
        draft=draft,
        message=_("“%(title)s”: the section head did not accept dismissing “%(text)s”: %(reason)s")
        % {"title": draft.title, "text": finding.text, "reason": reason},
    )
    return finding
