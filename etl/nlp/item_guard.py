"""List items that name no cluster or chain whatever the list-item reader scores: firms shown as examples, the parts of a
chain the sentence names, parks.

What: :func:`items_kept` drops from the reader's items (:func:`etl.nlp.list_items.read_items`) those of a 、-list closed
by ``(等)为代表的`` (``形成了A、B、C等为代表的能源化工产业链``: A, B, C are firms shown as examples of the chain), those of a
list closed by ``等`` and a chain the rules took in the same sentence (``围绕A、B等专用设备产业链``: A, B are
what the 专用设备 chain serves or makes, the chain is the name), parks (``…化工工业园``, ``…产业园``: places, not
fields), and a name the rules took read again with the 以 before it (``以A、B为主导的产业集群``: round 39).

Why: round 35's held-out run read firms and parks as chains (乌鲁木齐: 国能新疆化工, 兖矿, 金风科技, 化工工业园) and
the segments of a named chain as chains of their own (能源, 汽车, 纺织 of 专用设备产业链).

>>> from etl.nlp.list_items import Item
>>> s = "围绕能源、汽车等专用设备产业链,形成了甲科技、乙重工为代表的装备制造产业集群,在丙化工工业园、丁园区集聚"
>>> [i.name for i in items_kept(s, [Item(n, "chain", None) for n in ("能源", "汽车", "甲科技", "乙重工", "丙化工工业园")], {"专用设备"})]
[]
>>> [i.name for i in items_kept("推进电子信息、生物医药等16条产业链", [Item("电子信息", "chain", None)], set())]
['电子信息']
"""

from __future__ import annotations

import re

from etl.nlp.plan_clusters import core_name

__all__ = ["items_kept"]

_EXAMPLES = re.compile(r"^[^,;。:!?]*?(?:等)?为代表")
_PARK = re.compile(r"(?:工业园|产业园|园区|科技园|工业区)$")


def _tail(sentence: str, name: str) -> str | None:
    """What follows the 、-list holding ``name``: the text after its last item up to the clause's end."""
    at = sentence.find(name)
    if at < 0:
        return None
    rest = re.split(r"[,;。:!?]", sentence[at:], maxsplit=1)[0]
    return rest[rest.rfind("、") + 1:] if "、" in rest else rest


def items_kept(sentence: str, items: list, taken: set[str]) -> list:
    """``items`` without firms shown as examples, a named chain's parts and parks (see the module doc)."""
    out = []
    for it in items:
        tail = _tail(sentence, it.name) or ""
        led = re.match(r"^[^等]*等([^,;。:!?、]{2,16}?)产业链", tail)  # not a cluster: “A、B”等绿色食品产业集群 lists A, B (涡阳's gold)
        if _PARK.search(it.name) or _EXAMPLES.match(tail) or (led and core_name(led.group(1)) in taken):
            continue
        if it.name.startswith("以") and core_name(it.name[1:]) in taken:
            continue  # 以A、B为主导的产业集群: the preposition is no part of the name the rules took (round 39)
        out.append(it)
    return out
