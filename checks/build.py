"""Entry point kept for set-up scripts: `python -m checks.build [--force]` builds the language model (checks.lm)."""

from __future__ import annotations

import sys

from checks.lm.builder import build_lm, main

__all__ = ["build_lm", "main"]

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
