"""Quantified targets in policy text: indicator name, value, unit, qualifier.

What: :func:`find_targets` reads one clause-bearing sentence and returns ``(name, value, unit,
qualifier, span)`` tuples for every "indicator + number + unit" it states, in the usual shapes of
Chinese plans: ``规上工业总产值达到1万亿元`` (name, verb, quantity), ``培育千亿级产业集群7个``
(verb, name, quantity), ``打造1个以上世界级先进制造业集群`` (verb, quantity, name), ``亩均税收40万元/亩``
and ``A、B分别达到30%以上和60%以上``; ``X全覆盖`` is (X覆盖率, 100, %), ``每年…150项`` is 项/年 and an
unit-less index (``…指数达到95以上``) gets the unit 指数. :func:`find_year` gives the target year (到2025年 …).

Why: generic patterns (numbers with units, 到20XX年) so other cities' plans work too; no wording of
one document is hard-coded. Money amounts followed by a noun (``产值1亿元以上企业``) are conditions,
not targets, and are skipped; so are years and dates.

>>> [(n, v, u) for n, v, u, q, _ in find_targets("规上工业总产值达到1万亿元,培育千亿级产业集群7个")]
[('规上工业总产值', 1.0, '万亿元'), ('千亿级产业集群', 7.0, '个')]
>>> find_year("到2027年,全市汽车产业产值达到5000亿元")
2027
"""

from __future__ import annotations

import re

__all__ = ["find_targets", "find_year", "UNITS"]

UNITS = ("万亿元", "千亿元", "亿美元", "万美元", "亿元", "万元", "元", "万元/人", "万元/亩", "元/亩", "%", "个百分点",
         "家", "个", "项", "名", "人", "万人", "亩", "万亩", "公顷", "平方公里", "倍", "万吨", "吨", "万辆", "辆",
         "万台", "台", "万件", "件", "座", "条", "所", "款", "种", "套", "艘", "架", "千瓦", "万千瓦", "兆瓦")
MONEY = {"万亿元", "千亿元", "亿美元", "万美元", "亿元", "万元", "元"}
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_NUM = r"\d+(?:\.\d+)?"
QTY_RE = re.compile(rf"(?<![\d.])({_NUM})(?:\s*[-—~～至到]\s*{_NUM})?\s*({_UNIT_ALT})?"
                    r"(以上|左右|以内|以下|及以上|上下)?")
YEAR_RE = re.compile(r"(?:到|至|截至|力争到|力争|于)?((?:19|20)\d{2})\s*年(?![\d月度])(?:底|末|前)?")
_TO_YEAR_RE = re.compile(r"(?:到|至|截至|截止)\s*((?:19|20)\d{2})\s*年")
_LEAD = re.compile(r"^(?:即|力争|全市|全省|全县|全区|我市|实现|确保|每年|年均|累计|其中|新增|培育|打造|建成|创建|建设|引进|"
                   r"形成|推动|推进|支持|实施|达到|拥有|争创|认定|新培育|新建|重点|力争实现|着力|加快|以上|的|和|及|与|、|,)+")
_TAIL = re.compile(r"(?:分别|均|稳定|持续|进一步|力争)?(?:达到|达|突破|超过|提升到|提升至|提高到|提高至|增长到|"
                   r"增加到|增至|增长|提高|提升|控制在|保持在|保持|不少于|不低于|不超过|低于|高于|为|至|到|在|实现|年均增长)$")
_MEASURE_TAILS = ("增加值占比", "占比", "比重", "发展指数", "指数", "企业", "产值", "增加值", "收入", "平台", "项目")
_DELIMS = re.compile(r"[,;:。!?、]")
COUNT_UNITS = {"家", "个", "项", "名", "款", "种", "座", "条", "所", "套", "艘", "架"}
_GENERIC = {"总数", "数量", "总量", "规模", "占比", "比重", "产值", "总额"}


def find_year(text: str) -> int | None:
    """The target year of a sentence: ``到20XX年`` first, else the last ``20XX年`` (not a date)."""
    m = _TO_YEAR_RE.search(text)
    if m:
        return int(m.group(1))
    years = [int(y.group(1)) for y in YEAR_RE.finditer(text)]
    return years[-1] if years else None


def _clean_name(s: str) -> str:
    s = YEAR_RE.sub("", s)
    s = re.sub(r"等[“\"].*$", "", s)  # …领军人才等“三个100” → …领军人才
    s = re.sub(r"[“”\"'‘’《》]", "", s).strip(" ,、()")
    s = re.sub(r"等$", "", s)
    for _ in range(3):
        s2 = _TAIL.sub("", _LEAD.sub("", s)).strip(" ,、“”\"'")
        if s2 == s:
            break
        s = s2
    return s


def _quantities(clause: str):
    for m in QTY_RE.finditer(clause):
        unit, tail = m.group(2) or "", clause[m.end():]
        if YEAR_RE.match(clause, m.start()) and not unit:
            continue
        if not unit and not m.group(3):
            continue  # bare number (5G, “135”, 10+N): not a quantity
        if unit in MONEY and tail[:1] and not _DELIMS.match(tail[:1]) and not tail.startswith(("和", "或")):
            continue  # 产值1亿元以上企业…: a condition, not a target
        yield m, unit


def _split_fenbie(prefix: str, n: int) -> list[str]:
    parts = [p for p in prefix.split("、") if p]
    if len(parts) != n:
        return [prefix] * n
    last = parts[-1]
    tail = next((t for t in _MEASURE_TAILS if last.endswith(t)), "")
    k = last.find("级")
    names = []
    for p in parts[:-1]:
        if p.endswith("级") and 0 < k <= 3 and len(p) <= 4:  # 国家级、市级专精特新企业 → 国家级专精特新企业
            names.append(p + last[k + 1:])
        else:
            names.append(p if (not tail or p.endswith(tail)) else p + tail)
    return names + [last]


def find_targets(sentence: str) -> list[tuple[str, float, str, str, tuple[int, int]]]:
    """``[(name, value, unit, qualifier, (start, end))]`` for the quantified targets of a sentence."""
    out = []
    pos, previous = 0, ""
    for clause in re.split(r"([,;:。!?])", sentence):
        if len(clause) > 1:
            previous, context = clause, previous
        else:
            context = previous
        start = pos
        pos += len(clause)
        if len(clause) <= 1 or not (re.search(r"\d", clause) or "全覆盖" in clause):
            continue
        qs = list(_quantities(clause))
        if not qs:
            out.extend(_coverage(clause, start))
            continue
        if "分别" in clause and len(qs) > 1:
            prefix = clause[: clause.index("分别")]
            names = _split_fenbie(_clean_name(prefix), len(qs))
            for name, (m, unit) in zip(names, qs):
                name = _clean_name(name)
                unit = unit or ("指数" if name.endswith("指数") else "")
                out.append((_clean_name(name), float(m.group(1)), unit, m.group(3) or "", (start + m.start(), start + m.end())))
            continue
        prev_end = 0
        per_year = "每年" in clause or "年均" in clause
        for i, (m, unit) in enumerate(qs):
            before = clause[prev_end:m.start()]
            seg_start = before.rfind("、")
            name = _clean_name(before[seg_start + 1:] if seg_start >= 0 else before)
            follow = clause[m.end():m.end() + 1]
            if not name or (unit in COUNT_UNITS and follow and not _DELIMS.match(follow)):
                # verb + quantity + name (打造1个以上世界级集群, 33个百亿支柱产业): the name follows
                nxt = qs[i + 1][0].start() if i + 1 < len(qs) else len(clause)
                after = clause[m.end():nxt]
                name = _clean_name(after.split("、")[0])
            prev_end = m.end()
            if name in _GENERIC and context:  # 打造…工业园,总数达到100个 → 工业园总数
                name = _clean_name(context) + name
            if not unit and name.endswith("指数"):
                unit = "指数"
            if per_year and unit and unit not in ("%", "指数") and "每年" in clause[:m.start()]:
                unit += "/年"  # 每年实施150项 → 150 项/年
            if name:
                out.append((name, float(m.group(1)), unit, m.group(3) or "", (start + m.start(), start + m.end())))
        out.extend(_coverage(clause, start))
    return out


def _coverage(clause: str, start: int):
    """``X全覆盖`` → (X覆盖率, 100, %): plans state full coverage as a target without a number."""
    pos = 0
    for part in clause.split("、"):
        if part.endswith("全覆盖"):
            name = _clean_name(part[: -len("全覆盖")])
            if name:
                yield (name + "覆盖率", 100.0, "%", "", (start + pos, start + pos + len(part)))
        pos += len(part) + 1
