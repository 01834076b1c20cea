"""Clusters and industrial chains named in any plan, with their scale class, mapped to ours.

What: :func:`find_clusters` reads one sentence and returns a :class:`ClusterMention` for every
cluster (``…产业集群``, ``…集群``, ``…产业群``, ``X集群方面``) or chain (``…产业链``) it names, with the
scale class written with it (千亿级, 500亿级, 万亿元级) and its tier (世界级, 标志性, 特色, 新星 …).
Lists are split: ``培育形成高端装备、高端化工2个千亿级产业集群`` → 高端装备 and 高端化工, each 千亿级;
``数字产业、绿色石化、高端装备等3个万亿级产业集群`` → three names; ``壮大汽车、医药…航空产业等七大千亿产业``
(a list with a scale class) too. Phrases that name no field — ``七大千亿产业集群``, ``世界级先进制造业集群``,
``30个左右千亿级现代化产业链``, ``长三角区域有影响力的产业集群`` — are left out.

:func:`match_ontology` maps a name to one of our clusters: ``exact`` when the name is the cluster
(医药, 汽车产业), ``partial`` when one contains the other (汽车及零部件, 生物医药与医疗器械, 航空),
else ``None`` — a cluster that is not in the ontology.

Why: another city's or a later Taizhou plan names its own clusters (the province's “415X”, Ningbo's
“361”); a researcher comparing them with our seven needs every name, not only the ones we know.

>>> [(c.name, c.kind, c.level) for c in find_clusters("培育形成高端装备、高端化工2个千亿级产业集群,新一代信息技术500亿级产业集群")]
[('高端装备', 'cluster', '千亿级'), ('高端化工', 'cluster', '千亿级'), ('新一代信息技术', 'cluster', '500亿级')]
>>> [c.name for c in find_clusters("进一步加快七大千亿产业集群建设,打造1个以上世界级先进制造业集群")]
[]
>>> [(c.name, c.kind) for c in find_clusters("装备制造集群方面,将做强电力装备、农机装备等新兴产业链")]
[('装备制造', 'cluster'), ('电力装备', 'chain'), ('农机装备', 'chain')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.nlp.cluster_match import core_name, match_ontology
from etl.nlp.cluster_names import (COUNT_RE, amount_class, INCLUDES, NUM_CN, SCALE_BARE_RE, SCALE_RE, TIER_RE, clean_name, count_of, field_list,
                                   field_of, is_generic, owners_dropped, split_items)
from etl.nlp.field_vocab import is_field
from etl.nlp.framework_lists import counted_industries, group_members, ranked_list
from etl.nlp.link_chains import linked_chains, without_stages
from etl.nlp.member_lists import members, selected
from etl.nlp.section_heads import section_heads

__all__ = ["ClusterMention", "find_clusters", "match_ontology", "core_name"]

_HEAD_RE = re.compile(r"产业集群|产业群|集群|产业链")
_BOUND = re.compile(r"[,;。:!?()《》\[\]【】—]")  # —— opens a bullet line
_NOT_NAMING = re.compile(r"品牌|优势")
_COUNTED_BEFORE = re.compile(r"、[^,;。、]{2,20}?(?:\d+|[一二三四五六七八九十两]+)[大个条](?:优势|特色|主导|支柱|重点)?$")
#: one character in brackets inside a name completes an abbreviation (新(乡)长(垣))
_ABBREV = re.compile(r"(?<=[\u4e00-\u9fff])[((]([\u4e00-\u9fff])[))](?=[\u4e00-\u9fff])")
#: a bracket restating a list item (新型电力(智能电网)、… / …两大产业集群) belongs to the item's name
_RESTATED = re.compile(r"(?<=[\u4e00-\u9fff])(?<![个条家])[((]([\u4e00-\u9fff]{2,8})[))]"
                       r"(?=、|等|(?:\d+|[两二三四五六七八九十]+)[个大条]|产业集群|产业链|集群)")
_FIELD_TIER = r"(?:优势|特色|主导|支柱|重点)?"  # 等优势产业: a tier between 等 and 产业
_FIELD_LIST_RE = re.compile(r"([^,;。:]*?、[^,;。:]*?)等" + _FIELD_TIER + r"(?:领域|新兴产业|产业|行业)[^,;。:]{0,8}[,,]"
                            r"(?:[^,;。:]{0,10}[,,])?((?:培育|打造|形成|建设)[^,;。:]*?)?([^,;。:]*?)(产业集群|产业群|产业链)")
#: a head with a scale class and no field, the field list in the clause after it (培育千亿级产业集群,南宁市将聚焦A、B、C等重点产业)
_HEAD_FIRST_RE = re.compile(r"(?:^|(?<=[,;:]))([^,;。:]{0,8}?)(产业集群|产业群|产业链)[,,]([^,;。:]*?、[^,;。:]*?)等"
                            + _FIELD_TIER + r"(?:领域|产业|行业)(?=[,;。]|$)")
#: a list of fields counted as industries without a head or 等 (A、B、C3个产业…): the list is the framework
_COUNTED_LIST_RE = re.compile(r"([^,;。:等]+、[^,;。:等]+?)(" + NUM_CN + r"[个大])产业(?!集群|群|链)([^,;。]*)")
_LIST_INDUSTRY_RE = re.compile(r"([^,;。:]*?)等(" + NUM_CN + r"大)((?:千亿|万亿|百亿)级?)产业(?!集群|群|链)")


#: the names in brackets after a head and its count: …级别的产业集群2个(新材料、汽车及零部件)
#: (a list of any length: 16条优势产业链(A、B、…、P) names 16; a one-character bracket inside a name is gone, _ABBREV)
_BRACKETED_RE = re.compile(r"(产业集群|产业群|集群|产业链)(" + NUM_CN + r"[个条])?[((]([^()()]{2,300})[))]")
_QUOTED_LIST_RE = re.compile(r"[“\"]([^”\"、,;。]{1,12}(?:、[^”\"、,;。]{1,12})+)[”\"]\s*(" + NUM_CN + r"[个大条])"
                             r"(产业集群|产业群|集群|产业链)")
#: a name followed by the tier it grows toward (…产业向世界级, 迈向国家级): 向 ends the name
_TOWARD_TIER = re.compile(r"(?<=[\u4e00-\u9fff])(?:向|迈向|朝着?|跻身)((?:世界级|国家级|省级|市级|区域级|标志性|一流|先进|现代化)+)$")
#: a firm's name (…集团, …公司, …股份) is no chain; a head that says its list holds firms too (12个产业链(企业集团)) makes an
#: item with no field word (大地, 洁石, 康龙, 国玺超纯) a firm's short name
_FIRM = re.compile(r"(?:集团|公司|股份)$")
#: a list owned by firms (两家企业的原材料、耐材…等产业链全链条企业): the links of their chain, no chains (round 34)
_FIRMS_LIST = re.compile(r"(?:企业|集团|公司)的[^,;。的]+、[^,;。的]+$")
_WITH_FIRMS = re.compile(r"[((](?:企业集团|龙头企业|企业|集团)[))]|(?:和|及|与|或)(?:企业集团|龙头企业)")


@dataclass
class ClusterMention:
    """A cluster (``kind="cluster"``) or chain (``kind="chain"``) named in a sentence."""

    name: str
    kind: str
    level: str | None  # scale class as written (千亿级, 500亿级, 万亿元级) or None
    tier: str | None   # 世界级, 标志性, 特色, 新星 … or None
    span: tuple[int, int]
    headless: bool = False  # an item of a framework's counted list (A、B等3大优势产业): a chain of the same name is it


def _parse(span_text: str, head: str, start: int, end: int, in_list: bool = False,
           group: bool = False) -> list[ClusterMention]:
    """The mentions of one head's phrase; ``in_list``: the phrase is an item of a list of field names; ``group``: it is
    one of the groups of a list that share the head (A和B千亿级、C五百亿级…), whose fields 和/及 join."""
    kind = "chain" if head == "产业链" else "cluster"
    toward = _TOWARD_TIER.search(span_text)
    if toward:  # 新能源和智能网联汽车产业向世界级产业集群跨越: the tier it grows toward is no part of the name
        span_text = span_text[:toward.start()]
    amount, span_text = amount_class(span_text)  # 超2000亿元新能源(产业集群): the amount is its scale class
    if span_text.endswith("、"):
        return []  # 在制造业升级、服务业提质、产业链协同等方面: the head is an item of another list, it names nothing
    if re.search(r"[与和及同对在向为把将从由]$", span_text.strip()):
        return []  # 平台与产业链适配: the head is an object of the phrase, no chain named
    if head == "产业链" and re.search(r"(?:全|上下游)$", span_text):
        return []  # 形成新能源汽车全产业链, 白酒产业上下游产业链: the whole chain of an industry, a scope, no chain named
    span_text = without_stages(span_text) if head == "产业链" else span_text  # 新能源汽车研发、设计、制造产业链 (round 40)
    # the list ends at its 等 (or count): a verb after it belongs to a description (…等6个具有竞争优势、发展潜力大的)
    cut = span_text.rfind("等") if "等" in span_text else (m.start() if (m := COUNT_RE.search(span_text)) else -1)
    s = clean_name(span_text[:cut]) + span_text[cut:] if cut > 0 else clean_name(span_text)
    if not s:
        return []
    if "等" in s:
        items, desc = s.rsplit("等", 1)
        if re.match(r"\s*(?:\d+|[一二三四五六七八九十百]+)多?(?:家|名|位|所)", desc):
            return []  # 新华社、中央广播电视总台等30多家…媒体…以“7+20”产业链群为骨架: the list counts organisations
    else:
        cut = [m.start() for m in (COUNT_RE.search(s), SCALE_RE.search(s)) if m]
        p = min(cut) if cut else len(s)
        items, desc = s[:p], s[p:]
    level_m = SCALE_RE.search(desc) or SCALE_BARE_RE.search(desc)
    level = level_m.group() if level_m else amount
    tier_m = TIER_RE.search(desc) or TIER_RE.search(items) or (TIER_RE.search(toward.group(1)) if toward else None)
    tier = tier_m.group() if tier_m and tier_m.group() in ("世界级", "国家级", "省级", "标志性", "特色", "新星", "战略性新兴",
                                                           "战略性", "新兴", "优势", "主导", "支柱", "未来") else None
    # what comes before a 的 describes (主业突出、特色明显、成长性好的产业集群; 有影响力的…): no name
    items = items[items.rindex("的") + 1:] if "的" in items else items
    remainder = TIER_RE.sub("", SCALE_BARE_RE.sub("", SCALE_RE.sub("", COUNT_RE.sub("", desc))))
    remainder = re.sub(r"以上|左右|以下|以内", "", remainder).strip(" “”\"'")
    remainder = remainder[remainder.rindex("的") + 1:] if "的" in remainder else remainder
    # A、B等X产业集群: X is the field, A and B are places or members of it (开封汴西、林州等百亿级装备制造特色产业集群)
    # … unless the count says the listed items are the clusters (A、B、C等三大国家级战新产业集群)
    if re.match(r"等?(?:领域|环节)的", desc):
        return []  # 覆盖A、B、C等领域的完整产业链: the fields a chain covers, no chain named
    count = count_of(desc)
    listed = split_items(items, count)
    if group and not count:  # 临空经济和洋浦石化新材料先进制造业千亿级: each field of the group is a name
        joined = [x for i in listed for x in re.split(r"和|及", field_of(clean_name(i, True)))]
        listed = joined if all(is_field(x) for x in joined) else listed
    if count and count > 1 and len(listed) == 1 and "等" not in s and not remainder:
        return []  # 盐湖资源综合利用五大产业集群: the field of five clusters whose names are not given
    if remainder and not is_generic(clean_name(remainder, True)) and not (count and count == len(listed) > 1):
        names = [remainder]
    else:
        names = owners_dropped(listed)  # a count that fits the list names its items (铸造、汽车汽配、高端阀门三大产业集群)
        in_list = in_list or field_list(names) or bool(count and count == len(names) > 1 and any(is_field(n) for n in names))
    out = []
    for n in names:
        n = n.rsplit("等", 1)[1] if "等" in n[1:-1] else n  # 碳纤维等复合材料 as an item: A等B names B (秀山's rule; round 25)
        n = _industry_tail(field_of(clean_name(n, True)))
        if n and not is_generic(n, in_list):
            out.append(ClusterMention(n, kind, level, tier, (start, end)))
    return out


def _industry_tail(name: str) -> str:
    """A name ends at its field (round 29): after 产业 a quoted label is no part of it (新材料和新型建材产业“雁阵形”集群 →
    新材料和新型建材), and words that name no field make it no name (铜产业集聚、项目集群效应: a clause, not a cluster)."""
    head, sep, tail = name.rpartition("产业")
    if not sep or not head or not tail:
        return name
    if tail[0] in "“\"":
        return head
    return name if is_field(tail) else ""


def _head_list(sentence: str) -> set[int]:
    """The head positions of a list of heads (A集群、B集群、C集群) whose items name fields (:func:`field_list`)."""
    heads = [m for m in _HEAD_RE.finditer(sentence) if not _NOT_NAMING.match(sentence, m.end())]
    out: set[int] = set()
    group: list = []
    for i, m in enumerate(heads + [None]):
        joined = m is not None and group and re.fullmatch(r"、[^,;。:、]{1,20}", sentence[group[-1].end():m.start()])
        if joined:
            group.append(m)
            continue
        if len(group) >= 3:
            first = re.split(r"[,;。::、]", sentence[:group[0].start()])[-1]
            items = [first] + [sentence[a.end() + 1:b.start()] for a, b in zip(group, group[1:])]
            if field_list(items):
                out.update(g.start() for g in group)
        group = [m] if m is not None else []
    return out


#: A、B2个千亿级和C、D2个百亿级产业集群: two groups share one head, each with its own count and class
_GROUP_CUT = re.compile(NUM_CN + r"[个条大][^,;。:、和]{0,8}级(?:和|以及|、)(?=[^,;。:]*?" + NUM_CN + r"[个条大])"
                        r"|(?:万亿|千亿|百亿|\d+亿|[一二三四五六七八九]百亿)元?级(?:和|以及|、)(?=[^,;。:]*?(?:万亿|千亿|百亿|亿)元?级)")


def _groups(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the groups of a list that share one head (each group ends in its count and scale class).

    >>> s = "培育出A、B2个千亿级和C、D2个百亿级产业集群"
    >>> [s[a:b] for a, b in _groups(s, 0, s.index("产业集群"))]
    ['培育出A、B2个千亿级', 'C、D2个百亿级']
    """
    spans, a = [], start
    for g in _GROUP_CUT.finditer(sentence, start, end):
        joiner = re.search(r"(?:和|以及|、)$", g.group()).group()
        spans.append((a, g.end() - len(joiner)))
        a = g.end()
    return spans + [(a, end)]


def find_clusters(sentence: str, whole: str = "") -> list[ClusterMention]:
    """Every cluster and chain the sentence names (in order, each once); ``whole``: the 。-sentence it is a ;-part of."""
    out: list[ClusterMention] = []
    prev_end = 0
    sentence = _ABBREV.sub(r"\1", sentence)  # 新(乡)长(垣)高端装备 → 新乡长垣高端装备
    sentence = INCLUDES.sub("", sentence)  # 未来产业(含AI+、空天信息): what a chain includes, no part of its name
    sentence = _RESTATED.sub(r"〔\1〕", sentence)  # 新型电力(智能电网)两大产业集群: the bracket is part of the name
    in_list = _head_list(sentence)
    linked = linked_chains(sentence)  # 锂电池“石墨化—负极材料—回收利用”产业链: the head names no other name
    out += [ClusterMention(n, kind, None, None, (h, h)) for n, kind, h in linked]
    for m in _HEAD_RE.finditer(sentence):
        if m.start() in {h for _n, _k, h in linked}:
            prev_end = m.end()
            continue
        head = m.group() if not (m.group() == "产业链" and sentence[m.end():m.end() + 1] == "群") else "产业链群"
        # 产业链群 (a cluster of chains) is a cluster, not a chain
        if _NOT_NAMING.match(sentence, m.end()) and not _COUNTED_BEFORE.search(sentence, 0, m.start()):
            prev_end = m.end()  # 集群品牌: no cluster named — but A、B两大主导产业集群优势 names its counted list (round 21)
            continue
        bounds = [b.end() for b in _BOUND.finditer(sentence, 0, m.start())]
        start = max([prev_end, *bounds]) if bounds else prev_end
        groups = _groups(sentence, start, m.start())
        firms = bool(_WITH_FIRMS.match(sentence, m.end()))
        found = [c for a, b in groups for c in _parse(sentence[a:b], head, a, m.end(), m.start() in in_list, len(groups) > 1)
                 if not (_FIRM.search(c.name) or (firms and not is_field(c.name)))]
        if not (sentence.startswith("项目", m.end()) and any(c.name.endswith(("项目", "工程")) for c in found)) \
                and not _FIRMS_LIST.search(sentence, start, m.start()):
            out.extend(found)  # A项目、B项目、C集群项目: a list of projects names no cluster (round 33, 阿巴嘎)
        prev_end = m.end()
    for m in _FIELD_LIST_RE.finditer(sentence):  # 在A、B等领域,培育新增3—4个万亿元级战略性产业集群
        if re.match(r"(?:等" + _FIELD_TIER + r"(?:领域|新兴产业|产业|行业))(?:规模|优势|水平|能级|实力)", sentence[m.end(1):]):
            continue  # 壮大集成电路、机器人等产业规模,争取更多产业集群…: a measure of the list, no cluster framing
        tail = _parse(m.group(3), m.group(4), m.start(3), m.end(4))
        if tail:
            continue  # the cluster phrase names its own fields
        level = SCALE_RE.search(m.group(3))
        fields = [clean_name(n, True) for n in split_items(clean_name(m.group(1)), None)]
        listed = field_list(fields)  # a list of fields: 面制品加工 among them is a field too
        for n in fields:
            if n and not is_generic(n, listed):
                out.append(ClusterMention(n, "chain" if m.group(4) == "产业链" else "cluster",
                                          level.group() if level else None, None, m.span()))
    for m in _HEAD_FIRST_RE.finditer(sentence):
        level = SCALE_RE.search(m.group(1))
        if not level or not is_generic(clean_name(m.group(1), True)):
            continue  # the head clause names a field of its own, or no class: not a framework announcing its list
        fields = [clean_name(n, True) for n in split_items(clean_name(m.group(3)), None)]
        if field_list(fields):
            out += [ClusterMention(n, "chain" if m.group(2) == "产业链" else "cluster", level.group(), None, m.span())
                    for n in fields if n]
    for m in _BRACKETED_RE.finditer(sentence):  # 5000亿元级别的产业集群1个(物联网)、…2个(新材料、汽车及零部件)
        lead = re.split(r"[、,;:]", sentence[:m.start()])[-1]
        level = SCALE_RE.search(lead)
        items = m.group(3).split("、")
        count = count_of(m.group(2) or lead)
        if count and len(items) < count and len(joined := re.split(r"(?<=[\u4e00-\u9fff]{2})和(?=[\u4e00-\u9fff]{2})", "和".join(items))) == count:
            items = joined  # 2个五百亿级产业集群(锂电新能源和电子信息领域): the count says 和 joins two names
        listed = field_list(items)  # a list of fields: 高端家纺 among them is a field too
        for n in items:
            n = clean_name(n, True)
            if n and not is_generic(n, listed):
                out.append(ClusterMention(n, "chain" if m.group(1) == "产业链" else "cluster",
                                          level.group() if level else None, None, m.span()))
    for m in _QUOTED_LIST_RE.finditer(sentence):  # “钾、钠、镁、锂、氯”五大产业集群: a quoted list the count fits
        items = [clean_name(x, True) for x in m.group(1).split("、")]
        if count_of(m.group(2)) == len(items) and all(items):
            out += [ClusterMention(n, "chain" if m.group(3) == "产业链" else "cluster", None, None, m.span()) for n in items]
    out += [ClusterMention(n, kind, None, None, span) for n, kind, span in members(sentence, whole)]  # 集群单位包括A、B…
    for m in _LIST_INDUSTRY_RE.finditer(sentence):  # 壮大汽车、医药…航空产业等七大千亿产业
        items = clean_name(re.split(r"[,;:]", m.group(1))[-1])
        for n in split_items(items, count_of(m.group(2))):
            n = clean_name(n)
            if n and not is_generic(n):
                out.append(ClusterMention(core_name(n), "cluster", m.group(3), None, m.span()))
    for m in _COUNTED_LIST_RE.finditer(sentence):  # 电子信息、食品轻纺、能源化工3个产业规模…迈上万亿级台阶
        items = split_items(clean_name(m.group(1)), None)
        level = SCALE_RE.search(m.group(3))
        if (level or re.search(r"万亿|千亿|百亿", m.group(3))) and count_of(m.group(2)) == len(items) and all(is_field(i) and not is_generic(i) for i in items):
            # stated with a scale class (…迈上万亿级台阶) it is the framework; 动力电池、新能源汽车、光伏三大产业同比增长
            # (a growth figure of three products) names no cluster
            out += [ClusterMention(i, "cluster", level.group() if level else None, None, m.span()) for i in items]
    counted = counted_industries(sentence, whole)  # 发展A、B、C等3大优势产业 in a “334”产业集群 sentence
    ranked = any(ranked_list(sentence[s:e]) for _n, _l, (s, e) in counted)  # …4个主导产业 names clusters (round 29)
    out += [ClusterMention(n, "cluster", level, None, span, headless=not ranked) for n, level, span in counted]
    out += [ClusterMention(n, kind, None, None, span) for n, kind, span in group_members(sentence) + section_heads(sentence)]  # 四大产业集群…其中,A、B…
    out += [ClusterMention(n, kind, None, None, span) for n, kind, span in selected(sentence)]
    seen: dict = {}
    for c in out:
        c.name = c.name.replace("〔", "(").replace("〕", ")")
        key = (c.kind, core_name(c.name))
        if key in seen:
            seen[key].headless = seen[key].headless and c.headless
            seen[key].level = seen[key].level or c.level
            seen[key].tier = seen[key].tier or c.tier
        else:
            seen[key] = c
    return list(seen.values())

