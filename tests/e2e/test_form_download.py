"""The 审签单 in a real browser: the drafter opens and downloads it; a visitor downloads the public one."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import screenshot
from tests.factories import SIGNERS, demo_org, fully_signed, pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_the_drafter_downloads_the_review_form_and_a_visitor_the_public_one(people):
    item = fully_signed(demo_org())
    drafter = people().log_in("drafter")
    drafter.goto(f"/drafts/{item.pk}/")
    drafter.click("#review-form")
    expect(drafter.locator("h1")).to_have_text("信息发布审核表（审签单）")
    expect(drafter.locator("#form-signers tbody tr")).to_have_count(4)
    expect(drafter.locator("#form-hash")).to_have_text(item.content_hash)
    screenshot(drafter, "12-review-form")
    with drafter.expect_download() as download_info:
        drafter.click("#form-pdf")
    download = download_info.value
    assert download.suggested_filename == f"review-form-{item.pk}.pdf"
    text = pdf_text(Path(download.path()).read_bytes())
    assert all(name in text for name in SIGNERS) and item.content_hash in text

    visitor = people().new_page()
    visitor.goto(f"/public/{item.pk}/")
    expect(visitor.locator("#content-hash")).to_have_text(item.content_hash)
    with visitor.expect_download() as download_info:
        visitor.click("#public-form-pdf")
    text = pdf_text(Path(download_info.value.path()).read_bytes())
    assert "赵局长" in text and item.content_hash in text
