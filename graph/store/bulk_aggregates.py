"""The stored aggregates of a bulk first load, counted from the rows as they go into the CSV files.

What: :class:`ImportedAggregates` watches every row :class:`graph.store.neo4j_csv.CsvGraphWriter`
writes (nodes and relationships, first occurrences only — exactly what the importer will store) and
keeps what :mod:`graph.store.aggregates` reads of the graph: the chain's shape (segments' clusters,
``CHILD_OF``) and each enterprise's :class:`~graph.store.aggregates.FirmState`. :meth:`state` then
builds the aggregates from scratch (:func:`graph.store.aggregates.rebuild`) and returns their stored
text, which goes into the import as the aggregates node — so the database is complete when the
server starts, and the upserts replayed online afterwards move it by their deltas, as every write does.

Why: an imported database has no aggregates node, and the store's recount reads every firm's state
back over Bolt — twice the firms' rows again, in the server and in Python, after a restart with a
cold page cache (43 s of a 230 s bulk load of 100k firms, measured while other jobs ran). The rows
pass through this process anyway.

The firm-state rule here is the same as the Cypher one (``graph.store.cypher._FIRM_STATE``) and the
SQL one (``graph.store.sql``'s generated columns); ``tests/graph/store/test_neo4j_bulk.py`` compares
the segment aggregates of a bulk load with those of an online load of the same files, which covers
inactive firms, firms without a location, without an output figure and with revenue only.

>>> a = ImportedAggregates()
>>> a.node("Segment", {"id": "s", "cluster": "c"}); a.node("Enterprise", {"id": "e", "local": True, "output": 2})
>>> a.rel("IN_SEGMENT", "e", "s")
>>> a.firm_states()["e"]
FirmState(local=1, output=2.0, leading=False, inactive=False, segments=('s',), techs=(), datasets=())
"""

from __future__ import annotations

from graph.store.aggregates import FIRM_RELS, FirmState, Structure, firm_state, rebuild

__all__ = ["ImportedAggregates", "firm_state"]

_CHUNK = 50_000  # firms per apply step (as the store's recount pages)


class ImportedAggregates:
    """Collects the rows of a bulk load (see the module docstring); memory: one small record per firm."""

    def __init__(self) -> None:
        self.parents: dict[str, list[str]] = {}
        self.clusters: dict[str, str | None] = {}
        self.firms: dict[str, tuple] = {}                 # id -> (local, output, revenue, leading, active)
        self.links: dict[str, dict[str, str | list[str]]] = {t: {} for t in FIRM_RELS}  # a list from 2 targets on

    def node(self, label: str, props: dict) -> None:
        if label == "Enterprise":
            g = props.get
            self.firms[props["id"]] = (g("local"), g("output"), g("revenue"), g("leading"), g("active"))
        elif label == "Segment":
            self.clusters[props["id"]] = props.get("cluster")

    def rel(self, rel_type: str, src: str, dst: str) -> None:
        if rel_type == "CHILD_OF":
            self.parents.setdefault(src, []).append(dst)
        elif rel_type in self.links:
            per = self.links[rel_type]
            old = per.get(src)
            if old is None:
                per[src] = dst
            elif type(old) is str:
                per[src] = [old, dst]
            else:
                old.append(dst)

    def structure(self) -> Structure:
        return Structure({k: tuple(sorted(v)) for k, v in self.parents.items()}, dict(self.clusters))

    def firm_states(self, ids=None) -> dict[str, FirmState]:
        segs, techs, ds = (self.links[t].get for t in FIRM_RELS)
        firms = self.firms
        return {f: firm_state(*firms[f], segs(f, ()), techs(f, ()), ds(f, ())) for f in (firms if ids is None else ids)}

    def state(self) -> str:
        """The aggregates' stored text (``Aggregates.dumps``) for everything observed."""
        st = self.structure()
        ids = list(self.firms)
        chunks = (self.firm_states(ids[i:i + _CHUNK]) for i in range(0, len(ids), _CHUNK))
        return rebuild(st, chunks, self._members).dumps()

    def _members(self, key: str) -> dict[str, FirmState]:
        """A ranked list's members (a refill; a from-scratch count does not need one in practice)."""
        from graph.store.aggregates import member_query

        rel_type, dsts = member_query(key, self.structure())
        want = set(dsts)
        return self.firm_states([f for f, ts in self.links[rel_type].items()
                                 if (ts in want if type(ts) is str else want.intersection(ts))])
