"""The signing chain of a draft: each level of `lifecycle.CHAIN` held by one person, four different people."""

from __future__ import annotations

from operator import attrgetter

from django.db.models import ForeignKey
from django.utils.translation import gettext as _

from ..errors import ChainIncomplete
from ..lifecycle import CHAIN, Step
from ..models import Draft, User


def signing_chain(draft: Draft) -> dict[str, User]:
    """Who holds each level for this draft, taken from the draft's own section; or what is missing."""
    names = {"section": draft.section.name, "unit": draft.section.unit.name}
    _load_holders(draft)
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


def _load_holders(draft: Draft) -> None:
    """Read every person a level may name (its holder and who holds it instead) in one query, and put each where
    `Level.holder` looks: one statement where following each path would take one per person."""
    slots = []
    for path in (path for level in CHAIN for path in (level.holder_path, level.when_drafter) if path):
        owner_path, _dot, name = path.rpartition(".")
        owner = attrgetter(owner_path)(draft) if owner_path else draft
        field = owner._meta.get_field(name) if owner is not None else None
        if isinstance(field, ForeignKey) and not field.is_cached(owner):
            slots.append((owner, name))
    people = User.objects.in_bulk({getattr(owner, f"{name}_id") for owner, name in slots} - {None})
    for owner, name in slots:
        person = people.get(getattr(owner, f"{name}_id"))
        if person is not None:
            setattr(owner, name, person)
