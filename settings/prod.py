"""Production settings: secrets, hosts and services from the environment, nothing inherited that only suits a laptop.

Run behind a TLS-terminating reverse proxy that sets X-Forwarded-Proto (deploy/nginx.conf); see docs/deploy.md.
"""

import os
from typing import cast

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, INSTALLED_APPS, LOGGING, MIDDLEWARE


def _required(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(f"settings.prod needs {name} in the environment; there is no default in production.")
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
if SECRET_KEY == "reviewflow-insecure-development-key" or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be a random value of at least 50 characters, not the development key.")
ALLOWED_HOSTS = _required("ALLOWED_HOSTS").split(",")
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if not host.startswith(".")]
# No SQLite file and no embedded Redis in production.
_required("DATABASE_URL")
_required("REDIS_URL")

# Database: a psycopg connection pool per process (Django 5.1+), so a connection is reused but never left open
# per thread; size it so that web processes × max_size + workers stays under the server's max_connections.
# REVIEWFLOW_DB_POOL_MAX=0 turns pooling off (a connection per request, as in development).
_POOL_MAX = int(os.environ.get("REVIEWFLOW_DB_POOL_MAX", "4"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and _POOL_MAX > 0:
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # required with a pool: the pool decides how long a connection lives
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(os.environ.get("REVIEWFLOW_DB_POOL_MIN", "1")),
        "max_size": _POOL_MAX,
        "timeout": 10,
    }

# HTTPS: the proxy terminates TLS and says so in X-Forwarded-Proto; everything else is redirected to https.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("REVIEWFLOW_SSL_REDIRECT", "1") == "1"
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # the load balancer probes over plain HTTP
SECURE_HSTS_SECONDS = 365 * 24 * 3600
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): our own scripts and styles only, no inline code, no framing.
INSTALLED_APPS = [*INSTALLED_APPS, "csp"]
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "csp.middleware.CSPMiddleware")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Static files: `manage.py collectstatic` once per release; whitenoise serves the hashed names with a far expiry.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "reviewflow.storage.StaticStorage"},
}
WHITENOISE_USE_FINDERS = False

# django-axes sees the client's address through the one proxy in front of us.
AXES_IPWARE_PROXY_COUNT = 1
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# Logs: one JSON object per line on stderr, requests and tasks included; the worker keeps this configuration.
LOGGING = {
    **LOGGING,
    "root": {"handlers": ["json"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        **cast(dict, LOGGING["loggers"]),
        "reviewflow.request": {"level": "INFO"},
        "reviewflow.task": {"level": "INFO"},
    },
}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
