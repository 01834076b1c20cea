"""Rules of round 14 (docs/log/classifier-rounds.md §3): a swallowed head is re-cut, Latin codes read in either case, and
卫生洁具 places a sanitary-ware maker while 水暖/阀门 makers' 卫浴 lines place nothing."""

from __future__ import annotations

import csv

import pytest

from chainkg.settings import PROJECT_ROOT
from etl.nlp import classify
from etl.nlp.head_split import resegment, split_table
from etl.nlp.index import build_index
from ontology.loader import load_ontology

LABELLED = PROJECT_ROOT / "bench" / "labelled" / "firms.csv"


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def ids(matches):
    return [m.segment_id for m in matches]


def test_round14_a_swallowed_head_is_re_cut(onto):
    """电动汽车电机控制器 was scanned leftmost-longest as 电动汽车电机|控制器 (→ 驱动电机, a wrong link of 蓝海华腾); the
    head-final reading keeps the later, longer term whole: 电动汽车|电机控制器 — a controller, not a motor."""
    idx = build_index(onto)
    line = "电动汽车电机控制器"
    got = [t for _a, _b, t in resegment(line, idx.scanner.scan(line), idx.splits, idx.scanner.scan)]
    assert got == ["电动汽车", "电机控制器"]
    assert "auto-drive-motor" not in ids(classify(None, "中低压变频器(0.60); 电动汽车电机控制器(0.32)", onto))
    assert ids(classify(None, "电动汽车电机(1.0)", onto)) == ["auto-drive-motor"]  # no longer head follows: unchanged
    # PE管|生产线 → PE|管生产线 (an extrusion line), 汽车铝合金|轮毂 → 汽车|铝合金轮毂 (a wheel)
    assert ids(classify(None, "PE管生产线(1.0)", onto)) == ["mould-plastic-extrusion-machine"]
    assert ids(classify(None, "汽车铝合金轮毂(1.0)", onto)) == ["auto-wheel"]
    # a longer "head" that only adds a suffix word is no head: 汽车模具|设计 stays an auto mould
    assert "模具设计" not in {k: h for k, h, _bare in idx.splits.get("汽车模具", ())}.get(2, ())
    assert ids(classify(None, "汽车模具设计(1.0)", onto)) == ["mould-plastic-auto-mould"]


def test_round14_split_table_needs_both_parts_to_be_terms():
    """…or, since round 18, a bare modifier before a head at least as long as the term (see the round-18 test)."""
    table = split_table(["汽车", "汽车电机", "电机控制器", "电机制造"])
    assert table == {"汽车电机": ((2, ("电机控制器",), False),)}  # 电机制造: 制造 is a suffix word, no head
    # the text must continue into the head; otherwise the scan is kept as it is
    assert resegment("汽车电机厂", [(0, 4, "汽车电机")], table, lambda s: []) == [(0, 4, "汽车电机")]


def test_round14_latin_codes_read_in_either_case(onto):
    """The vocabulary writes Latin product codes in capitals; 英力特's `pvc树脂` is the same resin as PVC树脂 (each Latin
    term is also scanned in all-lower and all-upper form). Word boundaries still hold on the line as written (p-pvc is
    no PVC term: a joined Latin token)."""
    assert ids(classify(None, "pvc树脂(0.59); 烧碱(0.14)", onto)) == ["mould-plastic-general-resin"]
    assert ids(classify(None, "p-pvc(1.0)", onto)) == []
    # a mixed-case term of the vocabulary is found in any case and reported as the vocabulary writes it
    for line in ("WiFi模组(1.0)", "wifi模组(1.0)", "WIFI模组(1.0)"):
        got = classify(None, line, onto)
        assert ids(got) == ["smart-toilet-iot-module"] and got[0].matched_terms == ["WiFi模组"], line
    assert ids(classify(None, "T-Box(1.0)", onto)) == ["auto-icv-domain"]


def test_round14_sanitary_ware_places_a_toilet_maker_not_a_valve_maker(onto):
    """卫生洁具 (GB/T 4754-2017 3072 卫生陶瓷制品制造, 3373 搪瓷卫生洁具制造, 3383 金属制卫生器具制造, 2927 洁具及其配件)
    names the sanitary appliances themselves: a registry scope led by 卫生洁具制造 — the brief's constructed record, R053
    without its code — places the firm on 结构件与陶瓷本体; 智能卫浴 places a toilet maker. 水暖 valves and fittings are
    3443/3352 (outside the chains): a 水暖 maker's 卫浴阀门/卫浴五金 lines, or a scope led by a 水暖/阀门 item with a later
    卫生洁具 item, place nothing."""
    for scope in ("卫生洁具制造；卫生洁具研发；智能家庭消费设备制造",
                  "一般项目：卫生洁具制造；卫生陶瓷制品制造；卫生洁具销售；智能家庭消费设备制造"):
        assert [m.cluster for m in classify(scope, None, onto)] == ["smart-toilet"]
    assert ids(classify("一般项目：智能卫浴设备制造；卫生洁具销售", None, onto)) == ["smart-toilet-products"]
    for scope, products in (("一般项目：水暖管道零件制造；阀门和旋塞研发；卫浴五金制造；卫生洁具销售", None),
                            ("水暖器材、阀门、卫生洁具制造、销售", None),
                            ("一般项目：阀门和旋塞制造；水暖管件制造；卫生洁具制造；五金产品批发", None),
                            (None, "卫浴阀门(0.60); 卫浴五金(0.30); 水暖管件(0.10)"),
                            ("一般项目：卫生洁具制造；阀门和旋塞制造", "卫浴阀门(0.60); 卫浴五金(0.30); 水暖管件(0.10)")):
        assert classify(scope, products, onto) == [], (scope, products)


def test_round14_no_out_of_chain_tune_row_with_a_sanitary_word_is_linked(onto):
    """Every out-of-chain tune row whose text holds 洁具 or 卫浴 (欧派's 卫生洁具制造, 坚朗's 卫浴洁具, 海鸥住工's 卫浴配件类,
    a furnisher's 卫浴柜, the 水暖 registry record R017) stays unlinked; the sanitary-ware makers are placed."""
    with LABELLED.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["kind"] in ("listed", "registry")
                and any(w in r["products"] + r["scope"] for w in ("洁具", "卫浴"))]
    out = [r for r in rows if not r["gold_segments"]]
    assert len(out) >= 8
    for r in rows:
        got = classify(r["scope"], r["products"], onto, industry=r["industry"] or r["vendor_industry"] or None,
                       industry_code=r["industry_code"] or None)
        if not r["gold_segments"]:
            assert got == [], (r["name"], ids(got))
        elif r["gold_segments"].startswith("smart-toilet"):
            assert any(m.cluster == "smart-toilet" for m in got), r["name"]


def test_round18_a_bare_modifier_before_a_longer_head_is_cut_off(onto):
    """智能马桶控制器 is a controller: leftmost-longest read 智能马桶 and left 控制器, no term of its own; the head-final
    reading 智能|马桶控制器 keeps the later, longer term whole although 智能 is no term (review 39: parts makers writing
    智能马桶 + part were unplaced). Only where the rest is left unread: a term right after t keeps t its modifier
    (塑料型材|挤出模具, 化学药品|制剂)."""
    table = split_table(["智能马桶", "马桶控制器", "控制器", "塑料型材", "型材挤出", "挤出模具", "化学药品", "药品制剂", "制剂"])
    assert resegment("化学药品制剂", [(0, 4, "化学药品"), (4, 6, "制剂")], table, lambda s: []) == \
        [(0, 4, "化学药品"), (4, 6, "制剂")]
    assert table["智能马桶"] == ((2, ("马桶控制器",), True),)
    assert resegment("智能马桶控制器", [(0, 4, "智能马桶")], table, lambda s: []) == [(2, 7, "马桶控制器")]
    line = "塑料型材挤出模具"
    assert resegment(line, [(0, 4, "塑料型材"), (4, 8, "挤出模具")], table, lambda s: []) == \
        [(0, 4, "塑料型材"), (4, 8, "挤出模具")]
    for text, seg in (("智能马桶控制器制造", "smart-toilet-controller"), ("智能马桶加热器制造", "smart-toilet-heater"),
                      ("智能马桶传感器制造", "smart-toilet-sensors")):
        assert ids(classify(text, None, onto))[:1] == [seg], text
