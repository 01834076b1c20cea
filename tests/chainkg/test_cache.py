"""The service's one cache (chainkg.cache): keyed on the version, expiring, bounded, one computation
per key — and the service's writes clearing it."""

from __future__ import annotations

import threading
import time

from chainkg import cache as cache_mod
from chainkg.cache import VersionedCache
from chainkg.service import ChainKG
from graph.store.sqlite_store import SQLiteStore


def _counter():
    calls = []

    def compute(value="v"):
        calls.append(value)
        return value

    return calls, compute


def test_same_version_hits_and_a_new_version_recomputes():
    calls, compute = _counter()
    c = VersionedCache()
    assert c.get(1, ("k",), lambda: compute("a")) == "a"
    assert c.get(1, ("k",), lambda: compute("b")) == "a"
    assert c.get(2, ("k",), lambda: compute("c")) == "c"
    assert calls == ["a", "c"]


def test_entries_expire_after_the_ttl(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(cache_mod.time, "monotonic", lambda: now[0])
    c = VersionedCache(ttl=30)
    assert c.get(1, ("k",), lambda: "old") == "old"
    now[0] += 29.9
    assert c.get(1, ("k",), lambda: "new") == "old"
    now[0] += 0.2
    assert c.get(1, ("k",), lambda: "new") == "new"


def test_least_recently_used_entry_goes_first_when_full():
    c = VersionedCache(size=2)
    c.get(1, ("a",), lambda: "a")
    c.get(1, ("b",), lambda: "b")
    c.get(1, ("a",), lambda: "unused")  # a is now the most recently used
    c.get(1, ("c",), lambda: "c")       # b goes
    assert c.get(1, ("a",), lambda: "a2") == "a"
    assert c.get(1, ("b",), lambda: "b2") == "b2"


def test_concurrent_callers_of_one_key_share_one_computation():
    c = VersionedCache()
    started, release = threading.Event(), threading.Event()
    calls = []

    def slow():
        calls.append(1)
        started.set()
        release.wait(10)
        return "done"

    results = []
    threads = [threading.Thread(target=lambda: results.append(c.get(1, ("k",), slow))) for _ in range(4)]
    threads[0].start()
    started.wait(10)
    for t in threads[1:]:
        t.start()
    time.sleep(0.2)  # let them reach the cache while the first computation runs (no timing is asserted)
    release.set()
    for t in threads:
        t.join(10)
    assert results == ["done"] * 4 and calls == [1]


def test_a_write_through_the_service_clears_its_cache(tmp_path):
    kg = ChainKG(SQLiteStore(tmp_path / "kg.db"))
    kg.load([])
    first = kg.analysis()
    assert kg.analysis() is first
    before = kg.version()
    kg.changed()
    assert kg.version() != before and kg.analysis() is not first
    kg.store.close()


def test_the_overview_and_the_workbench_share_their_store_reads(tmp_path, monkeypatch):
    """The cards and the county grid read one grouped count; the workbench reuses the gaps page's
    analysis (the same sections) instead of computing one with chokepoints and projects."""
    from chainkg import service as service_mod
    from chainkg.service import TARGET_SECTIONS

    kg = ChainKG(SQLiteStore(tmp_path / "kg.db"))
    kg.load()
    groups, analyses = [], []
    real_groups, real_analyze = kg.store.local_groups, service_mod._analyze
    monkeypatch.setattr(kg.store, "local_groups", lambda: groups.append(1) or real_groups())
    monkeypatch.setattr(service_mod, "_analyze", lambda *a, **k: analyses.append(k.get("sections")) or real_analyze(*a, **k))
    kg.clusters(), kg.county_distribution()
    assert len(groups) == 1
    page = kg.analysis(None, sections=("gaps", "targets", "extensions"))  # as ui/views/gaps.py asks
    kg.workbench()
    assert analyses == [TARGET_SECTIONS] and "chokepoints" not in page
    kg.store.close()
