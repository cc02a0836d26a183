"""Audit events in words a person reads: a name for each event type and a one-line summary of its data."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import AuditEvent, Draft, Step

EVENT_NAMES = {
    "draft.created": gettext_lazy("Draft created"),
    "draft.edited": gettext_lazy("Edited (new version)"),
    "finding.applied": gettext_lazy("Suggestion applied (new version)"),
    "signatures.voided": gettext_lazy("Signatures voided"),
    "draft.submitted": gettext_lazy("Submitted for review"),
    "check.completed": gettext_lazy("Typo check completed"),
    "check.needs_revision": gettext_lazy("Check found problems"),
    "check.failed": gettext_lazy("Check failed"),
    "finding.dismissed": gettext_lazy("Finding dismissed"),
    "review.signed": gettext_lazy("Signed"),
    "review.returned": gettext_lazy("Returned"),
    "check.final_requested": gettext_lazy("Final check of key manuscript requested"),
    "check.final_passed": gettext_lazy("Final check passed"),
    "draft.published": gettext_lazy("Published"),
    "draft.withdrawn": gettext_lazy("Withdrawn"),
    "message.received": gettext_lazy("Netizen message received"),
    "message.transferred": gettext_lazy("Netizen message transferred"),
    "message.replied": gettext_lazy("Netizen message reply drafted"),
    "column.stale_warned": gettext_lazy("Section reminded to update a column"),
}


def event_name(code: str) -> str:
    return str(EVENT_NAMES.get(code, code))


def event_summary(event: AuditEvent) -> str:
    """The facts a reader needs from an event's data: step, reason, comment, findings, the changed text."""
    data = event.data or {}
    parts = []
    if data.get("step") in Step.values:
        parts.append(str(Step(data["step"]).label))
    if data.get("proofread"):
        parts.append(_("proofread word by word"))
    if data.get("comment"):
        parts.append(_("comment: %(text)s") % {"text": data["comment"]})
    if data.get("reason"):
        parts.append(_("reason: %(text)s") % {"text": data["reason"]})
    if "findings" in data:
        parts.append(_("%(count)s findings") % {"count": data["findings"]})
    if data.get("text"):
        change = f"“{data['text']}”" + (f" → “{data['suggestion']}”" if data.get("suggestion") else "")
        parts.append(change)
    if data.get("fields"):
        names = ", ".join(str(Draft._meta.get_field(name).verbose_name) for name in data["fields"])
        parts.append(_("changed: %(fields)s") % {"fields": names})
    if data.get("count"):
        parts.append(_("%(count)s signatures voided") % {"count": data["count"]})
    if data.get("chain"):
        people = data.get("chain_names") or list(data["chain"].values())
        parts.append(_("chain: %(people)s") % {"people": " → ".join(people)})
    if data.get("error"):
        parts.append(data["error"])
    return " · ".join(parts)
