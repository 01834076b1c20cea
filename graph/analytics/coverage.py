"""Data scope (口径) of a verdict: which loaded datasets can say what about a cluster's firms.

A gap verdict is a statement about Taizhou's firms in a segment, and it can claim no more than the
data it rests on. Every load records a :class:`~ontology.models.Dataset` (population, region,
as-of date, source, census or sample). For a cluster:

* **adequate** — a loaded census covers the chain's firm base: a census of 全量登记企业 or
  规上工业企业 in a region that includes Taizhou, or a file declared the census of this cluster
  (``--census NAME --cluster ID``). Only then does "no local firm" mean 缺失, and only then do
  招商 targets follow from a verdict.
* otherwise the verdict names the narrower 口径 it rests on (e.g. 上市公司口径: "no listed firm"),
  and the action is to collect the data that would settle it.

>>> ds = [{"id": "d1", "name": "A股上市公司", "population": "上市公司", "census": True, "region": "台州市"}]
>>> b = cluster_basis(["auto"], ds, {"d1": {"auto": 3}})["auto"]
>>> b.adequate, b.label
(False, '上市公司口径')
>>> ds.append({"id": "s1", "name": "公开报道", "population": "样本/自填", "census": False, "region": "台州市"})
>>> cluster_basis(["auto"], ds, {"d1": {"auto": 3}, "s1": {"auto": 2}})["auto"].label
'上市公司及样本口径'
>>> ds.append({"id": "d2", "name": "规上名录", "population": "规上工业企业", "census": True, "region": "台州市",
...            "as_of": "2025-12-31"})
>>> b = cluster_basis(["auto"], ds, {})["auto"]
>>> b.adequate, b.label, b.as_of, b.scope
(True, '规上口径', '2025-12-31', 'all')

A census declared for one cluster (``--census NAME --cluster ID``, a 集群名录 such as a registry search for the
cluster's products) holds the firms that make the cluster's products and parts, never the firms of other industries
that supply its materials and general-purpose parts, nor the service and trade firms around it (testing, channels,
after-sales, MRO, airports). Its ``scope`` is ``cluster``, and it speaks only for the segments whose whole subtree is
made by the cluster's own firms (:func:`firm_base`, :func:`outside_list`): elsewhere a verdict rests on it as on a
narrow 口径 (未发现, never 缺失), and the action names the list that would settle it (:data:`BASE_HINT`).

>>> ds = [{"id": "c1", "name": "马桶名录", "population": "名录", "census": True, "region": "台州市", "clusters": ["t"]}]
>>> b = cluster_basis(["t"], ds, {"c1": {"t": 9}})["t"]
>>> b.adequate, b.label, b.scope
(True, '集群名录口径', 'cluster')
>>> speaks_for(b, None), speaks_for(b, "services"), speaks_for(cluster_basis(["auto"], ds[:0], {})["auto"], None)
(True, False, False)

That list is not another cluster's 口径, yet its firms placed in the other cluster's segments count there: it is named
beside that cluster's datasets (``other_lists``), and their firms read like a sample's.

>>> b = cluster_basis(["m"], ds, {"c1": {"t": 9, "m": 2}})["m"]
>>> b.label, b.datasets, [(d["name"], d["local_firms"]) for d in b.other_lists]
('样本口径', [], [('马桶名录', 2)])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ontology.firms import BASE_POPULATIONS, SAMPLE_POPULATION, covers_taizhou, population_label
from ontology.models import Segment

__all__ = ["ClusterBasis", "cluster_basis", "census_reach", "not_placed", "several_clusters", "declared_census", "with_samples", "applies_as_census", "about_cluster", "COLLECT_HINT",
           "COLLECT_HINT_EN", "BASE_HINT", "BASE_HINT_EN", "FIRM_BASES", "firm_base", "outside_list", "speaks_for"]

#: what a user imports to settle an ``unknown`` verdict
COLLECT_HINT = ("导入台州市「{cluster}」集群的规上工业企业名录或全量登记企业名录并声明为普查口径"
                "（chainkg load 文件 --census 名称 --population 规上工业企业，或 --cluster {cid}）")
COLLECT_HINT_EN = ("import Taizhou's above-designated-size (规上) or full registry list of firms for this "
                   "cluster as a census (chainkg load FILE --census NAME --population 规上工业企业, or --cluster {cid})")

#: what settles a segment a one-cluster list does not hold (its firms are of other industries, or services)
BASE_HINT = ("导入台州市规上工业企业名录或全量登记企业名录并声明为普查口径（chainkg load 文件 --census 名称 "
             "--population 全量登记企业）：「{cluster}」集群名录只收本集群的制造企业，不含其他行业的材料、通用件与装备企业，"
             "也不含检测、流通、售后、运营等服务企业")
BASE_HINT_EN = ("import Taizhou's above-designated-size (规上) or full registry list of firms as a census (chainkg load FILE "
                "--census NAME --population 全量登记企业): a list of the cluster's firms holds neither other industries' "
                "material, part and equipment makers nor service and trade firms")

#: a segment's firm base (``Segment.firm_base``) in words, zh and en
FIRM_BASES = {"cluster": ("本集群的制造企业", "the cluster's own makers"),
              "other_industries": ("其他行业的材料、通用件与装备企业", "firms of other industries (materials, general parts, equipment)"),
              "services": ("检测、流通、售后、运营等服务企业", "service and trade firms (testing, distribution, after-sales, operations)")}


def firm_base(seg: Segment, by_id: dict[str, Segment]) -> str:
    """Whose firms make a segment: its own ``firm_base``, else its nearest ancestor's, else by stage — 上游 holds
    materials, base parts and general-purpose equipment bought from other industries (ontology/FORMAT.md), the
    other stages the cluster's own making.

    >>> top = Segment(id="a-m", name="材料", cluster="a", stage="上游", weight=1, source="s")
    >>> svc = Segment(id="a-s", name="服务", cluster="a", stage="下游", weight=1, source="s", firm_base="services")
    >>> kid = Segment(id="a-s-t", name="检测", cluster="a", stage="下游", parent="a-s", weight=1, source="s")
    >>> by_id = {x.id: x for x in (top, svc, kid)}
    >>> [firm_base(x, by_id) for x in (top, svc, kid)]
    ['other_industries', 'services', 'services']
    """
    cur: Segment | None = seg
    while cur is not None:
        if cur.firm_base:
            return cur.firm_base
        cur = by_id.get(cur.parent) if cur.parent else None
    return "other_industries" if seg.stage == "上游" else "cluster"


def outside_list(segments: list[Segment]) -> dict[str, str]:
    """The segments a one-cluster list cannot speak for, each with the firm base it lacks: a segment is judged on
    the list only when it and every segment below it are the cluster's own making (a parent reads 缺失 only when
    none of its children has a firm, so one child of another industry leaves the parent to a wider census).

    >>> mk = lambda i, stage, parent=None, **k: Segment(id=i, name=i, cluster="a", stage=stage, parent=parent,
    ...                                                 weight=1, source="s", **k)
    >>> segs = [mk("a-eq", "中游"), mk("a-eq-mould", "中游", "a-eq"), mk("a-eq-kiln", "中游", "a-eq",
    ...         firm_base="other_industries"), mk("a-raw", "上游"), mk("a-part", "中游")]
    >>> outside_list(segs)
    {'a-eq': 'other_industries', 'a-eq-kiln': 'other_industries', 'a-raw': 'other_industries'}
    """
    by_id = {s.id: s for s in segments}
    out: dict[str, str] = {}
    for s in segments:
        base = firm_base(s, by_id)
        cur: Segment | None = s
        while base != "cluster" and cur is not None:  # the segment and its ancestors lose the list
            out.setdefault(cur.id, base)
            cur = by_id.get(cur.parent) if cur.parent else None
    return {s.id: out[s.id] for s in segments if s.id in out}


def speaks_for(b: "ClusterBasis", outside: str | None) -> bool:
    """Whether the cluster's 口径 can call a segment 缺失 or thin: a census of the whole firm base (全量登记, 规上)
    speaks for every segment, a one-cluster list only for those not ``outside`` it (:func:`outside_list`)."""
    return b.adequate and (b.scope != "cluster" or outside is None)


def with_samples(label: str) -> str:
    """The 口径 of a narrow census read together with samples: ``上市公司口径`` → ``上市公司及样本口径``.

    >>> with_samples("上市公司口径")
    '上市公司及样本口径'
    """
    return label.removesuffix("口径") + "及样本口径"


def about_cluster(ds: dict, cluster: str) -> bool:
    """Whether a dataset may be named for this cluster at all (its report, pages, exports, 口径): one
    declared for other clusters only (``--census NAME --cluster ID``) is about them, not this one —
    even when some of its firms sit in this cluster's segments.

    >>> about_cluster({"clusters": ["smart-toilet"]}, "pump-motor"), about_cluster({"clusters": []}, "pump-motor")
    (False, True)
    """
    return not ds.get("clusters") or cluster in ds["clusters"]


def applies_as_census(ds: dict, cluster: str) -> bool:
    """A census that covers this cluster's whole firm base in Taizhou."""
    return bool(ds.get("census")) and covers_taizhou(ds.get("region")) and (
        ds.get("population") in BASE_POPULATIONS or cluster in (ds.get("clusters") or []))


def census_reach(ds: dict, names: dict[str, str] | None = None) -> tuple[str, str]:
    """What a declared census will settle, said when it is loaded (zh, en) — by :func:`applies_as_census`'s rule,
    so a declaration that settles nothing is not recorded as "普查 census" without a word (review 40 C11).

    >>> census_reach({"census": True, "population": "规上工业企业", "region": "台州市"})[0][:13]
    '判定范围：各集群的全部环节'
    >>> census_reach({"census": True, "population": "名录", "clusters": ["t"]}, {"t": "智能马桶"})[0][:23]
    '判定范围：智能马桶集群本身的制造环节可判定缺失'
    >>> census_reach({"census": True, "population": "上市公司", "region": "台州市"})[1][:52]
    'settles no verdict: a complete list of listed firms '
    """
    names = names or {}
    pop, clusters = ds.get("population"), ds.get("clusters") or []
    if not covers_taizhou(ds.get("region")):
        return (f"判定范围：无——地区「{ds.get('region')}」不含台州，不能判定台州的任何环节",
                f"settles no verdict: its region {ds.get('region')} does not include Taizhou")
    if pop in BASE_POPULATIONS:
        return ("判定范围：各集群的全部环节（名录中没有本地企业的环节判为缺失）",
                "settles every cluster's segments (a segment with no local firm in the list reads missing)")
    if clusters:
        zh, en = "、".join(names.get(c, c) for c in clusters), ", ".join(clusters)
        return (f"判定范围：{zh}集群本身的制造环节可判定缺失、单点依赖、薄弱；上游材料与通用件（其他行业）和服务环节不在名录里，"
                "仍为未发现，待全量登记或规上名录；其企业在其他集群中按样本计入",
                f"settles the segments {en} make themselves (missing, single point, weak); upstream materials and "
                "general parts (other industries) and services stay not found until a registry-wide or above-size "
                "list is loaded; its firms count in other clusters as a sample's")
    label = population_label(pop).removesuffix("口径")
    return (f"判定范围：无——它是{label}的完整名录，只能说明这些企业在哪些环节，不能判定任何环节缺失或强弱；"
            "要判定，用 --cluster 声明它收录的集群，或用 --population 全量登记企业/规上工业企业",
            f"settles no verdict: a complete list of {'listed firms' if pop == '上市公司' else pop} shows which "
            "segments such firms hold, never that one is missing or weak; declare --cluster for the clusters it "
            "lists, or --population 全量登记企业/规上工业企业")


@dataclass
class ClusterBasis:
    cluster: str
    adequate: bool
    population: str | None            # the population the verdicts speak for
    label: str                        # 口径 label: 规上口径, 上市公司口径, 样本口径, 无数据
    datasets: list[dict] = field(default_factory=list)
    as_of: str | None = None
    #: what the deciding census covers: ``all`` (全量登记/规上: every segment), ``cluster`` (a list of this cluster's
    #: firms: the segments its own firms make, :func:`speaks_for`), None without a census of the firm base
    scope: str | None = None
    #: lists declared for other clusters only whose firms also sit in this cluster's segments: not this cluster's
    #: 口径 (never named as such), but their firms count, so they are named beside it (``local_firms`` each)
    other_lists: list[dict] = field(default_factory=list)
    #: local operating firms of this cluster's own census (``--census NAME --cluster ID``) placed in none of
    #: its segments: in another cluster's, or in none the classifier could find. 缺失 counts only placed firms.
    census_firms_not_placed: int = 0

    def as_dict(self) -> dict:
        return {"adequate": self.adequate, "population": self.population, "label": self.label,
                "datasets": self.datasets, "as_of": self.as_of,
                "scope": self.scope, "other_lists": self.other_lists,
                "census_firms_not_placed": self.census_firms_not_placed}


def _brief(ds: dict, firms: int) -> dict:
    return {"id": ds["id"], "name": ds.get("name"), "population": ds.get("population"),
            "census": bool(ds.get("census")), "region": ds.get("region"), "as_of": ds.get("as_of"),
            "source": ds.get("source"), "local_firms": firms}


def declared_census(ds: dict, cluster: str) -> bool:
    """A census declared for ``cluster`` (``--cluster``): its local firms are the cluster's, so those in none of
    the cluster's segments are firms its verdicts could not count (:func:`not_placed`)."""
    return bool(ds.get("census")) and cluster in (ds.get("clusters") or [])


def not_placed(ds: dict, placed: int, cluster: str, unplaced: dict[str, int] | None = None) -> int:
    """Local operating firms of a census declared for ``cluster`` that are in none of the segments of the
    clusters it declares (the census's composition, ``firms_local``, minus its firms placed in the cluster);
    0 for any other dataset — a registry of all firms holds every other industry too.

    A census declared for several clusters (``--cluster pharma --cluster auto …``) holds each cluster's
    firms: its 汽车 firms are placed, in 汽车, not "unplaced" in 医药 (review 40 F5). Its count is the store's
    (``unplaced``: census id → its local operating firms in none of its clusters' segments), since a firm
    may sit in two of them and per-cluster counts cannot be added up.

    >>> d = {"census": True, "clusters": ["pump-motor"], "firms_local": 14}
    >>> not_placed(d, 6, "pump-motor"), not_placed(d, 6, "auto"), not_placed({"census": True, "firms_local": 9}, 2, "auto")
    (8, 0, 0)
    >>> many = {"id": "c4", "census": True, "clusters": ["pharma", "auto"], "firms_local": 50}
    >>> not_placed(many, 13, "pharma", {"c4": 9}), not_placed(many, 11, "auto", {"c4": 9})
    (9, 9)
    """
    if not declared_census(ds, cluster) or ds.get("firms_local") is None:
        return 0
    if len(ds["clusters"]) > 1 and unplaced is not None and ds.get("id") in unplaced:
        return unplaced[ds["id"]]
    return max(0, int(ds["firms_local"]) - placed)


def several_clusters(ds: dict) -> bool:
    """A census declared for more than one cluster: its unplaced firms are counted by the store
    (:func:`not_placed`)."""
    return bool(ds.get("census")) and len(ds.get("clusters") or []) > 1


def cluster_basis(clusters: list[str], datasets: list[dict], dataset_clusters: dict[str, dict[str, int]],
                  unplaced: dict[str, int] | None = None) -> dict[str, ClusterBasis]:
    """Per cluster: the datasets that speak for it and the 口径 its verdicts rest on (``unplaced``: per census
    declared for several clusters, its local operating firms in none of them, :func:`not_placed`)."""
    out: dict[str, ClusterBasis] = {}
    for cid in clusters:
        mine = [d for d in datasets if about_cluster(d, cid)]
        base = [d for d in mine if applies_as_census(d, cid)]
        narrow = [d for d in mine if d.get("census") and covers_taizhou(d.get("region")) and d not in base
                  and not d.get("clusters")]  # a census of a narrower population (e.g. listed firms)
        samples = [d for d in mine if d not in base and d not in narrow
                   and dataset_clusters.get(d["id"], {}).get(cid)]
        # another cluster's list with firms in this cluster's segments: they count, as sample firms would
        others = [d for d in datasets if not about_cluster(d, cid) and dataset_clusters.get(d["id"], {}).get(cid)]
        rank = {"全量登记企业": 0, "规上工业企业": 1}
        if base:
            best = sorted(base, key=lambda d: (rank.get(d.get("population"), 2), d["id"]))[0]
            population = best.get("population")
            label = population_label(population) if population in BASE_POPULATIONS else "集群名录口径"
            scope = "all" if population in BASE_POPULATIONS else "cluster"
        elif narrow:
            population = sorted(narrow, key=lambda d: d["id"])[0].get("population")
            # firms of a sample (a public report, a self-filled list) are counted beside the narrow census's,
            # so the verdicts rest on both: 已有 may rest on a sample firm alone, 未发现 on neither holding one
            label = population_label(population) if not (samples or others) else with_samples(population_label(population))
        elif samples or others:
            population, label = SAMPLE_POPULATION, population_label(SAMPLE_POPULATION)
        else:
            population, label = None, "无数据"
        used = base + narrow + samples
        # the as-of date of the 口径 the verdicts rest on (a sample's newer date does not date a census)
        deciding = base or narrow or samples
        dates = sorted(d["as_of"] for d in deciding if d.get("as_of"))
        placed = {d["id"]: dataset_clusters.get(d["id"], {}).get(cid, 0) for d in used}
        out[cid] = ClusterBasis(cid, bool(base), population, label, [_brief(d, placed[d["id"]]) for d in used],
                                dates[-1] if dates else None, scope if base else None,
                                [_brief(d, dataset_clusters[d["id"]][cid]) for d in others],
                                sum(not_placed(d, placed[d["id"]], cid, unplaced) for d in base))
    return out
