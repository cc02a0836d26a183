"""Official-writing rules: wording, punctuation, repeats, dates and law titles, all without the language model."""

from __future__ import annotations

from collections.abc import Callable

from checks.findings import Finding
from checks.rules.laws import find_unquoted_law_titles
from checks.rules.numbers import find_day_hao, find_dotted_dates, find_mixed_year_digits, find_two_digit_years
from checks.rules.punctuation import find_half_width, find_unpaired
from checks.rules.repeats import find_repeats
from checks.rules.wording import find_confusions, find_context_wording

RULES: tuple[Callable[[str], list[Finding]], ...] = (
    find_confusions,
    find_context_wording,
    find_unpaired,
    find_half_width,
    find_repeats,
    find_two_digit_years,
    find_mixed_year_digits,
    find_dotted_dates,
    find_day_hao,
    find_unquoted_law_titles,
)


def find_rule_violations(text: str) -> list[Finding]:
    """Run every official-writing rule over the text."""
    return [finding for rule in RULES for finding in rule(text)]
