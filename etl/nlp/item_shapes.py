"""Two shapes of 经营范围 item text that change which term an item names (round 17b).

What: :func:`shared_modifier` reads the bare second conjunct of ``M+H及X`` as ``M+X`` when that form is a
term of the first conjunct's own segment (液压泵及马达 → 液压泵, 液压马达); :func:`bracket_kinds` says which terms
are followed by a bracket that names another, finer kind of the same cluster (药品生产（原料药）: the licence is for
原料药, so 药品生产 only modifies it).

Why: registry items coordinate products the way 规范表述 write them — a modifier is written once for two
heads (液压泵及马达研发、制造), and a licence names its scope in a bracket (药品生产（原料药）). Read term by term,
the first gives a generic 马达 (电机) beside the hydraulic pump, and the second a 成品药 link ranked above the
原料药 the bracket names (docs/log/product-checks.md, product check of 2026-12-01; docs/log/classifier-rounds.md round 17b).

>>> from types import SimpleNamespace as NS
>>> idx = NS(credit={"液压泵": [("h", 1.0)], "马达": [("m", 1.0)], "液压马达": [("h", 1.0)],
...                  "变频器": [("c", 1.0)], "电机": [("m", 1.0)], "变频电机": [("s", 1.0)]})
>>> shared_modifier("液压泵及马达研发", [(0, 3, "液压泵"), (4, 6, "马达")], idx)
[(0, 3, '液压泵'), (4, 6, '液压马达')]
>>> shared_modifier("变频器及电机", [(0, 3, "变频器"), (4, 6, "电机")], idx)
[(0, 3, '变频器'), (4, 6, '电机')]
>>> idx = NS(clusters_of={"药品生产": frozenset({"ph"}), "原料药": frozenset({"ph"}), "中间体": frozenset({"ph"})},
...          credit={"药品生产": [("fin", 1.0)], "原料药": [("api", 1.0)], "中间体": [("int", 1.0)]},
...          lineage={"fin": ("fin", "ph"), "api": ("api", "ph"), "int": ("int", "ph")})
>>> bracket_kinds("药品生产(原料药", [(0, 4, "药品生产"), (5, 8, "原料药")], idx)
[0]
>>> bracket_kinds("原料药(含中间体", [(0, 3, "原料药"), (5, 8, "中间体")], idx)
[]
"""

from __future__ import annotations

import re

from etl.nlp.lexicon import COORD

__all__ = ["shared_modifier", "bracket_kinds"]

_MIN_MODIFIER = 2  # 液压, 潜水: a one-character prefix (水|泵) is no modifier of its own
#: what may stand between a bracket and the kind it names: nothing, or a word that restricts (仅限原料药); a bracket
#: opening with 含/包括 lists what the item also covers, not what it is
_KIND_LEAD_RE = re.compile(r"(?:仅限|限于|仅|限)?")


def shared_modifier(line: str, scanned: list, idx) -> list:
    """``scanned`` (``[(start, end, term)]`` in line order) with each term that directly follows another across one
    coordinating character (及/和/与/或/、) replaced by ``M + term`` when ``M`` is a proper prefix of the term before
    (at least two characters, the longest that fits) and ``M + term`` is a term of a segment the term before is one of (液压泵, 液压马达:
    液压泵与液压马达): the modifier is written once for both heads, and the bare head is that segment's short form.
    A joined form of another segment is left alone (变频器及电机 is no 变频电机, 汽车发动机及零部件 no engine part). Any other line is returned as it is."""
    out = list(scanned)
    credit = idx.credit
    for j in range(1, len(out)):
        a1, b1, t1 = out[j - 1]
        a2, b2, t2 = out[j]
        if a2 != b1 + 1 or line[b1] not in COORD or len(t1) <= _MIN_MODIFIER:
            continue
        for n in range(len(t1) - 1, _MIN_MODIFIER - 1, -1):
            joined = credit.get(t1[:n] + t2)
            if joined and {sid for sid, _ in joined} & {sid for sid, _ in credit.get(t1, ())}:
                out[j] = (a2, b2, t1[:n] + t2)
                break
    return out


def bracket_kinds(line: str, hits: list, idx) -> list[int]:
    """Indexes ``k`` of ``hits`` (``[(start, end, term)]``) whose term is followed at once by an opening bracket
    whose first term (after nothing, or after 仅限/限于) is of the same cluster but of none of the term's segments or
    their ancestors: the bracket names a finer or another kind (原料药 beside 成品药), and the term before it is read as a
    modifier of that kind by the caller. An alias or a coarser name in the bracket (CRO, 塑料模具) changes nothing."""
    out = []
    for k in range(len(hits) - 1):
        _a, b, t = hits[k]
        if b >= len(line) or line[b] not in "([":
            continue
        a2, _b2, t2 = hits[k + 1]
        if not _KIND_LEAD_RE.fullmatch(line[b + 1:a2]) or idx.clusters_of[t].isdisjoint(idx.clusters_of[t2]):
            continue
        # the same thing or a coarser name in the bracket (医药研发服务(CRO), 注塑模具(塑料模具)) names no finer kind
        lineage = idx.lineage
        above = {a for sid, _ in idx.credit.get(t, ()) for a in lineage.get(sid, (sid,))}
        if all(sid not in above for sid, _ in idx.credit.get(t2, ())):
            out.append(k)
    return out
