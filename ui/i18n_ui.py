"""UI strings of the panorama, overview, what-if, enterprise, chokepoint and query pages added after
``ui/i18n.py`` was laid out: ``UI_STRINGS[key] = (中文, English)``, merged into
:data:`ui.i18n.STRINGS` (a key here replaces the one there).

>>> sorted({len(v) for v in UI_STRINGS.values()})
[2]
"""

from __future__ import annotations

__all__ = ["UI_STRINGS"]

UI_STRINGS: dict[str, tuple[str, str]] = {
    "common.data_zh": ("", "Firm names, addresses, products and the evidence quoted from the sources are shown in "
                           "Chinese, as the sources write them."),
    "pan.products": ("典型产品", "Typical products (in Chinese, as the sources write them)"),
    "nav.workbench": ("招商工作台", "Workbench"),
    "gap.action_targets": ("招商：{n} 家候选，见“招商目标”", "Attract: candidates ({n}), see Investment targets"),
    "gap.action_no_candidates": ("招商：暂无外地候选企业", "Attract: no outside candidate yet"),
    "gap.more_cols": ("表中只列判定、强度、规则和建议；产值占比、外地企业数、集中度等全部数字见“导出 Excel”和下方“查看一个环节的完整证据”。",
                      "Only the verdict, strength, rule and action are shown; output shares, outside firms, concentration "
                      "and every other figure are in the Excel export and in “the full evidence of one segment” below."),
    # panorama
    "pan.legend2": ("从左到右：上游 → 中游 → 下游；子环节缩进在上级环节之下。方框颜色 = 判定；白底虚线框 = 未发现（当前数据不能说明缺失，"
                    "不等于缺失）；蓝色 = 已有（口径太窄，无法判断强弱）。框右侧数字 = 本地企业数（含子环节）。"
                    "选中环节的供给关系画成箭头（同一列内为右侧弧线）；其余关系在右侧详情中列出。",
                    "Left to right: upstream → midstream → downstream; sub-segments are indented under their parent. "
                    "Box colour = verdict; white with a dashed outline = not found (the data cannot show absence — it "
                    "is not “missing”); blue = present (the data is too narrow to judge strength). The number on a "
                    "box = local firms (sub-segments included). The selected segment's supply links are drawn as "
                    "arrows (arcs within a column); all links are listed in the panel."),
    "pan.strength_help": ("0–100：本地企业数、龙头、产值、多样性和区位商的加权，见“补链/强链/延链”页的判定规则。",
                          "0–100: a weighted mix of local firms, leading firms, output, diversity and location quotient; "
                          "see the rule on the Gaps page."),
    "pan.targets": ("招商目标（候选企业）", "Investment targets (candidate firms)"),
    "pan.no_action": ("该环节已有本地企业，当前无需补链行动。", "Local firms exist in this segment: no gap to close."),
    "pan.local_firms": ("本地企业", "Local firms"),
    # a local firm by its county, an outside one by its city: the column says both
    "pan.place": ("区县 / 城市", "County / city"),
    "pan.more_firms": ("……另有 {n} 家，见下方“环节企业”表。", "… and {n} more: see the table of the segment's firms below."),
    "pan.more_targets": ("……另有 {n} 家候选，见“补链/强链/延链”页或招商工作台。",
                         "… and {n} more candidates: see the Gaps page or the Workbench."),
    "pan.target_line": ("{rank}. **{name}** · {city}{score} 分", "{rank}. **{name}** · {city}{score} points"),
    "pan.no_local_firms": ("已载入的数据中没有该环节的本地企业。", "No local firm of this segment in the loaded data."),
    "pan.links": ("上下游供给关系", "Supply links"),
    "pan.status_star": ("标 * 的国内状态为本项目的判断，来源没有直接陈述。",
                        "A status marked * is this project's judgement; the source does not state it."),
    # technology status (国内状态)
    "tstatus.自主可控": ("自主可控", "domestically controlled"),
    "tstatus.部分依赖": ("部分依赖", "partly import-dependent"),
    "tstatus.依赖进口": ("依赖进口", "import-dependent"),
    "tstatus.国内空白": ("国内空白", "no domestic supply"),
    # overview: county view
    "ov.county_chart": ("本地企业区县分布（按集群）", "Local firms by county and cluster"),
    "ov.county_unknown": ("未注明区县", "county not stated"),
    "ov.county_all": ("合计（去重）", "all (distinct)"),
    "ov.county_note": ("格中数字 = 该区县在该集群的本地企业数（一家企业属于几个集群就在几列各计一次）；区县名后括号内为该区县本地企业合计（去重，含不属于七大集群的企业，所以可能大于该行各格之和）。"
                       "本地企业共 {total} 家，其中 {unknown} 家没有注明台州九个区县之一（最后一行），没有企业被略去。区县取自企业登记的区县或注册地址。",
                       "A cell = local firms of that county in that cluster (a firm in several clusters counts in each); "
                       "the number after a county = its local firms, each once (firms outside the seven clusters included, so it "
                       "can exceed the row's cells). {total} local firms in all, {unknown} of "
                       "them without one of Taizhou's nine counties (last row): no firm is left out. The county comes "
                       "from the firm's registered county or address."),
    "ov.county_firms": ("本地企业数", "Local firms"),
    "ov.target_unit": ("单位", "Unit"),
    "ov.target_clause": ("条款原文", "Clause (original Chinese)"),
    # units of the plan's targets
    "unit.家": ("家", "firms"),
    "unit.个": ("个", "count"),
    "unit.%": ("%", "%"),
    "unit.指数": ("指数", "index"),
    "unit.万亿元": ("万亿元", "trillion CNY"),
    "unit.亿元": ("亿元", "100 million CNY"),
    "unit.万元/人": ("万元/人", "10k CNY per worker"),
    "unit.万元/亩": ("万元/亩", "10k CNY per mu"),
    "unit.项/年": ("项/年", "projects per year"),
    "unit.名": ("名", "people"),
    "unit.亿元/年": ("亿元/年", "100 million CNY per year"),
    # what-if
    "wi.remove_help": ("一次最多选 {n} 家：情景模拟的是少数企业迁出，不是整个集群消失。",
                       "At most {n} at a time: a scenario is about a few firms leaving, not the whole cluster."),
    "wi.safe_note": ("默认不选任何企业。迁出企业只会让环节变弱或失去全部本地企业：下面的“变弱”“失去全部本地企业”是损失，"
                     "判定计数的减少（例如“薄弱”变少）不代表改善。",
                     "Nothing is selected by default. Firms leaving can only weaken segments or empty them: “weaker” "
                     "and “lost every local firm” below are losses, and a verdict count going down (fewer “weak”) is not "
                     "an improvement."),
    "wi.summary": ("与现状相比：{worse} 个环节变弱，{better} 个环节变强；其中 {emptied} 个环节失去全部本地企业。",
                   "Compared with today: {worse} segments weaker, {better} stronger; {emptied} of them lost every local firm."),
    "wi.all_removed": ("所选企业是该集群的全部本地企业：结果是整个集群消失，不是改善。",
                       "These are all the cluster's local firms: the result is the cluster gone, not an improvement."),
    "wi.counts_note": ("各判定的环节数（现状 → 模拟后，灰色箭头只表示增减，不表示好坏）", "Segments per verdict (today → scenario; the grey arrows show up or down, not better or worse)"),
    # enterprises
    "ent.q": ("名称 / 产品 / 经营范围包含", "Name, product or business scope contains"),
    "ent.q_help": ("按企业名称、编号、主营产品或经营范围中的文字查找，例如“水泵”“注塑机”。",
                   "Matches the name, id, main products or business scope, e.g. 水泵 (pump) or 注塑机."),
    "ent.found": ("找到 {n} 家企业（显示前 {m} 家，本地企业在前）", "{n} enterprises found (first {m} shown, local firms first)"),
    "ent.order": ("排序：本地在营企业在前；再按龙头标签、产值（营收）、是否上市、员工人数、注册资本（人民币）从大到小，"
                  "数据里没有的一项排在有数据的之后。",
                  "Order: operating Taizhou firms first; then by leading-firm tag, output (revenue), listed, employees and "
                  "registered capital (RMB), largest first; a figure the data lacks ranks after the known ones."),
    # registration status (登记状态)
    "rstatus.存续": ("存续", "active"),
    "rstatus.在业": ("在业", "in business"),
    "rstatus.开业": ("开业", "open"),
    "rstatus.在营": ("在营", "operating"),
    "rstatus.注销": ("注销", "deregistered"),
    "rstatus.吊销": ("吊销", "licence revoked"),
    "rstatus.吊销，未注销": ("吊销，未注销", "licence revoked, not deregistered"),
    "rstatus.吊销,未注销": ("吊销,未注销", "licence revoked, not deregistered"),
    "rstatus.撤销": ("撤销", "cancelled"),
    "rstatus.迁出": ("迁出", "moved out"),
    "rstatus.停业": ("停业", "suspended"),
    "rstatus.清算": ("清算", "in liquidation"),
    "rstatus.上市": ("上市", "listed"),
    # firm tags
    "tag.上市": ("上市", "listed"),
    "tag.专精特新小巨人": ("专精特新小巨人", "“little giant” (specialised, innovative)"),
    "tag.单项冠军": ("单项冠军", "single-product champion"),
    "tag.隐形冠军": ("隐形冠军", "hidden champion"),
    "tag.高新技术企业": ("高新技术企业", "high-tech enterprise"),
    "tag.专精特新": ("专精特新", "specialised and innovative"),
    "tag.省级专精特新中小企业": ("省级专精特新中小企业", "provincial specialised and innovative SME"),
    # the same, short, for the firm list's tag column, where English text must fit one line: the grid
    # did not wrap the long names on a page of Chinese names (docs/ui.md); the profile names them in full
    "tagshort.专精特新小巨人": ("专精特新小巨人", "“little giant”"),
    "tagshort.单项冠军": ("单项冠军", "single champion"),
    "tagshort.高新技术企业": ("高新技术企业", "high-tech"),
    "tagshort.专精特新": ("专精特新", "specialised SME"),
    "tagshort.省级专精特新中小企业": ("省级专精特新中小企业", "prov. specialised"),
    "ent.tags_short": ("", "Tags are named short in the list (“prov. specialised”: a provincial specialised "
                           "and innovative SME); the profile below names them in full."),
    # the English list's status column says the status only (one line); that such a firm is not counted
    # is said once under the list (the Chinese cell keeps its （不计入本地）)
    "rstatusshort.吊销，未注销": ("吊销，未注销", "licence revoked"),
    "rstatusshort.吊销,未注销": ("吊销,未注销", "licence revoked"),
    "ent.inactive_listed": ("", "Firms deregistered, revoked or moved out are listed but never counted as local firms."),
    # chokepoints
    "ck.project_name": ("{tech} 攻关", "{tech}: R&D project"),
    "ck.demand_side": ("未掌握该技术的企业是需求方：所在环节用到该技术，可牵头发榜或联合攻关；不表示已具备研发能力。",
                       "A firm that does not hold the technology is the demand side: its segment uses it, so it can post "
                       "the challenge or co-lead the project; this does not mean it can develop the technology."),
    "ck.candidate_order": ("候选企业排序：先列已掌握该技术的企业，再按已知情况——龙头标签、产值（营收）、是否上市、员工人数、"
                           "注册资本（人民币）——从大到小；数据里没有的一项排在有数据的之后（不按企业编号）。",
                           "Candidates: firms that hold the technology first, then by what is known of each — leading-firm "
                           "tag, output (revenue), listed, employees, registered capital (RMB) — largest first; a figure "
                           "the data lacks ranks after the known ones (never by id)."),
    "ck.not_recorded": ("数据中未记录", "Not recorded"),
    "ck.not_recorded_note": ("“数据中未记录”：技术持有情况只收集了少数企业，没有记录不等于本地没有企业掌握；能力缺口按无计。",
                             "“Not recorded”: technology holdings are collected for few firms, so no record does not mean "
                             "no local firm holds it; the capability gap counts it as none."),
    "ck.status_star": ("标 * 的国内状态为本项目的判断，来源没有直接陈述。",
                       "A status marked * is this project's judgement; the source does not state it."),
}

#: the action plan's target names in English, by target id (ontology/policy.yaml holds them in Chinese)
TARGET_EN = {
    "gross-output-2025": "Gross industrial output of above-size firms",
    "billion-clusters-2025": "100-billion-CNY industrial clusters",
    "ten-billion-firms-2025": "Firms with 10 billion CNY output",
    "private-top500-firms-2025": "Firms in China's top 500 private manufacturers",
    "digital-core-va-2025": "Value added of the core digital-economy industries (above size)",
    "two-integration-index-2025": "Index of integrating information technology and industry",
    "informatization-index-2025": "Informatisation index",
    "strategic-emerging-share-2025": "Share of strategic emerging industries in value added",
    "high-tech-share-2025": "Share of high-tech industries in value added",
    "market-leader-products-2025": "Products ranked first in a niche market at home or abroad",
    "national-little-giants-2025": "National specialised “little giant” firms",
    "city-little-giants-2025": "City-level specialised “little giant” firms",
    "provincial-hidden-champions-2025": "Provincial “hidden champion” firms",
    "listed-firms-2025": "Listed firms and firms preparing to list",
    "gazelle-firms-2025": "“Gazelle” firms",
    "value-added-rate-2025": "Value-added rate of above-size industry",
    "labour-productivity-2025": "Labour productivity of above-size industrial firms",
    "tax-per-mu-2025": "Tax per mu of above-size industry",
    "rd-intensity-2025": "R&D spending as a share of revenue (above-size firms)",
    "national-tech-centers-2025": "National enterprise technology centres",
    "basic-management-coverage-2025": "Basic management standards coverage (above-size firms and park firms)",
    "refined-management-coverage-2025": "Refined management coverage (firms with output ≥ 100 million CNY)",
    "digital-transformation-coverage-2025": "Digital retrofit coverage (firms with output ≥ 200 million CNY)",
    "smb-parks-2025": "Upgraded small and micro enterprise parks",
    "maker-spaces-2025": "Provincial or higher maker spaces",
    "sci-service-platforms-2025": "Science and technology service platforms",
    "inspection-platforms-2025": "Provincial or higher inspection platforms",
    "world-class-cluster-positioning": "World-class advanced manufacturing clusters",
    "national-demo-bases": "National new-industrialisation demonstration bases",
    "world-class-clusters-task": "World-class industrial clusters",
    "digital-retrofit-projects-annual": "Digital retrofit projects (each year)",
    "pillar-industries-100b": "10-billion-CNY pillar industries (focus of digital retrofits)",
    "mgmt-benchmark-firms": "Management innovation benchmark firms",
    "mgmt-cases": "Management innovation demonstration cases",
    "mgmt-leaders": "Leading business managers",
    "transformation-fund-annual": "City special fund for manufacturing transformation (each year)",
}
UI_STRINGS.update({f"target.{k}": ("", v) for k, v in TARGET_EN.items()})

#: the names of the datasets the program itself loads (etl/bundled/*.dataset.yaml, etl/public), in
#: English; a dataset a user imports keeps the name given to it
DATASET_EN = {
    "A股上市公司（台州注册）": "A-share listed companies registered in Taizhou",
    "A股上市公司（台州以外，招商候选）": "A-share listed companies outside Taizhou (investment candidates)",
    "公开报道的台州企业（非普查）": "Taizhou firms named in public reports (not a census)",
    "Tushare A股上市公司": "Tushare: A-share listed companies",
    "ChainKnowledgeGraph A股上市公司": "ChainKnowledgeGraph: A-share listed companies",
}

#: the sources of the program's own datasets (etl/bundled/*.dataset.yaml), said in English on the English
#: pages (they read half Chinese: "ChainKnowledgeGraph 主营产品 (刘焕勇, 2021); 2016 上市公司注册地址")
DATASET_SOURCE_EN = {
    "Tushare stock_company/stock_basic (2024-05 dump); ChainKnowledgeGraph 主营产品 (刘焕勇, 2021); 2016 上市公司注册地址":
        "Tushare stock_company/stock_basic (2024-05 dump); ChainKnowledgeGraph main products (Liu Huanyong, 2021); "
        "registered addresses of listed companies, 2016",
    "Tushare stock_company/stock_basic (2024-05 dump); ChainKnowledgeGraph 主营产品 (刘焕勇, 2021); 2016 上市公司注册地址及经纬度":
        "Tushare stock_company/stock_basic (2024-05 dump); ChainKnowledgeGraph main products (Liu Huanyong, 2021); "
        "registered addresses and coordinates of listed companies, 2016",
    "公开报道，每行一家企业，各行注明出处（报道标题与网址）":
        "public reports, one firm a row, each row naming its report (title and address)",
    "ChainKnowledgeGraph (刘焕勇, A股年报抽取, 2021)":  # etl.public's dataset of a ChainKnowledgeGraph load
        "ChainKnowledgeGraph (Liu Huanyong, extracted from A-share annual reports, 2021)",
}
