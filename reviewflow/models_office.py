"""Office realities: the calendar's overrides, column freshness, netizen messages, webhooks and their deliveries."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Channel, Column, Draft, Section, Unit


class CalendarDay(models.Model):
    """An administrator's answer for one date: a holiday or 调休 working day the calendar package does not know."""

    day = models.DateField(_("date"), unique=True)
    working = models.BooleanField(_("working day"))
    note = models.CharField(_("note"), max_length=100, blank=True)

    class Meta:
        ordering = ["day"]
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")

    def __str__(self) -> str:
        return f"{self.day} {self.note}"


class ReferenceVersion(models.Model):
    """One row whose token changes with every change to the tables processes keep copies of (`reviewflow.reference`)."""

    token = models.CharField(max_length=32)


class ColumnSchedule(models.Model):
    """A column on a channel that a section must update at least every `interval_days` days (seed 四(二))."""

    section = models.ForeignKey(
        Section, models.CASCADE, related_name="column_schedules", verbose_name=_("responsible section")
    )
    column = models.CharField(_("column"), max_length=32, choices=Column.choices)
    channel = models.CharField(_("channel"), max_length=32, choices=Channel.choices)
    interval_days = models.PositiveIntegerField(_("update at least every (days)"))
    created_at = models.DateTimeField(auto_now_add=True)
    # When the freshness sweep last looked at this column.
    checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)

    class Meta:
        ordering = ["section", "column", "channel"]
        verbose_name = _("column update schedule")
        verbose_name_plural = _("column update schedules")
        constraints = [
            models.UniqueConstraint(fields=["section", "column", "channel"], name="one_schedule_per_section_column"),
            models.CheckConstraint(condition=models.Q(interval_days__gte=1), name="schedule_interval_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.section.name} · {self.get_column_display()} · {self.get_channel_display()}"

    @property
    def interval(self) -> timedelta:
        return timedelta(days=self.interval_days)


class FreshnessNotice(models.Model):
    """The responsible section was told that a column falls due on `due_at`; once per due date."""

    schedule = models.ForeignKey(ColumnSchedule, models.CASCADE, related_name="notices")
    due_at = models.DateTimeField()
    notified_at = models.DateTimeField(auto_now_add=True)
    recipients = models.JSONField(default=list)

    class Meta:
        ordering = ["-notified_at"]
        constraints = [models.UniqueConstraint(fields=["schedule", "due_at"], name="one_notice_per_schedule_due")]


class NetizenMessage(models.Model):
    """A message from the public (网民留言): transferred within 1 working day, replied to within 3 (seed 四(四))."""

    class Source(models.TextChoices):
        STAFF = "staff", _("Recorded by staff")
        API = "api", _("Received through the API")

    unit = models.ForeignKey(Unit, models.CASCADE, related_name="messages", verbose_name=_("unit"))
    author_name = models.CharField(_("author"), max_length=100, blank=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("recorded by")
    )
    received_at = models.DateTimeField(_("received at"))
    # Both clocks are fixed at arrival, on the working-day calendar.
    transfer_due = models.DateTimeField(_("transfer due"))
    reply_due = models.DateTimeField(_("reply due"))
    due_estimated = models.BooleanField(default=False)
    section = models.ForeignKey(
        Section, models.PROTECT, null=True, blank=True, related_name="messages", verbose_name=_("section")
    )
    transferred_at = models.DateTimeField(_("transferred at"), null=True, blank=True)
    transferred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    reply = models.OneToOneField(
        Draft, models.PROTECT, null=True, blank=True, related_name="answered_message", verbose_name=_("reply")
    )

    class Meta:
        ordering = ["reply_due", "pk"]
        verbose_name = _("netizen message")
        verbose_name_plural = _("netizen messages")
        permissions = [("transfer_netizenmessage", _("Can transfer netizen messages to a section"))]

    def __str__(self) -> str:
        return self.subject

    @property
    def replied_at(self) -> datetime | None:
        """A message is answered when its reply is published, after the same check and chain as any item."""
        return self.reply.published_at if self.reply is not None else None


class WebhookEndpoint(models.Model):
    """A receiver (the website CMS, the new-media publisher) told about a unit's publications."""

    class Event(models.TextChoices):
        PUBLISHED = "published", _("Published")
        CORRECTED = "corrected", _("Corrected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    unit = models.ForeignKey(Unit, models.CASCADE, related_name="webhooks", verbose_name=_("unit"))
    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(
        _("signing secret"), max_length=200, help_text=_("Shared with the receiver (HMAC-SHA256).")
    )
    events = models.JSONField(_("events"), default=list, blank=True, help_text=_("Empty: every event."))
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self) -> str:
        return self.name

    def wants(self, event: str) -> bool:
        return self.active and (not self.events or event in self.events)


class WebhookDelivery(models.Model):
    """One event for one endpoint; retried with backoff until it is delivered or the retries run out."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    endpoint = models.ForeignKey(WebhookEndpoint, models.CASCADE, related_name="deliveries")
    draft = models.ForeignKey(Draft, models.SET_NULL, null=True, blank=True, related_name="+")
    event = models.CharField(max_length=16, choices=WebhookEndpoint.Event.choices)
    payload = models.JSONField()
    state = models.CharField(max_length=16, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")


class WebhookAttempt(models.Model):
    """One HTTP attempt of a delivery: what the receiver answered, or the error, and how long it took."""

    delivery = models.ForeignKey(WebhookDelivery, models.CASCADE, related_name="attempts")
    number = models.PositiveIntegerField()
    status_code = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    duration_ms = models.PositiveIntegerField()
    attempted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["delivery", "number"]
        constraints = [models.UniqueConstraint(fields=["delivery", "number"], name="one_attempt_number_per_delivery")]

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
