"""The GB/T 4754-2017 classes the chain segments' sources cite (etl.nlp.gb_cited) and what the classifier does with
them (round 18): a record's class cited by a candidate's lineage agrees with it; an out-of-chain class in a 中类 the
lineage cites does not damp it."""

from __future__ import annotations

import csv

import pytest

from etl.nlp import classify
from etl.nlp.gb_cited import cited_classes, citations, record_class
from ontology.loader import load_ontology


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def _placed(onto, scope, code=None, names=None):
    return [m.segment_id for m in classify(scope, None, onto, industry=names, industry_code=code)]


def test_every_citation_is_a_real_class_with_its_name(onto, shared_dir):
    table = {}
    with open(shared_dir / "data" / "gbt4754-2017-wssmao" / "gbt4754_2017_derived.csv", encoding="utf-8") as f:
        for row in csv.reader(f):
            if len(row) > 2:
                table[row[1]] = row[2]
    seen = 0
    for sid, seg in onto.segments.items():
        for code, name in citations(seg.source):
            seen += 1
            assert code in table, f"{sid}: {code} {name} is no GB/T 4754-2017 class"
            assert table[code].startswith(name) or name.startswith(table[code]), f"{sid}: {code} {name} ≠ {table[code]}"
    assert seen > 150  # the ontology cites its classes throughout


def test_cited_classes_inherit_from_ancestors(onto):
    cites = cited_classes(onto)
    assert "3856" in cites["smart-toilet-integrated"]  # cited by its parent 智能马桶整机
    assert "3741" in cites["aerospace-precision-parts"]
    assert cites["smart-toilet-structural"].isdisjoint({"3443", "3352"})  # named there only as what 洁具 is not


def test_record_class_reads_codes_and_names():
    assert record_class("3859", None) == "3859"
    assert record_class(None, "制造业>电气机械和器材制造业>家用电力器具制造>其他家用电力器具制造") == "3859"
    assert record_class("C", ["制造业"]) is None


@pytest.mark.parametrize("code", ["C3859", "C3855", "C3856"])
def test_smart_toilet_maker_under_a_household_appliance_class_is_placed(onto, code):
    scope = "一般项目：智能马桶整机制造；卫生洁具销售（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
    without = _placed(onto, scope)
    assert without and _placed(onto, scope, code)[:1] == without[:1]


def test_out_of_chain_class_still_damps_segments_that_do_not_cite_it(onto):
    # a white-goods maker (3851 家用制冷电器具) naming 电机 and 水泵 among its items is no pump-motor firm
    scope = "一般项目：家用制冷电器具制造；家用电器零配件销售；微特电机及组件制造；泵及真空设备制造"
    assert not any(s.startswith("pump-motor") for s in _placed(onto, scope, "C3851"))


def test_cited_class_agrees_with_a_finer_segment_of_its_cluster(onto):
    # 3741 飞机制造 covers “各种飞机及其零件 … 包括飞机发动机”: an aircraft-parts maker stays placed under it
    scope = "一般项目：航空零部件制造；通用零部件制造；金属表面处理及热处理加工"
    assert _placed(onto, scope, "C3741")[:1] == ["aerospace-precision-parts"]


def test_trade_class_cited_by_a_sales_segment_keeps_it(onto):
    scope = "一般项目：智能马桶销售；卫生洁具销售；五金产品批发"
    assert "smart-toilet-brand-channel" in _placed(onto, scope, "F5135")


def test_electronics_class_cited_by_a_component_segment(onto):
    assert _placed(onto, "一般项目：电子元器件制造；智能马桶控制板制造；电子产品销售", "C3982")[:1] == \
        ["smart-toilet-controller"]
    assert _placed(onto, "一般项目：印制电路板制造；电子元器件制造", "C3982") == []


def test_a_class_given_by_name_only_is_read_at_its_own_level(onto):
    # a 天眼查 path whose 小类 is one the chain cites: 3963, not the 大类 39 above it (out of the chains) — review 39
    path = "制造业>计算机、通信和其他电子设备制造业>智能消费设备制造>智能无人飞行器制造"
    scope = "一般项目：智能无人飞行器制造；智能无人飞行器销售；多旋翼无人机研发、制造"
    by_name = {m.segment_id: m.confidence for m in classify(scope, None, onto, industry=path)}
    by_code = {m.segment_id: m.confidence for m in classify(scope, None, onto, industry_code="C3963")}
    assert set(by_name) == set(by_code) and by_name == pytest.approx(by_code, abs=0.01)


def test_a_generic_word_gains_no_agreement_from_a_cited_class(onto):
    # 航空器零部件制造 of a UAV maker under 3741: 航空器 is a generic word; the class its parent segment cites does not make
    # it a link to 机体结构与零部件制造 (review 39: a UAV maker decided 机体结构件's verdict)
    scope = "一般项目：大中型固定翼无人机、长航时无人机研发、制造；航空器零部件制造；民用航空器驾驶员培训"
    placed = _placed(onto, scope, "C3741")
    assert "aerospace-airframe" not in placed and "aerospace-uav-large" in placed
