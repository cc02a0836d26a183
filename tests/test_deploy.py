"""The production settings: `check --deploy` is clean, nothing insecure is inherited, static files are collected;
the health probe reports the database, the broker and the workers."""

from __future__ import annotations

import json
import logging
import os
import secrets
import subprocess
import sys

import pytest
from django.test import Client

from tests.conftest import ROOT
from tests.factories import wait_for


def prod_env(tmp_path, **overrides) -> dict:
    """A deployment's environment: what the operator sets, not whatever the test run happens to carry."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "DJANGO_SETTINGS_MODULE": "settings.prod",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "reviewflow.example.gov.cn",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/reviewflow",
        "REDIS_URL": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
        "REVIEWFLOW_VAR_DIR": str(tmp_path),
        **overrides,
    }
    return {name: value for name, value in env.items() if value is not None}


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_on_the_production_settings(tmp_path):
    result = manage(prod_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "overrides,named",
    [
        ({"SECRET_KEY": None}, "SECRET_KEY"),
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "reviewflow-insecure-development-key"}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS"),
        ({"REDIS_URL": None}, "REDIS_URL"),
    ],
)
def test_production_refuses_to_start_without_its_secrets(tmp_path, overrides, named):
    env = prod_env(tmp_path)
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    result = manage(env, "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and named in result.stderr


def test_production_pages_carry_hsts_csp_and_secure_cookies(tmp_path):
    probe = (
        "import json; from django.test import Client; from django.conf import settings; "
        "r = Client().get('/accounts/login/', secure=True, HTTP_HOST='reviewflow.example.gov.cn'); "
        "plain = Client().get('/accounts/login/', HTTP_HOST='reviewflow.example.gov.cn'); "
        "print(json.dumps({'status': r.status_code, 'csp': r.get('Content-Security-Policy', ''), "
        "'hsts': r.get('Strict-Transport-Security', ''), 'csrf_secure': settings.CSRF_COOKIE_SECURE, "
        "'session_secure': settings.SESSION_COOKIE_SECURE, 'validators': len(settings.AUTH_PASSWORD_VALIDATORS), "
        "'plain': plain.status_code, 'location': plain.get('Location', ''), "
        "'pool': 'pool' in settings.DATABASES['default'].get('OPTIONS', {})}))"
    )
    manage(prod_env(tmp_path), "collectstatic", "--noinput", "-v0")
    result = manage(prod_env(tmp_path), "shell", "-c", probe)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["status"] == 200
    assert "default-src 'self'" in seen["csp"] and "script-src 'self'" in seen["csp"]
    assert "frame-ancestors 'none'" in seen["csp"]
    assert seen["hsts"].startswith("max-age=31536000")
    assert seen["csrf_secure"] and seen["session_secure"] and seen["validators"] >= 4
    assert (seen["plain"], seen["location"]) == (301, "https://reviewflow.example.gov.cn/accounts/login/")
    assert seen["pool"] == (prod_env(tmp_path)["DATABASE_URL"].startswith("postgres"))


def test_collectstatic_writes_hashed_files_and_a_manifest(tmp_path):
    result = manage(prod_env(tmp_path), "collectstatic", "--noinput", "-v0")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["reviewflow/site.css"]
    assert hashed != "reviewflow/site.css" and (tmp_path / "static" / hashed).exists()
    assert (tmp_path / "static" / (hashed + ".gz")).exists()


# The health probe


@pytest.mark.django_db(transaction=True)
@pytest.mark.worker
def test_health_is_ok_when_the_database_broker_and_a_worker_answer(celery_worker):
    answer = wait_for(lambda: (r := Client().get("/health/")).status_code == 200 and r, timeout=30)
    body = answer.json()
    assert (body["database"], body["broker"]) == ("ok", "ok")
    assert body["workers"].startswith("ok: ")


@pytest.mark.django_db
def test_health_reports_no_worker_when_no_heartbeat_is_fresh(settings):
    settings.CELERY_TASK_DEFAULT_QUEUE = "reviewflow-nobody-listens"
    answer = Client().get("/health/")
    assert answer.status_code == 503
    assert answer.json()["workers"] == "down: no heartbeat"
    assert answer.json()["database"] == "ok"


@pytest.mark.django_db
def test_health_reports_the_broker_down(settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    answer = Client().get("/health/")
    assert answer.status_code == 503
    assert answer.json()["broker"].startswith("down: ")
    assert answer.json()["database"] == "ok"


# Structured logs


@pytest.mark.django_db
def test_each_request_is_logged_as_one_json_object(caplog):
    from reviewflow.logs import JsonFormatter

    with caplog.at_level(logging.INFO, logger="reviewflow.request"):
        Client().get("/api/v1/published/?x=1")
    (record,) = [r for r in caplog.records if r.name == "reviewflow.request"]
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["logger"] == "reviewflow.request" and entry["level"] == "INFO"
    assert (entry["method"], entry["path"], entry["status"], entry["user_id"]) == (
        "GET",
        "/api/v1/published/",
        200,
        None,
    )
    assert isinstance(entry["duration_ms"], float)


def test_a_logged_error_keeps_its_traceback_in_the_json():
    from reviewflow.logs import JsonFormatter

    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.getLogger("reviewflow").makeRecord(
            "reviewflow", logging.ERROR, __file__, 1, "failed %s", ("x",), sys.exc_info()
        )
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "failed x" and "ValueError: boom" in entry["exception"]
