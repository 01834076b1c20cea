"""Write a :class:`chainkg.report.Report` as a Word document (python-docx): A4, headings, the chain
picture, tables with a shaded header row repeated on every page and verdicts in their colours."""

from __future__ import annotations

import io

from graph.analytics.strength import ACTIONABLE, KIND_COLOURS, KIND_TEXT_COLOURS

__all__ = ["to_docx", "EAST_ASIA_FONT", "LATIN_FONT"]

EAST_ASIA_FONT = "微软雅黑"   # Word substitutes an installed CJK font when this one is missing
LATIN_FONT = "Arial"


def _fonts(style_or_run, size: float | None = None, bold: bool | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font = style_or_run.font
    font.name = LATIN_FONT
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = style_or_run.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), EAST_ASIA_FONT)


def _shade(cell, fill: str) -> None:
    from docx.oxml.ns import qn

    tcpr = cell._tc.get_or_add_tcPr()
    shd = tcpr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    tcpr.append(shd)


def _repeat_header(row) -> None:
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))


def _table(doc, table, width_cm: float) -> None:
    from docx.shared import Cm, Pt, RGBColor

    columns, rows, rel, kcol = table.printed()
    total = sum(rel) or 1
    widths = [Cm(width_cm * w / total) for w in rel]
    t = doc.add_table(rows=1, cols=len(columns))
    t.style = "Table Grid"
    t.autofit = False
    for j, col in enumerate(columns):
        cell = t.rows[0].cells[j]
        cell.width = widths[j]
        cell.text = ""
        run = cell.paragraphs[0].add_run(str(col))
        _fonts(run, 8.5, True)
        _shade(cell, "DDE4EE")
    _repeat_header(t.rows[0])
    for i, row in enumerate(rows):
        cells = t.add_row().cells
        for j, value in enumerate(row):
            cells[j].width = widths[j]
            p = cells[j].paragraphs[0]
            p.paragraph_format.space_after = Pt(0)
            run = p.add_run("" if value is None else str(value))
            _fonts(run, 8)
            if table.kinds and j == kcol:
                kind = table.kinds[i]
                run.font.color.rgb = RGBColor.from_string(KIND_TEXT_COLOURS.get(kind, KIND_COLOURS[kind]).lstrip("#").upper())
                run.font.bold = kind in ACTIONABLE


def to_docx(report) -> bytes:
    """The report as .docx bytes."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(1.8)
    sec.top_margin = sec.bottom_margin = Cm(1.8)
    text_width = 21 - 3.6
    _fonts(doc.styles["Normal"], 10.5)
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 12)):
        _fonts(doc.styles[name], size, True)
        doc.styles[name].font.color.rgb = RGBColor(0x1F, 0x2D, 0x3D)
    core = doc.core_properties
    core.title, core.subject, core.author = report.title, f"{report.cluster_name} · {report.basis}", "ChainKG"
    doc.add_heading(report.title, level=0).alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub = doc.add_paragraph(report.subtitle)
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.runs[0].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    for section in report.sections:
        doc.add_heading(section.title, level=1)
        for text in section.paragraphs:
            doc.add_paragraph(text).paragraph_format.space_after = Pt(4)
        if section.image:
            doc.add_picture(io.BytesIO(section.image), width=Cm(text_width))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            if section.image_caption:
                cap = doc.add_paragraph(section.image_caption)
                cap.runs[0].font.size = Pt(9)
                cap.runs[0].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        for table in section.tables:
            doc.add_heading(f"表：{table.sheet}", level=2)
            if table.caption:
                doc.add_paragraph(table.caption)
            _table(doc, table, text_width)
            doc.add_paragraph()
        for text in section.bullets:
            doc.add_paragraph(text, style="List Bullet")
    footer = sec.footer.paragraphs[0]
    footer.text = f"{report.title} · 判定口径：{report.basis}（数据截至 {report.as_of}） · ChainKG"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.runs[0].font.size = Pt(8)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
