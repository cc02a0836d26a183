"""The Celery app: configured from Django settings (CELERY_*), tasks found in installed apps."""

import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.base")

app = Celery("reviewflow")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["workflow"])


@worker_init.connect
def _warm_checker(**_kwargs) -> None:
    """Load the checker's resources once, before the pool forks and the first draft arrives."""
    import checks

    checks.warm_up()
