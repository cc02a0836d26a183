"""gunicorn settings for ReviewFlow behind a reverse proxy (deploy/nginx.conf)."""

import os

bind = os.environ.get("REVIEWFLOW_BIND", "127.0.0.1:8000")
# Sync workers: each handles one request at a time with its own small database pool (REVIEWFLOW_DB_POOL_MAX).
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
worker_class = "sync"
timeout = 30
graceful_timeout = 20
# Recycle workers now and then so a slow leak can never grow without bound.
max_requests = 2000
max_requests_jitter = 200
# The proxy on this machine is the only client; it sets X-Forwarded-Proto and X-Forwarded-For.
forwarded_allow_ips = os.environ.get("REVIEWFLOW_PROXY_IPS", "127.0.0.1")
accesslog = None  # requests are logged as JSON by reviewflow.logs.RequestLogMiddleware
errorlog = "-"
