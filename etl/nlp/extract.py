"""Facts from policy text: clusters, their directions, quantified targets, technologies.

What: :func:`extract_facts` splits a plan into paragraphs and sentences (。;!?), runs the ontology
pipeline (:func:`etl.nlp.pipeline.build_nlp`) on each sentence and returns :class:`Fact` records:

- ``cluster``: a cluster named in the sentence (汽车产业), with the direction words found with it;
- ``direction``: a segment / direction phrase in a sentence that names a cluster (新能源汽车 in
  “引导汽车产业加快发展新能源汽车”), from the ontology or from “发展/做强/培育 X、Y” lists;
- ``target``: indicator, value, unit, year (“到2025年,规上工业总产值突破1万亿元” → 规上工业总产值,
  1, 万亿元, 2025) — see :mod:`etl.nlp.quantity`; the year comes from the sentence, else the
  paragraph, else the section (a heading 一、/(一) starts a new section);
- ``technology``: ontology technology names, and generic “X关键技术/核心技术/共性技术/卡脖子” phrases.

Why: only generic patterns and the ontology vocabulary are used, so other cities' plans work.

>>> from ontology.loader import Ontology
>>> from ontology.models import Cluster
>>> onto = Ontology(clusters={"auto": Cluster(id="auto", name="汽车", source="x")})
>>> [(f.kind, f.text, f.value, f.unit, f.year, f.cluster) for f in
...  extract_facts("到2027年,全市汽车产业产值达到5000亿元。", onto, source="demo") if f.kind == "target"]
[('target', '汽车产业产值', 5000.0, '亿元', 2027, 'auto')]
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from etl.nlp.pipeline import build_nlp
from etl.nlp.quantity import find_targets, find_year
from etl.nlp.vocab import normalize, vocabulary

__all__ = ["Fact", "extract_facts", "extract_file", "read_text"]

_HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[章节部分])")
_SENT_RE = re.compile(r"(?<=[。;!?])")
_TECH_RE = re.compile(r"([^,;。:、“”\"()]{0,14}?)[“\"]?(关键核心技术|共性关键技术|关键共性技术|核心关键技术|核心技术|"
                      r"关键技术|共性技术|卡脖子[”\"]?技术|卡脖子[”\"]?)")
_TECH_LEAD = re.compile(r"^.*(?:是|加速|攻坚|攻克|突破|掌握|研发|开发|攻关|研究|梳理确定|加快|推进|一批|一系列|我市|的|等|和|及|与)")
_VERBS = (r"(?:加快发展|重点发展|大力发展|积极发展|协同发展|发展|做大做强|做强做大|做精|做强|做优|做大|突破|培育|布局)")
_VERB_LEAD = re.compile(rf"^(?:{_VERBS}|加快|积极|大力)+")
_DIR_STOP = {"品质", "品牌", "层次", "水平", "能力", "体系", "配套体系", "规模", "质量", "效益"}
_PERIOD_RE = re.compile(r"((?:19|20)\d{2})\s*[-—~～至到]+\s*((?:19|20)\d{2})\s*年")
_DIR_RE = re.compile(r"(?:加快发展|重点发展|大力发展|积极发展|协同发展|发展|做大做强|做精|做强|做优|做大|突破|培育|布局)"
                     r"([^,;。:]+)")


@dataclass
class Fact:
    """One extracted fact; ``value``/``unit``/``year`` for targets, ``ref_id`` = ontology id."""

    kind: str  # cluster | direction | target | technology
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

    def to_dict(self) -> dict:
        return asdict(self)


def _sentences(text: str):
    """Yield ``(sentence, paragraph_year, section_year)`` with year context carried forward.

    The section year falls back to the end of the plan period in the document's head
    (“(2020—2025年)” → 2025) until a heading or a “到20XX年” says otherwise.
    """
    head = _PERIOD_RE.search(normalize(text[:2000]))
    doc_year = int(head.group(2)) if head else None
    section_year = doc_year
    for raw in text.splitlines():
        para = normalize(raw).strip()
        if not para:
            continue
        if _HEADING_RE.match(para):
            section_year = doc_year
        para_year = None
        for sent in _SENT_RE.split(para):
            if not sent.strip():
                continue
            yield sent, para_year, section_year
            y = find_year(sent)
            if y and re.search(r"(?:到|至|截至)\s*\d{4}\s*年|^\d{4}\s*年", sent):
                para_year = section_year = y


def _entries(table, ent):
    return table.get(ent.text, [])


def extract_facts(text: str, ontology, *, source: str) -> list[Fact]:
    """Every cluster / direction / target / technology fact of a policy text (deduplicated)."""
    nlp = build_nlp(ontology)
    table = vocabulary(ontology)
    facts: list[Fact] = []
    seen: set = set()

    def add(f: Fact) -> None:
        key = (f.kind, f.text, f.value, f.unit, f.year, f.cluster, f.sentence)
        if key not in seen:
            seen.add(key)
            facts.append(f)

    for sent, para_year, section_year in _sentences(text):
        doc = nlp(sent)
        year = find_year(sent) or para_year or section_year
        clusters = []  # (position, cluster id) of cluster mentions
        for ent in doc.ents:
            for e in _entries(table, ent):
                if e.label == "CLUSTER" and e.kind == "name":
                    clusters.append((ent.start_char, e.id))
        # targets
        for name, value, unit, qual, (a, _b) in find_targets(sent):
            cl = next((e.cluster for ent in doc.ents if ent.start_char < a and ent.text in name
                       for e in _entries(table, ent) if e.cluster), None)
            add(Fact("target", name, sent, source, value, unit, year, qual or None, cl))
        # clusters and their directions
        dir_terms: dict[str, list[str]] = {}
        for ent in doc.ents:
            es = _entries(table, ent)
            if ent.label_ == "TECH":
                e = next(x for x in es if x.label == "TECH")
                add(Fact("technology", ent.text, sent, source, cluster=e.cluster, ref_id=e.id,
                         terms=["卡脖子"] if "卡脖子" in sent else []))
                continue
            if not clusters:
                continue
            mentioned = {c for _, c in clusters}
            for e in es:
                is_dir = (e.label == "SEGMENT") or (e.label == "CLUSTER" and e.kind == "direction")
                if is_dir and e.cluster in mentioned:
                    dir_terms.setdefault(e.cluster, []).append(ent.text)
                    add(Fact("direction", ent.text, sent, source, cluster=e.cluster,
                             ref_id=e.id if e.label == "SEGMENT" else None))
                    break
        if clusters:
            tech_names = {e.text for e in doc.ents if e.label_ == "TECH"}
            for i, (pos, cid) in enumerate(clusters):  # generic “发展 X、Y” lists after a cluster name
                if i and clusters[i - 1][1] == cid:
                    continue  # 汽车 inside 汽车电子 is not a new cluster mention
                end = next((p for p, c in clusters[i + 1:] if c != cid), len(sent))
                for m in _DIR_RE.finditer(sent, pos, end):
                    for item in re.split(r"[、和及与]", m.group(1)):
                        item = _VERB_LEAD.sub("", item.strip(" “”\"")).rstrip("等").strip(" “”\"")
                        if item in _DIR_STOP or item in tech_names or "技术" in item:
                            continue
                        if 2 <= len(item) <= 12 and item not in dir_terms.get(cid, []) and not re.search(r"\d", item):
                            dir_terms.setdefault(cid, []).append(item)
                            add(Fact("direction", item, sent, source, cluster=cid))
            for cid in dict.fromkeys(c for _p, c in clusters):
                name = ontology.clusters[cid].name
                add(Fact("cluster", name, sent, source, cluster=cid, ref_id=cid, terms=dir_terms.get(cid, [])))
        # generic technology phrases; a bare 卡脖子 only when nothing else names the technology
        n_tech = sum(f.kind == "technology" and f.sentence == sent for f in facts)
        for m in _TECH_RE.finditer(sent):
            if m.group(2).rstrip("”\"") == "卡脖子" and n_tech:
                continue
            head = _TECH_LEAD.sub("", m.group(1)).strip(" “”\"")
            core = m.group(2).replace("”", "").replace('"', "")
            label = head + core if head and core != "卡脖子" else core
            add(Fact("technology", label, sent, source, terms=["卡脖子"] if "卡脖子" in sent else []))
    return facts


def read_text(path: str | Path) -> str:
    """A text file as str: UTF-8 (with or without BOM), else GBK/GB18030."""
    data = Path(path).read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def extract_file(path: str | Path, ontology, *, source: str | None = None) -> list[Fact]:
    """:func:`extract_facts` on a UTF-8 or GBK text file; ``source`` defaults to the file name."""
    return extract_facts(read_text(path), ontology, source=source or Path(path).name)
