"""The signing chain of a draft: each level of `lifecycle.CHAIN` held by one person, four different people."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..errors import ChainIncomplete
from ..lifecycle import CHAIN, Step
from ..models import Draft, User


def signing_chain(draft: Draft) -> dict[str, User]:
    """Who holds each level for this draft, taken from the draft's own section; or what is missing."""
    names = {"section": draft.section.name, "unit": draft.section.unit.name}
    chain = {level.step: level.holder(draft) for level in CHAIN}
    gaps = [str(level.vacant) % names for level in CHAIN if chain[level.step] is None]
    if gaps:
        raise ChainIncomplete(_("The review chain is incomplete: %(gaps)s.") % {"gaps": "；".join(gaps)})
    people: dict[str, User] = {step: person for step, person in chain.items() if person is not None}
    inactive = [person for person in people.values() if not person.is_active]
    if inactive:
        raise ChainIncomplete(
            _("%(person)s holds a level of the chain but their account is disabled.") % {"person": inactive[0]}
        )
    seen: dict[int, str] = {}
    for step, person in people.items():
        if person.pk in seen:
            raise ChainIncomplete(
                _("%(person)s holds both the %(first)s and the %(second)s step; four different people must sign.")
                % {"person": person, "first": Step(seen[person.pk]).label, "second": Step(step).label}
            )
        seen[person.pk] = step
    return people
