"""The ontology's vocabulary as one table of terms, and a fast longest-match scanner over it.

What: :func:`vocabulary` turns an :class:`~ontology.loader.Ontology` into ``term -> [Entry]``
(segment names/keywords/products → SEGMENT, technology names → TECH, cluster names and plan
directions → CLUSTER, county names → COUNTY). :class:`Scanner` compiles those terms into one
Aho-Corasick automaton (and a trie-shaped regular expression, its reference) so that a record is
scanned in native code, leftmost-longest, in a few µs.

Why: the spaCy pipeline (:mod:`etl.nlp.pipeline`) and the bulk classifier
(:mod:`etl.nlp.classify`) must see exactly the same vocabulary. spaCy's ``nlp.pipe`` with an
EntityRuler runs at ~1–2k short records/s on one core here; the automaton scans a real record's
≈ 13 lines in ≈ 3.5 µs, so the bulk path uses it and spaCy stays the extraction pipeline.

>>> sc = Scanner({"缝纫机": [], "工业缝纫机": [], "电机": []})
>>> [m.group() for m in sc.finditer("生产工业缝纫机及电机")]
['工业缝纫机', '电机']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick_rs

from etl.normalize import halfwidth

__all__ = ["Entry", "vocabulary", "Scanner", "normalize", "squeeze_spaces", "cached"]

LABELS = ("SEGMENT", "TECH", "CLUSTER", "COUNTY")
_CACHE: dict[int, tuple[object, dict]] = {}
_SEP = "\x00"  # joins the lines of a record for one scan (Scanner.scan_lines)
_SPACE_RE = re.compile(r"(?<![A-Za-z0-9])[ \t\u3000\xa0]+|[ \t\u3000\xa0]+(?![A-Za-z0-9])")


@dataclass(frozen=True)
class Entry:
    """One meaning of a term: ``label`` (SEGMENT/TECH/CLUSTER/COUNTY), the ``id`` it names,
    its ``cluster`` (or None), ``level`` in the segment hierarchy (0 for non-segments) and
    ``kind`` (name/keyword/product/direction/short)."""

    label: str
    id: str
    cluster: str | None
    level: int = 0
    kind: str = "name"


def normalize(text: str) -> str:
    """NFKC (full-width → half-width digits, ％ → %) and drop spaces that PDF extraction puts
    inside Chinese text, keeping one space between two ASCII words.

    >>> normalize("规上工业 总产值达到 1 万亿元，到 2025  年 PLC 工业")
    '规上工业总产值达到1万亿元,到2025年PLC工业'
    """
    return squeeze_spaces(halfwidth(text or ""))


def squeeze_spaces(text: str) -> str:
    """The space rule of :func:`normalize` alone (for text already in NFKC); a text without any
    space character is returned as is (the regex costs ~9 µs on a 100-character line).

    >>> squeeze_spaces("电机 系列"), squeeze_spaces("PLC 工业"), squeeze_spaces("电机")
    ('电机系列', 'PLC工业', '电机')
    """
    if " " in text or "\u3000" in text or "\t" in text or "\xa0" in text:
        return _SPACE_RE.sub("", text)
    return text


def _add(table: dict, term: str | None, entry: Entry) -> None:
    term = normalize(term or "").strip()
    if len(term) < 2:  # one character is never specific enough (泵 is handled by longer terms)
        return
    lst = table.setdefault(term, [])
    if entry not in lst:
        lst.append(entry)


def vocabulary(ontology) -> dict[str, list[Entry]]:
    """``term -> [Entry]`` for every term of the ontology (cached per ontology object).

    A term shared by several segments keeps all of them; callers decide (classify prefers the
    deepest segment, extraction the cluster).
    """
    key = id(ontology)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is ontology:
        return hit[1]
    table: dict[str, list[Entry]] = {}
    for s in ontology.segments.values():
        _add(table, s.name, Entry("SEGMENT", s.id, s.cluster, s.level, "name"))
        for kw in s.keywords:
            _add(table, kw, Entry("SEGMENT", s.id, s.cluster, s.level, "keyword"))
        for p in s.products:
            _add(table, p, Entry("SEGMENT", s.id, s.cluster, s.level, "product"))
    seg_cluster = {s.id: s.cluster for s in ontology.segments.values()}
    for t in ontology.technologies.values():
        clusters = {seg_cluster.get(x) for x in t.segments} - {None}
        _add(table, t.name, Entry("TECH", t.id, clusters.pop() if len(clusters) == 1 else None))
    for c in ontology.clusters.values():
        for form in (c.name, f"{c.name}产业", f"{c.name}产业集群"):
            _add(table, form, Entry("CLUSTER", c.id, c.id, 0, "name"))
        for d in c.directions:
            _add(table, d, Entry("CLUSTER", c.id, c.id, 0, "direction"))
    for ct in ontology.counties.values():
        _add(table, ct.name, Entry("COUNTY", ct.id, None, 0, "name"))
        _add(table, ct.short, Entry("COUNTY", ct.id, None, 0, "short"))
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[key] = (ontology, table)
    return table


def cached(ontology, slot: str, build):
    """Per-ontology memo for derived objects (nlp, scanners): ``build()`` runs once per slot."""
    key = (id(ontology), slot)
    hit = _CACHE.get(key)  # type: ignore[arg-type]
    if hit is not None and hit[0] is ontology:
        return hit[1]
    value = build()
    _CACHE[key] = (ontology, value)  # type: ignore[index]
    return value


def _trie_regex(terms) -> str:
    """One regex for all terms, factored by common prefix; greedy ``?`` makes it leftmost-longest."""
    trie: dict = {}
    for t in terms:
        node = trie
        for ch in t:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return emit(trie)


class Scanner:
    """Leftmost-longest, non-overlapping matcher over a term table.

    Two equal implementations: :meth:`scan` / :meth:`scan_lines` (one compiled Aho-Corasick
    automaton, ``ahocorasick_rs`` with ``MatchKind.LeftmostLongest``: one pass in native code over
    all lines of a record) and :meth:`find` / :meth:`finditer` (one trie regex, the reference the
    tests compare against; ~5× slower on real records, where the regex tries its branches at every
    position).

    >>> sc = Scanner({"缝纫机": [], "工业缝纫机": [], "电机": []})
    >>> sc.scan("工业缝纫机及电机")
    [(0, 5, '工业缝纫机'), (6, 8, '电机')]
    >>> sc.scan_lines(["水泵", "工业缝纫机", "电机、缝纫机"])
    {1: [(0, 5, '工业缝纫机')], 2: [(0, 2, '电机'), (3, 6, '缝纫机')]}
    """

    def __init__(self, table: dict[str, list]) -> None:
        self.table = table
        terms = [t for t in table if t]
        self.regex = re.compile(_trie_regex(terms)) if terms else re.compile(r"(?!x)x")
        if any(_SEP in t for t in terms):
            raise ValueError(f"a term holds the line separator {_SEP!r}")
        self._terms = terms
        self._match = (ahocorasick_rs.AhoCorasick(terms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
                       .find_matches_as_indexes if terms else lambda _text: [])

    def finditer(self, text: str):
        return self.regex.finditer(text)

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """``[(start, end, term)]`` for ``text``, leftmost-longest (same result as :meth:`find`)."""
        terms = self._terms
        try:
            return [(a, b, terms[i]) for i, a, b in self._match(text)]
        except UnicodeEncodeError:  # a lone surrogate (text decoded with surrogateescape): the regex reads it
            return self.find(text)

    @staticmethod
    def join(lines: list[str]) -> str:
        """The lines as :meth:`scan_lines` scans them (joined by a character no term holds)."""
        return _SEP.join(lines)

    def scan_lines(self, lines: list[str], joined: str | None = None) -> dict[int, list[tuple[int, int, str]]]:
        """``{line index: scan(line)}`` for the lines that hold a term, in line order, from one
        automaton pass over the lines joined by a character no term holds (so no match spans two
        lines and each line's matches are those of :meth:`scan` on it; offsets are per line).
        ``joined``: :meth:`join` of ``lines``, when the caller has it already."""
        if not lines:
            return {}
        try:
            found = self._match(_SEP.join(lines) if joined is None else joined)
        except UnicodeEncodeError:  # a lone surrogate somewhere: line by line, as scan() does
            return {li: got for li, got in enumerate(map(self.scan, lines)) if got}
        if not found:
            return {}
        terms = self._terms
        out: dict[int, list] = {}
        li, lo, hi = 0, 0, len(lines[0])  # the line holding the current match: [lo, hi) in the joined text
        for i, a, b in found:
            while a >= hi:
                li += 1
                lo = hi + 1
                hi = lo + len(lines[li])
            hit = (a - lo, b - lo, terms[i])
            got = out.get(li)
            if got is None:
                out[li] = [hit]
            else:
                got.append(hit)
        return out

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``[(start, end, term)]`` for ``text``."""
        return [(m.start(), m.end(), m.group()) for m in self.regex.finditer(text)]
