"""Audit events in words a person reads: the kind's label and a one-line summary of its data."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..models import AuditEvent, AuditKind, Draft, Step

# As sets, once: `AuditKind.values` builds a new list on every call, twice per row of a page of events.
KIND_CODES = frozenset(AuditKind.values)
STEP_CODES = frozenset(Step.values)


def event_name(code: str) -> str:
    return str(AuditKind(code).label) if code in KIND_CODES else code


def event_summary(event: AuditEvent) -> str:
    """The facts a reader needs from an event's data: step, reason, comment, findings, the changed text."""
    data = event.data or {}
    parts = []
    if data.get("step") in STEP_CODES:
        parts.append(str(Step(data["step"]).label))
    if data.get("on_behalf_of"):
        parts.append(_("on behalf of %(person)s (代签)") % {"person": data["on_behalf_of"]})
    if data.get("stand_in"):
        parts.append(
            f"{data['stand_in']} 代 {data.get('principal', '')} {data.get('from', '')}–{data.get('until', '')}"
        )
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
        names = ", ".join(str(getattr(Draft._meta.get_field(name), "verbose_name", name)) for name in data["fields"])
        parts.append(_("changed: %(fields)s") % {"fields": names})
    if data.get("count"):
        parts.append(_("%(count)s signatures voided") % {"count": data["count"]})
    if data.get("chain"):
        people = data.get("chain_names") or list(data["chain"].values())
        parts.append(_("chain: %(people)s") % {"people": " → ".join(people)})
    if data.get("error"):
        parts.append(data["error"])
    return " · ".join(parts)
