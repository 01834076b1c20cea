"""Rules of round 19 (docs/log/classifier-rounds.md §4, round 19), from the out-of-fold misses of the tune split: a
generic word that is a firm's main line counts in the cluster its industry names (evidence._industry_main_line); a
firm labelled 医药商业 whose lines make nothing trades the drugs they name (record_rules._labelled_distributor); a bare
医药 line is a drug business (lexicon WHOLE_LINE_TERMS); 生物药's 生化药/细胞因子 family and 医药流通's 贸易 words
(ontology/chains/pharma.yaml). Each test fails on the code before round 19; each trap passes on both. The records are
written for the test (the product lines have the shape of the listed firms' revenue breakdowns)."""

from __future__ import annotations

import pytest

from etl.nlp.classify import assign_segments
from ontology.loader import load_ontology


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def links(record, onto):
    return {m.segment_id: m.confidence for m in assign_segments(record, onto)}


# ---- 1. a generic main line in the cluster the firm's industry names

@pytest.mark.parametrize("products, label, segment", [
    ("柴油机(1.00); 发动机(0.99); 内燃机业务(0.94)", "汽车配件", "auto-engine-parts"),  # a diesel-engine maker
    ("柴油机销售(1.00); 配件(0.24)", "汽车配件", "auto-engine-parts"),
    ("整车(0.79); 房地产销售(0.87)", "汽车整车", "auto-vehicle"),  # a vehicle maker's 整车 beside another business
])
def test_round19_a_generic_main_line_counts_where_the_label_names_its_cluster(onto, products, label, segment):
    """Before round 19 a generic word (柴油机, 整车) counted only beside specific evidence of its cluster: the firm whose
    whole business it is was unplaced."""
    got = links({"products": products, "industry": [label]}, onto)
    assert segment in got and got[segment] >= 0.63, got


@pytest.mark.parametrize("record", [
    {"products": "柴油机(1.00); 发动机(0.99); 内燃机业务(0.94)"},  # no label: farm and marine engines are outside
    {"products": "柴油机(1.00); 发动机(0.99)", "industry": ["专用机械"]},  # a label naming no chain
    {"products": "柴油机(1.00); 发动机(0.99)", "industry": ["白酒"]},  # a label outside the chains
    {"products": "船用柴油机(1.00)", "industry": ["汽车配件"]},  # not the whole line: the line names a marine engine
    {"products": "房地产(1.00); 柴油机(0.10)", "industry": ["汽车配件"]},  # not a main line
    {"products": "整车(0.79); 房地产销售(0.87)"},
])
def test_round19_trap_a_generic_word_without_its_industry_or_off_the_main_line_stays_unplaced(onto, record):
    assert not links(record, onto)


def test_round19_a_word_of_several_clusters_is_not_taken_by_the_label(onto):
    """轴承 names bearings of every industry: the label does not choose among its clusters."""
    assert not links({"products": "轴承(0.61); 皮带轮(0.08)", "industry": ["汽车配件"]}, onto)


# ---- 2. a firm labelled 医药商业 trades the drugs its lines name

@pytest.mark.parametrize("products", [
    "中西成药(0.57); 非药品(0.18); 保健品(0.14)",  # a pharmacy chain's goods
    "药品销售(0.95); 中药销售(0.03)",
])
def test_round19_a_distributors_drug_lines_are_its_goods(onto, products):
    got = links({"products": products, "industry": ["医药商业"]}, onto)
    assert "pharma-distribution" in got and not any(k.startswith("pharma-finished") for k in got), got


@pytest.mark.parametrize("record, expected", [
    ({"products": "中西成药(0.57); 非药品(0.18)", "industry": ["化学制药"]}, {"pharma-finished"}),  # a maker's label
    ({"products": "中西成药(0.57); 非药品(0.18)"}, {"pharma-finished"}),  # no label
    ({"products": "药品销售(0.95); 医药制造(0.30)", "industry": ["医药商业"]}, {"pharma-finished"}),  # a line says it makes
    ({"products": "商品销售(1.00); 仓储物流(0.01)", "industry": ["医药商业"]}, set()),  # no drug line: a label is no link
    ({"products": "仪器(0.95)", "industry": ["医药商业"]}, set()),
])
def test_round19_trap_the_label_moves_drug_lines_only_of_a_firm_that_makes_nothing(onto, record, expected):
    assert set(links(record, onto)) == expected


# ---- 3. a bare 医药 line

@pytest.mark.parametrize("record", [
    {"products": "医药(0.59); 环保设备(0.26); 工程(0.26)", "industry": ["化学制药"]},  # the main line, a pharma label
    {"products": "化工(0.51); 医药(0.49)", "industry": ["中成药"]},  # a line of at least a quarter of revenue
    {"products": "医药(0.94); 片剂(0.17)"},  # beside other drug evidence
])
def test_round19_a_bare_yiyao_line_is_a_drug_business(onto, record):
    got = links(record, onto)
    assert "pharma-finished" in got, got


def test_round19_a_bare_yiyao_line_of_a_labelled_distributor_is_distribution(onto):
    assert set(links({"products": "医药类(0.75); 服装类(0.22)", "industry": ["医药商业"]}, onto)) == {"pharma-distribution"}


@pytest.mark.parametrize("record", [
    {"products": "医药(0.59); 环保设备(0.26); 工程(0.26)"},  # no label, no other drug evidence
    {"products": "医药(0.59)", "industry": ["白酒"]},
    {"products": "医药化工(0.74); 化工(0.30)"},  # inside a longer line 医药 is no evidence
])
def test_round19_trap_yiyao_alone_or_inside_a_line_places_nothing(onto, record):
    assert not links(record, onto)


def test_round19_trap_a_yiyao_line_that_trades_is_a_distributors(onto):
    """医药销售 of a firm whose other lines are 零售/批发 names the goods it trades: no 成品药 (a real record's shape)."""
    got = links({"products": "医药销售(0.97); 医药零售(0.52); 医药批发(0.49); 批发经营(0.39)", "industry": ["化学制药"]}, onto)
    assert set(got) == {"pharma-distribution"}, got


# ---- 4. vocabulary: 生化药 (GB/T 4754-2017 276) and the cytokines (中国药典 三部), 医药流通's 贸易 words (515)

@pytest.mark.parametrize("products", [
    "生物(0.84); 生化药(0.84); 化学药(0.11)",
    "神经生长因子(0.79); 原甲酸三甲酯(0.51)",
    "注射用鼠神经生长因子(0.99); 技术服务(0.04)",
    "重组人白介素-11(0.60); 促红细胞生成素(0.40)",
])
def test_round19_biochemical_drugs_and_cytokines_are_biologics(onto, products):
    assert "pharma-biologics" in links({"products": products}, onto)


@pytest.mark.parametrize("products", [
    "中药材贸易(0.33); 西药(0.31); 药品贸易(0.30); 中药饮片(0.21)",
    "医药贸易(0.50); 化工(0.50)",
])
def test_round19_drug_trade_lines_are_distribution(onto, products):
    assert "pharma-distribution" in links({"products": products}, onto)
