"""The port through which services move the process engine; the workflow app plugs into it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .models import CheckRun, Draft


class ReviewEngine(Protocol):
    def start(self, draft: Draft, check_run: CheckRun) -> None:
        """Open a review round for the draft and have its check run."""

    def advance(self, draft: Draft) -> None:
        """Complete the draft's open step; the flow routes by the draft's new status."""


_engine: ReviewEngine | None = None


def register(engine: ReviewEngine) -> None:
    global _engine
    _engine = engine


def get() -> ReviewEngine:
    if _engine is None:
        raise RuntimeError("No review engine registered: is the 'workflow' app installed?")
    return _engine
