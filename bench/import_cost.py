"""Compare what `import pycorrector` (torch + transformers) costs with our checker's warm-up: seconds and RSS."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_MEASURE = r"""
import json, time, resource
started = time.perf_counter()
{body}
elapsed = time.perf_counter() - started
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": round(elapsed, 2), "peak_rss_mb": round(rss_mb, 1)}}))
"""
CASES = {
    "pycorrector (import only, torch+transformers)": ("/tmp/pcvenv/bin/python", "import pycorrector"),
    "pycorrector Corrector() (kenlm model not shipped)": (
        "/tmp/pcvenv/bin/python",
        "import pycorrector\ntry:\n    pycorrector.Corrector()\nexcept Exception as e:\n"
        "    print(type(e).__name__, str(e)[:120])",
    ),
    "checks.warm_up() (ours)": (str(ROOT / ".venv/bin/python"), "import checks\nchecks.warm_up()"),
}


def measure(python: str, body: str) -> str:
    """Run `body` in a fresh interpreter and return its timing line (or why it could not run)."""
    if not Path(python).exists():
        return f"interpreter {python} missing (see bench/README in the report: create /tmp/pcvenv)"
    done = subprocess.run(
        [python, "-c", _MEASURE.format(body=body)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return f"failed: {done.stderr.strip().splitlines()[-1:]}"
    result = json.loads(lines[-1])
    return f"{result['seconds']:.2f} s, peak RSS {result['peak_rss_mb']:.0f} MB"


def main() -> None:
    """Print one line per case: a first (colder) and a second (warm file cache) run."""
    for name, (python, body) in CASES.items():
        runs = [measure(python, body) for _ in range(2)]
        print(f"{name}: first run {runs[0]}; second run {runs[1]}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
