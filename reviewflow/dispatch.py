"""Background work a service asks for: sent to Celery by task name once the transaction commits.

Sending by name keeps imports one way (the tasks live in `workflow.tasks`). If the broker is down at that moment,
the request is still stored (a pending CheckRun), and the sweep in `workflow.tasks` sends it again within seconds
of the broker's return.
"""

from __future__ import annotations

import logging

from celery import current_app
from django.db import transaction

log = logging.getLogger(__name__)


def after_commit(task_name: str, *args: object) -> None:
    """Queue `task_name(*args)` when the current transaction commits; a broker failure is logged, not raised."""

    def send() -> None:
        try:
            current_app.send_task(task_name, args=args)
        except Exception as error:  # kombu raises its own OperationalError, redis its ConnectionError
            log.warning("could not queue %s%r (%s); the sweep will send it again", task_name, args, error)

    transaction.on_commit(send)
