"""The firms' stored text made in a second process (etl.text_worker) changes nothing a load stores: the same
rows, meta and quarantine as the load making the text itself — on a registry export and on a messy copy; and a
worker that dies fails the load cleanly: an error, nothing written, no process left, a non-zero exit."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time

import pytest

from bench.gen import write_enterprises_csv
from bench.import_speed import write_messy
from etl import text_worker
from etl.loader import load_files
from etl.resolved import CHUNK_FIRMS
from graph.store.sqlite_store import SQLiteStore
from ontology.errors import StoreError
from tests.etl.test_classify_worker import _in_fresh_process


def _stored(store) -> tuple:
    return (store._db.execute("SELECT label, id, props FROM nodes ORDER BY label, id").fetchall(),
            store._db.execute("SELECT type, src, dst, props FROM rels ORDER BY type, src, dst").fetchall(),
            store._db.execute("SELECT key, value FROM meta ORDER BY key").fetchall(),
            store._db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall())


def _load(tmp_path, path, name: str, worker: bool) -> tuple:
    store = SQLiteStore(tmp_path / f"{name}.db")
    report = load_files(store, [path], cpu_split=True, classify_worker=False, text_worker=worker)
    stored = _stored(store)
    store.close()
    quarantine = [(q.file, q.row, q.field, q.value, q.reason, q.level) for q in report.quarantined]
    return stored, quarantine, "text_worker" in report.cpu, report.cpu.get("text_worker", 0.0)


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    # more firms than one chunk: the worker starts only when there is a chunk to overlap
    return write_enterprises_csv(tmp_path_factory.mktemp("texts") / "registry.csv", CHUNK_FIRMS + 1500, seed=11,
                                 explicit_segments=False)


def test_the_worker_gives_the_texts_the_store_makes(tmp_path, export, monkeypatch, request):
    if _in_fresh_process(request, None):
        return
    monkeypatch.setattr(text_worker, "WAIT", 120)  # (a busy machine must not make the loader give up on it here)
    messy = write_messy(tmp_path / "messy.csv", export, every=5)
    for path in (export, messy):
        inline = _load(tmp_path, path, f"inline-{path.stem}", False)
        forked = _load(tmp_path, path, f"forked-{path.stem}", True)
        assert inline[2] is False and forked[2] is True and forked[3] > 0  # it ran (and only when asked)
        assert forked[:2] == inline[:2]
        assert len(inline[0][0]) > CHUNK_FIRMS and len(inline[1]) > (50 if path == messy else -1)
    assert multiprocessing.active_children() == []


def test_a_worker_that_is_behind_is_ended_and_the_store_makes_the_texts(tmp_path, export, monkeypatch, request):
    if _in_fresh_process(request, None):
        return
    serve, ended = text_worker._serve, []

    def slow(conn, chunks):
        time.sleep(3)
        serve(conn, chunks)

    close = text_worker.TextWorker.close
    monkeypatch.setattr(text_worker.TextWorker, "close", lambda self: ended.append(self.gave_up) or close(self))
    inline = _load(tmp_path, export, "inline", False)
    monkeypatch.setattr(text_worker, "_serve", slow)
    monkeypatch.setattr(text_worker, "WAIT", 0.05)
    late = _load(tmp_path, export, "late", True)
    assert late[:2] == inline[:2] and late[2] is False and ended[0] is True
    assert multiprocessing.active_children() == []


def test_no_worker_for_one_chunk_or_a_store_that_makes_its_own(tmp_path, monkeypatch):
    started = []
    monkeypatch.setattr(text_worker.TextWorker, "__init__", lambda self, chunks: started.append(1))
    small = write_enterprises_csv(tmp_path / "small.csv", CHUNK_FIRMS - 10, seed=12, explicit_segments=False)
    assert _load(tmp_path, small, "small", True)[2] is False and started == []


def _dies_after_one_chunk(conn, chunks):
    next(iter(chunks()))  # (the first chunk's texts are the main process's)
    os._exit(3)


def test_a_worker_that_dies_fails_the_load_and_writes_nothing(tmp_path, export, monkeypatch, request):
    if _in_fresh_process(request, None):
        return
    store = SQLiteStore(tmp_path / "dead.db")
    before = (_stored(store), store.checksum())
    monkeypatch.setattr(text_worker, "_serve", _dies_after_one_chunk)
    with pytest.raises(StoreError, match="second process .* ended before its work was done .*exit code 3"):
        load_files(store, [export], classify_worker=False)
    assert (_stored(store), store.checksum()) == before  # the one transaction rolled back
    assert multiprocessing.active_children() == []
    store.close()


def test_the_command_exits_non_zero_and_leaves_no_process(tmp_path, export, request):
    if _in_fresh_process(request, None):
        return
    db = tmp_path / "cli.db"
    code = ("import os, sys, multiprocessing\n"
            "from etl import text_worker\n"
            "from tests.etl.test_text_worker import _dies_after_one_chunk\n"
            "text_worker._serve = _dies_after_one_chunk\n"
            "from chainkg.cli import app\n"
            "try:\n    app()\nexcept SystemExit as e:\n"
            "    print('children', len(multiprocessing.active_children()))\n    raise\n")
    run = subprocess.run([sys.executable, "-c", code, "load", str(export), "--store", str(db),
                          "--quarantine", str(tmp_path / "q.csv")], cwd=request.config.rootpath,
                         env=os.environ | {"CHAINKG_CLASSIFY_WORKER": "0"}, capture_output=True, text=True, timeout=600)
    assert run.returncode != 0, run.stdout[-2000:]
    assert "second process" in run.stderr and "children 0" in run.stdout, run.stderr[-2000:]
    check = SQLiteStore(db)
    assert sum(check.counts()["nodes"].values()) == 0  # nothing half-written
    check.close()
