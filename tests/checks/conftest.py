"""Make sure the language model exists before any check runs (built once per machine, then cached)."""

from __future__ import annotations

import pytest

from checks.lm.builder import build_lm


@pytest.fixture(scope="session", autouse=True)
def language_model_built() -> None:
    """Build the character LM if this machine has never built it (about a minute), else reuse it."""
    build_lm(log=lambda message: None)
