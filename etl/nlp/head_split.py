"""Re-cut a leftmost-longest match that swallowed the start of a longer head term (round 14).

What: :func:`split_table` lists, once per index, every term ``t`` that can be cut as ``t[:k]`` (itself a term) +
the start of a longer term ``u`` (``t[k:]`` is a proper prefix of ``u``); :func:`resegment` re-cuts a line's scan
where the text really continues into ``u``: 电动汽车电机控制器, scanned leftmost-longest as 电动汽车电机|控制器, becomes
电动汽车|电机控制器. The rest of the line after the new head is scanned again.

Why: the scanner takes the longest term at the leftmost position, and a compound modifier can swallow the first
characters of the head after it. Chinese compounds are head-final (docs/log/classifier-rounds.md §3), so of two readings
that cover the same characters the one that keeps the later, longer term whole names the product; the earlier
term is then only its modifier. The cut is made only where both parts are terms of the vocabulary and the longer
head actually follows in the text, so nothing changes on a line the vocabulary reads one way only.

>>> table = split_table({"电动汽车": 1, "电动汽车电机": 1, "电机控制器": 1, "电机": 1, "控制器": 1, "电机制造": 1})
>>> table["电动汽车电机"]
((4, ('电机控制器',), False),)
>>> line = "电动汽车电机控制器"
>>> resegment(line, [(0, 6, "电动汽车电机"), (6, 9, "控制器")], table, lambda s: [])
[(0, 4, '电动汽车'), (4, 9, '电机控制器')]
>>> resegment("电动汽车电机", [(0, 6, "电动汽车电机")], table, lambda s: [])
[(0, 6, '电动汽车电机')]
"""

from __future__ import annotations

import bisect

from etl.nlp.lexicon import SUFFIX_RE

__all__ = ["split_table", "resegment"]


def split_table(terms) -> dict[str, tuple]:
    """``{term: ((k, (longer heads …, longest first), bare), …)}`` for every term that a cut at ``k`` leaves as a term
    ``t[:k]`` followed by a proper prefix ``t[k:]`` of longer terms (the heads); ``bare``: ``t[:k]`` is no term, only
    a modifier (智能|马桶控制器), and the heads are at least as long as ``t``. A head that extends ``t[k:]`` only by
    a suffix word (模具|设计, 整车|制造, 批发|零售: ``lexicon.SUFFIX_RE``) is no head: the phrase analysis reads such a
    word as a suffix of the swallowed term anyway, and the cut would only move the modifier."""
    terms = [t for t in terms if t]
    known = set(terms)
    ordered = sorted(known)
    out: dict[str, tuple] = {}
    for t in terms:
        cuts = []
        for k in range(1, len(t)):
            # t[:k] a term (电动汽车|电机控制器), or a bare modifier before a head at least as long as t (智能|马桶控制器:
            # 智能马桶控制器 is a controller, not a toilet; round 18)
            least = 0 if t[:k] in known else len(t)
            rest = t[k:]
            i = bisect.bisect_right(ordered, rest)
            heads = []
            while i < len(ordered) and ordered[i].startswith(rest):
                u = ordered[i]
                i += 1
                if len(u) >= least and not SUFFIX_RE.fullmatch(u[len(rest):]):  # 汽车模具|设计: a suffix word
                    heads.append(u)
            if heads:
                cuts.append((k, tuple(sorted(heads, key=len, reverse=True)), least > 0))
        if cuts:
            out[t] = tuple(cuts)
    return out


def resegment(line: str, scanned: list, table: dict, scan) -> list:
    """``scanned`` (``[(a, b, term)]`` of ``line``, leftmost-longest) with each hit whose term swallowed the start
    of a longer head re-cut (the first cut, in term order, whose head follows in the text, longest head first);
    after a cut the rest of the line is re-read with ``scan`` (a function of a string)."""
    if not table:
        return scanned
    out: list = []
    i = 0
    while i < len(scanned):
        a, b, t = scanned[i]
        cut = None
        # a bare modifier's cut only where t left the rest of a head unread (智能马桶|控制器…): where a term follows at
        # once, t is its modifier (化学药品|制剂, 塑料型材|挤出模具) and the reading stands
        read_on = i + 1 < len(scanned) and scanned[i + 1][0] == b
        for k, heads, bare in table.get(t, ()):
            if bare and read_on:
                continue
            for u in heads:
                if line.startswith(u, a + k):
                    cut = (k, u, bare)
                    break
            if cut:
                break
        if cut is None:
            out.append((a, b, t))
            i += 1
            continue
        k, u, bare = cut
        end = a + k + len(u)
        if not bare:  # a bare modifier (智能) is no term: nothing to credit
            out.append((a, a + k, t[:k]))
        out.append((a + k, end, u))
        rest = [(x + end, y + end, s) for x, y, s in scan(line[end:])]
        return out + resegment(line, rest, table, scan)
    return out
