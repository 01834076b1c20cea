"""Every UI string, Chinese first, in one table: ``STRINGS[key] = (中文, English)``.

The sidebar toggle sets ``st.session_state["lang_en"]``; :func:`t` picks the column. Data values
(segment and cluster names) come from the ontology, which carries ``name_en`` — see :func:`name`.
The verdict kinds and their labels (``kind.*``) come from :mod:`graph.analytics.strength` (``GAP_KINDS``,
``GAP_LABELS``, ``GAP_LABELS_EN``); a verdict shows with its 口径 (:func:`verdict_label`).

>>> STRINGS["nav.overview"][0]
'总览'
>>> sorted({len(v) for v in STRINGS.values()})
[2]
"""

from __future__ import annotations

import streamlit as st

from graph.analytics.strength import ACTIONABLE, GAP_KINDS, GAP_LABELS, GAP_LABELS_EN, KIND_TEXT_COLOURS, gap_label
from graph.analytics.strength import KIND_COLOURS as _KIND_COLOURS
from etl.dataset import PLACE_WORDS

__all__ = ["STRINGS", "t", "lang", "name", "kind_label", "stage_label", "bi", "KINDS", "KIND_COLOURS", "KIND_MARKERS",
           "ACTIONABLE", "verdict_label", "basis_label", "population_label", "rule_text", "action_text", "marked",
           "kind_style", "local_label", "method_label"]

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
    "ent.scope_in_cell": ("经营范围：", "Scope: "),
    "common.local": ("本地", "Local"),
    "common.yes": ("是", "yes"),
    "common.n_firms": ("{n} 家", "{n}"),
    "common.n_people": ("{n:,} 人", "{n:,}"),
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
    # kinds (kind.* come from graph.analytics.strength, see below) & stages
    "stage.上游": ("上游", "Upstream"),
    "stage.中游": ("中游", "Midstream"),
    "stage.下游": ("下游", "Downstream"),
    # overview
    "ov.header": ("七大千亿产业集群总览", "The seven clusters at a glance"),
    "ov.local_enterprises": ("本地企业", "Local firms"),
    "ov.output": ("本地产值(万元)", "Local output (10k CNY)"),
    "ov.leading": ("龙头企业", "Leading"),
    "ov.segments": ("环节数", "Segments"),
    "ov.segments_line": ("环节数：**{n}**", "Segments: **{n}**"),
    "ov.gaps_chart": ("各集群环节判定分布", "Verdicts per cluster"),
    "ov.county_chart": ("本地企业区县分布（按集群）", "Local firms by county and cluster"),
    "ov.county_note": ("一家企业在同一区县同一集群只计一次；区县取自企业的注册地址，地址不在台州九个区县的企业不计入。",
                       "A firm counts once per county and cluster; counties come from registered addresses, and firms "
                       "outside Taizhou's nine counties are left out."),
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
    "ov.evidence_text": ("本地企业 = 所属环节（含子环节）在本集群、仍在经营且确认在台州的企业（去重；已注销/吊销、地点未知的企业不计入）；"
                         "龙头企业 = 带“专精特新小巨人/单项冠军/隐形冠军/高新技术企业”标签，或产值 ≥ 10 亿元的本地企业（上市本身不算）；"
                         "环节判定由强度评分和数据口径共同决定，详见“补链/强链/延链”页中每个环节的判定规则。",
                         "Local firms = distinct operating firms confirmed in Taizhou in the cluster's segments (subtrees included; "
                         "deregistered firms and firms of unknown location do not count); leading firms = local firms tagged "
                         "专精特新小巨人/单项冠军/隐形冠军/高新技术企业 or with output ≥ 1 billion CNY (being listed alone does not count); "
                         "verdicts come from the strength score and the data's basis — each segment's rule is on the Gaps page."),
    "ov.directions": ("发展方向", "Directions"),
    "ov.basis_caption": ("本集群各环节的判定依据“{label}”的数据：只代表这类企业。",
                         "This cluster's verdicts rest on data of the “{label}”: they speak only for those firms."),
    "ov.leading_na": ("—", "—"),
    "ov.leading_na_help": ("数据中没有企业带龙头标签（专精特新小巨人/单项冠军/隐形冠军/高新技术企业），也没有产值，无法识别龙头企业，"
                           "所以显示“—”而不是 0。导入含这些字段的名录后会显示。",
                           "No firm in the data carries a leading-firm tag (专精特新小巨人/单项冠军/隐形冠军/高新技术企业) or an output figure, "
                           "so leading firms cannot be identified: “—” rather than 0. Import a list with these fields to see them."),
    "ov.leading_help": ("带专精特新小巨人/单项冠军/隐形冠军/高新技术企业标签，或产值 ≥ 10 亿元的本地企业",
                        "Local firms tagged 专精特新小巨人/单项冠军/隐形冠军/高新技术企业, or with output ≥ 1 billion CNY"),
    "ov.output_line": ("本地产值 **{out}** 万元（{k} 家报送产值）", "Local output **{out}** (10k CNY; {k} firms reported)"),
    "ov.output_few": ("产值：{n} 家中仅 {k} 家报送，不汇总", "Output: only {k} of {n} firms reported; not summed"),
    "ov.output_none": ("产值：数据中没有", "Output: not in the data"),
    "ov.verdicts": ("各判定的环节数", "Segments per verdict"),
    "ov.coverage": ("数据口径：已载入哪些数据", "Data coverage: what is loaded"),
    "ov.coverage_intro": ("每个判定只代表它所依据的数据（口径）。普查 = 该口径在该地区的完整名录；样本 = 只能说明“有”，不能说明“没有”。",
                          "Each verdict speaks only for the data it rests on (its basis). Census = the complete list of that "
                          "population in that region; sample = shows what exists, never what is absent."),
    "ov.ds_name": ("数据集", "Dataset"),
    "ov.ds_population": ("口径（总体）", "Population"),
    "ov.ds_region": ("地区", "Region"),
    "ov.ds_as_of": ("截止日期", "As of"),
    "ov.ds_census": ("普查 / 样本", "Census or sample"),
    "ov.ds_is_census": ("普查（完整名录）", "census (complete list)"),
    "ov.ds_is_sample": ("样本", "sample"),
    "ov.ds_firms": ("企业数", "Firms"),
    # a census declared without a source: its name is not where it came from (etl.dataset.census_spec)
    "ov.ds_no_source": ("未注明（导入时未填写来源）", "not given (no source was entered when it was loaded)"),
    # a dataset's composition: only the parts it has (a census of local firms reads "69 家 = 台州本地在营 69")
    "ov.ds_parts": ("构成 · {name}：{firms} 家 = {parts}（只有本地在营企业计入各环节）",
                    "Composition · {name}: {firms} firms = {parts} (only local operating firms count in the segments)"),
    # a dataset's composition: the Chinese words are etl.dataset.PLACE_WORDS' (the report says them too)
    "ov.part_local": (PLACE_WORDS["firms_local"][0] + " {n}", "{n} local and operating"),
    "ov.part_outside": (PLACE_WORDS["firms_outside"][0] + " {n}", "{n} outside"),
    "ov.part_inactive": (PLACE_WORDS["firms_inactive"][0] + " {n}", "{n} no longer operating (cancelled, revoked, moved out)"),
    "ov.part_unknown": (PLACE_WORDS["firms_unknown"][0] + " {n}", "{n} location unknown"),
    "ov.ds_clusters": ("覆盖集群", "Clusters covered"),
    "ov.ds_none": ("还没有载入任何数据集。", "No dataset has been loaded yet."),
    "ov.basis_table": ("各集群判定所依据的口径", "The basis of each cluster's verdicts"),
    "ov.basis": ("口径", "Basis"),
    "ov.adequate": ("能否判定缺失与强弱", "Can it show gaps?"),
    "ov.adequate_yes": ("能：有覆盖本集群的普查", "yes (a census)"),
    "ov.adequate_list": ("本集群企业制造的环节能；上游材料与服务环节不能（集群名录不含）",
                         "for the segments its own firms make; not upstream materials or services (the cluster list lacks them)"),
    "ov.adequate_no": ("不能：只能说明“有”，不能说明“没有”", "no (presence only)"),
    "ov.howto_title": ("怎样把“未发现”变成真实判定", "How to turn “not found” into real verdicts"),
    "ov.howto_except": ("除{done}外，", "Except for {done}, "),
    "ov.howto": ("已载入的数据不是台州本地企业的完整名录，所以没有本地企业的环节只能标为“未发现”，有企业的环节只能标为“已有”，"
                 "不能断定“缺失”或“薄弱”，也不会生成招商目标。\n\n"
                 "1. 准备你的企业名录：工商登记导出（全量登记企业），或统计局规上工业企业名录；\n"
                 "2. 在「数据导入」页上传，勾选“这是完整名录（普查）”，选择口径、地区（台州市）和截止日期；\n"
                 "3. 导入后，这些环节会按新口径改判为“缺失”“单点依赖”“薄弱”或“较强”，并给出招商目标。",
                 "The loaded data is not a complete list of Taizhou's firms, so a segment without a local firm can only be "
                 "“not found” and one with firms only “present”: nothing can be called missing or weak, and no investment "
                 "targets follow.\n\n"
                 "1. Get your firm list: a registry export (all registered firms) or the statistics bureau's above-size list;\n"
                 "2. Upload it on the Import page, tick “This is a complete list (census)”, and choose the population, "
                 "region (台州市) and as-of date;\n"
                 "3. After the import the segments are judged again on the new basis — missing, single point, weak or "
                 "strong — with investment targets."),
    "ov.howto_link": ("前往数据导入", "Go to Import"),
    "ov.leading_list": ("龙头企业名单", "Leading firms"),
    # panorama
    "pan.header": ("产业链全景图", "Chain panorama"),
    "pan.legend": ("从左到右为上游 → 中游 → 下游；大小 = 本地产值（产值报送不足时按本地企业数）；实线箭头 = 供给关系，虚线 = 子环节。"
                   "点击节点查看详情。空心虚线框 = 未发现（当前数据不能说明缺失），蓝色 = 已有（口径太窄，无法判断强弱）。",
                   "Left to right: upstream → midstream → downstream; size = local output (local firm count when too few "
                   "firms report output); arrows = supply flows, dashed lines = sub-segments. Click a node for details. "
                   "Hollow dashed outline = not found (the data cannot show absence); blue = present (too narrow to judge strength)."),
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
    "method.explicit": ("数据中注明", "stated in the data"),
    "method.classifier": ("按产品/经营范围自动归类", "classified from products or scope"),
    "pan.confidence": ("归属把握（0–100）", "Certainty (0–100)"),
    "pan.no_firms": ("已载入的数据中没有该环节的企业。", "No firm of this segment in the loaded data."),
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
    "gap.hhi": ("产值集中度（0–100）", "Output concentration (0–100)"),
    "gap.dominator": ("关键控制节点", "Dominator"),
    "gap.dominance": ("控制度（0–100）", "Dominance (0–100)"),
    "gap.articulation": ("割点", "Articulation"),
    "gap.detail": ("查看一个环节的完整证据", "Full evidence of one segment"),
    "gap.candidates": ("候选企业", "Candidates"),
    "gap.candidate_parts": ("得分构成", "Score parts"),
    "part.coverage_gain": ("覆盖度提升", "coverage gain"),
    "part.concentration_drop": ("集中度下降", "concentration drop"),
    "part.dominator_relief": ("关键节点缓解", "dominator relief"),
    "part.relatedness": ("与本地相关度", "relatedness"),
    "gap.no_targets": ("没有招商候选（所选范围内的缺口环节暂无外地企业数据）。",
                       "No candidates (no outside firms recorded for these gaps)."),
    "gap.verdict": ("判定（口径）", "Verdict (basis)"),
    "gap.firms_known": ("已知本地企业", "Local firms known"),
    "gap.firms_output": ("其中报送产值", "Reporting output"),
    "gap.inactive": ("已排除的停业企业", "Inactive firms left out"),
    "gap.as_of": ("数据截止", "Data as of"),
    "gap.datasets": ("依据的数据", "Datasets"),
    "gap.coverage": ("数据覆盖", "Data coverage"),
    "gap.action": ("下一步", "Next step"),
    "gap.action_collect": ("在「数据导入」页导入台州「{cluster}」的规上或全量登记企业名录，勾选“这是完整名录（普查）”",
                           "On the Import page, load Taizhou's above-size or full registry list of {cluster} firms, ticking "
                           "“This is a complete list (census)”"),
    "gap.action_collect_registry": ("在「数据导入」页导入台州市全量登记或规上工业企业名录（不限「{cluster}」集群），勾选“这是完整名录（普查）”："
                                    "「{cluster}」集群名录只收本集群的制造企业，不含其他行业的材料、通用件与装备企业，也不含服务企业",
                                    "On the Import page, load Taizhou's full registry or above-size list of firms (all industries, not only "
                                    "{cluster}), ticking “This is a complete list (census)”: a list of {cluster} firms holds neither other "
                                    "industries' suppliers nor service firms"),
    "gap.marker_legend": ("图例：", "Legend: "),
    "gap.no_targets_data": ("当前数据（{basis}）不是本地企业的完整名录，不足以判定缺口，所以没有招商目标——招商目标只根据普查口径"
                            "（全量登记或规上名录）上的缺失、单点依赖、薄弱判定生成。请先补充下表中的数据：",
                            "The loaded data ({basis}) is not a complete list of local firms, so it cannot establish gaps and "
                            "there are no investment targets: targets follow only from missing / single-point / weak verdicts "
                            "on a census (full registry or above-size list). Add the data below first:"),
    "gap.other_list": ("{name}（其他集群的名录，其企业计入）", "{name} (another cluster's list; its firms count)"),
    "gap.list_note": ("{cluster}：口径是本集群的企业名录，它只收本集群的制造企业。上游的材料、通用件与装备（其他行业的企业）和检测、"
                      "流通、售后等服务环节不在名录里，{n} 个这样的环节判为“未发现”而不是缺失，也不列招商目标；"
                      "导入台州市全量登记或规上工业企业名录后才能判定。",
                      "{cluster}: the basis is a list of the cluster's own firms. Upstream materials, general parts and "
                      "equipment (other industries) and services such as testing, distribution and after-sales are not on "
                      "it, so {n} such segments read “not found”, not missing, and get no investment targets; Taizhou's "
                      "full registry or above-size list would settle them."),
    "gap.unknown_note": ("{n} 个环节为“未发现”：已载入的数据（{basis}）不是本地企业的完整名录，只能说明“有”，不能说明“没有”。"
                         "要得到真实的缺失判定和招商目标，见“招商目标”页签中需要补充的数据。",
                         "{n} segments are “not found”: the loaded data ({basis}) is not a complete list of local firms, so it "
                         "shows what exists, not what is missing. For real gap verdicts and investment targets, see the data "
                         "to add in the Investment targets tab."),
    "gap.census_unplaced": ("{cluster}：名录中有 {n} 家本地在营企业未归入{where}任何环节{split}。"
                            "核实其产品、调整归属之前，{m} 个“缺失”“单点依赖”环节只说明已归入的企业中没有或只有一家。"
                            "它们是：{names}。企业页选产业集群「{cluster}」、数据集「{dataset}」并勾选“仅未归入环节”可逐一查看。",
                            "{cluster}: {n} local operating firms of the census are in no segment of {where}{split}. Until their products are checked and "
                            "their placement corrected, the {m} missing and single-point verdicts count only the placed "
                            "firms. They are: {names}. On the firm page choose the cluster {cluster}, the dataset "
                            "“{dataset}” and “Unplaced only” to open each."),
    "gap.census_incomplete": ("{cluster}：名录「{dataset}」可能不全——已载入的其他数据中另有 {n} 家本集群台州本地在营企业不在名录里："
                              "{names}。它们已计入各环节；依名录判定的“缺失”“单点依赖”请先核对名录是否齐全。",
                              "{cluster}: the census “{dataset}” may be incomplete — {n} local operating firms of this "
                              "cluster known from other loaded data are not in it: {names}. They are counted in the "
                              "segments; check the list before acting on its missing and single-point verdicts."),
    "gap.and_n_more": (" 等，另有 {n} 家", " and {n} more"),
    "gap.data_actions": ("需要补充或核实的数据", "Data to add or check"),
    "gap.da_what": ("要做什么", "What to do"),
    "gap.da_collect": ("导入本集群的规上或全量企业名录，勾选“完整名录（普查）”", "import a census of the cluster's firms (above-size or full registry)"),
    "gap.da_kind.collect_data": ("补充名录", "add a firm list"),
    "gap.da_kind.check_placement": ("核实归属", "check placement"),
    "gap.da_kind.collect_registry": ("补充全量名录", "add a full list"),
    "gap.da_collect_registry": ("导入台州市全量登记或规上企业名录（不限本集群），勾选“完整名录（普查）”",
                                "import Taizhou's full registry or above-size list of all industries as a census"),
    "gap.da_kind.check_census_firms": ("核实名录企业", "check census firms"),
    "gap.da_kind.check_census_complete": ("核对名录是否齐全", "check census is whole"),
    "gap.da_check_complete": ("核对名录是否齐全：其他数据中的本集群本地企业不在名录里（名单见上方提示）",
                              "check the census is whole: other data has local firms of the cluster it lacks (named above)"),
    "gap.da_segments": ("可据此判定的环节", "Segments it would settle"),
    "gap.da_n": ("环节数", "Segments"),
    "gap.no_ext_data": ("延链建议同样只在普查口径数据上给出：当前数据不能说明哪些环节缺失。需要补充的数据见“招商目标”页签。",
                        "Extension suggestions also need a census: the loaded data cannot show which segments are missing. "
                        "See the Investment targets tab for the data to add."),
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
    "ck.formula": ("优先级得分 = 严重度 × 影响面 × 能力缺口（三项各 0–100 分，相乘后折算为 0–100 分）。严重度看国内状态（国内空白最高，其次依赖进口），"
                   "影响面看受影响环节在产业链价值和本地产值中的比重（本地企业报送产值不足时只按价值比重），"
                   "能力缺口看数据中记录的本地掌握该技术的企业多少（越少缺口越大；未记录时按无计）。"
                   "状态标 * 者为本项目判断，非来源原文。",
                   "Priority score = severity × reach × capability gap (each 0–100, the product scaled back to 0–100). "
                   "Severity follows the domestic status (no domestic supply highest, then import dependence), reach the "
                   "share of the chain's value and of local output in the segments affected (the value share alone when "
                   "too few local firms report output), capability gap how few local firms the data records as holding "
                   "it (none recorded counts as none). Status marked * is our judgement, not the source's words."),
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
    "ent.status": ("登记状态", "Registration status"),
    "ent.inactive": ("（不计入本地）", " (not counted)"),
    "ent.closed": ("（已停业，不计入）", " (closed, not counted)"),
    "ent.inactive_note": ("登记状态“{status}”：企业已不再经营，不计入本地企业，也不参与任何环节的判定。",
                          "Registration status “{status}”: the firm no longer operates; it is not counted as a local firm "
                          "and takes no part in any verdict."),
    "ent.location": ("所在地", "Location"),
    "ent.local_yes": ("本地", "local"),
    "ent.local_no": ("外地", "outside"),
    "ent.local_unknown": ("未知", "unknown"),
    "ent.local_basis": ("本地判断依据", "Location evidence"),
    "ent.basis.explicit": ("数据中注明", "stated in the data"),
    "ent.basis.city": ("所在城市", "city"),
    "ent.basis.county": ("所在区县", "county"),
    "ent.basis.credit_code": ("信用代码中的登记机关", "registering authority in the credit code"),
    "ent.basis.address": ("注册地址", "registered address"),
    "ent.address": ("注册地址", "Registered address"),
    "ent.capital": ("注册资本", "Registered capital"),
    "ent.insured": ("参保人数", "Insured staff"),
    "ent.industry": ("国标行业", "Industry (GB/T 4754)"),
    "ent.industry_code": ("行业代码", "Industry code"),
    "ent.leading": ("龙头企业", "Leading firm"),
    "ent.province": ("省份", "Province"),
    "common.choose": ("请选择", "Choose"),
    "ck.n_candidates": ("候选企业数", "Candidates"),
    "common.and_more": ("{head} 等 {total} 个", "{head} and {n} more"),
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
    "wi.basis_note": ("当前数据口径：{basis}。在非普查数据上，迁出企业只会让环节变为“未发现”，而不是“缺失”。",
                      "Current basis: {basis}. On data that is not a census, firms leaving turn a segment into "
                      "“not found”, not “missing”."),
    "wi.kind_before": ("原判定", "Verdict before"),
    "wi.kind_after": ("新判定", "Verdict after"),
    "wi.strength_before": ("原强度", "Strength before"),
    "wi.strength_after": ("新强度", "Strength after"),
    "wi.delta": ("强度变化", "Δ strength"),
    "wi.change.gap_opened": ("新增短板", "gap opened"),
    "wi.change.gap_closed": ("短板补齐", "gap closed"),
    "wi.change.kind_changed": ("判定变化", "verdict changed"),
    "wi.change.score_moved": ("强度变化", "strength moved"),
    "wi.change.segment_removed": ("环节取消", "segment removed"),
    # import
    "imp.header": ("数据导入", "Import data"),
    "imp.intro": ("上传企业名录、企业—技术、供应关系或技术清单（CSV / XLSX / JSON），先预览列映射，说明数据口径，再装入存储。"
                  "整批导入在一个事务中完成；有错误的行不会写入图谱，会列在下方并可下载报告。可先下载下方的导入模板。",
                  "Upload enterprises, holdings, supply or technology files (CSV / XLSX / JSON), check the column "
                  "mapping, say what the data covers, then load. A load is one transaction; rows with errors never reach "
                  "the graph — they are listed below, with a report to download. Import templates can be downloaded below."),
    "imp.templates": ("导入模板", "Import templates"),
    "imp.templates_intro": ("每个模板的第一行是列名（中文或英文均可识别），其余各行都是以“示例”开头的示例数据，导入前请删除；"
                            "填写说明列出每一列的含义和格式。",
                            "Each template's first row holds the column headers (Chinese or English both work); the other "
                            "rows are examples whose names start with 示例 — delete them before importing. The guide "
                            "explains every column and its format."),
    "imp.tpl.enterprises.csv": ("企业名录", "Enterprises"),
    "imp.tpl.technologies.csv": ("关键技术", "Technologies"),
    "imp.tpl.holdings.csv": ("企业—技术", "Holdings"),
    "imp.tpl.supply.csv": ("供应关系", "Supply links"),
    "imp.tpl.README.md": ("填写说明", "Guide"),
    "imp.upload": ("选择文件", "Choose files"),
    "imp.mapping": ("列映射预览：{file}", "Column mapping: {file}"),
    "imp.header_col": ("原始列名", "Header"),
    "imp.field_col": ("识别为字段", "Canonical field"),
    "imp.meaning_col": ("含义", "Meaning"),
    "imp.unit_col": ("金额单位", "Unit"),
    "imp.unknown": ("（未识别，原样保留）", "(unknown, kept as is)"),
    "imp.preview": ("前 5 行", "First 5 rows"),
    "imp.load": ("装入存储", "Load into the store"),
    "imp.loading": ("正在导入…", "Loading…"),
    "imp.done": ("导入完成：读入 {rows} 行，写入 {ents} 家企业、{links} 条环节归属、{tech} 项技术、{hold} 条技术持有、{sup} 条供应关系。",
                 "Loaded: {rows} rows read; {ents} enterprises, {links} segment links, {tech} technologies, "
                 "{hold} holdings and {sup} supply links written."),
    "imp.errors": ("{n} 行有错误，未导入（见下表；改正源文件后重新导入）", "{n} rows had errors and were not loaded (see below; fix the file and import again)"),
    "imp.warnings": ("{n} 条提醒：这些行已经导入，但下列内容值得核对", "{n} warnings: these rows were loaded, but the items below deserve a check"),
    "imp.no_problems": ("没有错误，也没有提醒。", "No errors and no warnings."),
    "imp.q_file": ("文件", "File"),
    "imp.q_row": ("行号", "Row"),
    "imp.q_field": ("字段", "Field"),
    "imp.q_value": ("值", "Value"),
    "imp.q_reason": ("原因", "Reason"),
    "imp.download_q": ("下载错误与提醒报告 CSV", "Download the errors and warnings report (CSV)"),
    "imp.error": ("文件无法导入，未写入任何数据：{msg}", "The file cannot be loaded; nothing was written: {msg}"),
    "imp.census_box": ("数据口径（普查口径）", "Data basis (census)"),
    "imp.census": ("这是完整名录（普查）", "This is a complete list (census)"),
    "imp.census_help": ("勾选：文件是所选口径在所选地区的完整名录，名录中找不到本地企业的环节可以判为“缺失”。"
                        "不勾选：文件作为样本导入，只能说明“有”，不能说明“没有”。",
                        "Ticked: the file is the complete list of the chosen population in the chosen region, so a segment "
                        "with no local firm in it can be called missing. Not ticked: the file is a sample that shows what "
                        "exists, never what is absent."),
    "imp.as_sample": ("未勾选“完整名录”：文件将作为样本导入，只能说明“有”，不能说明“没有”。",
                      "Not a complete list: the file is loaded as a sample, which shows what exists, never what is absent."),
    "imp.census_name": ("名录名称", "Name of the list"),
    "imp.census_name_ph": ("如：黄岩区规上工业企业名录（2025）", "e.g. 黄岩区规上工业企业名录（2025）"),
    "imp.population": ("口径（这份名录包括哪些企业）", "Population (which firms the list holds)"),
    "imp.pop_help.全量登记企业": ("工商登记导出：地区内全部登记企业。可判定所有集群的缺失。",
                                  "A registry export: every registered firm in the region. Settles gaps in every cluster."),
    "imp.pop_help.规上工业企业": ("统计局规上工业企业名录（年主营收入 2000 万元以上）。可判定所有集群的缺失（规上口径）。",
                                  "The statistics bureau's list of industrial firms above designated size (revenue ≥ 20 m CNY). "
                                  "Settles gaps in every cluster (above-size basis)."),
    "imp.pop_help.上市公司": ("上市公司名录是窄口径：只能说明“没有上市公司”，不能判定缺失。",
                              "A list of listed firms is narrow: it shows “no listed firm”, not that a segment is missing."),
    "imp.pop_help.名录": ("行业协会或园区名录等：只对下面所选集群算完整名录。", "An association or park list: a complete list only for the clusters chosen below."),
    "imp.region": ("地区", "Region"),
    "imp.as_of": ("截止日期", "As of"),
    "imp.source": ("来源", "Source"),
    "imp.source_ph": ("如：台州市统计局", "e.g. 台州市统计局"),
    "imp.census_clusters": ("完整覆盖的产业集群", "Clusters it fully covers"),
    "imp.census_need_name": ("请填写名录名称。", "Give the list a name."),
    "imp.census_need_clusters": ("“名录”口径只对所选集群算普查：请至少选择一个集群。", "A firm list counts as a census only for the clusters chosen: choose at least one."),
    "imp.census_bad": ("口径设置有误：{msg}", "The basis settings are invalid: {msg}"),
    "imp.datasets": ("已记录的数据集（口径）", "Datasets recorded (basis)"),
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

# 口径 (data basis) labels and populations, as graph.analytics.coverage / ontology.firms write them
STRINGS.update({
    "basis.全量口径": ("全量口径", "full-registry basis"),
    "basis.规上口径": ("规上口径", "above-size basis"),
    "basis.上市公司口径": ("上市公司口径", "listed-firms basis"),
    "basis.名录口径": ("名录口径", "firm-list basis"),
    "basis.上市公司及样本口径": ("上市公司及样本口径", "listed-firms and sample basis"),
    "basis.名录及样本口径": ("名录及样本口径", "firm-list and sample basis"),
    "basis.集群名录口径": ("集群名录口径", "cluster-list basis"),
    "basis.样本口径": ("样本口径", "sample basis"),
    "basis.无数据": ("无数据", "no data"),
    "pop.全量登记企业": ("全量登记企业", "all registered firms"),
    "pop.规上工业企业": ("规上工业企业", "above-size industrial firms"),
    "pop.上市公司": ("上市公司", "listed companies"),
    "pop.名录": ("名录", "firm list"),
    "pop.样本/自填": ("样本/自填", "sample / self-reported"),
})

#: the verdict kinds, in order, and their labels: defined once in graph.analytics.strength
KINDS = GAP_KINDS
STRINGS.update({f"kind.{k}": (GAP_LABELS[k], GAP_LABELS_EN[k]) for k in GAP_KINDS})
STRINGS.update(__import__("ui.i18n_ui", fromlist=["UI_STRINGS"]).UI_STRINGS)  # the pages' newer strings (ui/i18n_ui.py)
STRINGS.update(__import__("ui.i18n_workbench", fromlist=["WORKBENCH"]).WORKBENCH)  # 招商工作台 strings
STRINGS.update(__import__("ui.i18n_reports", fromlist=["REPORT_STRINGS"]).REPORT_STRINGS)  # reports, Excel 说明
#: colours of the verdicts (charts, graph nodes): missing red; unknown grey (drawn hollow and dashed in the
#: chain graph); present a neutral blue; the assessed kinds orange / yellow / green
KIND_COLOURS = _KIND_COLOURS
#: table markers: filled = judged on adequate data, hollow = the data cannot tell
KIND_MARKERS = {"missing": "■", "unknown": "□", "single_point": "▲", "weak": "△", "present": "◇", "strong": "◆"}


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


def population_label(population: str | None) -> str:
    return t(f"pop.{population}") if f"pop.{population}" in STRINGS else (population or "—")


def basis_label(label: str | None) -> str:
    """A 口径 label (上市公司口径) in the current language."""
    return t(f"basis.{label}") if f"basis.{label}" in STRINGS else (label or "—")


def _en_basis(text: str) -> str:
    pairs = sorted((v for k, v in STRINGS.items() if k.startswith("basis.")), key=lambda p: -len(p[0]))
    for zh, en in pairs:  # longest first: 集群名录口径 before 名录口径
        text = text.replace(zh, en)
    return text


def verdict_label(gap: dict, marker: bool = True) -> str:
    """A gap row's verdict with its 口径: ``未发现（上市公司口径）`` / ``not found … · listed-firms basis``."""
    kind, label = gap["kind"], (gap.get("basis") or {}).get("label")
    if lang() == "en":
        text = f"{GAP_LABELS_EN[kind].split(' (')[0]} · {basis_label(label)}" if label else GAP_LABELS_EN[kind]
    else:
        text = gap.get("verdict") or gap_label(kind, label)
    return marked(kind, text) if marker else text


def marked(kind: str, text: str | None = None) -> str:
    """A verdict with its marker, joined by a no-break space: the table breaks a line at its last space,
    and in Chinese (no other space) it left the marker alone on the first line (■ / 缺失（集群名录口径）)."""
    marker = KIND_MARKERS.get(kind, "")
    text = kind_label(kind) if text is None else text
    return f"{marker}\u00a0{text}" if marker else text


def kind_style(kind: str) -> str:
    """CSS for a verdict cell: each kind its colour; the ones the data cannot settle in italics."""
    colour = KIND_TEXT_COLOURS.get(kind, KIND_COLOURS.get(kind, "inherit"))
    if kind not in KIND_COLOURS:
        return ""
    weight = "font-weight: 600;" if kind in ACTIONABLE else ""
    italic = "font-style: italic;" if kind in ("unknown", "present") else ""
    return f"color: {colour}; {weight}{italic}".strip()


def rule_text(evidence: dict) -> str:
    """The verdict's rule sentence in the current language."""
    if lang() == "en":
        return _en_basis(evidence.get("rule_en") or bi(evidence.get("rule", "")))
    return bi(evidence.get("rule", ""))


def reason_text(reason: str) -> str:
    """One of a candidate's reasons in the current language: a bilingual ``"中文 / English"`` reason
    (:func:`bi`), and the main-products reason (``"主营: 产品、产品"``: the products are data) labelled in
    the page's language."""
    if reason.startswith("主营:"):
        return f"{t('common.products')}: {reason.split(':', 1)[1].strip()}" if lang() == "en" else reason
    return bi(reason)


def action_text(gap: dict, cluster_name: str | None = None) -> str:
    """The next step for a verdict the data cannot settle, in plain words (no command lines)."""
    act = gap.get("action")
    if not act:
        return ""
    if act.get("kind") == "collect_data":
        return t("gap.action_collect", cluster=cluster_name or gap.get("cluster_name") or gap.get("cluster", ""))
    if act.get("kind") == "collect_registry":
        return t("gap.action_collect_registry", cluster=cluster_name or gap.get("cluster_name") or gap.get("cluster", ""))
    return act.get("text_en" if lang() == "en" else "text") or ""


def local_label(firm: dict, closed: bool = False) -> str:
    """本地 / 外地 / 未知 (``local`` may be None: location unknown); ``closed``: say so when the firm no
    longer operates (a table without a status column: 本地（已停业，不计入）)."""
    local = firm.get("local")
    label = t("ent.local_unknown") if local is None else t("ent.local_yes") if local else t("ent.local_no")
    return label + t("ent.closed") if closed and firm.get("active") is False else label


def method_label(method: str | None) -> str:
    """How a firm was placed on a segment, in words (explicit → 数据中注明)."""
    return t(f"method.{method}") if f"method.{method}" in STRINGS else (method or "")
STRINGS.update(__import__("ui.i18n_access", fromlist=["STRINGS"]).STRINGS)  # write gate, corrections
