"""What the stored aggregates read of the graph: each firm's contribution and the chain's shape.

What: :class:`FirmState` (one enterprise as the aggregates see it), the firm-state rule
(:func:`firm_state`, :func:`fresh_states` — the rule of the SQL store's generated columns and of
``graph.store.cypher._FIRM_STATE``, written once in Python), :func:`touched_firms` (whose state a
batch may change) and :class:`Structure` (CHILD_OF parents and each segment's cluster).

Why a module of its own: the delta machinery (:mod:`graph.store.aggregates`), the stored state
(:mod:`graph.store.aggregate_state`) and the bulk path's counter (:mod:`graph.store.bulk_aggregates`)
all read firms through these, so the rule lives in one place.

>>> firm_state(True, None, 5, None, None, ["b", "a"], (), ())
FirmState(local=1, output=5.0, leading=False, closed_local=False, segments=('a', 'b'), techs=(), datasets=(), employees=0.0, capital=0.0, listed=False)
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from graph.store.port import Batch, column
from ontology.firms import number, rank_key, size_facts

__all__ = ["FIRM_RELS", "FirmState", "Structure", "touched_firms", "firm_state", "fresh_states"]

#: relationship types from a firm that feed an aggregate
FIRM_RELS = ("IN_SEGMENT", "HOLDS", "IN_DATASET")


class FirmState(NamedTuple):
    """What of one enterprise the aggregates read (``local``: 1 local, 0 outside, None inactive or unknown;
    ``closed_local``: no longer operating, and located in Taizhou — a closed firm elsewhere is no
    closed *local* firm, so it counts nowhere, review 40 F4).

    A named tuple, not a frozen dataclass: a load makes one per firm, and a frozen dataclass took
    ≈ 30× as long to build (its ``__init__`` sets each field through ``object.__setattr__``)."""

    local: int | None
    output: float | None          # output, else revenue (ontology.firms.output_figure); None: reports neither
    leading: bool
    closed_local: bool
    segments: tuple[str, ...]
    techs: tuple[str, ...]
    datasets: tuple[str, ...]
    # the scale facts ranked lists order by after leading and output (ontology.firms.size_facts; 0: unknown)
    employees: float = 0.0
    capital: float = 0.0          # registered capital in 人民币 (万元)
    listed: bool = False

    def rank(self, fid: str) -> tuple:
        """This firm's place in a ranked list (``ontology.firms.rank_key``)."""
        return rank_key(self.leading, self.output, self.employees, self.capital, self.listed, fid)


@dataclass
class Structure:
    """The chain's shape as the store holds it: CHILD_OF parents and each segment's cluster."""

    parents: dict[str, tuple[str, ...]]
    clusters: dict[str, str | None]
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def closure(self, segments: tuple[str, ...]) -> frozenset[str]:
        """The segments and all their ancestors."""
        hit = self._cache.get(segments)
        if hit is None:
            hit = self._cache[segments] = frozenset(self._closure(segments))
        return hit

    def _closure(self, segments: Iterable[str]) -> set[str]:
        out: set[str] = set()
        todo = list(segments)
        while todo:
            s = todo.pop()
            if s not in out:
                out.add(s)
                todo.extend(self.parents.get(s, ()))
        return out

    def subtree(self, sid: str) -> set[str]:
        children: dict[str, list[str]] = {}
        for c, ps in self.parents.items():
            for p in ps:
                children.setdefault(p, []).append(c)
        out, todo = set(), [sid]
        while todo:
            s = todo.pop()
            if s not in out:
                out.add(s)
                todo.extend(children.get(s, ()))
        return out


def touched_firms(batch: Batch) -> set[str]:
    """Enterprises whose contribution a batch may change: written firms and sources of firm links."""
    ids = set(column(batch.nodes.get("Enterprise", ()), "id"))
    for t in FIRM_RELS:
        ids.update(column(batch.rels.get(t, ()), "src"))
        ids.update(s for s, _ in batch.drops.get(t, ()))
    return ids


_to_float = number  # Cypher's ``toFloat`` on a stored value: numbers and numeric strings, else null


def firm_state(local, output, revenue, leading, active, segs, techs, datasets, employees=None, capital=None,
               currency=None, stock_code=None) -> FirmState:
    """A firm's contribution from its stored properties and links (the rule of ``_FIRM_STATE``);
    ``segs``, ``techs``, ``datasets``: a target id, or a sequence of them, or ``()``; the last four: the
    scale facts ranked lists order by (``ontology.firms.size_facts``).

    >>> firm_state(True, None, 5, None, False, "s", (), ()).local is None   # inactive: no location
    True
    >>> [firm_state(loc, None, None, None, False, (), (), ()).closed_local for loc in (True, False, None)]
    [True, False, False]
    """
    operating = True if active is None else active
    return FirmState(
        (1 if local is True else 0 if local is False else None) if operating else None,
        _to_float(output if output is not None else revenue),
        bool(leading if leading is not None else False),
        not operating and local is True,
        _ids(segs), _ids(techs), _ids(datasets), *size_facts(employees, capital, currency, stock_code))


def _ids(v) -> tuple[str, ...]:
    """Link targets as the store reads them back: a sorted tuple."""
    if type(v) is str:
        return (v,)
    return tuple(sorted(v)) if len(v) > 1 else tuple(v)


def fresh_states(batch: Batch, touched: set[str], stored: Collection[str]) -> dict[str, FirmState]:
    """The states of the firms ``batch`` writes for the first time on a first load, from its rows:
    firms not in ``stored`` (so no row of theirs is in the store), written once in the batch,
    with no drop and plain property types. Any other firm is left out (the caller reads it back).

    The rule of the store's generated columns (``graph.store.sql.NODES_TABLE``: ``e_local``,
    ``e_output``, ``e_leading``, and ``sql.CLOSED_LOCAL``) on a property map; ``tests/graph/store/
    test_stored_aggregates.py`` holds these states equal to the ones read back.

    >>> b = Batch(); b.node("Enterprise", {"id": "e1", "local": True, "revenue": 3, "leading": False})
    >>> b.rel("IN_SEGMENT", "e1", "s2"); b.rel("IN_SEGMENT", "e1", "s1")
    >>> fresh_states(b, {"e1"}, set())["e1"]
    FirmState(local=1, output=3.0, leading=False, closed_local=False, segments=('s1', 's2'), techs=(), datasets=(), employees=0.0, capital=0.0, listed=False)
    """
    out: dict[str, tuple] = {}
    seen: set[str] = set()
    twice: set[str] = set()
    rows = batch.nodes.get("Enterprise", ())  # read a column at a time: rows held as columns make no maps
    feats = zip(column(rows, "id"), *(column(rows, k, None)
                                      for k in ("local", "active", "leading", "output", "revenue", "employees",
                                                "registered_capital", "capital_currency", "stock_code")))
    for fid, local, active, lead, o, revenue, *size in feats:
        if fid in seen:
            twice.add(fid)
            continue
        seen.add(fid)
        if fid in stored:
            continue
        if o is None:
            o = revenue
        if not ((local is None or type(local) is bool) and (active is None or type(active) is bool)
                and (lead is None or type(lead) is bool) and (o is None or type(o) is float or type(o) is int)
                and all(v is None or type(v) in (int, float, str) for v in size)):
            continue
        out[fid] = (local, o, None, lead, active, size)
    for fid in twice:
        out.pop(fid, None)
    for t in FIRM_RELS:
        for a, _ in batch.drops.get(t, ()):
            out.pop(a, None)
    links: dict[str, dict[str, set[str]]] = {t: {} for t in FIRM_RELS}
    for t in FIRM_RELS:
        per, rows = links[t], batch.rels.get(t, ())
        for s, dst in zip(column(rows, "src"), column(rows, "dst")):
            if s in out:
                d = per.get(s)
                if d is None:
                    per[s] = {dst}
                else:
                    d.add(dst)
    segs, techs, sets = links["IN_SEGMENT"], links["HOLDS"], links["IN_DATASET"]
    none: tuple = ()
    return {fid: firm_state(*f[:5], segs.get(fid, none), techs.get(fid, none), sets.get(fid, none), *f[5])
            for fid, f in out.items() if fid in touched}
