"""What starts a re-scan of published items: a saved dictionary confusion or sensitive/outdated formulation, or a
changed normative override (admin, API or shell alike). Sent after the commit; the task runs each item once per
trigger. The base list's and the checker's rules versions are watched by beat (workflow.rescan_on_new_rules)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .dispatch import after_commit
from .models import DictionaryEntry, NormativeOverride
from .services.rescan import dictionary_trigger, override_trigger


@receiver(post_save, sender=DictionaryEntry, dispatch_uid="rescan-on-dictionary")
def dictionary_saved(sender, instance: DictionaryEntry, **kwargs) -> None:
    """Only what can add findings re-scans: an applied confusion or sensitive entry, not an allowed term."""
    if instance.proposed or instance.kind == DictionaryEntry.EntryKind.ALLOW:
        return
    after_commit("workflow.rescan_published", instance.unit_id, dictionary_trigger(instance))


@receiver(post_save, sender=NormativeOverride, dispatch_uid="rescan-on-override-saved")
@receiver(post_delete, sender=NormativeOverride, dispatch_uid="rescan-on-override-deleted")
def override_changed(sender, instance: NormativeOverride, **kwargs) -> None:
    trigger = override_trigger(instance)
    if kwargs.get("signal") is post_delete:
        trigger = f"{trigger}:deleted"
    after_commit("workflow.rescan_published", instance.unit_id, trigger)
