"""Classification in a second process (etl.classify_worker) changes nothing a load gives: the same
stored rows, links and quarantine as the load classifying in its own process — on a registry export,
on a messy copy of it, with an explicit 所属环节 column (never sent), and when the worker dies."""

from __future__ import annotations

import inspect
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import time

import pytest

from bench.gen import write_enterprises_csv
from bench.import_speed import write_messy
from etl import classify_worker
from etl.intake import BATCH
from etl.loader import load_files
from graph.store.sqlite_store import SQLiteStore
from ontology.loader import load_ontology


def _load(tmp_path, path, name: str, worker: bool, monkeypatch) -> tuple:
    started = []
    init = classify_worker.ClassifyWorker.__init__

    def counted(self, onto):
        started.append(1)
        init(self, onto)

    monkeypatch.setattr(classify_worker.ClassifyWorker, "__init__", counted)
    store = SQLiteStore(tmp_path / f"{name}.db")
    report = load_files(store, [path], cpu_split=True, classify_worker=worker)
    rows = (store._db.execute("SELECT label, id, props FROM nodes ORDER BY label, id").fetchall(),
            store._db.execute("SELECT type, src, dst, props FROM rels ORDER BY type, src, dst").fetchall(),
            store._db.execute("SELECT key, value FROM meta ORDER BY key").fetchall())
    store.close()
    quarantine = [(q.file, q.row, q.field, q.value, q.reason, q.level) for q in report.quarantined]
    return rows, quarantine, report.segment_links, bool(started), "classify_worker" in report.cpu


@pytest.fixture()
def export(tmp_path):
    return write_enterprises_csv(tmp_path / "registry.csv", 2 * BATCH + 300, seed=5, explicit_segments=False)


def _in_fresh_process(request, monkeypatch) -> bool:
    """The worker forks only from a single-threaded process. When this test process already has other threads
    (earlier tests of a whole run leave a driver's or a server's), the test runs again in a fresh interpreter and
    this call says so (True: done there); it skips only where no process here could fork a worker."""
    if classify_worker.available():
        return False
    if (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods() \
            or os.environ.get("_CHAINKG_WORKER_FRESH"):
        pytest.skip("no fork or a single CPU here: the worker never runs")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", request.node.nodeid],
                         cwd=request.config.rootpath, env=os.environ | {"_CHAINKG_WORKER_FRESH": "1"},
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0 and "1 passed" in run.stdout, run.stdout[-3000:] + run.stderr[-2000:]
    return True


def test_the_worker_gives_what_the_loader_gives(tmp_path, export, monkeypatch, request):
    if _in_fresh_process(request, monkeypatch):
        return
    messy = write_messy(tmp_path / "messy.csv", export, every=5)
    for path in (export, messy):
        inline = _load(tmp_path, path, "inline", False, monkeypatch)
        forked = _load(tmp_path, path, "forked", True, monkeypatch)
        assert inline[3:] == (False, False) and forked[3:] == (True, True)  # it ran (and only when asked)
        assert forked[:3] == inline[:3]
        assert inline[2] > 1000 and len(inline[1]) > (50 if path == messy else -1)


def test_an_explicit_segment_column_is_classified_in_the_loader(tmp_path, monkeypatch, request):
    if _in_fresh_process(request, monkeypatch):
        return
    path = write_enterprises_csv(tmp_path / "explicit.csv", BATCH + 100, seed=6, explicit_segments=True)
    sent = []
    monkeypatch.setattr(classify_worker.ClassifyWorker, "send", lambda self, fields, keys: sent.append(keys))
    inline = _load(tmp_path, path, "inline", False, monkeypatch)
    forked = _load(tmp_path, path, "forked", True, monkeypatch)
    assert sent == [] and forked[:3] == inline[:3]


def test_a_worker_that_dies_is_replaced_by_the_loader(tmp_path, export, monkeypatch, request):
    if _in_fresh_process(request, monkeypatch):
        return
    inline = _load(tmp_path, export, "inline", False, monkeypatch)
    monkeypatch.setattr(classify_worker, "_serve", lambda conn, onto: os._exit(3))
    forked = _load(tmp_path, export, "dead", True, monkeypatch)
    assert forked[:3] == inline[:3] and forked[3]


def test_the_worker_takes_in_a_batch_while_it_is_busy(tmp_path, monkeypatch, request):
    """A batch larger than the pipe holds is read by the worker between two inputs of the batch before it, so the
    loader's ``send`` returns while the worker is still busy. (When the worker read only when idle, ``send`` waited for
    the whole previous batch: here the second input waits for a flag set after that ``send``, so it would give up.)"""
    if _in_fresh_process(request, monkeypatch):
        return
    flag, seen = tmp_path / "sent", {}
    serve = classify_worker._serve

    def kept(conn, onto):  # (in the worker) keep its end of the pipe for the fake classifier
        seen["conn"] = conn
        serve(conn, onto)

    def fake(record, onto):
        product = record["主营产品"]
        if product == "first":  # return once the next batch has started to arrive
            seen["conn"].poll(30)
        elif product == "second":
            for _ in range(3000):
                if flag.exists():
                    break
                time.sleep(0.01)
            return ["released" if flag.exists() else "gave up"]
        return [product]

    monkeypatch.setattr(classify_worker, "_serve", kept)
    monkeypatch.setattr(classify_worker, "assign_segments", fake)
    fields = ("主营产品", "经营范围")
    worker = classify_worker.ClassifyWorker(load_ontology())
    worker.send(fields, [("first", None), ("second", None)])
    big = [(f"p{i}", f"经营{i}" * 500) for i in range(2000)]  # ≈ 6 MB: more than a pipe or socket buffer holds
    worker.send(fields, big)
    flag.touch()
    assert worker.answers() == [["first"], ["released"]] + [[f"p{i}"] for i in range(2000)]


def test_no_worker_for_a_small_load(tmp_path, monkeypatch):
    small = write_enterprises_csv(tmp_path / "small.csv", BATCH - 1, seed=7, explicit_segments=False)
    assert _load(tmp_path, small, "small", True, monkeypatch)[3] is False


def test_the_setting_is_read_once_at_the_edge_and_passed_down(monkeypatch, tmp_path):
    """``CHAINKG_CLASSIFY_WORKER`` is a setting: read by ``Settings`` (the CLI's), handed to ``load_files`` by
    ``ChainKG``; the loader's modules read no environment (changing it after start-up changes nothing)."""
    from chainkg.service import ChainKG
    from chainkg.settings import Settings
    from etl import intake, loader

    monkeypatch.setenv("CHAINKG_CLASSIFY_WORKER", "0")
    settings = Settings(store=str(tmp_path / "s.db"))
    assert settings.classify_worker is False
    assert Settings(store=str(tmp_path / "s.db"), classify_worker=True).classify_worker is True
    monkeypatch.delenv("CHAINKG_CLASSIFY_WORKER")
    assert Settings(store=str(tmp_path / "s.db")).classify_worker is True  # the default: on
    kg = ChainKG.from_settings(settings)
    assert kg.load_workers == {"classify_worker": False} == settings.load_workers()
    assert set(settings.load_workers()) <= set(inspect.signature(load_files).parameters)  # each is an argument
    asked = []
    monkeypatch.setattr("chainkg.service.load_files", lambda store, paths, **kw: asked.append(kw))
    kg.load([tmp_path / "x.csv"])
    ChainKG(kg.store).load([tmp_path / "x.csv"])  # a ChainKG made without settings: the loader's default
    assert asked[0]["classify_worker"] is False and "classify_worker" not in asked[1]
    kg.store.close()
    for mod in (classify_worker, intake, loader):  # nothing of etl's load path looks at the environment
        assert "environ" not in open(mod.__file__, encoding="utf-8").read(), mod.__name__
