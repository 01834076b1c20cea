"""Round 39: round 38's held-out misses read in general form (docs/log/policy-rounds.md "Round 39").
Each test is a made-up sentence of the shape a rule reads — never a plan's sentence."""

from etl.nlp.region import plan_region
from tests.etl.nlp.plan_facts import facts


def _subjects(text: str) -> dict:
    """value -> subject of each target."""
    return {f.value: f.subject for f in facts(text) if f.kind == "target"}


def test_a_prefecture_is_not_its_namesake_county():
    # 甘孜州 holds a county 甘孜县: the prefecture's 甘孜 is no mention of the county, even where a header names it
    text = ("甘孜州上半年经济运行\n所属地区:四川-甘孜州-甘孜县\n"
            "上半年,甘孜州地区生产总值达到120亿元,同比增长6%。甘孜州旅游收入增长15%。甘孜州粮食产量稳定。")
    assert plan_region(text)["region"] == "甘孜州"
    assert set(_subjects(text).values()) == {"甘孜州"}


def test_a_city_whose_name_is_a_common_word_is_the_text_s_when_its_title_names_it():
    # 安康 is a common word (平安康乐), read bare only in a title; the text it heads is about 安康市, not the 上海 it flies to
    text = ("活力重塑安康 成为陕南新热土\n"
            "安康机场开通飞上海的航班以来,客流不断。去年,安康地区生产总值突破1200亿元,安康的财政收入突破40亿元。")
    assert plan_region(text)["region"] == "安康市"
    assert set(_subjects(text).values()) == {"安康市"}
