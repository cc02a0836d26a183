"""The particle 著 of Taiwan and Hong Kong writing (随著, 看著, 拿著地图, 睡不著, 著急): mainland text writes 着 there
and keeps 著 for zhù (著名, 显著, 鲁迅著). The other regional forms (妳, 牠, 网路, 义大利) are plain entries of the
normative list (category `regional`); this one needs the words around it. A unit that writes 著 on purpose allows
the phrase in its dictionary."""

from __future__ import annotations

import re

from checks.findings import Finding
from checks.inspection.normative import NormativeEntry, finding_for
from checks.paths import jieba_entries
from checks.resources import lazy
from checks.spans import covered_positions
from checks.tagging import tag_at, tagger, token_at

WRONG, RIGHT = "著", "着"
ZHU = NormativeEntry(WRONG, RIGHT, "warning", "regional", "mainland-usage", "助词和“着急”“睡着”等词，大陆规范写作“着”")
# The longest 著- or 着-word looked for (吃不了兜着走).
LONGEST = 6
# jieba's dictionary lists a few 着-words at the floor count of 3 (着名 3 beside 著名 9342): a 着-word counts from this
# frequency on.
MIN_FREQ = 20
# Tags of the word before a lone 着 that make it the aspect particle: verbs and adjectives (拿着, 戴着, 忙着, 红着脸).
PARTICLE_AFTER_TAGS = ("v", "a")
# 著 before a measure word that makes a 这-word is 这 mistyped (same pinyin zhe: 看看著个句子), left to the typo layers,
# unless a word follows (随著时间, 睡著时候: 时间 and 时候, not 这时).
THIS_WORDS = frozenset("这个 这里 这些 这样 这么 这儿 这种 这次 这位 这件 这天 这边 这时".split())
_HAN = re.compile(r"[\u4e00-\u9fff]+")


@lazy
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """(words of two characters or more spelled with 著, spelled with 着) in jieba's dictionary, each only when it is
    likelier than its spelling with the other character: 著名 and 新著 are 著-words, 执著 and 意味著 are not (the
    2001 table of variant words settles 执著 on 执着)."""
    freq = {word: count for word, count in jieba_entries() if len(word) >= 2 and (WRONG in word or RIGHT in word)}
    zhu = {w for w, n in freq.items() if WRONG in w and n > freq.get(w.replace(WRONG, RIGHT), 0)}
    zhe = {w for w, n in freq.items() if RIGHT in w and n >= MIN_FREQ and n > freq.get(w.replace(RIGHT, WRONG), 0)}
    return frozenset(zhu), frozenset(zhe)


def _read_as_zhe(clause: str, i: int) -> bool:
    """Whether the tagger reads 着 at clause[i] inside a dictionary word (睡不着, 紧跟着) or alone after a verb or an
    adjective (拿着地图, 哭着说)."""
    tokens = tagger.get()(clause)
    n, _ = token_at(tokens, i)
    return n >= 0 and (len(tokens[n][0]) > 1 or tag_at(tokens, n - 1).startswith(PARTICLE_AFTER_TAGS))


def _word_follows(clause: str, i: int) -> bool:
    """Whether the tagger reads a word of two characters or more right after 着 at clause[i] (随着/时间, 睡着/时候),
    where 著 cannot be 这 before a measure word (看看/着/个/句子)."""
    tokens = tagger.get()(clause)
    n, start = token_at(tokens, i)
    return 0 <= n < len(tokens) - 1 and start + len(tokens[n][0]) == i + 1 and len(tokens[n + 1][0]) > 1


def find_regional_zhe(text: str) -> list[Finding]:
    """Flag 著 where mainland writing has 着: in a 着-word (随着, 睡不着, 着急), or alone after a verb or adjective;
    never inside a 著-word (著名, 显著, 编著), after a name (鲁迅著) or as 这 mistyped (看看著个)."""
    if WRONG not in text:
        return []
    zhu, zhe = _words.get()
    findings = []
    for clause in _HAN.finditer(text):
        written = clause.group()
        if WRONG not in written:
            continue
        as_zhe = written.replace(WRONG, RIGHT)
        in_zhu_word = covered_positions(written, zhu, LONGEST)
        in_zhe_word = covered_positions(as_zhe, zhe, LONGEST)
        for i, ch in enumerate(written):
            if ch != WRONG or i in in_zhu_word:
                continue
            if "这" + written[i + 1 : i + 2] in THIS_WORDS and not _word_follows(as_zhe, i):
                continue
            if i in in_zhe_word or _read_as_zhe(as_zhe, i):
                at = clause.start() + i
                findings.append(finding_for(ZHU, at, at + 1))
    return findings
