"""Webhooks: tell the website CMS and the new-media publisher when an item is published, corrected or withdrawn.

A delivery is a POST of JSON. The header `X-ReviewFlow-Signature: t=<unix time>,v1=<hex>` carries
HMAC-SHA256(secret, "<t>.<raw body>"); a receiver recomputes it, compares in constant time and refuses old
timestamps (replays). Deliveries are queued after the commit that caused them and retried with backoff by the worker;
every attempt is logged as a WebhookAttempt.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from typing import Any

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import reference
from .models import Draft
from .models_office import WebhookAttempt, WebhookDelivery, WebhookEndpoint

SIGNATURE_HEADER = "X-ReviewFlow-Signature"
EVENTS = WebhookEndpoint.Event


class DeliveryFailed(Exception):
    """The receiver did not take the delivery; the task retries it."""


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The signature header's value for a body sent at `timestamp`."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(secret: str, body: bytes, header: str, *, tolerance: int = 300, now: float | None = None) -> bool:
    """What a receiver does: the signature matches the body and the timestamp is recent."""
    try:
        parts = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else time.time()) - timestamp) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, body, timestamp), header)


def payload_of(draft: Draft, event: str) -> dict[str, Any]:
    return {
        "event": event,
        "item": {
            "id": draft.pk,
            "title": draft.title,
            "body": draft.body,
            "column": draft.column,
            "channel": draft.channel,
            "kind": draft.kind,
            "content_hash": draft.content_hash,
            "published_at": draft.published_at.isoformat() if draft.published_at else None,
            "withdrawn_at": draft.withdrawn_at.isoformat() if draft.withdrawn_at else None,
        },
        "unit": draft.section.unit.name,
        "announced_at": timezone.now().isoformat(),
    }


def announce(draft: Draft, event: str) -> list[WebhookDelivery]:
    """Queue a delivery of `event` to every endpoint of the draft's unit that wants it, once the change commits."""
    if event not in EVENTS.values:
        raise ValueError(f"unknown webhook event {event!r}")
    active = reference.webhook_endpoints(draft.reference_token).get(draft.section.unit_id, [])
    endpoints = [e for e in active if e.wants(event)]
    deliveries = [
        WebhookDelivery.objects.create(endpoint=e, draft=draft, event=event, payload=payload_of(draft, event))
        for e in endpoints
    ]
    for delivery in deliveries:
        _queue_after_commit(delivery.pk)
    return deliveries


def _queue_after_commit(delivery_id: int) -> None:
    # By name: the task lives in the workflow app, which reviewflow does not import.
    transaction.on_commit(lambda: current_app.send_task("workflow.deliver_webhook", args=[delivery_id]))


def deliver(delivery_id: int, *, final: bool) -> bool:
    """Make one attempt and log it; True when delivered (or already delivered). Raise DeliveryFailed to retry.

    On the `final` attempt a failure marks the delivery failed instead of raising.
    """
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().select_related("endpoint").get(pk=delivery_id)
        if delivery.state == WebhookDelivery.State.DELIVERED:
            return True
    body = json.dumps(delivery.payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    request = urllib.request.Request(
        delivery.endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "ReviewFlow-Webhook/1",
            "X-ReviewFlow-Event": delivery.event,
            "X-ReviewFlow-Delivery": str(delivery.pk),
            SIGNATURE_HEADER: sign(delivery.endpoint.secret, body, int(time.time())),
        },
    )
    started = time.monotonic()
    status, error = None, ""
    try:
        with urllib.request.urlopen(request, timeout=settings.REVIEWFLOW_WEBHOOK_TIMEOUT) as response:
            status = response.status
    except urllib.error.HTTPError as failure:
        status, error = failure.code, f"HTTP {failure.code} {failure.reason}"
    except (urllib.error.URLError, OSError) as failure:
        error = repr(getattr(failure, "reason", failure))[:2000]
    duration_ms = int((time.monotonic() - started) * 1000)
    delivered = status is not None and 200 <= status < 300
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().get(pk=delivery_id)
        WebhookAttempt.objects.create(
            delivery=delivery,
            number=delivery.attempts.count() + 1,
            status_code=status,
            error=error,
            duration_ms=duration_ms,
        )
        if delivered:
            delivery.state, delivery.delivered_at = WebhookDelivery.State.DELIVERED, timezone.now()
        elif final:
            delivery.state = WebhookDelivery.State.FAILED
        delivery.save(update_fields=["state", "delivered_at"])
    if not delivered and not final:
        raise DeliveryFailed(error or f"HTTP {status}")
    return delivered
