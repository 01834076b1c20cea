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


def test_rows_of_one_chunk_go_in_key_order_yet_a_repeated_key_patches_in_batch_order(tmp_path):
    """The adapter sorts each chunk by key before SQLite sees it (docs/log/import-rounds.md, round 7): a firm
    listed twice keeps its rows' order (the later patch wins), whatever its texts sort as; the same
    for a relationship given twice. First load and a later load alike."""
    for path in (tmp_path / "a.db", ":memory:"):
        s = SQLiteStore(path)
        for round_ in ("first", "again"):
            b = Batch()
            b.node("Segment", {"id": "s1", "name": "段"})
            for fid, v in (("f9", "2"), ("f1", "x"), ("f9", "1"), ("f5", "y"), ("f9", "0" + round_)):
                b.node("Enterprise", {"id": fid, "name": fid, "v": v})
            for fid, m in (("f9", "z"), ("f1", "a"), ("f9", "b")):
                b.rel("IN_SEGMENT", fid, "s1", {"method": m})
            s.write(b)
            assert s.get_node("Enterprise", "f9")["v"] == "0" + round_
            assert [(r["src"], r["props"]["method"]) for r in s.rels("IN_SEGMENT")] == [("f1", "a"), ("f9", "b")]
        s.close()
