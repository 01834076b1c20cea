"""The first 经营范围 item of a record without a 国标行业: the registered industry it implies.

What: :func:`lead_support` says, for a record that has neither product lines nor a 国标行业 signal (a registry
export with the 经营范围 only), which candidate segments its *lead item* — the first item of the 经营范围 —
supports: ``None`` when the scope has no item, else the set (empty when the lead item names nothing in the
chains, or only trades or services goods of a making segment). :func:`etl.nlp.classify.candidates` turns it
into three features of their own, ``lead`` (the lead item supports this segment), ``lead_other`` (it supports
other candidates only) and ``lead_none`` (it supports no candidate: 白酒生产, 家用电器制造, 技术服务 — or a chain
product the vocabulary lacks), which the confidence fit weighs like the code's ``ind_lineage``.
:func:`lead_kin` names the candidates that are not ``lead_other`` although the lead item does not name them: a
later *making* item of the lead item's own cluster (塑料制品制造；热流道系统研发, 汽车零部件及配件制造；电池管理系统研发,
round 17).

Why: the registered industry follows the firm's main activity (GB/T 4754-2017 §3: a unit with two or more
activities takes the industry of its main one), and by registration practice the main business is the first
item of the 经营范围 and decides the industry code (docs/log/classifier-rounds.md §3 "lead item", with the pages read).
A registry scope without its code otherwise scores like an unconfirmed one (一般项目：水泵制造 0.54). A later item
of another business (酒类生产；塑料制品制造) is what ``lead_other``/``lead_none`` damp; a later item that makes a
finer or sibling product of the cluster the lead item already places the firm in, in its own words (热流道系统研发,
电池管理系统) names no other business, so it is read as a code of that cluster would be read — neither lead nor
other (round 17). A later item in the wording of a GB/T 4754 class (电机制造 after 泵制造, 塑料制品制造 after
模具制造, 卫生陶瓷制品制造: the 规范表述 classes a registry scope lists to widen what the firm may do; ``gb``, the
index's ``gb_re``) stays ``lead_other`` — the constructed registry rows' product lines show such firms need not make
them (round 17 measured it: 3 wrong links of 6 on the rows read as 经营范围 only) — and so does a later item that only
trades or services (药品批发 after 药品生产) or names a service or distribution segment (round 12 measured those as
wrong links).

>>> from etl.nlp.evidence import Evidence
>>> e = Evidence(); e.where.add(("s", 0, 0))
>>> f = Evidence(); f.where.add(("s", 2, 0))
>>> items = [("水泵制造", 1.0), ("五金产品批发", .9), ("电机制造", .8)]
>>> sorted(lead_support(items, {"pump": e, "motor": f}, ()))
['pump']
>>> lead_support([("水泵销售", 1.0)], {"pump": e}, ()), lead_support([], {"pump": e}, ())
(frozenset(), None)
>>> import re
>>> cl, gb = {"pump": "pm", "motor": "pm"}, re.compile("^(?:电机制造)")
>>> items = [("水泵制造", 1.0), ("五金产品批发", .9), ("无刷电机研发", .8)]
>>> sorted(lead_kin(items, {"pump": e, "motor": f}, frozenset({"pump"}), (), cl, gb))
['motor']
>>> lead_kin(items, {"pump": e, "motor": f}, frozenset({"pump"}), ("motor",), cl, gb)  # a service segment: no
frozenset()
>>> lead_kin([("水泵制造", 1.0), ("五金", .9), ("电机销售", .8)], {"pump": e, "motor": f}, frozenset({"pump"}), (), cl, gb)
frozenset()
>>> lead_kin([("水泵制造", 1.0), ("五金", .9), ("电机制造", .8)], {"pump": e, "motor": f}, frozenset({"pump"}), (), cl, gb)
frozenset()
"""

from __future__ import annotations

from etl.nlp.textparse import trade_factor

__all__ = ["lead_support", "lead_kin"]


def lead_support(items: list, ev: dict, service, leads: int = 1) -> frozenset | None:
    """The candidates (keys of ``ev``) that the first of the 经营范围 ``items`` supports: every segment credited
    from item 0 when it is a making item (制造, 生产, 加工 … or no trade word), else only the service and
    distribution segments (``service``: a first item 药品批发 registers a distributor); ``None`` without items.
    ``leads`` = 2: the first two items lead (the firm name's 行业 part before the first 经营范围 item, round 18)."""
    if not items:
        return None
    making = [trade_factor(i, True) == 1.0 for i, _w in items[:leads]]
    return frozenset(k for k, e in ev.items()
                     if any(w[0] == "s" and w[1] < leads and (making[w[1]] or k in service) for w in e.where))


def lead_kin(items: list, ev: dict, lead: frozenset, service, cluster: dict, gb) -> frozenset:
    """Candidates outside ``lead`` (the lead item's segments) of a cluster a making lead segment belongs to, credited
    from a later 经营范围 item that is itself a making item (``trade_factor`` 1) and does not start with a GB/T 4754
    class name (``gb``: a compiled pattern), and not service or distribution segments (``service``). Empty when the
    lead supports nothing."""
    if not lead:
        return frozenset()
    own = {cluster.get(k) for k in lead if k not in service}
    if not own:
        return frozenset()
    making = [trade_factor(i, True) == 1.0 and not gb.match(i) for i, _w in items]
    return frozenset(k for k, e in ev.items()
                     if k not in lead and k not in service and cluster.get(k) in own
                     and any(w[0] == "s" and 0 < w[1] < len(making) and making[w[1]] for w in e.where))
