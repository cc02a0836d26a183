"""The cost of the "changes since you last read" diff on adversarial edits up to 50,000 characters; prints timings.

.venv/bin/python bench/diff_bench.py
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def two_letters(length: int, seed: int, line_every: int = 0) -> str:
    rng = random.Random(seed)
    text = "".join(rng.choice("的地") for _ in range(length))
    if line_every:
        text = "\n".join(text[i : i + line_every] for i in range(0, length, line_every))
    return text


def lines_of(count: int, kinds: int, seed: int) -> str:
    """Short lines drawn from a few kinds: each too rare to be junk, too common to be a cheap anchor."""
    rng = random.Random(seed)
    return "".join(f"第{rng.randrange(kinds)}条\n" for _ in range(count))


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from reviewflow.display.text import REPLACED, text_changes

    body = "".join(f"区政务服务管理局召开第{n}次政务公开工作会议。\n" for n in range(2000))
    cases = {
        "50,000 chars, two letters, rewritten": (two_letters(50_000, 1), two_letters(50_000, 2)),
        "50,000 chars, one-char lines, rewritten": (two_letters(50_000, 1, 1), two_letters(50_000, 2, 1)),
        "20,000 chars, lines of 40, rewritten": (two_letters(20_000, 1, 40), two_letters(20_000, 2, 40)),
        "8,000 chars, one line, rewritten": (two_letters(8_000, 1), two_letters(8_000, 2)),
        "2 × 4,000 chars, lines of 20": (two_letters(4_000, 3, 20), two_letters(4_000, 4, 20)),
        "3,000 lines of 100 kinds, rewritten": (lines_of(3000, 100, 1), lines_of(3000, 100, 2)),
        "25,000 lines of 300 kinds, rewritten": (lines_of(25_000, 300, 1), lines_of(25_000, 300, 2)),
        "2,000 lines, 4 characters inserted": (body, body[:25_000] + "研究部署" + body[25_000:]),
        "2,000 lines, every 100th line edited": (
            body,
            "".join(
                line.replace("会议", "大会") if n % 100 == 0 else line for n, line in enumerate(body.splitlines(True))
            ),
        ),
    }
    for name, (old, new) in cases.items():
        started = time.perf_counter()
        changes = text_changes(old, new)
        elapsed = (time.perf_counter() - started) * 1000
        shown = "text replaced note" if changes == REPLACED else f"{len(changes)} pieces"
        print(f"{name:42s} {elapsed:8.1f} ms  → {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
