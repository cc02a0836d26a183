"""Leaders' names, titles and order of precedence: a known name written with a sound-alike or look-alike
character, a name paired with a title the person does not hold, several leaders listed out of order."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from pypinyin import Style, pinyin

from checks.findings import Finding, Lexicon
from checks.paths import pycorrector_data
from checks.resources import lazy

# Titles recognised next to a name even when no official of the unit holds them (so that a wrong one is seen).
COMMON_TITLES = (
    "书记 副书记 党组书记 党组副书记 党组成员 党委书记 党委副书记 党委委员 纪检组长 纪委书记 "
    "局长 副局长 主任 副主任 常务副主任 区长 副区长 常务副区长 县长 副县长 常务副县长 市长 副市长 常务副市长 "
    "镇长 副镇长 乡长 副乡长 部长 副部长 主席 副主席 股长 副股长 科长 副科长 处长 副处长 "
    "调研员 一级调研员 二级调研员 三级调研员 四级调研员 主任科员 总经济师 总工程师 秘书长 副秘书长"
).split()
TITLE_JOINERS = "、"
LIST_SEPARATORS = "、，, "
_FULL_DATE = re.compile(r"(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})")
_SENTENCE_END = "。！？；\n"


@dataclass(frozen=True)
class FormerTitle:
    """A title the official held until `ended` (the day the change took effect)."""

    title: str
    ended: date


@dataclass(frozen=True)
class Official:
    """A leader of the unit: name, current titles, former titles, place in the order of precedence (1 first)."""

    name: str
    titles: tuple[str, ...]
    precedence: int
    former: tuple[FormerTitle, ...] = ()

    def holds(self, title: str) -> bool:
        """Whether a title as written names one of the current titles (书记 for 党组书记, not 局长 for 副局长)."""
        return any(_names(held, title) for held in self.titles)

    def held_until(self, title: str) -> date | None:
        ended = [f.ended for f in self.former if _names(f.title, title)]
        return max(ended) if ended else None


def _names(held: str, written: str) -> bool:
    return held == written or (held.endswith(written) and not held[: -len(written)].endswith("副"))


@dataclass(frozen=True)
class _Mention:
    official: Official
    start: int
    end: int


# --- similar characters ----------------------------------------------------------------------------------------


@lazy
def _look_and_sound_alikes() -> dict[str, frozenset[str]]:
    """{char: chars that look or sound alike} from pycorrector's shipped same-pinyin and same-stroke lists."""
    alikes: dict[str, set[str]] = defaultdict(set)
    with open(pycorrector_data("same_pinyin.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            char, *columns = line.rstrip("\n").split("\t")
            for other in "".join(columns):
                alikes[char].add(other)
                alikes[other].add(char)
    with open(pycorrector_data("same_stroke.txt"), encoding="utf-8") as f:
        for line in f:
            group = line.split()
            for char in group:
                alikes[char].update(c for c in group if c != char)
    return {char: frozenset(others) for char, others in alikes.items()}


def _sounds(char: str) -> set[str]:
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return set(found[0]) if found else set()


def similar(written: str, meant: str) -> bool:
    """Whether `written` is a character a writer plausibly typed for `meant` (same sound, or listed alike)."""
    if written == meant or not _is_han(written):
        return False
    return written in _look_and_sound_alikes.get().get(meant, frozenset()) or bool(_sounds(written) & _sounds(meant))


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


# --- titles next to names --------------------------------------------------------------------------------------


def _title_vocabulary(officials: tuple[Official, ...]) -> list[str]:
    titles = set(COMMON_TITLES)
    for official in officials:
        titles.update(official.titles)
        titles.update(f.title for f in official.former)
    return sorted(titles, key=len, reverse=True)


def _title_after(text: str, at: int, vocabulary: list[str]) -> tuple[int, int] | None:
    for title in vocabulary:
        if text.startswith(title, at):
            return at, at + len(title)
    return None


def _titles_before(text: str, at: int, vocabulary: list[str]) -> list[tuple[int, int]]:
    """Titles written right before a name, following 、 joins backwards: 党组书记、局长王华."""
    spans: list[tuple[int, int]] = []
    while True:
        title = next((t for t in vocabulary if text.endswith(t, 0, at)), None)
        if title is None:
            return spans
        spans.append((at - len(title), at))
        at -= len(title)
        if at == 0 or text[at - 1] not in TITLE_JOINERS:
            return spans
        at -= 1


# --- the check -------------------------------------------------------------------------------------------------


def find_official_errors(text: str, lexicon: Lexicon, today: date | None = None) -> list[Finding]:
    """Every name, title and order-of-precedence error about the unit's officials."""
    officials = lexicon.officials
    if not officials:
        return []
    vocabulary = _title_vocabulary(officials)
    mentions = _mentions(text, officials)
    findings = _misspelt_names(text, officials, mentions, vocabulary)
    for mention in mentions:
        findings.extend(_wrong_titles(text, mention, vocabulary, today or date.today()))
    findings.extend(_out_of_order(text, mentions, vocabulary))
    return findings


def _mentions(text: str, officials: tuple[Official, ...]) -> list[_Mention]:
    names = {o.name: o for o in officials if o.name}
    if not names:
        return []
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    return [_Mention(names[m.group()], m.start(), m.end()) for m in pattern.finditer(text)]


def _misspelt_names(
    text: str, officials: tuple[Official, ...], mentions: list[_Mention], vocabulary: list[str]
) -> list[Finding]:
    known = {o.name for o in officials}
    taken = [(m.start, m.end) for m in mentions]
    findings: dict[int, Finding] = {}
    for official in officials:
        name = official.name
        for i in range(len(name)):
            pattern = re.compile(re.escape(name[:i]) + "(.)" + re.escape(name[i + 1 :]))
            for match in pattern.finditer(text):
                start, end = match.start(), match.end()
                written = match.group()
                if written in known or not similar(match.group(1), name[i]):
                    continue
                if any(start < e and s < end for s, e in taken) or start in findings:
                    continue
                beside_title = bool(_title_after(text, end, [*vocabulary, "同志"])) or bool(
                    _titles_before(text, start, vocabulary)
                )
                # A two-character near-name, or one whose surname differs, is an ordinary word unless a title is next.
                if not beside_title and (len(name) < 3 or i == 0):
                    continue
                findings[start] = Finding(
                    start=start,
                    end=end,
                    rule="inspection.leader.name",
                    text=written,
                    suggestion=name,
                    kind="leader",
                    severity="error",
                    message=f"领导姓名疑似写错：“{written}”应为“{name}”",
                )
    return list(findings.values())


def _wrong_titles(text: str, mention: _Mention, vocabulary: list[str], today: date) -> list[Finding]:
    official = mention.official
    spans = _titles_before(text, mention.start, vocabulary)
    after = _title_after(text, mention.end, vocabulary)
    if after:
        spans.append(after)
    findings = []
    current = "、".join(official.titles) or "（无）"
    for start, end in spans:
        title = text[start:end]
        if official.holds(title):
            continue
        ended = official.held_until(title)
        if ended is not None:
            if _date_of(text, mention.start, today) < ended:
                continue
            message = f"{official.name}已于{ended.year}年{ended.month}月{ended.day}日不再担任“{title}”，现任{current}"
            severity, rule = "warning", "inspection.leader.former_title"
        else:
            message = f"{official.name}未担任“{title}”，现任{current}"
            severity, rule = "error", "inspection.leader.title"
        findings.append(
            Finding(
                start=start,
                end=end,
                rule=rule,
                text=title,
                suggestion=official.titles[0] if len(official.titles) == 1 else None,
                kind="leader",
                severity=severity,
                message=message,
            )
        )
    return findings


def _date_of(text: str, at: int, today: date) -> date:
    """The date a statement is made on: a full date in its sentence, else the text's latest full date, else today."""
    begin = max((text.rfind(c, 0, at) for c in _SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(c, at) for c in _SENTENCE_END) if i >= 0]
    sentence = text[begin : min(ends, default=len(text))]
    for candidates in (sentence, text):
        dates = [d for d in (_parse(m) for m in _FULL_DATE.finditer(candidates)) if d]
        if dates:
            return dates[0] if candidates is sentence else max(dates)
    return today


def _parse(match: re.Match[str]) -> date | None:
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _out_of_order(text: str, mentions: list[_Mention], vocabulary: list[str]) -> list[Finding]:
    """Leaders named one after another (only titles and separators between) must follow the order of precedence."""
    findings = []
    for group in _lists(text, mentions, vocabulary):
        people: list[Official] = []
        for mention in group:
            if mention.official not in people:
                people.append(mention.official)
        expected = sorted(people, key=lambda o: o.precedence)
        if len(people) > 1 and [o.precedence for o in people] != [o.precedence for o in expected]:
            start, end = group[0].start, group[-1].end
            findings.append(
                Finding(
                    start=start,
                    end=end,
                    rule="inspection.leader.order",
                    text=text[start:end][:200],
                    suggestion=None,
                    kind="leader",
                    severity="error",
                    message="领导排序有误，应为：" + "、".join(o.name for o in expected),
                )
            )
    return findings


def _lists(text: str, mentions: list[_Mention], vocabulary: list[str]) -> list[list[_Mention]]:
    groups: list[list[_Mention]] = []
    for mention in mentions:
        if groups and _only_titles_between(text[groups[-1][-1].end : mention.start], vocabulary):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return [g for g in groups if len(g) > 1]


def _only_titles_between(gap: str, vocabulary: list[str]) -> bool:
    if not gap or len(gap) > 24 or not any(c in LIST_SEPARATORS for c in gap):
        return False
    for word in [*vocabulary, "同志"]:
        gap = gap.replace(word, "")
    return all(c in LIST_SEPARATORS for c in gap)
