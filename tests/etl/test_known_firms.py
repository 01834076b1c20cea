"""etl/bundled/known_firms.csv — non-listed firms that public reports place in Taizhou — is sound:
every row names a source with a URL, segment ids exist (parents carry a reason), local rows are in
台州 with a county or a stated reason why none, no firm repeats a name from enterprises.csv, and the
file loads with its sidecar 口径 (a sample, not a census) and no quarantined error.
See etl/bundled/README.md for the sources and what was left out."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from etl.loader import BUNDLED_DIR, load_files
from etl.normalize import normalize_credit_code
from graph.store.sqlite_store import SQLiteStore
from ontology.loader import load_ontology

DATA = BUNDLED_DIR  # package data (etl/bundled)
KNOWN = DATA / "known_firms.csv"
ENTERPRISES = DATA / "enterprises.csv"

#: local rows without a county, and why: the sources read place the firm in 台州 (or 台州湾新区,
#: a functional zone that is not one county) but give no 区/县/市. Searched again 2026-11 (search tool, pages
#: corpus) for each firm with its name and the nine county names: nothing more found. Add a county, then drop
#: the entry.
NO_COUNTY = {
    "浙江新吉奥汽车有限公司": "来源: 位于台州湾新区(台州湾循环经济产业集聚区), 未写区县; 集团总部在桐乡",
    "浙江环方汽车电器有限公司": "来源: 台州新能源汽车整配报道中的台州企业, 未写区县",
    "西马智能科技股份有限公司": "来源: 台州日报'我市的', 未写区县",
    "欧路莎股份有限公司": "来源: 中新社/China Daily 称台州智能马桶企业, 未写区县",
    "浙江新飞跃股份有限公司": "来源: 经台州检验检疫局检验出口; 飞跃集团旗下企业, 但未写自身所在区县",
    "上工缝制机械(浙江)有限公司": "来源: '我市缝制设备产业标杆企业', 未写区县",
    "浙江宝宇缝纫机有限公司": "来源: '我市缝制设备产业标杆企业', 未写区县",
    "汇宝科技集团有限公司": "来源: '我市缝制设备产业标杆企业', 未写区县",
    "浙江衣拿智能科技股份有限公司": "来源: '我市缝制设备产业标杆企业', 未写区县",
    "浙江富联工业科技有限公司": "来源: '我市缝制设备产业标杆企业', 未写区县",
    "北航长鹰航空科技(台州)有限公司": "来源: 台州湾循环经济产业集聚区(今台州湾新区, 功能区), 未写区县",
    "台州星空智联科技有限公司": "来源: 台州湾新区/台州通用航空'万亩千亿'平台(功能区), 未写区县",
    "浙江铭博汽车部件股份有限公司": "来源: 位于台州湾经开区(功能区); 另写'临海基地', 未写法人住所区县",
    "浙江星昌汽车科技有限公司": "来源: 项目在台州湾新区投产(功能区), 未写区县",
    "浙江澳帝智能洁具有限公司": "来源: 台州市质监局'2017年台州智能马桶产品质量'抽查中的生产企业, 未写区县",
    "浙江荣信模具塑料有限公司": "来源: 云南考察组'来台'走访的企业, 未写区县",
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


@pytest.fixture(scope="module")
def rows():
    out = _rows(KNOWN)
    assert out, "known_firms.csv is empty"
    return out


def test_every_row_has_a_source_with_a_url(rows):
    for r in rows:
        assert r["source"].strip(), r["name"]
        assert re.search(r"https?://\S+", r["source"]), (r["name"], "source needs a URL")
        assert len(r["source"]) <= 500, (r["name"], len(r["source"]))  # the loader's limit


def test_segments_exist_and_parents_carry_a_reason(rows, onto):
    parents = {s.parent for s in onto.segments.values() if s.parent}
    for r in rows:
        segs = _split(r["segments"])
        assert len(segs) == len(set(segs)), (r["name"], segs)
        assert r["segment_evidence"].strip(), r["name"]
        for sid in segs:
            assert sid in onto.segments, (r["name"], sid)
            if sid in parents:
                assert "上级" in r["segment_evidence"], f"{r['name']}: parent segment {sid} without a reason"


def test_local_rows_have_a_county_or_a_stated_reason(rows, onto):
    for r in rows:
        assert r["local"] in ("true", "false"), (r["name"], r["local"])
        if r["local"] != "true":
            continue
        assert r["city"] == "台州市", (r["name"], r["city"])
        assert r["location_evidence"].strip(), r["name"]
        if r["county"]:
            assert onto.county_by_name(r["county"]) is not None, (r["name"], r["county"])
            assert r["name"] not in NO_COUNTY, f"{r['name']} has a county now: drop it from NO_COUNTY"
        else:
            assert NO_COUNTY.get(r["name"]), f"{r['name']} is local with no county and no stated reason"
    local = {r["name"] for r in rows if r["local"] == "true"}
    assert set(NO_COUNTY) <= local, f"NO_COUNTY names firms that are not local rows: {set(NO_COUNTY) - local}"


def test_no_duplicates_within_the_file_or_with_enterprises_csv(rows):
    names = [r["name"].strip() for r in rows]
    assert not [n for n, k in Counter(names).items() if k > 1]
    listed = {r["name"].strip() for r in _rows(ENTERPRISES)}
    assert not (set(names) & listed), set(names) & listed
    codes = [r["credit_code"].strip() for r in rows if r["credit_code"].strip()]
    assert not [c for c, k in Counter(codes).items() if k > 1]
    listed_codes = {r["credit_code"].strip() for r in _rows(ENTERPRISES) if r["credit_code"].strip()}
    assert not (set(codes) & listed_codes)
    for c in codes:  # a code only when a source shows it, and then it must pass the check character
        assert normalize_credit_code(c) == c


def test_loads_as_a_sample_with_no_quarantined_error(rows):
    report = load_files(SQLiteStore(":memory:"), [KNOWN])
    errors = [q for q in report.quarantined if q.level == "error"]
    assert not errors, errors[:5]
    assert report.enterprises == len(rows)
    (ds,) = report.datasets
    assert ds["name"] == "公开报道的台州企业（非普查）"
    assert ds["population"] == "样本/自填" and ds["census"] is False and ds["region"] == "台州市"
