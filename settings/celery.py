"""The Celery app: configured from Django settings (CELERY_*), tasks found in installed apps."""

import os
import threading

from celery import Celery
from celery.signals import task_postrun, task_prerun, worker_init, worker_ready, worker_shutdown

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.base")

app = Celery("reviewflow")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["workflow"])

_heartbeat: list[threading.Event] = []


@worker_init.connect
def _warm_checker(**_kwargs) -> None:
    """Load the checker's resources once, before the pool forks and the first draft arrives.

    Prefork children inherit the loaded model copy-on-write (bench/worker_memory.py measures what they share)."""
    import checks

    checks.warm_up()


@worker_ready.connect
def _start_heartbeat(sender=None, **_kwargs) -> None:
    from reviewflow.health import start_heartbeat

    _heartbeat.append(start_heartbeat(getattr(sender, "hostname", None)))


@worker_shutdown.connect
def _stop_heartbeat(**_kwargs) -> None:
    for stop in _heartbeat:
        stop.set()


@task_prerun.connect
def _log_task_start(**kwargs) -> None:
    from reviewflow.logs import log_task_start

    log_task_start(**kwargs)


@task_postrun.connect
def _log_task_end(**kwargs) -> None:
    from reviewflow.logs import log_task_end

    log_task_end(**kwargs)


@task_postrun.connect
def _release_connections(**_kwargs) -> None:
    """After each task, as after each request: a connection goes back to its pool (or is closed without one), and
    one left unusable by an error is dropped."""
    from django.db import close_old_connections

    close_old_connections()
