"""The demo organisation: known logins, a valid chain for both sections, and running it twice changes nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from reviewflow.models import Draft, Section, Unit, User
from reviewflow.services import signing_chain

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_every_login_works():
    call_command("seed_demo", verbosity=0)
    User.objects.filter(username="drafter").update(display_name="改过的名字")
    call_command("seed_demo", verbosity=0)
    assert (Unit.objects.count(), Section.objects.count(), User.objects.count()) == (1, 2, 7)
    assert User.objects.get(username="drafter").display_name == "改过的名字"
    for username in ("drafter", "section_head", "deputy", "head", "drafter2", "section_head2", "admin"):
        # django-axes throttles logins per request: authenticate() is always given one, as the login views do.
        login = RequestFactory().post("/accounts/login/")
        assert authenticate(login, username=username, password="reviewflow-demo") is not None, username
    assert User.objects.get(username="admin").is_superuser


def test_both_demo_sections_form_a_four_person_chain_with_a_shared_deputy():
    call_command("seed_demo", verbosity=0)
    first, second = (
        signing_chain(Draft(drafter=drafter, section=drafter.section))
        for drafter in User.objects.filter(username__in=["drafter", "drafter2"]).order_by("username")
    )
    assert [u.username for u in first.values()] == ["drafter", "section_head", "deputy", "head"]
    assert [u.username for u in second.values()] == ["drafter2", "section_head2", "deputy", "head"]
