"""API fixtures: the real app over each store kind, loaded once per test module with the bundled data.

``api_store`` is parametrised like the root ``store`` fixture (sqlite, neo4j — Neo4j follows the
root conftest's rule: skipped when not configured, FAILED when ``CHAINKG_REQUIRE_NEO4J=1``).
``client`` wires the app to it through ``app.dependency_overrides``, with a known API token.
"""

from __future__ import annotations

import pytest
from api_client import TOKEN, make_client
from api.deps import get_kg, get_ontology
from chainkg.service import ChainKG
from chainkg.settings import Settings


@pytest.fixture(scope="module", params=["sqlite", "neo4j"])
def api_store(request, tmp_path_factory):
    """A store of each kind holding the bundled Taizhou data (loaded once per module)."""
    if request.param == "sqlite":
        from graph.store.sqlite_store import SQLiteStore

        s = SQLiteStore(tmp_path_factory.mktemp("api") / "store.db")
        ChainKG(s).load()
        yield s
        s.close()
    else:
        s = request.getfixturevalue("_neo4j_session")
        s.clear()
        get_kg(s, get_ontology()).load()  # through the app's own service object: its cache is cleared too
        yield s


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings(api_token=TOKEN, dev_mode=False, cypher_timeout_s=1.0, cypher_row_cap=50)


@pytest.fixture(scope="module")
def client(api_store, settings) -> TestClient:
    with make_client(api_store, settings) as c:
        yield c
