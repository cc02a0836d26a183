"""Test settings: the real database and Redis named by the environment, else embedded ones."""

import os

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory: the worker subprocess must see the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
    # Django empties SQLite tables with DELETE between transactional tests; PostgreSQL (TRUNCATE) keeps its guards.
    REVIEWFLOW_SQLITE_AUDIT_GUARDS = False
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("REVIEWFLOW_QUEUE", "reviewflow-test")
