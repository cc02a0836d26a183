"""Small builders for tests: the demo organisation, drafts in any state, API clients."""

from __future__ import annotations

import io
import time

from django.core.management import call_command
from django.db import connection
from pypdf import PdfReader
from rest_framework.test import APIClient

from reviewflow import services
from reviewflow.models import AuditEvent, Draft, User
from workflow.tasks import run_check

# The demo chain by display name: drafter, section head, deputy, principal leader.
SIGNERS = ("张拟稿", "李股长", "王分管", "赵局长")
CLEAN_BODY = "区政务服务管理局召开政务公开工作会议，研究部署下一阶段信息发布审核工作。"


# The audit trail of one clean round: created, submitted, checked (the drafter's signature), three signatures, out.
ONE_CLEAN_ROUND = [
    "draft.created",
    "draft.submitted",
    "check.completed",
    "review.signed",
    "review.signed",
    "review.signed",
    "review.signed",
    "draft.published",
]


def audit_kinds(draft_id: int) -> list[str]:
    """A draft's audit event kinds, in the order they were written."""
    return list(AuditEvent.objects.filter(draft_id=draft_id).order_by("seq", "id").values_list("event", flat=True))


def stage(draft: Draft) -> str:
    """Where a draft stands, the signing level included: "signing:deputy", "published", ..."""
    return f"{draft.status}:{draft.step}" if draft.status == "signing" else draft.status


def api_stage(body: dict) -> str:
    """The same from the API's JSON of a draft."""
    return f"{body['status']}:{body['next_step']}" if body["status"] == "signing" else body["status"]


def demo_org() -> dict[str, User]:
    call_command("seed_demo", verbosity=0)
    return {u.username: u for u in User.objects.all()}


def client_for(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def draft_data(**overrides) -> dict:
    return {
        "title": "区政务服务管理局召开政务公开工作会议",
        "body": CLEAN_BODY,
        "column": "work_news",
        "channel": "website",
        "kind": "original",
        **overrides,
    }


def make_draft(drafter: User, **overrides) -> Draft:
    return services.create_draft(user=drafter, data=draft_data(**overrides))


def submit_and_check(draft: Draft) -> Draft:
    """Submit and run the check in this process, as the worker would."""
    run = services.submit(draft_id=draft.pk, user=draft.drafter)
    run_check(run.pk)
    return Draft.objects.get(pk=draft.pk)


def run_pending_check(draft: Draft) -> Draft:
    draft.refresh_from_db()
    run_check(draft.pending_check_id)
    return Draft.objects.get(pk=draft.pk)


def sign_as(user: User, draft: Draft, **extra) -> Draft:
    draft.refresh_from_db()
    services.sign(draft_id=draft.pk, user=user, version=draft.version, **extra)
    return Draft.objects.get(pk=draft.pk)


def fully_signed(org: dict[str, User], **overrides) -> Draft:
    draft = submit_and_check(make_draft(org["drafter"], **overrides))
    for step in ("section_head", "deputy"):
        draft = sign_as(org[step], draft, proofread=draft.key)
    if draft.key:
        draft = run_pending_check(draft)
    return sign_as(org["head"], draft, proofread=draft.key)


def wait_for(predicate, timeout: float = 60.0, interval: float = 0.1):
    """Poll until `predicate()` is truthy; fail with the last value after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    value = predicate()
    while not value and time.monotonic() < deadline:
        time.sleep(interval)
        value = predicate()
    assert value, f"condition not met within {timeout}s"
    return value


def drop_record_guards() -> None:
    """Drop the append-only triggers, as a superuser with database access could; a test's transaction rolls it back.

    The SQLite test database has none (see settings/test.py).
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER reviewflow_auditevent_append_only ON reviewflow_auditevent")
        cursor.execute("DROP TRIGGER reviewflow_signature_void_only ON reviewflow_signature")


def pdf_text(content: bytes) -> str:
    """The PDF's text, whitespace removed (long values wrap across lines).

    fpdf2 gives the CFF font an embedded Identity CMap; pypdf reads its two-byte codes as one NUL and one mapped
    character, so NULs are dropped too. The characters themselves come from the font's ToUnicode map.
    """
    assert content.startswith(b"%PDF-")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return "".join(text.replace("\x00", "").split())
