"""The Cypher console's read: a caller-supplied query run under every limit the console promises.

Why its own module: :meth:`graph.store.neo4j_store.Neo4jStore.run_read` is the one place a query
text the application did not write reaches Neo4j, and what guards it — the read-only guard, the
plan check, a READ transaction with a server timeout, a client deadline and a byte cap enforced on
the driver's socket, a worker thread as the backstop — is one concept of its own, unrelated to how
the adapter writes and reads the graph. The adapter passes its driver and database and the cap it
was given (``Neo4jStore.console_max_bytes``, set by the API from ``CHAINKG_CYPHER_MAX_BYTES``).
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Any

from ontology.errors import InputError, StoreError

__all__ = ["run_read", "CONSOLE_MAX_BYTES", "CONSOLE_GRACE_S"]

CONSOLE_MAX_BYTES = 2 * 1024 * 1024  # default byte cap of one console query (CHAINKG_CYPHER_MAX_BYTES)
CONSOLE_GRACE_S = 2.0                # client deadline = server timeout + max(grace, timeout / 2)


class _TooLarge(Exception):
    """Internal: the console's byte budget ran out."""


class _ConsoleBudget:
    """Client-side limits of one console query, enforced on the transaction's socket.

    Why the driver's internals: the ``neo4j`` driver has no public read timeout and no cap on the
    size of a record, and a record is decoded whole. So, for the life of one transaction, the
    socket gets a read deadline (``set_read_deadline``, the driver's own mechanism) and its
    ``recv_into`` is wrapped to count bytes; past the cap the read fails, the driver drops the
    connection, and the query fails. Both are undone before the connection can go back to the pool.
    If the driver's internals change, the console refuses to run (a test pins this) rather than
    run without its limits.
    """

    def __init__(self, max_bytes: int, deadline_s: float) -> None:
        self.max_bytes, self.deadline_s = max_bytes, deadline_s
        self.read = 0
        self.too_large = self.timed_out = False

    @contextlib.contextmanager
    def watch(self, tx):
        sock = getattr(getattr(tx, "_connection", None), "socket", None)
        if sock is None or not callable(getattr(sock, "set_read_deadline", None)) or \
                not callable(getattr(sock, "recv_into", None)):
            raise StoreError("the neo4j driver's connection internals changed: the Cypher console cannot "
                             "enforce its deadline and byte cap, so it does not run (pin neo4j 6.4)")
        inner = sock.recv_into
        started = time.monotonic()

        def recv_into(buffer, nbytes=0):
            if self.read > self.max_bytes:
                self.too_large = True
                raise OSError(f"console result larger than {self.max_bytes} bytes")
            try:
                n = inner(buffer, nbytes)
            except Exception:
                if time.monotonic() - started >= self.deadline_s - 0.05:
                    self.timed_out = True
                raise
            self.read += n
            return n

        sock.recv_into = recv_into
        sock.set_read_deadline(self.deadline_s)
        try:
            yield self
        finally:
            with contextlib.suppress(Exception):
                del sock.recv_into
            with contextlib.suppress(Exception):
                sock.set_read_deadline(None)

def run_read(driver, database: str, query: str, params: dict[str, Any] | None = None, *,
             timeout: float = 5.0, limit: int = 1000, max_bytes: int = CONSOLE_MAX_BYTES) -> list[dict]:
    """Run a caller-supplied query as the Cypher console does, on ``driver``'s ``database``; at most
    ``limit`` rows and ``max_bytes``.

    Why so many locks on one door: Neo4j Community has no roles, so the console runs with the
    app's own user. In order:

    * the guard (:func:`graph.store.cypher_guard.read_only`) refuses anything but a plain read and
      returns the normalised text that runs (applied here too, so every caller is guarded);
    * Neo4j's ``EXPLAIN`` of that text must plan a read (:func:`graph.store.cypher_guard.check_plan`);
    * it runs in an explicit READ transaction (the server refuses writes) with the server-side
      ``timeout``, and is never retried;
    * a client deadline (``timeout`` + grace) on the connection's socket: a query the server
      never answers (Neo4j 5.26 overflows its stack on some deeply nested literals and then
      stays silent) fails on time instead of hanging the request; the work runs in a worker
      thread the caller waits for at most that deadline + grace (a hang before the query's
      first read — pool, BEGIN — is answered on time too);
    * at most ``max_bytes`` are read from the server for it (so one huge row or list cannot
      exhaust memory), and the rows handed back are at most ``max_bytes`` as JSON; past either
      cap the query fails with :class:`~graph.store.cypher_guard.CypherResultTooLarge` (nothing partial).

    Nodes become ``{labels, props}``, relationships ``{type, start, end, props}``, paths ``{nodes, rels}``.
    """
    import neo4j

    from graph.store.cypher_guard import CypherResultTooLarge, check_plan, read_only

    query = read_only(query)
    params = params or {}
    max_bytes = int(max_bytes)
    budget = _ConsoleBudget(max_bytes, timeout + max(CONSOLE_GRACE_S, timeout / 2))
    used = [0]

    def grow(n: int) -> None:
        used[0] += n
        if used[0] > max_bytes:
            budget.too_large = True
            raise _TooLarge

    def plain(v: Any) -> Any:
        if isinstance(v, neo4j.graph.Node):
            grow(24)
            return {"labels": [plain(x) for x in sorted(v.labels)], "props": {plain(k): plain(x) for k, x in v.items()}}
        if isinstance(v, neo4j.graph.Relationship):
            grow(40)
            return {"type": plain(v.type), "start": plain(v.start_node.get("id")) if v.start_node else None,
                    "end": plain(v.end_node.get("id")) if v.end_node else None,
                    "props": {plain(k): plain(x) for k, x in v.items()}}
        if isinstance(v, neo4j.graph.Path):
            grow(20)
            return {"nodes": [plain(n) for n in v.nodes], "rels": [plain(r) for r in v.relationships]}
        if isinstance(v, dict):
            grow(2)
            return {plain(k): plain(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            grow(2 + len(v))
            return [plain(x) for x in v]
        if isinstance(v, str):
            grow(len(v) + 3 if v.isascii() else len(v.encode("utf-8")) + 3)
            return v
        if v is None or isinstance(v, bool):
            grow(5)
            return v
        if isinstance(v, (int, float)):
            grow(24)
            return v
        s = str(v)
        grow(len(s.encode("utf-8")) + 3)
        return s

    out: list[dict] = []
    complete = False
    box: dict[str, BaseException] = {}

    def work() -> None:
        nonlocal complete
        try:
            with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS,
                                      fetch_size=max(1, min(limit, 1000))) as s:
                tx = s.begin_transaction(timeout=timeout, metadata={"app": "chainkg-console"})
                with budget.watch(tx):
                    try:
                        check_plan(tx.run("EXPLAIN " + query, params).consume())
                        budget.read = 0  # the plan does not count against the result's bytes
                        for rec in tx.run(query, params):
                            if len(out) >= limit:
                                break
                            out.append({plain(k): plain(rec[k]) for k in rec.keys()})
                        complete = True
                    finally:
                        try:  # still under the budget: records left in flight are cut too
                            tx.close()
                        except Exception:  # noqa: BLE001 - the rows are in, or the first error says why not
                            pass
        except BaseException as e:  # noqa: BLE001 - handed to the caller's thread below
            box["error"] = e

    # Backstop: the socket deadline bounds the query's reads, but not the pool or BEGIN before them;
    # the caller gets its answer on time even if Neo4j hangs there (the worker ends at its socket's error).
    worker = threading.Thread(target=work, name="chainkg-cypher-console", daemon=True)
    worker.start()
    worker.join(budget.deadline_s + CONSOLE_GRACE_S)
    if worker.is_alive():
        raise InputError(f"Cypher query timed out after {timeout:g}s (Neo4j did not answer)",
                         field="query", timeout_s=timeout)
    try:
        if "error" in box:
            raise box["error"]
    except _TooLarge:
        budget.too_large = True
    except neo4j.exceptions.ClientError as e:
        timed_out = "TransactionTimedOut" in (e.code or "") or "Terminated" in (e.code or "")
        raise InputError(f"Cypher query timed out after {timeout:g}s" if timed_out else
                         f"Neo4j refused the query: {e.message}", field="query",
                         neo4j_code=e.code, timeout_s=timeout if timed_out else None) from e
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as e:
        if budget.timed_out:
            raise InputError(f"Cypher query timed out after {timeout:g}s (Neo4j did not answer)",
                             field="query", timeout_s=timeout) from e
        if not (budget.too_large or complete):
            raise StoreError(f"Neo4j query failed: {getattr(e, 'message', None) or e}") from e
    if budget.too_large and not complete:
        raise CypherResultTooLarge(f"the result is larger than {max_bytes:,} bytes, the console's cap "
                                   "(CHAINKG_CYPHER_MAX_BYTES): return fewer or smaller rows — LIMIT, "
                                   "chosen properties instead of whole nodes, size() or substring()",
                                   field="query", max_bytes=max_bytes)
    return out
