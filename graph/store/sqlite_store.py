"""Embedded default store: one SQLite file (stdlib ``sqlite3``), WAL mode, no server.

Why SQLite: always present, durable, transactional (a ``write`` is one transaction: it lands whole
or not at all), and in WAL mode readers keep reading the last committed state while a load runs.
This class owns the file: connections, the write transaction and the writes. Its reads are
:mod:`graph.store.sqlite_reads`, the aggregates' view of a write :mod:`graph.store.sqlite_txview`,
the schema :mod:`graph.store.sqlite_schema`, the SQL :mod:`graph.store.sql` (docs/architecture.md).

>>> s = SQLiteStore(":memory:")
>>> b = Batch(); b.node("Cluster", {"id": "auto", "name": "汽车"}); s.write(b)
1
>>> s.get_node("Cluster", "auto")["name"]
'汽车'
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from itertools import repeat
from operator import itemgetter
from time import process_time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ontology.errors import StoreError
from graph.store import aggregates as agg_state
from graph.store import sql
from graph.store.aggregates import Aggregates
from graph.store.port import Batch, column
from graph.store.sqlite_db import busy_as_store_error, default_timeout, dump_all as _dump_all, shared_dumper
from graph.store.sqlite_reads import SQLiteReads
from graph.store.sqlite_schema import DeferredIndexes, migrate
from graph.store.sqlite_txview import SQLiteTxView
from ontology.schema import REL_ENDPOINTS, check_label, check_rel_type

__all__ = ["SQLiteStore"]

_CHUNK = 5000
#: a chunk's rows go to SQLite in primary-key order (label, id) / (type, src, dst): consecutive
#: B-tree inserts land on pages already in SQLite's page cache (docs/log/import-rounds.md, round 7)
_KEY2, _KEY3 = itemgetter(0, 1), itemgetter(0, 1, 2)


class SQLiteStore(SQLiteReads):
    """:class:`graph.store.port.GraphStore` on one SQLite file."""

    kind = "sqlite"

    def __init__(self, path: str | Path, timeout: float | None = None) -> None:
        self.path = str(path)
        self.timeout = default_timeout() if timeout is None else timeout
        if self.path != ":memory:":
            Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None,
                                       timeout=self.timeout)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open SQLite store: {e}", file=self.path) from e
        self._lock = threading.RLock()
        self._readers = threading.local()
        self._reader_conns: list[sqlite3.Connection] = []
        self._generation = 0                       # bumped by every write of this object
        self._agg_cache: tuple | None = None       # (store version, parsed aggregates)
        self._id_lists: dict[tuple, list[str]] = {}  # enterprise-filter results (ids), per store version
        self._lists_lock = threading.Lock()
        self.write_split: dict[str, float] = {}   # CPU seconds of the last write_stream, by part
        try:
            with busy_as_store_error(self.path):
                if self._db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":  # already WAL: no lock needed
                    self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute("PRAGMA foreign_keys=OFF")
                migrate(self._db, self._transaction)
        except BaseException:
            self._db.close()
            raise

    # -- writes ---------------------------------------------------------------------------------
    @contextmanager
    def _transaction(self):
        """One write transaction on the writer connection: ``BEGIN IMMEDIATE`` (the write lock, or a
        StoreError naming the file when another process holds it), ``COMMIT`` at the end of the
        block, ``ROLLBACK`` on any exception (including one raised by the caller's iterator)."""
        with self._lock, busy_as_store_error(self.path):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield SQLiteTxView(self._db)
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._generation += 1

    def write(self, batch: Batch, progress: Callable[[int], None] | None = None) -> int:
        return self.write_stream((batch,), progress)

    def write_stream(self, batches: Iterable[Batch], progress: Callable[[int], None] | None = None) -> int:
        """Upsert every batch of ``batches`` in ONE transaction, each as it comes (see the port).

        First load into an empty store: every node that exists is one this transaction wrote, so
        relationship endpoints are checked against those ids in memory instead of two index
        lookups a row (the same error for a dangling one), and a firm a batch writes for the first
        time has the state its rows give it (``Running.before(batch, stored=…)``): no read-back; and
        on a file the secondary indexes are built once after the rows (``DeferredIndexes``).

        ``write_split`` afterwards holds this call's CPU seconds: ``json`` (serialising props),
        ``sql`` (the statements) and ``aggregates`` (their reads and deltas)."""
        done = 0
        split = self.write_split = {"sql": 0.0, "json": 0.0, "aggregates": 0.0}
        with self._transaction() as tx:
            written = tx.written = {} if self._db.execute(sql.FIRST_NODE).fetchone() is None else None
            # a first load into a file store builds the secondary indexes once, after its rows (a
            # ``:memory:`` store's reads share this connection, so it keeps them)
            deferred = DeferredIndexes(self._db) if written is not None and self.path != ":memory:" else None
            if deferred is not None:
                tx.need_indexes = deferred.restore
            c = process_time()
            running = agg_state.Running(tx)
            split["aggregates"] += process_time() - c
            dump_rel = shared_dumper()
            for batch in batches:
                if deferred is not None and batch.nodes.get("Enterprise"):
                    deferred.drop()
                c = process_time()
                started = running.before(batch, None if written is None else written.get("Enterprise", ()))
                split["aggregates"] += process_time() - c
                done += self._upsert(batch, dump_rel, progress, written, split)
                c = process_time()
                running.after(started)  # the aggregates move in the same transaction
                split["aggregates"] += process_time() - c
            if deferred is not None:
                c = process_time()
                deferred.restore()
                split["sql"] += process_time() - c
            c = process_time()
            running.finish()
            split["aggregates"] += process_time() - c
        return done

    def _upsert(self, batch: Batch, dump_rel, progress: Callable[[int], None] | None,
                written: dict[str, set[str]] | None, split: dict[str, float]) -> int:
        """One batch's rows; ``written``: label → ids written so far, on a first load (else None)."""
        done = 0
        for label, rows in batch.nodes.items():
            check_label(label)
            for i in range(0, len(rows), _CHUNK):
                c0 = process_time()
                chunk = rows[i:i + _CHUNK]
                ids = list(column(chunk, "id"))
                texts = _dump_all(chunk)
                c1 = process_time()
                # in key order (a stable sort: a repeated id keeps its rows' order, so the same patch)
                self._db.executemany(sql.UPSERT_NODE, sorted(zip(repeat(label), ids, texts), key=_KEY2))
                if written is not None:
                    written.setdefault(label, set()).update(ids)
                split["json"] += c1 - c0
                split["sql"] += process_time() - c1
                done += len(chunk)
                if progress:
                    progress(len(chunk))
        for rel_type, rows in batch.rels.items():
            src_label, dst_label = REL_ENDPOINTS[check_rel_type(rel_type)]
            for i in range(0, len(rows), _CHUNK):
                c0 = process_time()
                chunk = rows[i:i + _CHUNK]  # (rows held as columns: read a column at a time, no maps)
                texts = list(map(dump_rel, column(chunk, "props", None)))
                c1 = process_time()
                split["json"] += c1 - c0
                src_ids, dst_ids = list(column(chunk, "src")), list(column(chunk, "dst"))
                if written is not None:
                    srcs, dsts = written.get(src_label, set()), written.get(dst_label, set())
                    if not (srcs.issuperset(src_ids) and dsts.issuperset(dst_ids)):
                        for r in chunk:  # the first dangling row names its missing end
                            if r["src"] not in srcs or r["dst"] not in dsts:
                                missing = f"{src_label} {r['src']!r}" if r["src"] not in srcs else f"{dst_label} {r['dst']!r}"
                                raise StoreError(f"{rel_type} relationship to a missing node: {missing}", entry=rel_type)
                    self._db.executemany(sql.UPSERT_REL_CHECKED_BY_CALLER,
                                         sorted(zip(repeat(rel_type), src_ids, dst_ids, texts), key=_KEY3))
                else:
                    cur = self._db.executemany(sql.UPSERT_REL, (
                        (rel_type, s, d, t, src_label, s, dst_label, d)
                        for _, s, d, t in sorted(zip(repeat(rel_type), src_ids, dst_ids, texts), key=_KEY3)))
                    if cur.rowcount != len(chunk):
                        missing = self._first_dangling(rel_type, chunk)
                        raise StoreError(f"{rel_type} relationship to a missing node: {missing}", entry=rel_type)
                split["sql"] += process_time() - c1
                done += len(chunk)
                if progress:
                    progress(len(chunk))
        c = process_time()
        for rel_type, pairs in batch.drops.items():
            check_rel_type(rel_type)
            self._db.executemany(sql.DELETE_REL, ((rel_type, a, b) for a, b in pairs))
            done += len(pairs)
        split["sql"] += process_time() - c
        return done

    def _first_dangling(self, rel_type: str, chunk: list[dict]) -> str:
        src_label, dst_label = REL_ENDPOINTS[rel_type]
        for r in chunk:
            for label, nid in ((src_label, r["src"]), (dst_label, r["dst"])):
                if not self._db.execute(sql.NODE_EXISTS, (label, nid)).fetchone():
                    return f"{label} {nid!r}"
        return "?"

    def delete_nodes(self, label: str, ids: Iterable[str]) -> int:
        check_label(label)
        ids = list(ids)
        with self._transaction() as tx:
            touched = set(ids) if label == "Enterprise" else \
                {f for t in agg_state.FIRM_RELS if REL_ENDPOINTS[t][1] == label for f in tx.linked(t, ids)}
            started = agg_state.begin(tx, touched)
            for rel_type, (src_label, dst_label) in REL_ENDPOINTS.items():
                if src_label == label:
                    self._db.executemany(sql.DELETE_REL_BY_SRC, ((rel_type, i) for i in ids))
                if dst_label == label:
                    self._db.executemany(sql.DELETE_REL_BY_DST, ((rel_type, i) for i in ids))
            n = self._db.executemany(sql.DELETE_NODE, ((label, i) for i in ids)).rowcount
            agg_state.finish(tx, touched, started)
        return n

    def delete_rels(self, rel_type: str, pairs: Iterable[tuple[str, str]]) -> int:
        check_rel_type(rel_type)
        pairs = list(pairs)
        with self._transaction() as tx:
            touched = {s for s, _ in pairs} if rel_type in agg_state.FIRM_RELS else set()
            started = agg_state.begin(tx, touched)
            n = self._db.executemany(sql.DELETE_REL, ((rel_type, s, d) for s, d in pairs)).rowcount
            agg_state.finish(tx, touched, started)
        return n

    def clear(self) -> None:
        with self._transaction():
            self._db.execute("DELETE FROM rels")
            self._db.execute("DELETE FROM nodes")
            self._db.execute(sql.AGG_SAVE, (Aggregates().dumps(),))

    def rebuild_aggregates(self) -> None:
        """Recount the stored aggregates from the rows, in one transaction (after a bulk import or a
        write by another tool; loads through :meth:`write` keep them exact on their own)."""
        with self._transaction() as tx:
            agg_state.finish(tx, set(), (None, {}))

    def recount_aggregates(self) -> Aggregates:
        """The aggregates counted from scratch, without storing them (what the stored ones must equal)."""
        with self._lock, busy_as_store_error(self.path):
            return agg_state.recount(SQLiteTxView(self._db))

    def _aggregates(self) -> Aggregates:
        """The stored aggregates, parsed once per store version."""
        key = self.version()
        hit = self._agg_cache
        if hit is None or hit[0] != key:
            rows = self._q(sql.AGG_STATE)
            if not rows:
                raise StoreError("the store holds no aggregates: open it once with this version to "
                                 "migrate, or run rebuild_aggregates()", file=self.path)
            hit = self._agg_cache = (key, Aggregates.loads(rows[0][0]))
        return hit[1]

    def version(self) -> tuple[int, int]:
        """Changes whenever the content may have changed: our own writes (generation) or a commit
        by any other connection or process (``PRAGMA data_version``). Caches key on it."""
        with self._lock, busy_as_store_error(self.path):
            return self._generation, self._db.execute("PRAGMA data_version").fetchone()[0]

    # -- reads (the queries: graph.store.sqlite_reads) -------------------------------------------
    def _q(self, query: str, params: Any = ()) -> list[tuple]:
        """Reads: on a file store each thread reads through its own connection (WAL readers run side
        by side and see the last committed state); ``:memory:`` shares the one connection."""
        if self.path == ":memory:":
            with self._lock:
                return self._db.execute(query, params).fetchall()
        db = getattr(self._readers, "db", None)
        if db is None:
            db = self._readers.db = sqlite3.connect(self.path, check_same_thread=False, timeout=self.timeout)
            self._reader_conns.append(db)
        with busy_as_store_error(self.path):
            return db.execute(query, params).fetchall()

    def close(self) -> None:
        with self._lock:
            for db in self._reader_conns:
                db.close()
            self._reader_conns.clear()
            self._readers = threading.local()
            self._db.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
