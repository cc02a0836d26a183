"""The base list of normative expressions (禁用词、慎用词、规范表述) and its matcher; a unit adds entries or switches
base entries off through its lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from checks.findings import Finding, Lexicon
from checks.resources import lazy

BASE_LIST = Path(__file__).resolve().parent.parent / "data" / "normative_expressions.tsv"
SEVERITIES = ("error", "warning", "info")
# Finding kinds: a political or territorial expression is reviewed more strictly than a renamed institution.
POLITICAL_CATEGORIES = frozenset({"political", "territory", "ethnic"})


@dataclass(frozen=True)
class NormativeEntry:
    """A wrong or discouraged form, what to write instead, and where the rule comes from."""

    wrong: str
    preferred: str
    severity: str
    category: str
    source: str
    note: str = ""
    # Longer phrases in which `wrong` is correct (农业部门 for 农业部); the preferred form counts as one.
    unless: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return "political" if self.category in POLITICAL_CATEGORIES else "normative"

    def contexts(self) -> tuple[str, ...]:
        inside_preferred = (self.preferred,) if self.wrong in self.preferred and self.preferred != self.wrong else ()
        return self.unless + inside_preferred


@dataclass(frozen=True)
class BaseList:
    version: str
    sources: dict[str, str]
    entries: tuple[NormativeEntry, ...]


class BadListLine(ValueError):
    """A line of the normative list does not have the expected columns."""


def parse_list(text: str) -> BaseList:
    """Parse the TSV: a `# version:` line, `# source CODE: text` lines, then one entry per line."""
    version, sources, entries = "", {}, []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("# version:"):
            version = line.split(":", 1)[1].strip()
        elif line.startswith("# source "):
            code, description = line[len("# source ") :].split(":", 1)
            sources[code.strip()] = description.strip()
        elif line.strip() and not line.startswith("#"):
            entries.append(_entry(line, number))
    if not version:
        raise BadListLine("the normative list has no '# version:' line")
    unknown = {e.source for e in entries} - sources.keys()
    if unknown:
        raise BadListLine(f"entries cite undeclared sources: {sorted(unknown)}")
    return BaseList(version=version, sources=sources, entries=tuple(entries))


def _entry(line: str, number: int) -> NormativeEntry:
    columns = line.split("\t")
    if len(columns) != 7 or not columns[0] or columns[2] not in SEVERITIES or not columns[4]:
        raise BadListLine(f"line {number}: expected wrong, preferred, severity, category, source, note, unless")
    wrong, preferred, severity, category, source, note, unless = columns
    contexts = tuple(c for c in unless.split(",") if c)
    return NormativeEntry(wrong, preferred, severity, category, source, note, contexts)


@lazy
def base_list() -> BaseList:
    """The shipped list, read once per process."""
    return parse_list(BASE_LIST.read_text(encoding="utf-8"))


def base_version() -> str:
    """The version of the shipped list, as admins see it."""
    return base_list.get().version


def active_entries(lexicon: Lexicon) -> tuple[NormativeEntry, ...]:
    """The base entries the unit has not switched off, then the unit's own (which win on the same wrong form)."""
    added = {e.wrong: e for e in lexicon.normative_added}
    base = tuple(e for e in base_list.get().entries if e.wrong not in lexicon.normative_off and e.wrong not in added)
    return base + tuple(added.values())


@lazy
def _base_matcher() -> re.Pattern[str]:
    return _pattern(base_list.get().entries)


def _pattern(entries: tuple[NormativeEntry, ...]) -> re.Pattern[str]:
    # Longest first, so that 国家卫计委 is one finding, not 卫计委 inside it.
    return re.compile("|".join(re.escape(w) for w in sorted({e.wrong for e in entries}, key=len, reverse=True)))


def find_normative(text: str, lexicon: Lexicon | None = None) -> list[Finding]:
    """Flag every active wrong form that is not part of a phrase in which it is correct."""
    lexicon = lexicon or Lexicon()
    entries = active_entries(lexicon)
    if not entries:
        return []
    by_wrong = {e.wrong: e for e in entries}
    customised = lexicon.normative_off or lexicon.normative_added
    pattern = _pattern(entries) if customised else _base_matcher.get()
    findings = []
    for match in pattern.finditer(text):
        entry = by_wrong[match.group()]
        if not _in_context(text, match.start(), entry):
            findings.append(finding_for(entry, match.start(), match.end()))
    return findings


def _in_context(text: str, start: int, entry: NormativeEntry) -> bool:
    """Whether the wrong form at `start` lies inside one of the phrases where it is correct."""
    for context in entry.contexts():
        at = context.find(entry.wrong)
        while at >= 0:
            begin = start - at
            if begin >= 0 and text.startswith(context, begin):
                return True
            at = context.find(entry.wrong, at + 1)
    return False


def finding_for(entry: NormativeEntry, start: int, end: int) -> Finding:
    advice = f"，应为“{entry.preferred}”" if entry.preferred else "，请改换表述"
    note = f"（{entry.note}）" if entry.note else ""
    return Finding(
        start=start,
        end=end,
        rule=f"inspection.normative.{entry.category}",
        text=entry.wrong,
        suggestion=entry.preferred or None,
        kind=entry.kind,
        severity=entry.severity,
        message=f"规范表述：“{entry.wrong}”{advice}{note}"[:300],
    )
