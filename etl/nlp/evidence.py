"""Evidence for segments from the analysed lines of one record: how much each segment is supported by
the products and by the 经营范围.

What: :func:`accumulate` credits the hits of a record (:func:`etl.nlp.line_analysis.field_hits`: each
line's terms, heads, modifiers, customer and negative words) to segments as :class:`Evidence` (largest
and summed support from products and scope, specificity, whole-line matches, bare customer words).

Why: which segment a shared or generic term supports depends on the rest of the record (伺服电机 in a
sewing firm, 齿轮 of a motorcycle maker); rules and their measured effect: docs/log/classifier-rounds.md §3.
"""

from __future__ import annotations

from etl.nlp.index import Index
from etl.nlp.lexicon import (API_CONTEXT_RE, DRUG, MAIN_LINE_GENERIC, MAIN_LINE_ONLY, SECTOR, THERAPEUTIC_CLASSES,
                             THERAPY_AREAS, WHOLE_LINE_TERMS)

__all__ = ["Evidence", "accumulate"]

VET_SEGMENT = "pharma-vet"
VET_ROOT = "pharma-finished"  # the top-level segment above VET_SEGMENT
BIOLOGICS_SEGMENT = "pharma-biologics"
GENERIC_MAIN_SHARE = 0.25  # a generic main line of at least this revenue share (or unknown shares)
MINOR_SHARE = 0.1  # a line of less revenue share than this is "minor" (the labelling rule counts lines of ~10 %+)


class Evidence:
    __slots__ = ("p", "pmax", "s", "smax", "spec", "terms", "where", "bare", "whole", "whole_s", "wmax", "share")

    def __init__(self):
        self.p = self.pmax = self.s = self.smax = self.spec = self.whole = self.whole_s = self.wmax = 0.0
        self.terms: list[str] = []
        self.where: set = set()
        self.bare = True  # every term a bare customer word (乘用车, 商用车 …)
        self.share = -1.0  # largest revenue share of a product line supporting it (-1: no shares given)



def _industry_main_line(h, prior: frozenset) -> bool:
    """Round 19: a generic word that is the whole of a main product line — the largest line, or one of at least
    ``GENERIC_MAIN_SHARE`` of revenue — counts as ``MAIN_LINE_GENERIC`` words do when the firm's registered industry
    or listed-firm label names its one cluster (``prior``): 柴油机(1.00) of a firm labelled 汽车配件 is an auto engine,
    整车(0.79) of one labelled 汽车整车 its vehicles, 医药(0.59) of one labelled 化学制药 its drugs. A word of several
    clusters (轴承), a customer word (乘用车) and the main-line-only words (航空) stay as they are."""
    return (h.whole and h.tag == "p" and (h.w >= 0.999 or h.share >= GENERIC_MAIN_SHARE) and not h.customer
            and h.term not in MAIN_LINE_ONLY and len(h.clusters) == 1 and not prior.isdisjoint(h.clusters))


def accumulate(hits: list, idx: Index, ev: dict, prior: frozenset = frozenset()) -> None:
    """Credit the hits to segments.

    - a term shared by several segments goes to them in proportion to the record's other
      (unshared) evidence under each one's top-level segment (伺服电机 in a sewing firm → 缝制 电机;
      抗寄生虫药 next to 兽药 → 兽用药品);
    - a generic term (齿轮, 电控, 柴油机 …) counts only where its cluster has specific evidence too,
      or (``MAIN_LINE_GENERIC``: 模具, 离合器 …) when it is the whole main product line, or (round 19) when it is
      the whole of a main line and the firm's industry (``prior``: its 国标行业 or listed-firm label) names its cluster;
    - therapeutic-class words (抗肿瘤, 造影剂, 抗生素) listed under 原料药 describe the firm's finished
      drugs (→ 成品药) when its main lines name dosage forms (针剂, 片剂 …) and none names 原料药/API.
    """
    mass: dict[str, float] = {}
    specific: set = set()
    therapeutic = vet = False
    for h in hits:
        if h.root1 is not None and h.term not in WHOLE_LINE_TERMS:  # 零部件 takes the firm's context
            mass[h.root1] = mass.get(h.root1, 0.0) + h.w * h.factor
        if not h.generic:
            if not h.customer:
                specific.update(h.clusters)
            # 疫苗/生物制品 of a firm whose specific evidence is veterinary (口蹄疫, 兽用) are veterinary biologics
            if h.root1 == VET_ROOT and not vet:
                vet = any(sid == VET_SEGMENT for sid, _ in h.credit)
        if h.term in THERAPEUTIC_CLASSES or h.term == DRUG or h.term in THERAPY_AREAS:
            therapeutic = True
    moto = sum(mass.get(r, 0.0) for r in idx.moto_roots) if not mass.keys().isdisjoint(idx.moto_roots) else 0.0
    car = sum(v for r, v in mass.items() if idx.cluster.get(r) == "auto" and r not in idx.moto_roots) \
        if moto else 0.0
    api_context = therapeutic and (
        any(h.w >= 0.05 and h.share != 0 and not 0 < h.share < MINOR_SHARE and API_CONTEXT_RE.search(h.line)
            for h in hits if h.tag == "p") or
        any(API_CONTEXT_RE.search(h.line) for h in hits if h.tag == "s"))
    formulation = therapeutic and not api_context
    best: dict[tuple, tuple] = {}  # (sid, tag, li) -> strongest (factor, weight) on that line
    root = idx.root
    for h in hits:
        credit = h.credit
        if h.tag == "p" and 0 <= h.share < MINOR_SHARE and h.w < 0.5:
            continue  # a line under 10 % of revenue (and under half the largest line) is no link of its own (round 7)
        if api_context and (h.term == DRUG or h.term in THERAPY_AREAS):
            continue  # 中枢神经类药物 in an API maker's breakdown: the class of its APIs, not a finished drug
        if h.generic:
            if h.term in WHOLE_LINE_TERMS and not h.whole or h.term == SECTOR and h.trade < 1.0:
                continue  # 医药销售, 医药批发: a line that trades names the goods, not a drug business (round 19)
            main_line = h.whole and h.term in MAIN_LINE_GENERIC and h.tag == "p" and h.w >= 0.999 and len(h.clusters) == 1 \
                and (h.share < 0 or h.share >= GENERIC_MAIN_SHARE)
            if not main_line and prior:  # round 19: a generic main line in the cluster the firm's industry names
                main_line = _industry_main_line(h, prior)
            if (specific.isdisjoint(h.clusters) or h.term in MAIN_LINE_ONLY) and not main_line:
                continue
            if not main_line:
                credit = [(sid, share) for sid, share in credit if idx.cluster.get(sid) in specific]
            if moto > car:  # 发动机/齿轮 of a motorcycle firm are motorcycle parts
                credit = [(idx.moto_parts if sid in idx.car_parts else sid, share) for sid, share in credit]
        if h.root1 is None and len(credit) > 1:
            roots = {root.get(sid) for sid, _ in credit}
            if len(roots) > 1:
                tot = sum(mass.get(r, 0.0) + 0.01 for r in roots)
                n = {r: sum(1 for sid, _ in credit if root.get(sid) == r) for r in roots}
                credit = [(sid, (mass.get(root.get(sid), 0.0) + 0.01) / tot / n[root.get(sid)]) for sid, _ in credit]
        if formulation and h.term in THERAPEUTIC_CLASSES and idx.api_root:
            credit = [(idx.api_fallback if root.get(sid) == idx.api_root else sid, share) for sid, share in credit]
        if vet:
            credit = [(VET_SEGMENT if BIOLOGICS_SEGMENT in idx.lineage.get(sid, ()) else sid, share)
                      for sid, share in credit]
        bare = h.term not in idx.bare_customer
        for sid, share in credit:
            f = h.factor * share * (1.0 if sid in idx.service else h.trade)
            e = ev.get(sid)
            if e is None:
                e = ev[sid] = Evidence()
            e.where.add((h.tag, h.li, h.ph))
            if h.term not in e.terms:
                e.terms.append(h.term)
            if bare:
                e.bare = False
            fs = h.factor * share
            if fs > e.spec:
                e.spec = fs
            if h.tag == "p" and h.share > e.share:
                e.share = h.share
            if h.whole and share > 0.5:
                if h.tag == "p" and h.w > e.whole:
                    e.whole = h.w
                elif h.tag == "s" and h.w > e.whole_s:
                    e.whole_s = h.w
            key = (sid, h.tag, h.li)
            old = best.get(key)
            if old is None or f > old[0]:
                best[key] = (f, h.w)
    for (sid, tag, _li), (f, w) in best.items():
        e, c = ev[sid], w * f
        if tag == "p":
            if w > e.wmax:
                e.wmax = w
            e.p += c
            if c > e.pmax:
                e.pmax = c
        else:
            e.s += c
            if c > e.smax:
                e.smax = c
