"""A list named by its framework's label: the 、-list of fields right before a quoted label that counts them.

What: :func:`labelled_lists` reads ``A、B、C、D、E、F“六新”产业`` and ``A、B、C、D、E以及F产业“3+2+1”集聚发展`` — a 、-list
(its last item joined by 以及/和/及/与) closed by a quoted label whose count fits the list (a numeral that opens it: 六新
→ 6; digits joined by +: 3+2+1 → 6) — as the clusters of the text's coded framework (:func:`etl.nlp.framework_lists.
framework_code`'s codes, and an industrial system's — “三主六新”产业体系 — or digits joined by + — “3+2+1” — whatever follows
them: :func:`label_code`), when the list's length is a group of that code and the list names fields.

Why (round 35): round 34's held-out run missed 12 clusters listed under a framework that counts them by a label, not by
N大/N个 (常熟's “三主六新”, 东台's “3+2+1”): the label is the list's count, as 三大 is, and the framework names the list.
A label that counts no list (“一带一路”), a count that does not fit, or a list without field words names nothing.

>>> label_code("打造“二主三新”产业体系"), label_code("“3+2+1”集聚发展"), label_code("共建“一带一路”")
((2, 3), (3, 2, 1), ())
>>> [n for n, _l, _s in labelled_lists("聚力发展绿色新能源、前沿新材料、生物医药“三新”产业", (2, 3))]
['绿色新能源', '前沿新材料', '生物医药']
>>> [n for n, _l, _s in labelled_lists("电子信息、装备制造以及新材料产业“2+1”集聚发展", (2, 1))]
['电子信息', '装备制造', '新材料']
>>> labelled_lists("电子信息、装备制造以及新材料产业“2+1”集聚发展", ())
[]
"""

from __future__ import annotations

import re
from functools import lru_cache

from etl.nlp.cluster_names import clean_name, count_of, field_list, is_generic, split_items
from etl.nlp.framework_lists import framework_code, group_sizes

__all__ = ["labelled_lists", "label_count", "label_code"]

#: an industrial system's code in characters (“三主六新”产业体系) or digits joined by + (“3+2+1”, whatever follows)
_SYSTEM_CODE = re.compile(r"[“\"](?:((?:[一二两三四五六七八九十][\u4e00-\u9fff]{1,3}?){2,5})[”\"](?:现代)?产业体系|"
                          r"(\d(?:[+＋]\d){1,4})[”\"])")

#: a 、-list of at least three items right before a quoted label (产业 may stand between them)
_LABELLED = re.compile(r"([^,;。:!?“”\"]+?(?:、[^,;。:!?、“”\"]+?)+)(?:产业)?(?:为(?:主|主体|重点)的)?[“\"]([^”\"]{1,8})[”\"]")  # …和F产业为主的“5+1” (round 37)
#: what a label heads when it counts a place's industries without a framework: a qualifier and 产业 (A、B、C“三大”主导产业;
#: “三专”特色产业: round 37) — not 产业 alone (“四新”产业 in a text with no framework code names nothing, round 35)
_HEADED = re.compile(r"[\u4e00-\u9fff]{1,6}?产业(?!园|区|基地|项目|企业|领域|体系|格局)")
_SUM = re.compile(r"^\d(?:\s*[+＋]\s*\d)+$")
_OPENING_NUMERAL = re.compile(r"^([一二两三四五六七八九十])[\u4e00-\u9fff]{1,2}$")


def label_count(label: str) -> int | None:
    """How many items a framework label counts: 3+2+1 → 6, 六新 → 6; else ``None``."""
    if _SUM.match(label):
        return sum(int(d) for d in re.findall(r"\d", label))
    m = _OPENING_NUMERAL.match(label)
    return count_of(m.group(1) + "个") if m else None


@lru_cache(maxsize=64)
def label_code(text: str) -> tuple[int, ...]:
    """The text's framework code: :func:`framework_code`'s, else the first system code (module doc), else ``()``."""
    code = framework_code(text)
    m = None if code else _SYSTEM_CODE.search(text)
    return tuple(count_of(d + "个") for d in re.findall(r"\d|[一二两三四五六七八九十]", m.group(1) or m.group(2))) if m else code



def labelled_lists(sentence: str, code: tuple[int, ...]) -> list[tuple[str, None, tuple[int, int]]]:
    """``(name, None, span)`` of each item of a 、-list its quoted label counts, in a text whose framework is ``code``."""
    out = []
    for m in _LABELLED.finditer(sentence) if re.search(r"[“\"](?:[一二两三四五六七八九十]|\d[+＋])", sentence) else ():
        count = label_count(m.group(2).strip())
        headed = bool(_HEADED.match(sentence, m.end()))  # the label and a qualifier head a place's industries (round 30's rule)
        head = re.split(r"给|为|对|把|向|让|使|在|将|是", m.group(1))[-1]
        items = [clean_name(i, True) for p in split_items(clean_name(head), None) for i in re.split(r"以及|和|及|与", p)]
        kept = [clean_name(p, True) for p in split_items(clean_name(head), None)]
        items = kept if len(kept) == count else items  # 羽绒及制品 is one item when the count says so (round 37)
        if count is None or len(items) != count or (count not in group_sizes(code) and not headed) or not all(items):
            continue
        if field_list(items) and not any(is_generic(i, True) for i in items):
            out += [(i, None, m.span()) for i in items]
    return out
