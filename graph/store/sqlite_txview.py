"""The stored aggregates' view of a SQLite write transaction (:class:`graph.store.aggregates.TxView`).

Why: :mod:`graph.store.aggregates` moves the stored aggregates inside each write's transaction and
asks the store only a few things — the chain's structure, the firms' states before and after, the
firms linked to a node, the stored state itself. This is the SQLite answer to each, on the writer
connection inside its transaction, so the aggregates see the rows the transaction has written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from graph.store import aggregates as agg_state
from graph.store import sql
from graph.store.aggregates import FirmState, Structure
from graph.store.sqlite_db import dump
from ontology.firms import size_facts

__all__ = ["SQLiteTxView"]


def _nothing() -> None:
    return None


def _tuple(xs) -> tuple:
    return tuple(xs) if len(xs) < 2 else tuple(sorted(xs))


class SQLiteTxView:
    """:class:`graph.store.aggregates.TxView` on one connection (inside its write transaction)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.written: dict[str, set[str]] | None = None  # first load: the only nodes there are (write_stream)
        self.need_indexes: Callable[[], None] = _nothing  # before a read through a secondary index (write_stream
        #                                                   may have deferred them: sqlite_schema.DeferredIndexes)

    def structure(self) -> Structure:
        parents: dict[str, list[str]] = {}
        for s, d in self.db.execute(sql.CHILD_OF_PAIRS):
            parents.setdefault(s, []).append(d)
        return Structure({k: tuple(v) for k, v in parents.items()}, dict(self.db.execute(sql.SEGMENT_CLUSTER_MAP)))

    @staticmethod
    def _states(feats: list[tuple], links: Iterable[tuple[str, str, str]]) -> dict[str, FirmState]:
        by: dict[str, dict[str, list[str]]] = {t: {} for t in agg_state.FIRM_RELS}
        for t, s, d in links:
            per = by[t]
            if s in per:
                per[s].append(d)
            else:
                per[s] = [d]
        segs, techs, sets = by["IN_SEGMENT"], by["HOLDS"], by["IN_DATASET"]
        none: tuple = ()
        return {fid: FirmState(loc, o, bool(lead), bool(inact), _tuple(segs.get(fid, none)),
                               _tuple(techs.get(fid, none)), _tuple(sets.get(fid, none)), *size_facts(*size))
                for fid, loc, o, lead, inact, *size in feats}

    def states(self, ids: Iterable[str]) -> dict[str, FirmState]:
        if self.written is not None:  # a firm not written yet has no state: no query for it
            firms = self.written.get("Enterprise", set())
            ids = [i for i in ids if i in firms]
        ids, out = list(ids), {}
        for i in range(0, len(ids), 50_000):
            chunk = {"ids": dump(ids[i:i + 50_000])}
            out.update(self._states(self.db.execute(sql.FIRM_FEATURES, chunk).fetchall(),
                                    self.db.execute(sql.FIRM_LINKS, chunk).fetchall()))
        return out

    def all_states(self):
        last = ""
        while True:
            feats = self.db.execute(sql.FIRM_FEATURES_PAGE, (last, 50_000)).fetchall()
            if not feats:
                return
            lo, last = feats[0][0], feats[-1][0]
            links = [r for t in agg_state.FIRM_RELS for r in self.db.execute(sql.FIRM_LINKS_RANGE, (t, lo, last))]
            yield self._states(feats, links)

    def linked(self, rel_type: str, dsts: list[str]) -> set[str]:
        self.need_indexes()  # LINKED_FIRMS reads INDEXED BY rels_by_dst
        return {r[0] for r in self.db.execute(sql.LINKED_FIRMS, {"type": rel_type, "dsts": dump(dsts)})}

    def load(self) -> str | None:
        row = self.db.execute(sql.AGG_STATE).fetchone()
        return row[0] if row else None

    def save(self, text: str) -> None:
        self.db.execute(sql.AGG_SAVE, (text,))
