"""Text structure of a firm record: product lines with revenue weights, 经营范围 items, trade words.

What: :func:`product_lines` turns 主营产品 (``电机(0.55); 水泵(0.30)``, ``电机 55%``, a list, or one
cell listing products with 、) into ``[(line, weight)]`` — revenue shares relative to the largest
line, else by position (1, .85, .7 …); negative and zero lines (抵销, 平衡项目) are dropped.
:func:`scope_items` splits a 经营范围 into its items: the 一般项目/许可项目 sections, earlier items
weighing more, the 除依法须经批准的项目外… boilerplate dropped; :func:`fragment_lines` reads a scope that is only a
bag of product fragments (no section, no making verb) as product lines. :func:`trade_factor` says how much a
line that only trades or services (…批发/零售/销售/维修) counts.

Why: which line is the main business matters more than which words occur (a liquor maker's 8 %
塑料制品 line must not outweigh its 白酒); see docs/classifier.md.

>>> [(n, round(w, 3), a) for n, w, a in product_lines("白酒(0.90); 塑料制品(0.08)")]
[('白酒', 1.0, 0.9), ('塑料制品', 0.089, 0.08)]
>>> [i for i, _w in scope_items("一般项目:泵及真空设备制造;五金产品批发(除依法须经批准的项目外,凭营业执照依法自主开展经营活动)")]
['泵及真空设备制造', '五金产品批发']
>>> trade_factor("汽车零配件批发", scope=True), trade_factor("水泵制造", scope=True)
(0.3, 1.0)
"""

from __future__ import annotations

import re

from etl.nlp.vocab import normalize, squeeze_spaces
from etl.normalize import halfwidth

__all__ = ["as_text", "split_weight", "product_lines", "scope_items", "shared_verbs", "fragment_lines", "trade_factor", "MAKE_RE"]

_LINE_SPLIT_RE = re.compile(r"[;\n|]")  # lines are stripped after the split
_LIST_SPLIT_RE = re.compile(r"\s*[,、]\s*")
_BOILER_RE = re.compile(r"\(?(?:除依法须经批准的项目外|依法须经批准的项目)[^)]*\)?|凭营业执照依法自主开展经营活动")
_SECTION_RE = re.compile(r"(?:一般经营项目|许可经营项目|一般项目|许可项目)\s*:")
MAKE_RE = re.compile(r"制造|生产|加工|研发|研制|设计|组装|装配|开发|铸造|锻造|成型|制品|自产")
_TRADE_RE = re.compile(r"(?:批发|零售|销售|经销|代理|进出口|租赁|维修|修理|维护|保养|安装|服务|咨询|检测|运输|物流|回收|贸易|"
                       r"经营|出租|培训)(?:业务|分部|板块)?$")
_ANY_TRADE_RE = re.compile(r"批发|零售|销售|购销|经销|代理|进出口|租赁|维修|修理|维护|保养|安装|服务|咨询|检测|运输|物流|回收|贸易|"
                           r"出租|培训")
_STRONG_TRADE_RE = re.compile(r"批发|零售|经销|代理|4S|经销商|贸易|运输|物流|租赁|出租")


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return ";".join(str(v) for v in value if v)
    return str(value)


def split_weight(item: str) -> tuple[str, float | None]:
    """``'电机(0.55)'`` / ``'电机(55%)'`` / ``'电机 55%'`` -> ``('电机', 0.55)``; no share -> ``(item, None)``."""
    last = item[-1:]
    if last == ")":
        k = item.rfind("(")
        if k < 0:
            return item, None
        num = item[k + 1:-1]
    elif last == "%":
        k = item.rfind(" ")
        if k < 0:
            return item, None
        num = item[k + 1:]
    else:
        return item, None
    num = num.rstrip()
    pct = num.endswith("%")
    try:  # float() ignores surrounding whitespace as str.strip() does
        v = float(num.rstrip("%") if pct else num)
    except ValueError:
        return item, None
    return item[:k].strip(), v / (100.0 if pct or v > 1.5 else 1.0)


#: a product cell that is only ``name(0.55)`` items (names without space, ;|\n or parentheses) joined by
#: ``;`` or ``; ``: each item then splits, strips and reads exactly as in the general loop of product_lines
#: (test_product_lines_fast_path_equals_the_general_reading), without a Python call per line
_SHARE_ITEM = r"([^;\n|()\s]+)\((-?[0-9]+\.[0-9]+)\)"
_SHARES_CELL_RE = re.compile(rf"{_SHARE_ITEM}(?:; ?{_SHARE_ITEM})*(?:; ?)?")
_SHARE_ITEM_RE = re.compile(_SHARE_ITEM)


def product_lines(products) -> list[tuple[str, float, float]]:
    """``[(line, weight 0..1, revenue share or -1)]``: weight = the revenue share relative to the largest
    line, else by position; the share itself where the record gives one (the labelling rule counts
    lines of about 10 % of revenue or more)."""
    if products is None:
        return []
    if isinstance(products, (list, tuple)):
        raw = [halfwidth(str(p)).strip() for p in products if p]
        spaced = True
    else:  # NFKC first (；→ ;), then split; the space rule of normalize() per name, after the share is read
        cell = halfwidth(str(products))
        if _SHARES_CELL_RE.fullmatch(cell):  # the usual 电机(0.55); 水泵(0.30): what the loop below reads
            items = [(name, v / 100.0 if (v := float(num)) > 1.5 else v)  # as split_weight (v / 1.0 is v)
                     for name, num in _SHARE_ITEM_RE.findall(cell)]
            top = max([w for _name, w in items])  # _weighted, for lines that all have a share and a name
            if top <= 0:
                return []
            return [(name, w / top if w < top else 1.0, w if w < 1.0 else 1.0) for name, w in items if w > 0.004]
        raw = [i.strip() for i in _LINE_SPLIT_RE.split(cell)]
        spaced = " " in cell or "\t" in cell  # NFKC made \u3000 and \xa0 spaces: else no name needs the rule
    lines: list[tuple[str, float | None]] = []
    add = lines.append
    squeeze = squeeze_spaces if spaced else str
    for item in raw:
        if not item:
            continue
        if item[-1] in ")%":  # 电机(0.55), 电机 55%: the share is read before the space rule joins 电机55%
            name, w = split_weight(item)
            add((squeeze(name), w))
            continue
        add((squeeze(item), None))
    if len(lines) == 1 and lines[0][1] is None:  # one cell listing several products: 、 or , separated
        lines = [(p, None) for p in _LIST_SPLIT_RE.split(lines[0][0]) if p]
    return _weighted(lines)


def _weighted(lines: list[tuple[str, float | None]]) -> list[tuple[str, float, float]]:
    weighted = [w for _, w in lines if w is not None]
    if weighted:
        top = max(weighted)
        if top <= 0:
            return []
        positive = [w for w in weighted if w > 0]
        floor = min(positive) if positive else 0.0
        out = []
        for name, w in lines:
            if w is None:
                w = floor
            if w > 0.004 and name:
                out.append((name, w / top if w < top else 1.0, w if w < 1.0 else 1.0))
        return out
    if len(lines) > len(_RANK_WEIGHTS):
        return [(name, max(0.35, 1.0 - 0.15 * i), -1.0) for i, (name, _) in enumerate(lines) if name]
    return [(name, w, -1.0) for (name, _), w in zip(lines, _RANK_WEIGHTS) if name]


_RANK_WEIGHTS = tuple(max(0.35, 1.0 - 0.15 * i) for i in range(64))  # line i without shares: 1, .85, .7 … .35


def scope_items(scope) -> list[tuple[str, float]]:
    """``[(item, weight)]`` of a 经营范围: boilerplate dropped, items of each 一般/许可 section by position; the
    verbs a clause's list ends with are each bare item's (:func:`shared_verbs`).

    >>> [i for i, _w in scope_items("汽车配件、摩托车配件、轮胎、润滑油批发、零售。")]
    ['汽车配件批发零售', '摩托车配件批发零售', '轮胎批发零售', '润滑油批发', '零售']
    """
    text = normalize(as_text(scope))
    if not text:
        return []
    if "依法" in text:
        text = _BOILER_RE.sub(";", text)
    parts = _SECTION_RE.split(text) if "项目" in text else (text,)
    out = []
    for part in parts:
        i = 0
        for clause in _CLAUSE_SPLIT_RE.split(part):
            for item in shared_verbs([x.strip(" ()[]") for x in _LIST_SPLIT_ITEMS_RE.split(clause)]):
                if len(item) < 2:
                    continue
                out.append((item, _POS_WEIGHT[i] if i < len(_POS_WEIGHT) else 0.4))
                i += 1
    return out


_CLAUSE_SPLIT_RE = re.compile(r"[;。]+")
_LIST_SPLIT_ITEMS_RE = re.compile(r"[,、]+")
_ANY_VERB = (r"制造|生产|加工|研发|研制|设计|组装|装配|开发|铸造|锻造|批发|零售|销售|购销|经销|代理|进出口|租赁|维修|修理|维护|"
             r"保养|安装|服务|咨询|检测|运输|回收|贸易|出租")
_VERB_TAIL_RE = re.compile(rf"(?:(?:{_ANY_VERB})(?:及|和|与)?)+$")
#: verbs of trading goods: only these are shared (a service verb is said of its own item — 环保科技咨询 — and with a making
#: verb the bare items already read as the products made)
_GOODS_TRADE_RE = re.compile(r"(?:(?:批发|零售|销售|购销|经销|代理|进出口|贸易|租赁|出租)(?:及|和|与)?)+")


def shared_verbs(items: list[str]) -> list[str]:
    """A clause's list items with the verbs its list ends with given to each bare item before them: in
    ``汽车配件、摩托车配件、轮胎、润滑油批发、零售`` the firm sells all four (round 19: a parts dealer's older-form scope
    read its bare nouns as products it makes). Only verbs of trading goods are shared, and only when every item
    before the first ending in one has none and every item after it is such verbs only: a making verb
    (``风机、风扇制造``) leaves bare items the products they already read as (泵体|铸造加工 would read the product as a
    modifier), and a service verb is its own item's (``铸件产品、钛合金、环保科技咨询``).

    >>> shared_verbs(["水泵", "电机销售"]), shared_verbs(["风机", "风扇制造"]), shared_verbs(["钛合金", "环保科技咨询"])
    (['水泵销售', '电机销售'], ['风机', '风扇制造'], ['钛合金', '环保科技咨询'])
    >>> shared_verbs(["水泵", "电机制造", "销售"])
    ['水泵', '电机制造', '销售']
    """
    tails = [_VERB_TAIL_RE.search(x) for x in items]
    k = next((j for j, m in enumerate(tails) if m), None)
    if not k or not all(_VERB_TAIL_RE.fullmatch(x) for x in items[k + 1:] if x):
        return items
    verbs = tails[k].group(0) + "".join(items[k + 1:])
    if not _GOODS_TRADE_RE.fullmatch(verbs):
        return items
    return [x + verbs if x and j < k else x for j, x in enumerate(items)]


def fragment_lines(scope) -> tuple[list[tuple[str, float, float]], str]:
    """A 经营范围 that is a bag of product fragments (no 一般项目/许可项目 section, no item with a making verb
    such as 制造/生产/加工, at least one item without a trade or service word) read as product lines without shares,
    all of equal weight — what such a record names is what the firm makes, in no order (round 11: the scope-only
    records of docs/log/classifier-rounds.md §1 step 13) — and the rest: its items with a trade or service word anywhere
    (购销摩托车, 汽车修理及汽车配件), left to be read as 经营范围 items. Any other scope gives ``([], scope)``.

    >>> fragment_lines("钛及钛合金、汽车修理及汽车配件")
    ([('钛及钛合金', 1.0, -1.0)], '汽车修理及汽车配件')
    >>> fragment_lines("一般项目:泵及真空设备制造;五金产品批发")[0], fragment_lines("水泵制造、五金销售")[0]
    ([], [])
    """
    items = scope_items(scope)
    if not items or len(items) > 40 or any("项目" in i or MAKE_RE.search(i) for i, _w in items):
        return [], scope
    made = [i for i, _w in items if not _ANY_TRADE_RE.search(i)]
    if not made:
        return [], scope
    return [(i, 1.0, -1.0) for i in made], "、".join(i for i, _w in items if _ANY_TRADE_RE.search(i))


_POS_WEIGHT = [max(0.4, 1.0 / (1.0 + 0.12 * i)) for i in range(16)]  # item i of a 经营范围 section


def trade_factor(line: str, scope: bool) -> float:
    """0.3 for a line that only trades or services (批发/零售/维修 …), else 1 (0.7 for a product
    line ending in 销售/服务: listed firms name revenue from selling their own goods that way)."""
    if MAKE_RE.search(line):
        return 1.0
    if _STRONG_TRADE_RE.search(line):
        return 0.3
    if _TRADE_RE.search(line):
        return 0.3 if scope else 0.7
    return 1.0
