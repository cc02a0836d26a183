"""Drafts stored before the lifecycle was declared once migrate: the chain to Assignment rows, statuses to steps."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("reviewflow", "0002_seen_version")]
AFTER = [("reviewflow", "0003_lifecycle_declared_once")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_a_draft_awaiting_the_deputy_migrates_to_signing_with_its_chain():
    old = _migrate(BEFORE)
    try:
        User, Unit, Section = (old.get_model("reviewflow", name) for name in ("User", "Unit", "Section"))
        Draft = old.get_model("reviewflow", "Draft")
        people = {name: User.objects.create(username=f"m-{name}") for name in ("drafter", "sh", "dep", "head")}
        unit = Unit.objects.create(name="迁移测试单位", head=people["head"])
        section = Section.objects.create(unit=unit, name="股", head=people["sh"], deputy=people["dep"])
        common = {"section": section, "drafter": people["drafter"], "title": "t", "body": "b", "content_hash": "h"}
        waiting = Draft.objects.create(
            status="awaiting_deputy", section_head=people["sh"], deputy=people["dep"], head=people["head"], **common
        )
        unsent = Draft.objects.create(status="draft", **common)
        new = _migrate(AFTER)
        Draft = new.get_model("reviewflow", "Draft")
        Assignment = new.get_model("reviewflow", "Assignment")
        migrated = Draft.objects.get(pk=waiting.pk)
        assert (migrated.status, migrated.step, migrated.holder_id) == ("signing", "deputy", people["dep"].pk)
        chain = dict(Assignment.objects.filter(draft_id=waiting.pk).values_list("step", "user_id"))
        assert chain == {
            "drafter": people["drafter"].pk,
            "section_head": people["sh"].pk,
            "deputy": people["dep"].pk,
            "head": people["head"].pk,
        }
        fresh = Draft.objects.get(pk=unsent.pk)
        assert (fresh.status, fresh.holder_id) == ("draft", people["drafter"].pk)
        assert not Assignment.objects.filter(draft_id=unsent.pk).exists()
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
