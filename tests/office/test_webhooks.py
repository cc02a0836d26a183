"""Webhooks through the real worker: a local receiver checks the HMAC; a failing one is retried, each attempt logged."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise

import pytest

from reviewflow import services, webhooks
from reviewflow.models import Section
from reviewflow.models_office import WebhookDelivery, WebhookEndpoint
from tests.factories import demo_org, fully_signed, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

SECRET = "cms-shared-secret-稿件"


class Receiver:
    """A local HTTP server that answers with the given status codes in turn (the last one repeats)."""

    def __init__(self, statuses: list[int]):
        self.statuses = list(statuses)
        self.requests: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"headers": self.headers, "body": body})  # case-insensitive
                status = receiver.statuses.pop(0) if len(receiver.statuses) > 1 else receiver.statuses[0]
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/hook"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def signature_matches(request: dict) -> bool:
    """What the CMS does, written out independently of reviewflow.webhooks."""
    fields = dict(part.split("=", 1) for part in request["headers"]["X-ReviewFlow-Signature"].split(","))
    expected = hmac.new(SECRET.encode(), f"{fields['t']}.".encode() + request["body"], hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields["v1"])


def _endpoint(url: str, events=()) -> WebhookEndpoint:
    unit = Section.objects.get(name="网络信息股").unit
    return WebhookEndpoint.objects.create(unit=unit, name="CMS", url=url, secret=SECRET, events=list(events))


def test_publication_and_withdrawal_reach_the_receiver_signed(celery_worker):
    org = demo_org()
    with Receiver([200]) as receiver:
        _endpoint(receiver.url)
        draft = fully_signed(org)
        wait_for(lambda: len(receiver.requests) == 1, timeout=30)
        services.withdraw(draft_id=draft.pk, user=org["head"], reason="信息有误")
        wait_for(lambda: len(receiver.requests) == 2, timeout=30)
    assert all(signature_matches(r) for r in receiver.requests)
    assert all(webhooks.verify(SECRET, r["body"], r["headers"]["X-ReviewFlow-Signature"]) for r in receiver.requests)
    assert not webhooks.verify(
        "another-secret", receiver.requests[0]["body"], receiver.requests[0]["headers"]["X-ReviewFlow-Signature"]
    )
    bodies = [json.loads(r["body"]) for r in receiver.requests]
    assert [(b["event"], b["item"]["id"], b["item"]["content_hash"]) for b in bodies] == [
        ("published", draft.pk, draft.content_hash),
        ("withdrawn", draft.pk, draft.content_hash),
    ]
    assert [r["headers"]["X-ReviewFlow-Event"] for r in receiver.requests] == ["published", "withdrawn"]
    deliveries = WebhookDelivery.objects.order_by("pk")
    assert [(d.event, d.state, d.attempts.count()) for d in deliveries] == [
        ("published", "delivered", 1),
        ("withdrawn", "delivered", 1),
    ]


def test_a_failing_receiver_is_retried_with_backoff_and_every_attempt_is_logged(celery_worker):
    org = demo_org()
    with Receiver([500, 503, 200]) as receiver:
        _endpoint(receiver.url, events=["published"])
        draft = fully_signed(org)
        delivery = wait_for(
            lambda: WebhookDelivery.objects.filter(draft=draft, state=WebhookDelivery.State.DELIVERED).first(),
            timeout=60,
        )
    attempts = list(delivery.attempts.order_by("number"))
    assert [(a.number, a.status_code) for a in attempts] == [(1, 500), (2, 503), (3, 200)]
    assert "500" in attempts[0].error and attempts[2].error == ""
    assert all(a.duration_ms >= 0 for a in attempts)
    assert all(signature_matches(r) for r in receiver.requests) and len(receiver.requests) == 3
    # Backoff: each retry waits longer than the one before.
    gaps = [(b.attempted_at - a.attempted_at).total_seconds() for a, b in pairwise(attempts)]
    assert gaps[1] > gaps[0] >= 0.2


def test_a_receiver_that_never_answers_is_given_up_after_the_last_retry(celery_worker):
    org = demo_org()
    with Receiver([500]) as receiver:
        endpoint = _endpoint(receiver.url)
        receiver.server.server_close()  # nothing listens on the port any more: connection refused
        draft = fully_signed(org)
        delivery = wait_for(
            lambda: WebhookDelivery.objects.filter(draft=draft, state=WebhookDelivery.State.FAILED).first(),
            timeout=60,
        )
    attempts = list(delivery.attempts.order_by("number"))
    assert [a.number for a in attempts] == [1, 2, 3, 4]  # the first try and three retries
    assert all(a.status_code is None and a.error for a in attempts)
    assert endpoint.deliveries.count() == 1
