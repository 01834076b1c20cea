"""The GB/T 4754-2017 classes a chain segment's own source cites: where the segment's firms register.

What: :func:`cited_classes` reads each segment's ``source`` (ontology/chains/*.yaml: ``GB/T 4754-2017 3857
家用电力器具专用配件制造; …``) and returns, per segment id, the codes cited by it or by one of its ancestors;
:func:`parse_cited` is the reader of one source text; :func:`record_class` gives a record's most specific known
class (a code, or a class name this module can look up).

Why: a registry export's 国标行业 is one class per firm, and a chain segment's firms register under the classes its
source cites, which are not always the one class :data:`etl.nlp.industry.INDUSTRY_SEGMENTS` points to (a whole
smart toilet under 3856 家用美容、保健护理电器具制造 or 3072 卫生陶瓷制品制造; an aircraft-parts maker under 3741 飞机制造, whose
class covers “各种飞机及其零件 … 包括飞机发动机”). Two readings follow (round 18, docs/log/classifier-rounds.md):

- a record whose class a candidate's lineage cites *agrees* with that candidate, as a code pointing to its lineage
  does (3741 and 航空零部件);
- a record registered in an industry outside the chains (:data:`etl.nlp.industry.OUT_OF_CHAIN`: 3859 其他家用电力器具制造)
  whose 中类 (the first three digits: 385 家用电力器具制造) holds a class the candidate's lineage cites is *near* that
  candidate: its text is not damped for it, as for a record without a class (智能马桶整机制造 under 3859).

A citation is a class code of three or four digits followed by its class name; years and notes (2015 年年度报告,
2770 说明) are not. ``tests/etl/nlp/test_gb_cited.py`` checks every cited code and name against the GB table.

>>> parse_cited("GB/T 4754-2017 3251 铜压延加工; 3130 钢压延加工; 2015 年年度报告")
('3251', '3130')
>>> parse_cited("台州报道(2018)")
()
>>> record_class("C3859", None), record_class(None, ["制造业", "其他家用电力器具制造"]), record_class("C", None)
('3859', '3859', None)
>>> record_class(None, ["C 制造业", "35 专用设备制造业", "3553 缝制机械制造"])
'3553'
"""

from __future__ import annotations

import re

from etl.nlp.industry import _names, class_digits, class_of_name, record_code

__all__ = ["citations", "cited_names", "parse_cited", "cited_classes", "record_class"]

_GB_RE = re.compile(r"GB/T\s?4754(?:-2017)?")
_CITE_RE = re.compile(r"(?<![\d\-./])(\d{3,4})\s*([\u4e00-\u9fff][\u4e00-\u9fff、，]*)")
_NOT_NAMES = ("说明", "行业")


def citations(source: str | None) -> tuple[tuple[str, str], ...]:
    """``(code, name as written)`` of each GB/T 4754-2017 class a source text cites, read from its first
    ``GB/T 4754`` mention on (repeats kept)."""
    m = _GB_RE.search(source or "")
    if not m:
        return ()
    return tuple((code, name) for code, name in _CITE_RE.findall(source[m.end():])
                 if not name.startswith("年") and name not in _NOT_NAMES)


def parse_cited(source: str | None) -> tuple[str, ...]:
    """The codes of :func:`citations`, in order, without repeats."""
    return tuple(dict.fromkeys(code for code, _name in citations(source)))


def cited_classes(ontology) -> dict[str, frozenset[str]]:
    """Per segment id: the codes its source or an ancestor's source cites."""
    segs = ontology.segments
    own = {sid: parse_cited(s.source) for sid, s in segs.items()}
    out = {}
    for sid in segs:
        codes, cur, seen = set(), sid, set()
        while cur and cur in segs and cur not in seen:
            seen.add(cur)
            codes.update(own[cur])
            cur = segs[cur].parent
        out[sid] = frozenset(codes)
    return out


def cited_names(ontology) -> dict[str, str]:
    """``{class name: code}`` of every class the segments' sources cite, as written there (智能无人飞行器制造 → 3963)."""
    out: dict[str, str] = {}
    for seg in ontology.segments.values():
        for code, name in citations(seg.source):
            out.setdefault(name, code)
    return out


def record_class(industry_code, industry, names: dict | None = None) -> str | None:
    """The record's most specific class code: its code's digits, else the most specific of its ``industry`` names
    that names a class of :mod:`etl.nlp.industry`'s tables or of ``names`` (:func:`cited_names`: a 天眼查 path
    ``…>智能消费设备制造>智能无人飞行器制造`` is 3963, not the 大类 39 above it); ``None`` for a 门类 alone or nothing known."""
    digits = class_digits(record_code(industry_code, industry))
    if digits and len(digits) >= 3:
        return digits
    names = names or {}
    for name in reversed(_names(industry)):
        hit = names.get(name) or class_of_name([name])
        if hit:
            return hit
    return None
