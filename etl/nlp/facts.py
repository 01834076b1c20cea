"""A fact extracted from policy text, and how restated facts become one.

What: :class:`Fact` is one cluster / chain / direction / target / technology of a plan. :func:`title_merged`
folds a headline's target into the body target it restates; :func:`restated_merged` folds a count stated again
with more words into the first statement and drops counts of documents; :func:`target_key` is the indicator
name compared for duplicates (quotes dropped, 规模以上 = 规上).

Why: news reports and plans state a figure more than once (headline and body, a summary and the 目标 paragraph);
each statement is a sentence of the same fact, not another target.

>>> f = Fact("target", "制造业产业链", "着力发展12条制造业产业链。", "x", 12.0, "条", 2026)
>>> g = Fact("target", "制造业重点产业链", "力争…12条制造业重点产业链…提升。", "x", 12.0, "条", 2026, qualifier="力争")
>>> f.sentences, g.sentences = [f.sentence], [g.sentence]
>>> [(m.text, m.qualifier, len(m.sentences)) for m in restated_merged([f, g])]
[('制造业产业链', '力争', 2)]
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from etl.nlp.vocab import normalize
from etl.normalize import strip_quotes

__all__ = ["Fact", "target_key", "title_merged", "restated_merged", "clause_at"]


@dataclass
class Fact:
    """One extracted fact; ``value``/``unit``/``year`` for targets, ``ref_id`` = ontology id.

    ``low``/``high``: a range's ends (``value`` = ``low``); ``qualifier``: 以上, 左右, 力争突破 …;
    ``current``: a value that exists now, not a target; ``subject``/``subject_kind``: whose figure
    (city, province, county, cluster); ``level``: a cluster's or chain's scale class (千亿级);
    ``match``: exact | partial ontology match of a cluster/chain (``None`` + ``note`` when not ours);
    ``sentences``: every sentence that states the fact (duplicates are merged)."""

    kind: str  # cluster | chain | industry | direction | target | technology
    text: str
    sentence: str
    source: str
    value: float | None = None
    unit: str | None = None
    year: int | None = None
    qualifier: str | None = None
    cluster: str | None = None
    ref_id: str | None = None
    terms: list[str] = field(default_factory=list)
    low: float | None = None
    high: float | None = None
    current: bool = False
    subject: str | None = None
    subject_kind: str | None = None
    level: str | None = None
    match: str | None = None
    note: str | None = None
    sentences: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def target_key(name: str) -> str:
    """An indicator name for comparing: quotes dropped, 规模以上 = 规上."""
    return strip_quotes(name).replace("规模以上", "规上")


def _timeless(name: str) -> str:
    """A headline's indicator without its time words (未来三年集群营收 → 集群营收)."""
    return re.sub(r"未来[一二三四五六七八九十\d]+年|今年|明年|(?:19|20)\d{2}年|[一二三四五六七八九十\d]+年内?", "", name) or name


def title_merged(facts: list[Fact], text: str) -> list[Fact]:
    """A headline restates a figure of the body (湖南省力推4个产业集群向世界级跃升 … 今年我省力推4个产业集群向世界级
    产业集群跃升): its target is the body's, with the headline as one more sentence."""
    lines = [normalize(ln).strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    title = lines[0] if lines and len(lines[0]) <= 40 and "。" not in lines[0] else None
    if not title:
        return facts
    out = []
    for f in facts:
        body = None if f.kind != "target" or f.sentence != title else next(
            (g for g in facts if g.kind == "target" and g.sentence != title and (g.value, g.unit, g.high) ==
             (f.value, f.unit, f.high) and len(set(_timeless(f.text)) & set(g.text)) >= 0.6 * len(set(_timeless(f.text)))),
            None)
        if body is None:
            out.append(f)
        elif title not in body.sentences:
            body.sentences.insert(0, title)
    return out


_COUNTS = {"个", "条", "家", "项", "所", "座"}
_DOCUMENTS = re.compile(r"(?:计划|方案|意见|办法|细则|通知|规划|文件|工作重点|重点工作|重点任务|主要任务)$")


def restated_merged(facts: list[Fact]) -> list[Fact]:
    """A count stated again with more words (着力发展12条制造业产业链 … 力争…12条制造业重点产业链…提升) is one target:
    same value, unit, year, subject and current flag, one name's characters inside the other's; the merged fact
    keeps the qualifier that says more. A figure stated without a year (a box's headline) and again with one, same
    indicator, is one target of that year. Counts of documents (1个总体行动计划、12个分产业链行动方案) describe the text."""
    out: list[Fact] = []
    for f in facts:
        if f.kind == "target" and f.unit in _COUNTS and _DOCUMENTS.search(f.text):
            continue
        same = next((g for g in out if f.kind == g.kind == "target" and f.unit in _COUNTS and
                     (f.value, f.high, f.unit, f.year, f.subject, f.current) == (g.value, g.high, g.unit, g.year, g.subject, g.current)
                     and (set(f.text) <= set(g.text) or set(g.text) <= set(f.text))
                     and not (set(f.text) ^ set(g.text)) & set("一二两三四五六七八九十百千万亿0123456789")), None)  # 三百亿级园区 ≠ 百亿级园区 ≠ 两百亿级
        same = same or next((g for g in out if f.kind == g.kind == "target" and (f.year is None) != (g.year is None)
                             and target_key(f.text) == target_key(g.text) and
                             not any(x.current and not _headline(x) for x in (f, g)) and
                             (f.value, f.high, f.unit, f.subject) == (g.value, g.high, g.unit, g.subject)), None)
        if same is None:
            out.append(f)
            continue
        if same.year is None and f.year is not None:  # a headline's figure (1-2 条地铁线路) is what its body says of it
            same.current = f.current
        same.year = same.year or f.year  # 主营业务收入达3800亿 (a box's headline) … 2020年达到3800亿元左右: one figure
        if len(f.qualifier or "") > len(same.qualifier or ""):
            same.qualifier = f.qualifier
        same.sentences += [x for x in f.sentences if x not in same.sentences]
    return out


def _headline(f: Fact) -> bool:
    """Is ``f`` stated only on headline lines (a short line without a sentence's end: 1-2 条地铁线路, 6000亿)?"""
    return all(len(x) <= 20 and not re.search(r"[。;!?]\s*$", x) for x in f.sentences)


def clause_at(sent: str, pos: int) -> str:
    """The comma clause of ``sent`` that holds position ``pos``."""
    start = max(sent.rfind(c, 0, pos) for c in ",,;:") + 1
    ends = [i for i in (sent.find(c, pos) for c in ",,;:。") if i >= 0]
    return sent[start:min(ends) if ends else len(sent)]
