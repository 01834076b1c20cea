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
from etl.nlp.field_vocab import is_field

__all__ = ["ClusterMention", "find_clusters", "find_relisted", "match_ontology", "core_name"]

_HEAD_RE = re.compile(r"产业集群|产业群|集群|产业链")
_BOUND = re.compile(r"[,;。:!?()《》\[\]【】]")
_NOT_NAMING = re.compile(r"品牌|优势")
_VERBS = re.compile(r"(?:在全市|全市|全省|重点)?(?:培育形成|培育壮大|做大做强|做强做大|重点发展|重点培育|重点打造|重点布局|加快发展|大力发展|"
                    r"积极发展|加快培育|加快打造|提升发展|巩固提升|前瞻布局|先导布局|打造成|建设成|入选|助推|对于|拥有|共有|现有|聚焦|围绕|依托|立足|支持|推进|打造|培育|形成|建成|建设|发展|"
                    r"推动|壮大|做强|做优|做精|提升|布局|构建|包括|是指|其中|以及|加快|着力|承载|主攻|聚力|适配|共建|力争|确保|进军)")
_NUM_CN = r"(?:\d+|[一二三四五六七八九十两]+)"
_COUNT_RE = re.compile(rf"{_NUM_CN}(?:个|大|条)")
_SCALE_RE = re.compile(r"超?(?:\d+(?:\.\d+)?|[一二三四五六七八九十百千万]+)(?:万亿|千亿|百亿|亿)?元?级")
#: a scale class written without 级 right before the head (现代化工等万亿产业集群, 七大千亿产业)
_SCALE_BARE_RE = re.compile(r"(?:万亿|千亿|百亿)元?(?=产业$|$)")
_TIER_RE = re.compile(r"世界级|国家级|省级|市级|区域级|标志性|战略性新兴|战略性|战新|特色|新兴|优势|主导|支柱|先进|新星|未来|现代化(?!工)|重大|重点|"
                      r"具有[^,;。]*?影响力的|有影响力的|成长性高的|一批|若干个?")
_GENERIC = {"", "产业", "制造业", "先进制造业", "制造", "先进制造", "现代", "新兴", "未来", "区域", "重点", "特色", "优势", "主导",
            "国家", "全国", "省", "全省", "全市", "长三角", "长三角区域", "现代产业", "产业链", "集群", "重大", "若干", "一批",
            "传统", "传统产业", "新兴产业", "未来产业", "千亿", "万亿", "百亿", "七大千亿", "链", "全产业", "上下游", "一系列"}
_ABSTRACT = re.compile(r"(?:基础|规模|水平|能力|体系|格局|情况|环境|机制|效益|质量|配套|突出|明显|合理|优化|显著|领先|完善|"
                       r"较好|较强|[好强快])$")
#: one character in brackets inside a name completes an abbreviation (新(乡)长(垣))
_ABBREV = re.compile(r"(?<=[\u4e00-\u9fff])[((]([\u4e00-\u9fff])[))](?=[\u4e00-\u9fff])")
_ENUM = re.compile(r"^(?:\d+[.、．]|[(（]?[一二三四五六七八九十]+[)）、]|[①-⑩])")
_FIELD_LIST_RE = re.compile(r"([^,;。:]*?、[^,;。:]*?)等(?:领域|新兴产业|产业|行业)[^,;。:]{0,8}[,,]"
                            r"((?:培育|打造|形成|建设)[^,;。:]*?)?([^,;。:]*?)(产业集群|产业群|产业链)")
#: a list of fields counted as industries without a head or 等 (A、B、C3个产业…): the list is the framework
_COUNTED_LIST_RE = re.compile(r"([^,;。:等]+、[^,;。:等]+?)(" + _NUM_CN + r"[个大])产业(?!集群|群|链)([^,;。]*)")
_LIST_INDUSTRY_RE = re.compile(r"([^,;。:]*?)等(" + _NUM_CN + r"大)((?:千亿|万亿|百亿)级?)产业(?!集群|群|链)")


#: the members of a cluster (framework) listed after 包括: A、B、C…N个…区,以及D协同区
#: the names in brackets after a head and its count: …级别的产业集群2个(新材料、汽车及零部件)
_BRACKETED_RE = re.compile(r"(产业集群|产业群|集群|产业链)(" + _NUM_CN + r"[个条])?[((]([^()()]{2,60})[))]")
_MEMBERS_RE = re.compile(r"(集群|产业链)(?:单位)?(?:包括|包含|涵盖)([^。;]*)")
_MEMBER_TAIL = re.compile(r"(?:\d+个[^、,]*|(?:集聚核心区|核心区|协同区|集聚区|示范区))$")
_DISTRICT = re.compile(r"^[\u4e00-\u9fff]{2,3}(?:新区|区|县)")  # 越城区集成电路 → 集成电路 (where, not what)


@dataclass
class ClusterMention:
    """A cluster (``kind="cluster"``) or chain (``kind="chain"``) named in a sentence."""

    name: str
    kind: str
    level: str | None  # scale class as written (千亿级, 500亿级, 万亿元级) or None
    tier: str | None   # 世界级, 标志性, 特色, 新星 … or None
    span: tuple[int, int]


def _clean(item: str, one: bool = False) -> str:
    """The name part of a phrase: after the last verb (培育形成, 重点发展, 做强 …) and enumerator."""
    item = _ENUM.sub("", item.strip(" 、,“”\"'‘’"))
    last = None
    for last in _VERBS.finditer(item):
        pass
    if last is not None:
        item = item[last.end():]
    item = re.sub(r"^(?:以及|和|及|与|、|要|将|在|对|向|我市|我省|本市|本省|全市|全省)+", "", item.strip(" 、“”\"'‘’"))
    if one and "的" in item and not item.endswith("的"):
        item = item[item.rindex("的") + 1:]  # 国内知名的农机装备 → 农机装备
    return item.rstrip("等").strip(" 、“”\"'‘’")


def _generic(name: str) -> bool:
    rest = _SCALE_RE.sub("", name)
    rest = _TIER_RE.sub("", rest)
    rest = re.sub(r"[“”\"'‘’]", "", rest)
    rest = core_name(re.sub(r"以上|左右|以下|以内", "", rest))
    rest = re.sub(r"^[\u4e00-\u9fff]{2,3}[省市]", "", rest)  # 河南省先进制造业 → 制造业
    rest = core_name(re.sub(r"融合$", "", rest))  # 战略性新兴产业融合(集群): a kind of cluster, no field
    if rest in _GENERIC or re.sub(r"制造业?$", "", rest) in _GENERIC or len(rest) < 2 and not re.fullmatch(r"\d+G", rest) \
            and not is_field(rest):
        return True
    if not is_field(re.sub(r"制造业?$", "", rest)):  # 实施, 大抓, 跃升, 简称, 中小企业特色, 产业创新: no word of a field (etl/nlp/field_vocab.py)
        return True
    if re.search(r"我市|我省|全市|全省|本市", name) or re.search(r"[向于在对把将从由为与和及]$", name):
        return True
    if re.search(r"^关于|^[在向对把将从由]|进一步|深化|正式|进入|迈入", name):  # a title (关于进一步深化…) or a clause, not a field
        return True
    if re.search(r"(?:每个|各个|每|各|这|该|此|其)$", name):  # 梳理每个产业链: a determiner, no chain named
        return True
    if _ABSTRACT.search(name):  # 产业发展基础, 主导产业规模, 特色明显, 布局合理: qualities, not fields
        return True
    if name.endswith("的") or re.search(r"(?:高端|智能|绿色|现代|高级|一体|集群|国际|数字|网络|融合|新型|规模)化$", name) \
            or len(name) > 16 or re.search(r"\d", re.sub(r"\d+G", "", name)):
        return True
    return bool(re.search(r"级$", rest) or re.search(r"化$", rest) and len(rest) <= 3)  # 现代化, 千亿级, “百千万”亿级 …


def _split_items(items: str, count: int | None) -> list[str]:
    parts = [p for p in (x.strip() for x in items.split("、")) if p]
    if count and parts and len(parts) == count - 1 and re.search(r"和|以及", parts[-1]):
        # A、B、…和C等6条: the list's last 和 joins its last two items (…材料及高端化工品 earlier keeps its 及)
        head, _sep, last = parts[-1].rpartition("以及" if "以及" in parts[-1] else "和")
        if head and last:
            return parts[:-1] + [head, last]
    if count and len(parts) < count:  # 稀土磁性材料和新型功能材料4个 → split the 和 too
        out = [x for p in parts for x in re.split(r"和|及|与", p) if x]
        if len(out) == count:
            parts = out
    return parts


def _count(desc: str) -> int | None:
    m = _COUNT_RE.search(desc)
    if not m:
        return None
    n = m.group().rstrip("个大条")
    cn = "零一二三四五六七八九十"
    if n.isdigit():
        return int(n)
    if n == "两":
        return 2
    if len(n) == 1 and n in cn:
        return cn.index(n)
    if n.startswith("十"):
        return 10 + (cn.index(n[1]) if len(n) > 1 else 0)
    return None


def _parse(span_text: str, head: str, start: int, end: int) -> list[ClusterMention]:
    kind = "chain" if head == "产业链" else "cluster"
    if re.search(r"[与和及同对在向为把将从由]$", span_text.strip()):
        return []  # 平台与产业链适配: the head is an object of the phrase, no chain named
    # the list ends at its 等 (or count): a verb after it belongs to a description (…等6个具有竞争优势、发展潜力大的)
    cut = span_text.rfind("等") if "等" in span_text else (m.start() if (m := _COUNT_RE.search(span_text)) else -1)
    s = _clean(span_text[:cut]) + span_text[cut:] if cut > 0 else _clean(span_text)
    if not s:
        return []
    if "等" in s:
        items, desc = s.rsplit("等", 1)
    else:
        cut = [m.start() for m in (_COUNT_RE.search(s), _SCALE_RE.search(s)) if m]
        p = min(cut) if cut else len(s)
        items, desc = s[:p], s[p:]
    level_m = _SCALE_RE.search(desc) or _SCALE_BARE_RE.search(desc)
    level = level_m.group() if level_m else None
    tier_m = _TIER_RE.search(desc) or _TIER_RE.search(items)
    tier = tier_m.group() if tier_m and tier_m.group() in ("世界级", "国家级", "省级", "标志性", "特色", "新星", "战略性新兴",
                                                           "战略性", "新兴", "优势", "主导", "支柱", "未来") else None
    # what comes before a 的 describes (主业突出、特色明显、成长性好的产业集群; 有影响力的…): no name
    items = items[items.rindex("的") + 1:] if "的" in items else items
    remainder = _TIER_RE.sub("", _SCALE_BARE_RE.sub("", _SCALE_RE.sub("", _COUNT_RE.sub("", desc))))
    remainder = re.sub(r"以上|左右|以下|以内", "", remainder).strip(" “”\"'")
    remainder = remainder[remainder.rindex("的") + 1:] if "的" in remainder else remainder
    # A、B等X产业集群: X is the field, A and B are places or members of it (开封汴西、林州等百亿级装备制造特色产业集群)
    # … unless the count says the listed items are the clusters (A、B、C等三大国家级战新产业集群)
    count = _count(desc)
    listed = _split_items(items, count)
    if remainder and not _generic(_clean(remainder, True)) and not (count and count == len(listed) > 1):
        names = [remainder]
    else:
        names = _owners_dropped(listed)
    out = []
    for n in names:
        n = _field(_clean(n, True))
        if n and not _generic(n):
            out.append(ClusterMention(n, kind, level, tier, (start, end)))
    return out


_PLACE_ONLY = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}(?:省|市))+$")
_PLACE_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}(?:省|市))+")
_LEAD_TIER = re.compile(r"^(?:世界级|国家级|省级|市级|区域级|标志性)+")
_KIND_SUFFIX = re.compile(r"(?:国家级?|省级|世界级)?(?:先进制造业|战略性新兴产业)$")


def _owners_dropped(items: list[str]) -> list[str]:
    """A list that starts with places only names their common cluster in its last item:
    江苏省南通市、泰州市、扬州市高技术船舶和海工装备 → 高技术船舶和海工装备 (the places own it)."""
    places = [i for i in items if _PLACE_ONLY.match(i.strip(" “”\"'"))]
    if not places or len(places) == len(items):
        return [i for i in items if i not in places]
    rest = [i for i in items if i not in places]
    return [_PLACE_PREFIX.sub("", i) or i for i in rest]


def _field(name: str) -> str:
    """The field of a cluster name: without a leading tier (世界级船舶海工 → 船舶海工) or a trailing kind
    of cluster (高技术船舶和海工装备国家先进制造业 → 高技术船舶和海工装备)."""
    for rx in (_LEAD_TIER, _KIND_SUFFIX):
        cut = rx.sub("", name)
        if len(cut) >= 2:
            name = cut
    return name


def find_clusters(sentence: str) -> list[ClusterMention]:
    """Every cluster and chain the sentence names (in order, each once)."""
    out: list[ClusterMention] = []
    prev_end = 0
    sentence = _ABBREV.sub(r"\1", sentence)  # 新(乡)长(垣)高端装备 → 新乡长垣高端装备
    for m in _HEAD_RE.finditer(sentence):
        head = m.group() if not (m.group() == "产业链" and sentence[m.end():m.end() + 1] == "群") else "产业链群"
        # 产业链群 (a cluster of chains) is a cluster, not a chain
        if _NOT_NAMING.match(sentence, m.end()):  # 集群品牌, 产业链现代化: no cluster named
            prev_end = m.end()
            continue
        bounds = [b.end() for b in _BOUND.finditer(sentence, 0, m.start())]
        start = max([prev_end, *bounds]) if bounds else prev_end
        out.extend(_parse(sentence[start:m.start()], head, start, m.end()))
        prev_end = m.end()
    for m in _FIELD_LIST_RE.finditer(sentence):  # 在A、B等领域,培育新增3—4个万亿元级战略性产业集群
        tail = _parse(m.group(3), m.group(4), m.start(3), m.end(4))
        if tail:
            continue  # the cluster phrase names its own fields
        level = _SCALE_RE.search(m.group(3))
        for n in _split_items(_clean(m.group(1)), None):
            n = _clean(n, True)
            if n and not _generic(n):
                out.append(ClusterMention(n, "chain" if m.group(4) == "产业链" else "cluster",
                                          level.group() if level else None, None, m.span()))
    for m in _BRACKETED_RE.finditer(sentence):  # 5000亿元级别的产业集群1个(物联网)、…2个(新材料、汽车及零部件)
        lead = re.split(r"[、,;:]", sentence[:m.start()])[-1]
        level = _SCALE_RE.search(lead)
        for n in m.group(3).split("、"):
            n = _clean(n, True)
            if n and not _generic(n):
                out.append(ClusterMention(n, "chain" if m.group(1) == "产业链" else "cluster",
                                          level.group() if level else None, None, m.span()))
    for m in _MEMBERS_RE.finditer(sentence):  # 这5个集群单位包括越城区集成电路、…,以及上虞区…协同区
        kind = "chain" if m.group(1) == "产业链" else "cluster"
        parts = re.split(r"[,,](?!\s*(?:以及|和|及))", m.group(2))[0]
        for item in re.split(r"、|[,,]?\s*(?:以及|及)", parts):
            n = _MEMBER_TAIL.sub("", _clean(item, True))
            cut = _DISTRICT.sub("", n)
            n = cut if len(cut) >= 2 else n
            if n and not _generic(n):
                out.append(ClusterMention(n, kind, None, None, m.span()))
    for m in _LIST_INDUSTRY_RE.finditer(sentence):  # 壮大汽车、医药…航空产业等七大千亿产业
        items = _clean(re.split(r"[,;:]", m.group(1))[-1])
        for n in _split_items(items, _count(m.group(2))):
            n = _clean(n)
            if n and not _generic(n):
                out.append(ClusterMention(core_name(n), "cluster", m.group(3), None, m.span()))
    for m in _COUNTED_LIST_RE.finditer(sentence):  # 电子信息、食品轻纺、能源化工3个产业规模…迈上万亿级台阶
        items = _split_items(_clean(m.group(1)), None)
        if _count(m.group(2)) == len(items) and all(is_field(i) and not _generic(i) for i in items):
            level = _SCALE_RE.search(m.group(3))
            out += [ClusterMention(i, "cluster", level.group() if level else None, None, m.span()) for i in items]
    seen: dict = {}
    for c in out:
        key = (c.kind, core_name(c.name))
        if key in seen:
            seen[key].level = seen[key].level or c.level
            seen[key].tier = seen[key].tier or c.tier
        else:
            seen[key] = c
    return list(seen.values())


_RELIST_RE = re.compile(r"([^,;:。]*、[^,;:。]*?)等(" + _NUM_CN + r")个")


def find_relisted(sentence: str, known: dict[str, str]) -> list[ClusterMention]:
    """A list the plan gives again without a cluster head (…选取A、B、C…等8个新兴特色产业): when one of its items
    was named before as a chain or cluster (``known``: core name → kind) and the count fits the list, every
    item is one of the same kind.

    >>> [c.name for c in find_relisted("选取算力与大数据、人工智能、量子科技等3个新兴产业", {"算力与大数据": "chain"})]
    ['人工智能', '量子科技']
    """
    out = []
    for m in _RELIST_RE.finditer(sentence):
        items = [x.strip(" “”\"'") for x in m.group(1).split("、")]
        first = next((k for k in known if items[0].endswith(k)), None)  # 我省选取算力与大数据 → 算力与大数据
        if first:
            items[0] = first
        kinds = {known[core_name(i)] for i in items if core_name(i) in known}
        if len(kinds) != 1 or _count(m.group(2) + "个") != len(items):
            continue
        kind = kinds.pop()
        for i in items:
            n = _clean(i, True)
            if n and core_name(n) not in known and not _generic(n):
                out.append(ClusterMention(n, kind, None, None, m.span()))
    return out
