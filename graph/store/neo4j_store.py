"""Neo4j adapter of :class:`graph.store.port.GraphStore`, with the official ``neo4j`` driver.

Uniqueness constraints are generated from the ontology schema on open; writes are idempotent
batched ``UNWIND … MERGE``; a ``write`` runs in ONE explicit transaction, so a load lands whole or
not at all; reads run in read transactions. All Cypher lives in :mod:`graph.store.cypher`.

This class owns the driver, the write transaction and the writes. Its reads are
:mod:`graph.store.neo4j_reads`, the aggregates' view of a write :mod:`graph.store.neo4j_txview`,
the rows of a write :mod:`graph.store.neo4j_write`, the Cypher console :mod:`graph.store.neo4j_console`.

>>> store = Neo4jStore.from_url("neo4j://neo4j:secret@127.0.0.1:7687")  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import unquote, urlsplit

from ontology.errors import StoreError
from graph.store import aggregates as agg_state
from graph.store import cypher, neo4j_console
from graph.store.aggregates import STATE_VERSION, Aggregates
from graph.store.neo4j_console import CONSOLE_MAX_BYTES
from graph.store.neo4j_reads import Neo4jReads
from graph.store.neo4j_txview import Neo4jTxView
from graph.store.neo4j_write import TxWriter
from graph.store.port import Batch
from ontology.schema import REL_ENDPOINTS, check_label

__all__ = ["Neo4jStore", "parse_url"]


def parse_url(url: str) -> tuple[str, tuple[str, str], str]:
    """Split ``neo4j://user:pass@host:port[/db]`` into (uri without credentials, auth, database).

    >>> parse_url("neo4j://neo4j:pw@127.0.0.1:7687")
    ('neo4j://127.0.0.1:7687', ('neo4j', 'pw'), 'neo4j')
    """
    parts = urlsplit(url)
    if not parts.hostname:
        raise StoreError(f"not a Neo4j URL: {url!r}")
    auth = (unquote(parts.username or "neo4j"), unquote(parts.password or ""))
    database = parts.path.strip("/") or "neo4j"
    return f"{parts.scheme}://{parts.hostname}:{parts.port or 7687}", auth, database


class Neo4jStore(Neo4jReads):
    kind = "neo4j"
    #: byte cap of a console query (:meth:`run_read`); the API sets it from ``CHAINKG_CYPHER_MAX_BYTES``
    console_max_bytes: int = CONSOLE_MAX_BYTES
    #: seconds per step of the last :meth:`write` (begin, rows, aggregates, commit)
    last_write: dict[str, float] = {}

    def __init__(self, uri: str, auth: tuple[str, str], database: str = "neo4j") -> None:
        import neo4j

        self._neo4j = neo4j
        self.database = database
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF")
            self._driver.verify_connectivity()
            for stmt in cypher.constraints():
                self._driver.execute_query(stmt, database_=database)
            self._agg_cache: tuple | None = None
            current = self._driver.execute_query(cypher.AGG_CURRENT, marker=f'"format":{agg_state.FORMAT},',
                                                 database_=database).records
            if not (current and current[0]["current"] and current[0]["version"] == STATE_VERSION):
                self.rebuild_aggregates()  # a database written before the stored aggregates (or before their
                #                            format, agg_state.FORMAT, or their meaning, STATE_VERSION), or imported
        except neo4j.exceptions.Neo4jError as e:
            raise StoreError(f"Neo4j refused: {e.message}", entry=uri) from e
        except (neo4j.exceptions.DriverError, OSError) as e:
            raise StoreError(f"cannot reach Neo4j at {uri}: {e}") from e

    @classmethod
    def from_url(cls, url: str) -> "Neo4jStore":
        uri, auth, database = parse_url(url)
        return cls(uri, auth, database)

    # -- one read transaction (the reads: graph.store.neo4j_reads) --------------------------------
    def _read(self, query: str, **params: Any) -> list:
        def work(tx):
            return list(tx.run(query, params))

        with self._driver.session(database=self.database) as s:
            return s.execute_read(work)

    # -- writes -----------------------------------------------------------------------------------
    def write(self, batch: Batch, progress: Callable[[int], None] | None = None) -> int:
        """One transaction: the aggregates' lock, the rows (:class:`graph.store.neo4j_write.TxWriter`: CREATE
        where the store is empty, MERGE elsewhere), the aggregates moved, commit. Seconds per step
        go to :attr:`last_write`."""
        clock, t = {}, time.perf_counter()

        def lap(step: str) -> None:
            nonlocal t
            now = time.perf_counter()
            clock[step] = clock.get(step, 0.0) + now - t
            t = now

        with self._write_tx() as tx:
            view, writer = Neo4jTxView(tx), TxWriter(tx, progress)
            touched = agg_state.touched_firms(batch)
            view.no_firms = writer.new_firms()  # a first load: no firm has a state before it
            started = agg_state.begin(view, touched)
            view.no_firms = False
            lap("begin")
            writer.batch(batch)
            lap("rows")
            agg_state.finish(view, touched, started)  # the aggregates move in the same transaction
            lap("aggregates")
        lap("commit")
        self.last_write = clock
        return writer.done

    def write_stream(self, batches: Iterable[Batch], progress: Callable[[int], None] | None = None) -> int:
        """Upsert every batch of ``batches`` in ONE transaction, each as it comes (see the port);
        the aggregates move chunk by chunk inside it (:class:`graph.store.aggregates.Running`)."""
        with self._write_tx() as tx:
            running, writer = agg_state.Running(Neo4jTxView(tx)), TxWriter(tx, progress)
            for batch in batches:
                started = running.before(batch)
                writer.batch(batch)  # CREATE where the store was empty, MERGE elsewhere (as write)
                running.after(started)
            running.finish()
        return writer.done

    @contextlib.contextmanager
    def _write_tx(self):
        """One explicit write transaction: committed at the end of the block, rolled back on any
        exception (a Neo4j error becomes a :class:`StoreError`)."""
        with self._driver.session(database=self.database) as s:
            tx = s.begin_transaction()
            try:
                yield tx
                tx.commit()
            except self._neo4j.exceptions.Neo4jError as e:
                tx.rollback()
                raise StoreError(f"Neo4j write failed: {e.message}") from e
            finally:
                if not tx.closed():
                    tx.rollback()

    def _tracked(self, touched_of, query: str, **params: Any) -> int:
        """Run one delete with the aggregates moved in the same transaction."""
        def work(tx):
            view = Neo4jTxView(tx)
            touched = touched_of(view)
            started = agg_state.begin(view, touched)
            n = tx.run(query, params).single()["n"]
            agg_state.finish(view, touched, started)
            return n

        try:
            with self._driver.session(database=self.database) as s:
                return s.execute_write(work)
        except self._neo4j.exceptions.Neo4jError as e:
            raise StoreError(f"Neo4j write failed: {e.message}") from e

    def delete_nodes(self, label: str, ids: Iterable[str]) -> int:
        ids = list(ids)
        check_label(label)
        return self._tracked(lambda v: set(ids) if label == "Enterprise" else {
            f for t in agg_state.FIRM_RELS if REL_ENDPOINTS[t][1] == label for f in v.linked(t, ids)},
            cypher.delete_nodes(label), ids=ids)

    def delete_rels(self, rel_type: str, pairs: Iterable[tuple[str, str]]) -> int:
        pairs = [list(p) for p in pairs]
        return self._tracked(lambda v: {p[0] for p in pairs} if rel_type in agg_state.FIRM_RELS else set(),
                             cypher.delete_rels(rel_type), pairs=pairs)

    def clear(self) -> None:
        with self._driver.session(database=self.database) as s:
            s.run(cypher.CLEAR).consume()
        self.rebuild_aggregates()

    def rebuild_aggregates(self) -> None:
        """Recount the stored aggregates from the graph, in one transaction (after a bulk import or a
        write by another tool; loads through :meth:`write` keep them exact on their own)."""
        def work(tx):
            agg_state.finish(Neo4jTxView(tx), set(), (None, {}))

        with self._driver.session(database=self.database) as s:
            s.execute_write(work)

    def recount_aggregates(self) -> Aggregates:
        """The aggregates counted from scratch, without storing them (what the stored ones must equal)."""
        with self._driver.session(database=self.database) as s:
            tx = s.begin_transaction()
            try:
                return agg_state.recount(Neo4jTxView(tx))
            finally:
                tx.rollback()

    def _aggregates(self) -> Aggregates:
        """The stored aggregates, parsed once per change (the state node's ``seq``)."""
        seq = self._read(cypher.AGG_SEQ)
        if not seq:
            raise StoreError("the database holds no aggregates: run rebuild_aggregates()")
        hit = self._agg_cache
        if hit is None or hit[0] != seq[0]["seq"]:
            row = self._read(cypher.AGG_STATE)[0]
            hit = self._agg_cache = (row["seq"], Aggregates.loads(row["state"]))
        return hit[1]

    def version(self) -> tuple[int, int]:
        """Node and relationship totals, read from Neo4j's count store (constant time), the internal
        aggregates node left out ((0, 0) is an empty database). They change with every load that adds
        or removes something; an in-place property update by another process is not seen (the
        service also bumps its own token after each of its loads)."""
        return (self._read(cypher.TOTAL_NODES)[0]["n"], self._read(cypher.TOTAL_RELS)[0]["n"])

    def run_read(self, query: str, params: dict[str, Any] | None = None, *, timeout: float = 5.0,
                 limit: int = 1000, max_bytes: int | None = None) -> list[dict]:
        """Run a caller-supplied query as the Cypher console does; at most ``limit`` rows and
        ``max_bytes`` (default :attr:`console_max_bytes`). Every limit and why:
        :func:`graph.store.neo4j_console.run_read`."""
        return neo4j_console.run_read(self._driver, self.database, query, params, timeout=timeout, limit=limit,
                                      max_bytes=int(max_bytes or self.console_max_bytes))

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
