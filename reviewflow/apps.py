from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewflowConfig(AppConfig):
    name = "reviewflow"
    verbose_name = _("Publication review")

    def ready(self) -> None:
        # Connect the re-scan triggers, token revocation and the reference copies' invalidation.
        from . import reference, rescan_triggers, tokens  # noqa: F401
