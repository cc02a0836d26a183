from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewflowConfig(AppConfig):
    name = "reviewflow"
    verbose_name = _("Publication review")

    def ready(self) -> None:
        from . import tokens  # noqa: F401 (connects the token revocation on password change)
