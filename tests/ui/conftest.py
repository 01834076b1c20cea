"""UI test fixtures: an embedded store file holding the bundled Taizhou data."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def bundled_store(tmp_path_factory) -> str:
    """Path of a fresh SQLite store with the bundled data loaded (one per test module)."""
    from chainkg.service import ChainKG
    from graph.store.sqlite_store import SQLiteStore

    path = tmp_path_factory.mktemp("ui") / "kg.db"
    store = SQLiteStore(path)
    ChainKG(store).load()
    store.close()
    return str(path)
