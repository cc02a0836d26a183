"""Punctuation rules: paired marks must close, and Chinese text takes full-width punctuation."""

from __future__ import annotations

import re

from checks.findings import Finding

PAIRS = {"《": "》", "“": "”", "（": "）", "【": "】", "‘": "’", "〔": "〕"}
_CLOSERS = {close: open_ for open_, close in PAIRS.items()}
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_CJK = r"[\u4e00-\u9fff]"
_HALF_WIDTH = re.compile(rf"(?<={_CJK})[,;:?!()]|[,;:?!()](?={_CJK})")


def find_unpaired(text: str) -> list[Finding]:
    """Flag 《》“”（）【】‘’〔〕 marks that are not closed (or opened) within the same paragraph."""
    findings = []
    offset = 0
    for paragraph in text.split("\n"):
        stack: list[tuple[int, str]] = []
        for i, ch in enumerate(paragraph):
            if ch in PAIRS:
                stack.append((i, ch))
            elif ch in _CLOSERS:
                if stack and stack[-1][1] == _CLOSERS[ch]:
                    stack.pop()
                else:
                    findings.append(_unpaired(offset + i, ch, f"“{ch}”缺少对应的“{_CLOSERS[ch]}”"))
        findings.extend(_unpaired(offset + i, ch, f"“{ch}”缺少对应的“{PAIRS[ch]}”") for i, ch in stack)
        offset += len(paragraph) + 1
    return findings


def _unpaired(at: int, mark: str, message: str) -> Finding:
    return Finding(
        start=at,
        end=at + 1,
        rule="punctuation.unpaired",
        text=mark,
        suggestion=None,
        kind="punctuation",
        severity="error",
        message=message,
    )


def find_half_width(text: str) -> list[Finding]:
    """Flag half-width , ; : ? ! ( ) next to Chinese characters; suggest the full-width mark."""
    return [
        Finding(
            start=m.start(),
            end=m.end(),
            rule="punctuation.half_width",
            text=m.group(),
            suggestion=_FULL_WIDTH[m.group()],
            kind="punctuation",
            severity="warning",
            message=f"中文行文中应使用全角标点“{_FULL_WIDTH[m.group()]}”",
        )
        for m in _HALF_WIDTH.finditer(text)
    ]
