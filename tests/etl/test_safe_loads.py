"""Safe loads, proven on both adapters: idempotent reloads, all-or-nothing failures, SIGKILL.

* loading the same files twice gives the same ``ChainKG.stats`` (counts and checksum);
* a load that fails halfway — a relationship to a missing node at the end of the batch, or an
  exception raised from the progress callback — leaves the store exactly as before;
* a ``chainkg load`` subprocess killed with SIGKILL while it writes leaves the store as before, and
  a rerun reaches exactly the state of a clean load (same checksum).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chainkg.settings import PROJECT_ROOT

ROOT = PROJECT_ROOT
sys.path.insert(0, str(ROOT))  # bench/ is not an installed package

from bench.gen import write_enterprises_csv  # noqa: E402
from chainkg.service import ChainKG  # noqa: E402
from chainkg.errors import StoreError  # noqa: E402
from etl.bundle import ontology_batch  # noqa: E402
from graph.store.sqlite_store import SQLiteStore  # noqa: E402
from ontology.loader import load_ontology  # noqa: E402

CHAINKG = str(Path(sys.executable).parent / "chainkg")


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory) -> Path:
    """A generated enterprise file big enough that its write takes a noticeable time."""
    return write_enterprises_csv(tmp_path_factory.mktemp("gen") / "big.csv", 30_000, seed=7)


@pytest.fixture(scope="module")
def clean_checksum(big_csv, tmp_path_factory) -> str:
    """Checksum of bundled data + the big file loaded cleanly (same on every adapter)."""
    s = SQLiteStore(tmp_path_factory.mktemp("ref") / "ref.db")
    ChainKG(s).load()
    ChainKG(s).load([big_csv])
    return s.checksum()


def test_reload_gives_same_stats(store, tmp_path):
    small = write_enterprises_csv(tmp_path / "small.csv", 300, seed=1)
    ChainKG(store).load()
    ChainKG(store).load([small])
    first = ChainKG(store).stats()
    assert first["nodes"]["Enterprise"] > 300
    ChainKG(store).load()
    ChainKG(store).load([small])
    assert ChainKG(store).stats() == first


def test_bad_relationship_at_end_rolls_back(store):
    ChainKG(store).load()
    before = ChainKG(store).stats()
    b = ontology_batch(load_ontology())
    b.node("Enterprise", {"id": "new-1", "name": "新企业", "local": True, "tags": []})
    b.rel("IN_SEGMENT", "new-1", "auto-parts")
    b.rel("SUPPLIES", "new-1", "no-such-enterprise")  # the very last row fails
    with pytest.raises(StoreError):
        store.write(b)
    assert ChainKG(store).stats() == before
    assert store.get_node("Enterprise", "new-1") is None


def test_exception_in_progress_rolls_back(store, tmp_path):
    ChainKG(store).load()
    before = ChainKG(store).stats()
    calls = []

    def boom(n: int) -> None:
        calls.append(n)
        if len(calls) == 6:
            raise KeyboardInterrupt("injected halfway")

    with pytest.raises(KeyboardInterrupt):
        ChainKG(store).load([write_enterprises_csv(tmp_path / "e.csv", 500, seed=2)], progress=boom)
    assert len(calls) == 6
    assert ChainKG(store).stats() == before


def _sqlite_writing(path: Path) -> bool:
    """True while another connection holds the write lock (a load's transaction is open)."""
    db = sqlite3.connect(path, timeout=0)
    try:
        db.execute("BEGIN IMMEDIATE")
        db.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        db.close()


def _neo4j_writing(store) -> bool:
    rows = store._read("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery AS q")
    return any("UNWIND $rows" in (r["q"] or "") for r in rows)


def test_sigkill_during_load(store, tmp_path, big_csv, clean_checksum):
    ChainKG(store).load()
    before = store.checksum()
    env = dict(os.environ)
    if store.kind == "sqlite":
        url = store.path
        writing = lambda: _sqlite_writing(Path(url))  # noqa: E731
    else:
        url = env["CHAINKG_NEO4J_URL"]
        writing = lambda: _neo4j_writing(store)  # noqa: E731
    proc = subprocess.Popen([CHAINKG, "load", str(big_csv), "--store", url, "--quarantine",
                             str(tmp_path / "q.csv")], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while proc.poll() is None and not writing() and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)  # well inside the write
    killed = proc.poll() is None
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert killed, "the load finished before it could be killed (make the generated file bigger)"
    if store.kind == "sqlite":  # the killed writer's lock is gone; reopen like a new process would
        store.close()
        store.__init__(url)
    after = store.checksum()
    assert after in (before, clean_checksum)
    ChainKG(store).load([big_csv])
    assert store.checksum() == clean_checksum
