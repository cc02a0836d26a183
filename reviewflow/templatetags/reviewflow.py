"""Template helpers: findings marked in the text, changes between versions, audit events in words."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ..display.events import event_name, event_summary
from ..display.text import REPLACED, marked_spans, text_changes

register = template.Library()

CHANGE_TAGS = {"equal": "span", "delete": "del", "insert": "ins"}


def _finding_note(finding) -> str:
    if finding.suggestion:
        return _("%(message)s; suggestion: %(suggestion)s") % {
            "message": finding.message,
            "suggestion": finding.suggestion,
        }
    return finding.message


def _mark(span) -> SafeString:
    notes = " / ".join(_finding_note(f) for f in span.findings)
    numbers = format_html_join("", '<a href="#finding-{}">{}</a>', ((f.pk, f.number) for f in span.findings))
    return format_html('<mark class="{}" title="{}">{}<sup>{}</sup></mark>', span.severity, notes, span.text, numbers)


@register.simple_tag
def marked_text(text: str, findings, field: str = "body") -> SafeString:
    """The field's text with each of its findings' spans wrapped in <mark>; every piece of text is escaped."""
    own = [f for f in findings if f.field == field]
    return mark_safe(
        "".join(_mark(span) if span.findings else format_html("{}", span.text) for span in marked_spans(text, own))
    )


@register.simple_tag
def changes(old: str, new: str) -> SafeString:
    """Deleted text in <del>, inserted text in <ins>, everything escaped; a change too large to show is a note."""
    pairs = text_changes(old, new)
    if pairs == REPLACED:
        return format_html('<p class="muted">{}</p>', _("The text was replaced; read the new version in full."))
    return format_html_join("", "<{0}>{1}</{0}>", ((CHANGE_TAGS[op], text) for op, text in pairs))


@register.filter
def event_label(code: str) -> str:
    return event_name(code)


@register.filter
def event_details(event) -> str:
    return event_summary(event)
