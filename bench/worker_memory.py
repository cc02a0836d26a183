"""Memory of a prefork check worker: the parent loads the checker before forking, two children share it.

    REDIS_URL=redis://… .venv/bin/python bench/worker_memory.py [--concurrency 2]

Starts `celery worker --pool=prefork --concurrency=N` on a queue of its own, waits until it answers a ping (the
checker is loaded in worker_init, before the fork) and prints per process RSS, USS (private) and PSS (shared pages
divided among the sharers), and their sums: the PSS sum is what the worker really costs; N processes each loading
the checker would cost about N × the parent's RSS. (Idle children: pages a check writes to are copied then.)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
QUEUE = "reviewflow-membench"
MB = 1024 * 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=2)
    args = parser.parse_args()
    if not os.environ.get("REDIS_URL"):
        sys.exit("Set REDIS_URL: the worker needs a broker.")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.base", "REVIEWFLOW_QUEUE": QUEUE}
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    from settings.celery import app

    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "settings",
            "worker",
            "-Q",
            f"{QUEUE}.checks",
            "-n",
            f"membench-{os.getpid()}@%h",
        ]
        + ["--pool=prefork", f"--concurrency={args.concurrency}", "--loglevel=WARNING"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        started = time.perf_counter()
        while not app.control.ping(timeout=1.0):
            if worker.poll() is not None:
                sys.exit("the worker exited")
            time.sleep(1)
        print(f"worker ready after {time.perf_counter() - started:.0f} s (checker loaded before the fork)")
        parent = psutil.Process(worker.pid)
        processes = [parent, *parent.children()]
        rows = []
        for process in processes:
            info = process.memory_full_info()
            rows.append((process.pid, info.rss, info.uss, info.pss))
        for pid, rss, uss, pss in rows:
            role = "parent" if pid == worker.pid else "child"
            print(f"{role:6s} pid {pid}: RSS {rss / MB:7.1f} MB  USS {uss / MB:7.1f} MB  PSS {pss / MB:7.1f} MB")
        total_rss = sum(r[1] for r in rows)
        total_pss = sum(r[3] for r in rows)
        print(
            f"together: PSS {total_pss / MB:.1f} MB (RSS summed {total_rss / MB:.1f} MB); "
            f"{args.concurrency} unshared loads would be about {args.concurrency * rows[0][1] / MB:.1f} MB"
        )
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
