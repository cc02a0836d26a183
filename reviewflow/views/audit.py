"""The auditor's pages: every event filtered by person, section, type and day; a draft's timeline; CSV export."""

from __future__ import annotations

import csv
import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..display.events import event_name, event_summary
from ..models import AuditKind
from ..verification import last_verification
from . import audit_filter
from .audit_filter import AuditFilter, CappedPaginator

PAGE_SIZE = 50


def _auditor_only(view):
    """Only administrators and auditors read the audit trail."""

    @login_required
    def guarded(request, *args, **kwargs):
        if not request.user.is_auditor:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


def _filtered(request):
    """The events the filter asks for; a filter that does not make sense (an unknown person) matches none."""
    form = AuditFilter(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, selectors.audit_events().none()
    criteria = dict(form.cleaned_data) if form.is_bound else {}
    if criteria.pop("overdue", False):  # the levels that went past their time limit were escalated
        criteria["event"] = AuditKind.STEP_OVERDUE
    return form, selectors.audit_events(**{name: value for name, value in criteria.items() if value})


@_auditor_only
def audit_list(request):
    form, events = _filtered(request)
    page = CappedPaginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reviewflow/audit.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "verification": last_verification(),
            "count_cap": audit_filter.COUNT_CAP,
        },
    )


class _Echo:
    """A file-like object whose write() hands the CSV line back, so rows stream one by one."""

    def write(self, value: str) -> str:
        return value


CSV_HEADER = [
    _("Time"),
    _("Person"),
    _("Username"),
    _("Event"),
    _("Event code"),
    _("Draft"),
    _("Title"),
    _("Section"),
    _("Version"),
    _("Content hash"),
    _("Details"),
    _("Data"),
]


# A cell starting with one of these is a formula to Excel and LibreOffice (=HYPERLINK(...), +cmd|...).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> object:
    """Text a spreadsheet would run as a formula gets a leading apostrophe, so it is shown as typed."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _csv_row(event) -> list:
    return [spreadsheet_safe(cell) for cell in _csv_cells(event)]


def _csv_cells(event) -> list:
    draft = event.draft
    return [
        timezone.localtime(event.created_at).strftime("%Y-%m-%d %H:%M:%S"),
        str(event.actor) if event.actor else _("System"),
        event.actor.username if event.actor else "",
        event_name(event.event),
        event.event,
        event.draft_id or "",
        draft.title if draft else "",
        draft.section.name if draft else "",
        event.version or "",
        event.content_hash,
        event_summary(event),
        json.dumps(event.data, ensure_ascii=False, sort_keys=True),
    ]


def _csv_lines(events, language: str):
    writer = csv.writer(_Echo())
    with translation.override(language):
        yield "\ufeff"  # Excel reads UTF-8 only after a byte order mark
        yield writer.writerow([str(title) for title in CSV_HEADER])
        for event in events.iterator(chunk_size=500):
            yield writer.writerow(_csv_row(event))


@_auditor_only
def audit_csv(request):
    _form, events = _filtered(request)
    response = StreamingHttpResponse(
        _csv_lines(events, translation.get_language()), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="reviewflow-audit-{stamp}.csv"'
    return response


@_auditor_only
def draft_timeline(request, draft_id: int):
    draft = selectors.draft_for(request.user, draft_id)
    if draft is None:
        raise Http404
    return render(
        request,
        "reviewflow/timeline.html",
        {
            "draft": draft,
            "events": selectors.timeline_with_findings(draft),
            "versions": selectors.versions_of(draft),
        },
    )
