"""What a figure is in policy text: a number with its unit and the qualifier words around it.

What: :func:`figures` yields the ``(match, unit)`` of every figure of one clause — a number (or a range:
``2~3个``, ``1—2个``) with a unit of :data:`UNITS` — and skips what only looks like one: a year, a bare number
(5G, “135”), a duration (连续33个月), an ordinal or a position (第3个千亿产业, 居副省级城市第2位), a scale class
(5000亿级), a money amount that is a condition (产值1亿元以上企业), the method of a ranking (5个维度, 以293个地级市
为样本). :func:`qualifier` gives the words kept with a figure (力争, 突破, 以上, 左右 …, in text order), and
:func:`normalized` rewrites what a plan writes in characters (千亿元 → 1千亿元, 突破千亿。 → 1千亿元, 1.5万多吨 → 1.5万吨多).

Units: a money magnitude written without 元 (``2万亿左右``, ``破2万亿``) is money (万亿元); 亿吨, 亿人次 and
万人次 are units; ``5000万元人民币`` is 5000 万元 (the currency named after the unit is no condition).

Why: one place says what counts as a number in a plan, so naming (:mod:`etl.nlp.quantity`,
:mod:`etl.nlp.naming`) never sees a year, an ordinal or a condition.

>>> [(m.group(1), u) for m, u in figures("地区生产总值达2万亿左右,累计接待游客2.1亿人次")]
[('2', '万亿元'), ('2.1', '亿人次')]
>>> [(m.group(1), u) for m, u in figures("徐州位居全国先进制造业百强市第23位")]
[('23', '位')]
>>> [(m.group(1), u) for m, u in figures("围绕创新能力5个维度,以全国293个地级市为样本")]
[]
"""

from __future__ import annotations

import re

from etl.nlp.indicator import MEASURE, YEAR_RE

__all__ = ["figures", "qualifier", "OWN_VERB", "normalized", "UNITS", "MONEY", "QUALIFIERS", "COUNT_UNITS", "DELIMS", "FROM",
           "FROM_TO"]

UNITS = ("万亿元", "千亿元", "亿美元", "万美元", "亿元", "万元", "元", "万家", "万个", "万元/人", "万元/亩", "元/亩", "%", "个百分点",
         "家", "万户", "户", "个", "项", "名", "人", "万人", "亩", "万亩", "公顷", "万平方公里", "平方公里", "万平方米", "平方米", "亿立方米", "万立方米", "立方米", "倍", "亿吨", "万吨", "吨", "万辆", "辆",
         "万台", "台", "万件", "件", "万栋", "栋", "万眼", "眼", "亿袋", "万袋", "袋", "座", "条", "所", "款", "种", "套", "艘", "架", "千瓦", "万千瓦", "兆瓦", "位",
         "亿人次", "万人次", "人次", "亿斤", "万斤", "亿千瓦时", "万千瓦时", "千瓦时", "万千米", "千米", "万公里", "公里", "万标箱", "标箱",
         "EFlops", "PFlops", "EFLOPS", "PFLOPS", "GWh", "MWh", "kWh", "GW", "MW", "kW", "mg/L")  # SI units as written (100EFlops, 5GW)
MONEY = {"万亿元", "千亿元", "亿美元", "万美元", "亿元", "万元", "元"}
#: a money magnitude without 元 (2万亿左右, 破2万亿): money when nothing but a qualifier or a delimiter follows
_BARE_MONEY = ("万亿", "千亿", "亿")
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS + _BARE_MONEY, key=len, reverse=True))
_NUM = r"\d+(?:\.\d+)?"
# groups: 1 value (low end of a range), 2 high end, 3 unit, 4 qualifier after the number
QTY_RE = re.compile(rf"(?<![\d.])({_NUM})(?:\s*[-—~～至]\s*({_NUM}))?\s*({_UNIT_ALT})?"
                    r"(及以上|以上|左右|以内|以下|上下(?!游)|多|余)?")  # 69家上下游企业: 上下游 is no qualifier
#: every qualifier word kept on a quantity, in the order a plan writes them
QUALIFIERS = ("力争", "确保", "突破", "超过", "不到", "不少于", "不低于", "不超过", "至少", "近", "约", "及以上", "以上", "左右",
              "以内", "以下", "上下", "多", "余")
COUNT_UNITS = {"家", "户", "个", "项", "名", "款", "种", "座", "条", "所", "套", "艘", "架", "栋", "眼"}  # 温棚7012栋, 机井3.4万眼 (round 40)
DELIMS = re.compile(r"[,;:。!?、]")
FROM_TO = re.compile(r"[\u4e00-\u9fff]{0,2}(?:至|到)(?:(?:19|20)\d{2}年(?:底|末)?的?|[“\"]?十[一二三四五]五[”\"]?(?:末期|期末|末)的?)?"
                     r"(?:预计|将|有望)*(?:突破|达到|超过|超)?第?")  # 增至, 扩容至2024年的, 增长至“十四五”末预计突破
FROM = re.compile(r"[从由](?:(?:(?:19|20)\d{2}年|去年|上年)(?:底|末)?的?|[“\"]?十[一二三四五]五[”\"]?(?:末期|期末|末)的?)?第?$")  # 由“十三五”末的  # 从20家, 从2022年的11.3%, 由去年的86%
#: 20多家, 10余公里, 5多个百分点 → 20家多, 10公里余: 多/余 between a number and any unit of UNITS (round 22: 湖口's 各10余公里)
_MORE = re.compile(r"(\d)(万|亿)?([多余])(" + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + ")")
_MORE_MAGNITUDE = re.compile(r"(\d)([多余])(万亿|亿|万)(吨|元|人|亩|辆|台|件|立方米)")  # 900多亿元 → 900亿元多 (same length)
#: a range written with its unit at both ends (5.5%—6%, 3亿元-5亿元): the first unit is blanked (same length)
_RANGE_UNIT = re.compile(rf"(?<![\d.])({_NUM})(%|万亿元|亿元|万元|个|家|条|项)(\s*[-—~～]\s*{_NUM}\s*)(?=\2)")
#: an amount written in characters (稳定在千亿元以上, 超两万亿元, 率先突破千亿。): read as 1千亿元, 2万亿元 — without 元
#: only when it ends the amount (a qualifier, a delimiter or a closing quote follows), as a digit amount without 元
_CN_MONEY = re.compile(r"(?<![\d.一二两三四五六七八九十百千万个])([一二两三四五六七八九]?)(万亿|千亿)(元?)")
_CN_BARE_END = re.compile(r"(?:以上|左右|多|余)?(?:[,;:。!?、”\"’)）]|$|大关|门槛|台阶|关口)")  # 突破千亿大关: a milestone
#: a verb of reaching right before an amount without 元 (突破千亿, 过万亿, 达万亿): “千项万亿”工程 is a label
_REACHED = re.compile(r"(?:突破|超过|超|过|破|达到|达|迈上|跨越|稳定在|保持在)$")
#: heading for an amount is not reaching it (迈向万亿大关, 冲刺万亿GDP, 向千亿迈进)
_HEADING = re.compile(r"(?:迈向|冲刺|冲击|向|逼近|接近)$")
_PRE_QUAL = re.compile(r"(突破|超过|不到|不少于|不低于|不超过|至少|(?<![签节预制合公条契])约|近)(?:达到|达)?$")  # not 新签约60个
_INDEX_BEFORE = re.compile(r"(?:指数|水平)(?:达到|达|为|提高到|提升到|提高至|提升至)$")  # a figure without a unit
#: a predicate right after an amount (3885亿元接近翻番, 500亿元同比增长12%, 300亿元位居全省第一): the amount ends there, no condition
_PREDICATE = re.compile(r"(?:同比|环比|比上年|较上年|(?:比|较)(?:19|20)\d{2}|增长|下降|增加|提高|接近|翻番|位居|位列|居全|排名|跃居|稳居)")
_STANDARD = re.compile(r"的(?:标准|目标|要求)")  # 5年不少于500亿元的标准: the amount is the figure, not a condition
#: a named ranking: a rank (第23位) in it is a figure; 居副省级城市第2位 (a peer group) is a position
_RANKING = re.compile(r"排名|位次|排位|百强|\d+强|榜|排行")
#: the method of a ranking or a survey (5个维度, 以全国293个地级市为样本): no indicator
_METHOD = re.compile(r"(?:个)?(?:维度|方面指标)|[^,;。]{0,10}为样本")


def normalized(sentence: str) -> str:
    """Amounts in characters as digits (千亿元 → 1千亿元) and 多 after the unit (20多家 → 20家多), same length."""
    sentence = _CN_MONEY.sub(_cn_money, sentence)
    sentence = _RANGE_UNIT.sub(lambda m: m.group(1) + " " * len(m.group(2)) + m.group(3), sentence)
    sentence = _PEERS.sub(_peer_blank, _RANKED_SET.sub(lambda m: "X" * len(m.group(1)) + m.group(2), sentence))
    return _MORE.sub(r"\1\2\4\3", _MORE_MAGNITUDE.sub(r"\1\3\4\2", sentence))


#: a peer group (在全国27个省会城市中,) and the clause after it: the group's size is no figure, and a rank among
#: the peers (增速排名由21位跃升到第9位) is a position, as 居副省级城市第2位 (round 23)
_PEERS = re.compile(r"在[^,;。\d]{0,8}\d+个[^,;。\d]{1,12}中[,,][^,;。]*")
#: a count in front of a ranking that is published or places one (全国27个省会城市经济首位度排名出炉, …排名西宁位列第三):
#: the ranking's sample, no figure
_RANKED_SET = re.compile(r"(\d+)(个[^,;。\d]{1,14}?(?:排名|排行榜?))(?=出炉|发布|揭晓|[^,;。\d]{0,6}?(?:位列|位居|名列|居|列)第)")


def _peer_blank(m) -> str:
    """``m``'s peer group size and the ranks after it (N位, N名) as ``X`` (same length: no figure)."""
    text = re.sub(r"\d+(?=个[^,;。\d]{1,12}中[,,])", lambda d: "X" * len(d.group()), m.group())
    return re.sub(r"\d+(?=\s*[位名])", lambda d: "X" * len(d.group()), text)


def _cn_money(m) -> str:
    """稳定在千亿元以上, 突破万亿元大关, 率先突破千亿。 → 1千亿元, 1万亿元, 1千亿元 (read like digits); not the class of a
    count's items (8个超千亿元、…的产业集群, 6个千亿元级的产业集群), not a class without 元 (千亿产业, 万亿GDP), not an
    amount headed for (迈向万亿大关)."""
    before, after = m.string[:m.start()], m.string[m.end():]
    if re.search(r"\d+\s*(?:个|家|条|项)(?:超过|超|突破)?$", before) or _HEADING.search(before) or \
            (not m.group(3) and not (_CN_BARE_END.match(after) and _REACHED.search(before))):
        return m.group(0)
    return str("一二三四五六七八九".find(m.group(1).replace("两", "二")) + 1 if m.group(1) else 1) + m.group(2) + "元"


def figures(clause: str):
    """Yield ``(match, unit)`` for every figure of ``clause`` (see the module doc for what is skipped)."""
    for m in QTY_RE.finditer(clause):
        unit, tail = m.group(3) or "", clause[m.end():]
        if unit in _BARE_MONEY:
            if m.group(4) is None and tail[:1] and not DELIMS.match(tail[:1]):
                continue  # 1亿件, 亿级: not an amount of money
            unit += "元"
        if unit in MONEY and re.match(r"新?(?:门槛|大关|台阶|关口)", tail):
            tail = ","  # 迈过5000亿元门槛, 迈上2500亿元新台阶 (round 22): a milestone reached, no condition
        if unit in MONEY and re.match(r"[”\"’]", tail):
            tail = tail[1:] if _STANDARD.match(tail[1:]) else ","  # 实现经济总量过万亿”的目标: the quote closes the amount
        if unit in MONEY and re.match(r"[((](?:人民币|下同|约)", tail):
            tail = ","  # 超万亿元(人民币,下同): a note on the amount closes it
        if unit in MONEY and tail.startswith("人民币"):
            tail = tail[3:]  # 5000万元人民币,: the currency, no condition
        if unit in MONEY and re.match(rf"{MEASURE}(?:[,;。!?]|$)", tail) and _REACHED.search(clause[:m.start()].rstrip()):
            tail = ","  # 2015年达到千亿元产值。: the measure after the amount reached closes it, no condition (round 21)
        if unit in MONEY and tail.startswith("争") and clause[:m.start()].rstrip().endswith("保"):
            tail = ","  # 保300亿元争500亿元: the amount to keep, then the one to strive for (round 21)
        if unit in MONEY and re.match(r"[共计合]计?\s*\d", tail):
            tail = ","  # 总投资超470亿元共15个项目: the total of the things counted next, no condition
        shared = re.match(rf"、\s*{_NUM}\s*(%|个百分点)", tail) if not unit and not m.group(4) else None
        if unit == "个" and re.match(rf"、\s*{_NUM}\s*个百分点", tail):
            unit = "个百分点"  # 高于全市平均3个、18.4个百分点: 个 of a 、-list of points is the points' (round 40)
        if shared and not YEAR_RE.match(clause, m.start()):
            unit = shared.group(1)  # 高于全国、全省0.95、2.2个百分点: numbers in a 、-list share the last one's unit
        if YEAR_RE.match(clause, m.start()) and not unit:
            continue
        if not unit and not m.group(4) and not (_INDEX_BEFORE.search(clause[:m.start()]) and not tail[:1].strip(" 。")):
            continue  # bare number (5G, “135”, 10+N): not a quantity; 两化融合发展水平达到66 is an index
        if unit == "个" and tail[:1] == "月":
            continue  # 连续33个月: a duration
        if unit in COUNT_UNITS and (_METHOD.match(tail) and (tail.startswith(("维度", "方面")) or
                                                             clause[:m.start()].rstrip().endswith(("以", "以全国", "以全省")))):
            continue  # 5个维度, 以全国293个地级市为样本: how a ranking was made
        if clause[m.start() - 1:m.start()] == "第" if m.start() else False:
            if unit not in ("位", "名") or not _RANKING.search(clause[:m.start()]):  # 百强县第28名 as 第28位 (round 40)
                continue  # 成为全市第3个千亿产业: an ordinal; 居副省级城市第2位: a position, no indicator's rank
        elif unit == "位" and not (_RANKING.search(clause[:m.start()]) and re.search(r"(?:升|降|居|列|至|到|第|\d{4}年的)\s*$",
                                                                                  clause[:m.start()])):
            continue  # 20位专家: people, not a rank; a rank is 第6位, 排名升至87位, or 排名由2021年的119位 (round 40)
        if unit in MONEY and re.match(r"的(?:市场|产业|经济)?规模(?:[,;。、和]|$)", tail):
            tail = ","  # 全国液压产业5000亿元的市场规模: the amount is the size that follows it, no condition (round 40)
        if unit in MONEY and tail[:1] and not DELIMS.match(tail[:1]) and not tail.startswith(("和", "或")) \
                and not re.match(r"等(?:[,;。]|$)", tail) \
                and not _STANDARD.match(tail) and not _PREDICATE.match(tail) \
                and not (FROM.search(clause[:m.start()]) and FROM_TO.match(tail)):
            continue  # 产值1亿元以上企业…: a condition, not a target (实现34.8亿元等。 ends a list: no condition)
        if unit in MONEY and re.match(rf"[和或][^,;。\d]{{0,6}}{_NUM}\s*(?:万亿|千亿|亿|万)?元(?:以上)?[\u4e00-\u9fff]", tail) \
                and not re.match(r"[和或][^,;。\d]{0,6}\d[^,;。]*?元(?:以上)?(?:和|或|的)", tail):
            continue  # 营业收入超1千亿元和市值超1千亿元制造业企业: both amounts are the firms' condition
        if unit in ("公里", "千米") and re.match(r"[内圈]|范围|半径|产业(?:链|圈|带)", tail):
            continue  # 半径50公里内, 100公里内唯一的…, 200公里产业链闭环: a reach or an extent, no indicator (round 21)
        if tail[:1] == "级":
            continue  # 5000亿级, 500亿元级: a scale class, not a quantity
        if unit in COUNT_UNITS and re.search(r"以\s*$", clause[:m.start()]) and re.match(r"[^,;。\d]{0,8}为(?:载体|依托|支撑|基础)", tail):
            continue  # 以8个县区为载体的错位发展: where the industry stands, as 以…293个地级市为样本 is a method
        if unit in COUNT_UNITS and re.match(r"[^,;。\d]{0,12}之一", tail):
            continue  # 国家重点布局建设的12个工业城市之一: a class the subject is one of, no figure of its own
        yield m, unit


#: a verb opening the words right after a figure in the same clause: a clause of its own, out of 力争's scope
OWN_VERB = re.compile(r"\s*(?:培育|打造|新增|引进|建设|建成|形成)")


def qualifier(clause: str, m, prev_end: int) -> str:
    """The qualifier words of the figure ``m``: 力争/确保 earlier in its clause, 突破/超过/不少于 …
    right before it, 以上/左右 … right after it."""
    before = clause[prev_end:m.start()]
    scope = clause[:m.start()]
    if prev_end and OWN_VERB.match(before):  # …超过15个 培育…2家以上 (a headline's space read away): 力争 stops (round 27)
        scope = before
    words = [w for w in ("力争", "确保") if w in scope]
    pm = _PRE_QUAL.search(before.rstrip())
    if pm:
        words.append(pm.group(1))
    if m.group(4):
        words.append(m.group(4))
    return "".join(words)
