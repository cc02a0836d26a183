from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewflowConfig(AppConfig):
    name = "reviewflow"
    verbose_name = _("Publication review")
