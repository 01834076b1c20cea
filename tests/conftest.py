"""Shared fixtures: a fresh embedded store per test, a wiped Neo4j per test module.

Neo4j: ``CHAINKG_NEO4J_URL`` names the server (``.ci/run`` starts one with ``chainkg neo4j start``).
When ``CHAINKG_REQUIRE_NEO4J=1`` (set by ``.ci/run``) an unreachable Neo4j FAILS the tests; elsewhere
they skip with the reason. The same rule holds for ``../shared/data`` (``CI`` set → required).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chainkg.settings import PROJECT_ROOT

SHARED = Path(os.environ.get("CHAINKG_SHARED", PROJECT_ROOT.parent / "shared"))
STORE_KINDS = ["sqlite", "neo4j"]


def _neo4j_url() -> str | None:
    return os.environ.get("CHAINKG_NEO4J_URL")


def require_or_skip(reason: str, required: bool) -> None:
    if required:
        pytest.fail(f"required but unavailable: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def _neo4j_session():
    url = _neo4j_url()
    required = os.environ.get("CHAINKG_REQUIRE_NEO4J") == "1"
    if not url:
        require_or_skip("Neo4j not configured: set CHAINKG_NEO4J_URL (see `chainkg neo4j start`)", required)
    from chainkg.errors import StoreError
    from graph.store.neo4j_store import Neo4jStore

    try:
        store = Neo4jStore.from_url(url)
    except StoreError as e:
        require_or_skip(f"Neo4j unreachable at {url}: {e}", required)
    yield store
    store.close()


@pytest.fixture(scope="module")
def neo4j_store(_neo4j_session):
    """The Neo4j store, wiped once per test module."""
    _neo4j_session.clear()
    return _neo4j_session


@pytest.fixture(params=STORE_KINDS)
def store(request, tmp_path):
    """A clean store of each kind: a fresh SQLite file, or the shared Neo4j wiped."""
    if request.param == "sqlite":
        from graph.store.sqlite_store import SQLiteStore

        s = SQLiteStore(tmp_path / "store.db")
        yield s
        s.close()
    else:
        s = request.getfixturevalue("_neo4j_session")
        s.clear()
        yield s


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared``: required in CI (fails when absent), skipped elsewhere."""
    if not (SHARED / "data").is_dir():
        require_or_skip(f"shared data not found at {SHARED}", bool(os.environ.get("CI")))
    return SHARED
