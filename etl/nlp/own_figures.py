"""One firm's or one project's own figures are no figure of the place (round 31's label review, the lead's decision).

What: :func:`own_figures_dropped` drops, from the quantities of one sentence, the figures one named firm or one project
holds — its 总投资, 占地, 产值, 产能, 营收 —, whatever the sentence's shape:

* a sentence whose actor is one firm (``江西大华铜业股份有限公司是…企业,总投资3.6亿元``, ``公司当年可产…``), also after a
  year, a 据悉 or a ``位于…的`` (``位于上铅快速通道的瑞旭实业有限公司,总占地面积800亩,总投资30亿元``) — none of its figures
  is kept (round 29's rule, moved here from :mod:`etl.nlp.projects`), and a sentence with no actor of its own that goes
  on from it (``规划年深、精加工20万吨铝型材…``: the firm's plan);
* a clause whose holder is one firm (``…,力争一汽集团全年省属口径整车生产实现260万辆``);
* a figure whose name holds one project's measure (``凯盛(自贡)…一期项目总投资8.7亿元``, ``项目设计产能120万吨`` after
  the project's sentence) or that follows its being built (``乐普药业二期工程建成后,年产值可达100亿元``), and the figures after it in its sentence that name no holder of their own (``可实现年产值超60亿元``,
  ``建成后无人机年产值达100亿元以上``).

A count of firms or projects (``落地铝产业项目47个``), and the sum over many projects (``实施50个重点项目,总投资约250亿元``,
``引进项目总投资``, ``重点项目推进库,项目总投资近400亿元``) stay figures of the place: a class word before 项目 (重点, 签约,
引进 …), a count of projects or a pool (库, 一批) in the sentence makes the projects many.

Why: the golds left a firm's figures out where the firm opens the sentence (大庆, 水城, 鹰潭) but labelled them where it
stood after a modifier (上饶's 瑞旭实业, round 14) or inside a clause (吉林's 一汽集团, 自贡's 无人机产业基地): one rule now,
for golds and extractor.

>>> from etl.nlp.quantity import find_quantities
>>> s = "位于上铅快速通道的瑞旭实业有限公司,总占地面积800亩,总投资30亿元,是大型智能制造企业"
>>> own_figures_dropped(find_quantities(s), s, s)
[]
>>> s = "自贡与某公司签约,打造国内最大的无人机产业基地,项目总投资约100亿元,建成后无人机年产值达100亿元以上"
>>> [q.value for q in own_figures_dropped(find_quantities(s), s, s)]
[]
>>> s = "2023年,加快推进50个重点项目建设,总投资约250亿元"
>>> [q.value for q in own_figures_dropped(find_quantities(s), s, s)]
[50.0, 250.0]
"""

from __future__ import annotations

import re

from etl.nlp.facts import clause_at
from etl.nlp.gb2260 import CITIES, COUNTY_CITIES, PREFECTURES, PROVINCES
from etl.nlp.naming import holds

__all__ = ["own_figures_dropped", "firm_actor"]

#: one firm's name: …股份有限公司, …有限公司, …集团 (not 企业集团, 产业集团: a class of firms)
_PLACE_ALT = "|".join(sorted(CITIES | COUNTY_CITIES | PREFECTURES | set(PROVINCES), key=len, reverse=True))
#: a firm's site by its name and a place (长城汽车荆门基地, …襄阳工厂, …武汉分公司): a name that is no place itself, then the
#: place the site is in, then 基地/工厂/分公司 — the firm without its legal suffix (round 32)
_SITE = rf"(?!{_PLACE_ALT})[\u4e00-\u9fff]{{2,6}}?(?:{_PLACE_ALT})[市州]?(?:生产)?(?:基地|工厂|分公司|子公司)"
_FIRM = (r"(?!依托|依靠|围绕|支持|推动|引进|引导|服务|带动|培育|扶持|鼓励|发挥|借助|通过|以)"  # a verb's object is no holder
         r"(?:[^,;。、等的与和同跟对向在\s]{2,30}?(?:股份有限公司|有限责任公司|有限公司|(?<!企业)(?<!产业)集团(?:公司)?)"
         rf"|{_SITE})(?!股份|有限|公司)")  # the whole name: 泰山集团股份有限公司, not 泰山集团
#: what may stand before a sentence's or a clause's actor: a year, 据悉, 位于…的, 力争/确保, 其中
_LEAD = (r"^\s*(?:(?:19|20)\d{2}\s*年[,,]?|(?:今年|去年)?(?:前\d+个?月|\d+\s*[-—至~]\s*\d+月份?)[,,]?|据悉[,,]|其中[,,]?|力争|确保|"
         r"位于[^,;。]{1,24}?的)*\s*")  # a year, a run of months (今年前5个月,), 据悉, 其中, 力争, 位于…的
#: a sentence whose actor is one firm (江西大华铜业股份有限公司是…; 公司当年可产…): a list of firms (A公司、B公司等3家
#:企业入选) is no one firm's (round 29, 鹰潭)
_FIRM_ACTOR = re.compile(_LEAD + r"(?:该)?(?:" + _FIRM + r"|公司)(?![、等和与及])")
#: a clause held by one firm (力争一汽集团全年…实现260万辆)
_FIRM_CLAUSE = re.compile(_LEAD + _FIRM + r"(?![、等和与及])")
#: a sentence with no actor of its own that goes on from the sentence before (规划年深、精加工20万吨铝型材…)
_GOES_ON = re.compile(r"^\s*(?:规划|计划|预计|建成后|投产后|达产后|年产|可年产|可实现)")
#: one project's own measure in a figure's name (项目总投资, 一期项目设计产能, 项目今年实现产值)
_PROJECT_MEASURE = re.compile(r"项目(?:[^,;。]{0,8}?)(?:总投资|投资额?|投资总额|设计产能|产能|占地(?:面积)?|年?产值|营业收入|营收)")
#: a class word before 项目 (or a pool) that makes the projects many: 重点项目, 签约项目, 引进项目, 项目推进库
_MANY = re.compile(r"(?:重点|重大|签约|引进|落地|招商引资|改造|在建|开工|投产|竣工|技改|产业化|入库|各类|一批|等)(?:产业)?项目")
_COUNTED = re.compile(r"\d+\s*(?:多|余)?\s*(?:个|项)[^,;。]{0,16}项目|项目(?:共)?\s*\d+\s*(?:多|余)?\s*(?:个|项)|库|一批")
#: one project named, then 建成后/投产后 right before the figure's clause (乐普药业二期工程建成后,年产值可达100亿元: round 31)
_BUILT_BEFORE = re.compile(r"[^,;。]{0,20}(?:项目|工程)(?:全面)?(?:建成|投产|达产|建成投产)后[,,]?\s*(?:[^,;。]{0,8})$")
#: after a project's figure, a figure that says when it will hold (建成后, 投产后) or names no holder of its own
_AFTER_BUILT = re.compile(r"^\s*(?:建成后|投产后|达产后|可实现|可)")


def firm_actor(sent: str) -> bool:
    """Is the actor of ``sent`` one firm (see the module doc)?

    >>> firm_actor("2022年,一汽集团省属口径整车产量达到215.6万辆"), firm_actor("A公司、B公司等3家企业入选")
    (True, False)
    >>> firm_actor("全市企业集团营业收入达到500亿元"), firm_actor("今年前5个月,长城汽车荆门基地生产整车67503辆")
    (False, True)
    >>> firm_actor("荆门基地生产整车67503辆"), firm_actor("湖北荆门生产基地产值达到100亿元")
    (False, False)
    """
    return bool(_FIRM_ACTOR.match(sent))


def _one_project(name: str, sent: str) -> bool:
    """Does the figure ``name`` of ``sent`` hold one project's own measure (and no class word or count makes it many)?"""
    m = _PROJECT_MEASURE.search(name)
    if not m:
        return False
    return not (_MANY.search(name[:m.start() + 2]) or _COUNTED.search(sent))


def _sentence_before(sent: str, para: str) -> str:
    """The last non-empty sentence of ``para`` before ``sent`` ("" when ``sent`` opens it or is not in it)."""
    before = para[:max(0, para.find(sent.strip()))] if sent.strip() in para else ""
    return next((s for s in reversed(re.split(r"(?<=[。;!?])", before.rstrip())) if s.strip()), "")


def own_figures_dropped(quantities: list, sent: str, para: str) -> list:
    """``quantities`` of ``sent`` (in paragraph ``para``) without one firm's or one project's own figures."""
    if firm_actor(sent):
        return []
    if _GOES_ON.match(sent) and firm_actor(_sentence_before(sent, para)):
        return []  # 瑞旭实业有限公司,…总投资30亿元…。规划年深、精加工20万吨铝型材…: the firm's plan
    out, held = [], False
    for q in quantities:
        a = q.span[0]
        clause = clause_at(sent, a)
        built = _BUILT_BEFORE.search(sent[:a])  # 乐普药业二期工程建成后,年产值可达100亿元: the project's, when built
        if _FIRM_CLAUSE.match(clause) or _one_project(q.name or "", sent) or \
                (built and not _MANY.search(built.group(0)) and not _COUNTED.search(sent)):
            held = True
            continue
        if held and (_AFTER_BUILT.match(clause) or not holds(q.name or "")):
            continue  # 项目设计产能120万吨,可实现年产值超60亿元: still the project's
        held = False
        out.append(q)
    return out
