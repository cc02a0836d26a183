"""Date and number formats after GB/T 15835: full four-digit years, and 〇 (not 0, O or 零) in Chinese-numeral years."""

from __future__ import annotations

import re

from checks.findings import Finding

_TWO_DIGIT_YEAR = re.compile(r"(?<![\d.\-/'])(\d{2})年(?=\d{1,2}月)")
_CHINESE_YEAR = re.compile(r"(?<![一二三四五六七八九十〇○0Oo零])[一二三四五六七八九〇○0Oo零]{4}(?=年)")
_CHINESE_DIGITS = set("一二三四五六七八九")
_DOTTED_DATE = re.compile(r"(?<![\d.\-/])((?:19|20)\d{2})([./])(\d{1,2})\2(\d{1,2})(?![\d.\-/])")
_DAY_HAO = re.compile(r"(?<=\d月)(\d{1,2})号")
_WRONG_ZEROS = str.maketrans({"0": "〇", "O": "〇", "o": "〇", "○": "〇", "零": "〇"})


def find_two_digit_years(text: str) -> list[Finding]:
    """Flag years written with two digits before a month (23年5月 → 2023年5月)."""
    findings = []
    for m in _TWO_DIGIT_YEAR.finditer(text):
        year = int(m.group(1))
        full = f"{1900 + year if year >= 50 else 2000 + year}年"
        findings.append(
            Finding(
                start=m.start(),
                end=m.end(),
                rule="format.two_digit_year",
                text=m.group(),
                suggestion=full,
                kind="format",
                severity="warning",
                message="年份应写全，不得简写为两位数字",
            )
        )
    return findings


def find_mixed_year_digits(text: str) -> list[Finding]:
    """Flag Chinese-numeral years whose zero is written 0, O, ○ or 零 (二0二三年 → 二〇二三年)."""
    findings = []
    for m in _CHINESE_YEAR.finditer(text):
        year = m.group()
        fixed = year.translate(_WRONG_ZEROS)
        if fixed != year and _CHINESE_DIGITS & set(year):
            findings.append(
                Finding(
                    start=m.start(),
                    end=m.end(),
                    rule="format.year_zero",
                    text=year,
                    suggestion=fixed,
                    kind="format",
                    severity="warning",
                    message="汉字数字年份中的“零”应写作“〇”，不得混用阿拉伯数字或字母",
                )
            )
    return findings


def find_dotted_dates(text: str) -> list[Finding]:
    """Flag dates written with dots or slashes (2020.12.31, 2020/12/31) → 2020年12月31日."""
    findings = []
    for m in _DOTTED_DATE.finditer(text):
        year, _, month, day = m.groups()
        if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
            continue
        findings.append(
            Finding(
                start=m.start(),
                end=m.end(),
                rule="format.date_separator",
                text=m.group(),
                suggestion=f"{year}年{int(month)}月{int(day)}日",
                kind="format",
                severity="warning",
                message="公文中的日期应写作“××××年×月×日”，不用圆点或斜线分隔",
            )
        )
    return findings


def find_day_hao(text: str) -> list[Finding]:
    """Flag a day of the month written with 号 (12月31号 → 12月31日)."""
    return [
        Finding(
            start=m.start(),
            end=m.end(),
            rule="format.day_hao",
            text=m.group(),
            suggestion=f"{m.group(1)}日",
            kind="format",
            severity="warning",
            message="公文中日期的“号”应写作“日”",
        )
        for m in _DAY_HAO.finditer(text)
    ]
