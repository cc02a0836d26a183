"""The OpenAPI description of the draft endpoints, kept beside (not inside) their thin views."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers

from ..models import Channel, Column, Kind
from . import views

OBJECT = OpenApiTypes.OBJECT
ERRORS = {400: OBJECT, 403: OBJECT, 404: OBJECT, 409: OBJECT}


def _content(name: str, *, partial: bool) -> serializers.Serializer:
    required = not partial
    fields: dict[str, serializers.Field] = {
        "title": serializers.CharField(max_length=200, required=required),
        "body": serializers.CharField(required=required),
        "column": serializers.ChoiceField(Column.choices, required=False),
        "channel": serializers.ChoiceField(Channel.choices, required=False),
        "kind": serializers.ChoiceField(Kind.choices, required=False),
        "key": serializers.BooleanField(required=False),
        "source_name": serializers.CharField(max_length=200, required=False),
        "source_url": serializers.URLField(max_length=500, required=False),
    }
    if partial:
        fields["version"] = serializers.IntegerField(required=False)
    return inline_serializer(name, fields)


def _body(name: str, **fields) -> serializers.Serializer:
    return inline_serializer(name, fields)


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """`Authorization: Token <token>` from POST /api/v1/auth/token/ (hashed at rest, expiring)."""

    target_class = "reviewflow.tokens.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "Authorization", "description": "Token <token>"}


def document() -> None:
    """Attach request and response shapes to the draft views (idempotent)."""
    answers = {200: OBJECT, **ERRORS}
    extend_schema_view(
        post=extend_schema(
            request=_body("TokenIn", username=serializers.CharField(), password=serializers.CharField()),
            responses={200: OBJECT, 400: OBJECT},
            summary="Exchange a username and password for an API token",
        )
    )(views.TokenView)
    extend_schema_view(
        get=extend_schema(
            operation_id="drafts_list",
            parameters=[OpenApiParameter("mine", OpenApiTypes.BOOL, description="Only my own drafts")],
            responses={200: OBJECT},
        ),
        post=extend_schema(request=_content("DraftIn", partial=False), responses={201: OBJECT, **ERRORS}),
    )(views.DraftListView)
    extend_schema_view(
        get=extend_schema(responses=answers),
        patch=extend_schema(request=_content("DraftEdit", partial=True), responses=answers),
    )(views.DraftView)
    extend_schema_view(post=extend_schema(request=None, responses={202: OBJECT, **ERRORS}))(views.SubmitView)
    extend_schema_view(
        post=extend_schema(request=_body("DismissIn", reason=serializers.CharField()), responses=answers)
    )(views.DismissFindingView)
    extend_schema_view(post=extend_schema(request=None, responses=answers))(views.ApplySuggestionView)
    extend_schema_view(
        post=extend_schema(
            request=_body(
                "ConfirmDismissalIn",
                reject=serializers.BooleanField(required=False),
                reason=serializers.CharField(required=False),
            ),
            responses=answers,
            summary="The section head confirms (or, with reject, refuses) a political or leader finding's dismissal",
        )
    )(views.ConfirmDismissalView)
    extend_schema_view(
        post=extend_schema(
            operation_id="drafts_findings_apply_several",
            request=_body(
                "ApplyIn",
                findings=serializers.ListField(child=serializers.IntegerField(), required=False),
                rule=serializers.CharField(required=False),
            ),
            responses=answers,
            summary="Apply several suggestions, or every open one of a rule, as one version; then re-check",
        )
    )(views.ApplySuggestionsView)
    extend_schema_view(post=extend_schema(request=_body("CorrectIn", note=serializers.CharField()), responses=answers))(
        views.CorrectView
    )
    extend_schema_view(
        post=extend_schema(
            request=_body("ScheduleIn", publish_at=serializers.DateTimeField(allow_null=True)), responses=answers
        )
    )(views.ScheduleView)
    extend_schema_view(
        post=extend_schema(request=_body("UnscheduleIn", reason=serializers.CharField()), responses=answers)
    )(views.UnscheduleView)
    extend_schema_view(post=extend_schema(request=None, responses={204: None}))(views.LogoutView)
    extend_schema_view(post=extend_schema(request=None, responses={204: None}))(views.LogoutAllView)
    extend_schema_view(
        post=extend_schema(
            request=_body(
                "SignIn",
                version=serializers.IntegerField(),
                comment=serializers.CharField(required=False),
                proofread=serializers.BooleanField(required=False),
            ),
            responses=answers,
        )
    )(views.SignView)
    extend_schema_view(
        post=extend_schema(
            request=_body("ReturnIn", version=serializers.IntegerField(), reason=serializers.CharField()),
            responses=answers,
        )
    )(views.ReturnView)
    extend_schema_view(
        post=extend_schema(request=_body("WithdrawIn", reason=serializers.CharField()), responses=answers)
    )(views.WithdrawView)
    extend_schema_view(get=extend_schema(responses={200: OBJECT}))(views.InboxView)
    extend_schema_view(get=extend_schema(responses=answers))(views.AuditView)
    extend_schema_view(get=extend_schema(operation_id="published_list", responses={200: OBJECT}))(views.PublishedView)
    extend_schema_view(get=extend_schema(responses={200: OBJECT, 404: OBJECT}))(views.PublishedItemView)
