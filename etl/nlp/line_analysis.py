"""Analysis of one product line or 经营范围 item: which terms it holds, whether each is the head of its
phrase, a modifier, a customer word or negated, and how much it counts.

What: :func:`field_hits` analyses each line of a field once (cached per ontology: registry scopes repeat
the same 规范表述 items) and returns the hits with the line's weight, for :func:`etl.nlp.evidence.accumulate`
to credit to segments.

Why: Chinese compounds are head-final — 新能源汽车|驱动电机 is a motor, 商用车|齿轮 a gear made for a
customer, HDPE|缠绕管 a pipe made of a resin; rules and their measured effect: docs/log/classifier-rounds.md §3.
"""

from __future__ import annotations

import bisect

from etl.nlp.dosage_forms import dosage_heads, drug_in_form
from etl.nlp.head_split import resegment
from etl.nlp.index import Index
from etl.nlp.item_shapes import bracket_kinds, shared_modifier
from etl.nlp.lexicon import (COORD, HEAD_TERMS, MATERIAL_FORM_RE, NEG_RE, PHRASE_RE, SERVICE_HEAD_RE, SUFFIX_RE,
                             ascii_edge)
from etl.nlp.textparse import trade_factor

__all__ = ["field_hits"]


class _Hit:
    __slots__ = ("tag", "li", "ph", "w", "share", "term", "factor", "trade", "credit", "line", "customer", "whole",
                 "generic", "root1", "clusters")

    def __init__(self, tag, li, w, share, line, item):
        self.tag, self.li, self.w, self.share, self.line = tag, li, w, share, line
        (self.ph, self.term, self.factor, self.trade, self.credit, self.customer, self.whole,
         self.generic, self.root1, self.clusters) = item
        # whole: the term is the whole line (陆上泵, 铺布机): the line names the product
        # root1: the one top-level segment of all credited segments (None when several)


def field_hits(lines: list[tuple[str, float]], tag: str, idx: Index, negs: dict, out: list) -> None:
    """The hits of all lines of one field (tag 'p' products, 's' scope) into ``out``; the negative
    words found go to ``negs`` (segment -> weight of the line holding one)."""
    if not lines:
        return
    # 经营范围 items repeat across firms (规范表述 of registry exports): each is looked up before any scan,
    # and a scope whose items were all seen before is not scanned; product lines are scanned first
    for li, (items, neg_ids) in (_looked_up(lines, tag, idx) if tag == "s" else _scanned(lines, tag, idx)):
        entry = lines[li]
        w = entry[1]
        share = entry[2] if len(entry) > 2 else -1.0  # the line's own revenue share, -1 when unknown
        if neg_ids:
            nw = w if tag == "p" else 0.5
            for sid in neg_ids:
                if nw > negs.get(sid, 0.0):
                    negs[sid] = nw
        line = entry[0]
        for item in items:
            out.append(_Hit(tag, li, w, share, line, item))


_HEADS = tuple(p for p, _re, _sid in HEAD_TERMS)  # 泵, 药
_NO_HIT = ((), ())  # the analysis of a line without any term or 泵/药 head
_CACHE_MAX = 200_000  # analysed lines kept per ontology (registry scopes repeat the same 规范表述 items)


def _scanned(lines: list, tag: str, idx: Index) -> list:
    """``[(line index, analysis)]`` of the lines that hold a term or a 泵/药 head, in line order: one
    automaton pass over all lines, then each such line's analysis from the cache or computed once
    (product lines: most are the firm's own, and 88 % of real revenue lines hold no term)."""
    texts = [entry[0] for entry in lines]
    joined = idx.scanner.join(texts)
    scanned = idx.scanner.scan_lines(texts, joined)
    heads = [p for p in _HEADS if p in joined]
    if heads:  # a line without a term may still hold a phrase headed by 泵/药 (lexicon.HEAD_TERMS)
        todo = sorted(set(scanned).union(li for li, t in enumerate(texts) if any(p in t for p in heads)))
    elif scanned:
        todo = scanned  # in line order
    else:
        return []
    cache = idx.cache
    get = cache.get
    out = []
    for li in todo:
        line = texts[li]
        key = (tag, line)
        res = get(key)
        if res is None:
            res = _line_analysis(line, tag, idx, scanned.get(li, []))
            if len(cache) > _CACHE_MAX:
                cache.clear()
            cache[key] = res
        out.append((li, res))
    return out


def _looked_up(lines: list, tag: str, idx: Index) -> list:
    """``[(line index, analysis)]`` of the lines that hold a term or a 泵/药 head, in line order: each
    line is looked up in the cache first; the lines not found are scanned in one automaton pass, analysed
    and cached, those without a term too (as ``_NO_HIT``). Used for 经营范围 items (registry scopes repeat
    the same 规范表述 items); product lines are the firm's own (88 % of real revenue lines hold no term):
    looked up first, they cost ≈ 4–6 % more instructions per real record, so they are scanned first."""
    cache = idx.cache
    get = cache.get
    found = [get((tag, entry[0])) for entry in lines]
    miss = [li for li, res in enumerate(found) if res is None]
    if miss:
        texts = [lines[li][0] for li in miss]
        joined = idx.scanner.join(texts)
        scanned = idx.scanner.scan_lines(texts, joined)
        heads = [p for p in _HEADS if p in joined]
        if len(cache) > _CACHE_MAX:
            cache.clear()
        for j, li in enumerate(miss):
            line = texts[j]
            got = scanned.get(j)
            if got is None and not (heads and any(p in line for p in heads)):
                found[li] = _NO_HIT
                cache[(tag, line)] = _NO_HIT
                continue
            cache[(tag, line)] = found[li] = _line_analysis(line, tag, idx, got or [])
    return [(li, res) for li, res in enumerate(found) if res is not _NO_HIT]


def _line_analysis(line: str, tag: str, idx: Index, scanned: list) -> tuple[tuple, tuple]:
    """``(hits, negative segment ids)`` of one product line / scope item (``scanned``: its terms,
    :meth:`~etl.nlp.vocab.Scanner.scan`), independent of its weight: each hit is
    ``(phrase, term, factor, trade factor, credit, customer?, whole line?)`` (module doc)."""
    neg = [m.span() for m in NEG_RE.finditer(line)] if ("不" in line or "除外" in line) else ()
    splits, alias = idx.splits, idx.alias
    if any(t in splits for _a, _b, t in scanned):  # 电动汽车电机|控制器 → 电动汽车|电机控制器 (round 14)
        scanned = resegment(line, scanned, splits, idx.scanner.scan)
    if any(t in alias for _a, _b, t in scanned):  # pvc树脂, wifi模组: the vocabulary's PVC树脂, WiFi模组 (round 14)
        scanned = [(a, b, alias.get(t, t)) for a, b, t in scanned]
    if idx.car_use and any(t in idx.car_use for _a, _b, t in scanned):
        scanned = _car_use(line, scanned, idx)
    if len(scanned) > 1:  # 液压泵及马达: the modifier written once for both heads → 液压马达 (round 17b)
        scanned = shared_modifier(line, scanned, idx)
    found = []  # (a, b, term)
    line_neg: set = set()
    for a, b, t in scanned:
        if neg and any(x <= a < y for x, y in neg):
            continue
        if t in idx.latin and ascii_edge(line, a, b):
            continue
        if t in idx.negative:
            line_neg |= idx.negative[t]
        found.append((a, b, t))
    if idx.api_root and found:  # 缬沙坦|片: the dosage form is the head, the drug its modifier (review 40 F6)
        if forms := dosage_heads(line, found, idx):
            found = sorted(found + forms)
    for pseudo, head_re, _sid in HEAD_TERMS:
        if pseudo not in line or pseudo not in idx.credit:
            continue
        # a phrase headed by 泵 (…泵, …泵系列) / 药 (泌尿系统药) that no longer term explains is a pump / a drug
        for m in head_re.finditer(line):
            a, b = m.span()
            if neg and any(x <= a < y for x, y in neg):
                continue
            if not any(x < b and a < y for x, y, _t in found):
                found.append((a, b, pseudo))
                continue
            # 隔膜|泵, 抗感染|药: a term right before the uncovered head modifies it (the pump, the drug is the head)
            k = m.start("head")
            if any(y == k for _x, y, _t in found) and not any(x <= k < y for x, y, _t in found):
                found.append((k, b, pseudo))
        found.sort()
    hits = [(a, b, t) for a, b, t in found if idx.credit.get(t)]
    if not hits:
        return (), tuple(sorted(line_neg))
    cuts = [m.start() for m in PHRASE_RE.finditer(line)] if len(hits) > 1 or len(line) > 4 else []
    trade = trade_factor(line, tag == "s")
    phrase = [bisect.bisect(cuts, a) for a, _b, _t in hits]
    rec = []
    whole = len(hits) == 1 and not SUFFIX_RE.sub("", line[:hits[0][0]] + line[hits[0][1]:]).strip("()- ")
    # 药品生产(原料药: the bracket names the kind, the term before it modifies it; the line is the kind (round 17b)
    kinds = bracket_kinds(line, hits, idx) if ("(" in line or "[" in line) else ()
    if kinds == [0] and len(hits) == 2:
        whole = not SUFFIX_RE.sub("", line[:hits[0][0]] + line[hits[1][1]:]).strip("()[]- ")
    for k, (a, b, t) in enumerate(hits):
        ph = phrase[k]
        end = cuts[ph] if ph < len(cuts) else len(line)
        if k + 1 < len(hits) and phrase[k + 1] == ph:  # another term follows: coordinated, or its modifier
            gap = line[b:hits[k + 1][0]]
            if gap and gap[0] in COORD:
                head = 1.0
            elif drug_in_form(idx, t, hits[k + 1][2], gap):
                head = 0.0  # 缬沙坦|片剂, 阿托伐他汀钙|胶囊: the drug a dosage form holds (review 40 F6)
            elif _all_upstream(idx, hits[k + 1][2]) and not _all_upstream(idx, t):
                head = 0.0  # a product naming what a material is for: 抗肿瘤药|中间体, 电机|硅钢 (a customer)
            elif idx.spec[t] > 0.4 and _narrows(idx, t, hits[k + 1][2]):
                head = 1.0  # 针剂|药, 片剂|药: the modifier names a finer segment of the head's (round 13)
            else:  # a modifier: of a term of its own cluster it only narrows it (新能源汽车|驱动电机)
                same = not idx.clusters_of[t].isdisjoint(idx.clusters_of[hits[k + 1][2]])
                head = 0.15 if same else 0.3
        else:
            tail = SUFFIX_RE.sub("", line[b:end], count=1) if b < end else ""
            head = 1.0 if not tail or tail[0] in COORD else 0.7
            if tail and SERVICE_HEAD_RE.match(tail) and t not in idx.service_terms:
                head = 0.0  # 机载设备|维修: maintenance of the product, not the product
            if head < 1.0 and _all_upstream(idx, t):
                if _material_form(tail):
                    head = 1.0  # 钛合金|材料, PBT|树脂, 钕铁硼|磁体: still the material (round 13)
                else:
                    head = 0.35  # a material naming what a product is made of (HDPE|缠绕管, 钛合金|棒材)
        rec.append([t, head, ph])
    for k in kinds:
        rec[k][1] = min(rec[k][1], 0.15)
    # a generic head (齿轮, 电控系统) modified by a specific term (刺绣机|电控系统): the phrase is about
    # the modifier's cluster
    for k, r in enumerate(rec):
        t, head, ph = r
        if head == 1.0 and idx.spec[t] <= 0.4 and k > 0:
            mods = [q for q in rec[:k] if q[2] == ph and 0.0 < q[1] < 1.0 and idx.spec[q[0]] > 0.4
                    and not idx.customer.get(q[0], False)]
            if mods:
                same = not idx.clusters_of[t].isdisjoint(frozenset().union(*(idx.clusters_of[q[0]] for q in mods)))
                r[1] = 0.3 if same else 0.0  # 压缩机|曲轴: a compressor part, not an engine part
                for q in mods:
                    q[1] = 1.0 if same else 0.7
    items = []
    supported = set()  # generic heads with a modifier of their own cluster (PE|管材, 电动汽车|充电机)
    moto_head = set()  # car-part heads of a motorcycle customer word (摩托车|齿轮)
    skip_redirect = set()
    for k, (t, head, ph) in enumerate(rec):
        if head < 1.0 and k + 1 < len(rec) and rec[k + 1][2] == ph:
            nt = rec[k + 1][0]
            if line_neg and any(line_neg & set(idx.lineage.get(sid, (sid,))) for sid, _ in idx.credit[t]):
                continue  # 动车组|客车|座椅: a negated customer supports nothing
            if not idx.clusters_of[t].isdisjoint(idx.clusters_of[nt]):
                supported.add(k + 1)
                if idx.customer.get(t, False):
                    skip_redirect.add(k)  # the head names the part: 商用车|齿轮 is a gear, not also 零部件
                    if any(sid in idx.moto_subtree for sid, _ in idx.credit[t]):
                        moto_head.add(k + 1)
    for k, (t, head, ph) in enumerate(rec):
        if head == 0.0:
            continue
        credit = idx.credit[t]
        f = idx.spec[t] * head
        redirected = False
        if k in moto_head and idx.moto_parts:
            credit = [(idx.moto_parts if sid in idx.car_parts else sid, share) for sid, share in credit]
        if head < 1.0 and idx.customer.get(t, False) and k in skip_redirect:
            continue
        if head < 1.0 and idx.customer.get(t, False):
            # an end product that is not the head names the customer: 商用车|齿轮, 摩托车|胶管 → parts of it
            if line_neg and any(line_neg & set(idx.lineage.get(sid, (sid,))) for sid, _ in credit):
                continue  # 动车组|客车座椅: a rail customer
            credit = [(idx.parts_of.get(sid, ""), share) for sid, share in credit]
            credit = [(sid, share) for sid, share in credit if sid]
            f = idx.spec[t] * 0.5
            redirected = True
        if line_neg:
            credit = [(sid, share) for sid, share in credit
                      if not (line_neg & set(idx.lineage.get(sid, (sid,))))]
        if credit:
            if credit is idx.credit[t]:  # as listed: its tuple, root and clusters are precomputed
                credit, root1, clusters = idx.credit_item[t]
            else:
                roots = {idx.root.get(sid) for sid, _ in credit}
                root1 = next(iter(roots)) if len(roots) == 1 else None
                clusters = tuple({idx.cluster.get(sid): None for sid, _ in credit})
            items.append((ph, t, f, trade, tuple(credit), redirected, whole and head == 1.0,
                          idx.spec[t] <= 0.4 and k not in supported, root1, clusters))
    # only tuples of str/float/bool in the cache: the garbage collector untracks them, so a large
    # cache does not make every full collection slower (measured: one full collection was ~15 % of a run)
    return tuple(items), tuple(sorted(line_neg))


def _car_use(line: str, scanned: list, idx: Index) -> list:
    """汽车用线束 at the start of a line (or after 一般项目：) is the vocabulary's 汽车线束 (``Index.car_use``); elsewhere
    (非汽车用发动机, …及汽车用X) it is read as before: 汽车 and the rest scanned on its own (round 17)."""
    out = []
    for a, b, t in scanned:
        v = idx.car_use.get(t)
        if v is None:
            out.append((a, b, t))
        elif not line[:a].strip(" ：:"):
            out.append((a, b, v))
        else:
            if "汽车" in idx.credit:
                out.append((a, a + 2, "汽车"))
            out.extend((a + 3 + x, a + 3 + y, u) for x, y, u in idx.scanner.scan(line[a + 3:b])
                       if u not in idx.car_use)
    return out


def _narrows(idx: Index, term: str, head_term: str) -> bool:
    """Every segment the head term credits is a proper ancestor of one the modifier credits (针剂 → 注射剂 under 药 →
    成品药): the phrase names the modifier's finer segment — the ontology's own hierarchy says which is finer. (The
    caller asks only for a specific modifier: a generic one, 轴承|零配件, stays a modifier that supports its head.)"""
    anc = idx.ancestors
    below = set()
    for sid, _share in idx.credit[term]:
        below.update(anc.get(sid, ()))
    return bool(below) and all(sid in below for sid, _share in idx.credit[head_term])


def _material_form(tail: str) -> bool:
    """The rest of a phrase after a material term is only a word for the material's form (材料, 树脂, 粒子, 磁体 …),
    with nothing after it but a suffix (系列, 销售 …): 高端钛合金|材料, 粘结钕铁硼|磁体, XLPE|料."""
    m = MATERIAL_FORM_RE.match(tail)
    if m is None:
        return False
    rest = SUFFIX_RE.sub("", tail[m.end():], count=1)
    return not rest or rest[0] in COORD


def _all_upstream(idx: Index, term: str) -> bool:
    return term in idx.all_upstream  # every credited segment is 上游 (index._derive)
