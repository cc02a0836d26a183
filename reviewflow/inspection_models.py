"""What the inspection checks need from the organisation: its officials and their titles, its changes to the base
list of normative expressions, the hosts it allows links to, and the one-day cache of link checks."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from checks.inspection import base_list


class Official(models.Model):
    """A leader of the unit as texts name them; precedence 1 is listed first."""

    unit = models.ForeignKey("reviewflow.Unit", models.CASCADE, related_name="officials", verbose_name=_("unit"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="official_records",
        verbose_name=_("user"),
    )
    name = models.CharField(_("full name"), max_length=20)
    precedence = models.PositiveSmallIntegerField(_("order of precedence"), help_text=_("1 is listed first."))

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        ordering = ["unit", "precedence", "name"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="official_name_unique")]

    def __str__(self) -> str:
        return self.name


class OfficialTitle(models.Model):
    """A title an official holds, or held until `ended_on`."""

    official = models.ForeignKey(Official, models.CASCADE, related_name="titles", verbose_name=_("official"))
    title = models.CharField(_("title held"), max_length=30)
    ended_on = models.DateField(
        _("ended on"), null=True, blank=True, help_text=_("Empty while the title is held; else the day it ended.")
    )

    class Meta:
        verbose_name = _("title held")
        verbose_name_plural = _("titles held")
        ordering = ["ended_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["official", "title"], condition=Q(ended_on__isnull=True), name="one_current_holding_of_a_title"
            )
        ]

    def __str__(self) -> str:
        return self.title


class NormativeOverride(models.Model):
    """A unit's change to the base list: an entry of its own, or a base entry switched off, with the reason."""

    class Action(models.TextChoices):
        ADD = "add", _("Add an entry")
        SWITCH_OFF = "off", _("Switch a base entry off")

    class Severity(models.TextChoices):
        ERROR = "error", _("Error")
        WARNING = "warning", _("Warning")
        INFO = "info", _("Info")

    unit = models.ForeignKey(
        "reviewflow.Unit", models.CASCADE, related_name="normative_overrides", verbose_name=_("unit")
    )
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    wrong = models.CharField(_("wrong or discouraged form"), max_length=100)
    preferred = models.CharField(_("preferred form"), max_length=100, blank=True)
    severity = models.CharField(_("severity"), max_length=8, choices=Severity.choices, default=Severity.WARNING)
    reason = models.CharField(_("reason"), max_length=300)
    base_version = models.CharField(_("base list version"), max_length=20, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, editable=False, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("normative list change")
        verbose_name_plural = _("normative list changes")
        constraints = [models.UniqueConstraint(fields=["unit", "wrong"], name="one_override_per_form")]

    def __str__(self) -> str:
        return self.wrong

    def clean(self) -> None:
        """Only a form on the base list can be switched off; an added entry says what to write instead."""
        on_base_list = any(e.wrong == self.wrong for e in base_list.get().entries)
        if self.action == self.Action.SWITCH_OFF and not on_base_list:
            raise ValidationError({"wrong": _("This form is not on the base list.")})
        if self.action == self.Action.ADD and not self.preferred:
            raise ValidationError({"preferred": _("Say what to write instead.")})


class AllowedLinkHost(models.Model):
    """A host the unit's links may point to even on a private address (its own intranet portal)."""

    unit = models.ForeignKey(
        "reviewflow.Unit", models.CASCADE, related_name="allowed_link_hosts", verbose_name=_("unit")
    )
    host = models.CharField(_("host"), max_length=253)
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        verbose_name = _("allowed link host")
        verbose_name_plural = _("allowed link hosts")
        constraints = [models.UniqueConstraint(fields=["unit", "host"], name="allowed_host_unique")]

    def __str__(self) -> str:
        return self.host

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.host = self.host.strip().lower().rstrip(".")
        super().save(*args, **kwargs)


class LinkCheck(models.Model):
    """The last time a URL was opened and what it gave; younger than a day, it is not opened again."""

    url = models.CharField(max_length=2000, unique=True)
    outcome = models.CharField(max_length=16)
    status = models.PositiveSmallIntegerField(null=True, blank=True)
    location = models.CharField(max_length=2000, blank=True)
    detail = models.CharField(max_length=300, blank=True)
    private = models.BooleanField(default=False)
    checked_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")

    def __str__(self) -> str:
        return self.url
