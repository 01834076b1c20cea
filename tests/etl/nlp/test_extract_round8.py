"""Round-8 extraction rules (the round-7 held-out error classes, fixed in general form): counts named by a scale class
list, clusters named by an output threshold, amounts per period under a standard, discourse markers and line-break
spaces in names, gaps (仅差了不到), durations (连续33个月), 万户 and unitless indices, the year of a review's figures, the
second figure of a from-to pair, 围绕 + a count, quoted slogans that end in 市."""

from __future__ import annotations

from etl.nlp import extract_facts
from etl.nlp.indicator import clean_name
from etl.nlp.layout import plan_context
from etl.nlp.naming import class_named, period_named
from etl.nlp.quantity import find_quantities
from etl.nlp.region import find_places


def targets(text: str, onto) -> list:
    return [(f.text, f.value, f.unit, f.qualifier, f.year, f.current)
            for f in extract_facts(text, onto, source="t") if f.kind == "target"]


def test_a_list_of_scale_classes_takes_the_head_after_it():
    qs = find_quantities("打造形成4个万亿级、4个五千亿级、一批千亿级产业集群。")
    assert [(q.name, q.value) for q in qs] == [("万亿级产业集群", 4.0), ("五千亿级产业集群", 4.0)]


def test_clusters_named_by_a_threshold_state_their_output():
    s = "包括新一代信息技术、新能源等2个产值超2000亿元产业集群,以及产值超600亿元的生物医药与健康产业集群。"
    got = [(q.name, q.value, q.unit, q.qualifier) for q in class_named(find_quantities(s), s)]
    assert ("产值超2000亿元产业集群", 2.0, "个", "") in got
    assert ("新一代信息技术、新能源产业集群产值", 2000.0, "亿元", "超") in got
    assert ("生物医药与健康产业集群产值", 600.0, "亿元", "超") in got
    # a threshold that is a firm's condition stays no figure
    s2 = "培育产值10亿元以上企业50家"
    assert [(q.name, q.value) for q in class_named(find_quantities(s2), s2)] == [("产值10亿元以上企业", 50.0)]


def test_amounts_per_period_under_a_standard():
    s = "按照1年100亿元、5年不少于500亿元的标准,实施园区配套倍翻计划,解决当前园区配套滞后的问题;"
    got = [(q.name, q.value, q.qualifier) for q in period_named(find_quantities(s), s)]
    assert got == [("园区配套倍翻计划(1年)", 100.0, ""), ("园区配套倍翻计划(5年)", 500.0, "不少于")]


def test_names_cut_at_discourse_markers_and_spaces():
    assert clean_name("与此同时,去年温州规上工业增加值") == "温州规上工业增加值"
    assert clean_name("年均增速 达到") == "增速"
    qs = find_quantities("与此同时,去年温州规上工业增加值同比增长10.3%、增速全省第一,且连续33个月增速高于全国、全省。")
    assert [(q.name, q.value) for q in qs] == [("温州规上工业增加值同比增长", 10.3)]  # 33个月 is a duration
    qs = find_quantities("累计完成制造业投资超1500亿元,年均增速 达到27.4%")
    assert qs[1].name.endswith("制造业投资增速") and qs[1].value == 27.4  # 增速 alone names the figure before (超 ends no name, round 9)


def test_a_gap_is_named_by_the_clause_before_and_keeps_budao():
    qs = find_quantities("温州全市地区生产总值已经达到9719亿元,距离万亿GDP,仅差了不到300亿元。")
    assert (qs[1].name, qs[1].value, qs[1].qualifier) == ("距离万亿GDP差", 300.0, "不到")


def test_households_and_unitless_indices():
    qs = find_quantities("在册民营企业和个体工商户合计156.4万户,全省靠前")
    assert [(q.value, q.unit) for q in qs] == [(156.4, "万户")]
    qs = find_quantities("到2027年,两化融合发展水平达到66,关键工序数控化率达到70%。")
    assert [(q.name, q.value, q.unit) for q in qs][0] == ("两化融合发展水平", 66.0, "")
    assert [q.value for q in find_quantities("建设5G基站,推进“135”工程")] == []  # a bare number stays no figure


def test_a_review_takes_its_figures_years_from_its_title_or_date(small_onto):
    text = ("衢州“十四五”工业经济连跨千亿台阶\n"
            "“十四五”期间,我市累计完成制造业投资超1500亿元。2024年,六大产业链实现产值2061亿元,占全市规上工业比重从2021年的49%提升至68.4%。"
            "截至目前,全市累计新培育上市企业16家,2024年一道新能源入围中国制造业民营企业500强。")
    ctx = plan_context(text)
    assert ctx["reviewed"] == 2025 and ctx["looks_back"]
    got = {(t[0], t[1]): (t[4], t[5]) for t in targets(text, small_onto)}
    assert got[("六大产业链实现产值", 2061.0)] == (2024, True)
    assert got[("占全市规上工业比重", 49.0)] == (2021, True)
    assert got[("占全市规上工业比重", 68.4)] == (2024, True)  # the from-to's second figure: the lead year
    assert got[("上市企业", 16.0)] == (2025, True)  # 截至目前 in a 十四五 review; the later 2024年 is no figure's year
    # a plan title names its period without making the text a review
    assert plan_context("台州市“十四五”制造业高质量发展规划\n到2025年,产值达到1万亿元。")["reviewed"] is None


def test_a_saved_excerpts_date_dates_its_relative_years(small_onto):
    text = ("# title: 温州 2025 GDP 破万亿 (m.163.com, 2026-01-20)\n"
            "1月20日,温州市政府工作报告指出,温州为“十四五”规划画上了圆满的句号。\n"
            "去年,温州五大传统优势产业规模以上工业增加值增长11.4%。2025年,温州完成工业用地供应1.52万亩。\n"
            "“十四五”期间,温州高新技术产业占比从60.9%跃升至73%。")
    ctx = plan_context(text)
    assert ctx["issued"] is None and ctx["dated"] == 2026 and ctx["looks_back"]  # dated after its period: a review
    got = {(t[0], t[1]): (t[4], t[5]) for t in targets(text, small_onto)}
    assert got[("温州五大传统优势产业规模以上工业增加值增长", 11.4)] == (2025, True)
    assert got[("温州完成工业用地供应", 1.52)] == (2025, True)  # 完成 in a review is a result
    assert got[("温州高新技术产业占比", 73.0)][1] is True  # the from-to's second figure in a review


def test_weirao_a_count_is_the_present_frame():
    qs = find_quantities("天津港保税区围绕全市12条重点产业链,制定了行动方案")
    assert [(q.name, q.value, q.current) for q in qs] == [("重点产业链", 12.0, True)]  # (the name as the extractor gives it)
    assert [q.current for q in find_quantities("全市围绕产业链打造12个创新平台")] == [False]


def test_a_quoted_slogan_is_no_place():
    assert [p.name for p in find_places("为贯彻落实“制造业立市”和“制造强区”战略部署,天津港保税区")] == ["天津市"]  # 天津 only
    assert [p.name for p in find_places("台州市推进“工业强市”建设")] == ["台州市"]
