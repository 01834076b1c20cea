"""Write a :class:`chainkg.report.Report` as a PDF (fpdf2) with an embedded CJK font
(:func:`chainkg.report_fonts.find_cjk_font`, subset): A4 portrait, numbered pages, tables whose
header repeats on every page, verdicts in their colours."""

from __future__ import annotations

import io
import re

from graph.analytics.strength import ACTIONABLE, KIND_COLOURS, KIND_TEXT_COLOURS
from chainkg.report_fonts import find_cjk_font

__all__ = ["to_pdf", "new_pdf", "cells", "wrap"]

_INK, _GREY, _HEAD_FILL = (31, 45, 61), (90, 90, 90), (221, 228, 238)
_PAD = 1.2  # a table cell's left and right padding, mm


#: no line starts with these (closing punctuation) and none ends with the openers (CJK line-breaking rules)
_NO_START = set("。，、；：？！）」』”’》〉】…—·%,.;:?!)]}")
_NO_END = set("（「『“‘《〈【([{")
_TOKEN = re.compile(r"[A-Za-z0-9_./:%+\-@#'’]+|\s+|.", re.S)


def wrap(pdf, text: str, width: float) -> str:
    """``text`` with line breaks so that each line fits ``width`` mm in the current font: Latin words
    and numbers stay whole when they fit, and no line starts with a closing or ends with an opening
    punctuation mark (fpdf2 alone would leave a lone 。 or ） on a line)."""
    out_lines = []
    for para in str(text).split("\n"):
        lines: list[list[str]] = [[]]
        used = 0.0
        for tok in _TOKEN.findall(para):
            tw = pdf.get_string_width(tok)
            if used + tw <= width or not lines[-1]:
                if tw > width and len(tok) > 1:  # a word longer than the line: by characters
                    for ch in tok:
                        cw = pdf.get_string_width(ch)
                        if used + cw > width and lines[-1]:
                            lines.append([])
                            used = 0.0
                        lines[-1].append(ch)
                        used += cw
                    continue
                lines[-1].append(tok)
                used += tw
                continue
            if tok.isspace():
                lines.append([])
                used = 0.0
                continue
            carry: list[str] = []
            head = tok
            while head[0] in _NO_START and lines[-1]:  # take the previous characters along
                carry.insert(0, lines[-1].pop())
                head = carry[0] if carry[0].strip() else "x"
            while lines[-1] and lines[-1][-1] and lines[-1][-1][-1] in _NO_END:
                carry.insert(0, lines[-1].pop())
            if not lines[-1]:  # nothing left to break before: keep the line as it was, overhanging
                lines[-1] = carry + [tok]
                used = sum(pdf.get_string_width(t) for t in lines[-1])
                continue
            lines.append(carry + [tok])
            used = sum(pdf.get_string_width(t) for t in lines[-1])
        out_lines += ["".join(line).strip() for line in lines]
    return "\n".join(out_lines)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _pdf_class():
    from fpdf import FPDF

    class ReportPDF(FPDF):
        footer_text = ""

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("cjk", size=7.5)
            self.set_text_color(*_GREY)
            self.cell(0, 5, f"{self.footer_text}　·　第 {self.page_no()} / {{nb}} 页", align="C")
            self.set_text_color(0, 0, 0)

    return ReportPDF


def cells(pdf, table) -> tuple[list[str], list[list[str]], list[float], int | None]:
    """A table's titles and cells as the PDF prints them, each wrapped to its column's inner width."""
    columns, rows, widths, kcol = table.printed()
    inner = [pdf.epw * w / sum(widths) - 2 * _PAD - 0.6 for w in widths]
    pdf.set_font("cjk", style="B", size=7.5)
    columns = [wrap(pdf, str(c), inner[j]) for j, c in enumerate(columns)]
    pdf.set_font("cjk", size=7.5)
    rows = [[wrap(pdf, "" if v is None else str(v), inner[j]) for j, v in enumerate(r)] for r in rows]
    return columns, rows, widths, kcol


def _table(pdf, table) -> None:
    from fpdf.enums import WrapMode
    from fpdf.fonts import FontFace

    columns, rows, widths, kcol = cells(pdf, table)
    pad = _PAD
    head = FontFace(emphasis="BOLD", fill_color=_HEAD_FILL, color=_INK)
    with pdf.table(col_widths=tuple(widths), width=pdf.epw, line_height=4.2, headings_style=head,
                   text_align="LEFT", v_align="TOP", wrapmode=WrapMode.CHAR, padding=(1, pad, 1, pad),
                   repeat_headings=1) as t:
        row = t.row()
        for col in columns:
            row.cell(str(col))
        for i, values in enumerate(rows):
            row = t.row()
            for j, value in enumerate(values):
                text = "" if value is None else str(value)
                if table.kinds and j == kcol:
                    kind = table.kinds[i]
                    colour = _rgb(KIND_TEXT_COLOURS.get(kind, KIND_COLOURS.get(kind, "#222222")))
                    bold = kind in ACTIONABLE
                    row.cell(text, style=FontFace(color=colour, emphasis="BOLD" if bold else None))
                else:
                    row.cell(text)
    pdf.ln(3)


def _heading(pdf, text: str, size: float, before: float = 3) -> None:
    if pdf.get_y() > pdf.h - pdf.b_margin - 25:  # keep a heading with what follows
        pdf.add_page()
    pdf.ln(before)
    pdf.set_font("cjk", style="B", size=size)
    pdf.set_text_color(*_INK)
    pdf.multi_cell(0, size * 0.55, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1)


def _para(pdf, text: str, size: float = 9.5, colour=(0, 0, 0), bullet: bool = False) -> None:
    from fpdf.enums import WrapMode

    pdf.set_font("cjk", size=size)
    pdf.set_text_color(*colour)
    indent = 6 if bullet else 0
    if bullet:
        pdf.set_x(pdf.l_margin + 2)
        pdf.cell(4, size * 0.5, "·")
    text = wrap(pdf, text, pdf.epw - indent - 2 * pdf.c_margin - 0.5)
    pdf.multi_cell(pdf.epw - indent, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT",
                   wrapmode=WrapMode.CHAR)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1.5)


def _picture_size(pdf, png: bytes, reserve: float) -> tuple[float, float, float]:
    """Width, height (mm) and scale of the picture at the full text width, shrunk to the room left on
    the page below the cursor less ``reserve`` mm (heading, caption)."""
    from PIL import Image

    img = Image.open(io.BytesIO(png))
    w = pdf.epw
    h = w * img.height / img.width
    room = pdf.h - pdf.b_margin - pdf.get_y() - reserve
    scale = min(1.0, room / h)
    return w * scale, h * scale, scale


def to_pdf(report) -> bytes:
    """The report as PDF bytes (raises :class:`~chainkg.report_fonts.FontMissing` without a CJK font)."""
    pdf = new_pdf(report)
    pdf.add_page()
    return _draw(pdf, report)


def new_pdf(report):
    """An A4 document with the report's footer, margins and CJK font, no page yet."""
    font = find_cjk_font()
    pdf = _pdf_class()(orientation="P", unit="mm", format="A4")
    pdf.footer_text = f"{report.title}　·　判定口径：{report.basis}（数据截至 {report.as_of}）"
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_font("cjk", "", str(font.path), collection_font_number=font.index)
    if font.bold_path:
        pdf.add_font("cjk", "B", str(font.bold_path), collection_font_number=font.bold_index)
    else:  # no bold face installed: bold text in the regular face
        pdf.add_font("cjk", "B", str(font.path), collection_font_number=font.index)
    pdf.set_title(report.title)
    pdf.set_author("ChainKG")
    pdf.set_subject(f"{report.cluster_name} · {report.basis}")
    pdf.set_creator("ChainKG 台州产业链知识图谱")
    return pdf


def _draw(pdf, report) -> bytes:
    """Title, sections, pictures and tables onto the first page and on."""
    pdf.set_font("cjk", style="B", size=18)
    pdf.set_text_color(*_INK)
    pdf.multi_cell(0, 10, report.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=9)
    pdf.set_text_color(*_GREY)
    pdf.multi_cell(0, 5, report.subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_x(pdf.l_margin)
    for section in report.sections:
        if section.image and _picture_size(pdf, section.image, 24)[2] < 0.8:
            pdf.add_page()  # too tall for what is left of the page: a page of its own, heading on top
        _heading(pdf, section.title, 13, before=4)
        for text in section.paragraphs:
            _para(pdf, text)
        if section.image:
            w, h, _ = _picture_size(pdf, section.image, 12)
            pdf.image(io.BytesIO(section.image), x=pdf.l_margin + (pdf.epw - w) / 2, w=w, h=h)
            pdf.ln(2)
            if section.image_caption:
                _para(pdf, section.image_caption, 8.5, _GREY)
        for table in section.tables:
            _heading(pdf, f"表：{table.sheet}", 10.5, before=1)
            if table.caption:
                _para(pdf, table.caption, 9)
            _table(pdf, table)
        for text in section.bullets:
            _para(pdf, text, 8.5, bullet=True)
    return bytes(pdf.output())
