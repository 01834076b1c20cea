"""UI test fixtures: an embedded store file holding the bundled Taizhou data, and headless Chromium
(tests/ui/cdp.py: skipped without it, failed when required)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cdp import chromium, require_chromium  # noqa: E402


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


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium at 1366 × 900 (the smaller screen width we support), one per test module."""
    with chromium(1366, 900, require_chromium()) as b:
        yield b
