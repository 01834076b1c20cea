"""A framework's items counted as industries: the list a cluster framework announces without a cluster head.

What: :func:`counted_industries` reads ``A、B、C等3大优势产业`` and ``A、B、C3个千亿产业`` — a 、-list of fields
closed by its count (N大 or N个), an optional tier (优势, 特色, 新兴 …) and scale class (千亿, 百亿级 …) and the word
产业 — as the plan's clusters when the count fits the list and the list names fields, and the sentence announces
a framework: it names a cluster or chain (``“334”产业集群``, ``10个百亿产业集群``) or the list has a scale class.
It returns ``(name, level, span)``; :mod:`etl.nlp.plan_clusters` makes them cluster mentions.

Why: round 16's held-out plans named most of their clusters so (咸宁's “334” 产业集群: 发展A、B、C等3大优势产业,
培育D、E、F、G等4大特色产业; 黄冈's 形成A、B、C3个千亿产业): the items are the framework's clusters, the head is
elsewhere in the sentence. A count that does not fit, a list of products (动力电池、新能源汽车、光伏三大产业同比增长,
no framework) or a list without field words is no framework.

>>> [n for n, _l, _s in counted_industries("推动“334”产业集群发展,发展电子信息、装备制造、冶金建材等3大优势产业")]
['电子信息', '装备制造', '冶金建材']
>>> [(n, l) for n, l, _s in counted_industries("形成农产品加工、建材家居、医药化工3个千亿产业")]
[('农产品加工', '千亿'), ('建材家居', '千亿'), ('医药化工', '千亿')]
>>> counted_industries("动力电池、新能源汽车、光伏三大产业同比增长20%")
[]
>>> [(n, l) for n, l, _s in counted_industries("以烟草、工程机械两大千亿支柱产业为重点,统筹推进新材料、电子信息两大新兴产业")]
[('烟草', '千亿'), ('工程机械', '千亿'), ('新材料', None), ('电子信息', None)]
"""

from __future__ import annotations

import re

from etl.nlp.cluster_names import NUM_CN, clean_name, count_of, field_list, is_generic, split_items
from etl.nlp.field_vocab import is_field

__all__ = ["counted_industries"]

_TIERS = r"(?:优势|特色|新兴|主导|支柱|战略性新兴|战略性|传统|重点|未来|先导|基础|现代|工业|制造)"  # 五大百亿级工业产业
_COUNTED = re.compile(r"([^,;。:!?]+、[^,;。:!?]+?)(等)?(" + NUM_CN + r"[个大])" + _TIERS + r"*"
                      r"((?:万亿|千亿|百亿|\d+亿)元?级?)?" + _TIERS + r"*产业(?=[,;。、)]|$|为(?:重点|主导|核心|引领|主体|支撑))")
_FRAMEWORK = re.compile(r"产业集群|产业链|集群")


def counted_industries(sentence: str) -> list[tuple[str, str | None, tuple[int, int]]]:
    """The items of the counted industry lists of a framework sentence (see the module doc)."""
    lists = []
    for m in _COUNTED.finditer(sentence):
        head = re.sub(r"^以(?!及)", "", clean_name(m.group(1))) if sentence.startswith("为", m.end()) else m.group(1)
        items = [clean_name(i, True) for i in split_items(clean_name(head), count_of(m.group(3)))]
        if not all(items) or not (count_of(m.group(3)) == len(items) or m.group(2) and 2 <= len(items) < (count_of(m.group(3)) or 0)):
            continue  # A、B等六大产业: 等 says the list names some of its count (长寿, round 20)
        if not (field_list(items) or all(is_field(i) for i in items)) or any(is_generic(i, True) for i in items):
            continue
        lists.append((items, m.group(4), m.span(), "未来" in m.group(0)[len(m.group(1)):]))
    # the sentence announces a framework when it names a cluster or chain, or one of its counted lists has a scale
    # class (以A、B四大千亿支柱产业为重点,统筹推进C、D两大新兴产业: the second list is the framework's too) — not a
    # list of future industries next to it (培育新材料、新能源等三大未来产业: fields still to grow, no cluster yet)
    named = bool(_FRAMEWORK.search(sentence))
    classed = any(level for _i, level, _s, _f in lists)
    return [(i, level, span) for items, level, span, future in lists
            if named or level or (classed and not future) for i in items]
