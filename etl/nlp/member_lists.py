"""Clusters named as a framework's members or as fields chosen into one (moved from plan_clusters in round 29).

What: :func:`members` reads the members listed after ``集群单位包括`` (``这5个集群单位包括越城区集成电路、…,以及上虞区…
协同区``): each item without its district and its ``核心区``/``协同区`` tail; :func:`selected` reads fields chosen as
clusters (``新材料、生物医药产业双双入选全省战略性新兴产业集群``, ``节能环保产业被纳入…集群``) when every item names a field.
Both return ``(name, kind, span)``; :mod:`etl.nlp.plan_clusters` makes them cluster mentions.

A counted framework lists its members by county (``重点县域特色产业集群6个,包括昌黎县葡萄酒、高端金属、毛皮产业;卢龙县
甘薯、装配式建筑产业;青龙县…产业等``): :func:`members` reads them when the items, over the ;-groups, are exactly the count,
each without its county and its 产业 (round 34, 秦皇岛).

Why: the cluster head stands before the names (包括) or after a verb of selection (入选 … 集群), so the head-first
readers of plan_clusters do not see them (rounds 4 and 17).

>>> [n for n, _k, _s in members("这5个集群单位包括越城区集成电路、柯桥区现代纺织,以及上虞区高端装备协同区")]
['集成电路', '现代纺织', '高端装备']
>>> [n for n, _k, _s in selected("新材料、生物医药产业双双入选全省战略性新兴产业集群")]
['新材料', '生物医药']
"""

from __future__ import annotations

import re

from etl.nlp.cluster_names import NUM_CN, clean_name, count_of, field_list, is_generic, split_items
from etl.nlp.field_vocab import is_field

__all__ = ["members", "selected"]

#: the members of a cluster (framework) listed after 包括: A、B、C…N个…区,以及D协同区
_MEMBERS_RE = re.compile(r"(集群|产业链)(?:单位)?(?:包括|包含|涵盖)([^。;]*)")
#: a counted framework listing its members, by county over ;-groups (集群6个,包括A县a、b产业;B县c产业等)
_COUNTED_MEMBERS_RE = re.compile(rf"(集群|产业链)({NUM_CN})个[,,]?(?:包括|包含|涵盖)([^。,,]*)")
_MEMBER_TAIL = re.compile(r"(?:\d+个[^、,]*|(?:集聚核心区|核心区|协同区|集聚区|示范区))$")
#: fields chosen as clusters (新材料、生物医药产业双双入选全省战略性新兴产业集群, 元宇宙入选全省…集群, 节能环保产业被纳入…集群)
_SELECTED_RE = re.compile(r"([^,;。:!?]+?)(?:产业|行业)?(?:双双|均|分别|成功|先后)?(?:入选|获批|被认定为|认定为|被纳入|纳入|被列为|列入)[^,;。]*?(产业集群|集群)(?!品牌)")
_HEAD = re.compile(r"集群|产业链")
_DISTRICT = re.compile(r"^[\u4e00-\u9fff]{2,3}(?:新区|区|县)")  # 越城区集成电路 → 集成电路 (where, not what)


def members(sentence: str, whole: str = "") -> list[tuple[str, str, tuple[int, int]]]:
    """The members listed after a cluster's or chain's 包括 (see the module doc); ``whole``: the 。-sentence
    ``sentence`` is a ;-part of (a counted list by county runs over its ;-parts, read once: in the part it opens in)."""
    out = []
    for m in _MEMBERS_RE.finditer(sentence):  # 这5个集群单位包括越城区集成电路、…,以及上虞区…协同区
        kind = "chain" if m.group(1) == "产业链" else "cluster"
        parts = re.split(r"[,,](?!\s*(?:以及|和|及))", m.group(2))[0]
        for item in re.split(r"、|[,,]?\s*(?:以及|及)", parts):
            n = _MEMBER_TAIL.sub("", clean_name(item, True))
            cut = _DISTRICT.sub("", n)
            n = cut if len(cut) >= 2 else n
            if n and not is_generic(n):
                out.append((n, kind, m.span()))
    text = whole if whole and sentence in whole else sentence
    off = text.find(sentence)
    for m in _COUNTED_MEMBERS_RE.finditer(text):  # 重点县域特色产业集群6个,包括昌黎县葡萄酒、高端金属、毛皮产业;…
        if not off <= m.start() < off + len(sentence):
            continue
        items = [_DISTRICT.sub("", clean_name(i, True).rstrip("等")) for i in re.split(r"[、;;]", m.group(3))]
        items = [re.sub(r"(?<=[\u4e00-\u9fff]{2})产业$", "", i) for i in items]
        listed = field_list(items)  # a list of fields: 甘薯 among them is a field too
        if len(items) == count_of(m.group(2) + "个") and all(len(i) >= 2 and not is_generic(i, listed) for i in items):
            span = (m.start() - off, min(m.end() - off, len(sentence)))
            out += [(i, "chain" if m.group(1) == "产业链" else "cluster", span) for i in items]
    return out


def selected(sentence: str) -> list[tuple[str, str, tuple[int, int]]]:
    """The fields chosen as clusters (see the module doc)."""
    out = []
    for m in _SELECTED_RE.finditer(sentence):
        items = split_items(clean_name(m.group(1)), None)
        if any(_HEAD.search(i) for i in items):
            continue  # 内江钒钛稀土产业集群已纳入省级产业集群: a cluster named by its own head (read there), no field chosen
        if all(is_field(clean_name(i, True)) and not is_generic(clean_name(i, True)) for i in items):
            out += [(clean_name(i, True), "cluster", m.span()) for i in items]
    return out
