"""Plain dictionaries for the API: what a draft, a check, a signature and an audit event look like."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..models import AuditEvent, CheckRun, Draft, Finding, Signature
from ..public import PublicSigner, public_signers
from ..selectors import findings_of, latest_check, live_signatures


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _user(user) -> str | None:
    return user.username if user else None


def finding_data(finding: Finding) -> dict:
    return {
        "id": finding.pk,
        "field": finding.field,
        "start": finding.start,
        "end": finding.end,
        "text": finding.text,
        "suggestion": finding.suggestion,
        "kind": finding.kind,
        "severity": finding.severity,
        "message": finding.message,
        "rule": finding.rule,
        "dismissed": finding.dismissed,
        "dismiss_reason": finding.dismiss_reason,
        "dismissed_by": _user(finding.dismissed_by),
        "awaits_confirmation": finding.needs_confirmation,
        "dismissal_confirmed_by": _user(finding.dismissal_confirmed_by),
    }


API_FINDINGS = 500


def check_data(run: CheckRun | None) -> dict | None:
    """The check's result: a count per rule, and the first API_FINDINGS findings in text order."""
    if run is None:
        return None
    findings = findings_of(run)
    summary: dict[str, dict] = {}
    for finding in findings:
        entry = summary.setdefault(finding.rule, {"rule": finding.rule, "kind": finding.kind, "count": 0})
        entry["count"] += 1
    for rule, count in (run.omitted or {}).items():
        summary.setdefault(rule, {"rule": rule, "kind": "", "count": 0})["count"] += count
    return {
        "status": run.status,
        "purpose": run.purpose,
        "finished_at": _iso(run.finished_at),
        "findings_total": len(findings) + sum((run.omitted or {}).values()),
        "summary": list(summary.values()),
        "findings": [finding_data(f) for f in findings[:API_FINDINGS]],
    }


def signature_data(signature: Signature) -> dict:
    return {
        "step": signature.step,
        "user": _user(signature.user),
        "user_name": str(signature.user),
        "signer_display": signature.signer_display,
        "on_behalf_of": _user(signature.on_behalf_of),
        "signed_at": _iso(signature.signed_at),
        "content_hash": signature.content_hash,
        "comment": signature.comment,
        "proofread": signature.proofread,
    }


def draft_summary(draft: Draft) -> dict:
    return {
        "id": draft.pk,
        "title": draft.title,
        "status": draft.status,
        "status_display": draft.stage_display,
        "version": draft.version,
        "kind": draft.kind,
        "key": draft.key,
        "column": draft.column,
        "channel": draft.channel,
        "drafter": _user(draft.drafter),
        "next_step": draft.step or None,
        "waiting_since": _iso(draft.status_changed_at),
        "step_due_at": _iso(draft.step_due_at),
        "overdue": draft.overdue,
    }


def draft_data(draft: Draft, known: tuple[CheckRun | None, list[Signature]] | None = None) -> dict:
    """The whole draft. `known`: its check and live signatures, when the service has just written them (a new
    draft has neither; a submission has its pending check and no signature yet), so they are not read again."""
    check, signatures = known if known is not None else (latest_check(draft), live_signatures(draft))
    return {
        **draft_summary(draft),
        "body": draft.body,
        "source_name": draft.source_name,
        "source_url": draft.source_url,
        "content_hash": draft.content_hash,
        "section": draft.section.name,
        "holder": _user(draft.holder),
        "return_reason": draft.return_reason,
        "returned_by": _user(draft.returned_by),
        "check": check_data(check),
        "signatures": [signature_data(s) for s in signatures],
        "publish_at": _iso(draft.publish_at),
        "correction_note": draft.correction_note,
        "published_at": _iso(draft.published_at),
        "withdrawn_at": _iso(draft.withdrawn_at),
    }


def published_data(draft: Draft) -> dict:
    return {
        "id": draft.pk,
        "title": draft.title,
        "body": draft.body,
        "column": draft.column,
        "channel": draft.channel,
        "kind": draft.kind,
        "source_name": draft.source_name,
        "source_url": draft.source_url,
        "content_hash": draft.content_hash,
        "published_at": _iso(draft.published_at),
        "signatures": [public_signature_data(s) for s in public_signers(draft)],
    }


def public_signature_data(signer: PublicSigner) -> dict:
    """A signer as the public sees them: display name and role; the comment only if the unit publishes comments."""
    data = {
        "step": signer.step,
        "role": signer.role,
        "name": signer.name,
        "signed_at": _iso(signer.signed_at),
        "proofread": signer.proofread,
        "content_hash": signer.content_hash,
    }
    if signer.comment:
        data["comment"] = signer.comment
    return data


def withdrawn_data(draft: Draft) -> dict:
    return {
        "id": draft.pk,
        "title": draft.title,
        "withdrawn": True,
        "withdrawn_at": _iso(draft.withdrawn_at),
        "published_at": _iso(draft.published_at),
        "message": _("This item has been withdrawn."),
    }


def audit_data(event: AuditEvent) -> dict:
    return {
        "id": event.pk,
        "event": event.event,
        "actor": _user(event.actor),
        "version": event.version,
        "content_hash": event.content_hash,
        "data": event.data,
        "at": _iso(event.created_at),
    }
