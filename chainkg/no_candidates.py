"""Why the 招商 workbench (and the targets list) has no candidates — said once, for the UI and the API.

Candidates follow only from 缺失/单点依赖/薄弱 verdicts on a census of the cluster's firm base
(docs/analytics.md). Before, the page said so in a fixed sentence and the API answered an empty list
with no reason at all. An officer who has just loaded a registry export with outside firms read
"import a register" and did not learn that those firms are the candidates waiting, nor what a census
must hold (review 40 C3, F10). :func:`why_no_candidates` says what is loaded (outside operating firms,
the 口径 of the cluster), what is missing (a census declared for it, or, on a census, a gap with
candidates) and what a census needs; the workbench page shows ``zh``/``en`` and the API puts the
whole answer as ``reason`` on an empty ``/workbench`` or ``/targets`` page.

>>> from graph.store.sqlite_store import SQLiteStore
>>> from ontology.loader import load_ontology
>>> onto = load_ontology()
>>> r = why_no_candidates(SQLiteStore(":memory:"), onto, {"coverage": {"pharma": {"adequate": False,
...                       "label": "上市公司及样本口径", "datasets": []}}}, "pharma")
>>> r["census"], r["outside_firms"], "普查需要一份台州本地企业的完整名录" in r["zh"]
(False, 0, True)
"""

from __future__ import annotations

from graph.store.port import GraphStore
from ontology.loader import Ontology

__all__ = ["why_no_candidates"]

_RULE = ("当前没有招商候选：招商候选只来自完整名录（普查）口径下判定为缺失、单点依赖或薄弱的环节。",
         "No candidates: candidates come only from missing, single-point or weak verdicts on a census of the firm "
         "base.")
_NEEDS = ("普查需要一份台州本地企业的完整名录，写明截至日期：{scope}的全部在营企业（例如企查查按国标行业、按台州各区县导出的"
          "全部企业），或台州规上工业企业名录。在“数据导入”页导入并声明为普查；名录只含某几个集群的企业时，选定这些集群。",
          "A census is a complete list of Taizhou's local firms with its as-of date: every operating firm of {scope} "
          "(a registry export of all firms by industry class across Taizhou's counties, for example) or Taizhou's "
          "list of industrial firms above the size threshold (规上). Import it on the Import page and declare it a "
          "census; if it holds only some clusters' firms, choose those clusters.")


def _outside(store: GraphStore, cluster: str | None) -> tuple[int, int]:
    """Operating outside firms loaded: all, and those placed in ``cluster``'s segments (the candidates' pool)."""
    everywhere = store.find_enterprises(local=False, limit=1)[0]
    return everywhere, store.find_enterprises(local=False, cluster=cluster, limit=1)[0] if cluster else everywhere


def why_no_candidates(store: GraphStore, onto: Ontology, analysis: dict, cluster: str | None) -> dict:
    """Why ``analysis`` (one cluster's, or all) yields no 招商 candidates: ``zh``, ``en`` and the figures
    behind them — ``census`` (a census is declared for the cluster, or for any cluster when ``cluster`` is
    None), ``basis`` (the 口径 label), ``outside_firms`` (operating outside firms loaded) and
    ``outside_in_cluster`` (of them, placed in the cluster's segments)."""
    coverage = analysis.get("coverage") or {}
    ids = [cluster] if cluster else [c for c in coverage]
    census = [c for c in ids if (coverage.get(c) or {}).get("adequate")]
    labels = sorted({(coverage.get(c) or {}).get("label") or "无数据" for c in ids})
    everywhere, here = _outside(store, cluster)
    name = onto.clusters[cluster].name if cluster else "各集群"
    name_en = (onto.clusters[cluster].name_en or cluster) if cluster else "any cluster"
    if cluster:
        loaded = (f"已载入外地在营企业 {everywhere} 家，其中 {here} 家归入{name}的环节，它们是候选的来源。",
                  f"{everywhere} operating outside firms are loaded, {here} of them placed in the segments of {name_en}: "
                  "they are where candidates come from.")
    else:
        loaded = (f"已载入外地在营企业 {everywhere} 家，它们是候选的来源。",
                  f"{everywhere} operating outside firms are loaded: they are where candidates come from.")
    if census:
        state = (f"{'、'.join(onto.clusters[c].name for c in census)}已按普查口径判定，但没有判定为缺失、单点依赖或薄弱"
                 "且有外地企业能补的环节。",
                 f"{', '.join(onto.clusters[c].name_en or c for c in census)}: judged on a census, but no missing, "
                 "single-point or weak segment that a loaded outside firm makes.")
        zh, en = (_RULE[0] + state[0] + loaded[0], _RULE[1] + " " + state[1] + " " + loaded[1])
    else:
        state = (f"{name}还没有声明为普查的本地企业名录（现为{'、'.join(labels)}），只能说明环节“有”企业，"
                 "不能判定缺失或薄弱，所以外地企业还不能排成候选。",
                 f"No list of local firms is declared a census of {name_en} yet: the loaded data can show that a "
                 "segment has firms, not that it is missing or weak, so the outside firms cannot be ranked yet.")
        scope = f"{name}" if cluster else "各集群"
        zh = _RULE[0] + state[0] + loaded[0] + _NEEDS[0].format(scope=scope)
        en = " ".join((_RULE[1], state[1], loaded[1], _NEEDS[1].format(scope=name_en if cluster else "the clusters")))
    return {"zh": zh, "en": en, "census": bool(census), "basis": labels, "outside_firms": everywhere,
            "outside_in_cluster": here}
