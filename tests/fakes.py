"""A fake checker for the review tests: fixed typos and the unit's lexicon, no language model and no thresholds.

The review's tests exercise routing, findings, dismissals and the lexicon; what the real checker finds is tested in
tests/checks, and the real checker still runs in the worker and browser tests.
"""

from __future__ import annotations

import re

import checks
from checks.findings import Finding, Lexicon

# wrong → right: the typos the review tests write on purpose.
FAKE_TYPOS = {"布署": "部署", "既使": "即使", "按装": "安装"}
# A political formulation the fake flags, for the rule that its dismissal needs the section head.
FAKE_POLITICAL = {"旧提法": "新提法"}


def fake_check_text(text: str, lexicon: Lexicon | None = None) -> list[Finding]:
    lexicon = lexicon or Lexicon()
    found = [
        Finding(
            start=match.start(),
            end=match.end(),
            rule="fake.typo",
            text=wrong,
            suggestion=right,
            kind="typo",
            severity="error",
            message=f"“{wrong}”应为“{right}”",
        )
        for wrong, right in FAKE_TYPOS.items()
        for match in re.finditer(wrong, text)
    ]
    found += [
        Finding(m.start(), m.end(), "fake.comma", ",", "，", "punctuation", "warning", "中文中应使用全角逗号")
        for m in re.finditer(r"(?<=[\u4e00-\u9fff]),", text)
    ]
    found += [
        Finding(m.start(), m.end(), "fake.political", wrong, right, "political", "error", f"规范表述为“{right}”")
        for wrong, right in FAKE_POLITICAL.items()
        for m in re.finditer(wrong, text)
    ]
    for wrong, right in lexicon.confusions:
        found += [
            Finding(m.start(), m.end(), "lexicon.confusion", wrong, right, "wording", "error", f"应为“{right}”")
            for m in re.finditer(re.escape(wrong), text)
        ]
    for term, preferred, _note in lexicon.sensitive:
        found += [
            Finding(m.start(), m.end(), "lexicon.sensitive", term, preferred or None, "sensitive", "error", "不宜使用")
            for m in re.finditer(re.escape(term), text)
        ]
    allowed = [(m.start(), m.end()) for term in lexicon.allow for m in re.finditer(re.escape(term), text)]
    return sorted(f for f in found if not any(a <= f.start and f.end <= b for a, b in allowed))


def install(monkeypatch) -> None:
    """Make the in-process check (workflow.tasks.run_check) use the fake."""
    monkeypatch.setattr(checks, "check_text", fake_check_text)
