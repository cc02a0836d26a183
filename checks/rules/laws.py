"""Titles of laws and regulations take 书名号: 中华人民共和国…法/条例/办法/规定 without 《》 is flagged."""

from __future__ import annotations

import re

from checks.findings import Finding

_LAW_TITLE = re.compile(
    r"(?<!《)中华人民共和国[^，。、；：《》“”（）()\s的了在是以和与及来对把被为]{1,18}?"
    r"(?:条例|办法|规定|规则|细则|法(?![律规院治人官制典庭学令定]))(?!》)"
)


def find_unquoted_law_titles(text: str) -> list[Finding]:
    """Flag the full title of a PRC law or regulation written without 书名号."""
    return [
        Finding(
            start=m.start(),
            end=m.end(),
            rule="format.law_title",
            text=m.group(),
            suggestion=f"《{m.group()}》",
            kind="format",
            severity="warning",
            message="法律法规名称应加书名号",
        )
        for m in _LAW_TITLE.finditer(text)
    ]
