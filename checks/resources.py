"""Load-once helper: heavy resources are built on first use, exactly once per process, under a lock."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Lazy(Generic[T]):
    """A resource computed by `loader` on first `get()`; concurrent first callers wait for one load."""

    def __init__(self, loader: Callable[[], T]) -> None:
        self._loader = loader
        self._lock = threading.Lock()
        self._value: T | None = None
        self._loaded = False

    def get(self) -> T:
        """Return the resource, loading it if this is the first call in the process."""
        if not self._loaded:
            with self._lock:
                if not self._loaded:
                    self._value = self._loader()
                    self._loaded = True
        return self._value  # type: ignore[return-value]

    @property
    def loaded(self) -> bool:
        """Whether the resource is already in memory."""
        return self._loaded


def lazy(loader: Callable[[], T]) -> Lazy[T]:
    """Decorator turning a zero-argument loader into a load-once resource."""
    return Lazy(loader)
