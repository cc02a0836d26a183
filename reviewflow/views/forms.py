"""The review form (审签单) as a print page and a PDF; a month of forms as one archive; the canonical content.

Who sees a form: whoever may see the draft (selectors.visibility) sees the full form, comments and waiver reasons
included, marked as a draft until it is published. A published item's form is also public, because it shows what
the public page already shows (signers by display name and role, times, 逐字核校, the check's outcome, the hash);
its public version leaves out signers' comments and waiver reasons unless the unit publishes comments.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import selectors
from ..review_form import form_pdf, month_archive, qr_svg, review_form
from ..services.content import content_of
from .audit import _auditor_only


def item_link(request, draft) -> str:
    """Where the form's QR code leads: the public page once published, else the draft page."""
    if draft.published_at is not None:
        return request.build_absolute_uri(reverse("public-item", args=[draft.pk]))
    return request.build_absolute_uri(reverse("draft-detail", args=[draft.pk]))


def _visible(request, draft_id: int):
    return selectors.visible_draft_or_404(request.user, draft_id)


def _published(draft_id: int):
    item = selectors.published_items().filter(pk=draft_id).select_related("drafter", "section__unit").first()
    if item is None:
        raise Http404
    return item


def _page(request, form, pdf_url: str):
    return render(request, "reviewflow/review_form.html", {"form": form, "qr": qr_svg(form.link), "pdf_url": pdf_url})


def _pdf(form) -> HttpResponse:
    response = HttpResponse(form_pdf(form), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{form.filename}"'
    return response


@login_required
def draft_form(request, draft_id: int):
    draft = _visible(request, draft_id)
    form = review_form(draft, link=item_link(request, draft))
    return _page(request, form, reverse("draft-form-pdf", args=[draft_id]))


@login_required
def draft_form_pdf(request, draft_id: int):
    draft = _visible(request, draft_id)
    return _pdf(review_form(draft, link=item_link(request, draft)))


def public_form(request, draft_id: int):
    item = _published(draft_id)
    form = review_form(item, link=item_link(request, item), public=True)
    return _page(request, form, reverse("public-form-pdf", args=[draft_id]))


def public_form_pdf(request, draft_id: int):
    item = _published(draft_id)
    return _pdf(review_form(item, link=item_link(request, item), public=True))


def public_content(request, draft_id: int):
    """The exact bytes whose SHA-256 is the published content hash: sorted-key compact JSON in UTF-8."""
    item = _published(draft_id)
    canonical = json.dumps(asdict(content_of(item)), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    response = HttpResponse(canonical.encode("utf-8"), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="content-{draft_id}.json"'
    return response


@_auditor_only
def month_forms(request, year: int, month: int):
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        return HttpResponseBadRequest(_("No such month: give it as YYYY-MM."))
    drafts = selectors.published_in_month(year, month)
    if not drafts.exists():
        raise Http404(_("Nothing was published in %(year)d-%(month)02d.") % {"year": year, "month": month})
    response = HttpResponse(month_archive(drafts, lambda d: item_link(request, d)), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="review-forms-{year}-{month:02d}.zip"'
    return response
