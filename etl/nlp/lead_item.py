"""The first 经营范围 item of a record without a 国标行业: the registered industry it implies.

What: :func:`lead_support` says, for a record that has neither product lines nor a 国标行业 signal (a registry
export with the 经营范围 only), which candidate segments its *lead item* — the first item of the 经营范围 —
supports: ``None`` when the scope has no item, else the set (empty when the lead item names nothing in the
chains, or only trades or services goods of a making segment). :func:`etl.nlp.classify.candidates` turns it
into three features of their own, ``lead`` (the lead item supports this segment), ``lead_other`` (it supports
other candidates only) and ``lead_none`` (it supports no candidate: 白酒生产, 家用电器制造, 技术服务 — or a chain
product the vocabulary lacks), which the confidence fit weighs like the code's ``ind_lineage``.

Why: the registered industry follows the firm's main activity (GB/T 4754-2017 §3: a unit with two or more
activities takes the industry of its main one), and by registration practice the main business is the first
item of the 经营范围 and decides the industry code (docs/classifier.md §3 "lead item", with the pages read).
A registry scope without its code otherwise scores like an unconfirmed one (一般项目：水泵制造 0.54).

>>> from etl.nlp.evidence import Evidence
>>> e = Evidence(); e.where.add(("s", 0, 0))
>>> f = Evidence(); f.where.add(("s", 2, 0))
>>> sorted(lead_support([("水泵制造", 1.0), ("五金产品批发", .9), ("电机制造", .8)], {"pump": e, "motor": f}, ()))
['pump']
>>> lead_support([("水泵销售", 1.0)], {"pump": e}, ()), lead_support([], {"pump": e}, ())
(frozenset(), None)
"""

from __future__ import annotations

from etl.nlp.textparse import trade_factor

__all__ = ["lead_support"]


def lead_support(items: list, ev: dict, service) -> frozenset | None:
    """The candidates (keys of ``ev``) that the first of the 经营范围 ``items`` supports: every segment credited
    from item 0 when it is a making item (制造, 生产, 加工 … or no trade word), else only the service and
    distribution segments (``service``: a first item 药品批发 registers a distributor); ``None`` without items."""
    if not items:
        return None
    making = trade_factor(items[0][0], True) == 1.0
    return frozenset(k for k, e in ev.items()
                     if (making or k in service) and any(w[0] == "s" and w[1] == 0 for w in e.where))

