"""Map an enterprise to chain segments from its 主营产品 and 经营范围.

What: :func:`classify` scores every segment whose vocabulary (names, keywords, products) occurs
in the texts and returns the best ``top_k`` as :class:`SegmentMatch` (segment, cluster,
confidence 0–1, the matched terms as evidence). :func:`assign_segments` honours an explicit
``segment`` field (ids or names) and otherwise classifies; :func:`classify_many` does it for many
records.

Why / how it scores:
- a match in 主营产品 weighs 2×, in 经营范围 1× (products say what the firm makes; the scope
  lists everything it may legally do);
- a term weighs by its length (2 chars 0.5 … 8+ chars 2.0), matching is leftmost-longest, so
  工业缝纫机 is one match for the specific segment, not 缝纫机 for the generic parent;
- a term listed by a parent and its child counts for the child; a term shared by segments of
  different clusters is split between them;
- a parent is dropped when one of its descendants matched, unless it has evidence of its own
  (a match in a phrase — text between 、,;() — where no descendant matched); a dropped parent's
  score reinforces the child (头孢类原料药 → the 头孢类 child, not also 原料药);
- when a phrase holds several terms, the last one (the head of a Chinese compound) weighs 1.3×:
  新能源汽车驱动电机 is a 驱动电机;
- terms after 不含/不包括/不从事, and the clause before 除外, are ignored;
- confidence = 1 − exp(−score / 1.5): one 5-char product ≈ 0.81, one 3-char scope keyword ≈ 0.39.

Bulk path: matching uses :class:`etl.nlp.vocab.Scanner` (one trie-shaped regex over the same
vocabulary as the spaCy EntityRuler) instead of ``nlp.pipe`` — same terms and same longest-match
rule, ~30× faster (see ``bench/classify.py``). spaCy stays the pipeline for policy extraction.

>>> from ontology.loader import Ontology
>>> from ontology.models import Cluster, Segment
>>> S = lambda i, n, p=None, kw=(): Segment(id=i, name=n, cluster="sewing", stage="中游", parent=p,
...                                      weight=.1, keywords=list(kw), source="x")
>>> onto = Ontology(clusters={"sewing": Cluster(id="sewing", name="缝制设备", source="x")},
...                 segments={s.id: s for s in [S("sewing-m", "缝纫机", kw=["缝纫机"]),
...                                              S("sewing-ind", "工业缝纫机", "sewing-m")]})
>>> [(m.segment_id, m.matched_terms) for m in classify(None, "工业缝纫机", onto)]
[('sewing-ind', ['工业缝纫机'])]
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

from chainkg.errors import InputError
from etl.nlp.vocab import Scanner, cached, normalize, vocabulary

__all__ = ["SegmentMatch", "classify", "classify_many", "assign_segments", "PRODUCT_WEIGHT", "SCOPE_WEIGHT"]

PRODUCT_WEIGHT = 2.0
SCOPE_WEIGHT = 1.0
HEAD_BONUS = 1.3
_NEG_RE = re.compile(r"(?:不含|不包括|不包含|不从事|不得从事)[^,;。)\]]*|[^,;。(\[、]*除外")
_SPLIT_RE = re.compile(r"[;,、/|,;\s]+")
_PHRASE_RE = re.compile(r"[;,、。()\[\]:|/\s]")
SCOPE_KEYS = ("business_scope", "scope", "经营范围", "text_scope")
PRODUCT_KEYS = ("products", "main_products", "主营产品", "product")
SEGMENT_KEYS = ("segment", "segments", "环节")


@dataclass
class SegmentMatch:
    """One segment an enterprise is mapped to, with the evidence."""

    segment_id: str
    cluster: str
    confidence: float
    matched_terms: list[str] = field(default_factory=list)
    score: float = 0.0


def _index(ontology):
    """Scanner over SEGMENT terms + per term the (segment, share) it credits."""

    def build():
        segs = ontology.segments
        credit: dict[str, list[tuple[str, float]]] = {}
        for term, es in vocabulary(ontology).items():
            es = [e for e in es if e.label == "SEGMENT"]
            if not es:
                continue
            by_cluster: dict[str, list] = {}
            for e in es:
                by_cluster.setdefault(e.cluster, []).append(e)
            picks = []
            for group in by_cluster.values():
                ids = {e.id for e in group}
                # within a cluster: a term listed by a segment and its descendant counts for the descendant
                deepest = [i for i in ids if not any(_is_ancestor(segs, i, j) for j in ids if j != i)]
                picks.extend(sorted(deepest))
            credit[term] = [(sid, 1.0 / len(picks)) for sid in picks]
        return Scanner(credit), credit

    return cached(ontology, "classify-index", build)


def _is_ancestor(segs, a: str, b: str) -> bool:
    """True when segment ``a`` is an ancestor of ``b``."""
    cur = segs.get(b)
    while cur is not None and cur.parent:
        if cur.parent == a:
            return True
        cur = segs.get(cur.parent)
    return False


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return ";".join(str(v) for v in value if v)
    return str(value)


def _ASCII_EDGE(text: str, a: int, b: int) -> bool:
    """True when an ASCII term match touches another ASCII letter/digit (not a whole word)."""
    is_w = lambda c: c.isascii() and c.isalnum()  # noqa: E731
    return ((is_w(text[a]) and a > 0 and is_w(text[a - 1])) or
            (is_w(text[b - 1]) and b < len(text) and is_w(text[b])))


def _scan(text: str, weight: float, scanner: Scanner, credit, scores: dict, evidence: dict, where: dict,
          tag: str) -> None:
    text = normalize(text)
    if not text:
        return
    cuts = [m.start() for m in _PHRASE_RE.finditer(text)]
    neg = [m.span() for m in _NEG_RE.finditer(text)] if ("不" in text or "除外" in text) else ()
    hits = []
    for m in scanner.finditer(text):
        if neg and any(a <= m.start() < b for a, b in neg):
            continue
        a, b = m.span()
        if _ASCII_EDGE(text, a, b):
            continue  # PC inside PCB: ASCII terms must be whole words
        hits.append((m.group(), bisect.bisect(cuts, m.start())))
    heads = {}  # phrase -> index of its last (head) match; Chinese compounds are head-final
    for i, (_t, ph) in enumerate(hits):
        heads[ph] = i
    counts: dict[int, int] = {}
    for _t, ph in hits:
        counts[ph] = counts.get(ph, 0) + 1
    seen = set()
    for i, (term, ph) in enumerate(hits):
        if term in seen:
            continue
        seen.add(term)
        w = weight * min(len(term), 8) / 4.0 * (HEAD_BONUS if counts[ph] > 1 and heads[ph] == i else 1.0)
        phrase = (tag, ph)
        for sid, share in credit[term]:
            scores[sid] = scores.get(sid, 0.0) + w * share
            where.setdefault(sid, set()).add(phrase)
            ev = evidence.setdefault(sid, [])
            if term not in ev:
                ev.append(term)


def classify(text_scope: str | None, products, ontology, *, nlp=None, top_k: int = 3) -> list[SegmentMatch]:
    """Best ``top_k`` segments for an enterprise from its 经营范围 and 主营产品 (str or list).

    ``nlp`` is accepted for API symmetry with extraction and is not needed (the scanner uses the
    same vocabulary). Returns ``[]`` when nothing in the texts is an ontology term.
    """
    scanner, credit = _index(ontology)
    scores: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    where: dict[str, set] = {}  # segment -> phrases (field, index) it matched in
    _scan(_as_text(products), PRODUCT_WEIGHT, scanner, credit, scores, evidence, where, "p")
    _scan(_as_text(text_scope), SCOPE_WEIGHT, scanner, credit, scores, evidence, where, "s")
    if not scores:
        return []
    segs = ontology.segments
    for sid in sorted(scores, key=lambda s: -segs[s].level if s in segs else 0):
        kids = [k for k in scores if k != sid and _is_ancestor(segs, sid, k)]
        if not kids:
            continue
        kid_phrases = set().union(*(where[k] for k in kids))
        if where[sid] <= kid_phrases:  # every parent match sits in a phrase a child matched  # no separate evidence: fold into the best child
            best = max(kids, key=lambda k: scores[k])
            scores[best] += 0.5 * scores.pop(sid)
            where[best] |= where.pop(sid)
            for t in evidence.pop(sid):
                if t not in evidence[best]:
                    evidence[best].append(t)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], -segs[kv[0]].level, kv[0]))[:top_k]
    return [SegmentMatch(sid, segs[sid].cluster, round(1.0 - math.exp(-s / 1.5), 4), evidence[sid], round(s, 4))
            for sid, s in ranked]


def _lookup_segment(value: str, ontology) -> str:
    segs = ontology.segments
    if value in segs:
        return value
    norm = normalize(value)
    for s in segs.values():
        if norm in (s.name, normalize(s.name)):
            return s.id
    raise InputError(f"unknown segment {value!r} (not a segment id or name)", field="segment")


def _get(record: dict, keys):
    for k in keys:
        if record.get(k) not in (None, "", []):
            return record[k]
    return None


def assign_segments(record: dict, ontology, *, top_k: int = 3) -> list[SegmentMatch]:
    """Segments of one record: an explicit ``segment``/``segments`` field (ids or names, ``;``
    or ``,`` separated, or a list) wins with confidence 1.0; otherwise :func:`classify` on its
    ``products``/``主营产品`` and ``business_scope``/``经营范围``.
    Raises :class:`~chainkg.errors.InputError` for an explicit value that names no segment.
    """
    explicit = _get(record, SEGMENT_KEYS)
    if explicit is not None:
        values = explicit if isinstance(explicit, (list, tuple)) else _SPLIT_RE.split(str(explicit))
        out, seen = [], set()
        for v in (str(x).strip() for x in values):
            if not v:
                continue
            sid = _lookup_segment(v, ontology)
            if sid not in seen:
                seen.add(sid)
                out.append(SegmentMatch(sid, ontology.segments[sid].cluster, 1.0, [f"explicit:{v}"], 99.0))
        if out:
            return out
    return classify(_get(record, SCOPE_KEYS), _get(record, PRODUCT_KEYS), ontology, top_k=top_k)


def classify_many(records, ontology, *, top_k: int = 3) -> list[list[SegmentMatch]]:
    """:func:`assign_segments` for each record (dicts), in order — the bulk fast path."""
    _index(ontology)  # build once before the loop
    return [assign_segments(r, ontology, top_k=top_k) for r in records]
