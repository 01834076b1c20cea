"""Relatedness scores for suggesting missing upstream (FEEDS / 上游材料) links and for 延链.

Research code, not part of the product: only ``bench/validate.py`` uses it (the product's 招商
"relatedness" is :mod:`graph.analytics.targets`' own share-of-segments rule, not this), so it lives under
``bench/`` and is not installed with the package. Pure functions over plain dicts (no numpy): fast
enough for ~10⁵ edges (``bench/validate.py``).

Link suggestion (which inputs does product / segment ``p`` probably need?):

* **collaborative** — ``p`` shares inputs with ``q``, so ``q``'s other inputs are candidates:
  sim(p, q) = Σ_{u ∈ up(p) ∩ up(q)} 1 / ln(1 + |down(u)|)  (Adamic–Adar: rare shared inputs count more),
  score(p, u) = Σ_q sim(p, q) · [u ∈ up(q)]  (paths p → x ← q → u);
* **neighbours** — any other relation gives neighbours ``q`` with a weight (category parent/child,
  products made by the same company, segments of the same chain): score(p, u) = Σ_q w_q · [u ∈ up(q)];
* **popularity** — |down(u)|, used only to break ties (and as the baseline to beat).

延链 density (Hidalgo et al. 2007 “product space”): the proximity of two items is how often they
co-occur in the same basket (firm, region) — φ(a, b) = C(a, b) / max(C(a), C(b)) — and the
relatedness density of a candidate ``c`` to what is present is
density(c) = Σ_{j ∈ present} φ(c, j) / Σ_j φ(c, j).

>>> idx = UpstreamIndex([("bread", "flour"), ("bread", "yeast"), ("cake", "flour"), ("cake", "sugar")])
>>> top = suggest(idx, "bread"); top[0][0]
'sugar'
>>> round(relatedness_density({"a"}, "c", {("c", "a"): 0.5, ("c", "b"): 0.5}), 2)
0.5
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

__all__ = ["UpstreamIndex", "collaborative_scores", "neighbour_scores", "combine", "suggest",
           "proximity_from_baskets", "relatedness_density"]


class UpstreamIndex:
    """``up[p]`` = inputs of ``p``; ``down[u]`` = products using ``u`` (from (product, upstream) pairs)."""

    def __init__(self, edges: Iterable[tuple[str, str]]):
        self.up: dict[str, set[str]] = defaultdict(set)
        self.down: dict[str, set[str]] = defaultdict(set)
        for p, u in edges:
            if p != u:
                self.up[p].add(u)
                self.down[u].add(p)

    def popularity(self, u: str) -> int:
        return len(self.down.get(u, ()))

    def candidates(self) -> list[str]:
        """Every known input, sorted (deterministic)."""
        return sorted(self.down)


def collaborative_scores(idx: UpstreamIndex, p: str) -> dict[str, float]:
    """Adamic–Adar item-based scores of candidate inputs of ``p`` (its known inputs excluded)."""
    sim: dict[str, float] = defaultdict(float)
    for u in idx.up.get(p, ()):
        users = idx.down[u]
        w = 1.0 / math.log(1.0 + len(users)) if len(users) > 1 else 0.0
        if w:
            for q in users:
                if q != p:
                    sim[q] += w
    return neighbour_scores(idx, sim.items(), exclude=idx.up.get(p, set()) | {p})


def neighbour_scores(idx: UpstreamIndex, neighbours: Iterable[tuple[str, float]],
                     exclude: set[str] | None = None) -> dict[str, float]:
    """Σ_q w_q · [u ∈ up(q)] over weighted neighbours ``q`` (minus ``exclude``)."""
    out: dict[str, float] = defaultdict(float)
    for q, w in neighbours:
        for u in idx.up.get(q, ()):
            out[u] += w
    if exclude:
        for u in exclude:
            out.pop(u, None)
    return dict(out)


def combine(*parts: tuple[float, dict[str, float]]) -> dict[str, float]:
    """Weighted sum of score dicts: ``combine((1.0, cf), (0.5, other))``."""
    out: dict[str, float] = defaultdict(float)
    for w, scores in parts:
        for k, v in scores.items():
            out[k] += w * v
    return dict(out)


def suggest(idx: UpstreamIndex, p: str, k: int = 10, extra: Iterable[tuple[float, dict[str, float]]] = ()
            ) -> list[tuple[str, float]]:
    """Top ``k`` suggested inputs of ``p``: collaborative score (+ ``extra`` weighted scores), ties
    broken by popularity then name."""
    scores = combine((1.0, collaborative_scores(idx, p)), *extra)
    for u in idx.up.get(p, ()):
        scores.pop(u, None)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], -idx.popularity(kv[0]), kv[0]))
    return [(u, round(s, 6)) for u, s in ranked[:k]]


def proximity_from_baskets(baskets: Iterable[Iterable[str]]) -> dict[tuple[str, str], float]:
    """φ(a, b) = C(a, b) / max(C(a), C(b)) for items co-occurring in baskets (both orders stored)."""
    single: dict[str, int] = defaultdict(int)
    pair: dict[tuple[str, str], int] = defaultdict(int)
    for b in baskets:
        items = sorted(set(b))
        for i, a in enumerate(items):
            single[a] += 1
            for c in items[i + 1:]:
                pair[(a, c)] += 1
    out = {}
    for (a, c), n in pair.items():
        phi = n / max(single[a], single[c])
        out[(a, c)] = out[(c, a)] = phi
    return out


def relatedness_density(present: set[str], candidate: str, proximity: dict[tuple[str, str], float]) -> float:
    """Share of ``candidate``'s proximity mass that falls on items already ``present`` (0–1)."""
    num = den = 0.0
    for (a, b), phi in proximity.items():
        if a == candidate and b != candidate:
            den += phi
            if b in present:
                num += phi
    return num / den if den else 0.0
