"""The language model is built once and then reused; the corpus split keeps a held-out slice out of training."""

from __future__ import annotations

from itertools import islice

from checks.lm.builder import build_lm, model_path
from checks.lm.corpus import held_out_sentences, normalize, strip_tags, training_sentences


def test_build_is_idempotent_and_reports_the_cached_model() -> None:
    messages: list[str] = []
    path = build_lm(log=messages.append)
    assert path == model_path() and path.stat().st_size > 10_000_000
    assert messages and "up to date" in messages[0]


def test_tags_are_stripped_from_corpus_lines() -> None:
    assert strip_tags("中共中央/nt  总书记/n  [中央/n  电视台/n]nt  １２月/t") == "中共中央总书记中央电视台12月"


def test_normalize_keeps_length_and_chinese_punctuation() -> None:
    text = "２０２０年，ＡＢＣ。"
    assert normalize(text) == "2020年，ABC。" and len(normalize(text)) == len(text)


def test_held_out_sentences_are_not_trained_on() -> None:
    held_out = set(islice(held_out_sentences(), 200))
    trained_head = set(islice(training_sentences(), 3800))
    assert held_out and len(held_out & trained_head) < len(held_out) // 10


def test_dictionary_rows_become_running_text() -> None:
    from checks.lm.corpus import gloss_text

    assert gloss_text("晨星\t1.早晨见到的星。2.比喻人或物的数量少。\n") == "。早晨见到的星。。比喻人或物的数量少。"
    assert (
        gloss_text("一\t一\t0\t10000\t一\t一\tGGLL\t[yī]1.表示同一：咱们是~家人。\n") == "。。表示同一：咱们是一家人。"
    )
    assert gloss_text("一丝不苟\t6383\n") == "一丝不苟"
    assert gloss_text("一个巴掌\t拍不响\n") == "一个巴掌，拍不响"
