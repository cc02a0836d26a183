from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewflowConfig(AppConfig):
    name = "reviewflow"
    verbose_name = _("Publication review")

    def ready(self) -> None:
        from . import rescan_triggers, tokens  # noqa: F401 (connect the re-scan triggers and token revocation)
