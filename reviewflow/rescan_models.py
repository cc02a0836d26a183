"""Re-scans of published text: what triggered one, and the blocking findings it found that the item's own check did
not. Kept apart from CheckRun/Finding, which route a draft through its chain; a re-scan routes nothing."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rescan(models.Model):
    """One re-check of one published version for one trigger; the unique key makes the task run it once."""

    draft = models.ForeignKey("reviewflow.Draft", models.CASCADE, related_name="rescans")
    version = models.ForeignKey("reviewflow.DraftVersion", models.CASCADE, related_name="+")
    # What changed: "dictionary:<id>:<term>→<replacement>", "override:<id>:<action>:<form>", "rules:<base>|<model>".
    trigger = models.CharField(_("trigger"), max_length=240)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "trigger"], name="one_rescan_per_version_trigger")]
        ordering = ["-created_at", "-id"]


class RescanFinding(models.Model):
    """A blocking finding on published text that its own check did not report (or that was not dismissed)."""

    rescan = models.ForeignKey(Rescan, models.CASCADE, related_name="findings")
    field = models.CharField(max_length=8)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=200)
    suggestion = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=32)
    severity = models.CharField(max_length=16)
    message = models.CharField(max_length=300)
    rule = models.CharField(max_length=64)

    class Meta:
        ordering = ["field", "start", "rule"]
