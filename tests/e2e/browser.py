"""Helpers for the browser tests: a person's browser session, screenshots, the no-sideways-scroll check."""

from __future__ import annotations

import os
import re
from pathlib import Path

PASSWORD = "reviewflow-demo"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 375, "height": 740}


class Session:
    """One person's browser: their own cookies, a page per tab, every server error remembered."""

    def __init__(self, browser, base_url: str, viewport: dict):
        self.base_url = base_url
        self.context = browser.new_context(viewport=viewport, locale="zh-CN", base_url=base_url)
        self.context.set_default_timeout(15_000)
        self.server_errors: list[str] = []

    def new_page(self):
        page = self.context.new_page()
        page.on("response", lambda r: r.status >= 500 and self.server_errors.append(f"{r.status} {r.url}"))
        return page

    def log_in(self, username: str):
        page = self.new_page()
        page.goto("/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.click("main button[type=submit]")
        # Leaders land on 待我签批, everyone else on 我的稿件.
        page.wait_for_url(re.compile(r"/(drafts|inbox)/$"))
        return page


def screenshot(page, name: str) -> None:
    """Save the screen under docs/screenshots/ when REVIEWFLOW_SCREENSHOTS=1."""
    if os.environ.get("REVIEWFLOW_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def assert_fits(page) -> None:
    """Nothing sticks out sideways: the page is no wider than the window."""
    width, inner = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{page.url} is {width}px wide in a {inner}px window"
