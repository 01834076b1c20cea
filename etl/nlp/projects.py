"""A project's capacity written in its name is no figure of the text's own: 海国龙油550万吨重油催化热裂解及95万吨聚烯烃
…三大“油头”项目全面投产 names two plants by their size; it aims at nothing and reports no indicator.

What: :func:`project_capacities` drops, from the quantities of one sentence, a physical amount (吨, 辆, 千瓦, 片 … —
never money, a share or a count of things) that stands in front of the product it measures (the amount is followed
at once by the product's name, not by a verb, a qualifier or a delimiter), in a sentence that speaks of projects
(项目, 生产线, 装置), unless an aim governs it in its own clause (力争, 将, 到20XX年 … or a verb of adding before it: 新增产能
50万吨 is a target). An aim of an earlier clause does not (赤峰市将打造…产业园,…积极推进…年产4万吨电池级碳酸锂生产线项目、年产
3万吨PVDF…项目: the sizes name the projects pushed on; round 25), and a size before a product in Latin letters names it too.

A firm's or a project's own figures (its 总投资, 产值, 产能 …) are dropped by :mod:`etl.nlp.own_figures` (round 31;
round 29's rule on a sentence whose actor is one firm moved there).

Why: the round-18 held-out run read 大庆高新区's plant sizes as three targets (550万吨, 95万吨, 150万吨), as earlier
rounds read 上饶's 20万吨铝型材 and 玉林's 50万吨铜精深加工生产线: a size modifying a noun is a name's part, a target's
figure follows its indicator (产能达到50万吨).

>>> from etl.nlp.quantity import find_quantities
>>> s = "海国龙油550万吨重油催化热裂解及95万吨聚烯烃项目全面投产,园区炼油能力达到1600万吨"
>>> [(q.value, q.unit) for q in find_quantities(s)], [q.value for q in project_capacities(find_quantities(s), s)]
([(550.0, '万吨'), (95.0, '万吨'), (1600.0, '万吨')], [1600.0])
>>> s = "力争建成年产50万吨铜精深加工生产线"
>>> [q.value for q in project_capacities(find_quantities(s), s)]
[50.0]
"""

from __future__ import annotations

import re

from etl.nlp.facts import clause_at
from etl.nlp.tense import AIM

__all__ = ["project_capacities"]

#: units of a plant's physical size (not money, shares or counts of things)
_SIZE_UNIT = re.compile(r"^(?:万|亿)?(?:吨|辆|千瓦|兆瓦|瓦|千瓦时|片|平方米|立方米|标方|桶)$|^(?:MW|GW|GWh|kW)$")
_PROJECT = re.compile(r"项目|生产线|装置")
#: a verb that makes the size an aim of its clause (新增产能50万吨, 建成年产…)
_AIMED = re.compile(r"新增|达到|达|突破|超过|提高|提升|扩大|增至|增加|形成")  # not 建成年产6万吨工业硅项目 (round 21)


def project_capacities(quantities: list, sent: str) -> list:
    """``quantities`` without the sizes that name a project's plant (see the module doc)."""
    if not _PROJECT.search(sent):
        return quantities
    out = []
    for q in quantities:
        after = re.sub(r"^(?:/年|/a|每年)", "", sent[q.span[1]:q.span[1] + 4])[:1]  # 550万吨/年重油催化热裂解
        clause = clause_at(sent, q.span[0])
        before = sent[max(sent.rfind(c, 0, q.span[0]) for c in ",,;:") + 1:q.span[0]]
        names_plant = bool(_SIZE_UNIT.match(q.unit or "")) and bool(re.match(r"[\u4e00-\u9fffA-Za-z]", after)) and \
            not re.match(r"[以左及和的、]", after)
        if names_plant and not AIM.search(clause) and not AIM.search(before) and not _AIMED.search(before):
            continue
        out.append(q)
    return out
