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


# ---- 1. a later item of the lead item's own cluster

@pytest.mark.parametrize("scope, lead, later", [
    ("一般项目：塑料制品制造；热流道系统研发", "mould-plastic-products", "mould-plastic-hot-runner"),
    ("一般项目：精密注塑模具设计；热流道系统研发", "mould-plastic-precision-mould", "mould-plastic-hot-runner"),
    ("一般项目：汽车零部件及配件制造；电池管理系统研发", "auto-parts", "auto-battery"),
    ("一般项目：汽车电子装置制造；传感器；电池管理系统", "auto-icv", "auto-battery"),
])
def test_round17_a_later_making_item_of_the_lead_cluster_is_linked(onto, scope, lead, later):
    """Round 16 left these under the cut (0.46, 0.43): the round-12 lead item damped every later item alike."""
    got = {m.segment_id: m.confidence for m in assign_segments({"经营范围": scope}, onto)}
    assert lead in got and later in got and got[later] >= 0.63, got


@pytest.mark.parametrize("scope", [
    "一般项目：酒类生产；塑料制品制造",  # round 12: the lead item names no chain business
    "一般项目：农药生产；医药中间体；化工产品生产",
    "一般项目：家用电器制造；电机制造；微特电机及组件制造",
    "一般项目：洗衣机离合器制造；电机制造",
    "一般项目：风力发电机组及零部件销售；发电机及发电机组制造",
])
def test_round17_trap_a_later_item_behind_a_lead_outside_the_chains_stays_unlinked(onto, scope):
    assert ids({"经营范围": scope}, onto) == []


def test_round17_trap_a_later_item_of_another_cluster_or_a_trade_item_stays_damped(onto):
    # another cluster than the lead's: as before (水泵 leads, 汽车零部件 is another business)
    assert ids({"经营范围": "一般项目：水泵制造；汽车零部件及配件制造"}, onto) == []
    # the lead's own cluster, but a trade or service item (round 12: 药品批发 next to 药品生产, 缝纫机维修)
    assert ids({"经营范围": "一般项目：化学药品制剂制造；药品批发"}, onto) == []
    assert ids({"经营范围": "一般项目：缝纫机制造；缝纫机维修"}, onto) == ["sewing-industrial-machines"]
    assert ids({"经营范围": "一般项目：汽车零部件及配件制造；汽车销售；二手车经纪"}, onto) == ["auto-parts"]
    # the lead's own cluster, but a later item that names only a top-level segment (a broad class the scope lists)
    assert ids({"经营范围": "一般项目：离心泵制造；电机制造；五金产品零售"}, onto) == ["pump-motor-centrifugal-industrial"]
    assert ids({"经营范围": "一般项目：注塑模具制造；塑料制品制造"}, onto) == ["mould-plastic-injection-mould"]
    # with products or a 国标行业 the lead-item features do not apply at all: unchanged
    assert ids({"经营范围": "一般项目：酒类生产；塑料制品制造", "国标行业代码": "C1512"}, onto) == []


# ---- 2. 汽车用X at the start of a line

@pytest.mark.parametrize("scope, seg", [
    ("一般项目：汽车用微特电机、雨刮电机制造", "auto-electrical"),
    ("一般项目：汽车用微特电机制造", "auto-electrical"),
    ("一般项目：汽车用线束制造", "auto-electrical"),
    ("一般项目：汽车用塑料件制造", "mould-plastic-auto-parts"),
    ("一般项目：汽车用发动机制造", "auto-engine-parts"),  # GB/T 4754-2017 3620's own wording
])
def test_round17_car_use_at_the_line_start_reads_as_the_auto_term(onto, scope, seg):
    assert ids({"经营范围": scope}, onto)[:1] == [seg]


def test_round17_trap_car_use_elsewhere_is_read_as_before(onto):
    """Round 14's misreads of a 汽车用X → 汽车X rewrite everywhere: 非 before it, a longer vehicle word, 轿车用."""
    got = assign_segments({"products": "非汽车用发动机"}, onto)
    assert [m.matched_terms for m in got] == [["发动机"]]  # the generic word as before, not 汽车发动机
    assert ids({"经营范围": "一般项目：电动汽车用整车控制器"}, onto) == ["auto-electric-control"]
    assert ids({"products": "轿车用铝合金部件"}, onto) == ["auto-mat-aluminium"]
    assert ids({"经营范围": "一般项目：汽车用品销售"}, onto) == []  # 汽车用品 stays a shadow word
    # inside a line (not its start) the generic 汽车 stays a modifier: no 汽车线束
    assert "auto-electrical" not in ids({"经营范围": "一般项目：五金制品及汽车用线束加工"}, onto)


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
