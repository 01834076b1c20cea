"""First loads into an empty local Neo4j through its offline importer (``neo4j-admin database import``).

What: :func:`bulk_load` runs a load against a :class:`BulkSink` — a stand-in store whose reads go to
the (empty) Neo4j and whose ``write`` streams the batches into CSV files
(:class:`graph.store.neo4j_csv.CsvGraphWriter`) while counting the stored aggregates from the same
rows (:mod:`graph.store.bulk_aggregates`; their node goes into the import) — then stops the local
server, imports the files with ``neo4j-admin database import full`` from the same jars and config,
starts the server again on the same port, creates the constraints the online path creates (by
opening a :class:`~graph.store.neo4j_store.Neo4jStore`), sets the empty lists the importer cannot
write, and writes the few replayed upserts online in one transaction (which moves the aggregates by
their deltas, as every write does).

Why: the online path is one transaction of ``UNWIND … MERGE`` — right for every load, but a first
load of a province's registry (millions of rows) spends minutes in MERGE lookups that an empty
database does not need. The importer builds the store files directly. Whatever the load computes
(ids, classification, derived flags) is computed by the same code, since the load itself runs
unchanged against the sink; ``tests/graph/store/test_neo4j_bulk.py`` checks the checksum against the online path.

Only for the project's own local server (``chainkg neo4j start``, same state dir): the import stops
the server and replaces its database, so it refuses any other URL and any non-empty database.

>>> sink = BulkSink(None, None)
>>> sink.delete_nodes("Enterprise", ["x"])
Traceback (most recent call last):
...
ontology.errors.StoreError: delete_nodes is not part of a bulk first load (the database is empty)
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from graph.server import neo4j_server
from graph.server.config import DATABASE, server_config
from graph.store import cypher
from graph.store.aggregates import STATE_VERSION
from graph.store.bulk_aggregates import ImportedAggregates
from graph.store.neo4j_csv import CsvGraphWriter, ImportPlan
from graph.store.neo4j_store import Neo4jStore, parse_url
from graph.store.port import Batch
from ontology.errors import StoreError

__all__ = ["BulkSink", "BulkResult", "bulk_load", "check_target"]

T = TypeVar("T")
_LOOPBACK = ("127.0.0.1", "localhost", "::1")
_FIX_ROWS = 50_000  # rows per inner transaction of the empty-list fix-up


def _set_empty(marker: str, key: str) -> str:
    """Cypher: set ``key`` to ``[]`` on the nodes carrying ``marker`` and drop the marker (names are
    checked ``[A-Za-z_][A-Za-z0-9_]*`` by the CSV writer)."""
    return (f"MATCH (n:`{marker}`) CALL (n) {{ SET n.`{key}` = [] REMOVE n:`{marker}` }} "
            f"IN TRANSACTIONS OF {_FIX_ROWS} ROWS")


class BulkSink:
    """A :class:`~graph.store.port.GraphStore` for the duration of one bulk load: reads answer from the
    target store (empty, so they see what an online first load would see), writes go to CSV."""

    kind = "neo4j"
    _READS = frozenset({"get_node", "find_nodes", "rels", "find_enterprises", "neighbourhood", "counts",
                        "checksum", "version", "segment_aggregates", "segments_output", "tech_holders",
                        "top_firms", "dataset_clusters"})

    def __init__(self, store: Neo4jStore | None, writer: CsvGraphWriter | None) -> None:
        self._store, self._writer = store, writer
        self.seconds = 0.0  # wall seconds inside the writer (CSV and the aggregates' counting)

    def write(self, batch: Batch, progress: Callable[[int], None] | None = None) -> int:
        t = time.perf_counter()
        n = self._writer.add(batch)
        self.seconds += time.perf_counter() - t
        if progress:
            progress(n)
        return n

    def write_stream(self, batches: Iterable[Batch], progress: Callable[[int], None] | None = None) -> int:
        """Every batch into the CSV files, as it comes (the import that follows is the one transaction)."""
        return sum(self.write(b, progress) for b in batches)

    def __getattr__(self, name: str) -> Any:
        if name in BulkSink._READS:
            return getattr(self._store, name)
        raise AttributeError(name)

    def _refuse(self, what: str):
        raise StoreError(f"{what} is not part of a bulk first load (the database is empty)")

    def delete_nodes(self, label: str, ids) -> int:
        self._refuse("delete_nodes")

    def delete_rels(self, rel_type: str, pairs) -> int:
        self._refuse("delete_rels")

    def clear(self) -> None:
        self._refuse("clear")

    def close(self) -> None:
        """The target store is closed by :func:`bulk_load`."""


@dataclass
class BulkResult:
    """What a bulk load did: the server (same URL as before), rows imported, and where time went."""

    info: neo4j_server.ServerInfo
    nodes: int = 0
    rels: int = 0
    replayed: int = 0          # upserts/drops written online after the import (duplicates, drops)
    emptied: int = 0           # nodes given an empty list the importer cannot write
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        split = ", ".join(f"{k} {v:.1f}s" for k, v in self.seconds.items())
        return (f"bulk import: {self.nodes:,} nodes, {self.rels:,} relationships"
                f"{f', {self.replayed:,} replayed online' if self.replayed else ''} ({split})")


def check_target(state_dir: str | os.PathLike, url: str) -> neo4j_server.ServerInfo:
    """The local server of ``state_dir`` if ``url`` names it (loopback, its Bolt port, the default
    database), else :class:`StoreError` saying why the bulk path refuses."""
    info = neo4j_server.status(state_dir)
    if info is None:
        raise StoreError(f"--bulk needs the local Neo4j started by `chainkg neo4j start` (state dir "
                         f"{state_dir}), and none runs there: the import stops that server and "
                         "replaces its database, so it never runs against another one")
    uri, _auth, database = parse_url(url)
    host, _, port = uri.split("://", 1)[1].rpartition(":")
    if host.strip("[]") not in _LOOPBACK or int(port) != info.port:
        raise StoreError(f"--bulk only imports into the local Neo4j of {state_dir} (127.0.0.1:{info.port}); "
                         f"the store is {uri}. Load it without --bulk, or point CHAINKG_STORE at the local "
                         "server (`chainkg neo4j status` prints its URL)")
    if database != DATABASE:
        raise StoreError(f"--bulk imports into the default database {DATABASE!r}, "
                         f"not {database!r}")
    return info


def _empty(store: Neo4jStore) -> bool:
    return tuple(store.version()) == (0, 0)


def _set_null(label: str, key: str) -> str:
    """Cypher: set ``key`` to ``[]`` where a node of ``label`` lacks it (every row of the label held
    the key, so only an empty list is missing; the label is the schema's, the key checked as above)."""
    return (f"MATCH (n:`{label}`) WHERE n.`{key}` IS NULL CALL (n) {{ SET n.`{key}` = [] }} "
            f"IN TRANSACTIONS OF {_FIX_ROWS} ROWS")


def _fix_up(url: str, plan: ImportPlan) -> int:
    """Set the empty lists the importer left out (one query per key); returns nodes changed."""
    import neo4j

    uri, auth, database = parse_url(url)
    done = 0
    with neo4j.GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF") as d:
        with d.session(database=database) as s:  # CALL … IN TRANSACTIONS needs an implicit transaction
            for marker, key in plan.empties.items():
                done += s.run(_set_empty(marker, key)).consume().counters.properties_set
            for label, key in plan.nulls:
                done += s.run(_set_null(label, key)).consume().counters.properties_set
    return done


def bulk_load(state_dir: str | os.PathLike, url: str, run: Callable[[BulkSink], T], *,
              keep_files: bool = False, import_timeout: float | None = None) -> tuple[T, BulkResult]:
    """``run(sink)`` (e.g. ``lambda s: ChainKG(s).load(files)``) into CSV, then the offline import
    into the local Neo4j of ``state_dir`` that ``url`` names; returns (what ``run`` returned, the
    :class:`BulkResult`). Refuses unless the server is the local one and its database is empty.
    Nothing is imported if ``run`` raises."""
    check_target(state_dir, url)
    t0 = time.perf_counter()
    seconds: dict[str, float] = {}
    store = Neo4jStore.from_url(url)
    try:
        if not _empty(store):
            raise StoreError("--bulk is for a first load into an empty database, and this one holds data; "
                             "load without --bulk (online, MERGE), or clear it first")
        work = Path(server_config(state_dir).get("server.directories.import")
                    or Path(state_dir) / "neo4j" / "import") / f"bulk-{os.getpid()}-{time.time_ns()}"
        counted = ImportedAggregates()
        writer = CsvGraphWriter(work, observe=counted)
        try:
            sink = BulkSink(store, writer)
            t = time.perf_counter()
            out = run(sink)
            # the load's own work (reading, validating, classifying … or a generator), then the writer's
            seconds["load"] = time.perf_counter() - t - sink.seconds
            seconds["csv"] = sink.seconds - writer.observe_seconds
            seconds["count"] = writer.observe_seconds
            t = time.perf_counter()
            text = counted.state()
            seconds["apply"] = time.perf_counter() - t
            del counted
            t = time.perf_counter()
            writer.internal_node(cypher.STATE_LABEL, {"id": "aggregates", "state": text, "seq": str(uuid.uuid4()),
                                                      "version": STATE_VERSION})
            plan = writer.finish()
            seconds["csv"] += time.perf_counter() - t
            if not _empty(store):  # someone wrote meanwhile: importing would overwrite it
                raise StoreError("the database received data during the bulk load; nothing was imported")
            store.close()
            info, _log = neo4j_server.offline_import(state_dir, plan.args, timeout=import_timeout, seconds=seconds)
        finally:
            if not keep_files:
                shutil.rmtree(work, ignore_errors=True)
    finally:
        store.close()
    t = time.perf_counter()
    store = Neo4jStore.from_url(info.url)  # creates the constraints, as on every open (the aggregates are in)
    try:
        seconds["constraints"] = time.perf_counter() - t
        imported = tuple(store.version())
        if imported != (plan.nodes, plan.rels):
            raise StoreError(f"the import holds {imported[0]:,} nodes and {imported[1]:,} relationships, "
                             f"expected {plan.nodes:,} and {plan.rels:,} (log: {state_dir}/neo4j/logs/import.log)")
        t = time.perf_counter()
        emptied = _fix_up(info.url, plan)
        seconds["fix-up"] = time.perf_counter() - t
        t = time.perf_counter()
        # one transaction, in order; the stored aggregates move by the replays' deltas, as on every write
        replayed = store.write_stream(plan.replays) if plan.replays else 0
        seconds["replays"] = time.perf_counter() - t
    finally:
        store.close()
    seconds["total"] = time.perf_counter() - t0
    return out, BulkResult(info, plan.nodes, plan.rels, replayed, emptied, seconds)
