"""The statements of one Neo4j write transaction: ``CREATE`` where the store guarantees there is
nothing to merge with, ``MERGE`` everywhere else — same stored content either way.

What: :class:`TxWriter` writes a :class:`graph.store.Batch` (or, for a streaming write, several in
turn) inside one explicit transaction that the caller opens, commits or rolls back. Per label and
per relationship type it reads once, at its first use in the transaction, whether the store holds
any (Neo4j's count store: constant time). While a label or type was empty at that moment, a row
whose key (node id; relationship source and target) this transaction has not written yet is
``CREATE``\\ d; every other row goes through the usual ``UNWIND … MERGE … SET +=``, after the
created rows of its chunk, in its order — so a later occurrence still updates the first one, as
``MERGE`` does. Relationship rows without properties are sent as ``[src, dst]`` pairs. The keys
written are remembered as hashes (≈ 60 B a row, and no reference that keeps a row's strings alive);
two keys that share a hash only send the second row down the ``MERGE`` path, which is always right.

Why: on a first load (an empty database, the case that matters for speed: every row new) ``MERGE``
is an index seek, a lock and a second seek per row, and for a relationship an expansion of one
endpoint's relationships; ``CREATE`` skips them. The uniqueness constraints still guard node ids
(a concurrent writer would make the transaction fail, not duplicate a node), and every write
through the adapter first takes the aggregates' state-node lock (:mod:`graph.store.neo4j_txview`), so two
of our writes never see the same "empty" at once. ``tests/test_store_contract.py`` (duplicates
within a batch, reloads) and the checksum tests hold the content equal.

>>> _split([{"id": "a"}, {"id": "b"}, {"id": "a", "x": 1}], set(), _node_id)[1]
[{'id': 'a', 'x': 1}]
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any
from graph.store import cypher
from graph.store.port import Batch
from ontology.errors import StoreError

__all__ = ["TxWriter", "CHUNK"]

CHUNK = 10_000  # rows per statement: bounded parameter messages, few round trips


def _split(rows: list, seen: set, key: Callable[[Any], Hashable]) -> tuple[list, list]:
    """(rows whose key is new — each key's first row; the other rows, in order); ``seen`` grows."""
    fresh, again = [], []
    add = seen.add
    for r in rows:
        k = key(r)
        if k in seen:
            again.append(r)
        else:
            add(k)
            fresh.append(r)
    return fresh, again


def _node_id(row: dict) -> int:
    return hash(row["id"])


def _pair(row: dict) -> int:
    return hash((row["src"], row["dst"]))


class TxWriter:
    """Writes batches into one open transaction ``tx`` (see the module docstring)."""

    def __init__(self, tx, progress: Callable[[int], None] | None = None) -> None:
        self.tx, self.progress = tx, progress
        self.done = 0
        self._new: dict[str, set | None] = {}  # label / rel type -> keys written (None: it held data)

    def _fresh(self, name: str, query: str) -> set | None:
        """The keys written to ``name`` by this transaction if it was empty at first use, else None."""
        if name not in self._new:
            self._new[name] = set() if self.tx.run(query).single()["n"] == 0 else None
        return self._new[name]

    def new_firms(self) -> bool:
        """True if the store held no enterprise when this transaction first asked (every firm is new)."""
        return self._fresh("Enterprise", cypher.count_label("Enterprise")) is not None

    def _tick(self, n: int) -> None:
        self.done += n
        if self.progress:
            self.progress(n)

    def nodes(self, label: str, rows: list[dict]) -> None:
        seen = self._fresh(label, cypher.count_label(label))
        for i in range(0, len(rows), CHUNK):
            chunk = list(rows[i:i + CHUNK])  # maps (a batch may hold its rows as columns)
            fresh, again = _split(chunk, seen, _node_id) if seen is not None else ([], chunk)
            if fresh:
                self.tx.run(cypher.create_nodes(label), rows=fresh).consume()
            if again:
                self.tx.run(cypher.upsert_nodes(label), rows=again).consume()
            self._tick(len(chunk))

    def rels(self, rel_type: str, rows: list[dict]) -> None:
        seen = self._fresh(rel_type, cypher.count_rel_type(rel_type))
        for i in range(0, len(rows), CHUNK):
            chunk = list(rows[i:i + CHUNK])  # maps (a batch may hold its rows as columns)
            fresh, again = _split(chunk, seen, _pair) if seen is not None else ([], chunk)
            n = 0
            if fresh:
                bare = [[r["src"], r["dst"]] for r in fresh if not r["props"]]
                if bare:
                    n += self.tx.run(cypher.create_bare_rels(rel_type), pairs=bare).single()["n"]
                if len(bare) < len(fresh):
                    n += self.tx.run(cypher.create_rels(rel_type),
                                     rows=[r for r in fresh if r["props"]]).single()["n"]
            if again:
                n += self.tx.run(cypher.upsert_rels(rel_type), rows=again).single()["n"]
            if n != len(chunk):
                raise StoreError(f"{rel_type} relationship to a missing node ({len(chunk) - n} of {len(chunk)} rows)",
                                 entry=rel_type)
            self._tick(len(chunk))

    def drops(self, rel_type: str, pairs: Iterable[tuple[str, str]]) -> None:
        pairs = [list(p) for p in pairs]
        self.tx.run(cypher.delete_rels(rel_type), pairs=pairs).consume()
        self.done += len(pairs)

    def batch(self, batch: Batch) -> None:
        """Nodes, then relationships, then drops — the order every adapter writes a batch in."""
        for label, rows in batch.nodes.items():
            self.nodes(label, rows)
        for rel_type, rows in batch.rels.items():
            self.rels(rel_type, rows)
        for rel_type, pairs in batch.drops.items():
            self.drops(rel_type, pairs)
