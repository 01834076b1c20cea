"""Embedded-store specifics beyond the shared contract: the change token and concurrent readers."""

from __future__ import annotations

import threading

from graph.store.sqlite_store import SQLiteStore
from graph.store.port import Batch


def _one(eid: str, county: str = "温岭") -> Batch:
    b = Batch()
    b.node("Enterprise", {"id": eid, "name": eid, "local": True, "county": county})
    return b


def test_version_changes_on_own_and_foreign_writes(tmp_path):
    path = tmp_path / "kg.db"
    a, b = SQLiteStore(path), SQLiteStore(path)  # b stands for another process
    v0 = a.version()
    a.write(_one("e1"))
    v1 = a.version()
    assert v1 != v0
    assert a.find_enterprises(county="温岭")[0] == 1
    b.write(_one("e2"))
    assert a.version() != v1
    assert a.find_enterprises(county="温岭")[0] == 2  # the cached total follows the foreign write


def test_readers_in_threads_see_committed_data(tmp_path):
    store = SQLiteStore(tmp_path / "kg.db")
    store.write(_one("e1"))
    seen = []

    def read():
        seen.append(store.get_node("Enterprise", "e1")["name"])

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == ["e1"] * 4
    store.close()
