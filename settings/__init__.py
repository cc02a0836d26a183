"""Project settings package: base, test, prod; the Celery app lives in settings.celery."""

from .celery import app as celery_app

__all__ = ("celery_app",)
