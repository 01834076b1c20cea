"""The stored aggregates' state and how firm states move it (:meth:`Aggregates.apply`).

Why: a full analysis used to recount every firm of every segment (O(enterprises), ~10 s at 1M
firms). Now each write computes, for the firms it touches only, their contribution to every figure
before and after the write, and adds the difference to a stored state — in the same transaction as
the rows, so a crash leaves both as they were. Reading the analysis' figures is then O(segments).

What a firm contributes (its :class:`FirmState`): to each segment of its subtree closure (its
IN_SEGMENT targets and their CHILD_OF ancestors, counted once) — operating local / outside firm,
reported output and its square, leading firm, closed local firm; to its direct segments — ``direct_local``
and a place in the segment's ranked firm list; to each technology it holds — a local holder; to
each (dataset, cluster) it belongs to — an operating local firm. Sums are kept as exact binary
fractions (every float is one), so a figure does not depend on the order firms were added and equals
a from-scratch recount bit for bit; it is rounded to a float once, when read.

Ranked lists (the largest firms of a segment, the largest local holders of a technology, the largest
outputs of a subtree for ``max_output``) keep the top :data:`TOP_N`. A write removes the touched
firms' entries and merges their new ones; entries below the old last entry are dropped (an untouched
firm outside the list may sit there), and a list that fell short is refilled from the store — so the
lists stay exact, and an unchanged reload never refills.


(The firms' states and the chain's shape are :mod:`graph.store.aggregate_inputs`; the write
transaction's side — before/after states, refills, recounts — is :mod:`graph.store.aggregates`.)

>>> s = Structure({"leaf": ("mid",), "mid": ("root",)}, {"leaf": "c", "mid": "c", "root": "c"})
>>> a = Aggregates()
>>> a.apply(s, {}, {"e1": FirmState(1, 2.5, True, False, ("leaf",), (), ())})
set()
>>> [a.segment("root").local_count, a.segment("root").local_output, a.segment("leaf").direct_local]
[1, 2.5, 1]
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from graph.store.aggregate_inputs import FirmState, Structure
from graph.store.port import SegmentAggregate

__all__ = ["Aggregates", "rebuild", "member_query", "is_short", "is_current", "TOP_N", "MAX_N", "FORMAT", "STATE_VERSION"]

#: what the stored figures mean; a store whose state has another version is recounted when opened (SQLite:
#: its schema version, graph.store.sql.SCHEMA_VERSION; Neo4j: the state node's ``version``). 2: a closed
#: firm counts only where it is local (review 40 F4)
STATE_VERSION = 2

TOP_N = 100   # ranked firms kept per (segment, local) and per technology; larger requests ask the store
MAX_N = 8     # largest outputs kept per subtree (max_output survives the removal of a few top firms)


#: the stored text's format: 2 — the S and T lists ranked by ontology.firms.rank_key (1, unmarked: by output
#: alone, then id); a text of another format is counted again (:func:`is_current`)
FORMAT = 2


def is_current(text: str | None) -> bool:
    """Whether a stored aggregates text has this version's format (else it is recounted, not moved).

    >>> is_current(Aggregates().dumps()), is_current('{"counts": {}}'), is_current(None)
    (True, False, False)
    """
    return text is not None and f'"format":{FORMAT},' in text


def _cap(key: str) -> int:
    """How many entries a ranked list keeps: the largest outputs of a subtree (``M…``) or ranked firms."""
    return MAX_N if key.startswith("M") else TOP_N


def is_short(key: str, top: list, n: int) -> bool:
    """Whether a ranked list holds fewer entries than it should (its cap, or all its members)."""
    return len(top) < min(n, _cap(key))


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
        self.lists: dict[str, dict] = _Lists()            # list key → {"n": members, "top": [rank key, …]}
        #                                                   (M lists: (-output, id); S and T: FirmState.rank)
        self.techs: dict[str, int] = {}                   # technology → operating local holders
        self.datasets: dict[str, dict[str, int]] = {}     # dataset → cluster → operating local firms

    # -- (de)serialisation ------------------------------------------------------------------------
    def dumps(self) -> str:
        sums = {s: [a.num, a.k, b.num, b.k] for s, (a, b) in self.sums.items() if a.num or b.num}
        return json.dumps({"counts": {s: c for s, c in self.counts.items() if any(c.values())}, "sums": sums,
                           "format": FORMAT,
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
            cap = _cap(key)
            merged = sorted([e for e in old["top"] if e[-1] not in touched] + adds.get(key, []))
            if old["n"] > len(old["top"]):  # untouched firms outside the list rank after its end
                merged = [e for e in merged if old["top"] and e <= old["top"][-1]]
            new = self.lists[key] = {"n": old["n"] + dn, "top": merged[:cap]}
            if is_short(key, new["top"], new["n"]):
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
            g.inact += f.closed_local
            rank = f.rank(fid)
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
                entries.append(f.rank(fid))
            elif kind == "T" and f.local == 1 and rest[0] in f.techs:
                entries.append(f.rank(fid))
        entries.sort()
        self.lists[key]["top"] = entries[:_cap(key)]

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
        if is_short(key, a.lists[key]["top"], a.lists[key]["n"]):
            a.refill(key, members(key))
    a.prune()
    return a


def member_query(key: str, st: Structure) -> tuple[str, list[str]]:
    """Which store rows hold a list's members: ``("IN_SEGMENT", segments)`` or ``("HOLDS", [tech])``."""
    kind, ident, *_ = key.split("\x1f")
    if kind == "M":
        return "IN_SEGMENT", sorted(st.subtree(ident))
    return ("IN_SEGMENT" if kind == "S" else "HOLDS"), [ident]
