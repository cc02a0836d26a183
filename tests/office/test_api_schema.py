"""The OpenAPI schema: valid OpenAPI 3, Swagger UI without a CDN, and a schema-driven fuzz run with no server error."""

from __future__ import annotations

import re

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from openapi_spec_validator import validate

from reviewflow.api import urls as api_urls
from reviewflow.models_office import NetizenMessage
from reviewflow.tokens import issue_token
from tests.factories import client_for, demo_org, make_draft

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
# Up to 15 cases for each of the 21 operations: about 300 requests in all.
FUZZ_CASES = 15


def test_the_schema_is_valid_openapi_3_and_covers_the_whole_api():
    response = Client().get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert document["openapi"].startswith("3.")
    routes = {
        "/api/v1/" + re.sub(r"<\w+:(\w+)>", r"{\1}", str(p.pattern))
        for p in api_urls.urlpatterns
        if p.name not in ("api-schema", "api-docs")
    }
    assert set(document["paths"]) == routes


def test_swagger_ui_loads_its_files_from_this_server():
    page = Client().get("/api/v1/docs/")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.content.decode())
    assert sources and all(s.startswith("/") for s in sources), sources
    bundle = next(s for s in sources if s.endswith("swagger-ui-bundle.js"))
    assert Client().get(bundle).status_code == 200


@pytest.fixture
def fuzz_headers():
    org = demo_org()
    make_draft(org["drafter"])
    client_for(org["drafter"]).post("/api/v1/messages/", {"subject": "咨询", "body": "留言内容"}, format="json")
    assert NetizenMessage.objects.exists()
    _record, token = issue_token(org["drafter"])
    # As Django's test client does: a request must not close the test's connection (and its transaction).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield {"Authorization": f"Token {token}", "Accept-Language": "zh-hans"}
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@hypothesis_settings(max_examples=FUZZ_CASES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_fuzzed_requests_never_get_a_server_error(case, fuzz_headers):
    response = case.call(headers=fuzz_headers)
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:300]}"
    )
