"""kenlm's binary form of the ARPA model: mapped into memory in well under a second where parsing the ARPA text takes
several, and it scores identically. kenlm's wheel ships no converter, so set-up compiles kenlm's own `build_binary`
once from the sdist of the installed kenlm version; where that cannot be done the checker keeps loading the ARPA."""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from checks.paths import cache_dir

# kenlm's query library without Boost or compression, as its own compile_query_only.sh builds it.
_SOURCE_DIRS = ("util/double-conversion", "util", "lm")
_FLAGS = ("-O2", "-DNDEBUG", "-DKENLM_MAX_ORDER=6", "-std=c++11")


class ConverterUnavailable(RuntimeError):
    """kenlm's build_binary could not be made on this machine (no compiler, no sdist, a failed compile)."""


def binary_path(arpa: Path) -> Path:
    """Return where the binary (probing hash table) form of an ARPA model lives."""
    return arpa.with_suffix(".klm")


def current_binary(arpa: Path) -> Path | None:
    """Return the binary form of the ARPA model if it exists and was made after the ARPA file, else None."""
    target = binary_path(arpa)
    try:
        return target if target.stat().st_mtime >= arpa.stat().st_mtime else None
    except FileNotFoundError:
        return None


def converter() -> Path:
    """Return kenlm's build_binary for the installed kenlm, compiling it once (cached); raise ConverterUnavailable."""
    version = importlib.metadata.version("kenlm")
    tool = cache_dir() / "tools" / f"kenlm-{version}-build_binary"
    if tool.exists():
        return tool
    compiler = os.environ.get("CXX") or shutil.which("g++") or shutil.which("c++")
    if not compiler:
        raise ConverterUnavailable("no C++ compiler (g++) on this machine")
    tool.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=tool.parent) as work:
        source = _kenlm_source(version, Path(work))
        units = [
            unit
            for folder in _SOURCE_DIRS
            for unit in sorted((source / folder).glob("*.cc"))
            if not unit.name.endswith(("test.cc", "main.cc"))
        ]
        flags = [*_FLAGS, f"-I{source}"]
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            objects = list(pool.map(lambda unit: _compile(compiler, flags, unit), units))
        built = Path(work) / "build_binary"
        _run([compiler, *flags, str(source / "lm" / "build_binary_main.cc"), *objects, "-o", str(built), "-lrt"])
        os.replace(built, tool)  # atomic: a concurrent set-up finds the whole tool or none
    return tool


def _kenlm_source(version: str, work: Path) -> Path:
    """Fetch the installed kenlm's sdist with pip (set-up time only) and unpack it; return its top directory."""
    pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", "kenlm"]
    offline_bound = ["--retries", "1", "--timeout", "30"]  # set-up without a registry falls back, it does not hang
    _run([*pip, *offline_bound, f"kenlm=={version}", "--dest", str(work)])
    archives = sorted(work.glob("kenlm-*.tar.gz"))
    if not archives:
        raise ConverterUnavailable(f"pip found no source archive of kenlm {version}")
    with tarfile.open(archives[0]) as archive:
        archive.extractall(work, filter="data")
    return work / archives[0].name.removesuffix(".tar.gz")


def _compile(compiler: str, flags: list[str], unit: Path) -> str:
    target = unit.with_suffix(".o")
    _run([compiler, *flags, "-c", str(unit), "-o", str(target)])
    return str(target)


def _run(command: list[str]) -> None:
    try:
        subprocess.run(command, check=True, capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError) as error:
        output = getattr(error, "stderr", "") or ""
        raise ConverterUnavailable(f"{command[0]} failed: {error}; {output.strip()[-500:]}") from error


def convert(arpa: Path, target: Path) -> Path:
    """Write the binary form of an ARPA model to target (atomically); raise ConverterUnavailable."""
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        _run([str(converter()), "probing", str(arpa), str(tmp)])
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def ensure_binary(arpa: Path, log: Callable[[str], object] = print) -> Path | None:
    """Make the binary form of the ARPA model unless it exists; return it, or None (logged) if it cannot be made."""
    if current := current_binary(arpa):
        return current
    target = binary_path(arpa)
    try:
        convert(arpa, target)
    except ConverterUnavailable as error:
        log(f"binary language model not built, the ARPA file will be loaded instead: {error}")
        return None
    log(f"built {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return target
