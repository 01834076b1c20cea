"""UI strings of the one-click reports (产业链招商分析报告) and of every Excel export's 说明 sheet:
``REPORT_STRINGS[key] = (中文, English)``, merged into :data:`ui.i18n.STRINGS`.

>>> sorted({len(v) for v in REPORT_STRINGS.values()})
[2]
"""

from __future__ import annotations

__all__ = ["REPORT_STRINGS"]

REPORT_STRINGS: dict[str, tuple[str, str]] = {
    "rep.header": ("产业链招商分析报告", "Chain investment report"),
    "rep.help": ("一键生成本集群的报告：产业链全景图（按判定着色）、数据口径与日期、各环节判定及证据、招商目标（数据不足时为需补充的数据）、"
                 "卡脖子技术、重点攻关项目和来源。Word 与 PDF 供阅读和打印，Excel 含报告中的全部表格。",
                 "One click builds this cluster's report: the chain picture coloured by verdict, the data's basis and dates, "
                 "every verdict with its evidence, investment targets (or the data to collect when the data cannot tell), "
                 "chokepoint technologies, priority projects and sources. Word and PDF to read and print; Excel holds every table."),
    "rep.pick_cluster": ("请先在上方选择一个产业集群，再生成报告。", "Pick one cluster above to build its report."),
    "rep.format": ("格式", "Format"),
    "rep.fmt.docx": ("Word（.docx）", "Word (.docx)"),
    "rep.fmt.pdf": ("PDF", "PDF"),
    "rep.fmt.xlsx": ("Excel 表格（.xlsx）", "Excel tables (.xlsx)"),
    "rep.make": ("生成报告", "Build the report"),
    "rep.making": ("正在生成报告…", "Building the report…"),
    "rep.download": ("下载报告", "Download the report"),
    "rep.failed": ("报告生成失败：{msg}", "The report could not be built: {msg}"),
    "rep.language_note": ("报告正文为中文。", "The report is written in Chinese."),
    # the 说明 sheet of every Excel export from the UI
    "xlsx.title": ("{page}（台州产业链知识图谱导出）", "{page} (exported from ChainKG)"),
    "xlsx.source": ("ChainKG 台州产业链知识图谱；企业数据：{sources}", "ChainKG Taizhou industrial-chain graph; firm data: {sources}"),
    "xlsx.no_data": ("尚未载入企业数据", "no firm data loaded yet"),
    "xlsx.census": ("完整名录", "complete list"),
    "xlsx.sample": ("样本", "sample"),
    "xlsx.note": ("判定规则及口径说明见系统“补链/强链/延链”页（每个环节的“完整证据”）；以单引号开头的单元格是为防止被当作公式而加的。",
                  "Verdict rules and bases are explained on the Gaps page (each segment's full evidence); a leading "
                  "apostrophe keeps a cell from being read as a formula."),
}
