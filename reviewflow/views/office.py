"""Office pages: where a person lands after login, the deadlines dashboard, netizen messages, the Atom feeds."""

from __future__ import annotations

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .. import dashboard, selectors
from ..errors import ReviewError
from ..models import Column, Section
from ..models_office import NetizenMessage
from ..services import messages as message_services


def is_leader(user) -> bool:
    """Section heads, deputy leaders and principal leaders sign; they start from what waits for them."""
    return Section.objects.filter(Q(head=user) | Q(deputy=user) | Q(unit__head=user)).exists()


@login_required
def home(request):
    """Leaders land on 待我签批, everyone else on 我的稿件."""
    return redirect("inbox" if is_leader(request.user) else "drafts")


@login_required
def deadlines(request):
    """Column freshness per section and the netizen messages that are due or overdue."""
    now = timezone.now()
    columns = dashboard.column_states(dashboard.schedules_for(request.user), now=now)
    open_messages = [
        (m, dashboard.message_clock(m, now=now))
        for m in dashboard.open_messages(dashboard.messages_for(request.user))[:200]
    ]
    return render(
        request,
        "reviewflow/deadlines.html",
        {
            "columns": columns,
            "open_messages": open_messages,
            "now": now,
            "may_transfer": message_services.may_transfer(request.user),
            "sections": Section.objects.filter(unit_id=request.user.section.unit_id) if request.user.section else [],
        },
    )


def _message_or_404(request, message_id: int) -> NetizenMessage:
    message = dashboard.messages_for(request.user).filter(pk=message_id).first()
    if message is None:
        raise Http404
    return message


@login_required
def new_message(request):
    """Staff record a message that arrived by telephone, letter or in person."""
    values: dict = {}
    if request.method == "POST":
        values = {name: request.POST.get(name, "") for name in message_services.FIELDS}
        try:
            if request.user.section is None:
                raise ReviewError(_("You belong to no unit; messages are received for a unit."))
            message = message_services.record_message(
                unit=request.user.section.unit, data=values, source=NetizenMessage.Source.STAFF, user=request.user
            )
        except ReviewError as error:
            flash.error(request, error.text)
        else:
            return redirect("message-detail", message_id=message.pk)
    return render(request, "reviewflow/message_form.html", {"values": values})


@login_required
def message_detail(request, message_id: int):
    message = _message_or_404(request, message_id)
    return render(
        request,
        "reviewflow/message_detail.html",
        {
            "message": message,
            "clock": dashboard.message_clock(message, now=timezone.now()),
            "may_transfer": message_services.may_transfer(request.user) and message.reply_id is None,
            "may_reply": message.reply_id is None
            and message.section_id
            and request.user.section_id == message.section_id,
            "sections": Section.objects.filter(unit_id=message.unit_id),
        },
    )


@require_POST
@login_required
def transfer_message(request, message_id: int):
    try:
        section = int(request.POST.get("section", ""))
        message_services.transfer_message(message_id=message_id, user=request.user, section_id=section)
    except ValueError:
        flash.error(request, _("Choose a section."))
    except ReviewError as error:
        flash.error(request, error.text)
    else:
        flash.success(request, _("Transferred."))
    return redirect("message-detail", message_id=message_id)


@require_POST
@login_required
def reply_message(request, message_id: int):
    try:
        draft = message_services.reply_to_message(
            message_id=message_id,
            user=request.user,
            data={"title": request.POST.get("title") or None, "body": request.POST.get("body", "")},
        )
    except ReviewError as error:
        flash.error(request, error.text)
        return redirect("message-detail", message_id=message_id)
    flash.success(request, _("Reply drafted: submit it for the check and the signatures."))
    return redirect("draft-detail", draft_id=draft.pk)


class ColumnFeed(Feed):
    """An Atom feed of one column's published items, newest first."""

    feed_type = Atom1Feed
    description = gettext_lazy("Published items")

    def get_object(self, request, column: str):
        if column not in Column.values:
            raise Http404
        return column

    def title(self, column: str) -> str:
        return str(Column(column).label)

    def link(self, column: str) -> str:
        return f"{reverse('public')}?column={column}"

    def items(self, column: str):
        return selectors.published_items(column)[:50]

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.body

    def item_link(self, item) -> str:
        return reverse("public-item", args=[item.pk])

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at
