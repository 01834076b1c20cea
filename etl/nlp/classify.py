"""Map an enterprise to chain segments from its 主营产品, 经营范围 and 国标行业.

What: :func:`classify` collects, for every segment whose vocabulary (names, keywords, products of
``ontology/chains/*.yaml``) occurs in the texts, the evidence for it, turns that evidence into a
calibrated probability that the link is right, and returns the best ``top_k`` with probability
>= ``min_confidence`` as :class:`SegmentMatch` (segment, cluster, confidence, matched terms).
:func:`assign_segments` honours an explicit ``segment`` field (ids or names) and otherwise
classifies a raw record; :func:`classify_many` does it for many records.

Evidence (see docs/classifier.md for the why and the measured effect of each rule):

- **products in revenue order**: each line counts with its revenue share relative to the largest
  line (``电机(0.55)``, ``电机 55%``; without shares by position: 1, .85, .7 …). A line of 8 %
  next to a main line of 90 % contributes 0.09 of it, so a liquor maker's 塑料制品 line never
  outweighs its main business; negative and zero lines (抵销, 平衡项目) are ignored;
- **经营范围 structure**: the 一般项目/许可项目 sections are split into items; earlier items
  (the main business is listed first) weigh more; the 除依法须经批准的项目外… boilerplate is dropped;
  an item that only trades or services (…批发/零售/销售/维修/租赁 without 制造/生产/加工) weighs 0.3
  except for service and distribution segments; terms after 不含/不包括 and before 除外 are ignored;
  a record without product lines whose 经营范围 is a bag of product fragments (no section, no making
  verb: 干衣机、分马力电机) reads those fragments as product lines of equal weight (round 11);
- **国标行业** (``industry_code`` C3441, ``industry`` names): :mod:`etl.nlp.industry` gives the
  segments the code points to (a prior) or says the registered industry is outside all chains;
  a listed firm's vendor label among the ``industry`` names (所属行业: 汽车配件, 白酒, 电气设备 …) is a
  cluster prior that enters the confidence only (round 10; :func:`etl.nlp.industry.vendor_signal`);
- **terms**: leftmost-longest over the whole vocabulary, so 航空发动机 is one match and never the
  汽车 发动机 inside it; Latin terms (ABS, PACK, API, PE, PC, PP …) count only as whole tokens
  (not in PCB, U-PACK, PE-RT's neighbours); generic terms (齿轮, 座椅, 发酵, 总成 …) are weak;
- **head of the phrase**: Chinese compounds are head-final. A term followed by another term in
  the same phrase is a modifier (新能源汽车|驱动电机 → 驱动电机); an end-product word that is not
  the head is a customer word (商用车|齿轮, 乘用车配套, 动车组车辆配套) and counts almost nothing;
  a record whose vehicle words are all bare customer words (乘用车, 商用车, 客车 …) while its other
  lines are parts is a parts maker, not 整车;
- **negative words**: a segment's ``negative_keywords`` (风力发电机 for 发电机组, 农药制剂 for 制剂,
  保健食品 for 片剂/胶囊, 铁路货车 for 整车 …) are matched too: they shadow the shorter terms inside
  them, and a record holding one damps that segment;
- a term listed by a parent and its child counts for the child; a parent whose matches all sit in
  phrases where a descendant matched is folded into the best descendant (头孢类原料药 → 抗感染类);
- **confidence** = a logistic function of that evidence (largest supporting line, summed support,
  scope support, term specificity, share of the record's evidence, industry agreement or
  out-of-chain industry), fitted on the *tune* split of bench/labelled/firms.csv so that links
  at confidence c are right about c of the time (reliability table: ``bench/classify.py``).

Modules: :mod:`etl.nlp.textparse` (product lines, 经营范围 items), :mod:`etl.nlp.lexicon` (word rules,
Latin tokens), :mod:`etl.nlp.index` (per-ontology term index), :mod:`etl.nlp.line_analysis` (line
analysis), :mod:`etl.nlp.evidence` (scoring), :mod:`etl.nlp.record_rules` (record-level drops and the
parent fold), :mod:`etl.nlp.record_fields` (a record's keys), :mod:`etl.nlp.lead_item` (the first 经营范围 item of a
record without products and 国标行业: the industry it implies), :mod:`etl.nlp.calibration` (features →
confidence); this module builds the candidates and their features and holds the public functions.

Bulk path: matching uses :meth:`etl.nlp.vocab.Scanner.scan` (hash lookups over the same
vocabulary as the spaCy EntityRuler, plus the negative and shadow words) instead of ``nlp.pipe`` —
same longest-match rule, much faster; each analysed line is cached per ontology (registry scopes
repeat the same 规范表述 items), see ``bench/classify.py``. spaCy stays the pipeline for policy
extraction; a spaCy text classifier was tried and is not used (docs/classifier.md).

>>> from ontology.loader import Ontology
>>> from ontology.models import Cluster, Segment
>>> S = lambda i, n, p=None, kw=(): Segment(id=i, name=n, cluster="sewing", stage="中游", parent=p,
...                                      weight=.1, keywords=list(kw), source="x")
>>> onto = Ontology(clusters={"sewing": Cluster(id="sewing", name="缝制设备", source="x")},
...                 segments={s.id: s for s in [S("sewing-m", "缝纫机", kw=["缝纫机"]),
...                                              S("sewing-ind", "工业缝纫机", "sewing-m")]})
>>> [(m.segment_id, m.matched_terms) for m in classify(None, "工业缝纫机", onto)]
[('sewing-ind', ['工业缝纫机'])]
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from etl.nlp import calibration
from etl.nlp.calibration import CALIBRATION, FEATURES, LINK_MIN, SECONDARY_MIN, TOP_K
from etl.nlp.evidence import MINOR_SHARE, Evidence, accumulate
from etl.nlp.index import build_index
from etl.nlp.lead_item import lead_kin, lead_support
from etl.nlp.lexicon import GENERIC_TERMS
from etl.nlp.line_analysis import field_hits
from etl.nlp.firm_name import name_item
from etl.nlp.record_fields import (INDUSTRY_CODE_KEYS, INDUSTRY_KEYS, INDUSTRY_LEVEL_KEYS, NAME_KEYS,  # noqa: F401
                                   NAME_TRADE_KEY, NO_SEGMENT, PRODUCT_KEYS, SCOPE_KEYS, SEGMENT_KEYS)
from etl.nlp.record_fields import INDUSTRY_KEY_SET as _INDUSTRY_KEY_SET, SEGMENT_KEY_SET as _SEGMENT_KEY_SET
from etl.nlp.record_fields import SPLIT_RE as _SPLIT_RE, get as _get, industry as _industry
from etl.nlp.record_fields import lookup_segment as _lookup_segment
from etl.nlp.record_industry import damp_outside, industry_signals
from etl.nlp.record_rules import firm_rules, fold_parents, negative_words
from etl.nlp.textparse import fragment_lines, product_lines, scope_items

__all__ = ["SegmentMatch", "classify", "classify_many", "assign_segments", "candidates", "LINK_MIN",
           "CALIBRATION", "FEATURES", "GENERIC_TERMS", "NO_SEGMENT"]


@dataclass
class SegmentMatch:
    """One segment an enterprise is mapped to, with the evidence."""

    segment_id: str
    cluster: str
    confidence: float
    matched_terms: list[str] = field(default_factory=list)
    score: float = 0.0


_NEG_DAMP = 0.3  # a segment's negative word on a main line / in the scope: its evidence x this
_OUT_DAMP = 0.5  # text evidence of a firm registered in an out-of-chain industry x this
_NEG_MIN_WEIGHT = 0.25  # … when the line holding it carries at least this share


def candidates(text_scope, products, ontology, *, industry=None, industry_code=None, name=None) -> list[dict]:
    """Every segment with evidence, with its feature vector (``FEATURES``) and matched terms —
    what :func:`classify` turns into probabilities (exposed for calibration and the bench)."""
    idx = build_index(ontology)
    return _candidates(idx, ontology, text_scope, products, industry, industry_code, name_item(name, idx.scanner))


def _candidates(idx, ontology, text_scope, products, industry, industry_code, name_part=None) -> list[dict]:
    segs = ontology.segments
    plines = product_lines(products)
    if not plines and text_scope:  # round 11: a bag of product fragments (no section, no making verb) reads as lines
        plines, text_scope = fragment_lines(text_scope)
    hits: list = []
    negs: dict[str, float] = {}
    field_hits(plines, "p", idx, negs, hits)
    n_p = len(hits)
    sitems = scope_items(text_scope)
    named = ()  # terms only the name holds: the link's evidence says where they came from
    if name_part and not plines:  # the name's 行业 part: the main business by law, read as the first item (firm_name)
        sitems.insert(0, (name_part, 1.0))
        named = (name_part, "".join(i for i, _w in sitems[1:]))
    field_hits(sitems, "s", idx, negs, hits)
    if plines and len(hits) > n_p:  # 缝制机械制造: the registered industry, not the product
        gb = idx.gb_items
        if len(gb) > 100_000:
            gb.clear()
        for h in hits[n_p:]:
            is_gb = gb.get(h.line)
            if is_gb is None:
                is_gb = gb[h.line] = idx.gb_re.match(h.line) is not None
            if is_gb:
                h.w *= 0.25
    if not hits and not (industry or industry_code):
        return []  # no term and no registered industry: nothing points to a segment
    sig = industry_signals(idx, segs, industry, industry_code)  # 国标行业 and the listed firm's label (record_industry)
    ind_segs, out_industry, v_cluster, rclass, mid = sig.ind_segs, sig.out_industry, sig.v_cluster, sig.rclass, sig.mid
    ev: dict[str, Evidence] = {}
    accumulate(hits, idx, ev, sig.prior)
    traded = damp_outside(ev, sig, idx, segs, _OUT_DAMP)  # registered outside the chains or in trade: text evidence halved
    negated = negative_words(ev, negs, idx, plines, _NEG_MIN_WEIGHT, _NEG_DAMP)
    firm_rules(ev, idx, plines, sig.distributor)  # bare vehicle customer words, a distributor's goods, a vehicle maker's parts
    fold_parents(ev, idx, segs)  # a parent with no phrase of its own → its best descendant
    # industry prior: a segment the 国标行业 points to, even without a text match in its cluster
    ind_clusters = {idx.cluster[s] for s in ind_segs} if ind_segs else ()
    for s in ind_segs:  # the registered industry's segment is a candidate unless its lineage already is
        if not any(s in idx.lineage.get(k, (k,)) or k in idx.lineage.get(s, ()) for k in ev):
            ev[s] = Evidence()
            ev[s].terms.append("国标行业")
    ev = {k: e for k, e in ev.items() if e.p + e.s > 0 or k in ind_segs}
    if not ev:
        return []
    total = {k: e.p + 0.5 * e.s for k, e in ev.items()}
    top = max(total.values()) or 1.0
    cluster = idx.cluster
    top_cluster = cluster.get(max(zip(total.values(), total))[1])  # the largest (total, id)
    # no products and no 国标行业: the 经营范围's first item implies the registered industry (lead_item)
    lead = lead_support(sitems, ev, idx.service, 2 if name_part and not plines else 1) \
        if not (plines or ind_segs or out_industry) else None
    # a later item, not in GB class wording, making a product of the lead's cluster (…；热流道系统研发): no other business
    kin = lead_kin(sitems, ev, lead, idx.service, cluster, idx.gb_re) if lead else ()
    out = []
    for k, e in ev.items():
        ind_lin = any(s in idx.lineage.get(k, (k,)) or k in idx.lineage.get(s, ()) for s in ind_segs) \
            if ind_segs else False
        # a generic word (飞机 as a modifier, 航空器) gains no agreement (review 39); a specific term of two characters as
        # the head does (旋梭 under 3553, which 缝制机械关键零部件 cites: review 40 F7)
        if rclass and not ind_lin and e.spec >= 0.5:
            ind_lin = rclass in idx.cites.get(k, ())
        out_k = out_industry and not (mid and mid in idx.cites3.get(k, ())) and k not in traded
        c = cluster.get(k)
        p, pmax, sc, smax = (e.p, e.pmax, e.s, e.smax) if plines else (e.s, e.smax, 0.0, 0.0)
        # without products, the 经营范围's main items play the products' part
        x = (1.0, math.log(pmax + 0.02), min(p, 2.0), math.log(smax + 0.02), min(sc, 3.0) / 3.0, e.spec,
             total[k] / top, 1.0 if ind_lin else 0.0,
             1.0 if (not ind_lin and c in ind_clusters) else 0.0,
             1.0 if out_k else 0.0, 1.0 if (plines and e.p == 0) else 0.0, 0.0 if plines else 1.0,
             1.0 if k in negated else 0.0, 1.0 if c == top_cluster else 0.0,
             1.0 if (pmax < 0.1 or 0 <= e.share < MINOR_SHARE) and smax < 0.2 else 0.0, 1.0 if (e.whole if plines else e.whole_s) >= 0.1 else 0.0,
             1.0 if v_cluster is not None and c == v_cluster else 0.0,
             1.0 if v_cluster is not None and c != v_cluster else 0.0, 1.0 if sig.v_out and k not in traded else 0.0,
             1.0 if sig.v_mixed else 0.0, 1.0 if lead and k in lead else 0.0,
             1.0 if lead and k not in lead and k not in kin else 0.0,
             1.0 if lead is not None and not lead else 0.0)
        terms = e.terms if not named else [f"企业名称:{t}" if t in named[0] and t not in named[1] else t
                                           for t in e.terms]
        out.append({"segment_id": k, "x": x, "terms": terms, "score": total[k]})
    return out



def classify(text_scope: str | None, products, ontology, *, nlp=None, top_k: int = TOP_K, industry=None,
             industry_code=None, min_confidence: float = LINK_MIN, name: str | None = None) -> list[SegmentMatch]:
    """Best ``top_k`` segments (confidence >= ``min_confidence``) for an enterprise from its
    经营范围, 主营产品 (str with ``;``-separated lines, optionally ``name(0.55)`` revenue shares,
    or a list) and 国标行业 (``industry`` names, ``industry_code``).

    ``nlp`` is accepted for API symmetry with extraction and is not needed (the scanner uses the
    same vocabulary). Returns ``[]`` when nothing points to a segment.
    """
    idx = build_index(ontology)
    return _classify(idx, ontology, text_scope, products, industry, industry_code, top_k, min_confidence,
                     name_item(name, idx.scanner))


def _classify(idx, ontology, text_scope, products, industry, industry_code, top_k, min_confidence, name_part=None):
    cands = _candidates(idx, ontology, text_scope, products, industry, industry_code, name_part)
    if not cands:
        return []
    segs = ontology.segments
    conf = calibration.confidence
    scored = [(conf(c["x"]), c) for c in cands]
    scored.sort(key=lambda pc: (-pc[0], -pc[1]["score"], -segs[pc[1]["segment_id"]].level, pc[1]["segment_id"]))
    lineage = idx.lineage
    out: list[SegmentMatch] = []
    placed: list[tuple[str, tuple]] = []  # links that took one of the top_k places, with their lineage
    second: list[tuple[float, dict]] = []  # candidates between SECONDARY_MIN and min_confidence
    for p, c in scored:
        if p < min_confidence:
            if p < SECONDARY_MIN:
                break  # sorted by confidence: nothing after this can be placed
            second.append((p, c))
            continue
        _place(out, placed, p, c, segs, lineage, top_k)
    # a secondary business: a firm placed in one cluster keeps its best weaker candidate of another cluster
    # (豪能's 航空零部件 next to its synchroniser rings, 湘电's 水泵 next to wind generators) — round 8
    if out and second:
        linked = {m.cluster for m in out}
        for p, c in second:
            cl = segs[c["segment_id"]].cluster
            if cl not in linked:
                linked.add(cl)
                _place(out, placed, p, c, segs, lineage, top_k)
    return out


def _place(out: list, placed: list, p: float, c: dict, segs, lineage, top_k: int) -> None:
    sid = c["segment_id"]
    lin = lineage.get(sid, (sid,))
    # an ancestor or descendant of a placed link says the same thing more or less finely: no new place
    if not any(sid in plin or top in lin for top, plin in placed):
        if len(placed) >= top_k:
            return
        placed.append((sid, lin))
    out.append(SegmentMatch(sid, segs[sid].cluster, p, c["terms"], round(c["score"], 4)))


# --------------------------------------------------------------------------- records

def assign_segments(record: dict, ontology, *, top_k: int = TOP_K) -> list[SegmentMatch]:
    """Segments of one record: an explicit ``segment``/``segments`` field (ids or names, ``;``
    or ``,`` separated, or a list) wins with confidence 1.0; a :data:`NO_SEGMENT` marker (七链外)
    means no segment at all; otherwise :func:`classify` on its
    ``products``/``主营产品``, ``business_scope``/``经营范围`` and ``industry``/``industry_code``
    (国标行业; or the ``industry_l1`` … ``industry_l4`` levels).
    Raises :class:`~ontology.errors.InputError` for an explicit value that names no segment.
    """
    return _assign(record, ontology, build_index(ontology), top_k)


def _assign(record: dict, ontology, idx, top_k: int) -> list[SegmentMatch]:
    explicit = _get(record, SEGMENT_KEYS) if not _SEGMENT_KEY_SET.isdisjoint(record) else None
    if explicit is not None:
        values = explicit if isinstance(explicit, (list, tuple)) else _SPLIT_RE.split(str(explicit))
        if {str(v).strip() for v in values} - {""} <= NO_SEGMENT:
            return []  # declared outside the seven chains: no classifier guess
        out, seen = [], set()
        for v in (str(x).strip() for x in values):
            if not v:
                continue
            sid = _lookup_segment(v, ontology)
            if sid not in seen:
                seen.add(sid)
                out.append(SegmentMatch(sid, ontology.segments[sid].cluster, 1.0, [f"explicit:{v}"], 99.0))
        if out:
            return out
    code, names = _industry(record) if not _INDUSTRY_KEY_SET.isdisjoint(record) else (None, None)
    products = _get(record, PRODUCT_KEYS)
    item = None
    if not products:  # the name's 行业 part, as the loader set it or from the name (firm_name, round 18)
        item = record[NAME_TRADE_KEY] if NAME_TRADE_KEY in record else name_item(_get(record, NAME_KEYS), idx.scanner)
    return _classify(idx, ontology, _get(record, SCOPE_KEYS), products, names, code, top_k, LINK_MIN, item)


def classify_many(records, ontology, *, top_k: int = TOP_K) -> list[list[SegmentMatch]]:
    """:func:`assign_segments` for each record (dicts), in order — the bulk fast path."""
    idx = build_index(ontology)  # once for all records
    return [_assign(r, ontology, idx, top_k) for r in records]
