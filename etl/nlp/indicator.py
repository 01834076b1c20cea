"""Indicator names and years of the quantities of a plan sentence.

What: :func:`clean_name` cuts the words around an indicator (达到, 力争, 全市, a year, a clause ending in 了,
a ``+`` joining two restated figures); :func:`split_fenbie` names each figure of ``A、B分别达到…``;
:func:`find_year` gives a sentence's target year (到2025年 first; ``2025年度`` is a year too);
:func:`coverage` reads ``X全覆盖`` as (X覆盖率, 100, %). :mod:`etl.nlp.quantity` finds the quantities.

Why: naming an indicator and finding the figures are two concepts that changed separately.

>>> clean_name("省级重点产业链相继确定了工作要点"), clean_name("力争全市规上工业总产值达到")
('省级重点产业链', '规上工业总产值')
>>> find_year("确定了5个2025年度吉林省中小企业特色产业集群"), find_year("到2027年,产值达到5000亿元")
(2025, 2027)
"""

from __future__ import annotations

import re

from etl.normalize import join_cjk, strip_quotes

__all__ = ["clean_name", "held_indicator", "split_fenbie", "compared_names", "BASE_YEAR", "find_year", "coverage", "YEAR_RE", "MEASURE", "is_measure", "year_before",
           "rate_named"]

YEAR_RE = re.compile(r"(?:到|至|截至|力争到|力争|于)?((?:19|20)\d{2})\s*年(?![\d月])(?:度|底|末|前)?")
_TO_YEAR_RE = re.compile(r"(?:到|至|截至|截止)\s*((?:19|20)\d{2})\s*年")
_LEAD = re.compile(r"^(?:即|去年|今年|上年|预计全年|预计|现有|目前|已有|拥有|共有|力争|全市|全省|全县|全区|全州(?!县)|全旗|我市|实现|确保|每年|年均|累计|其中|新增|培育|打造|建成(?!区)|创建|建设|引进|"
                   r"形成|推动|推进|支持|实施|达到|拥有|争创|认定|新培育|新建|重点(?=发展|培育|打造|建设|推进|支持|实施|引进|扶持|突破|布局|承载|围绕|聚焦)|力争实现|着力|加快|以上|的|和|及|与|、|,)+")
_TAIL = re.compile(r"(?:分别|均|稳定|持续|进一步|力争|已|首次|预计将|预计|将)?(?:达到|达|突破|(?<!突)破|超过|提升到|提升至|提高到|提高至|增长到|扩容至|扩容到|扩大到|扩大至|"
                   r"增加到|增至|(?:跃|上)?升至|(?:跃|上)?升到|降至|降到|增长|提高|提升|控制在|保持在|保持|不少于|不低于|不超过|不到|低于|高于|为|至|到|在|实现|年均增长|超|(?<![通经超])过|(?<![签节预制合公条契])约)$")
#: words that open a new statement (与此同时, 此外, 而且): a name starts after them
_DISCOURSE = re.compile(r"与此同时|同时|此外|另外|而且|并且|(?<![而并])且(?=[\u4e00-\u9fff])")
_MEASURE_TAILS = ("增加值占比", "占比", "比重", "发展指数", "指数", "企业", "产值", "增加值", "收入", "平台", "项目", "产能")

#: a measure of an industry (what is measured, not what is measured of)
MEASURE = r"(?:主营业务收入|营业收入|营收|销售收入|总收入|收入|总产值|产值|增加值|利润总额|利润|利税总额|利税|税收|产量|规模|产能)"
_MEASURE_ONLY = re.compile(rf"^(?:年均)?(?:{MEASURE}(?:年均)?(?:增长|增速)?|增长|增速)$")


def is_measure(name: str) -> bool:
    """Is ``name`` only a measure (主营业务收入, 年均增长, 增加值), naming no industry?

    >>> is_measure("主营业务收入"), is_measure("年均增长"), is_measure("旅游业总收入")
    (True, True, False)
    """
    return bool(_MEASURE_ONLY.match(name))


def find_year(text: str) -> int | None:
    """The target year of a sentence: ``到20XX年`` first, else the last ``20XX年`` (not a date)."""
    m = _TO_YEAR_RE.search(text)
    if m:
        return int(m.group(1))
    years = [int(y.group(1)) for y in YEAR_RE.finditer(text)]
    return years[-1] if years else None


def year_before(sent: str, pos: int) -> int | None:
    """The last year written before ``pos`` (2024年,六大产业链实现产值2061亿元), not a from-to's first year
    (从2021年的49%提升至68.4%) nor a comparison's (比2015年)."""
    head = re.sub(r"(?:从|比|较)\s*(?:19|20)\d{2}\s*年(?:底|末)?的?", "", sent[:pos])
    years = re.findall(r"((?:19|20)\d{2})\s*年", head)  # 截至2025年11月: a month names its year too
    return int(years[-1]) if years else None


def held_indicator(clause: str) -> str:
    """The indicator a clause before a figure names, up to its last measure or share: ``地区生产总值连跨两个千亿台阶`` →
    地区生产总值, ``全市GDP稳步增长`` → GDP, ``地方级收入占财政总收入的比重超过一半`` → 地方级收入占财政总收入的比重; ``''``
    when it names no measure."""
    held = re.match(rf".*(?:{MEASURE}|生产总值|GDP|比重)", clean_name(clause))
    return held.group(0) if held else ""


def clean_name(s: str) -> str:
    """The indicator in ``s``: without the verbs, places and years around it (see the module doc)."""
    s = join_cjk(s)  # 年均增速 达到: a line-break space
    s = _DISCOURSE.split(s)[-1]  # 与此同时,去年…增长: a discourse marker opens a new statement
    s = YEAR_RE.sub("", s)
    s = re.split(r"(?<=[\u4e00-\u9fff])[+＋](?=\d|$)", s)[0] or s  # 16条省级重点产业链+41家链主企业: the restatement joins two figures
    held = re.match(r"(.*?(?:产业链|产业集群|集群|企业|项目|平台|基地|园区))[^了]*?了", s)
    if held:  # 省级重点产业链相继确定了工作要点: the noun before the clause that ends in 了
        s = held.group(1)
    s = re.sub(r"等[“\"].*$", "", s)  # …领军人才等“三个100” → …领军人才
    s = strip_quotes(s).replace("《", "").replace("》", "").strip(" ,、(")
    s = s if "(" in s else s.rstrip(")")  # 县(市、区) keeps its bracket
    s = re.sub(r"等$", "", s)
    for _ in range(3):
        s2 = _TAIL.sub("", _LEAD.sub("", s)).strip(" ,、“”\"'")
        if s2 == s:
            break
        s = s2
    return s


def split_fenbie(prefix: str, n: int) -> list[str]:
    parts = [p for p in prefix.split("、") if p]
    if len(parts) != n:
        return [prefix] * n
    last = parts[-1]
    size = len(parts[-2])
    if len(last) >= size + 3 and all(not re.search(r"\d", p) for p in parts[:-1]) and re.search(r"\d", last[size:]):
        # 新签约、新开工、新入库50亿元以上项目: parallel items, the last one carries the shared tail
        return [p + last[size:] for p in parts[:-1]] + [last]
    tail = next((t for t in _MEASURE_TAILS if last.endswith(t)), "")
    shared = re.search(rf"产业链|产业集群|集群|产业|行业|{MEASURE}", last)
    if not tail and shared and shared.start() >= 2 and all(not re.search(shared.group(0), p) for p in parts[:-1]):
        tail = last[shared.start():]  # 人工智能、集成电路产业链核心产业规模 → 人工智能产业链核心产业规模
    k = last.find("级")
    names = []
    for p in parts[:-1]:
        if p.endswith("级") and 0 < k <= 3 and len(p) <= 4:  # 国家级、市级专精特新企业 → 国家级专精特新企业
            names.append(p + last[k + 1:])
        else:
            names.append(p if (not tail or p.endswith(tail)) else p + tail)
    return names + [last]


#: a 分别 head that names only a comparison (同比, 同比增速, 比上年): the indicators are the ones before it
_COMPARED_ONLY = re.compile(r"(?:同比|环比|(?:比|较)(?:上年|去年|(?:19|20)\d{2}年(?:底|末)?)(?:同期)?)(?:增长|增速|增幅)?")
#: a base year compared with (比2012年分别提高34.8、24.8个百分点): the change word goes into the name (round 31, 宣城)
BASE_YEAR = re.compile(r"(?:比|较)(?:19|20)\d{2}年")


def compared_names(head: str, verb: str, earlier: list[str], context: str, n: int) -> list[str] | None:
    """Names for ``n`` figures given 分别 under a head that is only a comparison (round 9's growth rule for a list):
    the last ``n`` indicators stated before them in the sentence (``earlier``), else the ``n`` items of the 、-list of
    the clause before (``context``); each with the head and its growth word (round 23). ``None`` if neither fits.

    >>> compared_names("同比", "增长", ["销售收入", "上缴税金"], "上缴税金50亿元", 2)
    ['销售收入同比增长', '上缴税金同比增长']
    >>> compared_names("同比增速", "达到", [], "该区汽车制造业、金属制品业均实现较快增长", 2)
    ['汽车制造业同比增速', '金属制品业同比增速']
    >>> compared_names("比2012年", "分别提高", ["新兴产业比重", "高新产业比重"], "", 2)
    ['新兴产业比重比2012年提高', '高新产业比重比2012年提高']
    >>> compared_names("产值", "增长", ["销售收入", "上缴税金"], "", 2) is None
    True
    """
    if not _COMPARED_ONLY.fullmatch(head):
        return None
    tail = head + ("增长" if "增长" in verb and not re.search("增长|增速|增幅", head) else "")
    change = re.search(r"增长|提高|提升|增加|下降|降低|减少", verb)
    tail = head + change.group(0) if BASE_YEAR.match(head) and change and not re.search("增长|增速|增幅", head) else tail
    if len(earlier) >= n and all(earlier[-n:]):
        return [e + tail for e in earlier[-n:]]
    items = [re.sub(r"^(?:该|本|全)[市区县省]", "", clean_name(p)) for p in re.split(r"均|都|分别|共同|实现|保持", context)[0].split("、")]
    if len(items) == n and all(2 <= len(i) <= 20 and not re.search(r"\d", i) for i in items):
        return [i + tail for i in items]
    return None


def coverage(clause: str, start: int):
    """``X全覆盖`` → (X覆盖率, 100, %): plans state full coverage as a target without a number."""
    pos = 0
    for part in clause.split("、"):
        if part.endswith("全覆盖"):
            name = clean_name(part[: -len("全覆盖")])
            if name:
                yield (name + "覆盖率", 100.0, "%", "", (start + pos, start + pos + len(part)))
        pos += len(part) + 1


#: a sentence that opens with a span of years (2021年至2024年,…) or a year since which it counts (2021年以来,…)
_SPAN_LEAD = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(?:(?:至|到|—|-|~)\s*((?:19|20)\d{2})\s*年|(以来))")
_SINCE_LAST = re.compile(r"^\s*(?:去年|上年)以来")


def span_year(sent: str, dated: int | None) -> tuple[int, int] | None:
    """``(start, year)`` of a result stated over a span: the span's last year (2021年至2024年 → 2024), or the text's
    own year ``dated`` for a count since a year (2021年以来,…累计 → the year of the text; 去年以来 likewise, round 22);
    ``None`` otherwise (round 21).

    >>> span_year("2021年至2024年,梧州市地区生产总值年均增长6.5%", 2025), span_year("2021年以来,全市累计实施工业项目405个", 2025)
    ((2021, 2024), (2021, 2025))
    >>> span_year("去年以来,咸阳市创建省级高新区5个", 2024), span_year("去年,全市新增企业5家", 2024)
    ((2023, 2024), None)
    """
    m = _SPAN_LEAD.match(sent)
    if not m:  # 去年以来,咸阳市创建省级高新区5个: since last year, to the text's date (round 22's label rule)
        return (dated - 1, dated) if dated and _SINCE_LAST.match(sent) else None
    if m.group(2):
        return int(m.group(1)), int(m.group(2))
    return (int(m.group(1)), dated) if dated else None


#: a rate led by its span of years (10年年均下降, 近三年年均增长, 五年来累计增长): the span, then the change
_SPAN_RATE = re.compile(r"^(?:近|过去|前)?(?:\d+|[一二两三四五六七八九十]+)个?年来?")
_CHANGE_TAIL = re.compile(r"(?:累计|同比|年均|比上年)?(?:增长|递增|提高|增加|提升|下降|减少|降低|上升)$")


def rate_named(base: str, rel: str) -> str:
    """The name of the rate ``rel`` (a change word, maybe led by a span of years) of the indicator ``base`` (the figure
    before): a span-led rate is of the indicator itself, not of the figure before's own change (累计下降48.3%,
    10年年均下降6.4%).

    >>> rate_named("规模以上工业单位增加值能耗累计下降", "10年年均下降"), rate_named("营业收入", "同比增长")
    ('规模以上工业单位增加值能耗10年年均下降', '营业收入同比增长')
    """
    return (_CHANGE_TAIL.sub("", base) or base) + rel if _SPAN_RATE.match(rel) else base + rel
