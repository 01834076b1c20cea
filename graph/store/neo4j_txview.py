"""The stored aggregates' view of a Neo4j write transaction (:class:`graph.store.aggregates.TxView`).

Why: :mod:`graph.store.aggregates` moves the stored aggregates inside each write's transaction and
asks the store only a few things — the chain's structure, the firms' states before and after, the
firms linked to a node, the stored state itself. This is the Cypher answer to each, run in the
adapter's explicit transaction; opening the view takes the state node's write lock first, so two
writers move the aggregates one after the other.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.store import cypher
from graph.store.aggregates import STATE_VERSION, FirmState, Structure
from ontology.firms import size_facts

__all__ = ["Neo4jTxView"]

_CHUNK = 10_000


class Neo4jTxView:
    """:class:`graph.store.aggregates.TxView` on one explicit Neo4j transaction."""

    no_firms = False  # True while the store holds no enterprise yet: states() need not ask

    def __init__(self, tx) -> None:
        self.tx = tx
        tx.run(cypher.AGG_LOCK).consume()  # first: the state node's write lock, held to commit

    def structure(self) -> Structure:
        parents: dict[str, list[str]] = {}
        for r in self.tx.run(cypher.CHILD_OF_PAIRS):
            parents.setdefault(r["src"], []).append(r["dst"])
        return Structure({k: tuple(v) for k, v in parents.items()},
                         {r["id"]: r["cluster"] for r in self.tx.run(cypher.SEGMENT_CLUSTER_MAP)})

    @staticmethod
    def _state(r) -> FirmState:
        return FirmState(r["local"], r["o"], bool(r["leading"]), bool(r["closed_local"]), tuple(sorted(r["segs"])),
                         tuple(sorted(r["techs"])), tuple(sorted(r["ds"])),
                         *size_facts(r["emp"], r["cap"], r["cur"], r["code"]))

    def states(self, ids: Iterable[str]) -> dict[str, FirmState]:
        ids, out = list(ids), {}
        if self.no_firms:
            return out
        for i in range(0, len(ids), _CHUNK):
            out.update((r["id"], self._state(r)) for r in self.tx.run(cypher.FIRM_STATES, ids=ids[i:i + _CHUNK]))
        return out

    def all_states(self):
        last = ""
        while True:
            page = {r["id"]: self._state(r) for r in self.tx.run(cypher.FIRM_STATES_PAGE, after=last, limit=50_000)}
            if not page:
                return
            last = max(page)
            yield page

    def linked(self, rel_type: str, dsts: list[str]) -> set[str]:
        return {r["id"] for r in self.tx.run(cypher.LINKED_FIRMS[rel_type], dsts=list(dsts))}

    def load(self) -> str | None:
        rows = list(self.tx.run(cypher.AGG_STATE))
        return rows[0]["state"] if rows else None

    def save(self, text: str) -> None:
        self.tx.run(cypher.AGG_SAVE, state=text, version=STATE_VERSION).consume()
