"""The binary form of the language model scores exactly as the ARPA file it is made from, and the checker loads it."""

from __future__ import annotations

import os
import shutil
from itertools import product
from pathlib import Path

import kenlm
import pytest

from checks.lm import arpa, binary, scoring
from checks.lm.modelfile import model_path

SENTENCES = ["为切实做好今冬明春安全生产工作", "现将有关事项通知如下", "各单位要切实做好有关工作", "安全生产"] * 3
QUERIES = ["今冬明春", "安全生产工作", "有关事项", "做好有关通知", "未见过的字", "工", ""]


def _converter_or_skip() -> None:
    try:
        binary.converter()
    except binary.ConverterUnavailable as error:
        if "no C++ compiler" not in str(error):
            raise
        pytest.skip(f"kenlm's build_binary cannot be compiled here: {error}")


@pytest.fixture(scope="module")
def tiny_arpa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    probs, backoffs = arpa.estimate(arpa.count_ngrams(SENTENCES, 3))
    path = tmp_path_factory.mktemp("lm") / "tiny.arpa"
    with open(path, "w", encoding="utf-8") as out:
        arpa.write_arpa(out, probs, backoffs)
    return path


def test_binary_model_scores_exactly_like_the_arpa_it_was_made_from(tiny_arpa: Path) -> None:
    _converter_or_skip()
    made = binary.ensure_binary(tiny_arpa, log=lambda message: None)
    assert made == binary.binary_path(tiny_arpa) and made.read_bytes()[:4] != tiny_arpa.read_bytes()[:4]
    text_model, binary_model = kenlm.Model(str(tiny_arpa)), kenlm.Model(str(made))
    for query, (bos, eos) in product(QUERIES, product((True, False), repeat=2)):
        chars = " ".join(query)
        assert binary_model.score(chars, bos=bos, eos=eos) == text_model.score(chars, bos=bos, eos=eos)


def test_a_binary_older_than_its_arpa_is_not_used(tmp_path: Path) -> None:
    text = tmp_path / "model.arpa"
    text.write_text("\\data\\\n")
    made = binary.binary_path(text)
    made.write_bytes(b"mmap")
    os.utime(made, (0, 0))
    assert binary.current_binary(text) is None
    os.utime(made, None)
    assert binary.current_binary(text) == made


def test_without_a_converter_the_arpa_stays_the_model(tiny_arpa: Path, tmp_path: Path, monkeypatch) -> None:
    def unavailable() -> Path:
        raise binary.ConverterUnavailable("no C++ compiler (g++) on this machine")

    monkeypatch.setattr(binary, "converter", unavailable)
    text = shutil.copy(tiny_arpa, tmp_path / "other.arpa")
    messages: list[str] = []
    assert binary.ensure_binary(Path(text), log=messages.append) is None
    assert "ARPA file will be loaded instead" in messages[0] and not binary.binary_path(Path(text)).exists()


def test_the_checker_loads_the_binary_model_set_up_made() -> None:
    _converter_or_skip()
    made = binary.current_binary(model_path())
    assert made is not None, "set-up (python -m checks.build) should have made the binary model"
    assert scoring.model.get().path == str(made).encode()
