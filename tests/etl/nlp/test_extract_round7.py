"""Round-7 extraction rules (the round-6 held-out error classes, fixed in general form): the field vocabulary as a
signal inside a list of field names, 力争 + year over a following list, 截至 is never an aim, report cues in reviews
(确定了, 认定了, 预计全年, 圆满收官), 2025年度 as a year, restatements (+, a clause ending in 了) and 自治区."""

from __future__ import annotations

from etl.nlp import extract_facts
from etl.nlp.cluster_names import field_list, is_generic
from etl.nlp.indicator import clean_name, find_year
from etl.nlp.plan_clusters import find_clusters
from etl.nlp.quantity import find_quantities
from etl.nlp.tense import is_report


def targets(text: str, onto) -> list:
    return [(f.text, f.value, f.unit, f.qualifier, f.year, f.current, f.subject)
            for f in extract_facts(text, onto, source="t") if f.kind == "target"]


def test_a_list_of_field_names_accepts_items_without_a_field_word():
    names = [c.name for c in find_clusters("名单包括:通包铝基新材料集群、包通风电装备集群、鄂赤呼巴绒纺集群、和林格尔数据中心集群。")]
    assert "鄂赤呼巴绒纺" in names
    got = [c.name for c in find_clusters("我省分两批确定了特钢材料、新能源汽车、氢能、光伏等4条省级重点产业链")]
    assert got == ["特钢材料", "新能源汽车", "氢能", "光伏"]  # the clause before 了 is no part of the first name
    # outside such a list the vocabulary still gates: a verb phrase names no field
    assert find_clusters("大力实施产业集群培育工程") == []
    assert is_generic("人参") and not is_generic("人参", in_field_list=True)
    assert not field_list(["实施", "大抓", "装备"])


def test_li_zheng_with_a_year_scopes_the_following_list():
    qs = find_quantities("力争到2025年底,省级产业链整体营收突破8000亿元,“链主”企业达到45家以上,产业链企业突破800家")
    assert [q.qualifier for q in qs] == ["力争突破", "力争以上", "力争突破"]
    # without the lead clause 力争 stays in its own clause
    assert [q.qualifier for q in find_quantities("营收突破8000亿元,力争企业达到45家以上")] == ["突破", "力争以上"]


def test_jiezhi_is_never_an_aim_and_review_cues_report():
    assert is_report("截至2020年,规模以上工业产值超过2万亿元", {}, False)
    assert not is_report("到2025年,规模以上工业产值超过3万亿元", {}, False)
    assert is_report("近日,省工信厅确定了5个特色产业集群", {}, False)
    assert is_report("预计全年战略性新兴产业产值占比达到22%以上", {}, False)
    assert not is_report("预计到2027年产值达到500亿元", {}, False)


def test_a_review_that_closed_its_period_reports_its_figures(small_onto):
    text = ("2025年是全省工业的重要一年,顺利实现“十四五”圆满收官。\n"
            "一是产业结构持续向优。六大产业基地总产值占全部工业比重达82.5%左右。预计全年战略性新兴产业产值占比达到22%以上。\n")
    got = targets(text, small_onto)
    assert [(t[0], t[1], t[4], t[5]) for t in got] == [("六大产业基地总产值占全部工业比重", 82.5, 2025, True),
                                                      ("战略性新兴产业产值占比", 22.0, 2025, True)]


def test_year_words_and_restatements():
    assert find_year("确定了5个2025年度吉林省中小企业特色产业集群") == 2025
    assert clean_name("省级重点产业链+") == "省级重点产业链"
    assert clean_name("“2+4”产业规上产值") == "2+4产业规上产值"  # a framework label keeps its +
    assert clean_name("省级重点产业链相继确定了工作要点") == "省级重点产业链"


def test_zizhiqu_is_the_plans_own_autonomous_region(small_onto):
    text = ("内蒙古新认定7个先进制造业集群\n"
            "内蒙古自治区正式认定7个自治区级先进制造业集群,推动产业迈向中高端。\n")
    got = targets(text, small_onto)
    assert got and all(t[6] == "内蒙古自治区" for t in got)
    assert all(t[5] for t in got)  # 正式认定: a report


def test_from_to_pairs_give_both_figures_of_one_indicator():
    got = [(q.name, q.value, q.unit) for q in find_quantities("链主企业从20家增至41家,链上企业从441家扩容至774家")]
    assert got == [("链主企业", 20.0, "家"), ("链主企业", 41.0, "家"), ("链上企业", 441.0, "家"), ("链上企业", 774.0, "家")]
    got = [(q.name, q.value, q.year) for q in find_quantities("太钢协作配套率从2022年的11.3%提升至2024年的22.3%")]
    assert got == [("太钢协作配套率", 11.3, 2022), ("太钢协作配套率", 22.3, 2024)]
