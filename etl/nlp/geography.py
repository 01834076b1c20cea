"""Facts of geography and history are no figures of a plan: a distance between places and the age of a site.

What: :func:`geography_dropped` drops from one sentence's figures a distance from one place to another
(``东台距杭州370公里``, ``距上海210公里``, ``距机场仅15千米``) and an age (``距今已有1380多年历史``, ``有600余年历史``):
where a place lies and how old a monument is describe the place, they measure nothing a plan aims at or reports on.
A length or an area of the place itself (``海岸线长85公里``, ``滩涂面积156万亩``) stays a figure.

Why (round 35): round 34's held-out run read 东台's distances to 杭州 and 上海 and a pagoda's age as figures; a
promotional text on a place (区位, 人文) writes them in this shape, whatever the place.

>>> from etl.nlp.quantity import find_quantities
>>> s = "滨城距省城370公里,距机场仅15千米,古塔距今已有1380多年历史,海岸线长85公里"
>>> [(q.name, q.value) for q in geography_dropped(find_quantities(s), s)]
[('海岸线长', 85.0)]
"""

from __future__ import annotations

import re

__all__ = ["geography_dropped"]

_DISTANCE_UNITS = {"公里", "千米", "米", "万公里", "万千米"}
#: the words before a distance's number: 距X, 离X, 距离X (仅, 约, 只有 may follow)
_FROM_PLACE = re.compile(r"(?:距离?|离)[\u4e00-\u9fff]{0,8}?(?:仅|约|只有|不到|大约)?\s*$")
#: an age: 距今(已有) before the number, or N(多|余)年历史 after it
_AGE_BEFORE = re.compile(r"距今(?:已有|已|有|约)?\s*$")
_AGE_AFTER = re.compile(r"\s*(?:多|余)?年(?:的)?历史")


def geography_dropped(quantities: list, sent: str) -> list:
    """``quantities`` of ``sent`` without the distances between places and the ages of sites (module doc)."""
    out = []
    for q in quantities:
        before = sent[max(0, q.span[0] - 12):q.span[0]]
        before = re.split(r"[,,;;。:]", before)[-1]
        if q.unit in _DISTANCE_UNITS and _FROM_PLACE.search(before):
            continue
        if not q.unit and (_AGE_BEFORE.search(before) or _AGE_AFTER.match(sent, q.span[1])):
            continue
        out.append(q)
    return out
