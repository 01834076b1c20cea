"""The classifier's per-ontology index: a scanner over every segment term and negative word,
and per term the segments it credits, its specificity and whether it names a customer.

What: :func:`build_index` (cached per ontology object) returns an :class:`Index`; the evidence
code (:mod:`etl.nlp.evidence`) reads only this, never the ontology's YAML objects, so a record is
classified with dictionary lookups.

Why: a term listed by a segment and its descendant counts for the descendant; a term shared by
two clusters is split between them (and re-split by the record's other evidence later); the
negative words (``negative_keywords`` in the chain YAML) are scanned like terms so that they
shadow the shorter terms inside them (风力发电机 hides 发电机).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from etl.nlp.gb_cited import cited_classes, cited_names
from etl.nlp.head_split import split_table
from etl.nlp.industry import INDUSTRY_SEGMENTS
from etl.nlp.lexicon import (CUSTOMER_TERMS, DROP_TERMS, END_PRODUCT_ROOTS, GB_SCOPE_ITEMS, HEAD_TERMS, PARTS_OF_ROOT,
                             SERVICE_ROOTS, SHADOW_TERMS, spec)
from etl.nlp.vocab import Scanner, cached, normalize, vocabulary

__all__ = ["Index", "build_index", "is_ancestor"]


@dataclass
class Index:
    scanner: Scanner
    credit: dict[str, list[tuple[str, float]]]  # term -> [(segment, share)]
    spec: dict[str, float]  # term -> specificity 0..1
    negative: dict[str, frozenset]  # term -> segments it argues against
    customer: dict[str, bool]  # term -> an end-product term (customer word when not a head)
    bare_customer: frozenset  # bare vehicle words
    service: frozenset  # segment ids that live on trade/service items
    vehicle: frozenset  # auto-vehicle subtree
    lineage: dict[str, tuple[str, ...]]  # segment -> itself + ancestors
    cluster: dict[str, str]
    parts_of: dict[str, str]  # end-product segment -> the parts segment its customer words point to
    root: dict[str, str]  # segment -> its top-level segment
    api_root: str | None  # 原料药 (API-class words need 原料药/API context)
    api_fallback: str | None  # where API-class words go without that context (成品药)
    upstream: frozenset  # 上游 (material) segments
    moto_roots: tuple  # 摩托车 top-level segments
    moto_parts: str | None
    car_parts: frozenset  # auto-parts subtree
    moto_subtree: frozenset  # 摩托车 segments
    gb_re: re.Pattern  # a 经营范围 item that starts with a 国标/规范表述 industry name
    cache: dict = field(default_factory=dict)  # (tag, line) -> analysed hits
    gb_items: dict = field(default_factory=dict)  # 经营范围 item -> starts with a 国标/规范表述 name
    # per-term data derived once from the fields above (_derive), read by the per-line analysis
    clusters_of: dict = field(default_factory=dict)  # term -> frozenset of its credited segments' clusters
    credit_item: dict = field(default_factory=dict)  # term -> (credit tuple, its one root or None, its clusters in order)
    latin: frozenset = frozenset()  # terms that begin or end with an ASCII character (lexicon.ascii_edge applies)
    all_upstream: frozenset = frozenset()  # terms whose every credited segment is 上游 (a material)
    service_terms: frozenset = frozenset()  # terms crediting a service/distribution segment
    lineset: dict = field(default_factory=dict)  # segment -> frozenset(lineage)
    ancestors: dict = field(default_factory=dict)  # segment -> its proper ancestors (lineage without itself)
    splits: dict = field(default_factory=dict)  # term -> cuts that leave a longer head whole (head_split, round 14)
    alias: dict = field(default_factory=dict)  # pvc树脂 -> PVC树脂, WIFI模组 -> WiFi模组: other cases of a Latin term (round 14)
    car_use: dict = field(default_factory=dict)  # 汽车用线束 -> 汽车线束: read so only at a line's start (round 17)
    cites: dict = field(default_factory=dict)  # segment -> classes its lineage's sources cite, of its cluster alone (round 18)
    cites3: dict = field(default_factory=dict)  # segment -> the 中类 (first three digits) of those classes
    cited_names: dict = field(default_factory=dict)  # class name as the sources cite it -> code (gb_cited.cited_names)


def _subtree(segs, roots) -> frozenset:
    out = set()
    for sid in segs:
        cur = sid
        while cur:
            if cur in roots:
                out.add(sid)
                break
            cur = segs[cur].parent if cur in segs else None
    return frozenset(out)


def build_index(ontology) -> Index:
    """Scanner over SEGMENT terms and negative words + per term the (segment, share) it credits."""

    def build():
        segs = ontology.segments
        credit: dict[str, list[tuple[str, float]]] = {}
        for term, es in vocabulary(ontology).items():
            es = [e for e in es if e.label == "SEGMENT"]
            if not es:
                continue
            by_cluster: dict[str, list] = {}
            for e in es:
                by_cluster.setdefault(e.cluster, []).append(e)
            # a term one cluster names (a segment name or keyword) and another only lists among a segment's products
            # (注塑模具: 模具与塑料's keyword, a product of 智能马桶's moulds-and-equipment segment) is the naming cluster's
            named = {c for c, group in by_cluster.items() if any(e.kind in ("name", "keyword") for e in group)}
            if named and len(named) < len(by_cluster):
                by_cluster = {c: g for c, g in by_cluster.items() if c in named}
            picks = []
            for group in by_cluster.values():
                ids = {e.id for e in group}
                # within a cluster: a term listed by a segment and its descendant counts for the descendant
                deepest = [i for i in ids if not any(is_ancestor(segs, i, j) for j in ids if j != i)]
                picks.extend(sorted(deepest))
            credit[term] = [(sid, 1.0 / len(picks)) for sid in picks]
        for t in DROP_TERMS | SHADOW_TERMS:
            credit[t] = []
        negative: dict[str, set] = {}
        for s in segs.values():
            for t in getattr(s, "negative_keywords", None) or []:
                t = normalize(t).strip()
                if len(t) >= 2:
                    negative.setdefault(t, set()).add(s.id)
                    credit.setdefault(t, [])
        end = _subtree(segs, END_PRODUCT_ROOTS)
        customer = {t: bool(c) and all(sid in end for sid, _ in c) for t, c in credit.items()}
        lineage = {}
        for sid in segs:
            chain, cur = [], sid
            while cur and cur in segs and cur not in chain:
                chain.append(cur)
                cur = segs[cur].parent
            lineage[sid] = tuple(chain)
        parts_of = {}
        for root, parts in PARTS_OF_ROOT.items():
            if root in segs and parts in segs:
                for sid in _subtree(segs, (root,)):
                    parts_of[sid] = parts
        alias = {}  # a term with Latin letters is also found in upper and lower case (pvc树脂 is PVC树脂, round 14)
        for t in [t for t in credit if t.upper() != t.lower()]:
            for v in (t.upper(), t.lower()):
                if v not in credit and len(v) == len(t):
                    alias[v] = t
                    credit[v] = credit[t]
        # 汽车用X (GB/T 4754-2017's own wording: 3620 汽车用发动机制造) is the vocabulary's 汽车X when 汽车X names a part, not
        # a vehicle; line_analysis reads it so only where it starts the line (非汽车用发动机, 电动汽车用整车控制器: no — round 17)
        car_use = {}
        vehicle = _subtree(segs, ("auto-vehicle",))
        for t in [t for t, c in credit.items() if t.startswith("汽车") and len(t) > 3 and c
                  and not any(sid in vehicle for sid, _ in c)]:
            v = "汽车用" + t[2:]
            if v not in credit:
                car_use[v] = t
                credit[v] = credit[t]
        scanner = Scanner(credit)
        specs = {t: spec(t) for t in credit}
        for pseudo, _re, sid in HEAD_TERMS:  # 泵, 药: phrases they head (lexicon.HEAD_TERMS)
            if sid in segs:
                credit[pseudo], specs[pseudo] = [(sid, 1.0)], 0.6
        gb = {n for n, _s in INDUSTRY_SEGMENTS.values()} | set(GB_SCOPE_ITEMS)
        root = {sid: lineage[sid][-1] for sid in segs}
        idx = Index(scanner, credit, specs,
                      {t: frozenset(v) for t, v in negative.items()}, customer,
                      frozenset(t for t in CUSTOMER_TERMS if t in credit), _subtree(segs, SERVICE_ROOTS),
                      _subtree(segs, ("auto-vehicle",)), lineage, {s.id: s.cluster for s in segs.values()},
                      parts_of, root, "pharma-api" if "pharma-api" in segs else None,
                      "pharma-finished" if "pharma-finished" in segs else None,
                      frozenset(x.id for x in segs.values() if x.stage == "上游"),
                      tuple(r for r in ("auto-motorcycle", "auto-motorcycle-parts") if r in segs),
                      "auto-motorcycle-parts" if "auto-motorcycle-parts" in segs else None,
                      _subtree(segs, ("auto-parts",)), _subtree(segs, ("auto-motorcycle", "auto-motorcycle-parts")),
                      re.compile("^(?:" + "|".join(sorted(map(re.escape, gb), key=len, reverse=True)) + ")"))
        idx.alias, idx.car_use = alias, car_use
        cited = {sid: c for sid, c in cited_classes(ontology).items() if c}
        idx.cited_names = cited_names(ontology)
        idx.cites3 = {sid: frozenset(x[:3] for x in c) for sid, c in cited.items()}
        # agreement needs a class of one cluster's business: 3824 电力电子元器件, cited by 汽车 and 泵与电机, names neither
        owners: dict[str, set] = {}
        for sid, c in cited.items():
            for x in c:
                owners.setdefault(x, set()).add(segs[sid].cluster)
        idx.cites = {sid: frozenset(x for x in c if len(owners[x]) == 1) for sid, c in cited.items()}
        return idx

    return cached(ontology, "classify-index-v9", lambda: _derive(build()))



def _derive(idx: Index) -> Index:
    """Fill the per-term fields: what the line analysis would otherwise recompute for every hit."""
    cluster, root = idx.cluster, idx.root
    for t, credit in idx.credit.items():
        clusters = {cluster.get(sid): None for sid, _ in credit}
        roots = {root.get(sid) for sid, _ in credit}
        idx.clusters_of[t] = frozenset(clusters)
        idx.credit_item[t] = (tuple(credit), next(iter(roots)) if len(roots) == 1 else None, tuple(clusters))
    idx.latin = frozenset(t for t in idx.credit if t and (t[0].isascii() or t[-1].isascii()))
    idx.all_upstream = frozenset(t for t, c in idx.credit.items() if c and all(sid in idx.upstream for sid, _ in c))
    idx.service_terms = frozenset(t for t, c in idx.credit.items() if any(sid in idx.service for sid, _ in c))
    idx.lineset = {sid: frozenset(lin) for sid, lin in idx.lineage.items()}
    idx.ancestors = {sid: lin[1:] for sid, lin in idx.lineage.items() if len(lin) > 1}
    idx.splits = split_table(t for t, c in idx.credit.items() if c and t not in idx.negative and t not in idx.alias and t not in idx.car_use)
    return idx


def is_ancestor(segs, a: str, b: str) -> bool:
    """True when segment ``a`` is an ancestor of ``b``."""
    cur = segs.get(b)
    while cur is not None and cur.parent:
        if cur.parent == a:
            return True
        cur = segs.get(cur.parent)
    return False
