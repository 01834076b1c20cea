"""A counted list named by numbered points: ``N大X产业。一是…A产业。二是…B产业。…`` names A, B … as clusters.

What: :func:`point_members` gives the cluster a sentence names when it opens a numbered point (``一是大力发展A产业``,
``二是加快培育B产业集群``) of a counted list of a place's industries announced before it in the text with nothing after
its head (``重点发展六大优势产业。``, ``…四个主导产业:``): the points, counted in order from 一 and at most the count, give
the list's names as a 、-list after the count would (round 30's counted-list rule: its names after the count). The
lead verb (大力发展, 加快培育 …) and 产业 are no part of a name (``VERBS``, ``clean_name``).

Why (round 35): round 34's held-out run missed 5 clusters of 鸡西's ``六大优势产业。一是大力发展煤电化产业。二是…``: the
count announces a list the points then name, one per paragraph. A count with no qualifier (三大产业, the sectors), a
future list (三大未来产业), points that do not run 一, 二, 三 … or that name no fields name nothing.

>>> text = "将重点发展三大优势产业。一是大力发展铝精深加工产业。产值达到50亿元。二是加快发展生物医药产业。三是发展文旅产业。"
>>> [c.name for s in ("一是大力发展铝精深加工产业。", "二是加快发展生物医药产业。") for c in point_members(s, text)]
['铝精深加工', '生物医药']
>>> point_members("一是大力发展铝精深加工产业。", "全市三大产业结构持续优化。一是大力发展铝精深加工产业。")
[]
"""

from __future__ import annotations

import re
from functools import lru_cache

from etl.nlp.cluster_names import NUM_CN, VERBS, clean_name, count_of, field_list
from etl.nlp.plan_clusters import ClusterMention

__all__ = ["point_members"]

#: a counted list of a place's industries with a qualifier and nothing after its head (六大优势产业。 四个主导产业:)
#: (or in quotes, the points following its sentence: 做大做强“六大主导产业”,实现…。一是…; round 40)
_ANNOUNCE = re.compile(r"(" + NUM_CN + r")[大个]((?!未来)[\u4e00-\u9fff]{2,6}?)产业(?:集群)?[。::]")
_QUOTED = re.compile(r"[“\"](" + NUM_CN + r")[大个]((?!未来)[\u4e00-\u9fff]{2,6}?)产业(?:集群)?[”\"]")
_ORDINALS = "一二三四五六七八九十"
#: a numbered point opening with its industry: 一是(大力发展)A产业(集群)
_POINT = re.compile(r"^\s*([一二三四五六七八九十])是(?:要)?([^,;。:!?、]{2,16}?)(?:产业集群|产业)(?=[。,;:])")
#: or closing with it: 一是以…项目为重点,(大力)发展A产业。 — the industry its last clause grows (A业: a sector, 商贸物流业; round 40)
_POINT_END = re.compile(r"^\s*([一二三四五六七八九十])是[^。]*[,,][\u4e00-\u9fff]{0,4}?发展([^,;。:!?、“”]{2,16}?)(产业集群|产业|(?<!产)业)(?=[。;]|$)")


def _point(sentence: str) -> re.Match | None:
    """The numbered point ``sentence`` opens, naming its industry first (_POINT) or last (_POINT_END)."""
    return _POINT.match(sentence) or _POINT_END.match(sentence)


def _name(p: re.Match) -> str:
    name = clean_name(VERBS.sub("", p.group(2), count=1), True)
    return name + "业" if name and p.re is _POINT_END and p.group(3) == "业" else name


@lru_cache(maxsize=64)
def _points(text: str) -> dict[tuple[str, str], str]:
    """(ordinal, words of the point) → name, for the first counted list the text names by numbered points."""
    for a in sorted([*_ANNOUNCE.finditer(text), *_QUOTED.finditer(text)], key=lambda m: m.start()):
        count = count_of(a.group(1) + "个")
        found: dict[tuple[str, str], str] = {}
        for m in re.finditer(r"(?:^|(?<=[。\n]))\s*[一二三四五六七八九十]是[^。\n]*。?", text[a.end():]):
            p = _point(m.group(0))
            if not p or len(found) >= (count or 0) or p.group(1) != _ORDINALS[len(found)]:
                break
            found[p.group(1, 2)] = _name(p)
        if len(found) >= 2 and all(found.values()) and field_list(list(found.values())):
            return found
    return {}


def point_members(sentence: str, text: str) -> list[ClusterMention]:
    """The cluster ``sentence`` names by opening a numbered point of a counted list of ``text`` (module doc)."""
    p = _point(sentence)
    name = _points(text).get(p.group(1, 2)) if p else None
    return [ClusterMention(name, "cluster", None, None, p.span(2))] if name else []
