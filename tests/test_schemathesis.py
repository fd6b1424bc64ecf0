"""Schemathesis against /api/v1/openapi.json, in process (WSGI): every operation, generated inputs
(valid and invalid), no 5xx, and every response conforms to the documented schema, status code and
content type. Bounded: a small number of examples per operation (REKENHULP_SCHEMATHESIS_VOORBEELDEN)."""

from __future__ import annotations

import os

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.checks import not_a_server_error

from rekenhulp import create_app

APP = create_app({"TESTING": True, "SECRET_KEY": "test"})
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)
# valid and invalid inputs: invalid ones must be a 4xx problem+json as documented, never a 5xx
schema.config.generation.update(modes=[schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE])
VOORBEELDEN = int(os.environ.get("REKENHULP_SCHEMATHESIS_VOORBEELDEN", "30"))


@schema.parametrize()
@settings(max_examples=VOORBEELDEN, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
def test_api_volgens_openapi(case):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance, status_code_conformance,
                                   content_type_conformance])
