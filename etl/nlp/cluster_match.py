"""A cluster name's key and its match to our ontology.

What: :func:`core_name` is the name without a trailing 产业/集群/产业链 and quotes (the key names are compared
by); :func:`match_ontology` maps a plan's cluster name to one of our clusters: ``exact`` when the name is the
cluster (医药, 汽车产业), ``partial`` when one contains the other (汽车及零部件, 生物医药与医疗器械), else
``(None, None)`` — a cluster that is not in the ontology; :func:`written_name` is the one name a sentence gives, as
written with its head (the holder of the measure-only figures after it, round 21).

Why: a researcher comparing another plan's clusters with our seven needs to see which are ours.

>>> core_name("“汽车及零部件”产业集群"), core_name("高端装备制造业"), core_name("电驱(防爆)")
('汽车及零部件', '高端装备制造', '电驱防爆')
"""

from __future__ import annotations

import re

from etl.normalize import strip_quotes

__all__ = ["core_name", "match_ontology", "written_name"]


def core_name(name: str) -> str:
    """The name without a trailing 产业/业/集群, quotes and brackets: the key to compare names by."""
    s = re.sub(r"[()()〔〕]", "", strip_quotes(name))  # 电驱(防爆) and 电驱防爆 are one name
    s = re.sub(r"(?:产业集群|产业群|集群|产业链|产业)$", "", s)
    return re.sub(r"制造业$", "制造", s)


def match_ontology(name: str, ontology) -> tuple[str | None, str | None]:
    """``(cluster id, "exact" | "partial")`` for a cluster name, ``(None, None)`` when none of ours."""
    core = core_name(name)
    best = (None, None)
    for c in ontology.clusters.values():
        forms = {c.name, core_name(c.name)}
        if core in forms or name in forms:
            return c.id, "exact"
        if best[0] is None and any(len(f) >= 2 and (f in core or (len(core) >= 2 and core in f)) for f in forms):
            best = (c.id, "partial")
    return best

def written_name(sent: str, mentions: list) -> str | None:
    """The one cluster or chain a sentence names, as written with its head (打造钢铁及深加工产业集群 → 钢铁及深加工产业集群);
    ``None`` when it names none or several.

    >>> from etl.nlp.plan_clusters import find_clusters
    >>> s = "一是以开发区为重点发展区域,打造钢铁及深加工产业集群"
    >>> written_name(s, find_clusters(s))
    '钢铁及深加工产业集群'
    """
    if len(mentions) != 1:
        return None
    cm = mentions[0]
    written = sent[cm.span[0]:cm.span[1]]
    at = written.find(cm.name)
    return written[at:] if at >= 0 else None
