"""Rules of round 16 (docs/log/classifier-rounds.md §4, round 16): a registry record that gives only the 门类 批发和零售业 (F) is read like codes
51/52 — a trader, no maker segment — while a chain's own trade segment (医药流通) stays placeable; vocabulary for auto
interior/exterior plastic parts and precision injection moulds. Records are constructed for the test (fictional)."""

from __future__ import annotations

import pytest

from etl.nlp.classify import assign_segments
from etl.nlp.industry import TRADE_SEGMENTS, industry_signal, trade_industry
from ontology.loader import load_ontology


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def ids(record, onto):
    return [m.segment_id for m in assign_segments(record, onto)]


@pytest.mark.parametrize("extra", [
    {"国标行业": "批发和零售业"},
    {"国标行业代码": "F"},
    {"国标行业": "批发和零售业", "国标行业代码": "F"},
    {"国标行业代码": "F519"},  # already out before this round (51 批发业): unchanged
])
def test_round16_a_sale_only_scope_under_the_trade_section_places_no_maker(onto, extra):
    """A 塑料制品/五金 trader whose export gives only the 门类 was placed as a plastics maker (0.84)."""
    rec = {"经营范围": "一般项目：塑料制品批发；塑料制品销售；五金产品零售；包装材料销售", **extra}
    assert ids(rec, onto) == []


def test_round16_the_section_alone_is_read_like_its_codes():
    assert industry_signal("F", None) == ((), True)
    assert industry_signal(" f ", None) == ((), True)
    assert industry_signal(None, "批发和零售业") == ((), True)
    assert industry_signal(None, ["房地产业"]) == ((), True)  # 门类 K: its one 大类 70 is out
    # a manufacturing 门类 says nothing alone (its 大类 hold the chains)
    assert industry_signal("C", None) == ((), False)
    assert industry_signal(None, ["制造业"]) == ((), False)
    # a finer level wins: 门类 F with 西药批发 points to 医药流通
    assert industry_signal("F5151", ["批发和零售业"]) == (("pharma-distribution",), False)
    assert trade_industry("F", None) and trade_industry("5263", None) and not trade_industry("C2927", ["制造业"])
    assert TRADE_SEGMENTS == frozenset({"pharma-distribution"})


def test_round16_a_maker_scope_without_the_trade_section_is_unchanged(onto):
    assert ids({"经营范围": "一般项目：塑料制品制造；塑料制品销售"}, onto) == ["mould-plastic-products"]


def test_round16_a_drug_wholesaler_under_the_trade_section_keeps_its_segment(onto):
    """The chain's own trade segment is not damped by a trade industry (it was by code 52 before this round)."""
    rec = {"经营范围": "许可项目：药品批发；药品零售；一般项目：医疗器械销售", "国标行业代码": "F52"}
    assert ids(rec, onto) == ["pharma-distribution"]


def test_round16_auto_interior_plastic_parts_reach_their_leaf(onto):
    rec = {"经营范围": "一般项目：汽车外饰塑料件注塑加工；模具销售"}
    assert ids(rec, onto)[:1] == ["mould-plastic-auto-parts"]
    rec = {"经营范围": "一般项目：汽车内饰塑料件制造"}
    assert ids(rec, onto)[:1] == ["mould-plastic-auto-parts"]


def test_round16_precision_injection_moulds_reach_their_leaf(onto):
    assert ids({"经营范围": "一般项目：精密注塑模具制造；五金配件加工"}, onto)[:1] == ["mould-plastic-precision-mould"]
