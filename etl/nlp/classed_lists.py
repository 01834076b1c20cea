"""A counted list with its scale class before the items: ``5个百亿级A、B、C、D和E产业集群``.

What: :func:`class_led` reads a count and a scale class that lead a 、-list closed by 产业集群/集群/产业链
(``2个500亿级A、B产业集群``) as that many clusters (chains), each with the class — when the count fits the items (the
last one joined by 和/及/与) and the list names fields — and replaces the mention the rules made of the whole list
(``A、B`` as one name) with them.

Why: the scale-class rules read a class written after the items (A、B等3个千亿级产业集群); written before them, as a
framework's groups are listed (白银's “八群”: 1个千亿级…,2个500亿级…,5个百亿级…), the two-item group was read as one
name and the five-item group not at all (round 35's held-out run).

>>> [(c.name, c.level) for c in class_led("建设2个500亿级精细化工、清洁能源产业集群,3个百亿级新型建材、现代纺织和食品加工产业集群", [])]
[('精细化工', '500亿级'), ('清洁能源', '500亿级'), ('新型建材', '百亿级'), ('现代纺织', '百亿级'), ('食品加工', '百亿级')]
"""

from __future__ import annotations

import re

from etl.nlp.cluster_names import NUM_CN, clean_name, count_of, field_list, is_generic, split_items
from etl.nlp.field_vocab import is_field
from etl.nlp.plan_clusters import ClusterMention, core_name

__all__ = ["class_led"]

_LED = re.compile(r"(" + NUM_CN + r")\s*个\s*((?:[一二三四五六七八九]?(?:万亿|千亿|百亿)|\d+亿)元?级)\s*"
                  r"([^,;。:!?“”\"]+?、[^,;。:!?“”\"]+?)(产业集群|集群|产业链)")


def class_led(sentence: str, mentions: list) -> list:
    """``mentions`` (the sentence's cluster mentions) with each class-led list's items (see the module doc)."""
    out = list(mentions)
    for m in _LED.finditer(sentence):
        count = count_of(m.group(1) + "个")
        items = [clean_name(i, True) for i in split_items(m.group(3), count)]
        if count != len(items) or not all(items) or any(is_generic(i, True) for i in items) or \
                not (field_list(items) or all(is_field(i) for i in items)):
            continue
        kind = "chain" if m.group(4) == "产业链" else "cluster"
        out = [c for c in out if not ("、" in c.name and c.span[0] < m.end() and m.start() < c.span[1])]  # A、B as one name
        out += [ClusterMention(core_name(i), kind, m.group(2), None, m.span(3)) for i in items]
    return out
