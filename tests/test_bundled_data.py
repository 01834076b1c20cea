"""The bundled Taizhou firm data (etl/bundled/enterprises.csv, holdings.csv) is internally sound:
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
from etl.normalize import normalize_credit_code
from graph.sqlite_store import SQLiteStore
from ontology import load_ontology

DATA = BUNDLED_DIR  # package data (etl/bundled)
ENTERPRISES = DATA / "enterprises.csv"
HOLDINGS = DATA / "holdings.csv"

#: local firms without a county, and why: no source we read gives a registered address with a 区/县/市
NO_COUNTY = {
    "002389.SZ": "航天彩虹: 2016 注册地址 '浙江省台州市开发区开发大道388号' 未写区县",
    "301225.SZ": "恒勃股份: 住所 '浙江省台州市海昌路1500号' 未写区县",
    "603331.SH": "百达精工: 住所 '台州市经中路908弄28号' 未写区县",
    "834475.BJ": "三友科技: 未找到注册地址",
    "873527.BJ": "夜光明: 住所 '浙江省台州市经济开发区滨海工业园海丰路2355号' 未写区县",
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


@pytest.fixture(scope="module")
def rows():
    return _rows(ENTERPRISES)


@pytest.fixture(scope="module")
def holdings():
    return _rows(HOLDINGS)


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
    names = {r["name"] for r in rows}
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
    report = load_files(store, [ENTERPRISES, HOLDINGS])
    assert report.quarantined == [], report.quarantined[:5]
    assert report.enterprises == len(_rows(ENTERPRISES))
    assert report.holdings == len(_rows(HOLDINGS))
