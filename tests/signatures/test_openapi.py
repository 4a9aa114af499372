"""The embed endpoint answers as its OpenAPI description says, for generated requests
(schemathesis): documented statuses and bodies only, never a server error."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from django.core.wsgi import get_wsgi_application  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from havza.signatures.models import Signature  # noqa: E402

# A generated request cannot solve the proof of work, so "valid data accepted" is not asked:
# every answer must be documented, with its documented body, and none a server error.
CHECKS = (
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def connection_kept():
    """Keep the test's database connection across requests, as Django's test client does
    (the WSGI handler would close it at the end of each request)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_endpoint_conforms_to_its_description(statement):
    sign_on, _en, _ar = statement
    Signature.objects.create(
        sign_on=sign_on, type="individual", name="Ayşe", email_key="1", status="approved",
        country="TR",
    )  # fmt: skip
    schema = schemathesis.openapi.from_wsgi("/api/signon/openapi.json", get_wsgi_application())
    checked = 0
    for operation in schema.get_all_operations():
        op = operation.ok()

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=op.as_strategy())
        def check(case):
            if "pk" in case.path_parameters:
                case.path_parameters["pk"] = sign_on.pk
            response = case.call()
            assert response.status_code < 500
            case.validate_response(response, checks=CHECKS)

        check()
        checked += 1
    assert checked == 2
