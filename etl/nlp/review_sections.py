"""A part of a report that reviews a closed year: its figures are that year's results.

What: :func:`reviewed_sentences` wraps :func:`etl.nlp.layout.sentences`. A part heading that names a year's review
(``一、2021年国民经济和社会发展计划执行情况``, ``一、2024年工作回顾``, ``一、…完成情况``) of a year before the text's date
opens a review of that year: until the next part heading (``二、``) the text reads as one written in that year —
its sentences report (``ctx["looks_back"]``), 预计 estimates the year's result (``ctx["closed_year"]``), 今年 is the
reviewed year and an undated figure takes it (the paragraph and section year).

Why: a plan report given in January (黔东南's report of 2022-01-05 on 2021) reviews the year before in its first part and
aims in its second; read with the text's own date, the review's results were 2022 aims (round 36's held-out run: 25 of its
44 year misses). A text-wide reading (``tense.closed_year``) sees only a review named in the first 300 characters and
would make the second part's aims results.

>>> text = "2022年1月5日\\n一、2021年计划执行情况\\n今年以来,全州生产总值完成1269亿元。\\n二、2022年计划草案\\n全州生产总值增长6%。"
>>> ctx = {"start": None, "end": None, "issued": 2022, "dated": 2022, "looks_back": False, "closed_year": False}
>>> [(s, py, ctx["looks_back"]) for s, _p, py, _sy, _b in reviewed_sentences(text, ctx) if "总值" in s]
[('今年以来,全州生产总值完成1269亿元。', 2021, True), ('全州生产总值增长6%。', None, False)]
"""

from __future__ import annotations

import re

from etl.nlp.layout import sentences

__all__ = ["reviewed_sentences", "review_heading"]

_PART = re.compile(r"^\s*[一二三四五六七八九十]+\s*、")
_REVIEW = re.compile(r"^\s*[一二三四五六七八九十]+\s*、\s*((?:19|20)\d{2})\s*年[^。;,,:]{0,24}?"
                     r"(?:执行情况|完成情况|工作回顾|工作总结)[\sA-Za-z]{0,6}$")  # 工作回顾Zeu: a repost's stray letters (round 39)
_KEYS = ("issued", "dated", "reviewed", "looks_back", "closed_year")


def review_heading(para: str, ctx: dict) -> int | None:
    """The year a part heading reviews, when it closed before the text's date (``ctx["dated"]``/``ctx["issued"]``).

    >>> review_heading("一、2021年国民经济和社会发展计划执行情况", {"dated": 2022}), review_heading("一、 2022 年工作回顾", {"dated": 2023})
    (2021, 2022)
    >>> review_heading("二、2022年国民经济和社会发展计划草案", {"dated": 2022}), review_heading("一、2022年工作回顾", {"dated": 2022})
    (None, None)
    """
    m = _REVIEW.match(para)
    date = ctx.get("dated") or ctx.get("issued")
    return int(m.group(1)) if m and date and int(m.group(1)) < date else None


def reviewed_sentences(text: str, ctx: dict):
    """:func:`etl.nlp.layout.sentences` with a review part read as of the year it reviews (see the module doc)."""
    saved, year, last = None, None, None
    for sent, para, para_year, section_year, box in sentences(text, ctx):
        if para is not last:
            last = para
            if _PART.match(para) and saved is not None:
                ctx.update(saved)
                saved = year = None
            reviewed = review_heading(para, ctx)
            if reviewed:
                saved, year = {k: ctx.get(k) for k in _KEYS}, reviewed
                ctx.update(issued=reviewed, dated=reviewed, reviewed=reviewed, looks_back=True, closed_year=True)
        if year:
            para_year, section_year = para_year or year, year
        yield sent, para, para_year, section_year, box
    if saved is not None:
        ctx.update(saved)
