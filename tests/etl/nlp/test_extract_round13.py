"""Round-13 extraction rules (the round-12 held-out error classes, fixed in general form, tested on the round-12
plans' sentences): a noun after the number names it (形成年400万辆整车产能, 以年均2.3%的能源消费增长); a clause of only
力争 + qualifier + figure restates the figure before; a location clause names a bare count (…基地内,118家企业); a count's
noun ends before its verb and 产业基地 is one head; parallel list items share the last one's tail; 预计 and a note after
an amount; N强 names a ranking; a quoted area before a field; 力争 opening a sentence scopes it across ;; 预计 of a
past year is a result; a city named only in a cited title is the text's when it says 我市."""

from __future__ import annotations

from etl.nlp import extract_facts
from etl.nlp.figures import figures
from etl.nlp.layout import _aim_scoped
from etl.nlp.plan_clusters import find_clusters
from etl.nlp.quantity import find_quantities
from etl.nlp.region import plan_region


def named(sentence: str) -> list:
    return [(q.name, q.value, q.unit, q.qualifier) for q in find_quantities(sentence)]


def test_a_noun_after_the_number_names_it():
    got = named("汽车产业以中国一汽为龙头,形成年400万辆整车产能,同时培育500户以上亿元配套企业,建设1个产值超万亿元的世界级汽车产业基地")
    assert [n for n, *_ in got] == ["整车产能", "亿元配套企业", "世界级汽车产业基地"]
    got = named("单位GDP能耗累计下降19.5%,以年均2.3%的能源消费增长支撑了年均6.8%的经济增长。")
    assert [(n, v) for n, v, _u, _q in got][1:] == [("能源消费增长", 2.3), ("经济增长", 6.8)]


def test_a_higher_aim_restates_the_figure_before_and_a_location_names_a_count():
    got = named("全部工业开票销售达9000亿元,力争超10000亿元。")
    assert got == [("全部工业开票销售", 9000.0, "亿元", ""), ("全部工业开票销售", 10000.0, "亿元", "力争")]
    assert named("机器人产业基地内,118家企业构建起完整闭环")[0][:2] == ("机器人产业基地企业", 118.0)


def test_parallel_items_share_the_tail_and_estimates_and_notes():
    got = named("新签约、新开工、新入库50亿元以上项目分别达50个、29个、15个")
    assert [n for n, *_ in got] == ["新签约50亿元以上项目", "新开工50亿元以上项目", "新入库50亿元以上项目"]
    assert named("增幅最大的为生物医药,产值预计达700亿元")[0][0].endswith("生物医药产值")
    assert named("实现“经济总量超万亿元(人民币,下同)”的目标")[0][:3] == ("经济总量", 1.0, "万亿元")
    assert [(m.group(1), u) for m, u in figures("跃居全国制造业高质量发展50强城市第36位")] == [("36", "位")]


def test_a_quoted_area_before_a_field_and_an_aim_across_semicolons():
    assert [c.name for c in find_clusters("共建国家级“宜荆荆”磷化工产业集群。")] == ["磷化工"]
    parts = ["力争到“十四五”末,A突破5000亿元;", "在人工智能领域占据一席之地;", "B达到1650家。", "其他;", "C。"]
    assert _aim_scoped(parts) == ["力争到“十四五”末,A突破5000亿元;在人工智能领域占据一席之地;B达到1650家。", "其他;", "C。"]


def test_an_estimate_of_a_past_year_is_a_result_and_a_cited_city(small_onto):
    text = ("# title: 宜昌 work report (中国网, 2023-01-06)\n1月4日,宜昌市七届人大二次会议开幕。政府工作报告数据显示,2022年,宜昌装备制造业产值预计达1100亿元,增长20%。\n"
            "报告提出,2023年,宜昌将力争绿色化工产值达1800亿元。")
    got = {f.value: f.current for f in extract_facts(text, small_onto, source="t") if f.kind == "target"}
    assert got[1100.0] is True and got[1800.0] is False
    assert plan_region("我市出台《遂宁市“十四五”电子信息产业发展规划》,打造四川重要的装备制造产业集群。")["region"] == "遂宁市"
