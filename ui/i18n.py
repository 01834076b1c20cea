"""Every UI string, Chinese first, in one table: ``STRINGS[key] = (中文, English)``.

The sidebar toggle sets ``st.session_state["lang_en"]``; :func:`t` picks the column. Data values
(segment and cluster names) come from the ontology, which carries ``name_en`` — see :func:`name`.

>>> STRINGS["nav.overview"][0]
'总览'
>>> sorted({len(v) for v in STRINGS.values()})
[2]
"""

from __future__ import annotations

import streamlit as st

__all__ = ["STRINGS", "t", "lang", "name", "kind_label", "stage_label", "bi", "KINDS", "KIND_COLOURS"]

STRINGS: dict[str, tuple[str, str]] = {
    # app shell
    "app.title": ("台州产业链知识图谱", "Taizhou Industrial-Chain Knowledge Graph"),
    "app.subtitle": ("七大千亿产业集群 · 补链 强链 延链 · 卡脖子技术 · 招商目标",
                     "Seven 100-billion clusters · gaps · chokepoints · investment targets"),
    "app.lang": ("English", "English"),
    "app.store": ("数据存储", "Store"),
    "app.store_empty": ("存储中还没有企业数据：请在“数据导入”页导入，或运行 `chainkg load` 装入内置数据。",
                        "The store holds no enterprises yet: import on the Import page, or run `chainkg load`."),
    "app.checksum": ("内容校验和", "Content checksum"),
    "nav.overview": ("总览", "Overview"),
    "nav.panorama": ("产业链全景", "Chain panorama"),
    "nav.gaps": ("补链/强链/延链", "Gaps & targets"),
    "nav.chokepoints": ("卡脖子技术", "Chokepoints"),
    "nav.enterprises": ("企业", "Enterprises"),
    "nav.whatif": ("情景模拟", "What-if"),
    "nav.import": ("数据导入", "Import"),
    "nav.query": ("图查询", "Graph query"),
    "nav.group.analysis": ("分析", "Analysis"),
    "nav.group.data": ("数据", "Data"),
    # common
    "common.cluster": ("产业集群", "Cluster"),
    "common.all": ("全部", "All"),
    "common.segment": ("环节", "Segment"),
    "common.stage": ("阶段", "Stage"),
    "common.kind": ("类型", "Kind"),
    "common.strength": ("强度", "Strength"),
    "common.score": ("优先级得分", "Priority score"),
    "common.evidence": ("证据", "Evidence"),
    "common.source": ("来源", "Source"),
    "common.sources": ("来源", "Sources"),
    "common.enterprise": ("企业", "Enterprise"),
    "common.enterprises": ("企业数", "Enterprises"),
    "common.county": ("区县", "County"),
    "common.city": ("城市", "City"),
    "common.tags": ("标签", "Tags"),
    "common.products": ("主营产品", "Main products"),
    "common.local": ("本地", "Local"),
    "common.yes": ("是", "yes"),
    "common.no": ("否", "no"),
    "common.none": ("无", "none"),
    "common.reasons": ("理由", "Reasons"),
    "common.technology": ("技术", "Technology"),
    "common.status": ("国内状态", "Domestic status"),
    "common.rule": ("判定规则", "Rule"),
    "common.download_xlsx": ("导出 Excel", "Export to Excel"),
    "common.no_rows": ("没有符合条件的记录。", "No matching rows."),
    "common.rank": ("排名", "Rank"),
    "common.id": ("编号", "ID"),
    # kinds & stages
    "kind.missing": ("缺失", "missing"),
    "kind.single_point": ("单点依赖", "single point"),
    "kind.weak": ("薄弱", "weak"),
    "kind.strong": ("较强", "strong"),
    "stage.上游": ("上游", "Upstream"),
    "stage.中游": ("中游", "Midstream"),
    "stage.下游": ("下游", "Downstream"),
    # overview
    "ov.header": ("七大千亿产业集群总览", "The seven clusters at a glance"),
    "ov.local_enterprises": ("本地企业", "Local firms"),
    "ov.output": ("本地产值(万元)", "Local output (10k CNY)"),
    "ov.output_na": ("无产值数据", "no output data"),
    "ov.leading": ("龙头企业", "Leading firms"),
    "ov.segments": ("环节数", "Segments"),
    "ov.gaps": ("缺失/单点/薄弱环节", "Missing / single-point / weak"),
    "ov.gaps_chart": ("各集群环节强弱分布", "Segment kinds per cluster"),
    "ov.county_chart": ("本地企业区县分布（按集群）", "Local firms by county and cluster"),
    "ov.county_note": ("一家企业在同一区县同一集群只计一次；区县来自企业注册地址（LOCATED_IN 关系）。",
                       "A firm counts once per county and cluster; counties come from registered addresses (LOCATED_IN)."),
    "ov.targets": ("行动计划 2025 年目标进展", "Progress against the action plan's 2025 targets"),
    "ov.targets_note": ("下表为《台州市制造业高质量发展行动计划(2020—2025年)》（台政办发〔2019〕58号）的目标值及原文条款。"
                        "现有数据中没有这些指标的当前值，因此不显示完成度，请以统计部门数据为准。",
                        "Target values of the 2020–2025 action plan (台政办发〔2019〕58号) with their clauses. "
                        "Current values are not in our data, so no progress is shown; use official statistics."),
    "ov.target_name": ("指标", "Indicator"),
    "ov.target_value": ("目标值", "Target"),
    "ov.target_unit": ("单位", "Unit"),
    "ov.target_year": ("年份", "Year"),
    "ov.target_clause": ("条款原文", "Clause"),
    "ov.target_current": ("当前值", "Current value"),
    "ov.current_na": ("数据中无", "not in our data"),
    "ov.evidence": ("数据依据", "Where the figures come from"),
    "ov.evidence_text": ("本地企业 = 所属环节（含子环节）在本集群、且为台州本地的企业（去重）；龙头企业 = 带“上市/专精特新小巨人/隐形冠军/单项冠军/高新技术企业”标签的本地企业；"
                         "环节类型由强度评分判定，详见“补链/强链/延链”页中每个环节的证据。",
                         "Local firms = distinct Taizhou firms in the cluster's segments (subtrees included); leading firms = local firms "
                         "tagged 上市/专精特新小巨人/隐形冠军/单项冠军/高新技术企业; segment kinds come from the strength score — "
                         "each segment's evidence is on the Gaps page."),
    "ov.directions": ("发展方向", "Directions"),
    "ov.leading_list": ("龙头企业名单", "Leading firms"),
    # panorama
    "pan.header": ("产业链全景图", "Chain panorama"),
    "pan.legend": ("从左到右为上游 → 中游 → 下游；颜色 = 环节强弱（红 缺失、橙 单点依赖、黄 薄弱、绿 较强）；"
                   "大小 = 本地产值（无产值数据时按本地企业数）；实线箭头 = 供给关系，虚线 = 子环节。点击节点查看详情。",
                   "Left to right: upstream → midstream → downstream; colour = strength (red missing, orange single point, "
                   "yellow weak, green strong); size = local output (local firm count when there is no output); "
                   "arrows = supply flows, dashed = sub-segment. Click a node for details."),
    "pan.select": ("选择环节（或在图中点击）", "Segment (or click it in the graph)"),
    "pan.detail": ("环节详情", "Segment detail"),
    "pan.enterprises": ("环节企业", "Enterprises in the segment"),
    "pan.technologies": ("关键技术", "Key technologies"),
    "pan.gap_evidence": ("强弱判定证据", "Strength evidence"),
    "pan.feeds_from": ("上游供给环节", "Fed by"),
    "pan.feeds_to": ("供给下游环节", "Feeds"),
    "pan.weight": ("权重", "Weight"),
    "pan.products": ("典型产品", "Typical products"),
    "pan.link_method": ("归属方式", "Link method"),
    "pan.confidence": ("置信度", "Confidence"),
    "pan.no_firms": ("该环节暂无企业。", "No firm in this segment."),
    "pan.no_tech": ("该环节未登记关键技术。", "No key technology recorded for this segment."),
    # gaps
    "gap.header": ("补链 / 强链 / 延链", "Gaps, strengthening and extension"),
    "gap.filter_kind": ("环节类型", "Segment kind"),
    "gap.tab_gaps": ("环节强弱（补链/强链）", "Segment strength (gaps)"),
    "gap.tab_targets": ("招商目标", "Investment targets"),
    "gap.tab_ext": ("延链建议", "Extension suggestions"),
    "gap.local_firms": ("本地企业", "Local firms"),
    "gap.outside_firms": ("外地企业", "Outside firms"),
    "gap.output_share": ("产值占比", "Output share"),
    "gap.expected_share": ("预期占比", "Expected share"),
    "gap.largest_share": ("最大企业占比", "Largest firm share"),
    "gap.hhi": ("HHI 集中度", "HHI"),
    "gap.dominator": ("关键控制节点", "Dominator"),
    "gap.dominance": ("控制度", "Dominance"),
    "gap.articulation": ("割点", "Articulation"),
    "gap.detail": ("查看一个环节的完整证据", "Full evidence of one segment"),
    "gap.candidates": ("候选企业", "Candidates"),
    "gap.candidate_parts": ("得分构成", "Score parts"),
    "gap.no_targets": ("没有招商候选（所选范围内的缺口环节暂无外地企业数据）。",
                       "No candidates (no outside firms recorded for these gaps)."),
    "gap.no_ext": ("暂无延链建议：延链建议是与本地较强环节直接相邻（供给关系）的缺失环节。",
                   "No extension suggestions: they are missing segments next to (by supply flow) strong local segments."),
    "gap.density": ("相邻较强环节占比", "Strong-neighbour density"),
    "gap.strong_neighbours": ("相邻的较强环节", "Strong neighbours"),
    "gap.count": ("共 {n} 个环节", "{n} segments"),
    # chokepoints
    "ck.header": ("卡脖子技术与重点攻关项目", "Chokepoint technologies and priority projects"),
    "ck.ranked": ("卡脖子技术排名", "Ranked chokepoint technologies"),
    "ck.projects": ("重点技术攻关项目（揭榜挂帅候选）", "Priority projects (open-competition candidates)"),
    "ck.only_flagged": ("只看列入卡脖子清单的技术", "Only technologies on a chokepoint list"),
    "ck.severity": ("严重度", "Severity"),
    "ck.reach": ("影响面", "Reach"),
    "ck.capability_gap": ("能力缺口", "Capability gap"),
    "ck.value_share": ("影响价值占比", "Value share"),
    "ck.holders": ("本地持有企业", "Local holders"),
    "ck.downstream": ("受影响下游环节", "Downstream segments"),
    "ck.project": ("项目", "Project"),
    "ck.candidates": ("揭榜挂帅候选企业", "Candidate firms"),
    "ck.no_candidates": ("暂无本地候选企业", "No local candidate"),
    "ck.formula": ("得分 = 100 × 严重度 × 影响面 × 能力缺口（见 docs/analytics.md）。状态标 * 者为本项目判断，非来源原文。",
                   "Score = 100 × severity × reach × capability gap (docs/analytics.md). Status marked * is our judgement."),
    "ck.chokepoint": ("卡脖子", "Chokepoint"),
    "ck.lists": ("所在清单", "Lists"),
    "ck.evidence_pick": ("查看技术的得分与证据", "Score and evidence of"),
    # enterprises
    "ent.header": ("企业检索与画像", "Enterprise search and profile"),
    "ent.q": ("名称 / 编号包含", "Name or id contains"),
    "ent.tag": ("标签", "Tag"),
    "ent.locality": ("范围", "Scope"),
    "ent.loc_all": ("全部", "All"),
    "ent.loc_local": ("台州本地", "Taizhou"),
    "ent.loc_outside": ("外地", "Outside"),
    "ent.found": ("找到 {n} 家企业（显示前 {m} 家）", "{n} enterprises found (first {m} shown)"),
    "ent.pick": ("查看企业画像", "Profile of"),
    "ent.profile": ("企业画像", "Profile"),
    "ent.segments": ("所属环节及证据", "Segments with evidence"),
    "ent.technologies": ("持有技术", "Technologies held"),
    "ent.suppliers": ("供应商", "Suppliers"),
    "ent.customers": ("客户", "Customers"),
    "ent.credit_code": ("统一社会信用代码", "Credit code"),
    "ent.stock_code": ("股票代码", "Stock code"),
    "ent.revenue": ("营业收入(万元)", "Revenue (10k CNY)"),
    "ent.output": ("工业总产值(万元)", "Output (10k CNY)"),
    "ent.employees": ("从业人员", "Employees"),
    "ent.founded": ("成立日期", "Founded"),
    "ent.scope": ("经营范围", "Business scope"),
    "ent.none_rel": ("暂无记录", "none recorded"),
    "ent.field": ("项目", "Field"),
    "ent.value": ("内容", "Value"),
    "common.choose": ("请选择", "Choose"),
    "ck.n_candidates": ("候选企业数", "Candidates"),
    "ck.candidate_names": ("候选企业（前 5）", "Candidates (top 5)"),
    "ck.project_pick": ("查看项目的揭榜挂帅候选企业", "Candidates of a project"),
    # what-if
    "wi.header": ("情景模拟", "What-if scenarios"),
    "wi.intro": ("假设部分本地企业迁出、引进外地企业或取消某些环节，重新计算各环节强弱并与现状比较（不修改数据）。",
                 "Suppose local firms leave, outside firms arrive or segments are dropped: the strengths are "
                 "recomputed and compared with today (the data is not changed)."),
    "wi.remove": ("迁出的本地企业", "Local firms that leave"),
    "wi.add": ("引进的外地企业", "Outside firms attracted"),
    "wi.remove_segments": ("取消的环节", "Segments dropped"),
    "wi.run": ("运行模拟", "Run scenario"),
    "wi.empty": ("请至少选择一项变化。", "Choose at least one change."),
    "wi.before": ("现状", "Before"),
    "wi.after": ("模拟后", "After"),
    "wi.changes": ("变化的环节", "Segments that change"),
    "wi.no_changes": ("该情景下各环节强弱没有变化。", "No segment changes under this scenario."),
    "wi.change": ("变化", "Change"),
    "wi.kind_before": ("原类型", "Kind before"),
    "wi.kind_after": ("新类型", "Kind after"),
    "wi.strength_before": ("原强度", "Strength before"),
    "wi.strength_after": ("新强度", "Strength after"),
    "wi.delta": ("强度变化", "Δ strength"),
    "wi.change.gap_opened": ("新增短板", "gap opened"),
    "wi.change.gap_closed": ("短板补齐", "gap closed"),
    "wi.change.kind_changed": ("类型变化", "kind changed"),
    "wi.change.score_moved": ("强度变化", "strength moved"),
    "wi.change.segment_removed": ("环节取消", "segment removed"),
    # import
    "imp.header": ("数据导入", "Import data"),
    "imp.intro": ("上传企业名录、企业—技术、供应关系或技术清单（CSV / XLSX / JSON），先预览列映射，再装入存储。"
                  "整批导入在一个事务中完成；不合格的行进入隔离报告，不会写入图谱。模板见 data/templates。",
                  "Upload enterprises, holdings, supply or technology files (CSV / XLSX / JSON), check the column "
                  "mapping, then load. A load is one transaction; bad rows go to the quarantine report, never into the graph. "
                  "Templates: data/templates."),
    "imp.upload": ("选择文件", "Choose files"),
    "imp.mapping": ("列映射预览：{file}", "Column mapping: {file}"),
    "imp.header_col": ("原始列名", "Header"),
    "imp.field_col": ("识别为字段", "Canonical field"),
    "imp.unit_col": ("金额单位", "Unit"),
    "imp.unknown": ("（未识别，原样保留）", "(unknown, kept as is)"),
    "imp.preview": ("前 5 行", "First 5 rows"),
    "imp.load": ("装入存储", "Load into the store"),
    "imp.loading": ("正在导入…", "Loading…"),
    "imp.done": ("导入完成：{summary}", "Loaded: {summary}"),
    "imp.quarantine": ("{n} 行被隔离（未写入）", "{n} rows quarantined (not written)"),
    "imp.download_q": ("下载隔离报告 CSV", "Download the quarantine report (CSV)"),
    "imp.error": ("文件无法导入，未写入任何数据：{msg}", "The file cannot be loaded; nothing was written: {msg}"),
    "imp.no_file": ("请先选择文件。", "Choose a file first."),
    # query
    "q.header": ("图查询（只读 Cypher）", "Graph query (read-only Cypher)"),
    "q.needs_neo4j": ("Cypher 控制台需要 Neo4j 存储。当前使用内嵌 SQLite 存储（{store}）。"
                      "设置 CHAINKG_STORE=neo4j://user:pass@host:7687 或运行 `chainkg neo4j start` 后重启界面。",
                      "The Cypher console needs a Neo4j store; this one is the embedded SQLite store ({store}). "
                      "Set CHAINKG_STORE=neo4j://user:pass@host:7687 or run `chainkg neo4j start`, then restart the UI."),
    "q.query": ("Cypher 查询（只读）", "Cypher query (read-only)"),
    "q.run": ("执行", "Run"),
    "q.limit": ("最多返回行数", "Row limit"),
    "q.rows": ("{n} 行", "{n} rows"),
    "q.table": ("表格", "Table"),
    "q.graph": ("图", "Graph"),
    "q.no_graph": ("结果中没有节点或关系，无法画图。", "No nodes or relationships in the result to draw."),
    "q.error": ("查询失败：{msg}", "Query failed: {msg}"),
}

KINDS = ("missing", "single_point", "weak", "strong")
KIND_COLOURS = {"missing": "#d62728", "single_point": "#ff7f0e", "weak": "#e6c229", "strong": "#2ca02c"}


def lang() -> str:
    return "en" if st.session_state.get("lang_en") else "zh"


def t(key: str, **fmt: object) -> str:
    zh, en = STRINGS[key]
    text = en if lang() == "en" else zh
    return text.format(**fmt) if fmt else text


def name(obj: dict) -> str:
    """An ontology object's display name: ``name_en`` in English when it has one."""
    if lang() == "en" and obj.get("name_en"):
        return obj["name_en"]
    return obj.get("name") or obj.get("id", "")


def bi(text: str | None) -> str:
    """Pick one side of a bilingual service string ``"中文 / English"`` (reasons, rules)."""
    if not text or " / " not in text:
        return text or ""
    zh, _, en = text.partition(" / ")
    return en.strip() if lang() == "en" else zh.strip()


def kind_label(kind: str | None) -> str:
    return t(f"kind.{kind}") if kind else "—"


def stage_label(stage: str) -> str:
    return t(f"stage.{stage}") if f"stage.{stage}" in STRINGS else stage
