"""The organisation, drafts and their versions, checks, signatures and the audit trail."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from checks import inspection

from .lifecycle import EDITABLE, Status, Step


class Unit(models.Model):
    """A government unit (单位); its principal leader (主要领导) signs last."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    publish_comments = models.BooleanField(
        _("publish signers' comments"),
        default=False,
        help_text=_("Show signers' comments and waiver reasons on public pages, public forms and the public API."),
    )
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="headed_units",
        verbose_name=_("principal leader"),
    )

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name


class Section(models.Model):
    """A section (股室) with one head and one supervising deputy leader (分管领导)."""

    unit = models.ForeignKey(Unit, models.CASCADE, related_name="sections", verbose_name=_("unit"))
    name = models.CharField(_("name"), max_length=100)
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="headed_sections",
        verbose_name=_("section head"),
    )
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="supervised_sections",
        verbose_name=_("deputy leader in charge"),
    )
    stand_in_head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="stand_in_for_sections",
        verbose_name=_("stand-in section head"),
        help_text=_("Signs as section head when the section head is the drafter (同时担任拟稿人和股室负责人)."),
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="section_name_unique")]

    def __str__(self) -> str:
        return f"{self.unit} / {self.name}"

    def clean(self) -> None:
        """A section needs a head and a deputy who can sign: two active accounts, neither the unit's leader."""
        from django.core.exceptions import ValidationError

        errors: dict[str, object] = {}
        for field, label in (("head", _("section head")), ("deputy", _("deputy leader in charge"))):
            person = getattr(self, field)
            if person is None:
                errors[field] = _("The section needs a %(role)s: every draft from it is signed by one.") % {
                    "role": label
                }
            elif not person.is_active:
                errors[field] = _("%(person)s cannot sign: the account is inactive.") % {"person": person}
        if self.head_id and self.head_id == self.deputy_id:
            errors["deputy"] = _("The section head and the deputy leader must be two different people.")
        leader_id = self.unit.head_id if self.unit_id else None
        for field in ("head", "deputy"):
            if field not in errors and leader_id and getattr(self, f"{field}_id") == leader_id:
                errors[field] = _("%(person)s is the unit's principal leader, who signs last; choose someone else.") % {
                    "person": getattr(self, field)
                }
        if errors:
            raise ValidationError(errors)


class User(AbstractUser):
    """A member of staff; every user belongs to a section."""

    section = models.ForeignKey(
        Section,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("section"),
    )
    display_name = models.CharField(_("display name"), max_length=50, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")  # type: ignore[assignment]  # django-stubs types the base Meta's as str
        verbose_name_plural = _("users")  # type: ignore[assignment]

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def is_auditor(self) -> bool:
        """Administrators and holders of the audit permission read every draft and the audit trail."""
        return self.is_superuser or self.has_perm("reviewflow.view_auditevent")


class Column(models.TextChoices):
    NEWS = "work_news", _("Work news (工作动态)")
    NOTICE = "notice", _("Notices (通知公告)")
    POLICY = "policy", _("Policy interpretation (政策解读)")


class Channel(models.TextChoices):
    WEBSITE = "website", _("Government website")
    NEW_MEDIA = "new_media", _("New media")


class Kind(models.TextChoices):
    ORIGINAL = "original", _("Original")
    REPOST = "repost", _("Repost (联动转载)")
    REPLY = "reply", _("Reply to a netizen message (留言答复)")


class Draft(models.Model):
    """An item for publication; its fields always hold the current version's content."""

    section = models.ForeignKey(Section, models.PROTECT, related_name="drafts", verbose_name=_("section"))
    drafter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="drafts",
        verbose_name=_("drafter"),
    )
    status = models.CharField(_("status"), max_length=32, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(_("version"), default=1)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"))
    column = models.CharField(_("column"), max_length=32, choices=Column.choices, default=Column.NEWS)
    channel = models.CharField(_("channel"), max_length=32, choices=Channel.choices, default=Channel.WEBSITE)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.ORIGINAL)
    key = models.BooleanField(_("key manuscript"), default=False)
    source_name = models.CharField(_("source name"), max_length=200, blank=True)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64)
    # While signing: the open level; while checking a key manuscript's final text: the level it precedes.
    step = models.CharField(_("open step"), max_length=16, choices=Step.choices, blank=True)
    # Who must act now: the open level's signer, or the drafter while the draft is theirs to edit.
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("holder")
    )
    # The check this draft waits for while it is `checking`.
    # When the open level passes its time limit (working days, `StepLimit`); empty when no level is open.
    step_due_at = models.DateTimeField(_("step due"), null=True, blank=True)
    pending_check = models.ForeignKey("CheckRun", models.SET_NULL, null=True, blank=True, related_name="+")
    return_reason = models.TextField(blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    # What the public sees: the latest publication, which stays public while a correction goes through the chain.
    publication = models.ForeignKey(
        "Publication", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("public version")
    )
    # The drafter's note for a correction round (更正说明), shown with the corrected item.
    correction_note = models.CharField(_("correction note"), max_length=500, blank=True)
    # Publication waits for this time once the chain has signed (not part of the signed content).
    publish_at = models.DateTimeField(_("publication time"), null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")
        indexes = [
            models.Index(fields=["status", "status_changed_at"]),
            models.Index(fields=["holder", "status", "status_changed_at"]),
            # The inbox, oldest waiting first: a page is the next 50 entries of one holder's range.
            models.Index(
                fields=["holder", "status_changed_at", "id"], condition=Q(status=Status.SIGNING), name="draft_inbox"
            ),
            # The audit list's section filter: a section's drafts from the index alone.
            models.Index(fields=["section", "id"], name="draft_section"),
        ]

    # Set by services.locking.lock_draft, read with the lock: the row id of the current version, the assignee of
    # each level (step → user id) and the reference tables' token (reviewflow.reference); for a signature, the live
    # signatures too. A draft read without the lock has no chain (the lifecycle reads it), no token (the reference
    # tables are read) and no signatures (they are read when needed).
    current_version_id: int
    locked_chain: dict[str, int] | None = None
    reference_token: str | None = None
    locked_signatures: list[Signature] | None = None
    # Set by selectors.show_publication on what the public sees: the publication's signatures and correction.
    live_signatures: list[Signature]
    corrected_at: datetime.datetime | None
    correction: str

    def __str__(self) -> str:
        return self.title

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def overdue(self) -> bool:
        """The open level went past its time limit."""
        return self.status == Status.SIGNING and self.step_due_at is not None and self.step_due_at <= timezone.now()

    @property
    def stage_display(self) -> str:
        """The status in words, naming the level that must sign while signing."""
        if self.status == Status.SIGNING and self.step:
            return _("Awaiting %(step)s") % {"step": Step(self.step).label}
        return str(self.get_status_display())


class Assignment(models.Model):
    """The signing chain of a draft, fixed when it is submitted: who holds each level."""

    draft = models.ForeignKey(Draft, models.CASCADE, related_name="assignments")
    step = models.CharField(max_length=16, choices=Step.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="assignments")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["draft", "step"], name="one_assignee_per_step")]
        indexes = [models.Index(fields=["user", "draft"])]


class DraftVersion(models.Model):
    """One immutable edit of a draft; the content hash covers its normalised text and metadata."""

    draft = models.ForeignKey(Draft, models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    body = models.TextField()
    column = models.CharField(max_length=32, choices=Column.choices)
    channel = models.CharField(max_length=32, choices=Channel.choices)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    key = models.BooleanField()
    source_name = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    content_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["draft", "number"], name="version_number_unique")]
        ordering = ["number"]


class CheckRun(models.Model):
    """The typo check of one version, once per purpose; the unique key makes redelivery harmless."""

    class Purpose(models.TextChoices):
        SUBMISSION = "submission", _("At submission")
        FINAL = "final", _("Final text, before the principal leader signs")

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    version = models.ForeignKey(DraftVersion, models.CASCADE, related_name="check_runs")
    purpose = models.CharField(max_length=16, choices=Purpose.choices, default=Purpose.SUBMISSION)
    status = models.CharField(max_length=16, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    # Every delivery of the task counts, including redeliveries that find the result stored.
    deliveries = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    # Findings past the per-rule and per-check bounds, counted by rule instead of stored.
    omitted = models.JSONField(default=dict, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "purpose"], name="one_check_per_version_purpose")]


BLOCKING_SEVERITIES = ("error", "warning")
# Kinds whose dismissal needs the section head: the same set as checks.inspection.dismissal_needs_confirmation.
SERIOUS_KINDS = tuple(sorted(inspection.SERIOUS_KINDS))


class FindingQuerySet(models.QuerySet):
    def blocking(self) -> FindingQuerySet:
        """Findings that stop a draft: errors and warnings nobody dismissed, and serious ones (political, leader)
        whose dismissal the section head has not confirmed yet."""
        unconfirmed = Q(kind__in=SERIOUS_KINDS, dismissal_confirmed_at__isnull=True)
        return self.filter(Q(dismissed_at__isnull=True) | unconfirmed, severity__in=BLOCKING_SEVERITIES)


class Finding(models.Model):
    """One flagged span; a dismissal keeps its reason visible to every later signer."""

    class Field(models.TextChoices):
        TITLE = "title", _("Title")
        BODY = "body", _("Body")

    check_run = models.ForeignKey(CheckRun, models.CASCADE, related_name="findings")
    field = models.CharField(max_length=8, choices=Field.choices, default=Field.BODY)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=200)
    suggestion = models.CharField(max_length=200, null=True, blank=True)  # noqa: DJ001 (None: no suggestion)
    kind = models.CharField(max_length=32)
    severity = models.CharField(max_length=16)
    message = models.CharField(max_length=300)
    rule = models.CharField(max_length=64)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    dismiss_reason = models.TextField(blank=True)
    dismissed_at = models.DateTimeField(null=True, blank=True)
    # A serious finding's dismissal counts only once the section head (or their stand-in) confirms it.
    dismissal_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    dismissal_confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["field", "start", "end", "rule"]

    @property
    def dismissed(self) -> bool:
        return self.dismissed_at is not None

    @property
    def needs_confirmation(self) -> bool:
        """Its dismissal is only requested: the section head has still to confirm or reject it."""
        return self.dismissed and self.kind in SERIOUS_KINDS and self.dismissal_confirmed_at is None

    @property
    def blocking(self) -> bool:
        return self.severity in BLOCKING_SEVERITIES and (not self.dismissed or self.needs_confirmation)


class SignatureQuerySet(models.QuerySet):
    def live(self) -> SignatureQuerySet:
        """The signatures that count: not voided by a later version or round, in signing order."""
        return self.filter(voided_at__isnull=True).order_by("signed_at", "id")


class Publication(models.Model):
    """One publication of a draft's text with the signatures that carried it: the first, or a correction (更正)."""

    draft = models.ForeignKey(Draft, models.PROTECT, related_name="publications")
    version = models.ForeignKey(DraftVersion, models.PROTECT, related_name="+")
    signatures: models.ManyToManyField[Signature, Any] = models.ManyToManyField("Signature", related_name="+")
    published_at = models.DateTimeField()
    correction_note = models.CharField(_("correction note"), max_length=500, blank=True)

    class Meta:
        ordering = ["published_at", "id"]

    @property
    def is_correction(self) -> bool:
        return bool(self.correction_note) or self.draft.publications.filter(published_at__lt=self.published_at).exists()


class StandIn(models.Model):
    """代签: while the dates run, `stand_in` holds `principal`'s levels and signs as “stand_in 代 principal”."""

    principal = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="stand_ins", verbose_name=_("signer")
    )
    stand_in = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="standing_in_for", verbose_name=_("stand-in")
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    named_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("stand-in")
        verbose_name_plural = _("stand-ins")
        indexes = [models.Index(fields=["stand_in", "starts_on", "ends_on"])]
        constraints = [
            models.CheckConstraint(condition=~Q(principal=models.F("stand_in")), name="stand_in_is_someone_else"),
            models.CheckConstraint(condition=Q(starts_on__lte=models.F("ends_on")), name="stand_in_dates_in_order"),
        ]

    def __str__(self) -> str:
        return f"{self.stand_in} 代 {self.principal}"


class Signature(models.Model):
    """A signer's approval of the exact content hash they read; a new version voids it."""

    # PROTECT: a draft that has been signed is evidence and cannot be deleted.
    draft = models.ForeignKey(Draft, models.PROTECT, related_name="signatures")
    version = models.ForeignKey(DraftVersion, models.PROTECT, related_name="signatures")
    step = models.CharField(max_length=16, choices=Step.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="signatures")
    # 代签: the level's assignee this signature stands in for; empty when the assignee signed.
    on_behalf_of = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="signed_for_me"
    )
    content_hash = models.CharField(max_length=64)
    comment = models.TextField(blank=True)
    proofread = models.BooleanField(default=False)
    signed_at = models.DateTimeField(auto_now_add=True)
    voided_at = models.DateTimeField(null=True, blank=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["signed_at", "id"]
        constraints = [
            # Backstop for the row lock: one live signature per step of a draft.
            models.UniqueConstraint(
                fields=["draft", "step"],
                condition=Q(voided_at__isnull=True),
                name="one_live_signature_per_step",
            )
        ]

    @property
    def signer_display(self) -> str:
        """“X” or, for a stand-in, “X 代 Y”."""
        return f"{self.user} 代 {self.on_behalf_of}" if self.on_behalf_of_id else str(self.user)


class AuditKind(models.TextChoices):
    """Every kind of audit event, with the words a reader sees."""

    DRAFT_CREATED = "draft.created", _("Draft created")
    DRAFT_EDITED = "draft.edited", _("Edited (new version)")
    FINDING_APPLIED = "finding.applied", _("Suggestion applied (new version)")
    SIGNATURES_VOIDED = "signatures.voided", _("Signatures voided")
    DRAFT_SUBMITTED = "draft.submitted", _("Submitted for review")
    CHECK_COMPLETED = "check.completed", _("Typo check completed")
    CHECK_NEEDS_REVISION = "check.needs_revision", _("Check found problems")
    CHECK_FAILED = "check.failed", _("Check failed")
    FINDING_DISMISSED = "finding.dismissed", _("Finding dismissed")
    DISMISSAL_REQUESTED = "finding.dismissal_requested", _("Dismissal requested (needs the section head)")
    DISMISSAL_CONFIRMED = "finding.dismissal_confirmed", _("Dismissal confirmed by the section head")
    DISMISSAL_REJECTED = "finding.dismissal_rejected", _("Dismissal rejected by the section head")
    RESCAN_FOUND = "draft.rescan_found", _("Re-scan of the published text found problems")
    SIGNED = "review.signed", _("Signed")
    RETURNED = "review.returned", _("Returned")
    FINAL_CHECK_REQUESTED = "check.final_requested", _("Final check of key manuscript requested")
    FINAL_CHECK_PASSED = "check.final_passed", _("Final check passed")
    PUBLISHED = "draft.published", _("Published")
    WITHDRAWN = "draft.withdrawn", _("Withdrawn")
    CORRECTION_OPENED = "draft.correction_opened", _("Correction round opened")
    CORRECTED = "draft.corrected", _("Correction published")
    SCHEDULED = "draft.scheduled", _("Publication time set")
    UNSCHEDULED = "draft.unscheduled", _("Scheduled publication called back")
    MESSAGE_RECEIVED = "message.received", _("Netizen message received")
    MESSAGE_TRANSFERRED = "message.transferred", _("Netizen message transferred")
    MESSAGE_REPLIED = "message.replied", _("Netizen message reply drafted")
    COLUMN_STALE_WARNED = "column.stale_warned", _("Section reminded to update a column")
    STAND_IN_NAMED = "standin.named", _("Stand-in named")
    STAND_IN_REVOKED = "standin.revoked", _("Stand-in revoked")
    STEP_OVERDUE = "step.overdue", _("Signing step overdue (escalated)")


GENESIS_HASH = "0" * 64


class AuditEvent(models.Model):
    """An append-only record of a state change, chained to the event before it by a SHA-256 hash."""

    # PROTECT: a draft with an audit trail cannot be deleted (the database refuses it too).
    draft = models.ForeignKey(Draft, models.PROTECT, null=True, blank=True, related_name="audit_events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    event = models.CharField(max_length=64, choices=AuditKind.choices, db_index=True)
    version = models.PositiveIntegerField(null=True, blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True)
    # Set before the insert, not by the database: the hash covers it.
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # The event's place in the one global chain, the hash of the event before it, and its own hash.
    seq = models.PositiveBigIntegerField(null=True, unique=True)
    prev_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        # The audit list's filters and a draft's timeline, newest first, at a million events (bench/volume_bench.py).
        indexes = [
            models.Index(fields=["created_at", "id"], name="audit_time"),
            # The draft last, so person + section is answered from the index without reading each event (a key
            # column, not INCLUDE: SQLite has no INCLUDE).
            models.Index(fields=["actor", "created_at", "id", "draft"], name="audit_actor_time_draft"),
            models.Index(fields=["event", "created_at", "id"], name="audit_event_time"),
            models.Index(fields=["draft", "created_at", "id"], name="audit_draft_time"),
        ]


class AuditChain(models.Model):
    """The head of the audit chain (one row): the last event's place and hash; every append locks it."""

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)


class AuditVerification(models.Model):
    """One walk of the audit chain by verify_audit: when, how far it got, and the first fault it found."""

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    ok = models.BooleanField(default=False)
    events = models.PositiveBigIntegerField(default=0)
    fault_seq = models.PositiveBigIntegerField(null=True, blank=True)
    fault_event_id = models.PositiveBigIntegerField(null=True, blank=True)
    fault = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]


class Notification(models.Model):
    """An in-app message to one user: a step opened, a draft returned or published."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="notifications")
    draft = models.ForeignKey(Draft, models.CASCADE, null=True, blank=True, related_name="+")  # None: an office notice
    message = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # The email outbox: set with the notice in the service's transaction, cleared by the worker's sweep once it has
    # been sent (or its recipient has no address); a broker down at that moment loses nothing.
    email_pending = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["id"], condition=Q(email_pending=True), name="notification_email_pending")]


class DictionaryEntry(models.Model):
    """An organisation's own wording rule, passed to the checker as its lexicon."""

    class EntryKind(models.TextChoices):
        ALLOW = "allow", _("Never flag (term or name)")
        CONFUSION = "confusion", _("Extra confusion (wrong → right)")
        SENSITIVE = "sensitive", _("Sensitive or outdated formulation")

    unit = models.ForeignKey(Unit, models.CASCADE, related_name="dictionary")
    kind = models.CharField(_("kind"), max_length=16, choices=EntryKind.choices)
    term = models.CharField(_("term"), max_length=100)
    replacement = models.CharField(_("preferred wording"), max_length=100, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    proposed = models.BooleanField(
        _("proposed"),
        default=False,
        help_text=_("Proposed automatically from repeated dismissals; not applied until unticked."),
    )

    class Meta:
        verbose_name = _("dictionary entry")
        verbose_name_plural = _("dictionary entries")
        constraints = [models.UniqueConstraint(fields=["unit", "kind", "term"], name="dictionary_term_unique")]

    def __str__(self) -> str:
        return self.term


class SeenVersion(models.Model):
    """The version of a draft a person last opened; their next visit shows what changed since."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    draft = models.ForeignKey(Draft, models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    seen_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "draft"], name="one_seen_version_per_user_and_draft")]


# The inspection's organisation data live in their own module; re-exported here so that Django registers them.
from .inspection_models import AllowedLinkHost as AllowedLinkHost  # noqa: E402
from .inspection_models import LinkCheck as LinkCheck  # noqa: E402
from .inspection_models import NormativeOverride as NormativeOverride  # noqa: E402
from .inspection_models import Official as Official  # noqa: E402
from .inspection_models import OfficialTitle as OfficialTitle  # noqa: E402

# The office's own models live beside these; importing them here registers them with the app.
from .models_office import (  # noqa: E402, F401
    CalendarDay,
    ColumnSchedule,
    FreshnessNotice,
    NetizenMessage,
    ReferenceVersion,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)


class StepLimit(models.Model):
    """How many working days a signing level may stay open, per unit, optionally per column (default: 2)."""

    DEFAULT_DAYS = 2

    unit = models.ForeignKey(Unit, models.CASCADE, related_name="step_limits", verbose_name=_("unit"))
    column = models.CharField(_("column"), max_length=32, choices=Column.choices, blank=True)  # blank: every column
    step = models.CharField(_("step"), max_length=16, choices=Step.choices)
    working_days = models.PositiveSmallIntegerField(_("working days"), default=DEFAULT_DAYS)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "column", "step"], name="one_limit_per_unit_column_step"),
        ]
        verbose_name = _("step time limit")
        verbose_name_plural = _("step time limits")

    def __str__(self) -> str:
        return f"{self.unit} {self.column or '*'} {self.step}: {self.working_days}"


class DeadlineNotice(models.Model):
    """A reminder or escalation about one open level of one round; the unique row makes each happen once."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("reminder")
        ESCALATION = "escalation", _("escalation")

    draft = models.ForeignKey(Draft, models.CASCADE, related_name="deadline_notices")
    version = models.PositiveIntegerField()
    step = models.CharField(max_length=16, choices=Step.choices)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    due_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["draft", "version", "step", "kind", "due_at"], name="one_deadline_notice")
        ]


from .rescan_models import Rescan as Rescan  # noqa: E402
from .rescan_models import RescanFinding as RescanFinding  # noqa: E402
