"""The neighbourhood walk both adapters answer ``GraphStore.neighbourhood`` with, written once.

Why: the rule — breadth first from one node, ``depth`` hops over every relationship type in either
direction, at most ``limit`` nodes (a relationship to a node beyond the limit is left out), the
relationships sorted — must be the same on both stores; only "the hops out of these nodes" differs
(SQLite asks per node and type, Neo4j per label in one query). Each adapter passes that step.

>>> edges = {("A", "a"): [("R", "a", "b", "B", "b")], ("B", "b"): [("R", "b", "c", "B", "c")]}
>>> def expand(frontier):
...     for node in frontier:
...         for t, s, d, lab, nid in edges.get(node, []):
...             yield t, s, d, lab, nid, (lambda nid=nid: {"id": nid})
>>> out = neighbourhood("A", "a", {"id": "a"}, expand, depth=2, limit=10)
>>> [n["id"] for n in out["nodes"]], [(r["src"], r["dst"]) for r in out["rels"]]
(['a', 'b', 'c'], [('a', 'b'), ('b', 'c')])
>>> [n["id"] for n in neighbourhood("A", "a", {"id": "a"}, expand, depth=2, limit=2)["nodes"]]
['a', 'b']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

__all__ = ["neighbourhood", "Hop"]

#: one hop: (relationship type, src id, dst id, the other node's label, its id, its properties on demand)
Hop = tuple[str, str, str, str, str, Callable[[], dict]]


def neighbourhood(label: str, node_id: str, start: dict | None,
                  expand: Callable[[list[tuple[str, str]]], Iterable[Hop]], depth: int = 1, limit: int = 200) -> dict:
    """``{"nodes": [{label, id, props}], "rels": [{type, src, dst}]}`` around ``(label, node_id)``
    (whose properties are ``start``; ``None``: no such node → nothing)."""
    if start is None:
        return {"nodes": [], "rels": []}
    seen = {(label, node_id): start}
    rels: dict[tuple, dict] = {}
    frontier = [(label, node_id)]
    for _ in range(max(0, depth)):
        nxt = []
        for rel_type, src, dst, other_label, other_id, props in expand(frontier):
            key = (other_label, other_id)
            if len(seen) >= limit and key not in seen:
                continue
            rels[(rel_type, src, dst)] = {"type": rel_type, "src": src, "dst": dst}
            if key not in seen:
                seen[key] = props()
                nxt.append(key)
        frontier = nxt
    nodes = [{"label": lab, "id": nid, "props": p} for (lab, nid), p in seen.items()]
    return {"nodes": nodes, "rels": sorted(rels.values(), key=lambda r: (r["type"], r["src"], r["dst"]))}
