"""Record-level rules over a firm's segment evidence: what the whole record says about single links.

What: :func:`negative_words` damps or vetoes the segments a record's negative words argue against (保健食品 for
片剂); :func:`firm_rules` drops links that the rest of the record explains away — bare vehicle customer
words of a parts maker, a distributor's traded drugs (also of a firm labelled 医药商业, round 19), a vehicle maker's
own spare parts; :func:`fold_parents` folds a parent segment into its best descendant when all its matches sit in
phrases where the descendant matched (头孢类原料药 → 抗感染类原料药). All change ``ev`` (segment id →
:class:`~etl.nlp.evidence.Evidence`) in place; :func:`etl.nlp.classify.candidates` calls them.

Why: a line's words alone do not say whether 乘用车 names the firm's product or its customer, or whether 西药
is made or traded; docs/log/classifier-rounds.md §3 (rounds 1, 9) has the measured effect of each rule.
"""

from __future__ import annotations

from etl.nlp.evidence import Evidence
from etl.nlp.lexicon import GENERIC_TERMS, MAKER_RE

__all__ = ["firm_rules", "fold_parents", "negative_words"]

_DIST_MAIN_SHARE = 0.25  # round 9: a distribution (parts) line of at least this share is a distribution (parts) business


def negative_words(ev: dict, negs: dict, idx, plines, min_weight: float, damp: float) -> set:
    """A segment's negative word (``negative_keywords``: 保健食品, 农药制剂 …) on a line of at least ``min_weight`` or
    in the scope damps every candidate on its lineage (evidence × ``damp``, no whole-line credit) and vetoes it when
    the negative line weighs at least its best line; returns the damped candidates (moved from classify, round 19)."""
    negated = set()
    for sid, w in negs.items():
        if w < min_weight:
            continue
        for k in list(ev):
            if sid in idx.lineage.get(k, (k,)):
                if plines and w >= ev[k].wmax:  # the negative line weighs at least its best line: veto
                    del ev[k]
                    continue
                negated.add(k)
                e = ev[k]
                e.whole = e.whole_s = 0.0
                e.p, e.pmax, e.s, e.smax = e.p * damp, e.pmax * damp, e.s * damp, e.smax * damp
    return negated


def firm_rules(ev: dict, idx, plines, distributor: bool = False) -> None:
    """The record-level drops (module doc), in this order: bare vehicle customer words, a distributor's goods
    (a distribution line, or a distributor label: round 19), a vehicle maker's parts."""

    # customer words: only bare vehicle words while other auto lines are parts -> a parts maker
    veh = [k for k in ev if k in idx.vehicle] if not idx.vehicle.isdisjoint(ev) else ()
    if veh and all(ev[k].bare for k in veh):
        v_score = sum(ev[k].p + 0.5 * ev[k].s for k in veh)
        parts = sum(e.p for k, e in ev.items() if k not in idx.vehicle and idx.cluster.get(k) == "auto")
        if parts >= 0.3 * v_score:
            for k in veh:
                del ev[k]
    if distributor and _DIST not in ev and plines:  # round 19: labelled a distributor, its drug lines are its goods
        _labelled_distributor(ev, plines, idx.lineage)
    if _DIST in ev and plines:  # round 9: a distributor's drug lines are the goods it trades
        _distributor_goods(ev, plines, idx.lineage)
    if plines:  # round 9: a vehicle maker's generic parts lines are its own vehicles' parts
        _vehicle_makers_parts(ev, idx.lineage)


def fold_parents(ev: dict, idx, segs) -> None:
    """Fold a parent into its best descendant when it has no phrase of its own (module doc)."""
    # (only a segment that is an ancestor of another candidate can have kids: the others are skipped
    # at once — kids are only ever removed below — so the loop visits the same segments in the same order)
    for sid in _fold_order(ev, idx, segs):
        if sid not in ev:
            continue
        kids = [k for k in ev if k != sid and sid in idx.lineage.get(k, ())]
        if not kids:
            continue
        kid_where = set().union(*(ev[k].where for k in kids))
        if ev[sid].where <= kid_where:
            best = max(kids, key=lambda k: (ev[k].p + 0.5 * ev[k].s, k))
            _merge(ev[best], ev.pop(sid), 0.5)


def _merge(b, e, f: float) -> None:
    """Evidence ``e`` added to ``b``, its support × ``f`` (the parent fold: 0.5; a distributor's goods: 1.0)."""
    b.p += f * e.p
    b.s += f * e.s
    b.pmax = max(b.pmax, f * e.pmax)
    b.smax = max(b.smax, f * e.smax)
    b.where |= e.where
    b.spec = max(b.spec, e.spec)
    b.bare = b.bare and e.bare
    b.whole = max(b.whole, e.whole)
    b.whole_s = max(b.whole_s, e.whole_s)
    b.wmax = max(b.wmax, e.wmax)
    b.share = max(b.share, e.share)
    for t in e.terms:
        if t not in b.terms:
            b.terms.append(t)


def _fold_order(ev: dict, idx, segs) -> list:
    """The candidates the parent fold visits, deepest first: only those that are a proper ancestor of
    another candidate (``idx.ancestors``) — the fold skips every other one, and it only ever removes
    candidates, so no other one can gain a descendant."""
    if len(ev) < 2:
        return []
    anc = idx.ancestors
    parents = {a for k in ev for a in anc.get(k, ())}
    if parents.isdisjoint(ev):
        return []
    return sorted([s for s in ev if s in parents], key=lambda s: -segs[s].level if s in segs else 0)


_DIST, _FINISHED = "pharma-distribution", "pharma-finished"


_VEHICLE, _PARTS = "auto-vehicle", "auto-parts"


def _vehicle_makers_parts(ev: dict, lineage) -> None:
    """Round 9: a firm with a vehicle line (整车, 客车, 重卡 …) whose parts evidence is only generic words (零部件, 底盘,
    总成 …) on lines under 25 % of revenue and no larger than its vehicle line sells its own vehicles' parts (the
    labelling rule: a vehicle maker's 销售零部件 is no parts business). A parts line of >= 25 % is a parts business
    (上汽's 零部件业务, 潍柴's 关键零部件)."""
    veh = [k for k in ev if _VEHICLE in lineage.get(k, (k,))]
    if not veh:
        return
    vmax = max(ev[k].wmax for k in veh)
    for k in [k for k in ev if _PARTS in lineage.get(k, (k,))]:
        e = ev[k]
        if 0 <= e.share < _DIST_MAIN_SHARE and e.wmax <= vmax and all(t in GENERIC_TERMS for t in e.terms):
            del ev[k]


def _labelled_distributor(ev: dict, plines, lineage) -> None:
    """Round 19: a firm whose listed-firm label is a distributor's (医药商业, ``record_industry.DISTRIBUTOR_LABELS``)
    and none of whose product lines says it makes anything (制造/生产/自产/自制/工业/制药) trades the drugs its lines
    name (中西成药, 药品销售): their evidence is 医药流通's, not 成品药's — as round 9's rule reads a distribution line.
    A label alone is never a link: without a drug line nothing is moved."""
    fin = [k for k in ev if _FINISHED in lineage.get(k, (k,))]
    if not fin or any(MAKER_RE.search(line) for line, _w, _share in plines):
        return
    d = ev[_DIST] = Evidence()
    for k in fin:
        _merge(d, ev.pop(k), 1.0)


def _distributor_goods(ev: dict, plines, lineage) -> None:
    """Round 9: a firm whose largest pharma line (larger than every drug line) is a distribution line of >= 25 % of revenue (or no shares given)
    and none of whose product lines says it makes anything (制造/生产/自产/自制/工业/制药) is a distributor: its
    drug-name lines (西药, 中成药, 药品) are the goods it trades, not a 成品药 business (一心堂, 人民同泰)."""
    d = ev[_DIST]
    fin = [k for k in ev if _FINISHED in lineage.get(k, (k,))]
    if not fin or not (d.share < 0 or d.share >= _DIST_MAIN_SHARE) or any(ev[k].wmax >= d.wmax for k in fin):
        return
    if any(MAKER_RE.search(line) for line, _w, _share in plines):
        return
    for k in fin:
        del ev[k]
