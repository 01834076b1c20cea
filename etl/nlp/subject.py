"""Whose figure a target is: :func:`subject_of` (moved out of :mod:`etl.nlp.region` in round 31, code moved, not rewritten).

What: a place written in the indicator, a county before the figure (a GB/T 2260 name: 铜鼓县, never 业强县 from
工业强县), a place the sentence opens with (曲靖市聚焦…), the plan's province for 全省/我省 and its city for 全市/我市
(before the section's cluster: ``全市山葡萄生产面积…`` under a 食品产业集群 heading is the city's, round 35), the cluster
whose section it is in — unless that 全省/全市 names the peers ranked or the whole compared with (位居全省
前列, 领跑全市, 占全市比重, 高于全省: rounds 25, 31) —, else the plan's region.

Why: :mod:`etl.nlp.region` finds places and the plan's own region; whose figure one target is is a concept of its own,
and region.py had reached 300 lines.
"""

from __future__ import annotations

import re

from etl.nlp.gb2260 import COMMON_WORDS, COUNTY_CITIES, PROVINCE_OF
from etl.nlp.own_county import county_named, province_of_county, title_county
from etl.nlp.region import _OPEN_RE, _SELF_CITY, _SELF_PROVINCE, _ZONES, CountyMatch, find_counties, find_places

__all__ = ["subject_of"]

#: 位居全省前列, 领跑全市, 占全市比重, 高于全省: the peers ranked or the whole compared with, not the holder (rounds 25, 31)
_REFERENCE = ("领跑", "领先", "高于", "低于", "快于")
#: what ends the text before such a 全省/全市 (居全省, 占全市, 领跑全省 …)
_PEER_END = re.compile(rf"(?:[居列占比]|{'|'.join(_REFERENCE)})$")
_LIES_IN = ("地处", "位于", "处于", "地跨")
#: what may stand before the place a sentence opens with: a time (2021年以来, 党的十八大以来: round 39), 其中, 同时 …
_OPENING = re.compile(r"^(?:\s|(?:19|20)\d{2}年(?:以来|底|末)?|[^,,。;:]{2,12}以来(?=[,,])|今年|去年|目前|当前|近年来|其中|同时|此外|[,,:])*")


def _listed(head: str, m, counties: list) -> bool:
    """Is the county ``m`` one item of a 、-list of several counties in its clause (a list of locations)?

    >>> h = "重点布局海淀区、朝阳区,力争"
    >>> _listed(h, find_counties(h)[0], find_counties(h))
    True
    """
    lo = max(head.rfind(d, 0, m.start()) for d in ",;:。") + 1
    hi = min((i for i in (head.find(d, m.end()) for d in ",;:。") if i >= 0), default=len(head))
    inside = [c for c in counties if lo <= c.start() < hi] + \
        [z for z in re.finditer(rf"[\u4e00-\u9fff]{{2}}(?:{'|'.join(_ZONES)})", head[lo:hi])]  # 大兴区、北京经济技术开发区
    return len(inside) >= 2 and "、" in head[lo:hi]


_GOVERNS = re.compile(r"下辖|辖有|管辖")
_EXAMPLE = re.compile(r"(?:包括|例如|比如|如|像)$")
_WHOLE = re.compile(r"全[省市县区]|[我本该][省市县]")


def _passed_over(head: str, m, own_clause: str, ctx: dict) -> bool:
    """Does the county ``m`` of a clause before the figure's own hold no figure of it (round 39)? It is an example
    (…项目,包括宣汉县…产业园), a county of another province than the text's (与重庆万州区共建…), or the figure's own clause
    opens on the whole place (宣汉县上榜…,全市民生支出…: the city's).

    >>> h = "签约8个项目,包括西充县某产业园,另有50个"
    >>> _passed_over(h, find_counties(h)[0], "另有50个", {})
    True
    """
    lo = max(head.rfind(d, 0, m.start()) for d in ",;:。") + 1
    if _EXAMPLE.search(head[lo:m.start()]):
        return True
    region = ctx.get("region") or ""
    home = PROVINCE_OF.get(region[:-1]) or province_of_county(region) or ctx.get("province")
    elsewhere = province_of_county(m.group(1))
    if elsewhere and home and elsewhere != home:
        return True
    whole = _WHOLE.search(own_clause)
    return bool(whole and not _PEER_END.search(own_clause[:whole.start()]))


def _kind(name: str, kind: str) -> str:
    return kind if kind in ("province", "county") else "city"


def subject_of(sent: str, upto: int, name: str, ctx: dict, ontology, para_cluster,
               named: tuple[str, ...] = ()) -> tuple[str | None, str | None]:
    """``(subject, kind)`` of the figure at ``upto`` in ``sent`` with indicator ``name`` (see the module doc);
    ``named``: the clusters and chains the sentence names — a place inside one (长沙市工程机械) owns no figure."""
    quoted = "".join(re.findall(r"[“\"][^”\"]{1,20}[”\"]", sent))
    own = [p for p in find_places(name) if p.stem not in quoted]  # 14家企业进入“广西…100强”: a title's place (round 21)
    # a place after 地处/位于 is where the holder lies (永康地处浙江省中部,总面积…), not the holder (round 38)
    own = [p for p in own if name[max(0, p.span[0] - 2):p.span[0]] not in _LIES_IN]
    if own:  # 浙江省专精特新中小企业入选企业 in a 台州 text: the province's figure
        p = own[0]
        # a province written at once before one of its own cities is the city's address (山西省吕梁市地区生产总值: round 38)
        p = next((q for q in own[1:] if q.span[0] == p.span[1] and q.kind != "province"
                  and PROVINCE_OF.get(q.stem) == p.name), p) if p.kind == "province" else p
        county = any(p.name in (ct.name, ct.short) for ct in ontology.counties.values())
        return p.name, "county" if county else _kind(p.name, p.kind)
    county = county_named(name, ctx.get("province"))
    if county:  # 肃宁裘革制品业…, 泊头铸造 in a 河北 text: the county written without its unit
        return ctx.get("later", {}).get(county, county), "county"  # by the name the text gives it today
    # a cluster named in the indicator (合肥力争新能源汽车产业营收规模…) is what is measured, not whose figure it is
    head = sent[:upto]
    for n in sorted(named, key=len, reverse=True):
        head = head.replace(n, "＿" * len(n)) if len(n) > 3 else head
    head = re.sub(r"[“\"][^”\"]{1,12}[”\"]", lambda m: "＿" * len(m.group(0)), head)  # “制造业立市”: a slogan, no place
    for ct in ontology.counties.values():
        if ct.name in head or ct.short in head:
            return ct.name, "county"
    # the nearest county before the figure; a zone named in the figure's own clause (金义新区…3条) is not a county
    own_clause = re.split(r"[,;:]", head)[-1]
    counties = find_counties(head)
    zones = [m for m in _OPEN_RE.finditer(head) if m.group(1).endswith(_ZONES)]
    at = len(head) - len(own_clause)
    for m in sorted(counties + zones, key=lambda m: m.start(), reverse=True):
        if isinstance(m, CountyMatch):
            if _listed(head, m, counties):
                continue  # 重点布局海淀区、朝阳区…,力争…2.5万亿元: where the industry goes, not whose figure it is
            if (m.start() < at and _passed_over(head, m, own_clause, ctx)) or _GOVERNS.search(head, 0, m.start()):
                continue  # …下辖A县、B县2个县,C自治县1个自治县: the counties a place governs are counted, not holders (round 39)
            return m.group(1), "county"
        if m.start() >= len(head) - len(own_clause):
            break
    opening = _OPENING.match(head).end()
    lead = next((p for p in find_places(head) if p.span[0] == opening), None)
    if lead:  # 曲靖市聚焦产业链延伸…3个千亿级产业集群: the place the sentence is about (山东省东营…: the city)
        # 山东省东营…: the city; 海南文昌,…: a city whose name is a common word, written at once after its own province (round 39)
        lead = next((p for p in find_places(head, common=True) if p.span[0] == lead.span[1] and p.kind != "province"
                     and (p.stem not in COMMON_WORDS or PROVINCE_OF.get(p.stem) == lead.name)), lead)
        mine = title_county(head[opening:], lead.name) if lead.kind == "province" else None  # 上海奉贤:… (round 27)
        return (mine, "county") if mine else (lead.name, _kind(lead.name, lead.kind))
    clause_lead = next((p for p in find_places(own_clause) if p.span[0] == _OPENING.match(own_clause).end() and p.kind != "province"), None)
    if clause_lead and any(m.start() < at for m in _SELF_PROVINCE.finditer(head)):  # 围绕自治区…建设,乌鲁木齐市各大园区…23条 (round 37)
        return clause_lead.name, _kind(clause_lead.name, clause_lead.kind)
    mine = ctx.get("para_county")  # 随县是全国香菇四大主产区之一…现有香菇生产企业135家 in a 随州 text (round 32)
    if mine and mine != ctx.get("region") and not _SELF_CITY.search(head) and not _SELF_PROVINCE.search(head):
        return mine, "county"
    # 高于全国及全省平均水平: an average is the whole compared with, whatever stands before it (round 39)
    peers = (lambda m: _PEER_END.search(head, 0, m.start()) is not None or head.startswith("平均", m.end()))
    refs = [(m.start(), "province") for m in _SELF_PROVINCE.finditer(head) if not peers(m)] + \
           [(m.start(), "city") for m in _SELF_CITY.finditer(head) if not peers(m)]
    if ctx.get("county"):  # 全县, 我县 in a county's plan
        refs += [(m.start(), "county") for m in re.finditer(rf"[全我本该]{ctx['county'][-1]}", head)]
    if para_cluster and not (refs and ctx.get(max(refs)[1])):
        return para_cluster, "cluster"  # 全市山葡萄生产面积… in a 食品产业集群 section: the city's figure (round 35)
    if refs:  # 全省…首轮9条赛道 in a 绍兴 text: the province's figure
        level = max(refs)[1]
        if ctx.get(level):
            return ctx[level], level
    if ctx.get("before_own") and ctx.get("province") and sent[:upto] in ctx["before_own"]:
        return ctx["province"], "province"  # a figure before the text names its county (湖北's 112 clusters)
    region = ctx.get("region")
    return (region, _kind(region, ctx.get("kind") or "city")) if region else (None, None)


def paragraph_county(para: str) -> str | None:
    """The county, district or county-level city a paragraph opens with (its actor: 随县是…, 曾都区新能智能专用汽车产业集群
    目前已形成…, 广水市低碳冶金产业是…), ``None`` when it opens with none: the paragraph is about that county, and a
    figure of it that names no other holder is the county's.

    >>> paragraph_county("曾都区新能智能专用汽车产业集群目前…"), paragraph_county("广水市低碳冶金产业是…"), paragraph_county("全市…曾都区")
    ('曾都区', '广水市', None)
    """
    lead = para.lstrip()
    m = next(iter(find_counties(lead[:12])), None)
    if m and m.start() == 0:
        return m.group(1)
    city = re.match(r"([\u4e00-\u9fff]{2,4}?)市", lead)
    return city.group(0) if city and city.group(1) in COUNTY_CITIES else None
