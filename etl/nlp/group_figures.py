"""A counted group's figures: the rate, amount or share stated after a count of projects or firms is the group's.

What: :func:`group_named` renames the figures of one sentence (after :func:`etl.nlp.quantity.find_quantities`):

- a figure named only by a measure of what a group did — a rate or an amount of a verb (``开工率``, ``签约额``,
  ``完成投资``, ``竣工率``) — right after a count of a group (``170个重点项目开工104个``, ``经济技术合作项目51个``) is
  that group's: ``重点项目开工率``, ``经济技术合作项目签约额``; each such figure after the count takes it, until a figure
  that names a holder of its own;
- a share written ``占X的N%`` (``占年度投资任务的25.2%``) is the share of the figure before it when that figure names a
  holder (not a bare measure or growth, which :func:`etl.nlp.naming.holder_shared` names later):
  ``重点项目完成投资占年度投资任务`` (the ``占X比重`` shapes are :func:`etl.nlp.naming.ratio_named`'s);
- a count after 其中 named only by a level, perhaps with its verb (``创建行业技术中心6个,其中创省级1个,创市级2个``), counts
  the things the count before counts: ``创省级行业技术中心`` (without that count's verb and bracket).

Why (round 35): round 34's held-out run named such figures by the words next to them (``开工率``,
``占年度投资任务的``, ``签约额``) where the gold names the group the count states — a shape of progress reports on
projects and of fair results, not one plan's words.

>>> from etl.nlp.quantity import find_quantities
>>> s = "30个市级重点项目开工25个,开工率83.3%,完成投资14.16亿元,占年度投资任务的28.5%"
>>> [q.name for q in group_named(find_quantities(s), s)][2:]
['市级重点项目开工率', '市级重点项目完成投资', '市级重点项目完成投资占年度投资任务']
"""

from __future__ import annotations

import re

from etl.nlp.figures import COUNT_UNITS
from etl.nlp.naming import holds

__all__ = ["group_named"]

#: a counted group (重点项目, 经济技术合作项目, 规上企业), perhaps with what the counted ones did (重点项目开工)
_GROUP = re.compile(r"^([\u4e00-\u9fff]{0,12}?(?:项目|企业|园区|基地|平台|工程))"
                    r"(?:集中)?(?:开工|签约|竣工|投产|入驻|落地|开建|完成投资)?$")
#: a measure of what a group did, with no holder of its own: a rate or an amount of a verb
_GROUP_MEASURE = re.compile(r"^(?:[\u4e00-\u9fff]{1,3}率|(?:完成|实际|计划)?投资(?:额)?|(?:签约|合同|到位|成交)(?:金)?额|"
                            r"(?:实际)?到位资金)$")
#: a count named only by a level (创省级, 新增国家级) and the verb a count's name opens with (创建, 新增)
_LEVEL_ONLY = re.compile(r"^(?:其中)?[\u4e00-\u9fff]{0,2}?(?:国家|省|市|县|区)级$")
_COUNT_VERB = re.compile(r"^(?:创建|新建|建成|新增|认定|培育|组建|建设)")
#: a share written 占X的 (占年度投资任务的): of the figure before
_SHARE_OF = re.compile(r"^占([\u4e00-\u9fff]{2,10})的$")


def group_named(quantities: list, sent: str) -> list:
    """``quantities`` of ``sent`` with a group's measures and 占X的 shares named (module doc)."""
    group = None
    prev = None
    for q in quantities:
        name = q.name or ""
        counted = _GROUP.match(name) if q.unit in COUNT_UNITS else None
        if counted:
            group = counted.group(1)
        elif group and _GROUP_MEASURE.match(name):
            q.name = group + name
        elif prev is not None and q.unit in COUNT_UNITS and prev.unit == q.unit and _LEVEL_ONLY.match(name) and \
                "其中" in sent[prev.span[1]:q.span[0]] and prev.name:
            q.name = name.removeprefix("其中") + re.sub(r"[((][^()()]*[))]", "", _COUNT_VERB.sub("", prev.name))
            continue  # the next level (创市级2个) counts the same things
        elif prev is not None and q.unit == "%" and _SHARE_OF.match(name) and holds(prev.name):
            q.name = prev.name + "占" + _SHARE_OF.match(name).group(1)
        elif name and not _SHARE_OF.match(name):
            group = None  # a figure with a holder of its own ends the group's run
        prev = q
    return quantities
