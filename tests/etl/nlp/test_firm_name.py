"""The 行业 part of a registered firm name (etl.nlp.firm_name) and how the classifier reads it (round 18): the first
经营范围 item of a record without product lines, beside — not instead of — the first item of its 经营范围."""

from __future__ import annotations

import pytest

from etl.nlp.classify import assign_segments
from etl.nlp.firm_name import name_trade
from ontology.loader import load_ontology


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


@pytest.mark.parametrize("name, part", [
    ("浙江省台州市黄岩区示例模具厂", "示例模具"),
    ("示例泵业（温岭）有限公司", "示例泵业"),
    ("台州示例智能科技有限公司", None),  # only a 字号 and generic words
    ("玉环示例阀门股份有限公司", "示例阀门"),
    ("", None),
])
def test_name_trade(name, part):
    assert name_trade(name) == part


def _links(onto, rec):
    return [(m.segment_id, m.matched_terms) for m in assign_segments(rec, onto)]


def test_a_product_the_name_states_places_the_firm_beside_its_scope(onto):
    scope = "一般项目：电动机制造；电机及其控制系统研发；泵及真空设备销售；货物进出口"
    bare = _links(onto, {"business_scope": scope, "industry_code": "C3812"})
    named = _links(onto, {"name": "浙江示例潜水电机有限公司", "business_scope": scope, "industry_code": "C3812"})
    assert "pump-motor-submersible-motor" not in dict(bare)
    assert dict(named)["pump-motor-submersible-motor"] == ["企业名称:潜水电机"]  # the link says where it came from
    assert set(dict(bare)) <= set(dict(named))  # the scope's own links stay


def test_the_name_is_not_read_when_the_record_has_products(onto):
    rec = {"name": "台州示例轮毂有限公司", "products": "制动盘;制动鼓", "business_scope": "汽车零部件及配件制造"}
    assert "auto-wheel" not in [s for s, _ in _links(onto, rec)]


def test_a_name_of_another_trade_does_not_place_an_out_of_chain_firm(onto):
    # a faucet maker whose name holds no chain term and whose scope is 水暖: still no chain link
    rec = {"name": "台州示例水暖洁具有限公司", "business_scope": "一般项目：五金产品制造；水暖管道零件及其他建筑用金属制品制造；阀门和旋塞销售",
           "industry_code": "C3352"}
    assert _links(onto, rec) == []


def test_the_loader_reads_the_name_of_a_record_without_products(tmp_path, store, onto):
    from etl.loader import load_files
    f = tmp_path / "reg.csv"
    f.write_text("企业名称,所属城市,经营范围\n"
                 "台州示例吊挂系统有限公司,台州市,一般项目：五金产品批发；机械设备租赁；普通机械设备安装服务\n"
                 "台州示例贸易有限公司,台州市,一般项目：五金产品批发；机械设备租赁；普通机械设备安装服务\n",
                 encoding="utf-8")
    load_files(store, [f], ontology=onto)
    ids = {e["name"]: e["id"] for e in store.find_nodes("Enterprise")}
    placed = {n: {r["dst"]: r["props"]["evidence"] for r in store.rels("IN_SEGMENT", src=i)} for n, i in ids.items()}
    assert placed["台州示例吊挂系统有限公司"].get("sewing-hanging-system") == "企业名称:吊挂系统"
    assert placed["台州示例贸易有限公司"] == {}  # the same scope without the name: nothing
