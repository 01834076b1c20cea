"""A list given again without its head names items of the kind one of them was named before.

What: :func:`find_relisted` reads a list a plan gives again with a count but without a cluster head (…选取A、B、C…等8个
新兴特色产业) after one of its items was named as a chain or cluster: when the count fits the list, every item is one
of the same kind.

:func:`find_chain_openers` reads a sentence that opens with a named cluster's chain (…将对五大产业链实施分类指导。其中,
现代金融链扩容提质。人工智能链创新领先, …: round 31, 石景山): the cluster named before is also a chain.

Why: split out of :mod:`etl.nlp.plan_clusters` (round 20, code moved, not rewritten) — one concept, a list restated.
"""

from __future__ import annotations

import re

from etl.nlp.cluster_match import core_name
from etl.nlp.cluster_names import NUM_CN, clean_name, count_of, is_generic
from etl.nlp.plan_clusters import ClusterMention

__all__ = ["find_relisted", "find_chain_openers"]


_RELIST_RE = re.compile(r"([^,;:。]*、[^,;:。]*?)等(" + NUM_CN + r")个")


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
        if len(kinds) != 1 or count_of(m.group(2) + "个") != len(items):
            continue
        kind = kinds.pop()
        for i in items:
            n = clean_name(i, True)
            if n and core_name(n) not in known and not is_generic(n):
                out.append(ClusterMention(n, kind, None, None, m.span()))
    return out


#: a sentence that opens with X链 (其中,现代金融链扩容提质; “科幻+”链规模发展): not X链条, X链长, X链主
_CHAIN_OPENER = re.compile(r"^\s*(?:其中[,,:]\s*)?[“\"]?([^,;:。、“”\"]{2,12}?)[”\"]?链(?!条|长|主|群)")


def find_chain_openers(sentence: str, known: dict[str, str]) -> list[ClusterMention]:
    """A sentence that opens with the chain of a cluster the plan named before (``known``: core name → kind) names
    that chain.

    >>> [c.name for c in find_chain_openers("其中,现代金融链扩容提质,发挥规模效应", {"现代金融": "cluster"})]
    ['现代金融']
    >>> find_chain_openers("现代金融链长由区长担任", {"现代金融": "cluster"}), find_chain_openers("供应链金融", {})
    ([], [])
    """
    m = _CHAIN_OPENER.match(sentence)
    if not m or known.get(core_name(m.group(1))) != "cluster":
        return []
    return [ClusterMention(m.group(1), "chain", None, None, m.span(1))]
