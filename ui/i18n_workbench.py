"""UI strings of the 招商 workbench page and the targets tab (merged into :data:`ui.i18n.STRINGS`).

>>> sorted({len(v) for v in WORKBENCH.values()})
[2]
"""

from __future__ import annotations

__all__ = ["WORKBENCH"]

WORKBENCH: dict[str, tuple[str, str]] = {
    "nav.workbench": ("招商工作台", "Investment workbench"),
    "wb.header": ("招商工作台", "Investment workbench"),
    "wb.intro": ("每个缺口环节列出外地候选企业，按得分排名（不并列）；每家企业有一张名片，说明它为什么适合这个缺口。"
                 "在名片下记录推进阶段、负责人和备注；底部可以看到：如果在谈及以后阶段的企业都落地，哪些缺口能补上。",
                 "Each gap segment lists its outside candidates, ranked by score (no ties), each with a profile card "
                 "saying why it fits. Record the stage, owner and notes under the card; at the bottom, see which gaps "
                 "close if the firms in negotiation and later stages land."),
    "wb.segment": ("缺口环节", "Gap segment"),
    "wb.segment_option": ("{segment} · {verdict} · {n} 家候选", "{segment} · {verdict} · candidates: {n}"),
    "wb.rank_line": ("第 {rank} 名 · {name} · {score} 分 · {city}", "#{rank} · {name} · {score} points · {city}"),
    "wb.card": ("企业名片", "Profile"),
    "wb.city": ("城市", "City"),
    "wb.address": ("地址", "Address"),
    "wb.scale": ("规模", "Size"),
    "wb.employees": ("员工人数", "Employees"),
    "wb.capital": ("注册资本", "Registered capital"),
    "wb.revenue": ("营业收入", "Revenue"),
    "wb.output": ("工业总产值", "Output"),
    "wb.founded": ("成立日期", "Founded"),
    "wb.stock_code": ("上市代码", "Listed code"),
    "wb.products": ("主营产品", "Main products"),
    "wb.distance": ("距台州", "Distance to Taizhou"),
    "wb.whatif_en_none": ("没有处于{stages}阶段的招商项目，情景与现状相同。", "No lead is at the stages {stages}: the picture is as today."),
    "wb.whatif_en_some": ("假设这些招商项目的 {n} 家企业（{names}）全部落地：", "If the {n} firms of these leads ({names}) all land:"),
    "wb.km": ("约 {km:,} 公里", "about {km:,} km"),
    "wb.km.city": ("约 {km:,} 公里（按所在城市估算）", "about {km:,} km (approx., by its city)"),
    "wb.km.province": ("约 {km:,} 公里（按所在省份估算）", "about {km:,} km (approx., by its province)"),
    "wb.scope": ("经营范围（摘录）", "Business scope (excerpt)"),
    "wb.unknown": ("不详", "unknown"),
    "wb.why": ("为什么适合这个缺口", "Why it fits this gap"),
    "wb.other_segments": ("它还做的环节", "Its other segments"),
    "wb.local_yes": ("台州已有本地企业", "Taizhou has local firms"),
    "wb.local_no": ("已载入的数据中台州没有本地企业", "no Taizhou firm in the loaded data"),
    "wb.none": ("无", "none"),
    "wb.sources": ("来源", "Sources"),
    "wb.tie": ("同分说明", "Tie-break"),
    "wb.score_parts": ("得分构成", "Score parts"),
    "wb.stage": ("推进阶段", "Stage"),
    "wb.owner": ("负责人", "Owner"),
    "wb.note": ("备注", "Note"),
    "wb.save": ("保存", "Save"),
    "wb.saved": ("已保存：{name} → {stage}", "Saved: {name} → {stage}"),
    "wb.no_lead": ("尚未建档", "No lead yet"),
    "wb.history": ("推进记录", "History"),
    "wb.when": ("时间", "When"),
    "wb.pipeline": ("招商项目一览", "Pipeline"),
    "wb.no_leads": ("还没有招商项目。在上面的候选企业名片下选择阶段并保存即可建档。",
                    "No leads yet. Choose a stage under a candidate's card above and save to open one."),
    "wb.enterprise": ("企业", "Enterprise"),
    "wb.latest_note": ("最新备注", "Latest note"),
    "wb.created": ("建档时间", "Opened"),
    "wb.updated": ("最近更新", "Updated"),
    "wb.download": ("下载 Excel（招商项目、推进记录、候选企业）", "Download Excel (leads, history, candidates)"),
    "wb.sheet_leads": ("招商项目", "Leads"),
    "wb.sheet_history": ("推进记录", "History"),
    "wb.sheet_candidates": ("候选企业", "Candidates"),
    "wb.whatif": ("如果这些企业落地", "If these firms land"),
    "wb.whatif_stages": ("假设以下阶段的企业落地", "Assume the firms at these stages land"),
    "wb.whatif_changes": ("环节变化", "Segment changes"),
    "wb.closed": ("不再是缺口的环节", "Segments no longer a gap"),
    "wb.filled": ("由“缺失”变为有本地企业的环节", "Segments no longer missing (a local firm at last)"),
    "wb.to_import": ("前往数据导入：导入本地企业名录并声明为普查", "Go to Import: load a register of local firms as a census"),
    "wb.kind_before": ("原判定", "Before"),
    "wb.kind_after": ("新判定", "After"),
    "wb.strength_delta": ("强度变化（0–100）", "Strength change (0–100)"),
    "wb.change": ("变化", "Change"),
    "wb.change.gap_closed": ("缺口补上", "gap closed"),
    "wb.change.gap_opened": ("出现缺口", "gap opened"),
    "wb.change.kind_changed": ("判定变化", "verdict changed"),
    "wb.change.score_moved": ("强度变化", "strength moved"),
    "wb.change.segment_removed": ("环节移除", "segment removed"),
    "wb.stage.线索": ("线索", "Lead"),
    "wb.stage.已接触": ("已接触", "Contacted"),
    "wb.stage.在谈": ("在谈", "Negotiating"),
    "wb.stage.已签约": ("已签约", "Signed"),
    "wb.stage.已落地": ("已落地", "Landed"),
    "wb.stage.放弃": ("放弃", "Dropped"),
    # the targets tab of the gaps page
    "part.scale": ("规模", "size"),
    "part.proximity": ("距离接近度", "proximity"),
    "gap.target_score": ("招商得分（0–100）", "Candidate score (0–100)"),
    "gap.target_scale": ("规模（所用数据）", "Size (figure used)"),
    "gap.target_distance_km": ("距台州（公里）", "Distance to Taizhou (km)"),
    "gap.target_why": ("为什么适合", "Why it fits"),
    "gap.target_tie": ("同分说明", "Tie-break"),
    "gap.target_other": ("它还做的环节", "Other segments"),
    "gap.target_why_main": ("主要理由", "Main reason"),
    "gap.target_note": ("候选企业按得分排名，不并列：得分相同时依次比规模（大者在前）、距台州距离（近者在前）、企业编号。"
                        "得分 = 规模、关联度、距离三项加权（满分 100），缺少的数据不按零计算，而是不计入；只做这一个环节的企业不计关联度。"
                        "规模按产值、营收或员工人数计，只知注册资本时折半计（认缴额不代表经营规模）。规模、距离、全部理由、其他环节和来源见“招商工作台”的企业名片和 Excel 导出。",
                        "Candidates are ranked without ties: equal scores go by size (larger first), distance to "
                        "Taizhou (nearer first), then id. Score = size, relatedness and distance weighted (0–100); "
                        "missing figures are left out, not counted as zero, and a firm with no other segment is not scored "
                        "on relatedness. Size is read from output, revenue or employees; a registered capital alone counts "
                        "half (it is subscribed, not the business's size). Size, distance, every reason, other segments and sources: the firm's "
                        "card on the Investment workbench, and the Excel export."),
}
