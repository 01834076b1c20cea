"""Structural criticality of segments on a cluster's FEEDS graph (segment level: networkx).

* dominance: the share of the cluster's end products (segments with no outgoing FEEDS) whose every
  path from the raw inputs (segments with no incoming FEEDS) passes through the segment. A segment
  with dominance 1.0 is a dominator of the whole chain: every path from inputs to end products
  crosses it. Computed with immediate dominators from a virtual source linked to all raw inputs.
* articulation: removing the segment disconnects the (undirected) chain.
* betweenness: normalised betweenness centrality on the directed FEEDS graph.

>>> crit = criticality(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("b", "d")])
>>> crit["b"].dominance, crit["b"].articulation, crit["c"].dominance
(1.0, True, 0.5)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # networkx is imported on first use: `chainkg load` and `--help` never need it
    import networkx as nx

__all__ = ["Criticality", "criticality", "feeds_graph", "downstream"]

_SOURCE, _SINK = "__inputs__", "__products__"


@dataclass
class Criticality:
    segment_id: str
    dominance: float          # share of end products dominated (1.0 = on every input→product path)
    dominated_products: list[str]
    articulation: bool
    betweenness: float
    raw_input: bool
    end_product: bool

    @property
    def dominator(self) -> bool:
        return self.dominance >= 1.0 and not (self.raw_input and self.end_product)

    def as_dict(self) -> dict:
        return asdict(self) | {"dominator": self.dominator}


def feeds_graph(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> nx.DiGraph:
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    return g


def downstream(g: nx.DiGraph, starts: Iterable[str]) -> set[str]:
    """The segments reachable from ``starts`` along FEEDS (the starts included)."""
    import networkx as nx

    out: set[str] = set()
    for s in starts:
        if s in g:
            out |= nx.descendants(g, s) | {s}
    return out


def criticality(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, Criticality]:
    """Dominance, articulation points and betweenness for every node of one cluster's FEEDS graph."""
    import networkx as nx

    g = feeds_graph(nodes, edges)
    linked = [n for n in g if g.degree(n) > 0]
    sources = [n for n in linked if g.in_degree(n) == 0]
    sinks = [n for n in linked if g.out_degree(n) == 0]
    h = g.subgraph(linked).copy()
    h.add_edges_from((_SOURCE, s) for s in sources)
    dominated: dict[str, list[str]] = {n: [] for n in g}
    if sources:
        idom = nx.immediate_dominators(h, _SOURCE)
        for t in sinks:
            if t not in idom:
                continue
            cur = t
            while cur != _SOURCE:
                dominated[cur].append(t)
                cur = idom[cur]
    art = set(nx.articulation_points(g.to_undirected())) if len(g) > 2 else set()
    btw = nx.betweenness_centrality(g, normalized=True) if len(g) > 2 else {n: 0.0 for n in g}
    n_sinks = len(sinks) or 1
    return {
        n: Criticality(n, round(len(dominated[n]) / n_sinks, 4), sorted(dominated[n]), n in art,
                       round(btw.get(n, 0.0), 4), n in sources, n in sinks)
        for n in g
    }
