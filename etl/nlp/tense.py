"""Report or target: does a sentence state what was reached or what is to be reached, and for which year?

What: :func:`is_report` is true for a sentence that reports — a past or present cue (已, 累计, 以来, 截至,
去年, 上年, 目前, 现有, 至今, 确定了, 认定了, 预计全年) and no aim (到20XX年 but never 截至20XX年, 力争, 目标, 将, 计划,
确保, 预计 except 预计全年, 争取, 拟) — and for a sentence
without an aim in a paragraph that began reporting, or in a text whose head looks back on a period (“十四五”以来,
成绩单). :func:`relative_year` reads the years a text writes without digits: 今年 (目前, 当前) is the year the text was
issued, 去年 the year before, 明年 the year after; a named five-year period (“十四五”) its last year.

Why: a list of words that mark a current value clause by clause (现有, 已有 …) misses 已培育, 累计实施 and a whole
results report (四川 十四五 成绩单: 11 of 11 figures taken as targets); the sentence, its paragraph and the
document's own period decide it better. The plan-period rules (a baseline year before the period) stay in
:mod:`etl.nlp.extract`.

>>> is_report("截至目前,山东已培育省级先进制造业集群20家", {}, False)
True
>>> is_report("到2025年,力争培育千亿级产业集群7个", {}, True)
False
>>> is_report("截至2020年,规模以上工业产值超过2万亿元", {}, False), is_report("预计全年占比达到22%以上", {}, False)
(True, True)
>>> relative_year("今年,我省力推4个产业集群向世界级跃升", {"issued": 2023}), relative_year("实现“十四五”创建…的总目标", {})
(2023, 2025)
>>> relative_year("目前已形成6个产业集群,去年产值增长", {"issued": 2023})
2022
"""

from __future__ import annotations

import re

from etl.nlp.aim_words import AIM  # the aim words, defined once (round 29)

__all__ = ["is_report", "closed_year", "earlier_period", "relative_year", "looks_back", "reported", "is_news", "news_reported", "is_briefing", "briefing_reported", "estimated_result", "this_year", "before_aim", "stated_year",
           "FIVE_YEAR", "TELLS_AIM", "REPORT_CUE", "NOW_LEAD", "CURRENT_RE", "is_current", "YEAR_LEAD"]

PAST = re.compile(r"已|累计|以来|截至|截止|去年|(?<!以)上年|目前|现有|至今|过去|确定了|认定了|(?:引进|建成|培育|形成|实现|完成|新增|达到|集聚|聚集|吸引|吸纳|带动)了|正式认定|预计全年|近年来|近几年|这几年|多年来")
#: a paragraph that opens looking back (五年来, 近年来, “十四五”以来) reports until a plan is told: its aimless sentences are
#: results even after a sentence with an aim of its own (五年来,…增长至“十四五”末预计突破160亿元。…成功集聚69家上下游企业: round 20)
LOOK_BACK_LEAD = re.compile(r"^\s*(?:(?:近|过去)?(?:[一二三四五六七八九十两]+|\d+)年(?:来|以来)|近年来|多年来|[“\"]?十[一二三四五]五[”\"]?以来|(?:今年)?1\s*[-—–~至到]\s*\d{1,2}\s*月[,,])")  # 1-7月,…: the run (round 31)
#: what ends such a look back: a plan told (报告提出…未来五年…目标)
PLAN_TOLD = re.compile(r"提出|规划|方案|目标|计划|未来")
#: the five-year plan periods (第十一个 … 第十五个五年规划): the one place they are defined
FIVE_YEAR = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
             "十五五": (2026, 2030)}
_LOOK_BACK = re.compile(r"(?:十[一二三四五]五|(?:19|20)\d{2}年|党的十[一二三四五六七八九]+大)[”\"]?以来|成绩单|回眸|成就|"
                        r"(?:圆满|顺利|胜利)收官|这十年|这[一二三四五六七八九十]+年来|交出了[^。;]{0,20}答卷")  # 党的十八大以来, “山东这十年”


#: clause-level current values (现有, 截至…, 聚焦…33个): what a clause of a plan states now, not what it aims at
NOW_LEAD = re.compile(r"^\s*(?:当下|当前|目前|截至目前|现阶段)")
#: 从5.5万亿元提升至7万亿元: the first amount is where the indicator stands now, the second the target
_STRONG_TARGET = re.compile(r"(?:到|至)\d{4}年|力争|确保|将|计划|目标")
# a clause that states what exists now, not what is to be reached
CURRENT_RE = re.compile(r"(?:聚焦|围绕|依托|立足)(?:全市|全省|全区|全县|我市|我省)?(?=\d|$)|现有|现状|目前|当下|这(?=\d|$)|已有|已经|已达|已建成|已形成|已累计|现已|拥有(?!量|率)|共有|截至目前|至目前|截至\d{4}年|截至年底|"
                         r"当前|累计培育了|(?<![应要将会争])有(?=\d|$)|^(?:聚焦|围绕|依托|立足)(?!打造|培育|建设|形成|建成|[\u4e00-\u9fff]{0,4}类)")  # 聚焦突破类: a category label
_TARGET_RE = re.compile(r"(?:到|至|力争到|力争至)\d{4}年|力争|确保|每年|年均|培育形成|打造|培育|建成|形成|达到|突破|提升到|提高到|新增")


def is_current(clause: str, upto: int, state: bool, sticky: bool = False) -> bool:
    """Does the clause (up to the quantity) state a current value? ``state`` carries the previous
    clause's answer when this one has no marker of its own (拥有21个…集群,52个…基地)."""
    head = clause[:upto]
    if CURRENT_RE.search(head):
        return True
    if sticky and state and not _STRONG_TARGET.search(head):
        return True  # 当下,…首轮9条赛道正式开放,…90个县: the sentence reports the present throughout
    if _TARGET_RE.search(head):
        return False
    return state and (sticky or bool(re.match(r"\s*\d", clause)))  # only a list going on: 拥有21个…,52个…


def looks_back(head: str) -> bool:
    """Does a text's head (its first lines) look back on a period (“十四五”以来, 成绩单)? A plan's outline that reviews the
    period before in one part and states its aims in the next (回顾了保定“十三五”取得的成就…,明确了“十四五”…主要目标) does not.

    >>> looks_back("“十四五”以来,全市工业经济交出了答卷"), looks_back("纲要回顾了“十三五”取得的成就,明确了“十四五”主要目标。")
    (True, False)
    """
    outline = (lambda s: "回顾" in s and re.search(r"明确|提出|部署|目标", s))
    return any(_LOOK_BACK.search(s) and not outline(s) for s in re.split(r"[。;!?]", head))


def is_report(sentence: str, ctx: dict, paragraph_reports: bool) -> bool:
    """Does ``sentence`` report what was reached (see the module doc)? ``ctx["looks_back"]``: the text is a
    results report; ``paragraph_reports``: an earlier sentence of the paragraph reported."""
    text = _reviewed_years(sentence, ctx)  # 预计 in a review of the year just ended (过去一年…) estimates its result (round 25)
    if AIM.search(text.replace("预计", "") if ctx.get("closed_year") else text):
        return False
    return bool(PAST.search(sentence) or _DATA_SHOWN.match(sentence)) or paragraph_reports or bool(ctx.get("looks_back")) or \
        earlier_period(sentence, ctx)


def closed_year(head: str):
    """A text's head that looks back on the year just ended (过去一年,宿迁经济社会发展成绩如何?; 一、2024年工作回顾: round 29).

    >>> bool(closed_year("过去一年,宿迁经济社会发展成绩如何?")), bool(closed_year("未来一年,全市将…")), closed_year("一、2024年工作回顾")[1]
    (True, False, '2024')
    """
    return re.search(r"过去(?:的)?一年|((?:19|20)\d{2})\s*年工作回顾", head)


def earlier_period(sentence: str, ctx: dict) -> bool:
    """A sentence about a five-year period that ended before the plan's (“十三五”期间,… in a 十四五 plan) reports it.

    >>> earlier_period("“十三五”期间,全市地区生产总值年均增长7.1%", {"start": 2021})
    True
    """
    start = ctx.get("start")
    return bool(start) and any(FIVE_YEAR[k][1] < start for k in re.findall(r"(十[一二三四五]五)[”\"]?(?:期间|时期|末)", sentence)
                               if k in FIVE_YEAR)


#: verbs that make a count something to build (全力打造…12条产业链), unless it was built (打造形成)
_BUILD = re.compile(r"(?:打造|培育|建设|创建|新增|争创|建成)(?!形成|成了|了)")


#: words that say a sentence tells what happened (入选, 上榜, 通报表扬, 居全省前列, 拥有)
REPORT_CUE = re.compile(r"入选|上榜|获批|表扬|通报|居全[国省市区]|位居|位列|名列|拥有(?!量|率)")


def reported(clause: str, sentence: str, ctx: dict) -> bool:
    """In a text that states no aim at all (no plan period, no 到20XX年, no 十四五, ``ctx["aims"]`` false: a news
    report, a results summary), a figure is what was reached when its sentence says so without a past tense —
    it opens with a year before the text's (2022年, in a 2023 report), or tells a result (入选, 上榜, 通报表扬, 居全省
    前列, 拥有) — unless the figure's own clause aims (力争, 将) or builds (全力打造…12条; 打造形成 was built).

    >>> ctx = {"aims": False, "start": None, "issued": 2023}
    >>> reported("3个千亿级产业集群快速发展", "经验做法被通报表扬,3个千亿级产业集群快速发展", ctx)
    True
    >>> reported("全力打造…等12条重点产业链", "全力打造…等12条重点产业链,居全省前列", ctx)
    False
    >>> reported("中药材种植面积64.9万亩", "中药材种植面积64.9万亩", ctx)
    False
    """
    if ctx.get("aims", True) or ctx.get("start") or AIM.search(clause) or _BUILD.search(clause) or \
            re.search(r"以上|不少于|不低于|新增", sentence):  # 实施…300个以上,入选…5个以上: a work plan's aims
        return False
    lead = re.match(r"\s*((?:19|20)\d{2})年", sentence)
    return bool(REPORT_CUE.search(sentence)) or bool(lead and ctx.get("issued") and int(lead.group(1)) < ctx["issued"])


#: a sentence led by a year, perhaps after a speech lead-in (报告介绍到,2025年,…)
#: a year leading a sentence, after who says it (报告介绍到,2025年…) — or a news lead's source, date and 记者…获悉 (据某市政府消息,
#: 1月30日,记者从某会获悉,2025年…: round 39)
YEAR_LEAD = re.compile(r"^(?:(?:据[^,;。]{0,20}?(?:消息|报道)|\d{1,2}月\d{1,2}日|记者[^,;。]{0,20}?获悉|"
                       r"[^,;。]{0,10}?(?:介绍|表示|指出|提到|显示|获悉)[到说称]?)[,:]\s*)*((?:19|20)\d{2})年")
#: the lead of a news report: 本报讯, 央广网…消息, 新华网…日电, (记者…), or a date opening the text (7月4日,…)
_NEWS_LEAD = re.compile(r"讯|消息|日电|记者|^\s*\d{1,2}月\d{1,2}日")
#: a sentence of a news report that tells what a plan or a speaker aims at (方案提出, 明确, 目标, 部署 …)
TELLS_AIM = re.compile(r"提出|明确|部署|要求|目标|规划|方案|计划|意见|行动|力推|(?<!以)上[台]阶|争创|争当|迈向|冲刺")


def is_news(head: str) -> bool:
    """Does a text open as a news report (its first 80 characters carry a news lead)?

    >>> is_news("本报讯 (记者李华)近日,省工信厅公布了…"), is_news("为推动强省会战略落地见效,制定如下行动方案。")
    (True, False)
    """
    return bool(_NEWS_LEAD.search(head[:80]))


def news_reported(clause: str, sentence: str, paragraph_aims: bool, ctx: dict) -> bool:
    """In a news report (``ctx["news"]``) a figure tells what was reached unless something aims at it: an aim in its
    sentence (到20XX年, 力争, 将 …) or its paragraph (``paragraph_aims``), a plan told (方案提出, 目标, 部署 …), or a
    verb that builds in its own clause (培育, 打造, 新增 — not 打造形成). A reporter's sentence 2022年,一汽集团…产量达到
    215.6万辆 reports; the plan a report tells (《方案》提出,到2025年…) aims.

    >>> news_reported("省级以上专精特新等优质企业达1459家", "“千”即千家强企,省级以上专精特新等优质企业达1459家", False, {"news": True})
    True
    >>> news_reported("培育产业集群5个", "培育产业集群5个", False, {"news": True})
    False
    """
    if not ctx.get("news") or paragraph_aims or AIM.search(sentence) or TELLS_AIM.search(sentence):
        return False
    return not _BUILD.search(clause)


#: a press conference (新闻发布会, 发布会上) or a government work report (政府工作报告): a text that tells what was done
_BRIEFING = re.compile(r"发布会|新闻发布|工作报告")


def is_briefing(head: str) -> bool:
    """Does a text's head say it reports a press conference or a work report?

    >>> is_briefing("…系列主题新闻发布会举行第二场"), is_briefing("关于印发行动方案的通知")
    (True, False)
    """
    return bool(_BRIEFING.search(head))


def briefing_reported(sentence: str, upto: int, ctx: dict) -> bool:
    """In a press conference or work report that states no aim at all (no 到20XX年, no plan period: ``ctx["briefing"]``,
    ``ctx["aims"]`` false), the figure at ``upto`` is what happened unless an aim governs it: an aim in its sentence
    (辽宁将推动…,占比提高到27.5%; 力争, 目标, 计划 …) or a verb that builds before it (实施…工程,培育打造…,着力推动…产值突破…:
    a work report's task). A speaker telling a results session (…装置正式运行,获批重组的12家全国重点实验室加快建设) reports.

    >>> ctx = {"briefing": True, "aims": False}
    >>> briefing_reported("大科学装置正式运行,获批重组的12家全国重点实验室加快建设", 13, ctx)
    True
    >>> briefing_reported("辽宁将推动装备制造业向高新突破,高端装备制造营收占比提高到27.5%", 31, ctx)
    False
    >>> briefing_reported("培育打造一批百亿元企业,推动八大重点产业链产值突破8000亿元", 24, ctx)
    False
    """
    return bool(ctx.get("briefing")) and not ctx.get("aims", True) and not ctx.get("start") and \
        not AIM.search(sentence) and not _BUILD.search(sentence[:upto])


def before_aim(sentence: str, paragraph: str) -> bool:
    """In a text with no plan period, does an aimless ``sentence`` state a year before the year its ``paragraph`` aims at
    (…全面投产,2020年实现营业收入990亿元。…预计到2025年营业收入可达1500亿元)? Then it states where things stand.

    >>> p = "项目全面投产,2020年实现营业收入990亿元。随着项目推进,预计到2025年营业收入可达1500亿元。"
    >>> before_aim("项目全面投产,2020年实现营业收入990亿元。", p), before_aim("预计到2025年营业收入可达1500亿元。", p)
    (True, False)
    """
    if AIM.search(sentence):
        return False
    year = stated_year(sentence)
    aims = [int(y) for y in re.findall(r"(?<![截止])(?:到|至)\s*((?:19|20)\d{2})\s*年", paragraph)]
    return bool(year and aims) and year < max(aims)


def stated_year(sentence: str) -> int | None:
    """The last year a sentence states as its own (2020年实现…), not one it aims at (到2025年) nor a span's end.

    >>> stated_year("等14个项目全面投产,2020年实现营业收入990亿元"), stated_year("到2025年达到1500亿元")
    (2020, None)
    """
    years = re.findall(r"(?<![到至止从比较])((?:19|20)\d{2})\s*年(?!\s*[-—~至到])", sentence)
    return int(years[-1]) if years else None


def this_year(ctx: dict) -> int | None:
    """The year of an aim no clause dates, in a text that names no plan period and no 到20XX年 but speaks of this year
    (今年, 全年: a county paper's 今年…全面推行链长制 … 力争全年新增…2家, a work report's aims for the year): the text's own
    year (``ctx["dated"]``, from its date or its saved title line); else ``None``.

    >>> this_year({"aims": False, "start": None, "dated": 2021, "this_year": True})
    2021
    >>> this_year({"aims": True, "start": None, "dated": 2021, "this_year": True}) is None
    True
    """
    if ctx.get("aims", True) or ctx.get("start") or not ctx.get("this_year"):
        return None
    return ctx.get("dated") or ctx.get("latest")  # undated: the latest year it states (在2013年的经济发展中,将…: round 37)


def estimated_result(sentence: str, year: int | None, ctx: dict) -> bool:
    """预计 of a year before the text's date is an estimate of a result, not an aim (2022年,…产值预计达1100亿元 in a
    January-2023 report), when nothing else in the sentence aims.

    >>> estimated_result("2022年,装备制造业产值预计达1100亿元", 2022, {"dated": 2023})
    True
    >>> estimated_result("预计到2025年产值达1300亿元", 2025, {"dated": 2023})
    False
    """
    aims = [m.group(0) for m in AIM.finditer(sentence)]
    return bool(aims) and all(a.startswith("预计") for a in aims) and bool(year and ctx.get("dated") and year < ctx["dated"])


def _reviewed_years(sentence: str, ctx: dict) -> str:
    """``sentence`` without the 到/至 20XX年 that a review writes of a year it looks back on (青岛's 十四五 review:
    排名从2020年第11位跃升至2024年第6位 reports, it aims at nothing).

    >>> _reviewed_years("排名跃升至2024年第6位", {"reviewed": 2025}), _reviewed_years("到2027年达到", {"reviewed": 2025})
    ('排名跃升第6位', '到2027年达到')
    """
    done = ctx.get("reviewed") or (ctx.get("looks_back") and ctx.get("dated"))  # 党的十八大以来…上升至2021年 (2022)
    if not done:
        return sentence
    return re.sub(r"(?:到|至)\s*((?:19|20)\d{2})\s*年", lambda m: "" if int(m.group(1)) <= done else m.group(0), sentence)


def relative_year(text: str, ctx: dict) -> int | None:
    """The year ``text`` names without digits: a five-year period's end, else 今年/去年/明年 from ``ctx["issued"]``."""
    five = next((y for k, (_s, y) in FIVE_YEAR.items() if k in re.sub(r"(?:比|较)[“\"]?十[一二三四五]五", "", text)), None)  # 较“十三五”末: a base
    if five and not re.search(r"十[一二三四五]五[”\"]?(?:以来|期间以来|时期以来)", text):
        return five
    issued = ctx.get("issued") or ctx.get("dated")
    if issued:
        words = {"今年": 0, "目前": 0, "当前": 0, "去年": -1, "上年": -1, "明年": 1}
        text = text.replace("以上年", "以上")  # 20家以上年营业收入…: 以上 + 年营业收入, not 上年
        text = re.sub(r"(?:比|较|同比)(?:上年|去年)", "", text)  # 较上年同期提高: the base compared with, not the year (round 21)
        at = max(((text.rfind(w), d) for w, d in words.items() if w in text), default=None)
        if at:  # the last one written: 目前…已形成…,去年…增长10.9% — the growth is last year's
            return issued + at[1]
    return None


#: a sentence opening with 数据显示/据统计, or a run of months whose 预计 estimates (1至5月,…预计实现…: round 31): results
_DATA_SHOWN = re.compile(r"^\s*(?:(?:统计)?数据显示|据统计|统计显示|(?:(?:19|20)\d{2}\s*年|今年)?\s*1\s*(?:[-—–~至到]|月至)\s*\d{1,2}\s*月份?(?=[,,][^。]*预计(?!全年)))[,,:]")


def data_shown(sentence: str) -> str:
    """``sentence`` as its tense is read: after 数据显示, 预计 estimates a result, it aims at nothing (数据显示,预计2020年…实现
    地区生产总值3201亿元: round 21), so it is blanked (same length); any other sentence is returned as it is.

    >>> data_shown("数据显示,预计2020年江门实现地区生产总值3201亿元"), data_shown("预计到2025年产值达1300亿元")
    ('数据显示,  2020年江门实现地区生产总值3201亿元', '预计到2025年产值达1300亿元')
    """
    return sentence.replace("预计", "  ") if _DATA_SHOWN.match(sentence) else sentence
