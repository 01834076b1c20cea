"""Validation into Enterprise, quarantine entries and the quarantine report."""

from __future__ import annotations

import csv
import hashlib

import pytest

from etl.normalize import name_key
from etl.quarantine import REPORT_HEADER, Quarantine, write_report
from etl.readers import read_records
from etl.validate import validate_enterprise, validate_enterprises

CODE_A = "91331081MA2AAAAA10"


def _rec(**fields):
    return {"_file": "e.csv", "_row": 7, **fields}


def _ok(rec, onto):
    e, q = validate_enterprise(rec, onto, default_source="e.csv")
    assert q == [] and e is not None
    return e


def _bad(rec, onto):
    e, q = validate_enterprise(rec, onto, default_source="e.csv")
    assert e is None and q
    return q


def test_full_record(onto):
    e = _ok(_rec(name=" 示例企业A（台州）有限公司 ", credit_code="9133 1081 ma2aaaaa10", county="温岭市",
                 city="台州市", revenue="1.5亿元", output="12,000", employees="1,200人", founded="2019年12月4日",
                 tags="上市；专精特新、上市", products="水泵,电机", stock_code=" 002126.sz ", local="是",
                 business_scope="泵及电机制造", source="示例 / example", segment="pump-motor-pump",
                 联系人="张三"), onto)
    assert e.id == CODE_A == e.credit_code
    assert (e.name, e.county, e.city, e.local) == ("示例企业A（台州）有限公司", "温岭", "台州市", True)
    assert (e.revenue, e.output, e.employees, e.founded) == (15000.0, 12000.0, 1200, "2019-12-04")
    assert e.tags == ["上市", "专精特新"] and e.products == ["水泵", "电机"]
    assert e.stock_code == "002126.SZ" and e.sources == ["示例 / example"]


@pytest.mark.parametrize("county", ["温岭", "温岭市", "wenling", "台州市温岭市", "浙江省台州市温岭市", "温岭 "])
def test_county_forms_store_short_name(onto, county):
    assert _ok(_rec(name="甲", county=county), onto).county == "温岭"


def test_unknown_county_is_quarantined_but_non_local_county_is_kept(onto):
    q = _bad(_rec(name="甲", county="鄞州区"), onto)
    assert (q[0].row, q[0].field, q[0].value) == (7, "county", "鄞州区") and "unknown county" in q[0].reason
    e = _ok(_rec(name="乙", county="鄞州区", local="否"), onto)
    assert (e.county, e.local) == ("鄞州区", False)
    e = _ok(_rec(name="丙", county="鄞州区", city="宁波市"), onto)  # a city outside Taizhou → not local
    assert (e.county, e.local) == ("鄞州区", False)


def test_ids_without_credit_code(onto):
    e = _ok(_rec(name="示例企业B有限责任公司"), onto)
    assert e.id == "nm-" + hashlib.sha1(name_key("示例企业B有限公司").encode()).hexdigest()[:12]
    assert _ok(_rec(name="示例企业B（有限公司）"), onto).id == e.id  # brackets ignored in the key
    assert _ok(_rec(name="示例企业C有限公司"), onto).id != e.id
    assert _ok(_rec(name="示例企业B 有限公司"), onto).id == e.id
    assert _ok(_rec(name="甲", stock_code="002126"), onto).id == "sc-002126"
    assert _ok(_rec(name="甲"), onto).sources == ["e.csv"]


@pytest.mark.parametrize("field, value, reason", [
    ("credit_code", "12345", "18 characters"),
    ("credit_code", "91331081MA2AAAAA1I", "invalid character"),
    ("revenue", "很多", "not an amount"),
    ("output", "12万美元", "not an amount"),
    ("employees", "约300", "whole"),
    ("founded", "2019-02-30", "not a real date"),
    ("founded", "去年", "not a date"),
    ("local", "也许", "yes/no"),
    ("stock_code", "股票", "stock code"),
    ("name", "=cmd|' /C calc'!A0", "formula"),
    ("tags", "上市;@SUM(A1)", "formula"),
    ("city", "+cmd|' /C calc'!A0", "formula"),
    ("business_scope", "-2+3+cmd|' /C calc'!A0", "formula"),
])
def test_bad_field_quarantines_the_whole_row(onto, field, value, reason):
    rec = _rec(name="示例企业A有限公司", county="温岭", revenue="10")
    rec[field] = value
    q = _bad(rec, onto)
    assert [(x.file, x.row, x.field) for x in q] == [("e.csv", 7, field)]
    assert reason in q[0].reason and q[0].value == value


def test_a_check_character_slip_keeps_the_firm_without_the_code(onto):
    """Review 40 C6: one wrong check character dropped the whole firm with an English-only line. The firm now
    loads with no code (its id from the name), and a bilingual warning names file, row and field."""
    warnings = []
    e, errors = validate_enterprise(_rec(name="示例企业A有限公司", county="温岭", credit_code="91331081MA2AAAAA11"), onto,
                                    default_source="e.csv", warnings=warnings)
    assert errors == [] and e.credit_code is None and e.id.startswith("nm-") and e.county == "温岭"
    [w] = warnings
    assert (w.file, w.row, w.field, w.value, w.level) == ("e.csv", 7, "credit_code", "91331081MA2AAAAA11", "warning")
    assert "校验位" in w.reason and "「1」" in w.reason and "「0」" in w.reason and " / credit code check character" in w.reason


def test_a_check_character_slip_does_not_save_a_row_with_another_fault(onto):
    q = _bad(_rec(name="示例企业A有限公司", credit_code="91331081MA2AAAAA11", revenue="很多"), onto)
    assert [x.field for x in q] == ["revenue"]


def test_every_bad_field_is_reported(onto):
    q = _bad(_rec(name="", credit_code="X", revenue="abc", founded="never"), onto)
    assert sorted(x.field for x in q) == ["credit_code", "founded", "name", "revenue"]


@pytest.mark.parametrize("name", ["'); MATCH (n) DETACH DELETE n //", "1; DROP TABLE nodes; --",
                                  "示例企业'; DROP TABLE nodes; --"])
def test_query_fragments_in_names_are_stored_literally(onto, name):
    assert _ok(_rec(name=name), onto).name == name


def test_ten_megabyte_field_is_rejected_by_length_not_the_file(onto, tmp_path):
    p = tmp_path / "huge.csv"
    p.write_text(f"企业名称,经营范围\n甲,{'经' * 10_000_000}\n乙,正常\n", encoding="utf-8")
    good, bad = validate_enterprises(read_records(p, required=("name",)), onto, default_source=p.name)
    assert [e.name for e in good] == ["乙"]
    assert [(q.file, q.row, q.field) for q in bad] == [("huge.csv", 2, "business_scope")]
    assert "too long" in bad[0].reason and len(bad[0].value) == 200


def test_full_width_digits_and_unit_header(onto, tmp_path):
    p = tmp_path / "fw.csv"
    p.write_text("企业名称,营业收入(元),从业人员,成立日期\n甲,５００００,１２０,２０１９年１２月４日\n", encoding="utf-8")
    (e,), bad = validate_enterprises(read_records(p), onto, default_source=p.name)
    assert (e.revenue, e.employees, e.founded, bad) == (5.0, 120, "2019-12-04", [])


def test_corpus_file_end_to_end(onto, tmp_path, code):
    code_b = code("91331002MA2CCCCC0")
    p = tmp_path / "corpus.csv"
    p.write_bytes((
        "统一社会信用代码,企业名称,所属区县,营业收入（万元）,成立日期\n"
        f"{CODE_A},示例企业A有限公司,温岭,100,2019-12-04\n"
        f"{CODE_A},示例企业A有限公司,温岭市,,\n"                # duplicate code → kept here, resolve merges
        "91331081MA2AAAAA11,示例企业X有限公司,温岭,,\n"          # bad check char: kept without the code (warning)
        f"{code_b},示例企业B有限公司,火星,,\n"                   # unknown county
        ",=cmd|' /C calc'!A0,椒江,,\n"                           # injection
        ",示例企业C有限公司,椒江,一百万,20191304\n"               # bad number and date
        ",'); MATCH (n) DETACH DELETE n //,椒江,,\n"             # stored literally
    ).encode("gbk"))
    good, bad = validate_enterprises(read_records(p, required=("name",)), onto, default_source=p.name)
    assert [e.id for e in good][:2] == [CODE_A, CODE_A] and good[3].name.startswith("');")
    assert good[2].name == "示例企业X有限公司" and good[2].credit_code is None
    assert sorted((q.row, q.field) for q in bad) == [(5, "county"), (6, "name"), (7, "founded"), (7, "revenue")]
    assert all(q.file == "corpus.csv" for q in bad)


def test_ontology_without_counties_says_so(tmp_path):
    from ontology.loader import Ontology

    q = _bad(_rec(name="甲", county="温岭"), Ontology())
    assert "no counties" in q[0].reason


# --- quarantine -----------------------------------------------------------------------------------

def test_quarantine_truncates_value():
    q = Quarantine("a.csv", 2, "name", "x" * 1000, "too long")
    assert len(q.value) == 200 and q.value.endswith("…")


def test_report_is_excel_friendly_and_defused(tmp_path):
    items = [Quarantine("a.csv", 2, "name", "=cmd|' /C calc'!A0", "looks like a spreadsheet formula"),
             Quarantine("a.csv", 3, "revenue", "很多", "not an amount")]
    path = tmp_path / "quarantine.csv"
    assert write_report(items, path) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == REPORT_HEADER and "文件 file" in rows[0][0]
    assert rows[1] == ["a.csv", "2", "name", "'=cmd|' /C calc'!A0", "looks like a spreadsheet formula"]
    assert rows[2] == ["a.csv", "3", "revenue", "很多", "not an amount"]


# --- templates ------------------------------------------------------------------------------------

def test_templates_read_and_validate(onto):
    from etl.normalize import is_valid_credit_code
    from etl.templates import TEMPLATES_DIR

    tdir = TEMPLATES_DIR
    good, bad = validate_enterprises(read_records(tdir / "enterprises.csv", required=("name",)), onto,
                                     default_source="enterprises.csv")
    assert bad == [] and len(good) == 3 and all(e.name.startswith("示例") for e in good)
    assert all(e.sources == ["示例 / example"] for e in good)
    for name, required, code_fields in [("technologies.csv", ("technology_id", "technology", "segment", "status"), ()),
                                        ("holdings.csv", ("credit_code", "technology_id"), ("credit_code",)),
                                        ("supply.csv", ("supplier", "customer"), ("supplier_code", "customer_code"))]:
        recs = list(read_records(tdir / name, required=required))
        assert len(recs) >= 2 and all(r["source"] == "示例 / example" for r in recs)
        assert all(is_valid_credit_code(r[f]) for r in recs for f in code_fields)
