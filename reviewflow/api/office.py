"""The API's office endpoints: netizen messages and column freshness."""

from __future__ import annotations

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import dashboard
from ..errors import InvalidInput, NotAllowed, NotFound
from ..models_office import NetizenMessage
from ..services import messages as message_services
from .serializers import draft_data


def _payload(request) -> dict:
    if not isinstance(request.data, dict):
        raise InvalidInput(_("Send a JSON object."))
    return request.data


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def message_data(message: NetizenMessage, *, now) -> dict:
    return {
        "id": message.pk,
        "subject": message.subject,
        "body": message.body,
        "author_name": message.author_name,
        "source": message.source,
        "received_at": _iso(message.received_at),
        "transfer_due": _iso(message.transfer_due),
        "reply_due": _iso(message.reply_due),
        "due_estimated": message.due_estimated,
        "section": message.section.name if message.section else None,
        "transferred_at": _iso(message.transferred_at),
        "reply_draft": message.reply_id,
        "replied_at": _iso(message.replied_at),
        **dashboard.message_clock(message, now=now),
    }


MESSAGE_IN = inline_serializer(
    "MessageIn",
    {
        "subject": serializers.CharField(max_length=200),
        "body": serializers.CharField(max_length=5000),
        "author_name": serializers.CharField(max_length=100, required=False),
        "contact": serializers.CharField(max_length=200, required=False),
        "received_at": serializers.DateTimeField(required=False),
    },
)


class MessageListView(APIView):
    @extend_schema(
        operation_id="messages_list",
        parameters=[OpenApiParameter("open", OpenApiTypes.BOOL, description="Only messages not yet answered")],
        responses=OpenApiTypes.OBJECT,
        summary="The unit's netizen messages, soonest reply due first",
    )
    def get(self, request):
        now = timezone.now()
        messages = dashboard.messages_for(request.user)
        if request.query_params.get("open"):
            messages = dashboard.open_messages(messages)
        return Response({"results": [message_data(m, now=now) for m in messages[:200]]})

    @extend_schema(request=MESSAGE_IN, responses={201: OpenApiTypes.OBJECT}, summary="Receive a netizen message")
    def post(self, request):
        data = _payload(request)
        if request.user.section_id is None:
            raise NotAllowed(_("You belong to no unit; messages are received for a unit."))
        received_at = None
        if data.get("received_at") is not None:
            raw = data["received_at"]
            try:
                received_at = parse_datetime(raw) if isinstance(raw, str) else None
            except ValueError:  # well-formed but impossible, e.g. minute 60
                received_at = None
            if received_at is None or timezone.is_naive(received_at):
                raise InvalidInput(
                    _("“received_at” must be a date and time with its time zone (ISO 8601)."),
                    fields={"received_at": _("ISO 8601 with a time zone.")},
                )
        message = message_services.record_message(
            unit=request.user.section.unit,
            data=data,
            source=NetizenMessage.Source.API,
            user=request.user,
            received_at=received_at,
        )
        return Response(message_data(message, now=timezone.now()), status=201)


def _message(request, message_id: int) -> NetizenMessage:
    message = dashboard.messages_for(request.user).filter(pk=message_id).first()
    if message is None:
        raise NotFound(_("No such message."))
    return message


class MessageView(APIView):
    @extend_schema(responses=OpenApiTypes.OBJECT, summary="One netizen message and its two clocks")
    def get(self, request, message_id: int):
        return Response(message_data(_message(request, message_id), now=timezone.now()))


class TransferView(APIView):
    @extend_schema(
        request=inline_serializer("TransferIn", {"section": serializers.IntegerField()}),
        responses=OpenApiTypes.OBJECT,
        summary="Transfer a message to the section that answers it",
    )
    def post(self, request, message_id: int):
        section = _payload(request).get("section")
        if isinstance(section, bool) or not isinstance(section, int):
            raise InvalidInput(_("“section” must be a section id."), fields={"section": _("Required, a whole number.")})
        message_services.transfer_message(message_id=message_id, user=request.user, section_id=section)
        return Response(message_data(_message(request, message_id), now=timezone.now()))


class ReplyView(APIView):
    @extend_schema(
        request=inline_serializer(
            "ReplyIn", {"body": serializers.CharField(), "title": serializers.CharField(required=False)}
        ),
        responses={201: OpenApiTypes.OBJECT},
        summary="Write the reply: a draft of kind reply, reviewed like any item",
    )
    def post(self, request, message_id: int):
        data = {k: v for k, v in _payload(request).items() if k in ("title", "body", "column", "channel", "key")}
        draft = message_services.reply_to_message(message_id=message_id, user=request.user, data=data)
        return Response(draft_data(draft), status=201)


class FreshnessView(APIView):
    @extend_schema(responses=OpenApiTypes.OBJECT, summary="Every section's columns: last publication and due date")
    def get(self, request):
        now = timezone.now()
        states = dashboard.column_states(dashboard.schedules_for(request.user), now=now)
        return Response(
            {
                "results": [
                    {
                        "section": s.schedule.section.name,
                        "column": s.schedule.column,
                        "channel": s.schedule.channel,
                        "interval_days": s.schedule.interval_days,
                        "last_published": _iso(s.last_published),
                        "due_at": _iso(s.due_at),
                        "state": s.state,
                        "notified_at": _iso(s.notified_at),
                    }
                    for s in states
                ]
            }
        )
