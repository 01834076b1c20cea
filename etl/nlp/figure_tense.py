"""Whether a figure of a plan states what exists (a current value) rather than a target.

What: :func:`figure_current` decides it for one figure from the reading of its sentence: the figure's own clause
said so (:mod:`etl.nlp.quantity`: 现有, 拥有 …), its own year is before the plan period, its paragraph reports a year
before the period (``baseline``), a report without plan period opens its sentence with a year and states no aim, a year
before the text's date in an aimless clause, the base of an aim stated after it (:func:`etl.nlp.tense.before_aim`),
or one of the report readings of :mod:`etl.nlp.tense` (``report``: the sentence reports; a result, an estimate of a
past year, a news report or a briefing).

Why: split out of :mod:`etl.nlp.extract` (round 20, code moved, not rewritten) — one concept, a figure's tense.
"""

from __future__ import annotations

import re

from etl.nlp.facts import clause_at
from etl.nlp.tense import _BUILD, AIM, before_aim, briefing_reported, estimated_result, news_reported, reported, stated_year

__all__ = ["figure_current", "ENTERS_PERIOD"]

#: words that make a sentence say what is to come (将, 力争, 目标, 达到…以上 …), not what was reached
_FUTURE = re.compile(r"将|力争|确保|目标|计划|预计(?!全年)|争取|(?<![截止])(?:到|至)\s*\d{4}\s*年|达到|新增|实施|培育|打造|建成|形成|"
                     r"以上|不少于|不低于|左右|突破")  # …达到3000家以上 in a 2023 work plan is still a target


#: a target's qualifier or an addition: 2023年,技术改造项目达到300个以上 is a work plan's target even where nothing aims
_TARGET_WORD = re.compile(r"以上|不少于|不低于|左右|新增")
#: a sentence that opens with what was done since a year (2021年以来, 去年以来, 今年以来)
#: … or with a run of months (今年1月至10月, 1-10月, 前三季度, 上半年) in a text without plan period: a report of the run
#: a sentence entering a five-year period (迈进“十四五”,…打造…4个千亿级产业集群): what it states is the period's aim,
#: whatever year the paragraph reported before (黄埔: 2020年该区工业总产值达8033亿元。迈进“十四五”,…; round 26)
ENTERS_PERIOD = re.compile(r"^\s*(?:迈进|迈入|跨入|进入)[“\"]?十[一二三四五]五[”\"]?(?:新阶段|新征程|时期)?[,,]")
#: (round 24; round 23 read a run only where it opens the text)
_SINCE_LEAD = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年|去年|上年|今年)以来")
_MONTHS_LEAD = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年|今年|去年|上年)?\s*(?:1\s*月?\s*(?:[-—–~至到]|份至)\s*\d{1,2}\s*月|前[一二三]季度|上半年|一季度)")

#: the same run anywhere in a paragraph: the year is under way, so its 预计全年 forecasts the year's end — an aim (百色:
#: 今年1月至10月…完成1876.5亿元。预计全年…突破2000亿元; round 25); in a review of a closed year 预计 reports (tense.closed_year)
_MONTHS_RUN = re.compile(_MONTHS_LEAD.pattern.replace(r"^\s*", "", 1))
#: a change between two dated values (由2015年的917.4亿元提升至2020年的1350亿元): 至2020年 is no target year; a result
#: when the later year closed before the text's date (round 29, 淮南)
_FROM_TO = re.compile(r"(?:由|从)[^,;。]{0,12}?(?:19|20)\d{2}\s*年(?:末|底)?的[^,;。]{1,20}?(?:至|到)\s*((?:19|20)\d{2})\s*年(?:末|底)?的")


def figure_current(q, a: int, sent: str, qsent: str, para: str, ctx: dict, year: int | None, report: bool,
                   baseline: bool, lead: bool, para_aims: bool) -> bool:
    """Whether the figure ``q`` (at ``a`` of ``qsent``, the sentence ``sent`` as read) of paragraph ``para`` is a
    current value; ``lead``: the sentence opens with a year, ``para_aims``: an earlier sentence of the paragraph aims."""
    current = q.current
    if ctx.get("aim_heading") and not current and q.year in (None, ctx["aim_heading"]):
        return False  # under 2023年发展目标: (etl/nlp/layout.py): that year's aims, whatever the text reports elsewhere
    if not current and "预计全年" in sent and _MONTHS_RUN.search(para) and not ctx.get("closed_year"):
        return False
    based = q.year and re.search(rf"(?:比|较)\s*{q.year}\s*年", clause_at(qsent, a)) and AIM.search(sent)  # 到2025年…,较2020年增长48%: a base (round 37)
    if not current and q.year and ctx["start"] and q.year < ctx["start"] and not based:
        current = True  # 2020年,…达到17887亿元 in a 2021—2025 plan: the baseline
    if not current and baseline and not (q.year and ctx["start"] and q.year >= ctx["start"]):
        current = True
    if not current and lead and not ctx["start"] and not _FUTURE.search(sent.replace("规模以上", "")):
        current = True  # a report (no plan period): “2021年,我市…分别达39.2%” states what was reached
    latest = 0 if ctx.get("aims", True) or _TARGET_WORD.search(clause_at(qsent, a).replace("规模以上", "")) else ctx.get("latest") or 0
    if not current and q.year and not ctx["start"] and q.year < (ctx.get("dated") or latest) \
            and not AIM.search(clause_at(qsent, a)):
        current = True  # 2020年产值分别达到11221亿元 in a 2021 report (no plan period): a result; an undated text is as
        # late as the latest year it states (2022年全社会固定资产投资增长10% in a speech on 2023's first months: round 31)
    if not current and ctx.get("aimless") and not ctx.get("dated") and not _BUILD.search(clause_at(qsent, a)) and \
            not _TARGET_WORD.search(clause_at(qsent, a).replace("规模以上", "")) and \
            (stated_year(sent) or stated_year(para[:max(0, para.find(sent.strip()))])):
        current = True  # 2008年,全市生产总值609.96亿元…;…总数达到1020家 in an undated text that aims at nothing (round 31)
    if not current and ctx.get("aimless") and ctx.get("dated") and not ctx["start"] and re.search(r"[\u4e00-\u9fff](?<!为)了(?!解)", qsent[:a]) and \
            not _BUILD.search(sent) and not re.search(r"努力|全力|力求", sent) and not _TARGET_WORD.search(clause_at(qsent, a).replace("规模以上", "")):
        current = True  # a dated text with no aim word and no plan told anywhere: a verb with 了 tells what happened (…进行了集中签约: round 37)
    if not current and not ctx["start"] and before_aim(sent, para):
        current = True  # …等14个项目全面投产,2020年实现营业收入990亿元。…预计到2025年…可达1500亿元: the base
    if not current and ctx.get("months") and not ctx.get("aims") and not AIM.search(clause_at(qsent, a)):
        current = True  # 1-7月,泰州市…完成产值3078.24亿元: a release of months states results, of the text's year (round 23)
    if not current and _MONTHS_LEAD.match(clause_at(qsent, a)) and not AIM.search(clause_at(qsent, a)):
        current = True  # 2023年实施…项目47个、年度计划投资…,1-4月累计完成投资40.12亿元: the run's result (round 31)
    span = _FROM_TO.search(clause_at(qsent, a))
    if not current and span and (ctx.get("dated") or ctx.get("issued") or 0) > int(span.group(1)):
        current = True  # 民营经济增加值从2018年的412.9亿元提升至2020年的621亿元, told in 2021: a result
    months = None if ctx["start"] or _SINCE_LEAD.match(sent) else _MONTHS_LEAD.match(sent)
    since = _SINCE_LEAD.match(sent) or months
    # 1至5月,…预计实现工业增加值85亿元: 预计 of the run the sentence opens with estimates a result (round 29, as round 25's rule)
    aim = AIM.search(sent.replace("预计", "　　") if months else sent, since.end()) if since else None
    if not current and since and (aim is None or aim.start() > a):
        current = True  # 去年以来,咸阳市创建省级高新区5个…,今年将…: what was done since, before the aim (round 21)
    if not current and (report or reported(clause_at(qsent, a), sent, ctx) or estimated_result(sent, year, ctx) or
                        news_reported(clause_at(qsent, a), sent, para_aims, ctx) or briefing_reported(qsent, a, ctx)):
        current = True  # 截至目前,山东已培育…20家; a “十四五”以来 results report (etl/nlp/tense.py)
    return current
