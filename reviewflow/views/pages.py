"""The pages: thin views that parse a form, call one service and render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import policy, selectors, services
from ..display.findings import grouped_findings
from ..errors import ReviewError
from ..lifecycle import Status
from ..models import Channel, Column, Kind
from ..public import public_signers
from ..services.content import CONTENT_FIELDS
from ..services.personal import seen_on_view


def _content(request) -> dict:
    """The form's content fields, as the content service takes them; the key flag is a checkbox."""
    data = {name: request.POST.get(name, "") for name in CONTENT_FIELDS}
    data["key"] = request.POST.get("key") == "on"
    return data


def _draft_or_404(request, draft_id: int):
    return selectors.visible_draft_or_404(request.user, draft_id)


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
    check = selectors.latest_check(draft)
    groups, findings = grouped_findings(check)
    return render(
        request,
        "reviewflow/draft_detail.html",
        {
            "draft": draft,
            "check": check,
            "findings": findings,
            "finding_groups": groups,
            "signatures": selectors.live_signatures(draft),
            "changed": selectors.versions_between(draft, seen_on_view(user=request.user, draft=draft)),
            "can_edit": policy.may_edit(request.user, draft),
            "is_signer": policy.may_sign(request.user, draft),
            "can_withdraw": policy.may_withdraw(request.user, draft),
            "can_schedule": policy.may_schedule(request.user, draft),
            "can_correct": policy.may_correct(request.user, draft),
            "can_confirm": policy.may_confirm_dismissal(request.user, draft),
            "can_unschedule": policy.may_unschedule(request.user, draft),
            "withdrawal": selectors.withdrawal_of(draft) if draft.status == Status.WITHDRAWN else None,
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
def confirm_dismissal(request, draft_id: int, finding_id: int):
    if request.POST.get("reject"):
        return _act(
            request,
            draft_id,
            _("Dismissal rejected; the drafter has been told."),
            lambda: services.reject_dismissal(
                draft_id=draft_id, user=request.user, finding_id=finding_id, reason=request.POST.get("reason", "")
            ),
        )
    return _act(
        request,
        draft_id,
        _("Dismissal confirmed."),
        lambda: services.confirm_dismissal(draft_id=draft_id, user=request.user, finding_id=finding_id),
    )


@require_POST
@login_required
def apply_suggestion(request, draft_id: int, finding_id: int):
    return _act(
        request,
        draft_id,
        _("Suggestion applied as a new version."),
        lambda: services.apply_suggestions(draft_id=draft_id, user=request.user, finding_ids=[finding_id]),
    )


@require_POST
@login_required
def apply_suggestions(request, draft_id: int):
    """Several findings ticked in the list, or every open finding of one rule."""
    rule = request.POST.get("rule") or None
    ids = None if rule else [int(value) for value in request.POST.getlist("finding") if value.isdigit()]
    return _act(
        request,
        draft_id,
        _("Suggestions applied as one new version; the text is being checked again."),
        lambda: services.apply_suggestions(draft_id=draft_id, user=request.user, finding_ids=ids, rule=rule),
    )


@require_POST
@login_required
def correct(request, draft_id: int):
    return _act(
        request,
        draft_id,
        _("Correction round opened: edit the text, then submit it for the check and the four signatures."),
        lambda: services.open_correction(draft_id=draft_id, user=request.user, note=request.POST.get("note", "")),
    )


@require_POST
@login_required
def schedule(request, draft_id: int):
    value = request.POST.get("publish_at", "")
    parsed = parse_datetime(value) if value and len(value) <= 40 else None
    publish_at = timezone.make_aware(parsed) if parsed and timezone.is_naive(parsed) else parsed
    if value and publish_at is None:
        messages.error(request, _("Give the publication time as a date and a time."))
        return redirect("draft-detail", draft_id=draft_id)
    return _act(
        request,
        draft_id,
        _("Publication time saved."),
        lambda: services.schedule(draft_id=draft_id, user=request.user, publish_at=publish_at),
    )


@require_POST
@login_required
def unschedule(request, draft_id: int):
    return _act(
        request,
        draft_id,
        _("Called back to the drafter."),
        lambda: services.unschedule(draft_id=draft_id, user=request.user, reason=request.POST.get("reason", "")),
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
def published_to_review(request):
    return render(
        request, "reviewflow/published_to_review.html", {"rescans": selectors.published_to_review(request.user)}
    )


@login_required
def inbox(request):
    """Oldest waiting first, fifty to a page: a leader with hundreds waiting still gets a page in milliseconds."""
    page = Paginator(selectors.inbox_for(request.user), INBOX_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"drafts": page, "page": page, "query": "", "inbox_count": page.paginator.count}
    return render(request, "reviewflow/inbox.html", context)


def public_list(request):
    column = request.GET.get("column") if request.GET.get("column") in Column.values else None
    return render(
        request,
        "reviewflow/public_list.html",
        {"items": selectors.published_items(column)[:100], "column": column, "columns": Column.choices},
    )


def public_item(request, draft_id: int):
    """A published item; once withdrawn, its address answers 410 with a notice and the date, not a bare 404."""
    item = selectors.published_items().filter(pk=draft_id).select_related("section__unit").first()
    if item is None:
        withdrawn = selectors.published_or_withdrawn(draft_id)
        if withdrawn is None:
            raise Http404
        return render(request, "reviewflow/public_withdrawn.html", {"item": withdrawn}, status=410)
    return render(
        request,
        "reviewflow/public_item.html",
        {"item": item, "signers": public_signers(item), "earlier": selectors.earlier_publications(item)},
    )


def public_version(request, draft_id: int, number: int):
    """The text of an earlier publication that a correction replaced (更正前的版本)."""
    item = selectors.published_items().filter(pk=draft_id).first()
    if item is None:
        raise Http404
    earlier = next((p for p in selectors.earlier_publications(item) if p.version.number == number), None)
    if earlier is None:
        raise Http404
    return render(request, "reviewflow/public_version.html", {"item": item, "publication": earlier})
