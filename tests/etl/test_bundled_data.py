"""The bundled Taizhou firm data (etl/bundled/enterprises.csv, listed_outside.csv, holdings.csv) is internally sound:
every local firm has a county or a stated reason why not, segment and technology ids exist, no firm
is listed twice, every row names its source, parent segments carry a reason, and the scale facts
parse. See etl/bundled/README.md for the 口径 and the sources."""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from etl.loader import BUNDLED_DIR, load_files
from etl.dataset import sidecar_spec
from etl.location import division_county
from etl.normalize import normalize_credit_code
from graph.store.sqlite_store import SQLiteStore
from ontology import load_ontology

DATA = BUNDLED_DIR  # package data (etl/bundled)
ENTERPRISES = DATA / "enterprises.csv"
OUTSIDE = DATA / "listed_outside.csv"
HOLDINGS = DATA / "holdings.csv"
KNOWN = DATA / "known_firms.csv"

#: local firms without a county, and why: no source we read gives a registered address with a 区/县/市,
#: and no credit code we read names a county (3310xx). Four are registered in 台州经济开发区 (now part of
#: 台州湾新区), a city-level zone that is not a county; searched again 2026-11 (registry pages, annual
#: reports, news) without a source naming the county. Give a row a county and drop it here.
NO_COUNTY = {
    "002389.SZ": "航天彩虹: 2016 注册地址 '浙江省台州市开发区开发大道388号' 只写台州经济开发区(市级功能区), 未写区县; "
                 "台州基地报道只写台州湾新区/无人机小镇",
    "301225.SZ": "恒勃股份: 住所 '浙江省台州市海昌路1500号'(上市公告书 2023-06) 未写区县",
    "603331.SH": "百达精工: 住所 '台州市经中路908弄28号'(可转债募集说明书 2020-03) 未写区县; 公开示例中的信用代码 "
                 "913310007200456372 第3-8位 331000 = 台州市本级, 不指向区县",
    "834475.BJ": "三友科技: 未找到注册地址(年报、信息披露制度只见全称); 全称含'三门'不等于注册地址, 不据此填写",
    "873527.BJ": "夜光明: 住所 '浙江省台州市经济开发区滨海工业园海丰路2355号'(上市公告书 2022-10) 只写台州经济开发区, 未写区县",
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


@pytest.fixture(scope="module")
def rows():
    return _rows(ENTERPRISES) + _rows(OUTSIDE)


@pytest.fixture(scope="module")
def holdings():
    return _rows(HOLDINGS)


def test_each_file_holds_only_what_its_dataset_declares():
    """The census of Taizhou's listed firms holds only Taizhou's firms, and the outside candidates are a
    sample of their own: a dataset named 台州注册 must not count firms registered elsewhere."""
    census, outside = sidecar_spec(ENTERPRISES), sidecar_spec(OUTSIDE)
    assert census.census and census.region == "台州市" and "台州注册" in census.name
    assert {r["local"] for r in _rows(ENTERPRISES)} == {"true"}
    assert not outside.census and {r["local"] for r in _rows(OUTSIDE)} == {"false"}
    assert all(r["city"] != "台州市" for r in _rows(OUTSIDE))


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def test_every_local_row_has_a_county_or_a_stated_reason(rows, onto):
    local = [r for r in rows if r["local"] == "true"]
    assert local, "no local rows"
    for r in local:
        if r["county"]:
            assert onto.county_by_name(r["county"]) is not None, (r["name"], r["county"])
            assert r["stock_code"] not in NO_COUNTY, f"{r['name']} has a county now: drop it from NO_COUNTY"
        else:
            assert NO_COUNTY.get(r["stock_code"]), f"{r['name']} ({r['stock_code']}) has no county and no reason"
    codes = {r["stock_code"] for r in local}
    assert set(NO_COUNTY) <= codes, f"NO_COUNTY names firms that are not local rows: {set(NO_COUNTY) - codes}"


def test_local_rows_are_in_taizhou(rows):
    for r in rows:
        if r["local"] == "true":
            assert r["city"] == "台州市", (r["name"], r["city"])
        else:
            assert r["local"] == "false" and r["city"] != "台州市", (r["name"], r["city"])


def test_every_segment_id_exists_in_the_ontology(rows, onto):
    for r in rows:
        for sid in _split(r["segments"]):
            assert sid in onto.segments, (r["name"], sid)


def test_segments_are_explained_and_parents_carry_a_reason(rows, onto):
    parents = {s.parent for s in onto.segments.values() if s.parent}
    for r in rows:
        segs = _split(r["segments"])
        assert len(segs) == len(set(segs)), (r["name"], segs)
        if r["local"] == "true" or segs:
            assert r["segment_evidence"].strip(), r["name"]
        for sid in segs:
            if sid in parents:
                assert "上级" in r["segment_evidence"], f"{r['name']}: parent segment {sid} without a reason"


def test_local_rows_without_a_segment_say_why(rows):
    """Every local firm has a segment or a stated reason: 七链外 (out of the seven chains) or 未映射 (no product
    data we could cite); a reason of the wrong kind would hide a firm the classifier should have placed."""
    for r in rows:
        if r["local"] == "true" and not _split(r["segments"]):
            assert r["segment_evidence"].startswith(("七链外", "未映射")), (r["name"], r["segment_evidence"][:40])


def test_credit_codes_agree_with_the_county(rows, onto):
    """Characters 3-8 of a 统一社会信用代码 are the registering authority's division (GB/T 2260, checked
    against ontology/policy.yaml). Where a row carries a code issued by a Taizhou county, the county matches."""
    for r in rows:
        county = division_county(r["credit_code"], onto) if r["credit_code"] else None
        if county is not None:
            assert r["county"] == county.short, (r["name"], r["credit_code"], r["county"], county.short)


def test_no_duplicate_credit_codes_stock_codes_or_names(rows):
    for field in ("credit_code", "stock_code", "name"):
        values = [r[field].strip() for r in rows if r[field].strip()]
        dupes = [v for v, n in Counter(values).items() if n > 1]
        assert not dupes, (field, dupes)
    assert all(r["stock_code"].strip() for r in rows), "every bundled firm is listed: a stock code is required"
    for r in rows:
        if r["credit_code"]:
            assert normalize_credit_code(r["credit_code"]) == r["credit_code"], r["name"]


def test_every_row_has_a_source(rows, holdings):
    for r in rows:
        assert r["source"].strip(), r["name"]
        assert len(r["source"]) <= 500, (r["name"], len(r["source"]))  # the loader's limit
    for h in holdings:
        assert h["source"].strip(), h
        assert re.search(r"https?://", h["source"]), ("holding source needs a URL", h)


def test_scale_facts_parse(rows):
    for r in rows:
        if r["employees"]:
            assert re.fullmatch(r"[1-9]\d*", r["employees"]), (r["name"], r["employees"])
        if r["registered_capital"]:
            assert re.fullmatch(r"\d+(\.\d+)?万元", r["registered_capital"]), (r["name"], r["registered_capital"])
        if r["founded"]:
            assert date.fromisoformat(r["founded"]) < date(2024, 6, 1), (r["name"], r["founded"])


def test_holdings_reference_known_technologies_and_bundled_firms(holdings, rows, onto):
    assert holdings, "holdings.csv is empty"
    names = {r["name"] for r in rows} | {r["name"] for r in _rows(KNOWN)}
    codes = {r["credit_code"] for r in rows if r["credit_code"]}
    seen = set()
    for h in holdings:
        assert h["technology_id"] in onto.technologies, h["technology_id"]
        assert h["name"] in names or (h["credit_code"] and h["credit_code"] in codes), h["name"]
        if h["credit_code"]:
            match = [r for r in rows if r["credit_code"] == h["credit_code"]]
            assert match and match[0]["name"] == h["name"], h
        key = (h["name"], h["technology_id"])
        assert key not in seen, key
        seen.add(key)


def test_bundled_files_load_without_quarantine():
    store = SQLiteStore(":memory:")
    report = load_files(store, [ENTERPRISES, OUTSIDE, KNOWN, HOLDINGS])
    assert report.quarantined == [], report.quarantined[:5]
    assert report.enterprises == len(_rows(ENTERPRISES)) + len(_rows(OUTSIDE)) + len(_rows(KNOWN))
    assert report.holdings == len(_rows(HOLDINGS))


def test_every_local_holder_is_on_a_segment_that_needs_the_technology(holdings, rows, onto):
    """A holding puts a firm forward as a chokepoint's local holder, so the firm must sit on (or under) a
    segment the technology is needed by; a holding on an unrelated firm would be a false 揭榜 candidate."""
    firms = {r["name"]: r for r in [*rows, *_rows(KNOWN)]}
    for h in holdings:
        segs = set(_split(firms[h["name"]]["segments"]))
        tech = onto.technologies[h["technology_id"]]
        assert segs & _lineage(onto, tech.segments), (h["name"], h["technology_id"], sorted(segs))


def _lineage(onto, segment_ids) -> set[str]:
    """The segments, their ancestors (a firm left on a parent) and their descendants; not their siblings."""
    out = set(segment_ids)
    for sid in segment_ids:
        parent = onto.segments[sid].parent
        while parent:
            out.add(parent)
            parent = onto.segments[parent].parent
    todo = list(segment_ids)
    while todo:
        sid = todo.pop()
        kids = [k for k, s in onto.segments.items() if s.parent == sid]
        out.update(kids)
        todo.extend(kids)
    return out
