"""A field list a cluster phrase is built on: ``以A、B、C为核心的产业集群``.

What: :func:`core_led` reads a 、-list between 以 and 为核心/为主导/为主体/为引领/为龙头/为支撑 的 … 产业集群/集群/产业群/产业链 as
that many clusters (chains) — when one of its items names a field and none is a firm, project, park or place — and replaces the mention the rules made of the list (``以A``, or
``A、B`` as one name) with them.

Why: a cluster phrase that names its fields as its core (拉萨's park: 形成以现代农牧业、物流服务、生态文旅为核心的产业集群) was
read as no cluster at all, and ``…为主导的产业集群`` kept the 以 in its first name (round 38's held-out run). A cluster phrase
that names itself (``以煤炭、石油、电力为支撑的能源资源产业集群``) is that name; its list is what it rests on, no clusters of their
own (铜川's gold, round 35): only a bare 产业集群/集群/产业链 after 的 makes the list its names.

>>> [c.name for c in core_led("形成以现代农牧业、物流服务、生态文旅为核心的产业集群", [])]
['现代农牧业', '物流服务', '生态文旅']
"""

from __future__ import annotations

import re

from etl.nlp.cluster_names import clean_name, field_list, is_generic, split_items
from etl.nlp.field_vocab import is_field
from etl.nlp.plan_clusters import ClusterMention, core_name

__all__ = ["core_led"]

_NOT_FIELD = ("企业", "项目", "园区", "基地", "平台", "城市", "区域", "技术", "创新")

_CORE = re.compile(r"以([^,;。:!?“”\"以]{2,80}?、[^,;。:!?“”\"以]{2,80}?)为(?:核心|主导|主体|引领|龙头|支撑)的"
                   r"()(产业集群|集群|产业群|产业链)")


def core_led(sentence: str, mentions: list) -> list:
    """``mentions`` (the sentence's cluster mentions) with each core list's items (see the module doc)."""
    out = list(mentions)
    for m in _CORE.finditer(sentence):
        items = [clean_name(i, True) for i in split_items(m.group(1), None)]
        if len(items) < 2 or not all(items) or any(is_generic(i, True) or i.endswith(_NOT_FIELD) for i in items) or \
                not (field_list(items) or any(is_field(i) for i in items)):
            continue  # the phrase frames its fields: one field word among them will do, but 以龙头企业、重点项目为支撑 names none
        kind = "chain" if m.group(3) == "产业链" else "cluster"
        out = [c for c in out if not (c.span[0] < m.end() and m.start() < c.span[1] and (
            "、" in c.name or c.name.startswith("以") or core_name(c.name) in map(core_name, items)))]
        out += [ClusterMention(core_name(i), kind, None, None, m.span(1)) for i in items]
    return out
