"""The stored aggregates of a bulk first load, counted from the rows as they go into the CSV files.

What: :class:`ImportedAggregates` is told, batch by batch, the rows
:class:`graph.store.neo4j_csv.CsvGraphWriter` wrote (first occurrences only — exactly what the
importer will store) and keeps what :mod:`graph.store.aggregates` reads of the graph: the chain's
shape (segments' clusters, ``CHILD_OF``) and what each enterprise's
:class:`~graph.store.aggregates.FirmState` is made of. :meth:`state` then builds the aggregates from
scratch (:func:`graph.store.aggregates.rebuild`) and returns their stored text, which goes into the
import as the aggregates node — so the database is complete when the server starts, and the upserts
replayed online afterwards move it by their deltas, as every write does.

Why: an imported database has no aggregates node, and the store's recount reads every firm's state
back over Bolt — twice the firms' rows again, in the server and in Python, after a restart with a
cold page cache (43 s of a 230 s bulk load of 100k firms, measured while other jobs ran). The rows
pass through this process anyway.

Memory (the bulk path must stay under 1 GiB at 1M firms): per firm one dict entry (its id → its
position), one byte of flags, three 8-byte figures (output, employees, registered capital) and, per link type, the 4-byte number of its
*target set* — a firm's sorted IN_SEGMENT (or HOLDS, IN_DATASET) targets are interned, since a
load's firms share a few thousand such sets. ≈ 110 B a firm in all before the two scale figures (+16 B), most of it the dict entry
(``tracemalloc`` at 100k generated firms), where a tuple of the props and a dict of link lists per
firm took ≈ 190 B.

The firm-state rule is :func:`graph.store.aggregates.firm_state` (the same as the Cypher one,
``graph.store.cypher._FIRM_STATE``, and the SQL generated columns); ``tests/graph/store/
test_bulk_aggregates.py`` compares the counted aggregates with both stores' recount of the same rows.

>>> a = ImportedAggregates()
>>> a.node("Segment", {"id": "s", "cluster": "c"}); a.node("Enterprise", {"id": "e", "local": True, "output": 2})
>>> a.rel("IN_SEGMENT", "e", "s")
>>> a.firm_states()["e"]
FirmState(local=1, output=2.0, leading=False, closed_local=False, segments=('s',), techs=(), datasets=(), employees=0.0, capital=0.0, listed=False)
"""

from __future__ import annotations

from array import array
from itertools import islice

from graph.store.aggregates import FIRM_RELS, FirmState, Structure, firm_state, member_query, rebuild

__all__ = ["ImportedAggregates", "firm_state"]

_CHUNK = 50_000  # firms per apply step (as the store's recount pages)
_LOCAL = {1: 1, 0: 2, None: 0}     # FirmState.local → its two flag bits
_DECODE = tuple((((None, 1, 0, None)[f & 3]), bool(f & 4), bool(f & 8), bool(f & 16), bool(f & 32))
                for f in range(64))


class _Sets:
    """Per firm, the number of its sorted target tuple for one link type (0: none)."""

    __slots__ = ("of", "tuples", "_number", "_step")

    def __init__(self) -> None:
        self.of = array("i")                       # firm position → set number
        self.tuples: list[tuple[str, ...]] = [()]  # set number → sorted targets
        self._number: dict[tuple[str, ...], int] = {(): 0}
        self._step: dict[tuple[int, str], int] = {}  # (set number, one more target) → set number

    def add(self, i: int, dst: str) -> None:
        cur = self.of[i]
        nxt = self._step.get((cur, dst))
        if nxt is None:
            t = tuple(sorted(self.tuples[cur] + (dst,)))
            nxt = self._number.get(t)
            if nxt is None:
                nxt = self._number[t] = len(self.tuples)
                self.tuples.append(t)
            self._step[(cur, dst)] = nxt
        self.of[i] = nxt


class ImportedAggregates:
    """Collects the rows of a bulk load (see the module docstring)."""

    def __init__(self) -> None:
        self.parents: dict[str, list[str]] = {}
        self.clusters: dict[str, str | None] = {}
        self.index: dict[str, int] = {}     # firm id → position (insertion order: iterating it lists the firms)
        self.flags = bytearray()            # local (2 bits: 0 unknown/inactive, 1 local, 2 outside), leading,
        self.figure = array("d")            # closed local, has a figure, listed; the figure (output, else revenue)
        self.employees = array("d")         # the scale facts of the ranked lists' order (0: unknown)
        self.capital = array("d")
        self.links = {t: _Sets() for t in FIRM_RELS}

    def node(self, label: str, props: dict) -> None:
        if label == "Enterprise":
            g = props.get
            s = firm_state(g("local"), g("output"), g("revenue"), g("leading"), g("active"), (), (), (),
                           g("employees"), g("registered_capital"), g("capital_currency"), g("stock_code"))
            self.index[props["id"]] = len(self.flags)
            self.flags.append(_LOCAL[s.local] | s.leading << 2 | s.closed_local << 3 | (s.output is not None) << 4
                              | s.listed << 5)
            self.figure.append(s.output if s.output is not None else 0.0)
            self.employees.append(s.employees)
            self.capital.append(s.capital)
            for sets in self.links.values():
                sets.of.append(0)
        elif label == "Segment":
            self.clusters[props["id"]] = props.get("cluster")

    def rel(self, rel_type: str, src: str, dst: str) -> None:
        if rel_type == "CHILD_OF":
            self.parents.setdefault(src, []).append(dst)
        elif rel_type in self.links:
            self.links[rel_type].add(self.index[src], dst)

    def batch(self, nodes: dict[str, list[dict]], rels: dict[str, list[tuple[str, str]]]) -> None:
        """The rows one batch wrote (``nodes``: label → props; ``rels``: type → (src, dst))."""
        for label in ("Segment", "Enterprise"):
            for props in nodes.get(label, ()):
                self.node(label, props)
        for pair in rels.get("CHILD_OF", ()):
            self.rel("CHILD_OF", *pair)
        index = self.index
        for t, sets in self.links.items():
            add = sets.add
            for src, dst in rels.get(t, ()):
                add(index[src], dst)

    def structure(self) -> Structure:
        return Structure({k: tuple(sorted(v)) for k, v in self.parents.items()}, dict(self.clusters))

    def _states(self, start: int, ids) -> dict[str, FirmState]:
        """States of the firms at positions ``start``, ``start + 1``, … named by ``ids``."""
        flags, figure, emp, cap, dec = self.flags, self.figure, self.employees, self.capital, _DECODE
        (so, st), (to, tt), (do, dt) = ((s.of, s.tuples) for s in self.links.values())
        out = {}
        for i, fid in enumerate(ids, start):
            local, leading, closed, has, listed = dec[flags[i]]
            out[fid] = FirmState(local, figure[i] if has else None, leading, closed, st[so[i]], tt[to[i]], dt[do[i]],
                                 emp[i], cap[i], listed)
        return out

    def firm_states(self, ids=None) -> dict[str, FirmState]:
        if ids is None:
            return self._states(0, self.index)
        out = {}
        for fid in ids:
            out.update(self._states(self.index[fid], (fid,)))
        return out

    def state(self) -> str:
        """The aggregates' stored text (``Aggregates.dumps``) for everything observed."""
        st = self.structure()
        n = len(self.flags)

        def chunks():
            firms = iter(self.index)
            for start in range(0, n, _CHUNK):
                yield self._states(start, islice(firms, _CHUNK))

        return rebuild(st, chunks(), self._members).dumps()

    def _members(self, key: str) -> dict[str, FirmState]:
        """A ranked list's members (a refill; a from-scratch count does not need one in practice)."""
        rel_type, dsts = member_query(key, self.structure())
        want = set(dsts)
        sets = self.links[rel_type]
        hit = {k for k, t in enumerate(sets.tuples) if want.intersection(t)}
        return self.firm_states([fid for fid, i in self.index.items() if sets.of[i] in hit])
