"""A province inside the front of a name is where the chain is, not what it is: ``获批陕西汽车产业链支点城市`` → 汽车.

What: :func:`provinces_cut` cuts, from each cluster or chain mention, a province (short or full GB/T 2260 name) that a
word of one to three characters leads (获批陕西汽车 → 汽车), with that word — the clause's verb and the province's
chain it names. A name that opens with the province (重庆小面, a product's own name) keeps it.

Why: round 35's held-out run read ``获批陕西汽车产业链支点城市`` (a city chosen as a hub of the province's car chain) as a
chain ``获批陕西汽车``; the county-level places in front of a name are cut by :mod:`etl.nlp.place_prefix` (round 22), a
province after a verb was not.

>>> from etl.nlp.plan_clusters import ClusterMention
>>> [c.name for c in provinces_cut([ClusterMention("获批陕西汽车", "chain", None, None, (0, 6)),
...                                 ClusterMention("重庆小面", "cluster", None, None, (0, 4))])]
['汽车', '重庆小面']
"""

from __future__ import annotations

import re

from etl.nlp.field_vocab import is_field
from etl.nlp.gb2260 import PROVINCES

__all__ = ["provinces_cut"]

_ALT = "|".join(sorted(set(PROVINCES) | set(PROVINCES.values()), key=len, reverse=True))
_LED = re.compile(rf"^[\u4e00-\u9fff]{{1,4}}?(?:{_ALT})(?P<rest>[\u4e00-\u9fff]{{2,}})$")


def provinces_cut(mentions: list) -> list:
    """``mentions`` with a province led by a word cut from the front of their names (see the module doc)."""
    for cm in mentions:
        m = _LED.match(cm.name)
        if m and is_field(m.group("rest")):
            cm.name = m.group("rest")
    return mentions
