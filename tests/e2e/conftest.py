"""Browser tests: Debian's Chromium driven by Playwright against the live server, with the real Celery worker."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.e2e.browser import CHROMIUM_ARGS, DESKTOP, Session


def _chromium() -> str | None:
    return shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)


def _unavailable(reason: str):
    """Skip without a browser, unless CI demands one (REVIEWFLOW_REQUIRE_BROWSER=1): then fail."""
    if os.environ.get("REVIEWFLOW_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (REVIEWFLOW_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    executable = _chromium()
    if executable is None:
        _unavailable("no Chromium found: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    # Playwright's sync API runs an event loop in this thread, which trips Django's async-safety check: allow it
    # while the browser runs, and only then (a process started by other tests must not inherit it).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def people(browser, live_server, celery_worker):
    """Opens a browser session per person; at the end, no page may have answered with a server error."""
    sessions: list[Session] = []

    def open_session(viewport: dict = DESKTOP) -> Session:
        session = Session(browser, live_server.url, viewport)
        sessions.append(session)
        return session

    yield open_session
    errors = [error for session in sessions for error in session.server_errors]
    for session in sessions:
        session.context.close()
    assert errors == []
