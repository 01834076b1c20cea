"""Names a figure takes from its context when its own words name only a measure, or nothing.

What: the functions here rename the :class:`etl.nlp.quantity.Quantity` items of one sentence:

- :func:`box_named`: under a box heading (:mod:`etl.nlp.layout`), a figure named only by a measure
  (主营业务收入, 增加值, 年均增长) is the heading's (生物医药和大健康主营业务收入);
- :func:`ratio_named`: a share named only by what it is a share of (占全省50%以上) is the share of the figure
  before it (园区主营收入占全省);
- :func:`fenbie_named`: figures given 分别 for items named in an earlier clause (新能源电池、绿色硅光伏、绿色铝精深加工
  3个千亿级产业集群快速发展,2022年产值分别增长…) take the items' names, in order, when the counts agree;
- :func:`threshold_named`: a count of things passing a threshold (3个产业集群营业收入率先突破千亿级, 其中3个营业收入超
  2000亿元) is one figure named by the things and the threshold; the threshold amount is no figure of its own;
- :func:`class_named`: a class of clusters named by an output threshold (A、B等2个产值超2000亿元产业集群, 以及产值超600亿元
  的C产业集群) states each listed cluster's output too: one figure named by the items and the measure;
- :func:`verb_named`: a figure named by its verb only (沧县食品业居第二位,完成41.7亿元) is the figure of what the clause
  before it names (round 20);
- :func:`colon_named`: figures after a colon that follows an industry (…为机械制造产业擘画未来蓝图:…规上企业达70户,产值
  突破60亿元) are that industry's (round 20);
- :func:`period_named`: amounts per period under a standard (按照1年100亿元、5年不少于500亿元的标准,实施园区配套倍翻计划)
  are the standard's object's, one per period (园区配套倍翻计划(1年)).

Why: these are layouts and references, not wordings: the rule is where the name is, not what it says.

>>> from etl.nlp.quantity import find_quantities
>>> [(q.name, q.value) for q in threshold_named(find_quantities("集群达7个,其中3个营业收入超2000亿元"), "集群达7个,其中3个营业收入超2000亿元")]
[('集群', 7.0), ('集群营业收入超2000亿元', 3.0)]
"""

from __future__ import annotations

import re

from etl.nlp.indicator import MEASURE, is_measure
from etl.nlp.pair_names import pair_named

__all__ = ["MEASURE", "is_measure", "box_named", "ratio_named", "fenbie_named", "threshold_named", "class_named",
           "period_named", "holder_shared", "holds", "verb_named", "colon_named"]

_HEAD = re.compile(r"产业集群|产业链|集群|企业|园区|基地|平台|项目|产业")
_THRESHOLD = re.compile(rf"(\d+)\s*(个|家|条|座)([\u4e00-\u9fff]{{0,8}}?)({MEASURE}(?:率先|均|分别)?(?:超过|超|突破|达到|达|过)"
                        r"(?:\d+(?:\.\d+)?\s*(?:万亿|千亿|亿|万)元|[一二三四五六七八九十百千万]*亿元?级?))")

_AMOUNT = r"(超过|超|突破|达到|达)?(\d+(?:\.\d+)?)\s*(万亿元|亿元|万元)"
_CLUSTER_HEAD = r"(产业集群|产业链|集群)"
#: A、B等2个产值超2000亿元产业集群 / 以及产值超600亿元的C产业集群
_CLASS_LIST = re.compile(rf"([^,;:。]+?)等?\d+\s*个({MEASURE}){_AMOUNT}的?[\u4e00-\u9fff]{{0,6}}?{_CLUSTER_HEAD}")
_CLASS_ONE = re.compile(rf"({MEASURE}){_AMOUNT}的([^,;:。、]{{2,16}}?){_CLUSTER_HEAD}")
_STANDARD = re.compile(r"按照?([^。;]+?)的(?:标准|目标|要求)[,,]\s*(?:实施|推进|开展|落实|执行)?([^,;。]+)")


#: a part of the year a figure covers (今年1-8月, 上半年, 前三季度): no holder of its own
_PART_OF_YEAR = re.compile(r"^(?:今年|全年|上半年|下半年|前三季度|一季度|\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月|\d{1,2}\s*月)+")
#: a growth of the figure before (增幅7%): named by that figure's whole name
_GROWTH = re.compile(r"^(?:增幅|增速|(?:同比|年均)?增长)$")


#: a sentence whose subject points back (这“六大产业集群”已经成为…, 该集群…): the subject holds its measure-only figures
_POINTED = re.compile(r"^\s*(?:(?:这些|这|该|上述)[“\"]?([\u4e00-\u9fff]{2,12}?)[”\"]?(?=已经|已|成为|均|都|共|实现|的)|"
                      r"以[“\"]?([\u4e00-\u9fff]{2,12}?)[”\"]?为例)")  # 以再生材料产业为例,…产能达760万吨 (round 21)


def _holderless(name: str) -> bool:
    """Does ``name`` name only a measure, a growth or an investment (完成投资), perhaps of a part of the year?"""
    bare = _PART_OF_YEAR.sub("", name)
    return bool(bare) and (is_measure(bare) or bool(_GROWTH.match(bare)) or bare in ("投资", "完成投资", "投资额"))


def holds(name: str) -> bool:
    """Does a figure's ``name`` name a holder others can share (not only a measure, not a share 占…)?"""
    return bool(name) and not _holderless(name) and not name.startswith("占")


def holder_shared(quantities: list, sent: str, previous=None, named_before: str | None = None) -> list:
    """A figure named only by a measure takes the holder of the figure stated before it (in its sentence, else the one
    cluster or chain ``named_before`` by the sentence before, which stated no figure — 打造钢铁及深加工产业集群。2010年实现
    产值390亿元 → 钢铁及深加工产业集群产值 (round 21) —, else ``previous``, the paragraph's last figure):
    规上工业企业实现营业收入9005.1亿元、利润583亿元 → 规上工业企业实现利润;
    实施重点工业项目2809个、完成投资3975.4亿元 → 重点工业项目完成投资; a growth (增幅7%) is the growth of that figure;
    a part of the year stays with the measure (今年1-8月,实现产值… → X1-8月产值).

    >>> from etl.nlp.quantity import find_quantities
    >>> s = "全市规上工业企业实现营业收入9005.1亿元、利润583亿元,增幅7%"
    >>> [q.name for q in holder_shared(find_quantities(s), s)]
    ['规上工业企业实现营业收入', '规上工业企业实现利润', '规上工业企业实现利润增幅']
    """
    for i, q in enumerate(quantities):
        if not q.name or not _holderless(q.name):
            continue
        before = [p for p in quantities[:i] if holds(p.name)]
        if not before and named_before and not _GROWTH.match(_PART_OF_YEAR.sub("", q.name)):
            q.name = named_before + q.name
            continue
        subject = _POINTED.match(sent)
        pointed = subject and (subject.group(1) or subject.group(2))
        if not before and pointed and holds(pointed) and subject.end() <= q.span[0]:
            q.name = pointed + q.name  # 这“六大产业集群”已经成为…,2023年总产值达2430亿元: the sentence's subject (before
            continue  # the paragraph's last figure: round 21)
        before = before or ([previous] if previous and holds(previous.name) else [])
        if not before:
            continue
        prev = before[-1].name
        if _GROWTH.match(_PART_OF_YEAR.sub("", q.name)):
            q.name = prev + q.name
            continue
        prev = re.sub(r"(?:同比|年均|累计)?(?:增幅|增速|增长)$", "", prev) or prev  # X产值增幅 → X产值: what grows
        own = re.match(rf"(.+?){MEASURE}$", prev)
        q.name = (own.group(1) if own else prev) + q.name
    return quantities


#: a count named only by what is counted (30家企业, 12个项目): no indicator of its own
_BARE_COUNTED = re.compile(r"^(?:企业|项目|工业企业|重点项目)$")


def clause_held(quantities: list, sent: str, mentions: list) -> list:
    """A count named only by what is counted takes the one cluster or chain its clause (up to ; or 。) names before
    it, as written: 以九江钢厂为龙头的冶金产业链,聚集了中冶环保…等近30家企业 → 冶金产业链企业 (round 22, 湖口); with none or
    several named there, nothing changes.

    >>> from etl.nlp.quantity import find_quantities
    >>> from etl.nlp.plan_clusters import find_clusters
    >>> s = "以九江钢厂为龙头的冶金产业链,聚集了中冶环保、联达球团等近30家企业;以龙达粘胶为龙头的化工产业链,聚集了近20家企业"
    >>> [q.name for q in clause_held(find_quantities(s), s, find_clusters(s))]
    ['冶金产业链企业', '化工产业链企业']
    """
    for q in quantities:
        if not _BARE_COUNTED.match(q.name or ""):
            continue
        start = max(sent.rfind(c, 0, q.span[0]) for c in ";;。") + 1
        here = [m for m in mentions if start <= m.span[0] < q.span[0]]
        written = sent[here[0].span[0]:here[0].span[1]] if len(here) == 1 else ""
        if written.find(here[0].name) >= 0 if here else False:
            q.name = written[written.find(here[0].name):] + q.name
    return quantities


def box_named(quantities: list, box: str | None) -> list:
    """Under a box heading, a figure named only by a measure is the heading's."""
    for q in quantities:
        if box and is_measure(q.name) and not q.name.startswith(box):
            q.name = box + q.name
    return quantities


def ratio_named(quantities: list) -> list:
    """占全省50%以上 after 园区主营收入达1.4万亿元 → 园区主营收入占全省; 占地区生产总值比重 too."""
    for prev, q in zip(quantities, quantities[1:]):
        if re.match(r"^占(?:全省|全市|全国|全区|全县|本省|本市|GDP|[\u4e00-\u9fff]{2,8}?(?:总值|总额|总量|总产值|增加值))?"
                    r"(?:的)?(?:比重|比例)?$", q.name) and prev.name:  # 占地区生产总值比重达33%
            # …投入年均增长12%以上、占GDP比重超过3.5%: the share of what grows, not of its growth
            q.name = re.sub(r"(?:年均|同比|累计)?(?:增长|增速)$", "", prev.name) + q.name
    return quantities


def fenbie_named(quantities: list, sent: str, items: list[str]) -> list:
    """Figures given 分别 for ``items`` named earlier in ``sent`` (clusters, chains) take their names in order
    when they are as many as the items and all share one name."""
    if "分别" not in sent:
        return quantities
    if len(items) < 2:
        return pair_named(quantities, sent)
    at = sent.index("分别")
    items = [i for i in items if sent.find(i) < at]  # the items named before 分别 (the sentence may name more after)
    stop = min((i for i in (sent.find(c, at) for c in ",;。") if i >= 0), default=len(sent))  # the 分别 clause
    group = [q for q in quantities if at < q.span[0] < stop and q.name and not any(q.name.startswith(i) for i in items)]
    names = {q.name for q in group}
    if len(items) >= 2 and len(group) == len(items) and len(names) == 1:
        for item, q in zip(items, group):
            q.name = item + q.name
    return quantities


def threshold_named(quantities: list, sent: str) -> list:
    """A count of things passing a threshold is one figure named by the things and the threshold; a count whose
    things are elided (其中3个…) takes the head noun of the figure before it."""
    drop = []
    for m in _THRESHOLD.finditer(sent):
        if sent[m.end():m.end() + 1] == "、":
            continue  # 4条产业链规模分别达到2100亿元、3000亿元…: one figure each, no threshold
        value, unit = float(m.group(1)), m.group(2)
        idx = next((i for i, q in enumerate(quantities) if q.value == value and q.unit == unit and
                    (not q.name or q.name in m.group(0) or m.group(3).startswith(q.name) or q.name.startswith(m.group(3) or "\0"))),
                   None)
        if idx is None:
            continue
        noun = m.group(3)
        if not _HEAD.search(noun):
            before = [q.name for q in quantities[:idx] if _HEAD.search(q.name)]
            heads = list(_HEAD.finditer(before[-1])) if before else []
            noun = heads[-1].group(0) if heads else noun
        quantities[idx].name = noun + re.sub(r"\s", "", m.group(4))
        drop += [i for i, q in enumerate(quantities) if i != idx and str(q.value).rstrip("0").rstrip(".") in m.group(4)
                 and q.unit and q.unit.endswith("元") and q.name and q.name in m.group(4) + m.group(3)]
    return [q for i, q in enumerate(quantities) if i not in drop]


def class_named(quantities: list, sent: str) -> list:
    """A class of clusters named by an output threshold states the listed clusters' output: one more figure.

    >>> [(q.name, q.value, q.qualifier) for q in class_named([], "包括A产业、B产业等2个产值超2000亿元产业集群")]
    [('A产业、B产业产业集群产值', 2000.0, '超')]
    """
    from etl.nlp.quantity import Quantity

    found = [(m, re.sub(r"^(?:包括|以及|及|和)", "", m.group(1).strip()), m.group(6), m.group(2), m.group(3), 4, m.group(5))
             for m in _CLASS_LIST.finditer(sent)]
    found += [(m, m.group(5), m.group(6), m.group(1), m.group(2), 3, m.group(4)) for m in _CLASS_ONE.finditer(sent)]
    for m, items, head, measure, qual, vg, unit in found:
        value = m.group(vg)
        if not items or any(q.value == float(value) and q.unit == unit and m.start() <= q.span[0] < m.end()
                            for q in quantities):
            continue  # the amount is a figure of its own already
        like = next((q for q in quantities if m.start() <= q.span[0] < m.end()), None)
        quantities.append(Quantity(items + head + measure, float(value), unit, qual or "", (m.start(vg), m.end(vg)),
                                   current=like.current if like else False, year=like.year if like else None))
    return quantities


def period_named(quantities: list, sent: str) -> list:
    """Amounts per period under a standard are the standard's object's, one per period.

    >>> from etl.nlp.quantity import find_quantities
    >>> s = "按照1年100亿元、5年不少于500亿元的标准,实施园区配套倍翻计划"
    >>> [(q.name, q.value, q.qualifier) for q in period_named(find_quantities(s), s)]
    [('园区配套倍翻计划(1年)', 100.0, ''), ('园区配套倍翻计划(5年)', 500.0, '不少于')]
    """
    for m in _STANDARD.finditer(sent):
        for q in quantities:
            if not (m.start(1) <= q.span[0] < m.end(1)):
                continue
            period = re.search(r"(\d+)\s*年[^\d、,]{0,4}$", sent[m.start(1):q.span[0]])
            if period:
                q.name = f"{m.group(2).strip()}({period.group(1)}年)"
    return quantities


#: a figure's own words that are only a verb of reaching (完成41.7亿元, 实现34.8亿元)
_VERB_ONLY = re.compile(r"(?:完成|实现|达到|达|为)")
#: a rank or a list's lead before the holder (居第二位, 位居榜首, 其后依次为): no part of its name
_RANK = re.compile(r"(?:位?居|排名?|列)(?:第[一二三四五六七八九十\d]+位?|榜首|首位)|^(?:其后|之后|随后)|依次为?|分别为")


def verb_named(quantities: list, sent: str) -> list:
    """A figure named only by a verb of reaching takes as its name what the clause before it names after that clause's
    last figure, without a rank or a list's lead: 沧县食品业居第二位,完成41.7亿元 → 沧县食品业; 其后依次为泊头铸造,完成36亿元、
    孟村弯头管件,实现34.8亿元 → 泊头铸造, 孟村弯头管件. A clause before that names nothing leaves the name as it was.

    >>> from etl.nlp.quantity import find_quantities
    >>> s = "沧县食品业居第二位,完成41.7亿元,其后依次为泊头铸造,完成36亿元、孟村弯头管件,实现34.8亿元等"
    >>> [(q.name, q.value) for q in verb_named(find_quantities(s), s)]
    [('沧县食品业', 41.7), ('泊头铸造', 36.0), ('孟村弯头管件', 34.8)]
    """
    for q in quantities:
        if not _VERB_ONLY.fullmatch(q.name or ""):
            continue
        head = sent[:q.span[0]]
        cut = max(head.rfind(c) for c in ",,;:")
        if cut < 0:
            continue
        prev = head[max(head.rfind(c, 0, cut) for c in ",,;:。") + 1:cut]
        tail = re.split(r"\d[^、]*、", prev)[-1] if re.search(r"\d", prev) else prev  # 完成36亿元、孟村弯头管件 → 孟村弯头管件
        holder = _RANK.sub("", tail).strip(" 、“”\"")
        if len(holder) >= 2 and not re.search(r"\d", holder):
            q.name = holder
    return quantities


#: the industry a clause before a colon speaks of (为机械制造产业擘画未来蓝图:): its last …产业 after a preposition or verb
_COLON_INDUSTRY = re.compile(r"(?:为|对|把|给|围绕|聚焦|推动|发展)([\u4e00-\u9fff]{2,8}?产业)(?!集群|链|园|基地|发展|的)[^,;:。]*[::]")


def colon_named(quantities: list, sent: str) -> list:
    """Figures after a colon whose clause names an industry (…为机械制造产业擘画未来蓝图:至2026年,规上企业达70户,产值突破60
    亿元) are that industry's: a figure whose name holds no 产业 takes the industry before it.

    >>> from etl.nlp.quantity import find_quantities
    >>> s = "县长为机械制造产业擘画未来蓝图:至2026年,规上企业达70户,产值突破60亿元"
    >>> [q.name for q in colon_named(find_quantities(s), s)]
    ['机械制造产业规上企业', '机械制造产业产值']
    """
    head = _COLON_INDUSTRY.search(sent)
    if not head:
        return quantities
    before: list[str] = []  # the names of the figures after the colon, as read
    for q in quantities:
        if q.span[0] < head.end() or not q.name or "产业" in q.name:
            continue
        held = next((p for p in before if q.name.startswith(p) and is_measure(q.name[len(p):])), None)
        before.append(q.name)
        q.name = head.group(1) + (q.name[len(held):] if held else q.name)  # 规上企业产值: the measure is the industry's
    return quantities
