"""Stored per-segment aggregates, kept exact by deltas inside each write's transaction.

Why: a full analysis used to recount every firm of every segment (O(enterprises), ~10 s at 1M
firms). Now each write computes, for the firms it touches only, their contribution to every figure
before and after the write, and adds the difference to a stored state — in the same transaction as
the rows, so a crash leaves both as they were. Reading the analysis' figures is then O(segments).

What a firm contributes (its :class:`FirmState`): to each segment of its subtree closure (its
IN_SEGMENT targets and their CHILD_OF ancestors, counted once) — operating local / outside firm,
reported output and its square, leading firm, inactive firm; to its direct segments — ``direct_local``
and a place in the segment's ranked firm list; to each technology it holds — a local holder; to
each (dataset, cluster) it belongs to — an operating local firm. Sums are kept as exact binary
fractions (every float is one), so a figure does not depend on the order firms were added and equals
a from-scratch recount bit for bit; it is rounded to a float once, when read.

Ranked lists (the largest firms of a segment, the largest local holders of a technology, the largest
outputs of a subtree for ``max_output``) keep the top :data:`TOP_N`. A write removes the touched
firms' entries and merges their new ones; entries below the old last entry are dropped (an untouched
firm outside the list may sit there), and a list that fell short is refilled from the store — so the
lists stay exact, and an unchanged reload never refills.

>>> s = Structure({"leaf": ("mid",), "mid": ("root",)}, {"leaf": "c", "mid": "c", "root": "c"})
>>> a = Aggregates()
>>> a.apply(s, {}, {"e1": FirmState(1, 2.5, True, False, ("leaf",), (), ())})
set()
>>> [a.segment("root").local_count, a.segment("root").local_output, a.segment("leaf").direct_local]
[1, 2.5, 1]
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import NamedTuple, Protocol
from dataclasses import dataclass, field

from graph.store.port import Batch, SegmentAggregate, column

__all__ = ["FirmState", "Structure", "Aggregates", "TxView", "touched_firms", "begin", "finish", "recount", "Running",
           "FIRM_RELS", "TOP_N", "MAX_N", "fresh_states", "firm_state"]

#: relationship types from a firm that feed an aggregate
FIRM_RELS = ("IN_SEGMENT", "HOLDS", "IN_DATASET")
TOP_N = 100   # ranked firms kept per (segment, local) and per technology; larger requests ask the store
MAX_N = 8     # largest outputs kept per subtree (max_output survives the removal of a few top firms)


class FirmState(NamedTuple):
    """What of one enterprise the aggregates read (``local``: 1 local, 0 outside, None inactive or unknown).

    A named tuple, not a frozen dataclass: a load makes one per firm, and a frozen dataclass took
    ≈ 30× as long to build (its ``__init__`` sets each field through ``object.__setattr__``)."""

    local: int | None
    output: float | None          # output, else revenue (ontology.firms.output_figure); None: reports neither
    leading: bool
    inactive: bool
    segments: tuple[str, ...]
    techs: tuple[str, ...]
    datasets: tuple[str, ...]


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


def _to_float(v) -> float | None:
    """Cypher's ``toFloat`` on a stored value: numbers and numeric strings, else null."""
    if v is None or type(v) is bool:
        return None
    if type(v) in (int, float):
        return float(v)
    if type(v) is str:
        try:
            return float(v)
        except ValueError:
            return None
    return None


def firm_state(local, output, revenue, leading, active, segs, techs, datasets) -> FirmState:
    """A firm's contribution from its stored properties and links (the rule of ``_FIRM_STATE``);
    ``segs``, ``techs``, ``datasets``: a target id, or a sequence of them, or ``()``.

    >>> firm_state(True, None, 5, None, False, "s", (), ()).local is None   # inactive: no location
    True
    """
    operating = True if active is None else active
    return FirmState(
        (1 if local is True else 0 if local is False else None) if operating else None,
        _to_float(output if output is not None else revenue),
        bool(leading if leading is not None else False),
        not operating,
        _ids(segs), _ids(techs), _ids(datasets))


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
    ``e_output``, ``e_leading``, ``e_inactive``) on a property map; ``tests/graph/store/
    test_stored_aggregates.py`` holds these states equal to the ones read back.

    >>> b = Batch(); b.node("Enterprise", {"id": "e1", "local": True, "revenue": 3, "leading": False})
    >>> b.rel("IN_SEGMENT", "e1", "s2"); b.rel("IN_SEGMENT", "e1", "s1")
    >>> fresh_states(b, {"e1"}, set())["e1"]
    FirmState(local=1, output=3.0, leading=False, inactive=False, segments=('s1', 's2'), techs=(), datasets=())
    """
    out: dict[str, FirmState] = {}
    seen: set[str] = set()
    twice: set[str] = set()
    for props in batch.nodes.get("Enterprise", ()):
        fid = props["id"]
        if fid in seen:
            twice.add(fid)
            continue
        seen.add(fid)
        if fid in stored:
            continue
        local, active, lead = props.get("local"), props.get("active"), props.get("leading")
        o = props.get("output")
        if o is None:
            o = props.get("revenue")
        if not ((local is None or type(local) is bool) and (active is None or type(active) is bool)
                and (lead is None or type(lead) is bool) and (o is None or type(o) is float or type(o) is int)):
            continue
        out[fid] = (local, o, None, lead, active)
    for fid in twice:
        out.pop(fid, None)
    for t in FIRM_RELS:
        for a, _ in batch.drops.get(t, ()):
            out.pop(a, None)
    links: dict[str, dict[str, set[str]]] = {t: {} for t in FIRM_RELS}
    for t in FIRM_RELS:
        per = links[t]
        for r in batch.rels.get(t, ()):
            s = r["src"]
            if s in out:
                d = per.get(s)
                if d is None:
                    per[s] = {r["dst"]}
                else:
                    d.add(r["dst"])
    segs, techs, sets = links["IN_SEGMENT"], links["HOLDS"], links["IN_DATASET"]
    none: tuple = ()
    return {fid: firm_state(*f, segs.get(fid, none), techs.get(fid, none), sets.get(fid, none))
            for fid, f in out.items() if fid in touched}


def _ratio(x: float) -> tuple[int, int]:
    """``x`` as ``n / 2**k`` exactly."""
    n, d = float(x).as_integer_ratio()
    return n, d.bit_length() - 1


class _Exact:
    """An exact sum of floats: ``num / 2**k``."""

    __slots__ = ("num", "k")

    def __init__(self, num: int = 0, k: int = 0) -> None:
        self.num, self.k = num, k

    def add(self, n: int, k: int, sign: int) -> None:
        if k > self.k:
            self.num <<= k - self.k
            self.k = k
        self.num += sign * (n << (self.k - k))

    def value(self) -> float:
        return self.num / (1 << self.k) if self.num else 0.0


_COUNTS = ("lc", "oc", "lead", "rep", "inact", "dl")


class _Group:
    """The summed contribution of the firms placed on one set of segments."""

    __slots__ = ("lc", "oc", "lead", "rep", "inact", "lo", "lo2", "m", "s1", "s0")

    def __init__(self) -> None:
        self.lc = self.oc = self.lead = self.rep = self.inact = 0
        self.lo, self.lo2 = _Exact(), _Exact()
        self.m: list = []
        self.s1: list = []
        self.s0: list = []


class _Lists(dict):
    """Ranked lists by key, each kept as its JSON text until first read: parsing them all would cost
    more than an analysis, which reads a few dozen."""

    def __getitem__(self, key: str) -> dict:
        v = dict.__getitem__(self, key)
        if isinstance(v, str):
            n, top = json.loads(v)
            v = {"n": n, "top": [tuple(x) for x in top]}
            dict.__setitem__(self, key, v)
        return v

    def get(self, key: str, default=None):
        return self[key] if key in self else default

    def items(self):
        return [(k, self[k]) for k in self.keys()]

    def texts(self) -> dict[str, str]:
        return {k: v if isinstance(v, str) else json.dumps([v["n"], v["top"]], ensure_ascii=False, separators=(",", ":"))
                for k, v in dict.items(self) if isinstance(v, str) or v["n"]}


class Aggregates:
    """The stored state: per segment counts and exact sums, ranked lists, technology and dataset counts."""

    def __init__(self) -> None:
        self.counts: dict[str, dict[str, int]] = {}      # segment → {lc, oc, lead, rep, inact, dl}
        self.sums: dict[str, tuple[_Exact, _Exact]] = {}  # segment → (local output, its squares)
        self.lists: dict[str, dict] = _Lists()            # list key → {"n": members, "top": [(-o, id), …]}
        self.techs: dict[str, int] = {}                   # technology → operating local holders
        self.datasets: dict[str, dict[str, int]] = {}     # dataset → cluster → operating local firms

    # -- (de)serialisation ------------------------------------------------------------------------
    def dumps(self) -> str:
        sums = {s: [a.num, a.k, b.num, b.k] for s, (a, b) in self.sums.items() if a.num or b.num}
        return json.dumps({"counts": {s: c for s, c in self.counts.items() if any(c.values())}, "sums": sums,
                           "lists": self.lists.texts(), "techs": self.techs,
                           "datasets": self.datasets}, separators=(",", ":"), sort_keys=True)

    @classmethod
    def loads(cls, text: str) -> "Aggregates":
        d = json.loads(text)
        a = cls()
        a.counts = d["counts"]
        a.sums = {s: (_Exact(v[0], v[1]), _Exact(v[2], v[3])) for s, v in d["sums"].items()}
        a.lists = _Lists(d["lists"])
        a.techs, a.datasets = d["techs"], d["datasets"]
        return a

    # -- reading ----------------------------------------------------------------------------------
    def segment(self, sid: str, needed: int = 0, held: int = 0) -> SegmentAggregate:
        c = self.counts.get(sid) or dict.fromkeys(_COUNTS, 0)
        lo, lo2 = self.sums.get(sid) or (_Exact(), _Exact())
        top = self.lists.get(f"M\x1f{sid}", {}).get("top")
        return SegmentAggregate(sid, c["lc"], c["oc"], lo.value(), lo2.value(), -top[0][0] if top else 0.0,
                                c["lead"], needed, held, c["rep"], c["dl"], c["inact"])

    def ranked(self, key: str) -> tuple[int, list[tuple[float, str]]]:
        v = self.lists.get(key)
        return (v["n"], v["top"]) if v else (0, [])

    # -- the delta --------------------------------------------------------------------------------
    def apply(self, st: Structure, before: dict[str, FirmState | None],
              after: dict[str, FirmState | None]) -> set[str]:
        """Move the touched firms from their ``before`` to their ``after`` contribution. Returns the
        ranked-list keys that fell short and must be refilled from the store (:meth:`refill`)."""
        n_delta: dict[str, int] = {}          # ranked list → change of its member count
        adds: dict[str, list] = {}            # ranked list → new entries (the touched firms' after state)
        for sign, states in ((-1, before), (1, after)):
            self._move(st, sign, states, n_delta, adds)
        short = set()
        touched = set(before) | set(after)
        for key, dn in n_delta.items():
            old = self.lists.get(key) or {"n": 0, "top": []}
            cap = MAX_N if key.startswith("M") else TOP_N
            merged = sorted([e for e in old["top"] if e[1] not in touched] + adds.get(key, []))
            if old["n"] > len(old["top"]):  # untouched firms outside the list rank after its end
                merged = [e for e in merged if old["top"] and e <= old["top"][-1]]
            new = self.lists[key] = {"n": old["n"] + dn, "top": merged[:cap]}
            if len(new["top"]) < min(cap, new["n"]):
                short.add(key)
        return short

    def _move(self, st: Structure, sign: int, states: dict[str, FirmState | None], n_delta: dict, adds: dict) -> None:
        """Add (``sign`` 1) or take away (−1) the firms' contributions: summed per set of segments
        first, then spread over each set's closure once (a load's firms share a few hundred sets)."""
        groups: dict[tuple[str, ...], _Group] = {}
        for fid, f in states.items():
            if f is None:
                continue
            g = groups.get(f.segments)
            if g is None:
                g = groups[f.segments] = _Group()
            local, o = f.local, f.output
            g.inact += f.inactive
            rank = (-(o if o is not None else 0.0), fid)
            if local == 1:
                g.lc += 1
                g.lead += bool(f.leading)
                g.s1.append(rank)
                if o is not None:
                    g.rep += 1
                    n, k = _ratio(o)
                    g.lo.add(n, k, 1)
                    g.lo2.add(n * n, 2 * k, 1)
                    g.m.append((-o, fid))
                for t in f.techs:
                    self.techs[t] = self.techs.get(t, 0) + sign
                    key = f"T\x1f{t}"
                    n_delta[key] = n_delta.get(key, 0) + sign
                    if sign > 0:
                        adds.setdefault(key, []).append(rank)
                for d in f.datasets:
                    per = self.datasets.setdefault(d, {})
                    for cl in {st.clusters.get(x) for x in f.segments}:
                        per[cl] = per.get(cl, 0) + sign
            elif local == 0:
                g.oc += 1
                g.s0.append(rank)
        for segs, g in groups.items():
            m = sorted(g.m)[:MAX_N] if sign > 0 else ()
            for sid in st.closure(segs):
                c = self.counts.get(sid)
                if c is None:
                    c = self.counts[sid] = dict.fromkeys(_COUNTS, 0)
                c["lc"] += sign * g.lc
                c["oc"] += sign * g.oc
                c["lead"] += sign * g.lead
                c["rep"] += sign * g.rep
                c["inact"] += sign * g.inact
                if g.rep:
                    lo, lo2 = self.sums.setdefault(sid, (_Exact(), _Exact()))
                    lo.add(g.lo.num, g.lo.k, sign)
                    lo2.add(g.lo2.num, g.lo2.k, sign)
                    key = f"M\x1f{sid}"
                    n_delta[key] = n_delta.get(key, 0) + sign * g.rep
                    adds.setdefault(key, []).extend(m)
            for local, count, entries in ((1, g.lc, g.s1), (0, g.oc, g.s0)):
                if not count:
                    continue
                top = sorted(entries)[:TOP_N] if sign > 0 else ()
                for sid in segs:
                    if local == 1:
                        self.counts[sid]["dl"] += sign * count
                    key = f"S\x1f{sid}\x1f{local}"
                    n_delta[key] = n_delta.get(key, 0) + sign * count
                    adds.setdefault(key, []).extend(top)

    def refill(self, key: str, states: dict[str, FirmState]) -> None:
        """Rebuild one ranked list from the states of all its members (read from the store)."""
        entries = []
        kind, *rest = key.split("\x1f")
        for fid, f in states.items():
            o = f.output
            if kind == "M" and f.local == 1 and o is not None:
                entries.append((-o, fid))
            elif kind == "S" and f.local == int(rest[1]) and rest[0] in f.segments:
                entries.append((-(o if o is not None else 0.0), fid))
            elif kind == "T" and f.local == 1 and rest[0] in f.techs:
                entries.append((-(o if o is not None else 0.0), fid))
        entries.sort()
        self.lists[key]["top"] = entries[:MAX_N if kind == "M" else TOP_N]

    def prune(self) -> None:
        """Drop zero entries, so equal content serialises equally."""
        self.techs = {t: n for t, n in self.techs.items() if n}
        self.datasets = {d: {c: n for c, n in per.items() if n} for d, per in self.datasets.items()}
        self.datasets = {d: per for d, per in self.datasets.items() if per}
        self.lists = _Lists((k, v) for k, v in dict.items(self.lists) if isinstance(v, str) or v["n"])

    def dataset_clusters(self) -> dict[str, dict[str, int]]:
        return {d: dict(sorted(per.items())) for d, per in sorted(self.datasets.items())}


def rebuild(st: Structure, chunks: Iterable[dict[str, FirmState]], members) -> Aggregates:
    """From scratch: every firm's contribution, chunk by chunk (``members(key)`` → states for refills)."""
    a = Aggregates()
    short: set[str] = set()
    for chunk in chunks:
        short |= a.apply(st, {}, chunk)
    for key in sorted(short):
        if len(a.lists[key]["top"]) < min(a.lists[key]["n"], MAX_N if key.startswith("M") else TOP_N):
            a.refill(key, members(key))
    a.prune()
    return a


def member_query(key: str, st: Structure) -> tuple[str, list[str]]:
    """Which store rows hold a list's members: ``("IN_SEGMENT", segments)`` or ``("HOLDS", [tech])``."""
    kind, ident, *_ = key.split("\x1f")
    if kind == "M":
        return "IN_SEGMENT", sorted(st.subtree(ident))
    return ("IN_SEGMENT" if kind == "S" else "HOLDS"), [ident]


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
    if text is None or st != st0:
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
            if v and len(v["top"]) < min(v["n"], MAX_N if key.startswith("M") else TOP_N):
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
        self.agg = Aggregates.loads(text) if text is not None else None
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
            if v and len(v["top"]) < min(v["n"], MAX_N if key.startswith("M") else TOP_N):
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
    best: set[tuple[float, str]] = set()
    for sid in segment_ids:
        best.update(a.ranked(f"S\x1f{sid}\x1f{int(local)}")[1][:limit])
    return [fid for _, fid in sorted(best)[:limit]]


def tech_holders(a: Aggregates, tech_ids: Iterable[str], limit: int,
                 firms: Callable[[list[str]], list[dict]]) -> dict[str, tuple[int, list[dict]]]:
    """Holders per technology from the stored ranked lists: ``(count, top firms without their
    segments)``; ``firms(ids)`` reads the firms' props (the adapter's one read)."""
    ranked = {t: a.ranked(f"T\x1f{t}") for t in tech_ids}
    found = {f["id"]: f for f in firms(sorted({fid for _, top in ranked.values() for _, fid in top[:limit]}))}
    return {t: (n, [{k: v for k, v in found[fid].items() if k != "segments"} for _, fid in top[:limit]
                    if fid in found]) for t, (n, top) in ranked.items()}

