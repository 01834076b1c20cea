"""Checks of a census declared for one cluster (``--census NAME --cluster ID``) against the rest of the store.

What: :func:`census_check` (its local firms in none of the cluster's segments: a count over the verdicts they could
change) and :func:`census_actions` (those firms by name, from the store, and a completeness check: the cluster's local
operating firms that other loaded data places in its segments but the census does not hold).

Why: a census is what lets a verdict say 缺失; a census that leaves out firms the other data knows (a registry search
missing five 智能马桶 makers the news sample names — review 39) claims more than it holds. Their firms are counted in
the segments anyway (every loaded dataset adds its local firms), so no verdict is wrong because of them; what the
officer needs is to know the list is not whole before acting on its 缺失 and 单点依赖. Each check names its firms.
"""

from __future__ import annotations

from graph.analytics.coverage import declared_census
from graph.store.port import GraphStore
from ontology.loader import Ontology

__all__ = ["census_check", "census_actions", "unplaced_words", "CHECK_CENSUS", "CENSUS_FIRMS_NAMED", "CENSUS_INCOMPLETE"]


#: firms of the cluster's own census in none of its segments (of a census declared for several clusters: in none of
#: theirs), while it has verdicts that count placed firms (zh, en); {where} and {split}: :func:`unplaced_words`
CHECK_CENSUS = ("名录中 {n} 家本地在营企业未归入{where}任何环节：核实其产品后，缺失与单点依赖的判定可能改变",
                "check {n} census firm(s) in no segment of {where_en}: missing and single-point verdicts may change")


def unplaced_words(clusters: list[str], other: int | None = None, none: int | None = None) -> dict[str, str]:
    """What is known of a census's unplaced firms, in words: which clusters they are in none of (the census's
    declared ones), and — once the store has counted them — how many sit in a cluster the census does not
    declare and how many in no segment at all (review 40 F5: "可能属于其他集群" was said of firms known to be in one).

    >>> unplaced_words(["医药"])["where"], unplaced_words(["医药", "汽车"])["where"], unplaced_words(["医药", "汽车"])["named"]
    ('本集群', '名录所列各集群的', '名录所列各集群（医药、汽车）的')
    >>> w = unplaced_words(["医药", "汽车"], 2, 3); w["split"], w["split_en"]
    ('（其中 2 家归入了名录未列的其他集群，3 家未归入任何环节、产品未能识别）', ' (2 in clusters the census does not declare, 3 in no segment at all)')
    >>> unplaced_words(["医药"], 0, 4)["split"]
    '（都未归入任何环节：产品未能识别）'
    """
    one = len(clusters) <= 1
    out = {"where": "本集群" if one else "名录所列各集群的", "named": "本集群" if one else f"名录所列各集群（{'、'.join(clusters)}）的",
           "where_en": "this cluster" if one else "the census's clusters",
           "named_en": "this cluster" if one else f"the census's clusters ({', '.join(clusters)})", "split": "", "split_en": ""}
    if other is None or none is None or not (other or none):
        return out
    if not other:
        out["split"], out["split_en"] = "（都未归入任何环节：产品未能识别）", " (none is in any segment)"
    elif not none:
        out["split"], out["split_en"] = "（都归入了名录未列的其他集群）", " (all in clusters the census does not declare)"
    else:
        out["split"] = f"（其中 {other} 家归入了名录未列的其他集群，{none} 家未归入任何环节、产品未能识别）"
        out["split_en"] = f" ({other} in clusters the census does not declare, {none} in no segment at all)"
    return out


def census_check(gaps: list[dict], onto: Ontology) -> list[dict]:
    """Per cluster whose census holds local firms placed in none of its segments: one action naming how
    many, over its 缺失 and 单点依赖 segments (a census of 14 firms with 8 unplaced cannot say 机械密封 has none
    while one of the 8 makes seals)."""
    out = []
    for cid in dict.fromkeys(g["cluster"] for g in gaps):
        mine = [g for g in gaps if g["cluster"] == cid]
        n = (mine[0]["basis"] or {}).get("census_firms_not_placed") or 0
        hit = [g for g in mine if g["kind"] in ("missing", "single_point")]
        if n and hit:
            words = unplaced_words([onto.clusters[cid].name])  # the census's own clusters: census_actions
            out.append({"cluster": cid, "cluster_name": onto.clusters[cid].name, "kind": "check_census_firms",
                        "basis": mine[0]["basis"].get("label"), "firms": n,
                        "text": CHECK_CENSUS[0].format(n=n, **words), "text_en": CHECK_CENSUS[1].format(n=n, **words),
                        "segments": [{"segment_id": g["segment_id"], "segment": g["segment"]} for g in hit]})
    return out


#: how many of a census's unplaced firms a data action names (the count is always whole)
CENSUS_FIRMS_NAMED = 50


def _name_census_firms(store: GraphStore, onto: Ontology, actions: list[dict], datasets: list[dict]) -> list[dict]:
    """The census check names its firms: the local operating firms of the cluster's declared census in none of
    the segments of the clusters that census declares (what ``census_firms_not_placed`` counts), by id and name,
    up to :data:`CENSUS_FIRMS_NAMED` — before, the action gave a count and sent the officer to a filter that
    showed 0; and says how many of them sit in a cluster the census does not declare (``other_clusters``) and
    how many in no segment at all (``no_segment``)."""
    for a in actions:
        if a["kind"] != "check_census_firms":
            continue
        a["datasets"], a["unplaced_firms"], none, declared = [], [], 0, []  # declared: in the census's order
        for ds in datasets:
            if not declared_census(ds, a["cluster"]):
                continue
            declared += [c for c in ds["clusters"] if c not in declared]
            none += store.find_enterprises(dataset=ds["id"], unplaced=True, local=True, limit=0)[0]
            a["datasets"].append({"id": ds["id"], "name": ds.get("name")})
            if len(a["unplaced_firms"]) >= CENSUS_FIRMS_NAMED:
                continue
            _, firms = store.find_enterprises(dataset=ds["id"], cluster=ds["clusters"], unplaced=True, local=True,
                                              limit=CENSUS_FIRMS_NAMED - len(a["unplaced_firms"]))
            a["unplaced_firms"] += [{"enterprise_id": f["id"], "name": f.get("name"), "county": f.get("county"),
                                "dataset": ds["id"]} for f in firms]
        a["no_segment"] = min(none, a["firms"])
        a["other_clusters"] = a["firms"] - a["no_segment"]
        words = unplaced_words([onto.clusters[c].name if c in onto.clusters else c for c in declared or [a["cluster"]]],
                               a["other_clusters"], a["no_segment"])
        a["words"] = words  # the clusters by name and the split: the pages', the report's and the CLI's sentences
        # the action's own text stays one short line (a table cell)
        a["text"], a["text_en"] = CHECK_CENSUS[0].format(n=a["firms"], **words), CHECK_CENSUS[1].format(n=a["firms"], **words)
    return actions


#: the cluster's local operating firms other data places in its segments, missing from its declared census (zh, en)
CENSUS_INCOMPLETE = ("名录可能不全：已载入的其他数据中另有 {n} 家本集群台州本地在营企业不在名录「{census}」里；"
                     "它们已计入各环节，但依名录判定的缺失与单点依赖，请先核对名录是否齐全",
                     "the census may be incomplete: {n} local operating firm(s) of this cluster known from other loaded "
                     "data are not in it; they are counted in the segments, but check the list before acting on its "
                     "missing and single-point verdicts")
_ALL = 100_000


def _census_completeness(store: GraphStore, onto: Ontology, basis: dict, datasets: list[dict]) -> list[dict]:
    """Per analysed cluster with a declared census: one ``check_census_complete`` action naming the local
    operating firms placed in the cluster's segments that no declared census of it holds (up to
    :data:`CENSUS_FIRMS_NAMED` names; the count is whole); none when every such firm is in it."""
    out: list[dict] = []
    for cid, b in basis.items():
        mine = [ds for ds in datasets if declared_census(ds, cid)] if b.adequate and cid in onto.clusters else []
        if not mine:
            continue
        # one census holding as many local firms of the cluster as the whole store: it holds them all (no rows read)
        if len(mine) == 1 and store.find_enterprises(cluster=cid, local=True, limit=0)[0] == \
                store.find_enterprises(dataset=mine[0]["id"], cluster=cid, local=True, limit=0)[0]:
            continue
        _, placed = store.find_enterprises(cluster=cid, local=True, limit=_ALL)
        held: set[str] = set()
        for ds in mine:
            held.update(f["id"] for f in store.find_enterprises(dataset=ds["id"], cluster=cid, local=True,
                                                                limit=_ALL)[1])
        missing = [f for f in placed if f["id"] not in held and f.get("active", True) is not False]
        if not missing:
            continue
        census = "、".join(ds.get("name") or ds["id"] for ds in mine)
        out.append({"cluster": cid, "cluster_name": onto.clusters[cid].name, "kind": "check_census_complete",
                    "basis": b.label, "firms": len(missing), "segments": [],
                    "datasets": [{"id": ds["id"], "name": ds.get("name")} for ds in mine],
                    "text": CENSUS_INCOMPLETE[0].format(n=len(missing), census=census),
                    "text_en": CENSUS_INCOMPLETE[1].format(n=len(missing)),
                    "missing_firms": [{"enterprise_id": f["id"], "name": f.get("name"), "county": f.get("county")}
                                      for f in missing[:CENSUS_FIRMS_NAMED]]})
    return out


def census_actions(store: GraphStore, onto: Ontology, basis: dict, actions: list[dict]) -> list[dict]:
    """``actions`` (:func:`census_check`'s among them) with the census checks' firms named, plus the completeness
    checks, in (cluster, kind) order; the store's datasets are read once, and only when a check needs them."""
    if not any(a["kind"] == "check_census_firms" for a in actions) and not any(b.adequate for b in basis.values()):
        return actions
    datasets = store.find_nodes("Dataset", limit=10_000)
    return sorted([*_name_census_firms(store, onto, actions, datasets), *_census_completeness(store, onto, basis, datasets)],
                  key=lambda a: (a["cluster"], a["kind"]))
