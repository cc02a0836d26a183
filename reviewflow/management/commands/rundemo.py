"""Run the whole system on one machine: database, embedded Redis, a Celery worker and the web server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from reviewflow.embedded import start_redis


class Command(BaseCommand):
    help = (
        "Migrate, seed the demo organisation, start Redis (embedded unless REDIS_URL is set), a worker and the web UI."
    )

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000")

    def handle(self, *args, addr: str, **options):
        # A plain `kill` must stop the worker and Redis too, not only this process.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed_demo")
        redis = None
        if not os.environ.get("REDIS_URL"):
            redis = start_redis(settings.EMBEDDED_REDIS_SOCKET)
            self.stdout.write(f"Embedded Redis on {settings.EMBEDDED_REDIS_SOCKET}")
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "settings",
                "worker",
                "--beat",
                "--pool=solo",
                "--loglevel=INFO",
                "--schedule",
                str(settings.VAR_DIR / "celerybeat-schedule"),
            ],
            env={**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "settings.base")},
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"ReviewFlow on http://{addr}/ — log in as drafter, section_head, deputy, head or admin "
                "(password reviewflow-demo)"
            )
        )
        try:
            call_command("runserver", addr, use_reloader=False)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
            if redis is not None:
                redis.terminate()
