"""Firms the classifier could not place: found by the list's filter, shown suggestions under the
placement threshold that count in nothing until a person confirms one — on both stores."""

from __future__ import annotations

import csv

import pytest

from chainkg.errors import InputError
from chainkg.service import ChainKG
from chainkg.suggestions import FLOOR, confirm_reason
from etl.nlp.calibration import LINK_MIN

# test rows (示例/测试 names). The first firm's product lines are a real labelled record's
# (bench/labelled/firms.csv, 中间体; 原药; 制剂 without its shares): its best candidate,
# pharma-intermediate, sits in [FLOOR, LINK_MIN) — not placed, suggested.
ROWS = [
    ("示例化工测试有限公司", "中间体;原药;制剂", "温岭市", "浙江省台州市温岭市示例路1号"),
    ("示例快递测试有限公司", "快递服务", "椒江区", "浙江省台州市椒江区示例路2号"),
    ("示例泵业测试有限公司", "离心泵;潜水泵", "温岭市", "浙江省台州市温岭市示例路3号"),
]
SEG = "pharma-intermediate"


def write_rows(tmp_path):
    path = tmp_path / "firms.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["企业名称", "主营产品", "所属区县", "注册地址"])
        w.writerows(ROWS)
    return path


def firm(kg, name):
    return kg.store.find_nodes("Enterprise", {"name": name})[0]


def local_count(kg, segment):
    gaps = kg.analysis("pharma", sections=("gaps",))["gaps"]
    return next(g for g in gaps if g["segment_id"] == segment)["evidence"]["local_firms"]


@pytest.fixture
def kg(store, tmp_path):
    k = ChainKG(store)
    k.load([write_rows(tmp_path)])
    return k


def test_unplaced_filter_lists_exactly_the_firms_without_a_link(kg):
    total, firms = kg.enterprises(unplaced=True)
    assert {f["name"] for f in firms} == {"示例化工测试有限公司", "示例快递测试有限公司"}
    assert total == 2 and all(not kg.store.rels("IN_SEGMENT", src=f["id"]) for f in firms)
    assert kg.enterprises(unplaced=True, county="椒江")[0] == 1
    assert kg.enterprises(unplaced=True, local=False)[0] == 0  # local/outside still applies


def test_suggestions_below_the_threshold_never_counted_until_confirmed(kg, tmp_path):
    chem = firm(kg, "示例化工测试有限公司")
    s = kg.suggestions(chem["id"])
    assert s["state"] == "suggested" and s["counted"] is False
    assert (s["floor"], s["link_min"]) == (FLOOR, LINK_MIN)
    top = s["suggestions"][0]
    assert top["segment_id"] == SEG and FLOOR <= top["confidence"] < LINK_MIN and "中间体" in top["matched_terms"]
    assert len(s["suggestions"]) <= 3
    before = local_count(kg, SEG)
    assert not kg.store.rels("IN_SEGMENT", src=chem["id"])  # shown, not stored
    with pytest.raises(InputError, match="not a current suggestion"):
        kg.confirm_suggestion(chem["id"], "pharma-api", who="测试员")
    rec = kg.confirm_suggestion(chem["id"], SEG, who="测试员")
    assert rec[0]["action"] == "add" and rec[0]["why"] == confirm_reason(top["confidence"])
    assert rec[0]["why"].startswith("confirmed a suggestion at 0.")
    kg.load([write_rows(tmp_path)])  # a reload keeps it, and the analysis counts it
    links = {r["dst"]: r["props"] for r in kg.store.rels("IN_SEGMENT", src=chem["id"])}
    assert links[SEG]["method"] == "override" and links[SEG]["confidence"] == 1.0
    assert local_count(kg, SEG) == before + 1
    assert kg.suggestions(chem["id"])["state"] == "placed" and not kg.suggestions(chem["id"])["suggestions"]
    assert chem["id"] not in {f["id"] for f in kg.enterprises(unplaced=True)[1]}


def test_no_candidate_above_the_floor_and_placed_firms(kg):
    none = kg.suggestions(firm(kg, "示例快递测试有限公司")["id"])
    assert none["state"] == "none" and none["suggestions"] == []
    pump = firm(kg, "示例泵业测试有限公司")
    assert kg.store.rels("IN_SEGMENT", src=pump["id"])
    placed = kg.suggestions(pump["id"])
    assert placed["state"] == "placed" and placed["suggestions"] == []
    with pytest.raises(InputError):
        kg.confirm_suggestion(pump["id"], SEG, who="测试员")


def test_a_removed_link_is_a_judgement_not_a_reason_to_suggest(kg):
    pump = firm(kg, "示例泵业测试有限公司")
    for r in kg.store.rels("IN_SEGMENT", src=pump["id"]):
        kg.correct_placement(pump["id"], r["dst"], "remove", who="测试员", why="不是泵")
    assert pump["id"] in {f["id"] for f in kg.enterprises(unplaced=True)[1]}
    assert kg.suggestions(pump["id"])["state"] == "removed"
