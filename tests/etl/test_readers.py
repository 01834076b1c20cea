"""Reading data files: encodings, formats, headers, and the bad-input corpus (built in tmp_path)."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from chainkg.errors import InputError
from etl.readers import read_records

HEADER = "统一社会信用代码,企业名称,所属区县,营业收入（万元）,联系人\n"
ROWS = "91331081MA2AAAAA10,示例企业A有限公司,温岭,120.5,第一行\n,示例企业B有限公司,椒江,,第二行\n"


def _read(path, **kw):
    return list(read_records(path, **kw))


def _xlsx(path, rows, merges=(), title="Sheet"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


# --- encodings ----------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings_read_the_same(tmp_path, encoding):
    p = tmp_path / f"e-{encoding}.csv"
    p.write_bytes((HEADER + ROWS).encode(encoding))
    recs = _read(p, required=("name",))
    assert [r["name"] for r in recs] == ["示例企业A有限公司", "示例企业B有限公司"]
    assert recs[0]["credit_code"] == "91331081MA2AAAAA10"  # no BOM glued to the first header
    assert recs[0]["revenue"] == "120.5" and recs[0]["联系人"] == "第一行"  # unknown column kept
    assert [(r["_file"], r["_row"]) for r in recs] == [(p.name, 2), (p.name, 3)]


def test_gb18030_only_character(tmp_path):
    p = tmp_path / "gb.csv"
    p.write_bytes("企业名称\n𠮷野示例有限公司\n".encode("gb18030"))
    assert _read(p)[0]["name"] == "𠮷野示例有限公司"


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "u16.csv"
    p.write_bytes(("企业名称\t所属区县\n示例企业A有限公司\t温岭\n").encode("utf-16"))
    assert _read(p)[0] == {"name": "示例企业A有限公司", "county": "温岭", "_file": "u16.csv", "_row": 2}


def test_mixed_encodings_are_refused_naming_file_and_row(tmp_path):
    p = tmp_path / "mixed.csv"
    p.write_bytes("企业名称,所属区县\n示例企业A有限公司,温岭\n".encode("utf-8")
                  + "示例企业B有限公司,椒江\n".encode("gbk"))
    with pytest.raises(InputError, match=r"mixed\.csv row 3.*mixed text encodings"):
        _read(p)


@pytest.mark.parametrize("payload, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG"),
    (b"name\n" + bytes(range(256)) * 4, "NUL"),
    (b"PK\x03\x04" + b"\x00" * 40, "XLSX"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, ".xls"),
    (b"name\nabc\x01\x02def\n", "control character"),
])
def test_binary_file_named_csv(tmp_path, payload, reason):
    p = tmp_path / "data.csv"
    p.write_bytes(payload)
    with pytest.raises(InputError, match=rf"data\.csv.*{reason}"):
        _read(p)


# --- empty / header-only / required / headers ---------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"   \n\n", "企业名称,所属区县\n".encode(), "\ufeff企业名称,所属区县\n\n,\n".encode()])
def test_empty_and_header_only_files(tmp_path, content):
    p = tmp_path / "nothing.csv"
    p.write_bytes(content)
    with pytest.raises(InputError, match=r"nothing\.csv.*no data rows"):
        _read(p, required=("name",))


def test_missing_required_column_names_file_and_field(tmp_path):
    p = tmp_path / "noname.csv"
    p.write_text("统一社会信用代码,所属区县\n91331081MA2AAAAA10,温岭\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"noname\.csv row 1: missing required column\(s\): name"):
        _read(p, required=("name",))


def test_header_aliases_are_case_space_and_width_insensitive(tmp_path):
    p = tmp_path / "aliases.csv"
    p.write_text(" Credit_Code ,ＮＡＭＥ,县市区,营业收入 (万元),工业总产值（万元）,从业人数,成立时间,标签,股票代码,是否本地,"
                 "来源,主要产品,产业链环节,经营范围,所在城市\n"
                 "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o\n", encoding="utf-8")
    rec = _read(p)[0]
    assert [k for k in rec if not k.startswith("_")] == [
        "credit_code", "name", "county", "revenue", "output", "employees", "founded", "tags", "stock_code",
        "local", "source", "products", "segment", "business_scope", "city"]


def test_unit_in_amount_header_is_passed_on(tmp_path):
    p = tmp_path / "yuan.csv"
    p.write_text("企业名称,营业收入(元),工业总产值（亿元）\n甲,50000,2\n", encoding="utf-8")
    rec = _read(p)[0]
    assert rec["_unit.revenue"] == "元" and rec["_unit.output"] == "亿元"


def test_two_columns_for_one_field_are_refused(tmp_path):
    p = tmp_path / "dup.csv"
    p.write_text("企业名称,公司名称\n甲,乙\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"dup\.csv.*'企业名称' and '公司名称' both mean field 'name'"):
        _read(p)


def test_title_rows_above_header_are_skipped_and_rows_numbered_as_seen(tmp_path):
    p = tmp_path / "titled.csv"
    p.write_text("台州市重点企业名单（示例）,,\n,,\n企业名称,所属区县,联系人\n甲,温岭,\n\n乙,椒江,x\n", encoding="utf-8")
    recs = _read(p, required=("name",))
    assert [(r["name"], r["_row"]) for r in recs] == [("甲", 4), ("乙", 6)]


def test_tsv_and_tab_separated_csv(tmp_path):
    for name in ("t.tsv", "t.csv"):
        p = tmp_path / name
        p.write_text("企业名称\t所属区县\n甲\t温岭\n", encoding="utf-8")
        assert _read(p)[0]["county"] == "温岭"


def test_ten_megabyte_field_is_read_not_crashed(tmp_path):
    p = tmp_path / "huge.csv"
    big = "经" * (10 * 1024 * 1024 // 3 + 1)
    p.write_text(f"企业名称,经营范围\n甲,{big}\n乙,正常\n", encoding="utf-8")
    recs = _read(p)
    assert len(recs[0]["business_scope"]) == len(big) and recs[1]["business_scope"] == "正常"


def test_unknown_format_and_legacy_xls(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InputError, match=r"a\.pdf.*unknown file format"):
        _read(tmp_path / "a.pdf")
    with pytest.raises(InputError, match=r"a\.xls.*legacy \.xls"):
        _read(tmp_path / "a.xls")
    with pytest.raises(InputError, match="file not found"):
        _read(tmp_path / "missing.csv")


def test_fmt_overrides_suffix(tmp_path):
    p = tmp_path / "export.dat"
    p.write_text('[{"企业名称": "甲"}]', encoding="utf-8")
    assert _read(p, fmt="json")[0]["name"] == "甲"


# --- XLSX -----------------------------------------------------------------------------------------

def test_xlsx_typed_cells_become_strings(tmp_path):
    p = _xlsx(tmp_path / "typed.xlsx", [
        ["企业名称", "成立日期", "从业人员", "营业收入(万元)", "是否本地"],
        ["甲", dt.datetime(2019, 12, 4), 1200, 12.5, True],
        ["乙", 43803, 30.0, None, False],
    ])
    a, b = _read(p)
    assert (a["founded"], a["employees"], a["revenue"], a["local"]) == ("2019-12-04", "1200", "12.5", "true")
    assert (b["founded"], b["employees"], b["revenue"], b["local"]) == ("43803", "30", "", "false")


def test_xlsx_named_sheet_and_missing_sheet(tmp_path):
    p = tmp_path / "sheets.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["说明"])
    wb.active.append(["本表为示例"])
    ws = wb.create_sheet("企业")
    ws.append(["企业名称"])
    ws.append(["甲"])
    wb.save(p)
    assert _read(p, sheet="企业")[0]["name"] == "甲"
    with pytest.raises(InputError, match=r"sheets\.xlsx.*no sheet '缺失'"):
        _read(p, sheet="缺失")
    # no sheet named: the cover sheet gives way to the list (tests/etl/test_registry_layouts.py)
    assert _read(p, required=("name",))[0]["name"] == "甲"
    del wb["企业"]
    wb.save(p)  # the cover sheet alone: its own error, as before
    with pytest.raises(InputError, match=r"sheets\.xlsx.*missing required column\(s\): name"):
        _read(p, required=("name",))


def test_xlsx_merged_cells_take_the_merged_value(tmp_path):
    p = _xlsx(tmp_path / "merged.xlsx", [
        ["基本信息", None, "企业标签", None, "经营数据"],
        ["企业名称", "所属区县", "企业标签", None, "营业收入(万元)"],
        ["甲", "温岭", "上市", "专精特新", 10],
        ["乙", None, "小巨人", None, 20],
        ["丙", "椒江", None, None, 30],
    ], merges=["A1:B1", "C1:D1", "C2:D2", "B3:B4"])
    recs = _read(p, required=("name",))
    assert [(r["name"], r["county"], r["tags"], r["_row"]) for r in recs] == [
        ("甲", "温岭", "上市;专精特新", 3), ("乙", "温岭", "小巨人", 4), ("丙", "椒江", "", 5)]


def test_truncated_xlsx(tmp_path):
    good = _xlsx(tmp_path / "good.xlsx", [["企业名称"], ["甲"]])
    data = good.read_bytes()
    p = tmp_path / "truncated.xlsx"
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"truncated\.xlsx.*not a readable XLSX"):
        _read(p)


def test_csv_renamed_to_xlsx_and_empty_xlsx(tmp_path):
    p = tmp_path / "fake.xlsx"
    p.write_text("企业名称\n甲\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"fake\.xlsx.*not a readable XLSX"):
        _read(p)
    e = tmp_path / "empty.xlsx"
    e.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.xlsx.*no data rows"):
        _read(e)
    h = _xlsx(tmp_path / "header.xlsx", [["企业名称", "所属区县"]])
    with pytest.raises(InputError, match=r"header\.xlsx.*no data rows"):
        _read(h)


# --- JSON / JSONL -------------------------------------------------------------------------------

def test_json_list_of_objects(tmp_path):
    p = tmp_path / "e.json"
    p.write_text(json.dumps([{"企业名称": "甲", "标签": ["上市", "专精特新"], "从业人员": 12, "是否本地": True,
                              "extra": {"a": 1}, "营业收入": None}], ensure_ascii=False), encoding="utf-8")
    rec = _read(p, required=("name",))[0]
    assert rec == {"name": "甲", "tags": "上市;专精特新", "employees": "12", "local": "true",
                   "extra": '{"a": 1}', "revenue": "", "_file": "e.json", "_row": 1}


@pytest.mark.parametrize("content, match", [
    ('{"企业名称": "甲"}', "expected a JSON list"),
    ('[{"企业名称": "甲"}, 3]', "row 2: expected an object"),
    ('[{"企业名称": "甲"', "not valid JSON"),
    ("[]", "no data rows"),
    ('[{"所属区县": "温岭"}]', r"missing required column\(s\): name"),
])
def test_bad_json(tmp_path, content, match):
    p = tmp_path / "bad.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=rf"bad\.json.*{match}"):
        _read(p, required=("name",))


def test_jsonl(tmp_path):
    p = tmp_path / "e.jsonl"
    p.write_text('{"name": "甲"}\n\n{"name": "乙", "county": "温岭"}\n', encoding="utf-8")
    assert [(r["name"], r["_row"]) for r in _read(p)] == [("甲", 1), ("乙", 3)]
    p.write_text('{"name": "甲"}\n{"name": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"e\.jsonl row 2: not valid JSON"):
        _read(p)
