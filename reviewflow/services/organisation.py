"""The signing chain follows from the drafter's section: its head, its deputy, the unit's leader."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..errors import ChainIncomplete
from ..models import Step, User


def signing_chain(drafter: User) -> dict[str, User]:
    """Four distinct people, one per step, or ChainIncomplete saying exactly what is missing."""
    section = drafter.section
    if section is None:
        raise ChainIncomplete(
            _("You belong to no section, so no one can review your draft; ask an administrator to assign you to one.")
        )
    unit = section.unit
    chain = {Step.DRAFTER: drafter, Step.SECTION_HEAD: section.head, Step.DEPUTY: section.deputy, Step.HEAD: unit.head}
    missing = {
        Step.SECTION_HEAD: _("section “%(name)s” has no section head") % {"name": section.name},
        Step.DEPUTY: _("section “%(name)s” has no deputy leader in charge") % {"name": section.name},
        Step.HEAD: _("unit “%(name)s” has no principal leader") % {"name": unit.name},
    }
    gaps = [text for step, text in missing.items() if chain[step] is None]
    if gaps:
        raise ChainIncomplete(_("The review chain is incomplete: %(gaps)s.") % {"gaps": "；".join(gaps)})
    seen: dict[int, str] = {}
    for step, person in chain.items():
        if person.pk in seen:
            raise ChainIncomplete(
                _("%(person)s holds both the %(first)s and the %(second)s step; four different people must sign.")
                % {"person": person, "first": Step(seen[person.pk]).label, "second": Step(step).label}
            )
        seen[person.pk] = step
    return chain
