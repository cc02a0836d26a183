#!/usr/bin/env python3
"""One entry point for a fresh machine with only Python 3.11+: `python3 dev.py run`, `test` or `lint`.

It makes .venv, installs the pinned requirements when they change, builds the checker's language model
(cached), then runs the system or the tests. DATABASE_URL and REDIS_URL, when set, are used as they are;
otherwise SQLite and an embedded Redis are used.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
REQUIREMENTS = [ROOT / "requirements.txt", ROOT / "requirements-nodeps.txt"]
STAMP = VENV / ".requirements.sha256"


def _run(*args: str, **kwargs) -> None:
    print("+", " ".join(args), flush=True)
    subprocess.run(args, check=True, cwd=ROOT, **kwargs)


def ensure_environment() -> None:
    """Create the virtualenv and install the pinned requirements, unless they are already installed."""
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py itself may run on an older python3)
        sys.exit("ReviewFlow needs Python 3.11 or newer.")
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in REQUIREMENTS)).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != digest:
        _run(str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        _run(str(PYTHON), "-m", "pip", "install", "--quiet", "-r", "requirements.txt")
        _run(str(PYTHON), "-m", "pip", "install", "--quiet", "--no-deps", "-r", "requirements-nodeps.txt")
        STAMP.write_text(digest)
    _run(str(PYTHON), "-m", "checks.build")


def lint() -> int:
    """ruff (lint and format) and mypy, as CI runs them."""
    steps = [
        [str(PYTHON), "-m", "ruff", "check", "."],
        [str(PYTHON), "-m", "ruff", "format", "--check", "."],
        [str(PYTHON), "-m", "mypy", "."],
    ]
    failed = 0
    for step in steps:
        print("+", " ".join(step[1:]), flush=True)
        failed |= subprocess.call(step, cwd=ROOT)
    return failed


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "run"
    if command not in ("run", "test", "lint"):
        sys.exit("usage: python3 dev.py run | test [pytest arguments] | lint")
    ensure_environment()
    os.chdir(ROOT)
    if command == "lint":
        return lint()
    if command == "run":
        return subprocess.call([str(PYTHON), "manage.py", "rundemo", *argv[1:]])
    return subprocess.call([str(PYTHON), "-m", "pytest", *argv[1:]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
