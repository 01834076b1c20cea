"""A framework's items counted as industries: the list a cluster framework announces without a cluster head.

What: :func:`counted_industries` reads ``A、B、C等3大优势产业`` and ``A、B、C3个千亿产业`` — a 、-list of fields
closed by its count (N大 or N个), an optional tier (优势, 特色, 新兴 …) and scale class (千亿, 百亿级 …) and the word
产业 — as the plan's clusters when the count fits the list and the list names fields, and the sentence announces
a framework: it names a cluster or chain (``“334”产业集群``, ``10个百亿产业集群``) or the list has a scale class.
It returns ``(name, level, span)``; :mod:`etl.nlp.plan_clusters` makes them cluster mentions. A counted list of a
place's industries with any qualifier (三大引领产业, 五大前沿产业; round 29's 主导/支柱/重点 are instances) names clusters
without a framework, its names before or after the count (round 30's general label rule); a future list does not.

:func:`framework_code` reads a text's coded cluster framework (“231”产业集群: two clusters of one kind, three of another,
one more; “一化一海五优特”: counts in characters, round 22) and :func:`coded_industries` the lists of fields that name its
groups anywhere in the text — a list (A和B, A、B和C, A、B两大) closed by a count (两大产业) or by 等 and a tier (等新兴产业)
whose length is a digit of the code or the sum of neighbouring digits (round 20, 济宁; round 22, 揭阳).

Why: round 16's held-out plans named most of their clusters so (咸宁's “334” 产业集群: 发展A、B、C等3大优势产业,
培育D、E、F、G等4大特色产业; 黄冈's 形成A、B、C3个千亿产业): the items are the framework's clusters, the head is
elsewhere in the sentence. A count that does not fit, a list of products (动力电池、新能源汽车、光伏三大产业同比增长,
no framework) or a list without field words is no framework.

>>> [n for n, _l, _s in counted_industries("推动“334”产业集群发展,发展电子信息、装备制造、冶金建材等3大优势产业")]
['电子信息', '装备制造', '冶金建材']
>>> [(n, l) for n, l, _s in counted_industries("形成农产品加工、建材家居、医药化工3个千亿产业")]
[('农产品加工', '千亿'), ('建材家居', '千亿'), ('医药化工', '千亿')]
>>> framework_code("济宁市组织了一次聚焦“231”产业集群集中采访")
(2, 3, 1)
>>> [n for n, _l, _s in coded_industries("建成投产后将给高端装备和高端化工两大产业提供新动能", (2, 3, 1))]
['高端装备', '高端化工']
>>> [n for n, _l, _s in coded_industries("新一代信息技术、新能源和新材料等新兴产业是地方经济的希望所在", (2, 3, 1))]
['新一代信息技术', '新能源', '新材料']
>>> [(n, l) for n, l, _s in counted_industries("围绕新一代信息技术、汽车制造两大万亿级支柱产业大力引进项目")]
[('新一代信息技术', '万亿级'), ('汽车制造', '万亿级')]
>>> counted_industries("动力电池、新能源汽车、光伏三大产业同比增长20%")
[]
>>> [(n, l) for n, l, _s in counted_industries("以烟草、工程机械两大千亿支柱产业为重点,统筹推进新材料、电子信息两大新兴产业")]
[('烟草', '千亿'), ('工程机械', '千亿'), ('新材料', None), ('电子信息', None)]
"""

from __future__ import annotations

import os
import re

from etl.nlp.cluster_names import NUM_CN, VERBS, clean_name, count_of, field_list, is_generic, split_items
from etl.nlp.field_vocab import is_field
from etl.nlp.joined_lists import counted_parts

__all__ = ["counted_industries", "ranked_list", "framework_code", "group_sizes", "coded_industries", "group_members"]

_TIERS = r"(?:优势|特色|新兴|主导|支柱|战略性新兴|战略性|传统|重点|未来|先导|基础|现代|工业|制造)"  # 五大百亿级工业产业
#: a description between 等 and the count (A、B、C等当前推动的三大重点产业: round 40)
_DESCRIBED = r"(?:(?<=等)[\u4e00-\u9fff]{1,8}的)?"
#: (a count in quotes or between spaces — 新材料“四大主导产业”, 等 7 大战略性新兴产业 — is the same count: round 24)
_COUNTED = re.compile(r"([^,;。:!?]+、[^,;。:!?]+?)(等)?" + _DESCRIBED + r"\s*[“\"]?\s*(" + NUM_CN + r"\s*[个大])" + _TIERS + r"*"
                      r"((?:[一二三四五六七八九]?(?:万亿|千亿|百亿)|\d+亿)元?级?)?" + _TIERS + r"*产业[”\"]?(?=\s*(?:[,;。、)]|$|为(?:重点|主导|核心|引领|主体|支撑)|和|及))")  # …主导产业和县域特色产业 (round 33)
#: a classed count without its head, before a second counted group whose 产业 closes both (A、B2个千亿级,C、D2个五百亿级产业:
#: the class written once for two groups, round 32); the groups as in _COUNTED
_SHARED = re.compile(r"([^,;。:!?]+、[^,;。:!?]+?)(等)?\s*(" + NUM_CN + r"\s*[个大])((?:[一二三四五六七八九]?(?:万亿|千亿|百亿)|\d+亿)元?级)"
                     r"(?=[,,][^,;。:!?]+、[^,;。:!?]+?" + NUM_CN + r"\s*[个大][^,;。:!?]{0,6}?级" + _TIERS + r"*产业)")
#: one field and 等 before a classed count (页岩气及清洁能源等3个五百亿级支柱产业): the example named of a framework's group
_ONE = re.compile(r"([^,;。:!?、“”\"]+?)(等)\s*(" + NUM_CN + r"\s*[个大])" + _TIERS + r"*((?:[一二三四五六七八九]?(?:万亿|千亿|百亿)|\d+亿)元?级)"
                  + _TIERS + r"*产业(?!集群|群|链|领域|园|区|基地|体系|项目|企业|方向)")
_FRAMEWORK = re.compile(r"产业集群|产业链|集群")
#: a counted list of a place's 主导/支柱/重点 industries names its clusters, with or without a class (round 29's label
#: review: 重点推进A、B…五大主导产业; 以A和B两个主导产业为发展重点; A、B、C等9个主导产业实力雄厚) — whatever follows
#: 产业, unless 产业 goes on as a noun (产业领域, 产业园 …) as for 围绕's lists
_RANKED_TIER = re.compile(r"主导|支柱|重点")
_RANKED = re.compile(r"([^,;。:!?]+(?:、[^,;。:!?]+?)+|[^,;。:!?、]+?(?:和|及|与)[^,;。:!?、]+?)(等)?" + _DESCRIBED + r"\s*[“\"]?\s*("
                     + NUM_CN + r"\s*[个大])" + _TIERS + r"*?(?:主导|支柱|重点)" + _TIERS + r"*"
                     r"((?:万亿|千亿|百亿|\d+亿)元?级?)?" + _TIERS + r"*产业[”\"]?(?!集群|群|链|领域|园|区|基地|体系|项目|企业|方向)")
_RANKED_TAIL = re.compile(NUM_CN + r"\s*[个大]" + _TIERS + r"*?(?:主导|支柱|重点)" + _TIERS + r"*((?:万亿|千亿|百亿|\d+亿)元?级?)?"
                          + _TIERS + r"*产业[”\"]?(?!集群|群|链|领域|园|区|基地|体系|项目|企业|方向)")  # its count and head
#: any qualifier word between the count and 产业 (round 30's label rule: a counted list of a place's industries names
#: clusters, whatever its qualifier — 三大引领产业, 五大前沿产业, 四大基础产业); a bare 三大产业 (the three sectors, or
#: 动力电池、新能源汽车、光伏三大产业 of a growth figure) has none and stays unread
_QUALIFIED = re.compile(r"([^,;。:!?]+(?:、[^,;。:!?]+?)+|[^,;。:!?、]+?(?:和|及|与)[^,;。:!?、]+?)(等)?" + _DESCRIBED + r"\s*[“\"]?\s*("
                        + NUM_CN + r"\s*[个大])(?:((?:万亿|千亿|百亿|\d+亿)元?级?)[\u4e00-\u9fff]{0,6}?|[\u4e00-\u9fff]{2,8}?)"
                        r"产业[”\"]?(?!集群|群|链|领域|园|区|基地|体系|项目|企业|方向)")
_QUALIFIED_TAIL = re.compile(r"等?\s*[“\"]?\s*" + NUM_CN + r"\s*[个大](?:(?:万亿|千亿|百亿|\d+亿)元?级?[\u4e00-\u9fff]{0,6}?|"
                             r"[\u4e00-\u9fff]{2,8}?)产业")
_QUALIFIED_END = re.compile(_QUALIFIED_TAIL.pattern + r"[”\"]?(?!集群|群|链|领域|园|区|基地|体系|项目|企业|方向)")
#: a counted list with its names after the count (三大特色优势产业,包括A、B、C; 全市八大主导产业除A产业外,B、C…: the
#: one the 除 clause names is the count's too; round 30)
_AFTER = re.compile(NUM_CN + r"\s*[个大](?:((?:万亿|千亿|百亿|\d+亿)元?级?)[\u4e00-\u9fff]{0,6}?|[\u4e00-\u9fff]{2,8}?)产业[”\"]?"
                    r"(?:除([^,;。:、]{2,10}?)(?:产业)?外)?[,:,:]\s*(?:即|是|包括|分别是|分别为|为)?\s*"
                    r"([^,;。:!?]+?(?:、[^,;。:!?]+?)+)(?=[,;。!?]|$|等)")
#: a first item with its own class and head before a counted group (千亿级商用车产业、健康食品和生物医药两个五百亿级产业)
_CLASSED_FIRST = re.compile(r"((?:[一二三四五六七八九]?(?:万亿|千亿|百亿)|\d+亿)元?级)([^、]{2,10}?)产业、(.+)$")
_RESULT_WORD = re.compile(r"增长|增加|提高|提升|实现|达到|完成|突破|超过|占|分别")  # A、B、C同比增长: a clause, no list
#: the same counted list as the object of 围绕, which a verb may follow (围绕A、B…五大万亿级支柱产业大力引进…: round 27)
_AROUND = re.compile(r"围绕\s*([^,;。:!?]+、[^,;。:!?]+?)(等)?\s*[“\"]?\s*(" + NUM_CN + r"\s*[个大])" + _TIERS + r"*"
                     r"((?:万亿|千亿|百亿|\d+亿)元?级?)?" + _TIERS + r"*产业[”\"]?(?!集群|群|链|领域|园|区|基地|体系|项目|企业|方向)")


def ranked_list(span_text: str) -> bool:
    """Whether a counted list (the text of its span) counts a place's 主导/支柱/重点 industries: its items are clusters
    by the round-29 label rule, not a framework's headless items that a chain of the same name would replace.

    >>> ranked_list("重点推进绿色石化、汽车及零部件两大主导产业"), ranked_list("信息、新材料等4个未来产业")
    (True, False)
    """
    return bool(re.search(NUM_CN + r"\s*[个大][^、]*?(?:主导|支柱|重点)[^、]*?产业", span_text)
                or any("未来" not in q.group() for q in _QUALIFIED_TAIL.finditer(span_text)))  # any qualifier (round 30)


def shared_prefix(items: list[str], count: int | None) -> bool:
    """Are ``items`` kinds of one thing named by a prefix they all share (富硒茶、富硒水、富硒魔芋…等六大主导产业, round
    33): at least three, exactly the count, each a name after the prefix (no clause), one of them a field?

    >>> shared_prefix(["富硒茶", "富硒水", "富硒魔芋"], 3), shared_prefix(["加快建设", "加快推进", "加快发展"], 3)
    (True, False)
    """
    pre = os.path.commonprefix(items)
    rest = [i[len(pre):] for i in items]
    return len(items) >= 3 and count == len(items) and len(pre) >= 2 and all(rest) and not any(VERBS.search(i) for i in items) \
        and not any(re.search(r"了|的", i) for i in rest) and any(is_field(i) for i in items)


def counted_industries(sentence: str, whole: str = "") -> list[tuple[str, str | None, tuple[int, int]]]:
    """The items of the counted industry lists of a framework sentence (see the module doc); ``whole``: the
    。-sentence whose ;-part ``sentence`` is (its head may name 产业集群 in another part: round 24)."""
    if len(parts := counted_parts(sentence)) > 1:  # A、B6大支柱产业和C、D4大新兴产业: each list with its own count (round 37)
        return [(n, lv, (s + at, e + at)) for at, part in parts for n, lv, (s, e) in counted_industries(part, whole or sentence)]
    lists = []
    found = list(_COUNTED.finditer(sentence)) + list(_SHARED.finditer(sentence))
    found += [a for a in _AROUND.finditer(sentence) if not any(a.start() < m.end() and m.start() < a.end() for m in found)]
    found += [a for a in _ONE.finditer(sentence) if not any(a.start() < m.end() and m.start() < a.end() for m in found)]
    # no count, no list — and no backtracking over a long 、-list without one (南通's 16 chains took minutes; round 31)
    ranked = _RANKED.finditer(sentence) if _RANKED_TAIL.search(sentence) else ()
    found += [a for a in ranked if not any(a.start() < m.end() and m.start() < a.end() for m in found)]
    qualified = _QUALIFIED.finditer(sentence) if _QUALIFIED_END.search(sentence) else ()
    found += [a for a in qualified if "未来" not in a.group(0)[len(a.group(1)):]  # future: no cluster yet
              and not any(a.start() < m.end() and m.start() < a.end() for m in found)]
    for m in found:
        head = m.group(1)  # 以A、B…为重点, 就是以A和B两个主导产业为发展重点: the list starts after 以
        head = re.sub(r"^[^、]*?以(?!及)", "", clean_name(head)) if sentence.startswith("为", m.end()) else head
        count = count_of(m.group(3).replace(" ", ""))
        own = _CLASSED_FIRST.match(clean_name(head))  # 千亿级A产业、B和C两个五百亿级产业: A is a group of its own (round 40)
        if own and is_field(own.group(2)):
            head = own.group(3)
            lists.append(([clean_name(own.group(2), True)], own.group(1), m.span(), False, True))
        items = [clean_name(i, True) for i in split_items(clean_name(head), count)]
        if not all(items) or not (count == len(items) or m.group(2) and 2 <= len(items) < (count or 0) or m.re is _ONE):
            continue  # A、B等六大产业: 等 says the list names some of its count (长寿, round 20)
        if len(items) > 2 and re.match(r"(?:特色|其他|其它)(?:产业)?$", items[-1]) and not any(is_generic(i, True) for i in items[:-1]):
            items = items[:-1]  # 面制品、…、休闲食品、特色产业等五大: the last one counts the rest, no field (round 32)
        if not (field_list(items) or all(is_field(i) for i in items) or shared_prefix(items, count)) or any(is_generic(i, True) for i in items):
            continue
        tail = m.group(0)[len(m.group(1)):]
        lists.append((items, m.group(4), m.span(), "未来" in tail,
                      bool(_RANKED_TIER.search(tail) or _QUALIFIED_TAIL.match(tail) and "未来" not in tail)))
    # the sentence announces a framework when it names a cluster or chain, or one of its counted lists has a scale
    # class (以A、B四大千亿支柱产业为重点,统筹推进C、D两大新兴产业: the second list is the framework's too) — not a
    # list of future industries next to it (培育新材料、新能源等三大未来产业: fields still to grow, no cluster yet); a
    # counted list of 主导/支柱/重点 industries names clusters as a class does (round 29)
    for m in _AFTER.finditer(sentence):  # names after the count (round 30)
        if "未来" in m.group(0)[:m.start(3) - m.start()]:
            continue
        items = [clean_name(i, True) for i in split_items(m.group(3), count_of(m.group(0)))]
        items = ([clean_name(m.group(2), True)] if m.group(2) else []) + items
        if count_of(m.group(0)) == len(items) and all(items) and all(map(is_field, items)) and not _RESULT_WORD.search(m.group(3)) and not VERBS.match(m.group(3)) and not any(is_generic(i, True) for i in items):
            lists.append((items, m.group(1), m.span(), False, True))
    lists += _plus_groups(sentence)  # “2+1+N”产业体系,即,A、B产业,C产业,D、E…等 (round 40)
    named = bool(_FRAMEWORK.search(whole or sentence))
    classed = any(level or ranked for _i, level, _s, _f, ranked in lists)
    return [(i, level, span) for items, level, span, future, ranked in lists
            if named or level or ranked or (classed and not future) for i in items]


#: a framework coded by counts joined with + (“2+1+N”产业体系), its groups in the clauses after 即/包括 in the code's order
_PLUS = re.compile(r"[“\"](\d\s*(?:\+\s*(?:\d|N|n|X|x)\s*)+)[”\"][^,;。:“”]{0,10}?(?:产业体系|产业集群|产业链|集群|体系)[,,::]?\s*"
                   r"(?:即|包括|分别是|具体为)[,,::]?\s*([^;。]+)")


def _plus_groups(sentence: str) -> list[tuple[list[str], None, tuple[int, int], bool, bool]]:
    """The groups of a “2+1+N” framework named in its own clauses, one clause per digit and as many fields as it counts
    (锂电、智能家居产业,食用菌产业: 2 and 1); the N group counts nothing and names none."""
    out = []
    for m in _PLUS.finditer(sentence):
        clauses = re.split(r"[,,]", m.group(2))
        for digit, clause in zip(re.split(r"\s*\+\s*", m.group(1).strip()), clauses):
            if not digit.isdigit():
                break
            items = [clean_name(i, True) for i in re.split(r"、|和|及", re.sub(r"(?:产业集群|产业链|产业)$", "", clause.strip()))]
            if len(items) != int(digit) or not all(items) or not all(is_field(i) and not is_generic(i, True) for i in items):
                break
            out.append((items, None, m.span(), False, True))
    return out


#: a coded framework of clusters or chains: digits (“231”产业集群; “1+3+N”: no) or counts in characters, each with the
#: word of its group (“一化一海五优特”产业集群: one 化, one 海, five 优特; round 22, 揭阳)
_CODE = re.compile(r"[“\"](\d{2,5}|(?:[一二两三四五六七八九十][\u4e00-\u9fff]{1,3}?){2,5})[”\"](?:现代)?(?:产业集群|产业链|集群)")
_CODE_DIGIT = re.compile(r"\d|[一二两三四五六七八九十]")
_CODED_LIST = re.compile(r"([^,;。:!?]+?(?:、[^,;。:!?、]+?)*(?:和|及|与)[^,;。:!?、和及与]+?)(?:(等)" + _TIERS + r"+|(" + NUM_CN +
                         r"[个大])" + _TIERS + r"*)产业(?!集群|群|链)")
#: a 、-list closed by its count (绿色石化、海洋经济两大新兴支柱产业): the count says where the list ends
_CODED_COUNTED = re.compile(r"([^,;。:!?]+?(?:、[^,;。:!?、]+?)+)()(" + NUM_CN + r"[个大])" + _TIERS + r"*产业(?!集群|群|链)")


def framework_code(text: str) -> tuple[int, ...]:
    """The counts of the first coded cluster framework the text names (“231”产业集群 → 2, 3, 1; “一化一海五优特” →
    1, 1, 5), else ``()``.

    >>> framework_code("全力打造“一化一海五优特”产业集群"), framework_code("打造“一带一路”")
    ((1, 1, 5), ())
    """
    m = _CODE.search(text)
    return tuple(count_of(d + "个") for d in _CODE_DIGIT.findall(m.group(1))) if m else ()


def group_sizes(code: tuple[int, ...]) -> set[int]:
    """The sizes a list naming a group of ``code`` may have: a digit, or the sum of neighbouring digits (一化一海: two
    groups of one, named by one list of two)."""
    return {sum(code[i:j]) for i in range(len(code)) for j in range(i + 1, len(code) + 1)}


def coded_industries(sentence: str, code: tuple[int, ...]) -> list[tuple[str, None, tuple[int, int]]]:
    """The items of the field lists of ``sentence`` that name a group of the text's coded framework ``code``."""
    out = []
    sizes = group_sizes(code)
    matches = [*_CODED_LIST.finditer(sentence), *_CODED_COUNTED.finditer(sentence)] if code else []
    for m in matches:
        if any(m.start() < e and s < m.end() for _n, _l, (s, e) in out):
            continue  # one list read once
        head = re.split(r"给|为|对|把|向|让|使|在|将|是", m.group(1))[-1]  # 将给高端装备和高端化工: the object after the preposition
        items = [clean_name(i, True) for p in split_items(clean_name(head), None) for i in re.split(r"和|及|与", p)]
        count = count_of(m.group(3)) if m.group(3) else None
        if len(items) < 2 or len(items) not in sizes or (count and count != len(items)) or not all(items):
            continue
        if all(is_field(i) and not is_generic(i) for i in items):
            out += [(i, None, m.span()) for i in items]
    return out


#: a counted group of clusters or chains (四大产业集群, 5条产业链) and, later in its sentence, the 、-list after 其中 that
#: names its members by their industries (其中,光伏和锂电产业、海工装备和高技术船舶产业…产值分别增长…)
_GROUP = re.compile(NUM_CN + r"[个大条]([^,;。:、\d]{0,10}?)(产业集群|集群|产业链)")
_MEMBERS = re.compile(r"其中[,,]?\s*([^,;。:\d]+?、[^,;。:\d]+?)(?:产业|行业)?(?:产值|营业收入|营收|增加值|规模)")


def group_members(sentence: str) -> list[tuple[str, str, tuple[int, int]]]:
    """``(name, kind, span)`` of the members of a counted group named after 其中 in its sentence (round 23): the
    items of the 、-list — never more than the count, and only items that name fields (a member named alone in the
    next ;-part, 泰州's 化工及新材料, is in another sentence as the extractor splits them: not read).

    >>> [n for n, _k, _s in group_members("四大产业集群完成产值2288亿元,其中,光伏和锂电产业、海工装备产业、汽车零部件产业产值分别增长"
    ...                                    "15%、31%、16%。")]
    ['光伏和锂电', '海工装备', '汽车零部件']
    >>> group_members("全市拥有4个产业集群,其中,企业、项目产值分别增长15%、16%。")
    []
    """
    group = _GROUP.search(sentence)
    members = _MEMBERS.search(sentence, group.end()) if group else None
    if not members:
        return []
    count = count_of(group.group(0)) or 0
    items = [re.sub(r"(?:产业|行业)$", "", clean_name(i, True)) for i in members.group(1).split("、")]
    if not 2 <= len(items) <= count or not all(items) or any(is_generic(i, True) for i in items) or not field_list(items):
        return []
    kind = "chain" if group.group(2) == "产业链" else "cluster"
    return [(i, kind, members.span()) for i in items]
