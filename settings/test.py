"""Test settings: the real database and Redis named by the environment, else embedded ones."""

import os

# Queues of their own (reviewflow-test, reviewflow-test.checks, ...), also for the worker subprocesses.
os.environ.setdefault("REVIEWFLOW_QUEUE", "reviewflow-test")

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory: the worker subprocess must see the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
    # Django empties SQLite tables with DELETE between transactional tests; PostgreSQL (TRUNCATE) keeps its guards.
    REVIEWFLOW_SQLITE_AUDIT_GUARDS = False
# Webhook retries in tests: quick backoff, few retries (the worker reads these settings too).
REVIEWFLOW_WEBHOOK_BACKOFF = float(os.environ.get("REVIEWFLOW_WEBHOOK_BACKOFF", "0.2"))
REVIEWFLOW_WEBHOOK_RETRIES = int(os.environ.get("REVIEWFLOW_WEBHOOK_RETRIES", "3"))
REVIEWFLOW_WEBHOOK_TIMEOUT = 5.0
