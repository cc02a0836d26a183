"""The printable review form (信息发布审核表 / 审签单): what it says, as a PDF, and a month of them as one archive.

The PDF is set in Noto Sans SC (SIL Open Font License 1.1), shipped by the `pylopdf-fonts-zh-cn` package, so
Chinese renders on a machine with no system fonts.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

import qrcode
import qrcode.image.svg
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .lifecycle import SIGNING_ORDER, Status, Step
from .models import Draft, Kind
from .selectors import findings_of, latest_check, live_signatures


def public_name(user) -> str:
    """How a person appears to the public: their display name, never their login name."""
    return user.display_name or user.get_full_name() or _("(name not recorded)")


@dataclass(frozen=True)
class FormSigner:
    role: str
    name: str
    signed_at: datetime
    comment: str
    proofread: bool


@dataclass(frozen=True)
class WaivedFinding:
    text: str
    suggestion: str
    message: str
    reason: str
    waived_by: str


@dataclass(frozen=True)
class ReviewForm:
    """Everything the form shows; `public` forms leave out comments and reasons unless the unit publishes them."""

    draft_id: int
    is_draft: bool
    public: bool
    unit: str
    section: str
    column: str
    channel: str
    title: str
    kind: str
    source_name: str
    source_url: str
    status: str
    version: int
    drafter: str
    created_at: datetime
    published_at: datetime | None
    withdrawn_at: datetime | None
    content_hash: str
    link: str
    check_result: str
    findings_total: int
    signers: list[FormSigner] = field(default_factory=list)
    waived: list[WaivedFinding] = field(default_factory=list)

    @property
    def filename(self) -> str:
        prefix = "draft-" if self.is_draft else ""
        return f"{prefix}review-form-{self.draft_id}.pdf"


def _check_result(run) -> str:
    if run is None:
        return _("Not checked")
    if run.status != run.State.DONE:
        return run.get_status_display()
    return _("Checked (%(purpose)s)") % {"purpose": run.get_purpose_display()}


def review_form(draft: Draft, *, link: str, public: bool = False) -> ReviewForm:
    """The form of one draft; for anything not published it is marked as a draft."""
    show_comments = not public or draft.section.unit.publish_comments
    name = public_name if public else str
    order = {str(step): n for n, step in enumerate(SIGNING_ORDER)}
    # A published item (selectors.published_items) carries the signatures of its publication; a draft, its round's.
    carried = getattr(draft, "live_signatures", None)
    signatures = sorted(
        carried if carried is not None else live_signatures(draft), key=lambda s: (order[s.step], s.signed_at)
    )
    run = latest_check(draft)
    findings = findings_of(run)
    return ReviewForm(
        draft_id=draft.pk,
        is_draft=draft.status != Status.PUBLISHED,
        public=public,
        unit=draft.section.unit.name,
        section=draft.section.name,
        column=draft.get_column_display(),
        channel=draft.get_channel_display(),
        title=draft.title,
        kind=draft.get_kind_display(),
        source_name=draft.source_name if draft.kind == Kind.REPOST else "",
        source_url=draft.source_url if draft.kind == Kind.REPOST else "",
        status=draft.stage_display,
        version=draft.version,
        drafter=name(draft.drafter),
        created_at=draft.created_at,
        published_at=draft.published_at,
        withdrawn_at=draft.withdrawn_at,
        content_hash=draft.content_hash,
        link=link,
        check_result=_check_result(run),
        findings_total=len(findings),
        signers=[
            FormSigner(
                role=str(Step(s.step).label),
                name=name(s.user) + (f" 代 {name(s.on_behalf_of)}" if s.on_behalf_of_id else ""),
                signed_at=s.signed_at,
                comment=s.comment if show_comments else "",
                proofread=s.proofread,
            )
            for s in signatures
        ],
        waived=[
            WaivedFinding(
                text=f.text,
                suggestion=f.suggestion or "",
                message=f.message,
                reason=f.dismiss_reason if show_comments else "",
                waived_by=name(f.dismissed_by) if f.dismissed_by else "",
            )
            for f in findings
            if f.dismissed
        ],
    )


def qr_svg(link: str) -> str:
    """The link as an inline SVG QR code."""
    code = qrcode.QRCode(border=1, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(link)
    return code.make_image(image_factory=qrcode.image.svg.SvgPathImage).to_string(encoding="unicode")


@cache
def _font_path() -> str:
    import pylopdf_fonts_zh_cn

    return str(pylopdf_fonts_zh_cn.sans_path())


def _when(moment: datetime | None) -> str:
    return date_format(timezone.localtime(moment), "Y-m-d H:i") if moment else ""


def form_pdf(form: ReviewForm) -> bytes:
    """The form as an A4 PDF, Chinese set in the packaged Noto Sans SC, with a QR code to the item."""
    from fpdf import FPDF, FontFace

    # The packaged font has one weight: headings are shaded, not bold.
    heading_style = FontFace(emphasis="", fill_color=(235, 235, 235))

    pdf = FPDF(format="A4")
    pdf.set_title(f"{_('Publication review form')} · {form.title}")
    pdf.set_creator("ReviewFlow")
    pdf.add_font("NotoSansSC", "", _font_path())
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("NotoSansSC", size=17)
    heading = _("Publication review form")
    if form.is_draft:
        heading = f"{heading}（{_('DRAFT')}）"
    pdf.cell(0, 11, heading, align="C", new_x="LMARGIN", new_y="NEXT")
    if form.is_draft:
        pdf.set_font("NotoSansSC", size=10)
        pdf.set_text_color(180, 0, 0)
        note = _("Not published: status %(status)s, version %(version)s.") % {
            "status": form.status,
            "version": form.version,
        }
        pdf.cell(0, 6, note, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    pdf.ln(2)
    pdf.set_font("NotoSansSC", size=10)
    rows = [
        (_("Unit"), f"{form.unit} · {form.section}"),
        (_("Column"), form.column),
        (_("Channel"), form.channel),
        (_("Title"), form.title),
        (_("Kind"), form.kind),
    ]
    if form.source_name:
        rows.append((_("Source"), f"{form.source_name} {form.source_url}".strip()))
    rows += [
        (_("Drafter"), form.drafter),
        (_("Published"), _when(form.published_at) or "—"),
    ]
    if form.withdrawn_at:
        rows.append((_("Withdrawn"), _when(form.withdrawn_at)))
    found = ngettext("%(n)s finding", "%(n)s findings", form.findings_total) % {"n": form.findings_total}
    rows.append((_("Typo check"), f"{form.check_result} · {found}"))
    with pdf.table(col_widths=(30, 150), text_align="LEFT", first_row_as_headings=False, line_height=6.5) as table:
        for label, value in rows:
            table.row((label, value))
    pdf.ln(4)
    pdf.set_font("NotoSansSC", size=12)
    pdf.cell(0, 8, _("Signatures"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("NotoSansSC", size=9.5)
    with pdf.table(
        col_widths=(30, 28, 32, 22, 68), text_align="LEFT", line_height=6, headings_style=heading_style
    ) as table:
        table.row((_("Role"), _("Name"), _("Time"), _("Proofread word by word"), _("Comment")))
        for signer in form.signers:
            table.row(
                (
                    signer.role,
                    signer.name,
                    _when(signer.signed_at),
                    _("Yes") if signer.proofread else _("No"),
                    signer.comment or "—",
                )
            )
    pdf.ln(4)
    pdf.set_font("NotoSansSC", size=12)
    pdf.cell(0, 8, _("Waived findings"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("NotoSansSC", size=9.5)
    if form.waived:
        with pdf.table(
            col_widths=(30, 30, 55, 45, 20), text_align="LEFT", line_height=6, headings_style=heading_style
        ) as table:
            table.row((_("Text"), _("Suggestion"), _("Finding"), _("Reason"), _("Waived by")))
            for waived in form.waived:
                table.row(
                    (waived.text, waived.suggestion or "—", waived.message, waived.reason or "—", waived.waived_by)
                )
    else:
        pdf.cell(0, 6, _("None."), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("NotoSansSC", size=9)
    pdf.multi_cell(0, 5.5, f"{_('Content hash (SHA-256):')} {form.content_hash}", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5.5, f"{_('Item:')} {form.link}", new_x="LMARGIN", new_y="NEXT")
    _draw_qr(pdf, form.link, x=pdf.l_margin, y=pdf.get_y() + 2, size=28)
    return bytes(pdf.output())


def _draw_qr(pdf, link: str, *, x: float, y: float, size: float) -> None:
    code = qrcode.QRCode(border=1, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(link)
    matrix = code.get_matrix()
    if y + size > pdf.h - pdf.b_margin:
        pdf.add_page()
        y = pdf.get_y()
    module = size / len(matrix)
    pdf.set_fill_color(0, 0, 0)
    for row, cells in enumerate(matrix):
        for column, dark in enumerate(cells):
            if dark:
                pdf.rect(x + column * module, y + row * module, module, module, style="F")


def month_archive(drafts, link_for) -> bytes:
    """One ZIP of the forms of the given drafts, one PDF each, named by id and title."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for draft in drafts:
            form = review_form(draft, link=link_for(draft))
            safe_title = "".join(c for c in draft.title if c not in '\\/:*?"<>|')[:40]
            archive.writestr(f"{draft.pk:06d}-{safe_title}.pdf", form_pdf(form))
    return buffer.getvalue()
