"""Round-14 extraction rules (the round-13 held-out error classes, fixed in general form, tested on the round-13
plans' sentences): 各 after a counted list gives each listed item the figure; 由 + a period's end opens a from-to;
energy units; a scale series is no restatement; a year after a speech lead-in leads the sentence; 到 + a year or a
period's end opening a sentence scopes it across ; (a ;-part with its own year opens a new scope); 到“十四五”末 aims."""

from __future__ import annotations

from etl.nlp.facts import Fact, restated_merged
from etl.nlp.figures import figures
from etl.nlp.layout import _aim_scoped
from etl.nlp.quantity import find_quantities
from etl.nlp.tense import AIM, YEAR_LEAD


def named(sentence: str) -> list:
    return [(q.name, q.value, q.unit) for q in find_quantities(sentence)]


def test_ge_after_a_counted_list_gives_each_item_the_figure():
    got = named("现代物流、食品加工、文化旅游等3个产业各达到2000亿,装备制造产业达到1500亿")
    assert got[:4] == [("现代物流、食品加工、文化旅游等产业", 3.0, "个"), ("现代物流产业", 2000.0, "亿元"),
                       ("食品加工产业", 2000.0, "亿元"), ("文化旅游产业", 2000.0, "亿元")]


def test_you_with_a_period_end_energy_units_and_a_scale_series():
    assert named("全市经济总量由“十三五”末的4505.23亿元提升至2024年的5777.41亿元") == [
        ("经济总量", 4505.23, "亿元"), ("经济总量", 5777.41, "亿元")]
    assert [u for _m, u in figures("新能源发电量257.5亿千瓦时")] == ["亿千瓦时"]
    facts = [Fact("target", "三百亿级园区", "s1", "x", 2.0, "个", 2025), Fact("target", "百亿级园区", "s1", "x", 2.0, "个", 2025)]
    for f in facts:
        f.sentences = [f.sentence]
    assert len(restated_merged(facts)) == 2


def test_year_leads_and_aim_scopes():
    assert YEAR_LEAD.match("报告介绍到,2025年,鄂尔多斯发展取得的成效达到预期").group(1) == "2025"
    assert AIM.search("黔西南州发展规划显示,到“十四五”末,全州工业总产值突破2000亿元")
    parts = ["黔西南州发展规划显示,到“十四五”末,A突破2000亿元;", "B在675亿元以上;", "C达1个。"]
    assert len(_aim_scoped(parts)) == 1
    assert len(_aim_scoped(["到2025年,A达到10个;", "到2026年,B达到20个;", "C达到5个。"])) == 2  # a new year, a new scope
