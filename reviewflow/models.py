"""The organisation, drafts and their versions, checks, signatures and the audit trail."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="section_name_unique")]

    def __str__(self) -> str:
        return f"{self.unit} / {self.name}"


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
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def is_auditor(self) -> bool:
        """Administrators and holders of the audit permission read every draft and the audit trail."""
        return self.is_superuser or self.has_perm("reviewflow.view_auditevent")


class Step(models.TextChoices):
    DRAFTER = "drafter", _("Drafter")
    SECTION_HEAD = "section_head", _("Section head")
    DEPUTY = "deputy", _("Deputy leader in charge")
    HEAD = "head", _("Principal leader")


SIGNING_ORDER = [Step.DRAFTER, Step.SECTION_HEAD, Step.DEPUTY, Step.HEAD]
# The Draft field that holds each step's signer.
STEP_FIELD = {Step.DRAFTER: "drafter", Step.SECTION_HEAD: "section_head", Step.DEPUTY: "deputy", Step.HEAD: "head"}


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CHECKING = "checking", _("Checking")
    NEEDS_REVISION = "needs_revision", _("Needs revision")
    AWAITING_SECTION_HEAD = "awaiting_section_head", _("Awaiting section head")
    AWAITING_DEPUTY = "awaiting_deputy", _("Awaiting deputy leader")
    AWAITING_HEAD = "awaiting_head", _("Awaiting principal leader")
    PUBLISHED = "published", _("Published")
    RETURNED = "returned", _("Returned")
    WITHDRAWN = "withdrawn", _("Withdrawn")


EDITABLE_STATUSES = {Status.DRAFT, Status.NEEDS_REVISION, Status.RETURNED}
AWAITING_STEP = {
    Status.AWAITING_SECTION_HEAD: Step.SECTION_HEAD,
    Status.AWAITING_DEPUTY: Step.DEPUTY,
    Status.AWAITING_HEAD: Step.HEAD,
}


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
    # The signing chain, fixed when the draft is submitted.
    section_head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    deputy = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    head = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    # The check this draft waits for while it is `checking`.
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
    published_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")
        indexes = [models.Index(fields=["status", "status_changed_at"])]

    def __str__(self) -> str:
        return self.title

    def assignee(self, step: str):
        """The user who holds `step` in this draft's chain."""
        return getattr(self, STEP_FIELD[step])

    def assignee_id(self, step: str) -> int | None:
        return getattr(self, f"{STEP_FIELD[step]}_id")

    def may_withdraw(self, user) -> bool:
        """Only the principal leader of the chain or an administrator takes a published item down."""
        return user.is_superuser or user.pk == self.head_id

    @property
    def open_step(self) -> str | None:
        return AWAITING_STEP.get(self.status)

    @property
    def holder(self):
        """Who must act next: a signer, the drafter, or nobody."""
        if self.open_step:
            return self.assignee(self.open_step)
        if self.status in EDITABLE_STATUSES:
            return self.drafter
        return None


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
    error = models.TextField(blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "purpose"], name="one_check_per_version_purpose")]


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

    class Meta:
        ordering = ["field", "start", "end", "rule"]

    @property
    def dismissed(self) -> bool:
        return self.dismissed_at is not None

    @property
    def blocking(self) -> bool:
        return self.severity in ("error", "warning") and not self.dismissed


class Signature(models.Model):
    """A signer's approval of the exact content hash they read; a new version voids it."""

    # PROTECT: a draft that has been signed is evidence and cannot be deleted.
    draft = models.ForeignKey(Draft, models.PROTECT, related_name="signatures")
    version = models.ForeignKey(DraftVersion, models.PROTECT, related_name="signatures")
    step = models.CharField(max_length=16, choices=Step.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="signatures")
    content_hash = models.CharField(max_length=64)
    comment = models.TextField(blank=True)
    proofread = models.BooleanField(default=False)
    signed_at = models.DateTimeField(auto_now_add=True)
    voided_at = models.DateTimeField(null=True, blank=True)

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
    event = models.CharField(max_length=64, db_index=True)
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
    draft = models.ForeignKey(Draft, models.CASCADE, related_name="+")
    message = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]


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
