"""Quantified targets in policy text: indicator name, value, unit, qualifier.

What: :func:`find_targets` reads one clause-bearing sentence and returns ``(name, value, unit,
qualifier, span)`` tuples for every "indicator + number + unit" it states, in the usual shapes of
Chinese plans: ``规上工业总产值达到1万亿元`` (name, verb, quantity), ``培育千亿级产业集群7个``
(verb, name, quantity), ``打造1个以上世界级先进制造业集群`` (verb, quantity, name), ``亩均税收40万元/亩``
and ``A、B分别达到30%以上和60%以上``; ``X全覆盖`` is (X覆盖率, 100, %), ``每年…150项`` is 项/年 and an
unit-less index (``…指数达到95以上``) gets the unit 指数. :func:`find_year` gives the target year (到2025年 …).

:func:`find_quantities` gives the same items as :class:`Quantity` records that keep everything the
text says about the number: a range (``2~3个``, ``1—2个`` → low 2 / high 3), the qualifiers before
and after it (``力争突破2200家`` → 力争突破, ``30个左右`` → 左右, ``不少于1亿元`` → 不少于), and whether
the clause states a current value rather than a target (``现有…33个``, ``聚焦…33个百亿支柱产业``,
``2020年,…达到17887亿元`` in a 2021–2025 plan, ``拥有21个百亿级产业集群``).

Why: generic patterns (numbers with units, 到20XX年) so other cities' plans work too; no wording of
one document is hard-coded. Money amounts followed by a noun (``产值1亿元以上企业``) are conditions,
not targets, and are skipped; so are years and dates.

>>> [(n, v, u) for n, v, u, q, _ in find_targets("规上工业总产值达到1万亿元,培育千亿级产业集群7个")]
[('规上工业总产值', 1.0, '万亿元'), ('千亿级产业集群', 7.0, '个')]
>>> find_year("到2027年,全市汽车产业产值达到5000亿元")
2027
>>> [(q.name, q.low, q.high, q.qualifier) for q in find_quantities("力争形成2~3个世界级先进制造业集群,企业力争突破2200家")]
[('世界级先进制造业集群', 2.0, 3.0, '力争'), ('企业', None, None, '力争突破')]
>>> [(q.name, q.value, q.current) for q in find_quantities("聚焦七大千亿产业和33个百亿支柱产业,每年实施150项以上项目")]
[('百亿支柱产业', 33.0, True), ('项目', 150.0, False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.nlp.count_names import BARE, count_named
from etl.nlp.figures import COUNT_UNITS, DELIMS, FROM, FROM_TO, MONEY as MONEY_UNITS, QUALIFIERS, UNITS, figures, normalized, \
    qualifier
from etl.nlp.generic_measures import generic_held
from etl.nlp.name_guard import reread
from etl.nlp.indicator import BASE_YEAR, MEASURE, YEAR_RE, clean_name, compared_names, held_indicator, coverage, find_year, is_measure, rate_named, split_fenbie
from etl.nlp.tense import CURRENT_RE, NOW_LEAD, is_current
from etl.nlp.traditional import as_written, simplified

__all__ = ["find_targets", "find_quantities", "find_year", "Quantity", "UNITS", "QUALIFIERS"]

_LIST_GOES_ON = re.compile(r"\s*(?:超过?|突破|近|约)?\d")
#: a clause with no verb of its own (行业单项冠军3户): it goes on with the objects of the verb before
_VERBLESS = re.compile(r"\s*[\u4e00-\u9fff“”\"]{2,16}?\s*\d+(?:\.\d+)?\s*[\u4e00-\u9fff%]{1,3}?(?:以上|左右)?\s*")
_VERB = re.compile(r"达到|达|突破|超过|超|实现|培育|打造|建成|形成|新增|增长|提高|提升|占|为|完成|引进|建设|不少于|不低于|"
                   r"不超过|低于|高于|保持|控制|至少|近|约")  # 研发投入不少于1亿元 has its own verb
_GAP = re.compile(r"^(?:仅|只|还|尚)?相?差了?$")  # 仅差了不到300亿元: a gap to the figure named before it
#: a figure relative to another year or period (比2015年提高4.7个百分点, 同比增长10%): its indicator is the
#: one stated just before it in the sentence
_RELATIVE = re.compile(r"(?:同比|环比|(?:比|较)(?:上年|去年)(?:同期)?|(?:比|较)(?:(?:19|20)\d{2}\s*年(?:底|末)?|[“\"]?十[一二三四五]五[”\"]?(?:末|期末)))(?:提高|增长|增加|下降|减少|提升|降低|上升)?(?:近|约|超过?)?$|"
                       r"^(?:(?:近|过去|前)[一二三四五六七八九十两\d]+年|[一二三四五六七八九十两\d]+年来?)?(?:年均|实际|名义)?"
                       r"(?:增长|递增|提高|增加|下降|减少|提升|降低|上升)率?(?=(?:达到|达|为)?$)")  # 年均增长率达21.67%  # 近三年年均增长12.1%: the figure before's growth  # …5200亿元以上,增长15%以上
#: a gap to a reference (高于全国2.6个百分点, 高出全省4.7个百分点, 高于全国、全省0.95、2.2个百分点): the figure of the
#: indicator stated just before it, compared — named like a relative figure
_REF_GAP = re.compile(r"(?:高于|高出|低于|快于|慢于)(?:同期)?(?:全国|全省|全市|全区|全州|全县|[^,;:。\d]{1,10}?)(?:、(?:全国|全省|全市|全区))*"
                      r"(?:平均水平|平均增速|平均|水平|增速)?$")
#: what only says when and how sure (到今年预计可达, 2020年达到, “十四五”末预计将迈上): a clause naming nothing of its own
_TIME_VERB = re.compile(r"\s*(?:到|至)?\s*(?:今年|明年|年底|年末|(?:19|20)\d{2}\s*年(?:底|末)?|[“\"]?十[一二三四五]五[”\"]?(?:末|期末))?"
                        r"(?:\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月|前三季度|上半年|一季度)?"  # 2025年1-9月为…: a part of the year (round 35)
                        r"\s*(?:预计|将|有望|可望|可)*\s*(?:力争|确保|争取)?(?:超过?|突破|达到|达|迈上|跨上|为)?\s*")
#: a rate named by its growth (固投预计年均增长5%): the growth words are part of the indicator
_GROWTH_END = re.compile(r"((?:年均|同比|累计)?(?:增长|递增|增速))(?:预计|将)?(?:达到|达|为|约|超过|超)?\s*$")
#: units of goods made or moved (20万吨铝型材, 15万千米电缆线): the noun after the figure names what it counts
_GOODS = {"亿吨", "万吨", "吨", "万千米", "千米", "万公里", "公里", "万辆", "辆", "万台", "台", "万件", "件"}
#: the audience of the event a news report opens with (媒体, 记者, 嘉宾): their count is no indicator
_AUDIENCE = re.compile(r"^[\u4e00-\u9fff及和、]{0,8}?(?:媒体|记者|嘉宾|与会|参会)")
#: the growth words that end a relative figure's name (累计增长, 同比增长 …)
_RELATIVE_TAIL = re.compile(r"(?:(?:累计|同比|年均|比上年)(?:增长|递增|提高|增加|提升)?|增长|递增|提高|增加|下降|减少|提升|降低|上升)$")
#: 公布…名单,2125家企业入选: the list in the clause before names the firms
_SELECTED = re.compile(r"(?:企业|项目|产品)?入选")


@dataclass
class Quantity:
    """One quantified item of a sentence: ``value`` is the number (the low end of a range),
    ``low``/``high`` the range ends (``None`` for a single number), ``qualifier`` the words around
    it (力争, 突破, 以上, 左右 …, in text order), ``current`` whether the clause states what exists now."""

    name: str
    value: float
    unit: str
    qualifier: str
    span: tuple[int, int]
    low: float | None = None
    high: float | None = None
    current: bool = False
    year: int | None = None  # a year written in the item's own clause


def _item(name: str, m, unit: str, clause: str, prev_end: int, start: int, current: bool) -> Quantity:
    high = float(m.group(2)) if m.group(2) else None
    low = float(m.group(1)) if high is not None else None
    years = [int(y.group(1)) for y in YEAR_RE.finditer(clause) if y.start() < m.start()  # not 确定了2025年工作要点
             and not (clause[y.start() - 1:y.start()] == "从" and re.search(r"\d", clause[y.end():m.start()]))]  # 至68.4%
    return Quantity(name, float(m.group(1)), unit, qualifier(clause, m, prev_end), (start + m.start(), start + m.end()),
                    low, high, current, years[-1] if years else None)


def find_quantities(sentence: str) -> list[Quantity]:
    """Every quantified item of a sentence, with range, qualifier and current/target."""
    out: list[Quantity] = []
    written, sentence = sentence, normalized(simplified(sentence))  # 千亿元 → 1千亿元, 萬噸 → 万吨 (same positions)
    pos, previous, state = 0, "", False
    sticky = bool(NOW_LEAD.match(sentence))
    aim = ""  # 力争…目标,即:A,B: 力争 passes on to every figure the 即 lists
    carry = list_aim = ""
    mark = 0  # len(out) when the previous clause began: its items are out[mark:]
    fen_names, fen_share = [], False  # the items of a 分别 list, for a next clause listing their shares of another or gaps
    for clause in re.split(r"([,;:。!?])", sentence):
        lead = re.fullmatch(r"\s*[^\W\d]{0,10}?(力争|确保)(?:在|到|至)?\s*(?:(?:19|20)\d{2}\s*年(?:底|末|前)?|[“\"]?十[一二三四五]五[”\"]?"
                            r"(?:末|期末|时期|期间)?)\s*", clause)
        if lead:  # 力争到2025年底,A突破8000亿元,B达到45家以上 (also after its subject: 吉安市力争到2026年,…): 力争 scopes the list
            aim = lead.group(1)
        if clause.strip() == "即" or (clause.endswith("即") and not re.search(r"\d", clause)):
            aim = next((w for w in ("力争", "确保") if w in previous or w in clause), aim)
        if len(clause) > 1:
            # 力争实现A1个,超2000亿元B2个,…: a clause that only goes on with the objects of the verb before keeps its 力争
            goes_on = _LIST_GOES_ON.match(clause) or (_VERBLESS.fullmatch(clause) and not _VERB.search(clause))
            carry = list_aim if goes_on else ""
            list_aim = carry or next((w for w in ("力争", "确保") if w in clause and re.search(r"\d", clause)), "")
            previous, context = clause, previous
        else:
            context = previous
        start = pos
        pos += len(clause)
        if len(clause) <= 1:
            continue
        # the indicator of the previous clause's last item (for 总面积…, 比2015年提高…)
        last_name, mark = (out[-1].name if len(out) > mark else None), len(out)
        if not (re.search(r"\d", clause) or "全覆盖" in clause):
            state = is_current(clause, len(clause), state, sticky) if CURRENT_RE.search(clause) else state
            continue
        qs = list(figures(clause))
        if not qs:
            out.extend(Quantity(*c, current=state) for c in coverage(clause, start))
            continue
        gaps = [clause[a[0].end():b[0].start()].strip() for a, b in zip(qs, qs[1:])]
        head = clause[:qs[0][0].start()].strip(" ,")  # …分别增长15.0%、31.4%,高于规上工业平均水平10.9个百分点、27.3个百分点:
        ref = re.fullmatch(r"(?:占|和|及)?([^,;。\d、]{1,8}?)的?", head) if fen_share else None  # each item's gap (round 23)
        joined = ("占" + ref.group(1)) if ref else (head if not fen_share and _REF_GAP.fullmatch(head) else "")
        if fen_names and joined and "分别" not in clause and len(qs) == len(fen_names) and all(g == "、" for g in gaps):
            cur = is_current(clause, qs[0][0].start(), state, sticky)  # …分别占安徽省的50%、60%,全国的6%、11%:
            for name, (m, unit) in zip(fen_names, qs):  # the second list is the same items' share of another reference
                out.append(_item(name + joined, m, unit, clause, 0, start, cur))
            fen_names, state = [], cur
            continue
        fen_names = []
        fen = clause.find("分别")
        counted = [q for q in qs if q[0].start() < fen] if fen > 0 else []
        if fen > 0 and len(qs) - len(counted) > 1 and len(counted) == 1 and counted[0][1] in COUNT_UNITS:
            m0, unit0 = counted[0]  # 5条特色产业链规模分别达到…: the count names its noun, the 分别 figures follow it
            noun = re.split(MEASURE, clause[m0.end():fen])[0]
            out.append(_item(clean_name(noun), m0, unit0, clause, 0, start, is_current(clause, m0.start(), state, sticky)))
            clause_names = clause[m0.end():]
            qs = [q for q in qs if q[0].start() > fen]
        else:
            clause_names = clause
        if "分别" in clause and len(qs) > 1:
            prefix = clause_names[: clause_names.index("分别")]
            names = split_fenbie(clean_name(prefix), len(qs))  # 同比分别增长…: the indicators are the ones before
            names = (compared := compared_names(prefix.strip() if BASE_YEAR.fullmatch(prefix.strip()) else names[0], clause[clause.index("分别"):qs[0][0].start()], [o.name for o in out], context, len(qs))) or names
            cur = is_current(clause, qs[0][0].start(), state, sticky)
            prev_end = clause.index("分别")
            share = re.match(r"分别占([^,;。\d]{1,10}?)的?$", clause[prev_end:qs[0][0].start()].strip())
            for name, (m, unit) in zip(names, qs):
                name = (name if compared else clean_name(name)) + ("占" + share.group(1) if share else "")
                unit = unit or ("指数" if name.endswith("指数") else "")
                out.append(_item(name, m, unit, clause, prev_end, start, cur))
                prev_end = m.end()
            fen_names, fen_share = [clean_name(n) for n in names] if share else [o.name for o in out[-len(qs):]], bool(share)  # …分别占X的A、B
            state = cur
            continue
        prev_end = 0
        from_name = None  # 全省制造业产值从5.5万亿元提升至7万亿元: the second figure is the same indicator's
        per_year = "每年" in clause or "年均" in clause
        one_list = "分别" in clause  # A、B、C产业主营业务收入分别达到4000亿元: one figure for the whole list
        skip_to = 0
        gap_refs: list[str] = []
        for i, (m, unit) in enumerate(qs):
            before = clause[max(prev_end, skip_to):m.start()]
            inherit = ""
            # the 、 before a clause's first count joins kinds of one count (A企业、B、C中小企业10家以上); after a
            # figure it separates the next figure (新签约60个、新开工35个)
            after1 = clause[m.end():m.end() + 1]
            kinds = prev_end == 0 and unit in COUNT_UNITS and not re.search(r"\d", before) and \
                (not after1 or bool(DELIMS.match(after1)))
            seg_start = -1 if one_list or kinds else before.rfind("、")
            name = clean_name(before[seg_start + 1:] if seg_start >= 0 else before)
            name = name or (before.strip() if before.strip() in ("完成", "实现") else "")  # …,实现34.8亿元: naming.verb_named
            grows = _GROWTH_END.search(before) if unit == "%" and name else None
            if grows and name not in grows.group(1) and not name.endswith(grows.group(1)) and not _RELATIVE_TAIL.search(name):
                name += grows.group(1)  # 固投预计年均增长5% → 固投年均增长 (the growth, not the level)
            if name and _TIME_VERB.fullmatch(re.sub(r"(?:台阶|大关|门槛|关口)$", "", name)):
                name = ""  # 到今年预计可达2350亿元: only time words — the indicator is the one before
            follow = "" if re.match(r"等(?:[。;,]|$)", clause[m.end():]) else clause[m.end():m.end() + 1]  # 检测中心4个等。: a list's close
            rel = _RELATIVE.search(re.sub(r"^(?:台阶|大关|门槛|关口)?、", "", before.strip())) or _REF_GAP.search(before.strip())
            if gap_refs and before.strip() == "、" and unit == "个百分点":
                name = gap_refs.pop(0)  # 高于全国、全省0.95、2.2个百分点: the second gap, the second reference
                out.append(_item(name, m, unit, clause, prev_end, start, is_current(clause, m.start(), state, sticky)))
                prev_end = m.end()
                continue
            starts_from = bool(FROM.search(before.rstrip()))
            each = re.search(r"(?:各|均|双)(?:超过|超|突破|达到|达|在|为)?$", before.rstrip())  # 双超: both
            parts = [clean_name(p) for p in re.split(r"和|、", before.rstrip()[:each.start()])] if each else []
            listed = re.match(r"(.+、.+)等$", clause[:qs[i - 1][0].start()].rstrip()) if each and i and len(parts) == 1 else None
            if listed and qs[i - 1][1] in COUNT_UNITS:  # A、B、C等3个产业各达到2000亿: the items before the count, each
                parts = [clean_name(p) + parts[0] for p in re.split(r"、", listed.group(1))]
            if len(parts) > 1 and (each.group(0).startswith(("各", "双")) or is_measure(parts[-1])):
                # A和B各50个; 规上工业产值、营收均超过1.2万亿 (measures of one holder): one figure each — but
                # 装备制造、食品产业主营业务收入均突破1.2万亿元 is one figure of the list
                for k, part in enumerate(parts):
                    held = re.match(rf"(.+?){MEASURE}$", parts[k - 1]) if k else None
                    if held and is_measure(part):
                        part = held.group(1) + part  # 规上工业产值、营收 → 规上工业营收 (one holder)
                    if part:
                        out.append(_item(part, m, unit, clause, prev_end, start,
                                         is_current(clause, m.start(), state, sticky)))
                prev_end = m.end()
                continue
            if starts_from:
                name = clean_name(FROM.sub("", before.rstrip()))
                if not name and context:  # 地区生产总值连跨两个千亿台阶,由2020年的…增长到…: the clause before names it
                    name = held_indicator(context)
                from_name = name
            elif from_name and FROM_TO.fullmatch(before.strip()):
                name = from_name
            elif rel:  # 比2015年提高4.7个百分点 → <the indicator before it>比2015年提高
                own = clean_name(before.strip()[:rel.start()])  # 规上工业增加值同比增长10.3%: named in its clause
                base = own if len(own) > 2 else (last_name or (out[-1].name if out else clean_name(context)))
                if len(own) <= 2 and len(out) > mark:  # 营业收入165.2亿元、增长28.8%: the figure before in the clause
                    base = out[-1].name
                if len(own) <= 2 and unit in MONEY_UNITS | {"个百分点"}:  # a gain in money or in points: of the
                    like = [q for q in out if q.unit == "%"] if unit == "个百分点" else \
                        [q for q in out if q.unit in MONEY_UNITS]  # sentence's last figure in money / in %
                    base = like[-1].name if like else base
                    base = _RELATIVE_TAIL.sub("", base) if re.search(r"(?:比|较)(?:19|20)\d{2}\s*年", base) else base
                name = rate_named(base, re.sub(r"\s", "", rel.group(0)))  # …累计下降48.3%,10年年均下降6.4%
                cmp = re.search(r"(?:比|较)(?:19|20)\d{2}\s*年(?:底|末)?", out[-1].name) if len(out) > mark else None
                if cmp and not re.search(r"比|较", rel.group(0)) and cmp.group(0) not in base:
                    name = base + cmp.group(0) + re.sub(r"\s", "", rel.group(0))  # 比2015年增加…、提高…: one comparison
                gap = re.match(r"(高于|高出|低于|快于|慢于)(.+)$", re.sub(r"\s", "", rel.group(0)))
                if gap and "、" in gap.group(2) and unit == "个百分点":  # one reference per figure, in order
                    refs = gap.group(2).split("、")
                    name = base + gap.group(1) + refs[0]
                    gap_refs = [base + gap.group(1) + r for r in refs[1:]]
                if last_name and not any(w in clause for w in ("力争", "确保")):
                    inherit = next((w for w in ("力争", "确保") if out[-1].qualifier.startswith(w)), "")
                    # 力争…产值达5200亿元以上,增长15%以上: the growth is the same aim's figure
            elif (_SELECTED.match(clause, m.end()) or re.fullmatch(r"(?:共计?|合计|总共|一共)?", name)) and context.endswith("名单"):
                # 公布2021年度浙江省“专精特新”中小企业名单,2125家企业入选 → …中小企业入选企业
                listed = re.sub(r"^.*?(?:公布|发布|印发|认定|评选|确定)", "", context[:-2])
                name = clean_name(re.sub(r"(?:19|20)\d{2}年度?", "", listed)) + \
                    ("入选企业" if _SELECTED.match(clause, m.end()) else "")  # …名单,全省共10个 → the list's count
            elif not name or ((unit in COUNT_UNITS or unit in _GOODS) and follow and not DELIMS.match(follow)
                              and follow not in "((" and not (unit in _GOODS and follow in "的以左多余")):
                name = count_named(clause, qs, i, m, unit, before, sentence, start)
            noun = re.match(r"的?([^,;。、\d]{2,10}?)(?:支撑|带动|推动|,|;|。|、|$)", clause[m.end():])
            if noun and (name in ("年", "以") or name.endswith("年均")) and (clause[m.end():m.end() + 1] == "的" or name == "年"):
                name = noun.group(1).strip(" “”\"")  # 形成年400万辆整车产能, 以年均2.3%的能源消费增长: the noun follows
                skip_to = m.end() + noun.end(1)
            if name in BARE and not clean_name(before) and re.search(r"[内中里]$", context.strip()):
                name = clean_name(context.strip()[:-1]) + name  # 机器人产业基地内,118家企业 → 机器人产业基地企业
            if name and _TIME_VERB.fullmatch(re.sub(r"(?:台阶|大关|门槛|关口)$", "", name)):
                name = ""  # “十四五”末预计将迈上6000亿元台阶: a milestone with time words only names nothing
            if not name and last_name and _RELATIVE_TAIL.search(last_name) and _TIME_VERB.fullmatch(before):
                name = _RELATIVE_TAIL.sub("", last_name)  # 规上工业增加值累计增长38.1%,达到2800亿元 → 规上工业增加值
            previous_item = out[-1].name if len(out) > mark else last_name
            if not name and (previous_item or context) and _TIME_VERB.fullmatch(before):  # 开票销售达9000亿元,力争超10000亿元: a
                name = previous_item or held_indicator(context)  # higher aim of the same indicator; 全市GDP稳步增长,2024年达…: the clause's
            if last_name and 2 <= len(name) <= 3 and len(last_name) > len(name) and last_name[-len(name)] == name[0] \
                    and not re.search(r"[、和及与]", before):
                name = last_name[:-len(name)] + name  # 聚焦突破类新签约60个,新开工35个: the items share their prefix
            if _GAP.match(name) and context:  # 距离万亿GDP,仅差了不到300亿元 → 距离万亿GDP差
                name = clean_name(context) + "差"
            name = generic_held(name, clause, m, before, out, mark, last_name, context)
            if not unit and name.endswith("指数"):
                unit = "指数"
            if per_year and unit and unit not in ("%", "指数") and "每年" in clause[:m.start()]:
                unit += "/年"  # 每年实施150项 → 150 项/年
            state = is_current(clause, m.start(), state, sticky) or bool(_SELECTED.match(clause, m.end()))  # …入选
            if name and unit in ("家", "名", "位", "人") and _AUDIENCE.match(name):
                name = ""  # 新华社…等30多家中央及地方媒体共同探寻…: who came to report, no indicator
            if name:
                out.append(_item(name, m, unit, clause, prev_end, start, state or starts_from))
                if (aim or carry) and not starts_from and not re.search("力争|确保", out[-1].qualifier + inherit):
                    inherit = (aim or carry) + inherit
                out[-1].qualifier = inherit + out[-1].qualifier
            prev_end = m.end()
        out.extend(Quantity(*c, current=state) for c in coverage(clause, start))
    return as_written(reread(out, sentence), written, sentence)


def find_targets(sentence: str) -> list[tuple[str, float, str, str, tuple[int, int]]]:
    """``[(name, value, unit, qualifier, (start, end))]`` of a sentence (ranges, current: :func:`find_quantities`)."""
    return [(q.name, q.value, q.unit, q.qualifier, q.span) for q in find_quantities(sentence)]
