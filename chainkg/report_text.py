"""Plain-language sentences for the report: names not ids, verdict words not codes, scores 0–100
without decimals, no field names. Pure functions over the analysis JSON (:meth:`chainkg.service.ChainKG.analysis`).

>>> score100(0.734), score100(None), score100(131.6, fraction=False)
(73, '—', 100)
>>> plain_reason("本地现有 2 家, 引进后覆盖度 +0.12 / coverage", {})
'本地现有 2 家，引进后本环节的企业覆盖提高 12 分（满分 100）'
"""

from __future__ import annotations

import re

from graph.analytics.strength import GAP_LABELS, gap_label
from graph.analytics.verdict_text import INACTIVE_SAID

__all__ = ["score100", "pct", "zh", "verdict_text", "strength_text", "coverage_text", "rule_text", "plain_reason",
           "action_sentence", "names", "status_text", "chokepoint_headline", "KIND_ORDER"]

KIND_ORDER = ("missing", "single_point", "weak", "unknown", "present", "strong")


def score100(x: float | None, *, fraction: bool = True) -> int | str:
    """A score as a whole number 0–100: ``x`` is 0–1 (``fraction``) or already on 0–100; "—" when not
    measured. A number stays a number, so the Excel report's score columns sort and sum (Word and PDF
    print it as text)."""
    if x is None:
        return "—"
    return max(0, min(100, round(x * 100 if fraction else x)))


def pct(x: float | None) -> str:
    return "—" if x is None else f"{round(x * 100)}%"


def zh(text: str | None) -> str:
    """The Chinese side of a bilingual ``中文 / English`` service string."""
    if not text:
        return ""
    return text.partition(" / ")[0].strip() if " / " in text else text.strip()


def verdict_text(gap: dict) -> str:
    """``缺失（集群名录口径）``: the verdict word with its 口径."""
    label = (gap.get("basis") or {}).get("label")
    return gap.get("verdict") or gap_label(gap["kind"], label)


def strength_text(gap: dict) -> int | str:
    """Strength 0–100 (a number), or — where the data cannot assess it (未发现, 已有)."""
    return "—" if gap["kind"] in ("unknown", "present") else round(gap["strength"] * 100)


def rule_text(gap: dict) -> str:
    """The rule that decided the verdict, as a sentence (decimals in it rounded away)."""
    rule = zh(gap["evidence"].get("rule", ""))
    rule = re.sub(r"(\d+)\.(\d{2,})", lambda m: str(round(float(m.group(0)), 2)), rule)
    return rule if rule.endswith("。") else rule + "。"


def coverage_text(gap: dict, with_datasets: bool = False) -> str:
    """What the verdict rests on: firms known and reporting output, firms left out (and, with
    ``with_datasets``, the datasets and their date — the same for every segment of a cluster)."""
    cov = gap.get("coverage") or {}
    parts = []
    if with_datasets and cov.get("datasets"):
        parts.append("依据" + "、".join(cov["datasets"]))
    parts.append(f"已知本地企业 {cov.get('firms_known', 0)} 家，{cov.get('firms_with_output', 0)} 家报送产值")
    if cov.get("inactive_excluded") and gap.get("kind") not in INACTIVE_SAID:  # else its rule sentence says it
        parts.append(f"另有已注销、吊销等停止经营的 {cov['inactive_excluded']} 家本地企业不计入")
    if with_datasets and cov.get("as_of"):
        parts.append(f"数据截至 {cov['as_of']}")
    return "；".join(parts) + "。"


def names(ids: list[str], by_id: dict[str, str], limit: int = 8) -> str:
    """Ids as their names, joined with 、 (``…等 N 个`` past ``limit``)."""
    shown = [by_id.get(i, i) for i in ids[:limit]]
    more = f"等 {len(ids)} 个" if len(ids) > limit else ""
    return "、".join(shown) + more if shown else "无"


def plain_reason(reason: str, segment_names: dict[str, str]) -> str:
    """A 招商 reason from :mod:`graph.analytics.targets` as a sentence without raw numbers or ids."""
    text = zh(reason)
    m = re.match(r"本地现有 (\d+) 家, 引进后覆盖度 \+([\d.]+)", text)
    if m:
        return f"本地现有 {m.group(1)} 家，引进后本环节的企业覆盖提高 {round(float(m.group(2)) * 100)} 分（满分 100）"
    if text.startswith("集中度 HHI"):
        return "本地产值过于集中在少数企业，引进可以分散风险"
    m = re.match(r"关键节点: 控制 (\d+)% 的终端产品路径", text)
    if m:
        return f"关键环节：本集群 {m.group(1)}% 的终端产品都要经过这一环节，引进可降低断链风险"
    if text.startswith("填补空白环节"):
        return "填补空白：本地尚无这一环节的企业"
    m = re.match(r"与本地已有环节相关: (.*)", text)
    if m:
        ids = [x.strip() for x in m.group(1).split(",") if x.strip()]
        return "与台州已有的环节相关：" + "、".join(segment_names.get(i, i) for i in ids)
    if text.startswith("主营:"):
        return "主营产品：" + text.split(":", 1)[1].strip()
    return text.replace(": ", "：")


def action_sentence(action: dict, cluster_name: str) -> str:
    """What to do about a ``data_actions`` entry, in words (no command lines)."""
    if action.get("kind") == "collect_data":
        return (f"收集台州市「{cluster_name}」产业集群的{action.get('population') or '规上工业企业或全量登记企业'}名录"
                "（应包含全部相关企业，而不只是上市公司或样本），导入时声明为普查口径；导入后才能判定哪些环节缺失、"
                "哪些薄弱，并列出招商目标。")
    if action.get("kind") == "collect_registry":
        return (f"收集台州市全量登记企业名录或规上工业企业名录（不限于「{cluster_name}」集群），导入时声明为普查口径："
                f"「{cluster_name}」集群名录只收本集群的制造企业，不含其他行业的材料、通用件与装备企业，也不含检测、流通、"
                "售后、运营等服务企业，下列环节要依据更全的名录才能判定缺失与强弱。")
    text = re.sub(r"[（(]chainkg[^）)]*[）)]", "", action.get("text") or "").strip()
    if action.get("kind") == "check_placement":
        return text + "：这些企业只登记在上级环节，产品明确后才能判定下列子环节。"
    if action.get("kind") == "check_census_firms":
        return text + "（企业页“仅未归入环节”列出未归入任何环节的企业）。"
    if action.get("kind") == "check_census_complete":
        names = "、".join(f["name"] for f in (action.get("missing_firms") or [])[:20])
        return text + (f"。不在名录里的企业：{names}" + ("等。" if action.get("firms", 0) > 20 else "。") if names else "。")
    return text


def status_text(tech: dict) -> str:
    """A technology's domestic status, flagged when its source does not confirm it."""
    status = tech.get("status") or "—"
    return status if tech.get("status_certain", True) else f"{status}（来源未确认现状）"


def chokepoint_headline(ck: dict) -> str:
    """The overview's sentence on the top-scored technology, worded by what the data says: "卡脖子" only when
    it is on a chokepoint list, its status flagged when it is the project's own judgement (review 40 C1).

    >>> chokepoint_headline({"technology": "连续流反应", "status": "部分依赖", "status_certain": False, "chokepoint": False})
    '得分最高的关键技术：连续流反应（未列入卡脖子清单；国内状况：部分依赖，为本项目判断，来源未确认现状）。'
    >>> chokepoint_headline({"technology": "高端轴承钢", "status": "依赖进口", "status_certain": True, "chokepoint": True})
    '得分最高的卡脖子技术：高端轴承钢（列入卡脖子清单；国内状况：依赖进口）。'
    """
    status = tech_status = ck.get("status") or "—"
    if not ck.get("status_certain", True):
        tech_status = f"{status}，为本项目判断，来源未确认现状"
    if ck.get("chokepoint"):
        return f"得分最高的卡脖子技术：{ck['technology']}（列入卡脖子清单；国内状况：{tech_status}）。"
    return f"得分最高的关键技术：{ck['technology']}（未列入卡脖子清单；国内状况：{tech_status}）。"
