"""Round-9 extraction rules (the round-8 held-out error classes, fixed in general form): a review's period and
title read from a saved excerpt's title line, a title must be title-like, 至20XX年 inside a reviewed period, 拥有量;
ranks and ordinals; counts named by their holder before 的; names ending in 超 or a period phrase; a count's class
written in characters; 目前/去年 in one sentence; 以上年; audience counts; 达到X after a growth; bracketed list items."""

from __future__ import annotations

from etl.nlp import extract_facts
from etl.nlp.indicator import clean_name
from etl.nlp.layout import plan_context
from etl.nlp.plan_clusters import find_clusters
from etl.nlp.quantity import find_quantities
from etl.nlp.tense import relative_year


def targets(text: str, onto) -> list:
    return [(f.text, f.value, f.unit, f.qualifier, f.year, f.current)
            for f in extract_facts(text, onto, source="t") if f.kind == "target"]


REVIEW = ("# title: 青岛“十四五”产业能级跃升:服务业增加值突破万亿大关 (搜狐财经 summary, 2025-12-02)\n"
          "高技术制造业增加值年均增长15.9%,全国先进制造业百强市排名从2020年第11位跃升至2024年第6位。\n"
          "海洋生产总值突破5500亿元,占地区生产总值比重达33%。\n")


def test_a_review_named_only_in_its_title_line(small_onto):
    ctx = plan_context(REVIEW)
    assert (ctx["end"], ctx["reviewed"]) == (2025, 2025)
    got = {(t[0], t[1]): (t[2], t[4], t[5]) for t in targets(REVIEW, small_onto)}
    assert got[("高技术制造业增加值年均增长", 15.9)] == ("%", 2025, True)  # 至2024年 in a 十四五 review aims at nothing
    assert got[("全国先进制造业百强市排名", 11.0)] == ("位", 2020, True)
    assert got[("全国先进制造业百强市排名", 6.0)] == ("位", 2024, True)
    assert got[("海洋生产总值", 5500.0)] == ("亿元", 2025, True)
    assert got[("海洋生产总值占地区生产总值比重", 33.0)] == ("%", 2025, True)
    # the same title line on a plan is no review; a plan's title names a plan word
    plan = REVIEW.replace("产业能级跃升", "产业发展规划发布")
    assert plan_context(plan)["reviewed"] is None


def test_a_plans_first_sentence_is_no_title(small_onto):
    text = ("# title: 厦门“十四五”战略性新兴产业发展专项规划发布 (东南网, 2021-10-14)\n"
            "“十四五”期间,厦门将全力发展新一代信息技术等5大战略性新兴产业,战略性新兴产业总体规模将突破1万亿元。\n"
            "在产业创新水平上,全市国家级创新平台超过80家,每万人口高价值发明专利拥有量超过20件。\n")
    assert plan_context(text)["reviewed"] is None
    got = {t[0]: (t[4], t[5]) for t in targets(text, small_onto)}
    assert got["国家级创新平台"] == (2025, False)
    assert got["每万人口高价值发明专利拥有量"] == (2025, False)  # 拥有量 is a measure, not 拥有


def test_ranks_and_ordinals():
    assert [(q.name, q.value, q.unit) for q in find_quantities("电力新能源与装备制造产业成为全市第3个千亿产业")] == []
    assert find_quantities("货物进出口总额居副省级城市第2位") == []  # a position, no indicator's rank
    assert find_quantities("邀请20位专家参加") == []  # 位 counts people only after 第 … 排名


def test_a_count_before_de_is_named_by_its_holder():
    qs = find_quantities("成都以17条重点产业链的链主企业“一企带一链”模式")
    assert [(q.name, q.value, q.unit) for q in qs] == [("重点产业链", 17.0, "条")]
    qs = find_quantities("2025年,成都新招引重大项目落地开工380个,加快建设重点项目303个")
    assert qs[1].name == "重点项目"  # 重点 before a noun stays; before a verb (重点发展) it goes
    assert clean_name("重点培育龙头企业") == "龙头企业"


def test_names_ending_in_chao_or_a_period_phrase():
    qs = find_quantities("货物进出口总额年均增长9.1%,总量突破9000亿元,占全国比重超2%。")
    assert (qs[-1].name, qs[-1].value) == ("占全国比重", 2.0)
    qs = find_quantities("全市实现数字经济核心产业增加值164.3亿元,近三年年均增长12.1%")
    assert qs[1].name == "数字经济核心产业增加值近三年年均增长"
    qs = find_quantities("超千亿产业集群已达7个,总规模超1.75万亿元")
    assert (qs[1].name, qs[1].value, qs[1].unit) == ("超千亿产业集群总规模", 1.75, "万亿元")


def test_a_counts_class_in_characters_is_no_amount():
    qs = find_quantities("形成化工、有色等8个超千亿元、具有较强竞争力的产业集群")
    assert [(q.value, q.unit) for q in qs] == [(8.0, "个")] and "千亿元" in qs[0].name
    qs = find_quantities("目前南京已形成1个7000亿元级、6个千亿元级的产业集群")
    assert [(q.value, q.unit) for q in qs] == [(1.0, "个"), (6.0, "个")]
    # an amount in characters that is a figure is still read
    assert [(q.value, q.unit) for q in find_quantities("产值稳定在千亿元以上")] == [(1.0, "千亿元")]


def test_the_relative_year_nearest_before_a_figure(small_onto):
    assert relative_year("目前已形成6个产业集群,去年产值增长", {"issued": 2023}) == 2022
    assert relative_year("目前南京已形成", {"issued": 2023}) == 2023
    assert relative_year("培育20家以上年营业收入超100亿元的企业", {"issued": 2016}) is None  # 以上 + 年…, not 上年
    text = ("# title: 南京发布产业强市行动计划 (澎湃新闻, 2023-06-17)\n"
            "目前南京已形成1个7000亿元级、6个千亿元级的产业集群,去年规模以上工业总产值超过1.5万亿元,"
            "规上高技术制造业产值增长10.9%。\n")
    got = {t[1]: (t[4], t[5]) for t in targets(text, small_onto)}
    assert got[1.0] == (2023, True) and got[6.0] == (2023, True) and got[10.9] == (2022, True)


def test_an_aim_with_yishang_nian_is_no_report(small_onto):
    text = "“到2025年,形成8个产业集群。培育20家以上年营业收入超100亿元的企业。”\n"
    got = {t[1]: (t[4], t[5]) for t in targets(text, small_onto)}
    assert got[20.0] == (2025, False)


def test_news_noise_and_a_growths_amount():
    s = "新华社、中央广播电视总台等30多家中央及地方媒体共同探寻这座城市如何以“7+20”产业链群为骨架"
    assert find_clusters(s) == [] or all(c.name != "中央广播电视总台" for c in find_clusters(s))
    assert find_quantities(s) == []
    qs = find_quantities("郑州市规上工业增加值累计增长38.1%,达到2800亿元,全部工业总产值突破1.9万亿元")
    assert [(q.name, q.value) for q in qs][1] == ("郑州市规上工业增加值", 2800.0)


def test_a_bracket_restating_a_list_item_stays_in_its_name():
    names = [c.name for c in find_clusters("增强软件和信息服务、新型电力(智能电网)两大产业集群的全球竞争力")]
    assert "新型电力(智能电网)" in names and len(names) == 2
    # a bracket after a count lists the members (无锡: 产业集群1个(物联网))
    names = [c.name for c in find_clusters("营收规模达5000亿元级别的产业集群1个(物联网)、3000亿元级别的产业集群2个(新材料、高端装备)")]
    assert "物联网" in names
