"""The broker down at submission: the submission is stored and answered 202, and its check runs within 30 s of the
broker's return (the sweep in beat sends what never reached the broker), with the production timings."""

from __future__ import annotations

import os
import time

import pytest

from reviewflow.models import Draft
from reviewflow.tokens import issue_token
from tests.conftest import all_queues, start_worker, stop_worker
from tests.factories import CLEAN_BODY, demo_org, wait_for
from tests.servers import PrivateRedis, Web, start_beat

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def test_a_submission_while_redis_is_down_is_kept_and_checked_soon_after_redis_returns(database_url, tmp_path):
    redis = PrivateRedis()
    name = f"outage-{os.getpid()}"
    env = {"REDIS_URL": redis.url}
    worker = start_worker(database_url=database_url, queue=all_queues(), name=name, extra_env=env)
    beat = start_beat(redis.url, tmp_path, name)
    web = Web(database_url, name, redis_url=redis.url)
    try:
        org = demo_org()
        _record, token = issue_token(org["drafter"])
        status, draft = web.call(
            "POST", "/api/v1/drafts/", {"title": "区政务服务管理局召开会议", "body": CLEAN_BODY}, token
        )
        assert status == 201, draft

        redis.stop()
        started = time.monotonic()
        status, body = web.call("POST", f"/api/v1/drafts/{draft['id']}/submit/", token=token)
        assert status == 202, body
        assert time.monotonic() - started < 15, "the submission must not hang on a dead broker"
        assert Draft.objects.get(pk=draft["id"]).status == "checking"

        redis.start()
        back = time.monotonic()
        wait_for(lambda: Draft.objects.get(pk=draft["id"]).status != "checking", timeout=60, interval=0.25)
        recovered = time.monotonic() - back
        assert Draft.objects.get(pk=draft["id"]).status == "signing"
        print(f"checked {recovered:.1f} s after the broker returned")
        assert recovered <= 30, f"checked {recovered:.1f} s after the broker returned"
    finally:
        web.stop()
        beat.terminate()
        beat.wait(timeout=30)
        stop_worker(worker)
        redis.stop()
