"""The review's tests run on a fake checker: they test routing and findings, not the language model's thresholds."""

import pytest

from tests import fakes


@pytest.fixture(autouse=True)
def fake_checker(monkeypatch):
    fakes.install(monkeypatch)
