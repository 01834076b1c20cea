"""A county, district or banner is a GB/T 2260 name (etl.nlp.gb2260.COUNTIES), never the two characters before a 县
or 区 (台了县 from 出台了县级, 业强县 from 工业强县) — docs/policy.md, the subject rule."""

from __future__ import annotations

from etl.nlp import extract_facts
from etl.nlp.gb2260 import COUNTIES, COUNTIES_BY_PROVINCE
from etl.nlp.region import find_counties, find_places, plan_region


def _counties(text):
    return [m.group(1) for m in find_counties(text)]


def _subjects(text, onto):
    return {(f.subject, f.subject_kind) for f in extract_facts(text, onto, source="t") if f.kind == "target"}


def test_fragments_before_xian_qu_and_shi_are_no_place(small_onto):
    fragments = "各地出台了县级配套政策,出台了县政府意见,坚持工业强县,深入推进产业立市"
    assert _counties(fragments) == [] and find_places(fragments) == []
    assert plan_region(fragments + "。全县新增规上工业企业20家。")["county"] is None
    text = "出台了县级配套政策,出台了县政府意见,到2025年培育规上工业企业20家。坚持工业强县,力争工业总产值达到100亿元。\n"
    assert {s for s, _k in _subjects(text, small_onto)} & {"台了县", "业强县"} == set()


def test_real_counties_and_districts_are_kept(small_onto):
    assert _counties("铜鼓县、阳谷县和宝丰县的企业落户樊城区") == ["铜鼓县", "阳谷县", "宝丰县", "樊城区"]
    assert _subjects("宝丰县力争到2025年规上工业企业达到120家。\n", small_onto) == {("宝丰县", "county")}
    assert plan_region("阳谷县工业发展规划\n我县培育企业。全县新增企业10家。")["county"] == "阳谷县"


def test_the_longest_name_of_the_table_and_its_autonomous_forms():
    # a name longer than two characters before 县/区 is read whole (石景山区, not 景山区), an autonomous county or banner too
    assert _counties("石景山区与青龙满族自治县、鄂伦春自治旗") == ["石景山区", "青龙满族自治县", "鄂伦春自治旗"]
    # a two-character name only where no word runs into it; generic 城区, 矿区 never; a zone is no county
    assert _counties("河北省赵县,涉县。创新县域,老城区,矿区,浦东新区,每个县") == ["赵县", "涉县"]


def test_the_table_is_read_by_province():
    assert "铜鼓县" in COUNTIES_BY_PROVINCE["36"] and "樊城区" in COUNTIES_BY_PROVINCE["42"]
    assert all(n[-1] in "县区旗" for n in COUNTIES) and len(COUNTIES) > 2400
    assert all(len(ws) == len(set(ws)) for ws in COUNTIES_BY_PROVINCE.values())  # each name once per province


def test_names_made_after_2007_that_a_source_states(small_onto):
    """玉环县 became 玉环市 in 2017 (Taizhou's own county) and 绍兴县 became 柯桥区: the 2007 table cannot know them,
    gb2260.LATER_NAMES adds them from the report read."""
    # a county-level city is named with its 市, as 临海市 of the 2007 table is
    assert _subjects("到2025年,玉环市规上工业产值突破1000亿元。\n", small_onto) == {("玉环市", "city")}
    assert _subjects("到2025年,临海市规上工业产值突破1000亿元。\n", small_onto) == {("临海市", "city")}
    assert _counties("柯桥区的纺织企业") == ["柯桥区"]
