"""The layout of a plan text: its head (region, period, issued year), its sentences with their year context,
and box layouts.

What: :func:`plan_context` reads the plan's head; :func:`sentences` yields every sentence with its paragraph,
the year its paragraph and section speak of, and the box heading it stands under; :func:`heading_cluster` the cluster
whose section a paragraph is in (a heading line naming one cluster; moved here from :mod:`etl.nlp.extract` in round 20).

A **box layout** (a web page's info box, a table flattened to lines) names an industry on a short line of its
own and gives the figures on the lines below, which name only the measure, or nothing::

    生物医药和大健康
    目标
    主营业务收入2017年达到2400亿元左右
    2020年达到3800亿元左右

A box heading is a short line of words only (no digit, no punctuation, not a word like 目标/任务 that heads a
part rather than naming a thing) followed within two lines by a line with a figure; it holds until the next
box heading, a numbered heading or a prose line (one with 。). The naming of the figures under it is
:mod:`etl.nlp.naming`'s.

>>> [box for _s, _p, _py, _sy, box in sentences("生物医药\\n目标\\n产值达到10亿元\\n下一段。", {"end": None, "start": None,
...                                                                                     "issued": None})]
['生物医药', '生物医药', '生物医药', None]
"""

from __future__ import annotations

import re

from etl.nlp.plan_clusters import find_clusters
from etl.nlp.quantity import find_year
from etl.nlp.copy_punct import copy_punctuation
from etl.nlp.region import header_title, plan_region
from etl.nlp.tense import AIM, FIVE_YEAR, TELLS_AIM, closed_year, is_briefing, is_news, looks_back, relative_year
from etl.nlp.vocab import normalize
from etl.nlp.undated_review import undated_review
from etl.nlp.zone_text import zone_region

__all__ = ["HEADING_RE", "plan_context", "sentences", "box_heading", "heading_cluster"]

HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[章节部分])")
_SENT_RE = re.compile(r"(?<=[。;!?])")
#: a line of its own that heads one year's aims (2023年发展目标:, 2024年主要预期目标): the lines under it are that year's
#: aims, until the next heading (round 33: 潮州's report listed its 2023 growth rates under one)
_AIM_HEAD = re.compile(r"^\s*((?:19|20)\d{2})\s*年度?(?:全市|全县|全区|全省)?(?:经济社会)?(?:发展|主要)?(?:预期)?目标(?:任务)?\s*[::]?\s*$")
_PERIOD_RE = re.compile(r"((?:19|20)\d{2})\s*[-—~～至到]+\s*((?:19|20)\d{2})(?:\s*年(?!\s*[,,])|[))](?=》))")  # 2014-2019年,全县…: a span
_ISSUED_RE = re.compile(r"((?:19|20)\d{2})(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{1,2}-\d{1,2})")
#: a date to the month only (the repost's URL is dated 2021-03; 2020年10月): the text's own year still
_MONTH_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:-(?:0?[1-9]|1[0-2])|年\s*(?:[1-9]|1[0-2])\s*月)(?![\d-])")
_PLAN_TITLE = re.compile(r"规划|方案|计划|意见|纲要|行动|通知|措施|办法|目标|建议")
_BOX_WORDS = re.compile(r"^[\u4e00-\u9fff、]{2,12}$")
#: words that head a part of a text, not a thing its figures belong to
_PART = re.compile(r"(?:目标|任务|措施|举措|原则|思路|要求|背景|概况|意义|重点|方向|路径|布局|保障|机制|成效|亮点)$")


def plan_context(text: str) -> dict:
    """The plan's ``region`` (台州市, 河南省; :func:`etl.nlp.region.plan_region`), ``start``/``end`` of its period,
    ``issued`` year and ``looks_back`` from its head (``dated``: the issued year, else the date of a saved
    excerpt's ``# title:`` line; ``reviewed``: the year a review reports — its 20XX年是…, or the five-year period its
    title names when the title is no plan's), ``news``: the text opens as a news report and no title names a plan, and ``aims``: does the body
    state any 到/至 20XX年."""
    head_lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    head = normalize("\n".join(head_lines)[:2500])
    period = _PERIOD_RE.search(head)
    start, end = (int(period.group(1)), int(period.group(2))) if period else (None, None)
    if start is None:
        named = sorted((m.start(), FIVE_YEAR[m.group(1)], "回顾" in head[max(0, m.start() - 8):m.start()])
                       for m in re.finditer(r"(?<![比较])(?<![比较][“\"])(十[一二三四五]五)(?![”\"]?以来)", head[:600]))  # 较“十三五”末: a base
        found = [(at, p) for at, p, back in named if not back] or [(at, p) for at, p, _b in named]
        # 回顾了保定“十三五”取得的成就、“十四五”面临的机遇: the period reviewed is not the text's, when it names another
        five = found[0][1] if found else None  # the first named period: the title's, not a 回顾 heading's nor one
        # looked back on (回顾了“十四五”以来…,阐述了“十五五”时期…: a 十五五 text)
        if five:
            start, end = five
        own = re.search(r"((?:19|20)\d{2})年[^。;]{0,24}?(?:预期目标|主要目标|目标任务|发展目标)", head[:600])
        if five and own and int(own.group(1)) < five[0] and own.start() < found[0][0]:
            start = end = int(own.group(1))  # 2025年…主要预期目标 … 科学编制“十五五”规划: that year's aims, a task later
    issued = _ISSUED_RE.search(head)
    issued = int(issued.group(1)) if issued else None
    dated = next((int(m.group(1)) for ln in text.splitlines() if re.match(r"\s*#\s*title:", ln)
                  for m in [_ISSUED_RE.search(ln) or _MONTH_RE.search(ln)] if m), None)  # a saved excerpt's date (a report's, a repost's)
    dated = issued or dated
    body = normalize("\n".join(head_lines))
    reviewed = re.match(r"\s*((?:19|20)\d{2})年是", head)  # 2025年是…的重要一年 in a review: the year it reports
    reviewed = int(reviewed.group(1)) if reviewed and looks_back(head[:300]) else None
    handed = re.search(r"((?:19|20)\d{2})年[,,]\s*[^。;,,]{0,12}交出了[^。;]{0,20}答卷", head[:300])
    reviewed = reviewed or (int(handed.group(1)) if handed else None)  # 2025年,衡阳县交出了一份…答卷: a review of 2025
    titles = [t for t in (head_lines[:1] + header_title(text)) if _title_like(t)]
    if start is None:  # a body that names no period: the saved excerpt's title may (青岛“十四五”产业能级跃升)
        found = sorted((t.find(k), v) for t in titles for k, v in FIVE_YEAR.items() if k in t)
        if found and any(not _PLAN_TITLE.search(t) for t in titles):
            start, end = found[0][1]
    if reviewed is None and end and any(not _PLAN_TITLE.search(t) and any(k in t for k in FIVE_YEAR)
                                        for t in titles):  # 衢州“十四五”工业经济连跨千亿台阶: a review of the period
        reviewed = end
    one_year = re.match(r"\s*((?:19|20)\d{2})年[,,]?\s*是[^。]{0,30}?(?:开局|起步|关键|攻坚|突破|提升)之年", head)
    if one_year and not reviewed and start and start <= int(one_year.group(1)) <= end:
        end = int(one_year.group(1))  # 2026年,是实施“十五五”规划的开局之年…行动安排: the year's own aims
    review = bool(reviewed) or bool(end and dated and dated > end)  # a text dated after its period ended
    if reviewed is None and not dated and (since := re.search(r"(十[一二三四五]五)[”\"]?(?:以来|期间)", head[:300])) and looks_back(head[:300]):
        reviewed = FIVE_YEAR[since.group(1)][1]  # an undated review of “十四五” (…以来某市…取得的发展成就): its current values are of the period's end (round 37)
    if reviewed is None and end and dated == end + 1 and not issued:
        reviewed = end  # a report of January 2026 on “十四五”: its undated figures are of the year (and period) just ended
    if reviewed is None and (closed := closed_year(head[:300])) and closed.group(1):
        reviewed = int(closed.group(1))  # 一、2024年工作回顾: the year a work report's review reports (round 29)
    if reviewed is None and closed_year(head[:300]) and (dated or end):
        reviewed = dated - 1 if dated else end  # 过去一年 in a text of the 十四五/十五五 交汇点: 2025 (round 25)
    undated = undated_review(body, dated, start)  # 近年来,… in an undated text that aims at nothing: results (round 37)
    reviewed = reviewed or undated
    # 2023年工作回顾 in a report of 2023年12月28日 (即将过去的一年): the year reviewed still runs, its 预计 aims (round 31)
    running = bool(issued and reviewed and reviewed >= issued)
    return {**zone_region(text, plan_region(text)), "start": start, "end": end, "issued": issued, "dated": dated, "reviewed": reviewed,
            "looks_back": looks_back(head[:300]) or review or bool(closed_year(head[:300])) or bool(undated),
            "closed_year": bool(closed_year(head[:300])) and not running,  # 过去一年,宿迁…成绩如何?: the year just ended
            # a government work report plans the year it is given in (甘孜's 政府工作报告 of 2025-01-22: round 39)
            "this_year": bool(re.search(r"今年|全年|本年度", body)) or bool(re.search(r"政府工作报告", "\n".join(titles) + head[:300])),
            "months": start is None and any(_MONTHS.match(t) for t in titles + [body]),  # 1-7月泰州市…: a release (round 23)
            "briefing": is_briefing("\n".join(header_title(text)) + head[:300]), "news": is_news(head) and not any(_PLAN_TITLE.search(t) for t in titles),
            # an undated text is at least as late as the latest year it states (not one it aims at: 到2025年): round 31
            "latest": max((int(y) for y in re.findall(r"(?<![到至])((?:19|20)\d{2})\s*年", body)), default=None),
            # no aim word and no plan told anywhere (莆田's 经济现状, an undated overview: round 31)
            "aimless": not AIM.search(body) and not TELLS_AIM.search(body),
            "aims": bool(re.search(r"(?:到|至)\s*(?:19|20)\d{2}\s*年|十[一二三四五]五|未来[一二三四五六七八九十\d]+年", body))}


#: a statistics release's period of months, opening its title or body (1-7月, 1—7月份, 前三季度, 上半年)
_MONTHS = re.compile(r"\s*(?:1\s*[-—–~至到]\s*\d{1,2}\s*月|前[一二三]季度|上半年|一季度)")


def _title_like(line: str) -> bool:
    """Is ``line`` a title, not a sentence: no 。, and no aim (将, 力争, 到20XX年) — “十四五”期间,厦门将全力发展…
    opens a plan's body, it is no review's title.

    >>> _title_like("衢州“十四五”工业经济连跨千亿台阶"), _title_like("“十四五”期间,厦门将全力发展新一代信息技术")
    (True, False)
    """
    return bool(line) and "。" not in line and not AIM.search(line)


def box_heading(line: str, following: list[str]) -> bool:
    """Is ``line`` a box heading: a short line of words only, not a part's heading, with a figure on one of the
    two ``following`` lines?"""
    return bool(_BOX_WORDS.match(line)) and not _PART.search(line) and \
        any(re.search(r"\d", ln) for ln in following[:2])


#: a verb of a ;-part of its own (a part without one goes on with the objects of the part before)
_PART_VERB = re.compile(r"将|要|打造|培育|建设|建成|形成|发展|推进|推动|实施|实现|达到|达|突破|超过|增长|提高|提升|新增|引进|完成|"
                        r"加快|加强|强化|做强|做大|壮大|支持|鼓励|开展|是|有|占|在")


def _aim_scoped(parts: list[str]) -> list[str]:
    """Sentences, where one opened by 力争/确保 (+ a year or a period's end) or 预计 (初步预计,…: round 31, 下陆) runs on
    across ; to its 。 — the aim
    scopes every ;-part (力争到“十四五”末,A突破5000亿元,…;在…领域占据一席之地;B达到1650家) — and a ;-part without a verb
    of its own goes on with the part before when that one aims (将…打造A“1个两千亿级”产业集群;B“1个千亿级”产业集群: round 20)."""
    out: list[str] = []
    for part in parts:
        opens = re.match(r"\s*(?:[^,,;。]{0,16}显示[,,])?(?:(?:力争|确保)(?:在|到|至)?|(?:初步)?预计(?!全年)|(?:到|至)(?=\s*(?:19|20)\d{2}年|[“\"]?十[一二三四五]五))"
                         r"[^,,。]{0,12}[,,]", out[-1]) if out and out[-1].endswith(";") else None
        if opens and not re.match(r"\s*(?:力争|确保)?(?:在|到|至)\s*(?:(?:19|20)\d{2}年|[“\"]?十[一二三四五]五)", part):
            out[-1] += part
        elif out and out[-1].endswith(";") and AIM.search(out[-1]) and not _PART_VERB.search(part):
            out[-1] += part  # 将…打造A“1个两千亿级”产业集群;B“1个千亿级”产业集群,…: a part without a verb goes on with the aim
        else:
            out.append(part)
    return out


#: a sentence that opens 到“十四五”末/期末 (no digits for find_year): the period's last year
_TO_PERIOD_END = re.compile(r"\s*(?:到|至)\s*[“\"]?(十[一二三四五]五)[”\"]?(?:末|期末)")

def sentences(text: str, ctx: dict):
    """Yield ``(sentence, paragraph, paragraph_year, section_year, box)`` with year context carried forward.

    The section year falls back to the end of the plan period in the document's head
    (“(2020—2025年)” → 2025) until a heading or a “到20XX年” says otherwise — a part heading (一、) goes back to
    the plan's year, a section heading inside it ((一)) to the year the part's own lines set (一、把握目标要求 …
    到2026年… then (一)…(三) state the 2026 aims); a year before the
    plan period (a baseline) is never carried forward as a target year. ``box`` is the box heading the
    line stands under, or None.
    """
    doc_year = ctx["end"]
    section_year = part_year = doc_year
    in_sub = False  # a (一) heading came since the part's 一、 heading
    floor = ctx["start"] or ((ctx["issued"] + 1) if ctx["issued"] else None)
    lines = [copy_punctuation(normalize(raw).strip()) for raw in text.splitlines() if not raw.lstrip().startswith("#")]
    lines = [ln for ln in lines if ln]  # a header line of a saved excerpt (source, title) is skipped
    for i in range(len(lines) - 1, 0, -1):  # a line that ends inside a 、-list goes on on the next (福州, round 30)
        if lines[i - 1].endswith("、"):
            lines[i - 1:i + 1] = [lines[i - 1] + lines[i]]
    box = None
    ctx["aim_heading"] = None
    for i, para in enumerate(lines):
        aims = _AIM_HEAD.match(para)
        if aims:  # 2023年发展目标: the year of what follows, and aims (etl/nlp/figure_tense.py)
            saved, section_year = section_year, int(aims.group(1))
            ctx["aim_heading"] = section_year
        elif ctx["aim_heading"] and (HEADING_RE.match(para) or re.search(r"[::]\s*$", para)):
            section_year, ctx["aim_heading"] = saved, None  # 2023年重点工作:, (一)…: the aims end
        if HEADING_RE.match(para):  # 一、 opens a part (back to the plan's year); (一) a section of the part
            sub = para.startswith(("(", "("))
            section_year = part_year if sub else doc_year
            part_year = part_year if sub else doc_year
            in_sub = sub
        if box_heading(para, lines[i + 1:]):
            box = para
        elif HEADING_RE.match(para) or re.match(r"^\d+[.、]", para) or "。" in para:
            box = None
        para_year = None
        for sent in _aim_scoped(_SENT_RE.split(para)):
            if not sent.strip():
                continue
            yield sent, para, para_year, section_year, box
            y = find_year(sent) or (relative_year(re.split(r"[,,]", sent)[0], ctx) if re.match(r"\s*今年", sent) else None)
            to_end = _TO_PERIOD_END.match(sent)  # 到“十四五”期末,…: the period's end holds for the sentences after it (round 32)
            y = FIVE_YEAR[to_end.group(1)][1] if to_end and not find_year(sent) else y
            beyond = ctx["end"] and y and y > ctx["end"]  # 到2035年 (a vision) after the period's targets
            if y and (to_end or re.search(r"(?:到|至|截至)\s*\d{4}\s*年|^\d{4}\s*年|^\s*今年", sent)) and (floor is None or y >= floor) \
                    and not beyond:
                para_year = section_year = y
                part_year = part_year if in_sub else y  # 一、…到2026年… holds for its (一)–(三)


def heading_cluster(para: str, current: str | None) -> str | None:
    """The cluster whose section ``para`` is in: a heading line naming one cluster (1.高端装备产业集群) sets the subject
    of what follows; “X集群方面,…” sets it for its own paragraph; another numbered heading ends it (``current``: the
    cluster of the paragraph before); so does a paragraph naming two or more other clusters in its opening.

    >>> heading_cluster("1.高端装备产业集群", None), heading_cluster("2.推进数字化改造", "高端装备")
    ('高端装备', None)
    >>> heading_cluster("绿色煤炭产业链方面,力争营收400亿元。现代医药产业链方面,力争营收5亿元。", None) is None
    True
    """
    para_cluster = current
    if len(re.findall(r"(?:集群|产业链|产业)方面[,，]", para)) >= 2:  # 绿色煤炭产业链方面,…。数字装备…产业链方面,…: sections
        return None  # run together in one paragraph (round 25): no one cluster's section, its figures are the place's
    mentions = find_clusters(para[:40])
    first = mentions[0] if mentions else None
    rest = re.sub(r"产业集群|产业群|集群|产业链|产业|方面|[\W\d]", "", HEADING_RE.sub("", para[:40]).replace(first.name, "")) \
        if first else ""
    listed = para[len(first.name):len(first.name) + 1] in ("、", "和", "及", "与") if first else False
    titled = re.match(r"^\d+[.、]\s*([^。;,,]{2,30})[。;]", para)  # 1.石家庄生物医药产业集群。以…为核心…
    if first and ((len(para) <= 24 and len(rest) <= 2) or para.startswith(first.name) and not listed):
        para_cluster = first.name
    elif first and titled and first.name in titled.group(1) and \
            len(re.sub(r"产业集群|产业群|集群|产业链|产业|[\W\d]", "", titled.group(1).replace(first.name, ""))) <= 2:
        para_cluster = first.name
    elif HEADING_RE.match(para) or re.match(r"^\d+[.、]", para) or len(mentions) >= 2:
        para_cluster = None  # a paragraph opening on other clusters (另有“A产业集群”“B产业集群”) ends the section (round 34)
    return para_cluster
