"""Structured logs: one JSON object per line for requests and tasks; refused requests logged without a traceback."""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime

request_log = logging.getLogger("reviewflow.request")
task_log = logging.getLogger("reviewflow.task")

# Attributes every LogRecord has; anything else was passed in `extra=` and goes into the JSON object.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """{"time", "level", "logger", "message", ...extra fields, "exception"} on one line."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, value in vars(record).items():
            if name not in _STANDARD and not name.startswith("_"):
                entry[name] = value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class QuietForbidden(logging.Filter):
    """A 403, a refused CSRF token or a bad Host header is the rules working: keep the line, drop the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403 or record.name.startswith("django.security"):
            record.exc_info = None
            record.exc_text = None
        return True


class RequestLogMiddleware:
    """One line per request: method, path, status, duration and who asked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        request_log.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            },
        )
        return response


def log_task_start(task_id=None, task=None, **_kwargs) -> None:
    task.request.__dict__["_reviewflow_started"] = time.perf_counter()
    task_log.info("task %s started", task.name, extra={"task": task.name, "task_id": task_id, "state": "started"})


def log_task_end(task_id=None, task=None, state=None, **_kwargs) -> None:
    started = task.request.__dict__.get("_reviewflow_started")
    duration = round((time.perf_counter() - started) * 1000, 1) if started else None
    task_log.info(
        "task %s %s",
        task.name,
        state,
        extra={"task": task.name, "task_id": task_id, "state": state, "duration_ms": duration},
    )
