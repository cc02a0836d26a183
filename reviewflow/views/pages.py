"""The pages: thin views that parse a form, call one service and render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..errors import ReviewError
from ..models import EDITABLE_STATUSES, Channel, Column, Kind, Status
from ..services.personal import mark_seen

CONTENT_FIELDS = ("title", "body", "column", "channel", "kind", "source_name", "source_url")


def _content(request) -> dict:
    """The form's content fields, as the content service takes them."""
    data = {name: request.POST.get(name, "") for name in CONTENT_FIELDS}
    data["key"] = request.POST.get("key") == "on"
    return data


def _draft_or_404(request, draft_id: int):
    draft = selectors.draft_for(request.user, draft_id)
    if draft is None:
        raise Http404
    return draft


def _choices() -> dict:
    return {"columns": Column.choices, "channels": Channel.choices, "kinds": Kind.choices}


@login_required
def my_drafts(request):
    return render(request, "reviewflow/drafts.html", {"drafts": selectors.drafts_of(request.user)})


@login_required
def new_draft(request):
    values = {}
    if request.method == "POST":
        values = _content(request)
        try:
            draft = services.create_draft(user=request.user, data=values)
        except ReviewError as error:
            messages.error(request, error.text)
        else:
            return redirect("draft-detail", draft_id=draft.pk)
    return render(request, "reviewflow/draft_form.html", {"values": values, **_choices()})


def _numbered_findings(check) -> list:
    """The check's findings, numbered as the marks in the text refer to them."""
    findings = list(check.findings.all()) if check else []
    for number, finding in enumerate(findings, 1):
        finding.number = number
    return findings


@login_required
def draft_detail(request, draft_id: int):
    draft = _draft_or_404(request, draft_id)
    check = selectors.latest_check(draft)
    return render(
        request,
        "reviewflow/draft_detail.html",
        {
            "draft": draft,
            "check": check,
            "findings": _numbered_findings(check),
            "signatures": selectors.live_signatures(draft),
            "changed": selectors.versions_between(draft, mark_seen(user=request.user, draft=draft)),
            "can_edit": draft.drafter_id == request.user.pk and draft.status in EDITABLE_STATUSES,
            "is_signer": draft.open_step is not None and draft.assignee_id(draft.open_step) == request.user.pk,
            "can_withdraw": draft.status == Status.PUBLISHED and draft.may_withdraw(request.user),
            **_choices(),
        },
    )


def _act(request, draft_id: int, done: str, action) -> object:
    """Run one service; its error, or `done`, becomes the message on the draft page."""
    try:
        action()
    except ReviewError as error:
        messages.error(request, error.text)
    else:
        messages.success(request, done)
    return redirect("draft-detail", draft_id=draft_id)


def _version(request) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


@require_POST
@login_required
def edit(request, draft_id: int):
    return _act(
        request,
        draft_id,
        _("Saved as a new version."),
        lambda: services.edit_draft(
            draft_id=draft_id, user=request.user, data=_content(request), version=_version(request)
        ),
    )


@require_POST
@login_required
def submit(request, draft_id: int):
    return _act(
        request,
        draft_id,
        _("Submitted: the typo check is running."),
        lambda: services.submit(draft_id=draft_id, user=request.user),
    )


@require_POST
@login_required
def sign(request, draft_id: int):
    return _act(
        request,
        draft_id,
        _("Signed."),
        lambda: services.sign(
            draft_id=draft_id,
            user=request.user,
            version=_version(request),
            comment=request.POST.get("comment", ""),
            proofread=request.POST.get("proofread") == "on",
        ),
    )


@require_POST
@login_required
def return_draft(request, draft_id: int):
    return _act(
        request,
        draft_id,
        _("Returned to the drafter."),
        lambda: services.return_draft(
            draft_id=draft_id, user=request.user, version=_version(request), reason=request.POST.get("reason", "")
        ),
    )


@require_POST
@login_required
def dismiss(request, draft_id: int, finding_id: int):
    return _act(
        request,
        draft_id,
        _("Finding dismissed."),
        lambda: services.dismiss_finding(
            draft_id=draft_id, user=request.user, finding_id=finding_id, reason=request.POST.get("reason", "")
        ),
    )


@require_POST
@login_required
def apply_suggestion(request, draft_id: int, finding_id: int):
    return _act(
        request,
        draft_id,
        _("Suggestion applied as a new version."),
        lambda: services.apply_suggestion(draft_id=draft_id, user=request.user, finding_id=finding_id),
    )


@require_POST
@login_required
def withdraw(request, draft_id: int):
    return _act(
        request,
        draft_id,
        _("Withdrawn."),
        lambda: services.withdraw(draft_id=draft_id, user=request.user, reason=request.POST.get("reason", "")),
    )


INBOX_PAGE_SIZE = 50


@login_required
def inbox(request):
    """Oldest waiting first, fifty to a page: a leader with hundreds waiting still gets a page in milliseconds."""
    page = Paginator(selectors.inbox_for(request.user), INBOX_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "reviewflow/inbox.html", {"drafts": page, "page": page, "query": ""})


def public_list(request):
    column = request.GET.get("column") if request.GET.get("column") in Column.values else None
    return render(
        request,
        "reviewflow/public_list.html",
        {"items": selectors.published_items(column)[:100], "column": column, "columns": Column.choices},
    )


def public_item(request, draft_id: int):
    item = selectors.published_items().filter(pk=draft_id).first()
    if item is None:
        raise Http404
    return render(request, "reviewflow/public_item.html", {"item": item})
