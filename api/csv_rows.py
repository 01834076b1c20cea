"""Answers flattened for a spreadsheet: one readable cell per column, in the request's language.

Why: a CSV is opened in Excel by a 招商 officer. ``csv_cell`` writes a list of records as one JSON cell, so
``/priority-projects?format=csv`` put each project's 揭榜挂帅 candidates in a JSON blob with bilingual
reasons ("需求方：… / demand side: …") — review 40 C10. Here a project's candidates become three columns
(names joined, those that hold the technology, each candidate's reasons), its score parts one column each,
and every bilingual service string one side of it.

>>> pick("已掌握该技术 / already holds it", "en"), pick("龙头标签: 单项冠军", "en")
('already holds it', '龙头标签: 单项冠军')
>>> row = project_row({"rank": 1, "project": "X 攻关", "technology_id": "t", "technology": "X", "clusters": ["pharma"],
...                    "segments": ["s"], "score": 12.5, "parts": {"severity": 0.5, "reach": 0.5, "capability_gap": 1.0},
...                    "candidates": [{"enterprise_id": "e", "name": "甲", "holds": False,
...                                    "reasons": ["需求方：所在环节用到该技术 / demand side: works in a segment that uses it",
...                                                "员工 300 人 / 300 employees"]}]}, "zh")
>>> row["candidates"], row["candidate_reasons"], row["reach"]
('甲', '甲：需求方：所在环节用到该技术；员工 300 人', 0.5)
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query, Request

__all__ = ["Lang", "request_lang", "pick", "project_row", "PROJECT_COLUMNS"]

Lang = Literal["zh", "en"]

#: the priority-projects CSV's columns, in order
PROJECT_COLUMNS = ["rank", "project", "technology_id", "technology", "clusters", "segments", "score", "severity",
                   "reach", "capability_gap", "candidates", "candidates_holding", "candidate_reasons"]


def request_lang(request: Request, lang: Annotated[Lang | None, Query(
        description="语言 / language of the text cells of a CSV: zh (default) or en; else Accept-Language")] = None) -> Lang:
    """``?lang=`` when given, else ``en`` when the Accept-Language header prefers English, else ``zh``."""
    if lang is not None:
        return lang
    first = request.headers.get("accept-language", "").split(",")[0].strip().lower()
    return "en" if first.startswith("en") else "zh"


def pick(text: str, lang: Lang) -> str:
    """One side of a bilingual service string ``"中文 / English"`` (a string without one is kept whole)."""
    if " / " not in text:
        return text
    zh, _, en = text.partition(" / ")
    return (en if lang == "en" else zh).strip()


def project_row(p: dict, lang: Lang) -> dict:
    """A priority project as one spreadsheet row (see the module docstring)."""
    cands = p.get("candidates") or []
    sep, colon, between = ("; ", ": ", " | ") if lang == "en" else ("、", "：", "｜")
    reason_sep = "; " if lang == "en" else "；"
    row = {k: p.get(k) for k in ("rank", "project", "technology_id", "technology", "clusters", "segments", "score")}
    row.update({k: (p.get("parts") or {}).get(k) for k in ("severity", "reach", "capability_gap")})
    row["candidates"] = sep.join(c["name"] for c in cands)
    row["candidates_holding"] = sep.join(c["name"] for c in cands if c.get("holds"))
    row["candidate_reasons"] = between.join(c["name"] + colon + reason_sep.join(pick(r, lang) for r in c.get("reasons", []))
                                            for c in cands)
    return row
