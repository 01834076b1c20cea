"""The report's analysis sections (三 to 七): 口径 and datasets, verdicts with evidence, 招商 targets
or the data to collect, chokepoint technologies, priority projects. Tables and sentences only —
:mod:`chainkg.report` assembles them, the writers draw them."""

from __future__ import annotations

import re

from chainkg.report_model import Section, Table
from chainkg.report_chart import KIND_MEANING
from etl.dataset import PLACE_WORDS, composition_parts
from chainkg.report_text import (action_sentence, coverage_text, names, plain_reason, rule_text, score100,
                                 status_text, strength_text, verdict_text, zh)
from graph.analytics.strength import GAP_LABELS

__all__ = ["analysis_sections", "TARGETS_PER_SEGMENT"]

TARGETS_PER_SEGMENT = 5


def composition(d: dict) -> str:
    """What a dataset's firms are, as the overview says it: a census of 台州市 holding 泰州 and cancelled
    firms is not that many Taizhou firms. "—" for a dataset loaded before the counts were kept.

    >>> composition({"firms_local": 12, "firms_outside": 4, "firms_inactive": 3, "firms_unknown": 0})
    '台州本地在营 12 + 外地 4 + 已注销/吊销/迁出等 3'
    """
    return " + ".join(f"{PLACE_WORDS[key][0]} {n}" for key, n in composition_parts(d) or ()) or "—"


#: what a list of the cluster's own firms settles (``basis.scope == "cluster"``, graph.analytics.coverage)
LIST_SCOPE = ("它是本集群企业的名录：本集群企业制造的环节可以判定缺失与薄弱；上游的材料、通用件与装备（其他行业的企业）"
              "和服务环节不在名录里，判为“未发现”，需全量登记企业或规上工业企业名录才能判定。")


def _datasets(datasets: list[dict], basis: dict) -> Section:
    local = {d.get("id"): d.get("local_firms") for d in basis.get("datasets", [])}
    rows = [[d["name"], d.get("population") or "—", d.get("region") or "—",
             "完整名录" if d.get("census") else "样本", d.get("as_of") or "—",
             local.get(d["id"], "—") if d["id"] in local else "—", d.get("firms", "—"), composition(d),
             d.get("source") or "未注明（导入时未填写）"]
            for d in datasets]
    text = [
        "口径是指数据覆盖哪些企业。“完整名录”指该范围内的企业全部在册（普查），“样本”只是其中一部分。只有覆盖本集群在台州全部企业的数据（全量登记企业或规上工业企业名录，"
        "或声明为本集群完整名录的文件）才能说某个环节“缺失”；上市公司名单或零散样本只能说“未发现”。"
        "本集群的企业名录只收本集群的制造企业：上游的材料、通用件与装备由其他行业的企业生产，检测、流通、售后等是服务企业，"
        "这些环节只有全量登记企业或规上工业企业名录才能判定。",
        f"本集群采用的口径：「{basis.get('label') or '无数据'}」，数据截至 {basis.get('as_of') or '—'}；"
        + (LIST_SCOPE if basis.get("adequate") and basis.get("scope") == "cluster" else
           "数据充分，可以判定缺失与薄弱。" if basis.get("adequate") else "数据不充分，缺失与薄弱无法判定。"),
    ]
    others = basis.get("other_lists") or []
    if others:  # their firms count here (as a sample's would), so the figures add up only when they are named
        text.append("另有" + "、".join(f"「{d['name']}」{d.get('local_firms', 0)} 家" for d in others)
                    + "本地在营企业归入本集群的环节：这些是其他集群的名录，不是本集群的口径，其中的企业像样本一样计入，"
                      "不能据此判定本集群缺少什么。")
    table = Table("数据口径", ["数据集", "覆盖范围", "地区", "类型", "数据截至", "本集群本地企业", "企业总数", "构成", "来源"],
                  rows, [16, 8, 7, 8, 11, 8, 7, 16, 19],
                  caption="企业总数是文件中的企业数；只有台州本地在营企业计入各环节，外地与已注销、吊销、迁出的企业不计入。"
                          "本集群本地企业是其中归入本集群环节的本地在营企业。")
    return Section("三、数据口径与日期", paragraphs=text, tables=[table])


def _gaps(gaps: list[dict]) -> Section:
    rows = [[g["segment"], g["stage"], verdict_text(g), strength_text(g), g["evidence"]["local_firms"],
             rule_text(g), coverage_text(g)] for g in gaps]
    table = Table("环节判定", ["环节", "阶段", "判定（口径）", "强度", "本地企业", "判定依据", "数据覆盖"], rows,
                  [15, 6, 18, 6, 7, 28, 20], kinds=[g["kind"] for g in gaps], kind_col=2)
    legend = "；".join(f"{GAP_LABELS[k]}：{v}" for k, v in KIND_MEANING.items()) + "。"
    cov = (gaps[0].get("coverage") or {}) if gaps else {}
    rest = (f"各环节的判定都依据{'、'.join(cov['datasets'])}（数据截至 {cov.get('as_of') or '—'}）。"
            if cov.get("datasets") else "") + (
        f"{'、'.join(cov['other_lists'])}是其他集群的名录，其中也有企业归入本集群的环节，计入各环节的企业数，但不作本集群的口径。"
        if cov.get("other_lists") else "")
    return Section("四、环节判定与证据", paragraphs=[
        "每个环节的结论都附有它依据的规则和数据。强度为 0–100 的整数，综合本地企业数量、产值占比、龙头企业、"
        "企业分散程度和关键技术掌握情况；“—”表示数据无法评估强弱。表中先列需要补链、强链的环节。" + rest,
        "结论的含义：" + legend], tables=[table])


def _ext_reason(ext: dict) -> str:
    m = re.match(r"相邻 (\d+)/(\d+) 个环节本地较强", zh(ext.get("reason")))
    if m:
        return f"与它直接相连的 {m.group(2)} 个环节中，有 {m.group(1)} 个台州本地较强。"
    return zh(ext.get("reason"))


def _why(cand: dict, seg_names: dict[str, str], method: str) -> tuple[str, str]:
    """A candidate's reasons as sentences (its profile's when the analysis gives one), and the
    scoring-method sentence, said once in the section text rather than in every row."""
    why = list((cand.get("profile") or {}).get("why") or [])
    if not why:
        return "；".join(plain_reason(r, seg_names) for r in cand.get("reasons", [])) + "。", method
    keep = []
    for w in why:
        if w.startswith("综合得分"):
            method = method or w
        else:
            keep.append(w)
    return "".join(keep), method


def _targets(result: dict, seg_names: dict[str, str], cluster_name: str, adequate: bool) -> Section:
    sec = Section("五、招商目标")
    if result.get("targets"):
        rows, kinds, method = [], [], ""
        for grp in result["targets"]:
            for i, c in enumerate(grp["candidates"][:TARGETS_PER_SEGMENT], start=1):
                why, method = _why(c, seg_names, method)
                rows.append([grp["segment"], GAP_LABELS.get(grp["kind"], grp["kind"]), c.get("rank", i), c["name"],
                             c.get("city") or "—", score100(c.get("score"), fraction=False), why,
                             "；".join(c.get("sources") or []) or "—"])
                kinds.append(grp["kind"])
        sec.paragraphs.append(
            f"对缺失、单点依赖和薄弱的环节，列出最值得引进的外地企业，每个环节前 {TARGETS_PER_SEGMENT} 家。"
            "推荐得分为 0–100 的整数，越高越值得引进；推荐理由说明它能补上什么、与台州已有产业的关联和企业规模。"
            + (method if method else ""))
        sec.tables.append(Table("招商目标", ["环节", "判定", "名次", "企业", "所在城市", "推荐得分", "推荐理由", "来源"],
                                rows, [11, 8, 5, 14, 7, 6, 49, 15], kinds=kinds, kind_col=1, doc_skip=(7,)))
    elif adequate:
        sec.paragraphs.append("数据充分，但没有需要招商补链的环节，或这些环节在已载入数据中没有外地候选企业。")
    else:
        sec.paragraphs.append("当前数据不足以提出招商目标：判定缺失和薄弱需要覆盖全部企业的名录，否则推荐的企业可能"
                              "填补的是一个其实并不缺的环节。请先补充下表所列数据。")
    if result.get("extensions"):
        rows = [[e["segment"], "、".join(n["segment"] for n in e["strong_neighbours"]), _ext_reason(e)]
                for e in result["extensions"]]
        sec.tables.append(Table("延链建议", ["可延伸的环节", "相邻的本地较强环节", "理由"], rows, [25, 40, 35],
                                caption="下列缺失环节与台州较强的环节直接相连，向这些方向延伸产业链条件较好。"))
    if result.get("data_actions"):
        rows = [[action_sentence(a, cluster_name), a.get("basis") or "—",
                 names([s["segment_id"] for s in a.get("segments", [])], seg_names, limit=12)
                 if a.get("segments") else "全集群（各环节）"]
                for a in sorted(result["data_actions"], key=lambda a: not a.get("kind", "").startswith("collect_"))]
        sec.tables.append(Table("待补数据", ["需要补充或核实的数据", "当前口径", "涉及环节"], rows, [50, 14, 36],
                                caption="补充或核实下列数据后，相关环节的判定才能确定。"))
    return sec


def _chokepoints(result: dict, seg_names: dict[str, str], firm_name) -> Section:
    rows = []
    for ck in result.get("chokepoints", []):
        p = ck.get("parts") or {}
        affected = names(ck.get("segments", []), seg_names)
        down = len(ck.get("downstream_segments", []))
        ev = ck.get("evidence") or {}
        recorded = bool(ck.get("local_holders"))
        rows.append([ck["technology"], status_text(ck), "是" if ck.get("chokepoint") else "否", score100(ck["score"], fraction=False),
                     f"严重度 {score100(p.get('severity'))}，影响面 {score100(p.get('reach'))}"
                     + ("（只按价值占比：本地产值未报送）" if "output_share" in ev and ev["output_share"] is None else "")
                     + f"，能力缺口 {score100(p.get('capability_gap'))}" + ("" if recorded else "（未记录持有企业，按无计）"),
                     affected + (f"；并影响其下游 {down} 个环节" if down else ""),
                     "、".join(firm_name(h) for h in ck.get("local_holders", [])) or "数据中未记录"])
    text = ["得分 = 100 × 严重度 × 影响面 × 能力缺口，为 0–100 的整数，越高越紧迫。严重度看国内状况（国内空白最高），"
            "影响面看需要这项技术的环节及其下游占产业链价值的比重和本地产值的比重（本地企业报送产值不足时只按价值比重），"
            "能力缺口看数据中记录的本地掌握这项技术的企业有几家。技术持有情况只收集了少数企业：“数据中未记录”不等于本地"
            "没有企业掌握，能力缺口按无计。"]
    if not rows:
        text.append("本集群没有列出尚未自主可控的关键技术。")
    return Section("六、卡脖子技术", paragraphs=text, tables=[Table(
        "卡脖子技术", ["技术", "国内状况", "列入卡脖子清单", "得分", "得分构成", "需要它的环节", "本地掌握企业"], rows,
        [15, 12, 8, 6, 17, 26, 16])] if rows else [])


def _projects(result: dict, seg_names: dict[str, str]) -> Section:
    rows = []
    for p in result.get("projects", []):
        cands = [c["name"] + ("（已掌握）" if c.get("holds") else "") for c in p.get("candidates", [])[:5]]
        rows.append([p["rank"], p["project"], score100(p["score"], fraction=False), names(p.get("segments", []), seg_names),
                     "、".join(cands) or "数据中没有在这些环节经营的本地企业，可面向外地公开揭榜"])
    text = ["重点技术攻关项目按卡脖子得分排序。揭榜挂帅候选：先列已掌握该技术的本地企业，再列在需要该技术的环节中"
            "经营的本地企业（需求方，可牵头发榜或联合攻关，不表示已具备研发能力）。同一类中按数据中已知的情况从大到小排列："
            "龙头标签、产值（营收）、是否上市、员工人数、注册资本（人民币）；数据里没有的一项排在有数据的之后。"]
    if not rows:
        text.append("本集群没有需要攻关的技术项目。")
    return Section("七、重点技术攻关项目", paragraphs=text, tables=[Table(
        "重点攻关项目", ["名次", "项目", "得分", "涉及环节", "揭榜挂帅候选企业"], rows, [6, 24, 6, 30, 34])] if rows else [])


def analysis_sections(result: dict, onto, cluster_id: str, datasets: list[dict], basis: dict,
                      firm_name=lambda firm_id: firm_id) -> list[Section]:
    """Sections 三–七; ``firm_name`` turns a firm id into its name."""
    seg_names = {s.id: s.name for s in onto.segments.values()}
    cluster_name = onto.clusters[cluster_id].name
    return [_datasets(datasets, basis), _gaps(result["gaps"]),
            _targets(result, seg_names, cluster_name, bool(basis.get("adequate"))),
            _chokepoints(result, seg_names, firm_name), _projects(result, seg_names)]
