"""Stored per-segment aggregates, kept exact by deltas inside each write's transaction.

What this module holds: the write transaction's side — the touched firms' states before and after
a write (:func:`begin`, :func:`finish`, :class:`Running` for a stream), refills of ranked lists
that fell short, recounts — and the reads the adapters answer from the stored state
(:func:`segment_rows`, :func:`top_ids`, :func:`tech_holders`). What a firm contributes is
:mod:`graph.store.aggregate_inputs`; the state itself and its delta :mod:`graph.store.aggregate_state`.
The adapters import this module only; it names the others' public names too.

Why: a full analysis used to recount every firm of every segment (O(enterprises), ~10 s at 1M
firms). Now each write computes, for the firms it touches only, their contribution to every figure
before and after the write, and adds the difference to a stored state — in the same transaction as
the rows, so a crash leaves both as they were. Reading the analysis' figures is then O(segments).
(Until 2026-11-30 the three concepts were one 575-line module; split by concept, code moved.)

>>> s = Structure({"leaf": ("root",)}, {"leaf": "c", "root": "c"})
>>> a = Aggregates()
>>> a.apply(s, {}, {"e1": FirmState(1, 2.5, True, False, ("leaf",), ("t1",), ())})
set()
>>> [(r.segment_id, r.local_count, r.tech_needed, r.tech_held_locally)
...  for r in segment_rows(a, [("leaf", "c"), ("root", "c")], [("leaf", "t1"), ("root", "t2")], "c")]
[('leaf', 1, 1, 1), ('root', 1, 1, 0)]
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Protocol

from graph.store.aggregate_inputs import FIRM_RELS, FirmState, Structure, firm_state, fresh_states, touched_firms
from graph.store.aggregate_state import FORMAT, MAX_N, STATE_VERSION, TOP_N, Aggregates, is_current, is_short, member_query, rebuild
from graph.store.port import Batch, SegmentAggregate

__all__ = ["FirmState", "Structure", "Aggregates", "STATE_VERSION", "TxView", "touched_firms", "begin", "finish", "recount", "Running",
           "FIRM_RELS", "TOP_N", "MAX_N", "fresh_states", "firm_state", "rebuild", "member_query",
           "segment_rows", "top_ids", "tech_holders"]


class TxView(Protocol):
    """What an adapter offers inside one write transaction (all reads see the transaction's writes)."""

    def structure(self) -> Structure: ...
    def states(self, ids: Iterable[str]) -> dict[str, FirmState]: ...
    def all_states(self) -> Iterator[dict[str, FirmState]]: ...
    def linked(self, rel_type: str, dsts: list[str]) -> set[str]: ...
    def load(self) -> str | None: ...
    def save(self, text: str) -> None: ...


def begin(tx: TxView, touched: set[str]) -> tuple[Structure, dict[str, FirmState]]:
    """Before the writes: the chain's shape and the touched firms' contributions."""
    return tx.structure(), tx.states(touched)


def finish(tx: TxView, touched: set[str], started: tuple[Structure, dict[str, FirmState]]) -> Aggregates:
    """After the writes, before commit: move the stored aggregates by the touched firms' difference,
    or recount everything when the chain's shape changed or nothing was stored yet."""
    st0, before = started
    st = tx.structure()
    text = tx.load()
    if not is_current(text) or st != st0:  # nothing stored, an older format, or a new chain shape
        agg = recount(tx, st)
    else:
        agg = Aggregates.loads(text)
        short: set[str] = set()
        ids = sorted(touched)
        for i in range(0, len(ids), _STEP):  # the touched firms' new states a slice at a time (memory)
            part = ids[i:i + _STEP]
            short |= agg.apply(st, {f: before[f] for f in part if f in before}, tx.states(part))
        for key in sorted(short):  # refilled once the store and the aggregates agree again
            v = agg.lists.get(key)
            if v and is_short(key, v["top"], v["n"]):
                agg.refill(key, _members(tx, key, st))
        agg.prune()
    tx.save(agg.dumps())
    return agg


_STEP = 50_000


class Running:
    """The stored aggregates moved chunk by chunk inside one write transaction (``write_stream``):
    per chunk, the touched firms' states before the chunk's rows (:meth:`before`) and after them
    (:meth:`after`) — each step is a complete transition, so the sums equal one delta over the
    whole stream. A chunk that changes the chain's shape (the ontology's, first in a load) is
    followed by a recount, which costs what the store holds at that point: on a first load, nothing.

    Memory: the touched ids and states of one chunk, never of the whole stream."""

    def __init__(self, tx: TxView) -> None:
        self.tx, self.st = tx, tx.structure()
        text = tx.load()
        self.agg = Aggregates.loads(text) if is_current(text) else None
        self.short: set[str] = set()

    def before(self, batch: Batch, stored: Collection[str] | None = None) -> tuple:
        """Before a chunk's rows are written: the firms it touches and their current states.

        ``stored``: on a first load (a store that held no node when the stream began), the ids of
        the firms written so far. A firm this batch writes for the first time then has no state
        before it and, after it, exactly the state its rows give it (:func:`fresh_states`): no
        read-back from the store for those."""
        touched = touched_firms(batch)
        fresh = fresh_states(batch, touched, stored) if stored is not None and self.agg is not None else {}
        rest = touched - fresh.keys() if fresh else touched
        return touched, (self.tx.states(rest) if rest and self.agg is not None else {}), fresh

    def after(self, started: tuple) -> None:
        """After the chunk's rows: add the touched firms' difference (or recount on a new shape)."""
        touched, before, fresh = started
        st = self.tx.structure()
        if self.agg is None or st != self.st:
            self.st, self.agg, self.short = st, recount(self.tx, st), set()
            return
        ids = sorted(touched)
        for i in range(0, len(ids), _STEP):
            part = ids[i:i + _STEP]
            now = {f: fresh[f] for f in part if f in fresh}
            now.update(self.tx.states([f for f in part if f not in fresh]) if len(now) < len(part) else {})
            self.short |= self.agg.apply(st, {f: before[f] for f in part if f in before}, now)

    def finish(self) -> Aggregates:
        """Before commit: refill the lists that fell short, store the state."""
        if self.agg is None:  # an empty stream on a store without aggregates
            self.agg = recount(self.tx, self.st)
        for key in sorted(self.short):
            v = self.agg.lists.get(key)
            if v and is_short(key, v["top"], v["n"]):
                self.agg.refill(key, _members(self.tx, key, self.st))
        self.agg.prune()
        self.tx.save(self.agg.dumps())
        return self.agg


def recount(tx: TxView, st: Structure | None = None) -> Aggregates:
    """Every firm's contribution from scratch (``rebuild_aggregates``; also the tests' reference)."""
    st = st or tx.structure()
    return rebuild(st, tx.all_states(), lambda key: _members(tx, key, st))


def _members(tx: TxView, key: str, st: Structure) -> dict[str, FirmState]:
    rel_type, dsts = member_query(key, st)
    return tx.states(tx.linked(rel_type, dsts))


def segment_rows(a: Aggregates, segments: Iterable[tuple[str, str | None]], needs: Iterable[tuple[str, str]],
                 cluster: str | None) -> list[SegmentAggregate]:
    """``GraphStore.segment_aggregates`` from the stored state: ``segments`` (id, cluster) in id order,
    ``needs`` the NEEDS pairs (segment, technology) — technologies held count when a local firm holds them."""
    per: dict[str, list[str]] = {}
    for sid, tid in needs:
        per.setdefault(sid, []).append(tid)
    return [a.segment(sid, len(per.get(sid, ())), sum(1 for t in per.get(sid, ()) if a.techs.get(t, 0) > 0))
            for sid, cl in segments if cluster is None or cl == cluster]


def top_ids(a: Aggregates, segment_ids: Iterable[str], local: bool, limit: int) -> list[str]:
    """The ``limit`` largest firms of these segments (each once), from the per-segment ranked lists:
    a firm in the top ``limit`` of the union is in the top ``limit`` of each of its segments."""
    best: set[tuple] = set()
    for sid in segment_ids:
        best.update(a.ranked(f"S\x1f{sid}\x1f{int(local)}")[1][:limit])
    return [e[-1] for e in sorted(best)[:limit]]


def tech_holders(a: Aggregates, tech_ids: Iterable[str], limit: int,
                 firms: Callable[[list[str]], list[dict]]) -> dict[str, tuple[int, list[dict]]]:
    """Holders per technology from the stored ranked lists: ``(count, top firms without their
    segments)``; ``firms(ids)`` reads the firms' props (the adapter's one read)."""
    ranked = {t: a.ranked(f"T\x1f{t}") for t in tech_ids}
    found = {f["id"]: f for f in firms(sorted({e[-1] for _, top in ranked.values() for e in top[:limit]}))}
    return {t: (n, [{k: v for k, v in found[e[-1]].items() if k != "segments"} for e in top[:limit]
                    if e[-1] in found]) for t, (n, top) in ranked.items()}
