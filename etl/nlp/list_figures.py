"""A figure stated once for a 、-list of fields is the whole list's figure (round 21).

What: :func:`list_shared` renames a figure whose name is only the last item of a 、-list of fields
(``力争电子信息及新材料、高端化工及复合材料、高端装备、食品加工营业收入突破1000亿元`` was read as 食品加工营业收入) to the
list and its measure (``电子信息及新材料、高端化工及复合材料、高端装备、食品加工营业收入``): with no 各/均/分别 the text states
one figure for all of them together, as ``A、B产业集群产值超…`` is one. :func:`kept_or_sought` names the second amount
of ``保300亿元争500亿元`` (keep one, strive for the other) by the indicator of the first.

Why: the list items were cut at the last 、 because a 、 before a count joins kinds of one count and after a figure
separates the next one; a list of fields before a measure is neither. Each item must name a field
(:func:`etl.nlp.field_vocab.is_field`), so ``新签约60个、新开工35个`` and ``规上工业产值、营收均超过…`` are untouched.

>>> from etl.nlp.quantity import find_quantities
>>> s = "力争电子信息及新材料、高端化工及复合材料、高端装备、食品加工营业收入突破1000亿元"
>>> [q.name for q in list_shared(find_quantities(s), s)]
['电子信息及新材料、高端化工及复合材料、高端装备、食品加工营业收入']
>>> s = "生物医药、体育器械、新能源汽车产业保300亿元争500亿元"
>>> [(q.name, q.value) for q in kept_or_sought(list_shared(find_quantities(s), s), s)]
[('生物医药、体育器械、新能源汽车产业', 300.0), ('生物医药、体育器械、新能源汽车产业', 500.0)]
"""

from __future__ import annotations

import re

from etl.nlp.cluster_names import clean_name
from etl.nlp.field_vocab import is_field

__all__ = ["list_shared", "kept_or_sought"]

#: words between a name and its figure that say each item has it (A和B各50个, 均超过, 分别达到)
_EACH = re.compile(r"各|均|分别|双")


def list_shared(quantities: list, sent: str) -> list:
    """Name a figure read as the last item of a 、-list of fields by the whole list (see the module doc)."""
    for q in quantities:
        head = sent[:q.span[0]]
        at = head.rfind(q.name[:4]) if len(q.name) >= 2 else -1
        if at <= 0 or head[at - 1] != "、" or _EACH.search(head[at:]):
            continue
        clause = re.split(r"[,,;;:::。!?]", head[:at - 1])[-1]
        items = [clean_name(i) for i in clause.split("、")]
        if items and all(2 <= len(i) <= 12 and is_field(i) for i in items):
            q.name = "、".join(items + [q.name])
    return quantities


def kept_or_sought(quantities: list, sent: str) -> list:
    """The amount after 争 in ``保A争B`` is the same indicator's as A (see the module doc)."""
    for prev, q in zip(quantities, quantities[1:]):
        gap = sent[prev.span[1]:q.span[0]]
        if gap.strip() == "争" and sent[:prev.span[0]].endswith("保") and prev.unit == q.unit:
            prev.name = prev.name[:-1] if prev.name.endswith("保") else prev.name
            q.name = prev.name
    return quantities
