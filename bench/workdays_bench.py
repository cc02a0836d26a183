"""How fast the working-day calendar answers: deadlines from the package's years and from estimated years.

Run: .venv/bin/python bench/workdays_bench.py   (no database: the override table is given as empty)
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.base")

import django

django.setup()

from reviewflow.workdays import Calendar  # noqa: E402


def measure(label: str, first: date, days: int, n: int) -> None:
    calendar = Calendar(overrides={})
    starts = [first + timedelta(days=i) for i in range(days)]
    calendar.add_working_days(starts[0], n)  # warm the lunar cache
    began = time.perf_counter()
    for start in starts:
        calendar.add_working_days(start, n)
    elapsed = time.perf_counter() - began
    print(
        f"{label}: {days} deadlines of {n} working days in {elapsed * 1000:.1f} ms ({days / elapsed:,.0f} per second)"
    )


if __name__ == "__main__":
    measure("2026 (chinese-calendar)", date(2026, 1, 1), 365, 3)
    measure("2027 (estimated)", date(2027, 1, 1), 365, 3)
    measure("2026 (chinese-calendar), 20-day limits", date(2026, 1, 1), 365, 20)
