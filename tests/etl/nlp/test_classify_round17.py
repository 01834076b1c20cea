"""Rules of round 17 (docs/log/classifier-rounds.md §4, round 17), the registry-scope cases round 16 left: a later
making item of the lead item's own cluster is no other business (lead_item.lead_kin); 汽车用X at the start of a line is
the vocabulary's 汽车X (index.car_use); GB/T 4754-2017 中类 515/525 point to 医药流通, and a trade industry damps the
maker segments also when its code points to the trade segment. Records are constructed for the test (fictional)."""

from __future__ import annotations

import pytest

from etl.nlp.classify import assign_segments
from etl.nlp.industry import industry_signal
from ontology.loader import load_ontology


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def ids(record, onto):
    return [m.segment_id for m in assign_segments(record, onto)]


# ---- 3. 515/525 and a trade industry

@pytest.mark.parametrize("code", ["F515", "515", "F525", "F5154"])
def test_round17_the_drug_trade_classes_point_to_distribution(onto, code):
    assert industry_signal(code, None) == (("pharma-distribution",), False)
    got = assign_segments({"经营范围": "许可项目：药品批发；药品零售", "国标行业代码": code}, onto)
    assert [m.segment_id for m in got] == ["pharma-distribution"] and got[0].confidence > 0.9


def test_round17_the_class_names_point_there_too():
    assert industry_signal(None, ["批发和零售业", "批发业", "医药及医疗器材批发"]) == (("pharma-distribution",), False)
    assert industry_signal(None, "医药及医疗器材专门零售") == (("pharma-distribution",), False)
    assert industry_signal("F5255", None) == ((), True)  # 保健辅助治疗器材零售: no drug trade


@pytest.mark.parametrize("code", ["F515", "F5151", "F5251", "F5154"])
def test_round17_trap_a_drug_trader_selling_plastics_is_no_plastics_maker(onto, code):
    """A code that points to 医药流通 no longer lifts the trade damping off the maker segments (5151 did before)."""
    rec = {"经营范围": "一般项目：塑料制品批发；塑料制品销售；五金产品零售", "国标行业代码": code}
    assert ids(rec, onto) == []
    assert ids({"国标行业代码": code}, onto) == []  # a code alone places nothing
