"""Round 28 (issue 15 points 1, 2, 5): a section head ``X产业链方面,`` names its chain (bracket and 、 kept, no field
word needed) and holds the bare measures that follow until the next head."""

from etl.nlp.section_heads import section_heads
from tests.etl.nlp.plan_facts import clusters, facts, target_rows

_TEXT = ("2025年,某县印发行动方案(2025-2027)。\n"
         "脐橙(小水果)产业链方面,招引种苗培育等项目,2025年签约投资额2亿元,落地项目1个;2027年末签约投资额6.6亿元,落地项目3个。\n"
         "眼镜产业链方面,招引镜片、镜架企业,2025年签约投资额10亿元,落地项目15个;2027年末落地项目60个。\n")


def test_section_head_names_its_chain_with_its_bracket_and_without_a_field_word():
    found = clusters(_TEXT)
    assert "脐橙(小水果)" in found and "眼镜" in found
    assert section_heads("肉兔、生猪(畜禽水产品)产业链方面,招引肉制品项目")[0][0] == "肉兔、生猪(畜禽水产品)"


def test_section_head_is_no_name_where_a_clause_or_a_scope_stands_before_方面():
    assert section_heads("在制造业升级、产业链协同等方面,取得进展") == []
    assert section_heads("加快推进产业链方面,…") == []
    assert clusters("在产业链协同方面,取得进展。") == {}


def test_bare_measures_take_the_head_of_their_section_until_the_next_head():
    rows = {(name, value) for name, value, _unit, _year, _current in target_rows(_TEXT)}
    assert ("脐橙(小水果)产业链签约投资额", 2.0) in rows and ("脐橙(小水果)产业链落地项目", 3.0) in rows
    assert ("眼镜产业链签约投资额", 10.0) in rows and ("眼镜产业链落地项目", 60.0) in rows
    assert not any(name in ("签约投资额", "落地项目") for name, _v in rows)


def test_a_chain_named_in_the_indicator_is_no_subject():
    subjects = {f.text: f.subject for f in facts(_TEXT) if f.kind == "target"}
    assert subjects["眼镜产业链落地项目"] != "眼镜"


def test_a_plan_title_bracketing_its_years_gives_the_period():
    from etl.nlp.layout import plan_context
    ctx = plan_context("2025年,某县印发《推动高质量发展行动方案(2025-2027)》。\n2027年末落地项目60个。")
    assert (ctx["start"], ctx["end"]) == (2025, 2027)
    assert plan_context("某县(2025-2027)招商情况。")["start"] is None  # a bracket closing no title: no period
    rows = target_rows("2025年,某县印发《行动方案(2025-2027)》。\n眼镜产业链方面,招引企业,2027年末落地项目60个。")
    assert ("眼镜产业链落地项目", 60.0, "个", 2027, False) in rows  # an aim of the period, not a result


def test_one_field_and_等_before_a_classed_count_is_the_framework_example():
    from etl.nlp.framework_lists import counted_industries
    s = ("聚力打造先进材料、新能源汽车动力电池及轻量化部件2个千亿级主导产业,升级打造页岩气及清洁能源等3个五百亿级支柱产业,"
         "培育壮大数字文创等9个新兴产业")
    got = {n: level for n, level, _span in counted_industries(s)}
    assert got.get("页岩气及清洁能源") == "五百亿级"
    assert "数字文创" not in got  # no scale class: the 等 names an example the rules do not take alone
    assert counted_industries("推进改革等3个五百亿级支柱产业") == []  # no field named
