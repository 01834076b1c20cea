"""Property-based run of the whole OpenAPI spec (schemathesis) over both stores with bundled data:
no 5xx, documented status codes and content types, and responses matching the schema.

Few examples per operation (``MAX_EXAMPLES``) so the run stays within a few minutes on 2 cores.
Writes run without a token (→ documented 401), so the data is not reloaded hundreds of times.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings as hsettings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                               status_code_conformance)

from api.app import create_app
from api.deps import get_settings, get_store
from chainkg.settings import Settings

MAX_EXAMPLES = 4
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


APP = create_app(Settings(api_token="schema-token-0123456"))
# loaded from the app object (schemathesis' from_fixture does not support pytest 9 yet)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(autouse=True)
def _wired(api_store, settings):
    """Point the module's app at the current store (the api_store fixture is parametrised by kind)."""
    APP.dependency_overrides[get_store] = lambda: api_store
    APP.dependency_overrides[get_settings] = lambda: settings
    yield
    APP.dependency_overrides.clear()


@schema.parametrize()
@hsettings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
           suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, api_store):
    response = case.call()
    case.validate_response(response, checks=CHECKS)
