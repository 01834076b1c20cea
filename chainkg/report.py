"""产业链招商分析报告: one cluster's report as Word (.docx), PDF or a formatted Excel workbook.

:func:`build` turns the analysis (:meth:`chainkg.service.ChainKG.analysis`), the reference chain and the
loaded datasets into a format-free :class:`Report` — sections of sentences, tables and the chain
picture — worded for readers (names not ids, verdict words with their 口径, scores 0–100);
:func:`render` writes it (:mod:`chainkg.report_docx`, :mod:`chainkg.report_pdf`,
:mod:`chainkg.report_xlsx`). ``chainkg report`` and ``GET /api/v1/clusters/{id}/report`` call
:func:`report_file`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

from chainkg.errors import InputError
from chainkg.report_model import Section, Table
from chainkg.report_text import chokepoint_headline
from chainkg.report_xlsx import XLSX_MEDIA, Notes
from chainkg.service import ChainKG
from graph.analytics.strength import ACTIONABLE

__all__ = ["Report", "Section", "Table", "build", "render", "report_file", "FORMATS", "MEDIA_TYPES",
           "content_disposition"]

FORMATS = ("docx", "pdf", "xlsx")
MEDIA_TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               "pdf": "application/pdf", "xlsx": XLSX_MEDIA}


@dataclass
class Report:
    cluster_id: str
    cluster_name: str
    title: str
    subtitle: str
    generated: str
    basis: str
    as_of: str
    sections: list[Section]
    sources: list[str]

    def tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.tables]

    def notes(self) -> Notes:
        return Notes(title=self.title, source="；".join(self.sources[:3]), basis=self.basis, as_of=self.as_of,
                     generated=self.generated,
                     lines=["判定规则与口径说明见报告正文第三、四节；得分均为 0–100 的整数，越高越重要或越紧迫。",
                            "以单引号开头的单元格是为防止被当作公式而加的，内容本身不含该引号。"])


def _kind_counts(gaps: list[dict]) -> str:
    from graph.analytics.strength import GAP_LABELS

    from chainkg.report_text import KIND_ORDER

    counts = {k: sum(1 for g in gaps if g["kind"] == k) for k in KIND_ORDER}
    return "、".join(f"{GAP_LABELS[k]} {n} 个" for k, n in counts.items() if n)


def build(kg: ChainKG, cluster_id: str, params=None, today: dt.date | None = None) -> Report:
    """The report of one cluster (``NotFoundError`` for an unknown cluster id)."""
    from chainkg.report_chart import chain_png
    from chainkg.report_sections import analysis_sections
    onto, store = kg.onto, kg.store
    cluster_id = onto.cluster_id(cluster_id)
    cl = onto.clusters[cluster_id]
    result = kg.analysis(cluster_id, params)
    gaps = result["gaps"]
    basis = (result.get("coverage") or {}).get(cluster_id) or (gaps[0]["basis"] if gaps else {})
    label, as_of = basis.get("label") or "无数据", basis.get("as_of") or "—"
    summary = next((c for c in kg.clusters(params) if c["id"] == cluster_id), {})
    segs = kg.cluster_detail(cluster_id)["segments"]
    stages = {st: sum(1 for s in segs if s["stage"] == st) for st in ("上游", "中游", "下游")}
    today = today or dt.date.today()
    title = f"台州市{cl.name}产业链招商分析报告"
    doc = onto.policy.get("document", {})

    overview = [
        f"本报告按{doc.get('title', '台州市制造业高质量发展行动计划')}（{doc.get('number', '台政办发〔2019〕58号')}）"
        f"确定的{cl.name}产业集群，对照参考产业链的 {len(segs)} 个环节（上游 {stages['上游']} 个、中游 {stages['中游']} 个、"
        f"下游 {stages['下游']} 个）逐一判定台州本地企业的情况。发展方向：{'、'.join(cl.directions) or '—'}。",
        f"已载入的数据中，本集群有本地企业 {summary.get('local_enterprises', 0)} 家，" + (
            f"其中龙头企业 {summary.get('leading_firms', 0)} 家（带专精特新“小巨人”、单项冠军、隐形冠军或高新技术企业称号，"
            "或产值不低于 10 亿元）。" if summary.get("leading_firms") or summary.get("firms_with_output") else
            # as the overview's card ("—", not 0): no firm carries a title or an output figure to tell a leading firm by
            "龙头企业无法识别：数据中没有企业带专精特新“小巨人”、单项冠军、隐形冠军或高新技术企业称号，也没有企业的产值。"),
        f"判定结果：{_kind_counts(gaps) or '无'}。",
    ]
    if basis.get("adequate"):
        unplaced = basis.get("census_firms_not_placed") or 0
        check = next((a for a in result.get("data_actions", []) if a["kind"] == "check_census_firms"), None)
        words = (check or {}).get("words") or {}  # what is known of them (census_checks.unplaced_words)
        listed = basis.get("scope") == "cluster"  # a list of the cluster's firms: only the segments they make
        overview.append(f"本集群的判定依据「{label}」的数据（截至 {as_of}），"
                        + ("它声明收录本集群在台州的全部制造企业（上游的材料、通用件与装备属其他行业，检测、流通、售后等属服务业，"
                           "不在名录里，这些环节判为“未发现”），" if listed else "它声明覆盖本集群在台州的全部企业，")
                        + ("因此“缺失”表示台州确实没有这一环节的企业。" if not unplaced else
                           f"但名录中有 {unplaced} 家本地在营企业未归入{words.get('named', '本集群')}任何环节{words.get('split', '')}："
                           "核实其归属之前，“缺失”只表示已归入环节的企业中没有这一环节的企业（见第五节“待补数据”）。"))
        missing = next((a for a in result.get("data_actions", []) if a["kind"] == "check_census_complete"), None)
        if missing:  # the other loaded data knows local firms of the cluster the census lacks
            overview.append(f"另外，已载入的其他数据中另有 {missing['firms']} 家本集群台州本地在营企业不在名录里，名录可能不全；"
                            "它们已计入各环节，依名录判定的“缺失”“单点依赖”请先核对名录（见第五节“待补数据”）。")
    else:
        overview.append(f"本集群的判定依据「{label}」的数据（截至 {as_of}），它不是全量或规上企业名录：某环节“未发现”"
                        "本地企业不等于缺失，“已有”表示有企业但无法评估强弱。要得出缺失、薄弱的结论并列出招商目标，"
                        "需先补充第五节所列数据。")
    top = [g for g in gaps if g["kind"] in ACTIONABLE][:3]
    if top:
        overview.append("最需要补链、强链的环节：" + "、".join(f"「{g['segment']}」{g['verdict']}" for g in top) + "。")
    if result.get("chokepoints"):
        ck = result["chokepoints"][0]
        overview.append(chokepoint_headline(ck))

    kinds = {g["segment_id"]: g["kind"] for g in gaps}
    picture = Section("二、产业链全景图", image=chain_png(segs, kinds, caption=f"判定口径：{label}（数据截至 {as_of}）",
                                                            counts={g["segment_id"]: g["evidence"]["local_firms"] for g in gaps}),
                      image_caption=f"图 1　{cl.name}产业链全景：按上游、中游、下游排列，子环节缩进在上级环节之下，"
                                    "颜色表示判定结论（虚线框为数据不足、未发现本地企业），框内右侧为本地企业数。")
    datasets = kg.datasets(cluster_id)
    sections = [Section("一、概况", paragraphs=overview), picture,
                *analysis_sections(result, onto, cluster_id, datasets, basis,
                                  lambda i: (store.get_node("Enterprise", i) or {}).get("name") or i)]
    sources = [f"{doc.get('title', '')}（{doc.get('number', '')}），{doc.get('issuer', '')}，"
               f"{doc.get('source', '')}".strip("，"),
               f"集群界定：{cl.source}"]
    sources += [f"数据集「{d['name']}」：{d.get('source') or '未注明来源'}（截至 {d.get('as_of') or '—'}）"
                for d in datasets]
    for src in dict.fromkeys(x for grp in result.get("targets", []) for c in grp["candidates"]
                             for x in c.get("sources") or []):
        sources.append(f"招商候选企业信息：{src}")
    for ck in result.get("chokepoints", []):
        src = (ck.get("evidence") or {}).get("source")
        if src and f"技术「{ck['technology']}」：{src}" not in sources:
            sources.append(f"技术「{ck['technology']}」：{src}")
    sources.append("判定方法与公式：见第四节“判定依据”一列（每个结论所依据的规则和数据）与 ChainKG 系统的方法说明。")
    sections.append(Section("八、来源", bullets=sources))
    return Report(cluster_id, cl.name, title,
                  f"生成日期 {today.isoformat()}　·　判定口径：{label}（数据截至 {as_of}）",
                  today.isoformat(), label, as_of, sections, sources)


def render(report: Report, fmt: str) -> bytes:
    """The report as ``docx``, ``pdf`` or ``xlsx`` bytes."""
    if fmt == "docx":
        from chainkg.report_docx import to_docx

        return to_docx(report)
    if fmt == "pdf":
        from chainkg.report_pdf import to_pdf

        return to_pdf(report)
    if fmt == "xlsx":
        from chainkg.report_xlsx import workbook

        return workbook({t.sheet: (t.columns, t.rows) for t in report.tables()}, report.notes())
    raise InputError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}", field="format")


def report_file(kg: ChainKG, cluster_id: str, fmt: str, params=None) -> tuple[bytes, str, str]:
    """(bytes, file name, media type) of one cluster's report in ``fmt``."""
    if fmt not in FORMATS:
        raise InputError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}", field="format")
    rep = build(kg, cluster_id, params)
    return render(rep, fmt), f"{rep.title}-{rep.generated}.{fmt}", MEDIA_TYPES[fmt]


def content_disposition(filename: str, ascii_fallback: str) -> str:
    """``attachment`` with an ASCII ``filename`` and the UTF-8 ``filename*`` (RFC 6266 / 5987)."""
    return f"attachment; filename=\"{ascii_fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
