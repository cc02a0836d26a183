"""The JSON API under /api/v1/: parse, call one service, answer."""

from __future__ import annotations

from django.contrib.auth import authenticate, user_logged_in
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from knox.models import AuthToken
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import selectors, services
from ..errors import InvalidInput, NotFound
from ..models import CheckRun, Signature
from ..tokens import issue_token, revoke_all
from ..views.ops import locked_out
from .serializers import audit_data, draft_data, draft_summary, published_data, withdrawn_data


def _payload(request) -> dict:
    data = request.data
    if not isinstance(data, dict):
        raise InvalidInput(_("Send a JSON object."))
    return data


def _text(data: dict, name: str) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise InvalidInput(_("“%(name)s” must be text.") % {"name": name}, fields={name: _("Must be text.")})
    return value


def _version(data: dict) -> int:
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidInput(
            _("Say which version you read: “version” must be a whole number."),
            fields={"version": _("Required, a whole number.")},
        )
    return version


def _visible(request, draft_id: int):
    return selectors.visible_draft_or_404(request.user, draft_id)


def _answer(
    request, draft_id: int, status: int = 200, known: tuple[CheckRun | None, list[Signature]] | None = None
) -> Response:
    return Response(draft_data(_visible(request, draft_id), known), status=status)


class TokenView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    def post(self, request):
        data = _payload(request)
        username, password = data.get("username"), data.get("password")
        if not isinstance(username, str) or not isinstance(password, str) or not username or not password:
            raise InvalidInput(_("Send “username” and “password”."))
        if "\x00" in username:  # PostgreSQL text cannot hold NUL; no account has one in its name (found by fuzzing)
            raise InvalidInput(_("Wrong username or password."))
        # django-axes counts failures on the Django request and refuses once the username is locked out.
        user = authenticate(request._request, username=username, password=password)
        if getattr(request._request, "axes_locked_out", False):
            return locked_out(request._request)
        if user is None:
            raise InvalidInput(_("Wrong username or password."))
        # A token login is a login: last_login is stamped and django-axes forgets the earlier failures.
        user_logged_in.send(sender=type(user), request=request._request, user=user)
        token, secret = issue_token(user)
        return Response({"token": secret, "expiry": token.expiry})


class LogoutView(APIView):
    """Revoke the token this request carries (a session is left alone)."""

    def post(self, request):
        if isinstance(request.auth, AuthToken):
            request.auth.delete()
        return Response(status=204)


class LogoutAllView(APIView):
    """Revoke every token of the caller, e.g. after a lost laptop."""

    def post(self, request):
        return Response({"revoked": revoke_all(request.user)})


class DraftListView(APIView):
    def get(self, request):
        if request.query_params.get("mine"):
            drafts = selectors.drafts_of(request.user)
        else:
            drafts = selectors.visible_drafts(request.user).order_by("-pk")
        return Response({"results": [draft_summary(d) for d in drafts[:200]]})

    def post(self, request):
        draft = services.create_draft(user=request.user, data=_payload(request))
        return _answer(request, draft.pk, status=201, known=(None, []))


class DraftView(APIView):
    def get(self, request, draft_id: int):
        return _answer(request, draft_id)

    def patch(self, request, draft_id: int):
        data = dict(_payload(request))
        version = data.pop("version", None)
        if version is not None:
            version = _version({"version": version})
        services.edit_draft(draft_id=draft_id, user=request.user, data=data, version=version)
        return _answer(request, draft_id)


class SubmitView(APIView):
    def post(self, request, draft_id: int):
        run = services.submit(draft_id=draft_id, user=request.user)
        return _answer(request, draft_id, status=202, known=(run, []))  # a new round: earlier signatures are void


class DismissFindingView(APIView):
    def post(self, request, draft_id: int, finding_id: int):
        services.dismiss_finding(
            draft_id=draft_id, user=request.user, finding_id=finding_id, reason=_text(_payload(request), "reason")
        )
        return _answer(request, draft_id)


class ConfirmDismissalView(APIView):
    """The section head confirms a serious finding's dismissal; with {"reject": true, "reason": ...} refuses it."""

    def post(self, request, draft_id: int, finding_id: int):
        payload = _payload(request)
        if payload.get("reject") is True:
            services.reject_dismissal(
                draft_id=draft_id, user=request.user, finding_id=finding_id, reason=_text(payload, "reason")
            )
        else:
            services.confirm_dismissal(draft_id=draft_id, user=request.user, finding_id=finding_id)
        return _answer(request, draft_id)


class ApplySuggestionView(APIView):
    def post(self, request, draft_id: int, finding_id: int):
        services.apply_suggestions(draft_id=draft_id, user=request.user, finding_ids=[finding_id])
        return _answer(request, draft_id)


class ApplySuggestionsView(APIView):
    """`{"findings": [ids]}` or `{"rule": "punctuation.half_width"}`: one new version, then the check again."""

    def post(self, request, draft_id: int):
        data = _payload(request)
        ids, rule = data.get("findings"), data.get("rule")
        if ids is not None and (not isinstance(ids, list) or not all(_is_id(i) for i in ids)):
            raise InvalidInput(_("“findings” must be a list of finding ids."), fields={"findings": _("A list of ids.")})
        if rule is not None and not isinstance(rule, str):
            raise InvalidInput(_("“rule” must be text."), fields={"rule": _("Must be text.")})
        if ids is None and not rule:
            raise InvalidInput(_("Name the findings to apply, or a rule."))
        services.apply_suggestions(draft_id=draft_id, user=request.user, finding_ids=ids, rule=rule or None)
        return _answer(request, draft_id)


def _is_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63


class SignView(APIView):
    def post(self, request, draft_id: int):
        data = _payload(request)
        proofread = data.get("proofread", False)
        if not isinstance(proofread, bool):
            raise InvalidInput(
                _("“proofread” must be true or false."), fields={"proofread": _("Must be true or false.")}
            )
        signature = services.sign(
            draft_id=draft_id,
            user=request.user,
            version=_version(data),
            comment=_text(data, "comment"),
            proofread=proofread,
        )
        return Response(draft_summary(signature.draft))  # the signer moves on: the short form, no re-read


class ReturnView(APIView):
    def post(self, request, draft_id: int):
        data = _payload(request)
        services.return_draft(
            draft_id=draft_id, user=request.user, version=_version(data), reason=_text(data, "reason")
        )
        return _answer(request, draft_id)


class ScheduleView(APIView):
    """`{"publish_at": "2026-12-01T09:00:00+08:00"}`, or null to publish as soon as the chain has signed."""

    def post(self, request, draft_id: int):
        data = _payload(request)
        value = data.get("publish_at")
        publish_at = None
        if value is not None:
            parsed = parse_datetime(value) if isinstance(value, str) and len(value) <= 40 else None
            if parsed is None:
                raise InvalidInput(
                    _("“publish_at” must be a date and time such as 2026-12-01T09:00:00+08:00."),
                    fields={"publish_at": _("An ISO 8601 date and time.")},
                )
            publish_at = parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)
        services.schedule(draft_id=draft_id, user=request.user, publish_at=publish_at)
        return _answer(request, draft_id)


class UnscheduleView(APIView):
    def post(self, request, draft_id: int):
        services.unschedule(draft_id=draft_id, user=request.user, reason=_text(_payload(request), "reason"))
        return _answer(request, draft_id)


class CorrectView(APIView):
    """`{"note": "更正说明"}`: open a correction round on a published item."""

    def post(self, request, draft_id: int):
        services.open_correction(draft_id=draft_id, user=request.user, note=_text(_payload(request), "note"))
        return _answer(request, draft_id)


class WithdrawView(APIView):
    def post(self, request, draft_id: int):
        services.withdraw(draft_id=draft_id, user=request.user, reason=_text(_payload(request), "reason"))
        return _answer(request, draft_id)


class InboxView(APIView):
    def get(self, request):
        # The oldest 200, as the drafts list: a page of work, never an unbounded answer.
        return Response({"results": [draft_summary(d) for d in selectors.inbox_for(request.user)[:200]]})


class AuditView(APIView):
    def get(self, request, draft_id: int):
        draft = _visible(request, draft_id)
        return Response({"results": [audit_data(e) for e in selectors.timeline_of(draft)]})


class PublishedView(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        items = selectors.published_items().select_related("section__unit")[:100]
        return Response({"results": [published_data(d) for d in items]})


class PublishedItemView(APIView):
    permission_classes = [AllowAny]

    def get(self, request, draft_id: int):
        """A published item; a withdrawn one answers 410 with the withdrawal notice."""
        draft = selectors.published_items().filter(pk=draft_id).select_related("section__unit").first()
        if draft is not None:
            return Response(published_data(draft))
        withdrawn = selectors.published_or_withdrawn(draft_id)
        if withdrawn is None:
            raise NotFound(_("No such published item."))
        return Response(withdrawn_data(withdrawn), status=410)
