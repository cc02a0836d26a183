"""The pages: thin views that parse a form, call one service and render."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..errors import ReviewError
from ..models import Channel, Column, Kind

CONTENT_FIELDS = ("title", "body", "column", "channel", "kind", "source_name", "source_url")


def _content(request) -> dict:
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


@login_required
def draft_detail(request, draft_id: int):
    draft = _draft_or_404(request, draft_id)
    return render(request, "reviewflow/draft_detail.html", {
        "draft": draft, "check": selectors.latest_check(draft), "signatures": selectors.live_signatures(draft),
        "is_drafter": draft.drafter_id == request.user.pk,
        "is_signer": draft.open_step is not None and draft.holder.pk == request.user.pk,
        **_choices(),
    })


def _act(request, draft_id: int, action) -> object:
    try:
        action()
    except ReviewError as error:
        messages.error(request, error.text)
    return redirect("draft-detail", draft_id=draft_id)


def _version(request) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


@require_POST
@login_required
def edit(request, draft_id: int):
    return _act(request, draft_id, lambda: services.edit_draft(
        draft_id=draft_id, user=request.user, data=_content(request), version=_version(request)))


@require_POST
@login_required
def submit(request, draft_id: int):
    return _act(request, draft_id, lambda: services.submit(draft_id=draft_id, user=request.user))


@require_POST
@login_required
def sign(request, draft_id: int):
    return _act(request, draft_id, lambda: services.sign(
        draft_id=draft_id, user=request.user, version=_version(request),
        comment=request.POST.get("comment", ""), proofread=request.POST.get("proofread") == "on"))


@require_POST
@login_required
def return_draft(request, draft_id: int):
    return _act(request, draft_id, lambda: services.return_draft(
        draft_id=draft_id, user=request.user, version=_version(request), reason=request.POST.get("reason", "")))


@require_POST
@login_required
def dismiss(request, draft_id: int, finding_id: int):
    return _act(request, draft_id, lambda: services.dismiss_finding(
        draft_id=draft_id, user=request.user, finding_id=finding_id, reason=request.POST.get("reason", "")))


@require_POST
@login_required
def apply_suggestion(request, draft_id: int, finding_id: int):
    return _act(request, draft_id, lambda: services.apply_suggestion(
        draft_id=draft_id, user=request.user, finding_id=finding_id))


@require_POST
@login_required
def withdraw(request, draft_id: int):
    return _act(request, draft_id, lambda: services.withdraw(
        draft_id=draft_id, user=request.user, reason=request.POST.get("reason", "")))


@login_required
def inbox(request):
    return render(request, "reviewflow/inbox.html", {"drafts": selectors.inbox_for(request.user)})


@login_required
def audit(request):
    if not (request.user.is_superuser or request.user.has_perm("reviewflow.view_auditevent")):
        raise Http404
    events = selectors.audit_events().select_related("actor", "draft")[:500]
    return render(request, "reviewflow/audit.html", {"events": events})


def public_list(request):
    return render(request, "reviewflow/public_list.html", {"items": selectors.published_items()[:100]})


def public_item(request, draft_id: int):
    item = selectors.published_items().filter(pk=draft_id).first()
    if item is None:
        raise Http404
    return render(request, "reviewflow/public_item.html", {"item": item})
