"""A figure named only by a generic measure (总数, 总投资, 面积, 规模 …) takes its holder.

What: :func:`generic_held` names such a figure by what holds it: the things a total counts after it
(``总投资超470亿元共15个新能源重大产业项目签约落户`` → 新能源重大产业项目总投资), the 、-item before it in its clause
(``新增X9个、总数达17个`` → X总数), else the figure before it or the clause before (``打造…工业园,总数达到100个`` → 工业园总数;
``总占地面积800亩,总投资30亿元``: the holder's, not the area's).

Why: split out of :mod:`etl.nlp.quantity` (round 20, code moved, not rewritten) — one concept, a generic measure's holder.

>>> from etl.nlp.quantity import find_quantities
>>> [(q.name, q.value) for q in find_quantities("新增省级园区9个、总数达17个")]
[('省级园区', 9.0), ('省级园区总数', 17.0)]
"""

from __future__ import annotations

import re

from etl.nlp.indicator import clean_name, is_measure

__all__ = ["GENERIC", "generic_held"]

#: measures that name nothing without their holder
GENERIC = {"增速", "总数", "数量", "总量", "规模", "占比", "比重", "产值", "总额", "总面积", "面积", "总规模", "总投资", "占地面积",
          "总占地面积", "占地"}


def generic_held(name: str, clause: str, m, before: str, out: list, mark: int, last_name: str | None, context: str) -> str:
    """``name`` of the figure ``m`` of ``clause`` held by its holder when it is a generic measure (``out[mark:]``: the
    clause's figures before it, ``last_name``: the previous clause's last figure, ``context``: the clause before)."""
    total_of = re.match(r"[共合]计?\s*\d+\s*[个项家]([^,;。]{2,16}?)(?:签约|落户|开工|投产|集中|[,;。]|$)", clause[m.end():])
    if name in GENERIC and total_of:  # 总投资超470亿元共15个新能源重大产业项目签约落户 → …项目总投资
        name = clean_name(total_of.group(1)) + name
    elif name in GENERIC and len(out) > mark and re.fullmatch(r"[^,;:]*、\s*" + re.escape(name) + r"[^,;:]*", before):
        name = re.sub(r"^新增", "", out[-1].name) + name  # 新增X9个、总数达17个 → X总数 (the 、-item before)
    elif name in GENERIC and (last_name or context):  # 打造…工业园,总数达到100个 → 工业园总数
        held = re.match(rf"(.{{2,}}?)(?:{'|'.join(sorted(GENERIC, key=len, reverse=True))})$", last_name or "")
        holder = held.group(1) if held else last_name  # 总占地面积800亩,总投资30亿元: the holder's, not the area's
        holder = holder or re.split(r"(?<=[\u4e00-\u9fff]{2})(?:将|已|由|是|包括|主要)", clean_name(context))[0]
        if holder not in GENERIC and not is_measure(holder):  # 实现产值390亿元,预计实现产值500亿元: a bare measure is no holder (产值产值: round 21)
            name = holder + name  # 1个平台,总面积扩容至45万亩 → 平台总面积; X将由A、B构成,总量… → X总量
    return name
