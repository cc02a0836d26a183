"""The audit list's filter form and paginator, built to stay cheap at a million events and hundreds of people."""

from __future__ import annotations

from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.forms.utils import flatatt
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from ..models import AuditKind, Section, User

COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """Counts at most COUNT_CAP + 1 rows: an exact count of a million events costs more than the page itself."""

    @cached_property
    def count(self) -> int:
        events = cast(QuerySet, self.object_list)
        # COUNT(*) over a LIMITed subquery without the list's order, so any index may serve it and stop at the cap.
        return events.order_by().values("pk")[: COUNT_CAP + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > COUNT_CAP

    def page(self, number):
        """The page's ids first, then its rows: a deep page's offset is walked in an index, not through the joins."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        events = cast(QuerySet, self.object_list)
        ids = list(events.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        return Page(list(events.filter(pk__in=ids)), number, self)


class PlainSelect(forms.Select):
    """A select written in Python: Django renders each option through a template, about 0.1 ms an option."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        selected = mark_safe(" selected")

        def options(choices) -> str:
            rows = ((key, selected if str(key) in chosen else "", label) for key, label in choices)
            return format_html_join("", '<option value="{}"{}>{}</option>', rows)

        parts: list[str] = []
        for key, label in self.choices:
            if isinstance(label, list | tuple):  # a group: (unit, [(section id, name), ...])
                parts.append(format_html('<optgroup label="{}">{}</optgroup>', key, options(label)))
            else:
                parts.append(options([(key, label)]))
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return format_html("<select{}>{}</select>", flatatt(final_attrs), mark_safe("".join(parts)))


class PersonField(forms.CharField):
    """A person by username or display name (or id, in links): a text box, not a list of every user."""

    widget = forms.TextInput(attrs={"placeholder": _("Username or name"), "size": 12})

    def clean(self, value) -> User | None:
        text = (super().clean(value) or "").strip()
        if not text:
            return None
        match = Q(username=text) | Q(display_name=text)
        if text.isascii() and text.isdigit() and len(text) < 19:  # an id from a link, within a bigint
            match |= Q(pk=int(text))
        people = list(User.objects.filter(match)[:2])
        exact = [person for person in people if person.username == text]
        if exact or len(people) == 1:
            return (exact or people)[0]
        if people:
            raise ValidationError(
                _("More than one person is called %(name)s: enter the username."), params={"name": text}
            )
        raise ValidationError(_("Nobody is called %(name)s."), params={"name": text})


def section_choices() -> list:
    """Sections grouped by unit, from one query of ids and names."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for pk, unit, name in Section.objects.order_by("unit__name", "name").values_list("pk", "unit__name", "name"):
        groups.setdefault(unit, []).append((pk, name))
    return [("", "---------"), *groups.items()]


class AuditFilter(forms.Form):
    actor = PersonField(required=False, label=_("Person"))
    section = forms.TypedChoiceField(
        coerce=int, empty_value=None, required=False, label=_("Section"), widget=PlainSelect
    )
    event = forms.ChoiceField(
        choices=[("", "---------"), *AuditKind.choices], required=False, label=_("Event"), widget=PlainSelect
    )
    since = forms.DateField(required=False, label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(required=False, label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
    overdue = forms.BooleanField(required=False, label=_("Overdue steps only"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        section = cast(forms.TypedChoiceField, self.fields["section"])
        section.choices = section_choices()  # once per form, for both validating and rendering
