"""Round 17b (docs/log/classifier-rounds.md §4): registry 经营范围 items a product check of a 启信宝 export of 泵与电机
and a 公示系统 export of 医药 found unplaced or misplaced (docs/log/product-checks.md, "Seen and left"). Each fix has a record of its
shape and a trap it must not link. Records are written for the test (fictional), not the product check's own."""

from __future__ import annotations

import pytest

from etl.nlp.classify import assign_segments, candidates
from etl.nlp.index import build_index
from etl.nlp.item_shapes import bracket_kinds, shared_modifier
from ontology.loader import load_ontology


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def ids(record, onto):
    return [m.segment_id for m in assign_segments(record, onto)]


# --- 1. X件: the vocabulary's own form of a mechanical seal -------------------------------------------------------------

def test_a_mechanical_seal_part_item_places_the_seal(onto):
    """机械密封件研发、制造 was unplaced (0.31: 机械密封|件 read as a material named before a product)."""
    rec = {"经营范围": "一般项目：机械密封件研发、制造；密封件销售；五金产品批发（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"}
    assert ids(rec, onto) == ["pump-motor-mechanical-seal"]


def test_a_bare_seal_part_is_no_mechanical_seal(onto):
    """Trap: 密封件 alone (rubber gaskets, O-rings) is not the leaf 机械密封."""
    assert ids({"经营范围": "一般项目：橡胶密封件制造；密封件销售"}, onto) == []


# --- 2. 液压泵及马达: a modifier written once for both heads ---------------------------------------------------------------

def test_a_hydraulic_pump_and_motor_item_places_the_hydraulic_segment(onto):
    """液压泵及马达研发、制造 was unplaced (0.60), its bare 马达 a candidate of 电机 (0.45)."""
    rec = {"经营范围": "一般项目：液压泵及马达研发、制造；机械零件、零部件销售"}
    assert ids(rec, onto) == ["pump-motor-hydraulic-plunger"]
    cands = {c["segment_id"] for c in candidates(rec["经营范围"], [], onto)}
    assert "pump-motor-motors" not in cands


def test_a_joined_form_of_another_segment_is_not_read():
    """Trap: 变频器及电机 is inverters and motors, not 变频电机 (another segment); 汽车发动机及零部件 not an engine part."""
    idx = build_index(load_ontology())
    assert shared_modifier("变频器及电机", [(0, 3, "变频器"), (4, 6, "电机")], idx)[1][2] == "电机"
    assert shared_modifier("汽车发动机及零部件", [(0, 5, "汽车发动机"), (6, 9, "零部件")], idx)[1][2] == "零部件"
    assert shared_modifier("液压泵及马达", [(0, 3, "液压泵"), (4, 6, "马达")], idx)[1][2] == "液压马达"


def test_inverters_and_motors_keep_both_segments(onto):
    assert set(ids({"经营范围": "一般项目：变频器及电机制造"}, onto)) == {"pump-motor-motors", "pump-motor-controller"}


# --- 3. 药品生产（原料药）: the licence's bracket names the kind ---------------------------------------------------------------

@pytest.mark.parametrize("scope", [
    "许可项目：药品生产（原料药）；药品进出口。一般项目：化工产品销售（不含许可类化工产品）",
    "许可项目：药品生产（仅限原料药）；药品委托生产",
])
def test_a_drug_licence_for_apis_places_the_api_not_finished_drugs(onto, scope):
    """Every 药品生产（原料药） licence was also placed on 成品药, ranked first (0.70 above 原料药 0.63)."""
    assert ids({"经营范围": scope}, onto) == ["pharma-api"]


def test_a_plain_drug_licence_is_still_finished_drugs(onto):
    assert ids({"经营范围": "许可项目：药品生产；药品批发"}, onto) == ["pharma-finished"]


@pytest.mark.parametrize("scope, segment", [
    ("一般项目：医药研发服务（CRO）；技术服务", "pharma-cro"),  # an alias in the bracket
    ("一般项目：注塑模具（塑料模具）制造", "mould-plastic-injection-mould"),  # a coarser name in the bracket
])
def test_a_bracket_that_names_no_finer_kind_changes_nothing(onto, scope, segment):
    """Traps: an alias or a coarser name in the bracket is no kind; the term before it stays the head."""
    idx = build_index(onto)
    item = scope.split("：", 1)[1].split("；")[0].replace("（", "(").replace("）", ")")
    hits = [(a, b, t) for a, b, t in idx.scanner.scan(item)]
    assert bracket_kinds(item, hits, idx) == []
    assert segment in ids({"经营范围": scope}, onto)


def test_a_bracket_that_includes_keeps_the_licence(onto):
    """Trap: 药品生产（含原料药） says what the licence also covers; 成品药 stays."""
    assert "pharma-finished" in ids({"经营范围": "许可项目：药品生产（含原料药）"}, onto)


# --- 4. 所属行业 labels of a 启信宝 export do not damp -----------------------------------------------------------------------

@pytest.mark.parametrize("scope, label", [
    ("一般项目：空气压缩机及配件制造；五金产品批发", "通用设备制造业"),
    ("一般项目：漆包线、电磁线制造；电线、电缆经营", "电气机械和器材制造业"),
    ("一般项目：微型水泵、喷泉泵、花园泵制造", "通用设备制造业"),
])
def test_a_qixinbao_industry_label_changes_no_candidate(onto, scope, label):
    """The product check's air-compressor, enamelled-wire and garden-pump makers: a 大类 name under 所属行业 gives no
    signal (neither prior nor damping); what leaves such a firm unplaced is its first item (round 17b)."""
    plain = candidates(scope, [], onto)
    labelled = candidates(scope, [], onto, industry=label)
    assert [(c["segment_id"], c["x"]) for c in plain] == [(c["segment_id"], c["x"]) for c in labelled]
    assert ids({"经营范围": scope, "所属行业": label}, onto) == ids({"经营范围": scope}, onto) != []


# --- round 19: verbs a list ends with are each bare item's ------------------------------------------------------------

@pytest.mark.parametrize("scope", [
    "汽车配件、摩托车配件、轮胎、润滑油批发、零售。",
    "货物进出口；技术进出口；水泵、电机、缝纫机、汽车配件、医药中间体（不含危险化学品）批发。",
])
def test_goods_listed_before_a_trade_verb_are_traded_not_made(onto, scope):
    """Review 40 F1 and the round-19 blind set: a dealer's older-form scope `A、B、C批发` read its bare nouns as products it
    makes (汽车配件 0.84, 电机 0.86, 工业缝纫机 0.90 for an import-export firm); the list's verb is each item's."""
    assert ids({"经营范围": scope}, onto) == []


def test_goods_listed_before_a_making_verb_are_made(onto):
    """The control: with a making verb the bare items stay products (离心风机、轴流风机制造 makes both; 铸铁泵体、泵盖、叶轮铸造
    lost its pump-casting link when the verbs were appended: 泵体|铸造加工 read the product as a modifier)."""
    assert "pump-motor-fan-blower" in ids({"经营范围": "一般项目：离心风机、轴流风机制造；风机、风扇销售。"}, onto)


def test_parts_listed_before_a_casting_verb_stay_cast_parts(onto):
    assert "pump-motor-impeller-casting" in ids({"经营范围": "铸铁泵体、泵盖、叶轮铸造、加工；机械配件制造、销售。",
                                                 "国标行业代码": "3391"}, onto)


@pytest.mark.parametrize("scope, segment", [
    ("水泵、电机制造、销售。", "pump-motor-pumps"),                   # made and sold: the bare item is made
    ("铸件产品、铝镁合金、钛及钛合金、金属复合材料、环保科技咨询", "aerospace-metals"),  # a service verb is its own item's
])
def test_only_a_list_ending_in_trade_verbs_shares_them(onto, scope, segment):
    assert segment in ids({"经营范围": scope}, onto)
