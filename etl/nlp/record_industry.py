"""What a record's 国标行业 and listed-firm industry label say, read once per record for its candidates.

What: :func:`industry_signals` gives, as one :class:`IndustrySignals`, the segments a 国标行业 code or name points
to (:func:`etl.nlp.industry.industry_signal`), whether it is outside the chains or in trade, the record's class as
the segments' own sources cite it (:mod:`etl.nlp.gb_cited`), the vendor label's cluster (汽车配件 → auto) or its
out/mixed flag (:func:`etl.nlp.industry.vendor_signal`), the clusters the record's industry names (``prior``: where
a generic main product line may count, round 19) and whether the label names a distributor (``DISTRIBUTOR_LABELS``,
round 19); :func:`damp_outside` damps the text evidence of a firm registered outside the chains or in trade.

Why: the registered industry is the main activity the firm declared (GB/T 4754-2017 main-activity principle), so it
says how to read a line's words; the rules and their measured effect are in docs/classifier.md §2 and
docs/log/classifier-rounds.md §4. Moved out of :mod:`etl.nlp.classify` in round 19 (that module had grown past
300 lines); the behaviour of the moved code is unchanged.

>>> s = industry_signals(None, {}, ["汽车配件"], None)
>>> s.v_cluster, sorted(s.prior), s.distributor
('auto', ['auto'], False)
>>> industry_signals(None, {}, ["医药商业"], None).distributor
True
"""

from __future__ import annotations

from etl.nlp.gb_cited import record_class
from etl.nlp.industry import MIXED, OUT, TRADE_SEGMENTS, industry_signal, read_industry, trade_industry, vendor_signal
from etl.nlp.industry import _names

__all__ = ["DISTRIBUTOR_LABELS", "IndustrySignals", "industry_signals", "damp_outside"]

#: listed-firm labels (Tushare ``stock_basic.industry``) that name a chain's trade segment: 医药商业 is Tushare's
#: pharmaceutical-distribution industry (in tune 12 of the 13 firms so labelled have 医药流通 gold; round 19)
DISTRIBUTOR_LABELS = frozenset({"医药商业"})


class IndustrySignals:
    __slots__ = ("ind_segs", "out_industry", "v_cluster", "v_out", "v_mixed", "trade", "rclass", "mid", "prior",
                 "distributor")


_EMPTY = frozenset()
_NONE = IndustrySignals()
_NONE.ind_segs, _NONE.out_industry, _NONE.v_cluster, _NONE.v_out, _NONE.v_mixed = (), False, None, False, False
_NONE.trade, _NONE.rclass, _NONE.mid, _NONE.prior, _NONE.distributor = False, None, None, _EMPTY, False


def industry_signals(idx, segs, industry, industry_code) -> IndustrySignals:
    """The record's industry signals (module doc); one shared empty value for a record without any industry."""
    if not (industry or industry_code):
        return _NONE
    s = IndustrySignals()
    # 2720 化学药品制剂制造: the code and the name, read once (review 40 F1: a code written before a name was lost)
    industry_code, industry = read_industry(industry_code, industry)
    ind_segs, out_industry = industry_signal(industry_code, industry)
    s.ind_segs = ind_segs = tuple(x for x in ind_segs if x in segs)  # an ontology without them (a county-only one) has none
    s.out_industry = out_industry
    # a listed firm's vendor label (汽车配件, 白酒 …): a cluster prior, never a link of its own (round 10)
    names = _names(industry) if industry else ()
    vendor = vendor_signal(names) if names else None
    s.v_out, s.v_mixed = vendor == OUT, vendor == MIXED
    s.v_cluster = vendor if vendor is not None and not (s.v_out or s.v_mixed) else None
    # the clusters the firm's industry names: a generic word that is its main line counts there (round 19)
    if ind_segs or s.v_cluster is not None:
        prior = {idx.cluster[x] for x in ind_segs}
        if s.v_cluster is not None:
            prior.add(s.v_cluster)
        s.prior = frozenset(prior)
    else:
        s.prior = _EMPTY
    s.distributor = bool(names) and not DISTRIBUTOR_LABELS.isdisjoint(names)
    # registered outside the chains (白酒, 农药 …) or in trade (门类 F): a trader is no maker, but a chain's own trade
    # segment (医药流通) stays placeable (round 16), also when the code points to it (5151, 515: round 17)
    s.trade = (out_industry or bool(ind_segs)) and trade_industry(industry_code, industry)
    # the record's class as the segments' own sources cite it (gb_cited, round 18): an out-of-chain class in a 中类 a
    # candidate's lineage cites is near it (3859 and 智能马桶整机), an exact citation agrees with it (3741 and 航空零部件)
    s.rclass = record_class(industry_code, industry, idx.cited_names) if idx is not None else None
    s.mid = s.rclass[:3] if s.rclass and (out_industry or s.trade) else None
    return s


def damp_outside(ev: dict, sig: IndustrySignals, idx, segs, factor: float) -> set:
    """Text evidence × ``factor`` for a firm registered outside the chains or in trade, except a candidate whose
    lineage cites the record's 中类 (round 18) and, under a trade class, the chains' trade and service segments
    (医药流通, 缝纫机销售/维修: ``firm_base: services``) — the class says what they are (review 40 F7: a 药品批发 firm under
    批发业 fell to 0.38); a maker segment that takes service items (充电设施) stays damped. Returns those trade segments."""
    if not (sig.out_industry or sig.trade):
        return set()
    traded = {k for k in ev if any(s in TRADE_SEGMENTS or segs[s].firm_base == "services"
                                   for s in idx.lineage.get(k, (k,)) if s in segs)} if sig.trade else set()
    mid, cites3 = sig.mid, idx.cites3
    for k, e in ev.items():
        if k in traded or mid and mid in cites3.get(k, ()):
            continue
        e.p, e.pmax, e.s, e.smax = e.p * factor, e.pmax * factor, e.s * factor, e.smax * factor
    return traded
