"""Registry-export layouts beyond tests/etl/test_registry_export.py: a header written on two rows,
a totals line under the rows, the place in one 所属地区 column, a 统一社会信用代码/注册号 column.

Each layout was met loading exports built from public listed-firm rows (Tushare stock_company, the
2016 listed-company addresses) in the columns of 企查查 / 天眼查 / 国家企业信用信息公示系统 exports;
the files here are built in tmp_path with fictional firms (示例/测试) so the figures are our own.
"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from etl.aliases import canonical_field
from etl.loader import load_files
from etl.location import split_region
from etl.readers import NOTE_KEY, read_header, read_records
from graph.store.sqlite_store import SQLiteStore
from tests.etl.conftest import make_code

TZ = make_code("91331081MA2AAAAA1")  # 温岭 division
HZ = make_code("91330100MA2BBBBB1")  # 杭州 division


def _csv(path: Path, rows: list[list], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


# --- a header on two rows ----------------------------------------------------------------------------

def test_csv_header_on_two_rows_group_names_above(tmp_path):
    """天眼查-style: the field names split over two rows (a group 地区 over 省份/城市/区县, the other
    names on the upper row), GB18030. Read as one header; rows numbered as the spreadsheet shows."""
    path = _csv(tmp_path / "导出.csv", [
        ["天眼查 搜索结果导出"],
        ["企业名称", "登记状态", "地区", "", "", "注册资本"],
        ["", "", "省份", "城市", "区县", ""],
        ["示例泵业有限公司", "在业", "浙江", "台州", "温岭市", "5000万人民币"],
    ], encoding="gb18030")
    (rec,) = read_records(path, required=("name",))
    assert rec == {"name": "示例泵业有限公司", "status": "在业", "province": "浙江", "city": "台州", "county": "温岭市",
                   "registered_capital": "5000万人民币", "_file": "导出.csv", "_row": 4}


def test_group_row_above_a_full_header_changes_nothing(tmp_path):
    path = _csv(tmp_path / "e.csv", [
        ["基本信息", "", "工商信息", "地区"],
        ["企业名称", "登记状态", "注册资本", "所属城市"],
        ["示例泵业有限公司", "存续", "100万元人民币", "台州市"],
    ])
    (rec,) = read_records(path, required=("name",))
    assert (rec["name"], rec["city"], rec["_row"]) == ("示例泵业有限公司", "台州市", 3)


def test_first_data_row_is_never_taken_for_half_a_header(tmp_path):
    """A data row under a header with a blank column: its values name no field, so it stays data."""
    path = _csv(tmp_path / "e.csv", [["企业名称", "", "所属城市"], ["示例泵业有限公司", "泵", "台州市"],
                                     ["示例电机有限公司", "", "杭州市"]])
    assert [r["_row"] for r in read_records(path, required=("name",))] == [2, 3]


def test_xlsx_header_merged_over_two_rows(tmp_path):
    """Names merged down over two rows, a group merged across: every cell of a merge takes its value."""
    path = tmp_path / "导出.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in (["企业名称", "登记状态", "地区", None, None], [None, None, "所属省份", "所属城市", "所属区县"],
              ["示例泵业有限公司", "存续", "浙江省", "台州市", "温岭市"]):
        ws.append(r)
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:B2")
    ws.merge_cells("C1:E1")
    wb.save(path)
    (rec,) = read_records(path, required=("name",))
    assert (rec["name"], rec["province"], rec["city"], rec["county"], rec["_row"]) == (
        "示例泵业有限公司", "浙江省", "台州市", "温岭市", 3)


# --- totals and source lines under the rows ----------------------------------------------------------

def test_totals_and_source_lines_are_notes_even_under_a_code_column(tmp_path, onto):
    """公示系统-style: the credit code is the first column; the export ends with 合计 122 户 (two cells)
    and a source line. Both are reported and skipped; a row with only a code is still a firm (error)."""
    path = _csv(tmp_path / "公示.csv", [
        ["统一社会信用代码/注册号", "企业名称", "登记状态", "所属城市"],
        [TZ, "示例泵业有限公司", "存续", "台州市"],
        [HZ, "", "", ""],
        ["合计", "2 户"],
        ["总计：2家"],
        ["数据来源：国家企业信用信息公示系统"],
    ])
    notes = [(r["_row"], r[NOTE_KEY]) for r in read_records(path, notes=True) if NOTE_KEY in r]
    assert notes == [(4, "合计 2 户"), (5, "总计：2家"), (6, "数据来源：国家企业信用信息公示系统")]
    report = load_files(SQLiteStore(":memory:"), [path], ontology=onto)
    assert report.enterprises == 1
    assert [(q.row, q.field, q.level) for q in report.quarantined] == [
        (3, "name", "error"), (4, "row", "warning"), (5, "row", "warning"), (6, "row", "warning")]
    assert "合计" in report.quarantined[1].reason


def test_a_firm_named_like_a_total_is_kept(tmp_path):
    """Only a totals word followed by figures is a total: a name or a text after it keeps the row."""
    path = _csv(tmp_path / "e.csv", [["企业名称", "所属城市", "参保人数"], ["合计", "台州市", "12"],
                                     ["示例合计器有限公司", "台州市", "3"]])
    assert [r.get("name") for r in read_records(path, notes=True)] == ["合计", "示例合计器有限公司"]


# --- the place in one column ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, parts", [
    ("浙江省台州市温岭市", ("浙江省", "台州市", "温岭市")),
    ("浙江-台州-椒江区", ("浙江", "台州", "椒江区")),
    ("浙江省 台州市", ("浙江省", "台州市", None)),
    ("江苏省泰州市海陵区", ("江苏省", "泰州市", "海陵区")),
    ("上海市市辖区浦东新区", ("上海市", None, "浦东新区")),
    ("北京市北京市", ("北京市", None, None)),
    ("浙江省温岭市", ("浙江省", None, "温岭市")),
    ("台州市路桥区", (None, "台州市", "路桥区")),
])
def test_split_region(text, parts):
    assert split_region(text) == parts


def test_region_column_decides_local_outside_and_county(tmp_path, onto):
    """所属地区 is read like split columns: 台州 local with its county, 泰州 (same pinyin) and 杭州 outside,
    a bare Taizhou county local; a cancelled firm keeps its status and counts nowhere."""
    path = _csv(tmp_path / "地区.csv", [
        ["企业名称", "登记状态", "所属地区"],
        ["示例泵业有限公司", "存续", "浙江省台州市温岭市"],
        ["示例模具（泰州）有限公司", "存续", "江苏省泰州市海陵区"],
        ["测试电机有限公司", "存续", "浙江省杭州市"],
        ["示例阀门有限公司", "存续", "浙江省玉环市"],
        ["示例马桶有限公司", "注销", "浙江省台州市椒江区"],
        ["示例科技有限公司", "存续", "浙江省台州市台州湾新区"],
    ])
    store = SQLiteStore(":memory:")
    report = load_files(store, [path], ontology=onto)
    got = {e["name"]: (e.get("local"), e.get("local_basis"), e.get("county"), e.get("city"), e.get("active"))
           for e in store.find_nodes("Enterprise")}
    assert got == {
        "示例泵业有限公司": (True, "city", "温岭", "台州市", True),
        "示例模具（泰州）有限公司": (False, "city", "海陵区", "泰州市", True),
        "测试电机有限公司": (False, "city", None, "杭州市", True),
        "示例阀门有限公司": (True, "county", "玉环", None, True),
        "示例马桶有限公司": (True, "city", "椒江", "台州市", False),
        "示例科技有限公司": (True, "city", None, "台州市", True),
    }
    # the dropped 台州湾新区 is reported under the column the file has
    assert [(q.row, q.field, q.value, q.level) for q in report.quarantined] == [
        (7, "region", "浙江省台州市台州湾新区", "warning")]


@pytest.mark.parametrize("header", ["所在地", "所属地", "省市区", "所在省市区"])
def test_other_spellings_of_the_one_place_column(tmp_path, onto, header):
    """Exports also head the one-column place 所在地 or 省市区: read like 所属地区, not dropped (a firm
    whose place is dropped counts neither local nor outside)."""
    assert canonical_field(header) == "region"
    path = _csv(tmp_path / "地.csv", [["企业名称", header], ["示例泵业有限公司", "浙江省台州市温岭市"]])
    store = SQLiteStore(":memory:")
    load_files(store, [path], ontology=onto)
    [e] = store.find_nodes("Enterprise")
    assert (e.get("local"), e.get("county")) == (True, "温岭")


def test_region_with_an_unknown_county_is_an_error_naming_the_column(tmp_path, onto):
    path = _csv(tmp_path / "地区.csv", [["企业名称", "所属地区"], ["示例泵业有限公司", "示例县"]])
    report = load_files(SQLiteStore(":memory:"), [path], ontology=onto)
    assert [(q.file, q.row, q.field, q.level) for q in report.quarantined] == [("地区.csv", 2, "region", "error")]


# --- 统一社会信用代码/注册号 ----------------------------------------------------------------------------------

def test_slash_header_and_registration_number(tmp_path, onto):
    """A header naming two spellings of one field maps to it; a 15-digit 注册号 (firms closed before
    credit codes) is no credit code — not an error; an 18-character code with a wrong check character is a
    warning, its firm kept without it (review 40 C6)."""
    assert canonical_field("统一社会信用代码/注册号") == "credit_code"
    assert canonical_field("企业名称/所属城市") is None  # two different fields: not guessed
    path = _csv(tmp_path / "公示.csv", [
        ["统一社会信用代码/注册号", "企业名称", "登记状态", "住所"],
        ["331081000012345", "示例老厂", "注销", "浙江省温岭市示例路1号"],
        [TZ, "示例泵业有限公司", "存续", "浙江省温岭市示例路2号"],
        [TZ[:-1] + ("0" if TZ[-1] != "0" else "1"), "测试错码有限公司", "存续", "浙江省温岭市示例路3号"],
    ])
    store = SQLiteStore(":memory:")
    report = load_files(store, [path], ontology=onto)
    assert [(q.row, q.field, q.level) for q in report.quarantined] == [(4, "credit_code", "warning")]
    assert "credit_code" not in store.find_nodes("Enterprise", {"name": "测试错码有限公司"})[0]
    old = store.find_nodes("Enterprise", {"name": "示例老厂"})[0]
    assert old["id"].startswith("nm-") and "credit_code" not in old and old["active"] is False
    assert store.get_node("Enterprise", TZ)["local"] is True


# --- values registry exports write -------------------------------------------------------------------

def test_undisclosed_figures_dates_and_status_words(tmp_path, onto):
    """未公示 (not disclosed) is no value, not a bad one; 5000万元整 is 人民币; an ISO date with a time
    zone is a date; 经营异常 (on the abnormal-operation list) is a registered firm, 暂停营业 and
    已告解散 are not; an unknown word (其他) is still refused, naming its row and field."""
    path = _csv(tmp_path / "值.csv", [
        ["Company Name", "Registration Status", "Registered Capital", "Date of Establishment", "参保人数", "所属城市"],
        ["示例泵业有限公司", "存续", "5000万元整", "2010-05-16T00:00:00.000Z", "未公示", "台州市"],
        ["示例电机有限公司", "经营异常", "未公示", "2011/3/5", "不公示", "台州市"],
        ["示例阀门有限公司", "暂停营业", "100万美元", "", "3", "台州市"],
        ["示例香港有限公司", "已告解散", "", "", "", "香港"],
        ["示例其他有限公司", "其他", "", "", "", "台州市"],
    ])
    store = SQLiteStore(":memory:")
    report = load_files(store, [path], ontology=onto)
    assert [(q.file, q.row, q.field, q.level) for q in report.quarantined] == [("值.csv", 6, "status", "error")]
    got = {e["name"]: (e.get("active"), e.get("registered_capital"), e.get("capital_currency"), e.get("founded"),
                       e.get("insured")) for e in store.find_nodes("Enterprise")}
    assert got == {"示例泵业有限公司": (True, 5000.0, "人民币", "2010-05-16", None),
                   "示例电机有限公司": (True, None, None, "2011-03-05", None),
                   "示例阀门有限公司": (False, 100.0, "美元", None, 3),
                   "示例香港有限公司": (False, None, None, None, None)}


# --- Taizhou and its namesake ---------------------------------------------------------------------------

@pytest.mark.parametrize("kw, local, county, warned", [
    (dict(city="Taizhou", province="Zhejiang"), True, None, []),
    (dict(city="Taizhou City", province="Jiangsu Province"), False, None, []),   # 泰州, the namesake
    (dict(city="Taizhou"), None, None, ["local"]),                              # which Taizhou: not said
    (dict(county="Wenling"), True, "温岭", []),
    (dict(city="Taizhou", province="Zhejiang", county="Jiaojiang District"), True, "椒江", []),
    (dict(city="台州", province="江苏"), True, None, ["province"]),              # counted by the city, flagged
    (dict(city="泰州市", county="海陵区"), False, "海陵区", []),
])
def test_taizhou_in_pinyin_and_its_namesake(onto, kw, local, county, warned):
    from etl.location import locate
    loc = locate(onto, **kw)
    assert (loc.local, loc.county, [n.field for n in loc.notes]) == (local, county, warned)


@pytest.mark.parametrize("kw, county, warned", [
    (dict(city="温岭市"), "温岭", []),                    # a county-level city in the city column
    (dict(province="浙江省", city="台州市玉环市"), "玉环", []),
    (dict(city="台州市", county="市辖区"), None, []),      # the city itself: no county, nothing to warn
    (dict(city="台州", county="台州市"), None, []),
    (dict(city="台州市", county="台州湾新区"), None, ["county"]),  # a zone, not a county: said
])
def test_county_from_the_city_column(onto, kw, county, warned):
    from etl.location import locate
    loc = locate(onto, **kw)
    assert (loc.local, loc.county, [n.field for n in loc.notes]) == (True, county, warned)


# --- a firm already stored under another id ------------------------------------------------------------

def test_an_export_names_firms_already_stored_by_stock_code(tmp_path, onto, store):
    """The listed firms are stored by stock code (sc-…); a registry export then names them with their
    credit codes. Each stays one firm — one local firm in the counts — with both sources; a firm of the
    same name but another stock code is another firm; reloading either file in any order keeps one."""
    listed = _csv(tmp_path / "listed.csv", [
        ["股票代码", "企业名称", "所属城市", "主营产品"],
        ["603000.SH", "示例泵业股份有限公司", "台州市", "水泵"],
        ["603001.SH", "示例同名股份有限公司", "台州市", "电机"],
    ])
    export = _csv(tmp_path / "export.csv", [
        ["企业名称", "统一社会信用代码", "登记状态", "所属城市", "所属区县", "股票代码"],
        ["示例泵业股份有限公司", TZ, "存续", "台州市", "温岭市", ""],
        ["示例同名股份有限公司", HZ, "存续", "杭州市", "", "603999.SH"],  # another stock code: another firm
        ["示例新厂有限公司", "", "存续", "台州市", "", ""],
    ])
    load_files(store, [listed], ontology=onto)
    load_files(store, [export], ontology=onto)
    pump = store.find_nodes("Enterprise", {"name": "示例泵业股份有限公司"})
    assert [(f["id"], f["credit_code"], f["county"], f["status"], f["sources"], f["products"]) for f in pump] == [
        ("sc-603000.SH", TZ, "温岭", "存续", ["listed.csv", "export.csv"], ["水泵"])]
    assert sorted(f["id"] for f in store.find_nodes("Enterprise", {"name": "示例同名股份有限公司"})) == [
        HZ, "sc-603001.SH"]
    assert len(store.find_nodes("Enterprise", limit=100)) == 4
    assert {r["dst"] for r in store.rels("IN_DATASET", src="sc-603000.SH")} == {
        d["id"] for d in store.find_nodes("Dataset")}
    first = store.checksum()
    load_files(store, [listed], ontology=onto)   # the listed file again: the export's source stays
    assert store.get_node("Enterprise", "sc-603000.SH")["sources"] == ["listed.csv", "export.csv"]
    load_files(store, [export], ontology=onto)
    assert store.checksum() == first and len(store.find_nodes("Enterprise", limit=100)) == 4


# --- a cover sheet before the list -----------------------------------------------------------------------

def test_a_cover_sheet_before_the_list_gives_way(tmp_path, onto):
    """An officer's workbook often opens with a 说明 sheet (what the list is, who made it); the firms
    are on the next sheet. Without a sheet named, the list is read; a workbook of cover sheets only
    keeps the old error, naming the file."""
    path = tmp_path / "名录.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    for line in (["台州市泵与电机企业名录（示例）"], ["数据来源：示例登记系统，截至 2025-06-30"], ["编制：示例"]):
        wb.active.append(line)
    ws = wb.create_sheet("企业名单")
    for r in (["企业名称", "登记状态", "所属城市"], ["示例泵业有限公司", "存续", "台州市"]):
        ws.append(r)
    wb.save(path)
    (rec,) = read_records(path, notes=True)
    assert (rec["name"], rec["city"], rec["_row"]) == ("示例泵业有限公司", "台州市", 2)
    assert read_header(path) == ["企业名称", "登记状态", "所属城市"]  # the import page previews that sheet
    assert load_files(SQLiteStore(":memory:"), [path], ontology=onto).enterprises == 1

    cover = tmp_path / "说明.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["只有说明"])
    wb.create_sheet("空")
    wb.save(cover)
    from ontology.errors import InputError
    with pytest.raises(InputError, match="说明.xlsx"):
        load_files(SQLiteStore(":memory:"), [cover], ontology=onto)


def test_dataset_records_what_its_firms_are(tmp_path, onto, store):
    """A 台州市 census of 5 firms holding a 泰州 firm, a cancelled one and one without a place is not
    5 Taizhou firms: the Dataset node says 2 local and operating, 1 outside, 1 inactive, 1 unknown."""
    from etl.dataset import census_spec
    path = _csv(tmp_path / "名录.csv", [
        ["企业名称", "登记状态", "所属地区"],
        ["示例泵业有限公司", "存续", "浙江省台州市温岭市"],
        ["示例电机有限公司", "存续", "浙江省台州市椒江区"],
        ["示例模具（泰州）有限公司", "存续", "江苏省泰州市"],
        ["示例马桶有限公司", "注销", "浙江省台州市"],
        ["示例塑料有限公司", "存续", ""],
    ])
    spec = census_spec("台州市示例名录", population="名录", clusters=["pump-motor"])
    load_files(store, [path], ontology=onto, dataset=spec)
    (ds,) = store.find_nodes("Dataset")
    assert (ds["firms"], ds["firms_local"], ds["firms_outside"], ds["firms_inactive"], ds["firms_unknown"]) == (
        5, 2, 1, 1, 1)


# --- a firm listed twice -------------------------------------------------------------------------------

def test_a_firm_listed_twice_in_one_file_is_one_firm_and_the_row_is_named(tmp_path, onto, store):
    """A registry export with the same row twice loaded 3 rows as 2 firms and said nothing, so rows
    read, rows refused and firms loaded did not add up. The repeat is merged and named by its row; the
    same firm in a second file (two lists) is the ordinary case and says nothing."""
    head = ["企业名称", "统一社会信用代码", "登记状态", "所属城市", "所属区县"]
    a = ["示例模具有限公司", TZ, "存续", "台州", "温岭"]
    first = _csv(tmp_path / "名录.csv", [head, a, ["示例塑料有限公司", HZ, "存续", "杭州", ""], a])
    report = load_files(store, [first], ontology=onto)
    assert (report.rows, report.enterprises) == (3, 2)
    (q,) = report.quarantined
    assert (q.file, q.row, q.field, q.value, q.level) == ("名录.csv", 4, "row", "示例模具有限公司", "warning")
    assert "第 2 行" in q.reason and "row 2" in q.reason
    second = _csv(tmp_path / "另一名录.csv", [head, a])
    assert load_files(store, [first, second], ontology=onto).quarantined == [q]


def test_province_and_city_are_stored_by_their_full_names(tmp_path, onto, store):
    """天眼查 writes 浙江 / 台州 where 企查查 and the listed-firm data write 浙江省 / 台州市: the firm list's
    city column then read 台州 for one firm and 台州市 for the next, 泰州 beside 泰州市. Both are stored
    by the full name; what is local is unchanged."""
    head = ["企业名称", "统一社会信用代码", "登记状态", "所属省份", "所属城市", "所属区县"]
    path = _csv(tmp_path / "天眼查.csv", [head, ["示例模具有限公司", TZ, "存续", "浙江", "台州", "温岭市"],
                                          ["示例塑业（泰州）有限公司", "", "存续", "江苏", "泰州", "海陵区"],
                                          ["示例科技（上海）有限公司", "", "存续", "上海", "上海", "嘉定区"]], encoding="gbk")
    load_files(store, [path], ontology=onto)
    got = {e["name"]: (e.get("province"), e.get("city"), e.get("local")) for e in store.find_nodes("Enterprise")}
    assert got == {"示例模具有限公司": ("浙江省", "台州市", True), "示例塑业（泰州）有限公司": ("江苏省", "泰州市", False),
                   "示例科技（上海）有限公司": ("上海市", "上海市", False)}


def test_a_capital_header_naming_its_unit_reads_plain_numbers_in_it(tmp_path):
    """A 公示系统-style list writes 注册资本 in 元 as a plain number; under ``注册资本(元)`` the column was an
    unknown one (the capital dropped), and a plain 120000000 would read as 1.2 万亿元. The header's unit is
    read as the amounts' is: 120000000 元 = 12000 万; a figure with its own unit keeps it."""
    from etl.loader import load_files
    from graph.store.sqlite_store import SQLiteStore

    path = tmp_path / "公示系统示例.csv"
    path.write_text("企业名称,统一社会信用代码,登记状态,注册资本（元）,所属地区\n"
                    "浙江示例资本药业有限公司,,存续,120000000,浙江省台州市椒江区\n"
                    "浙江示例美元药业有限公司,,存续,300万美元,浙江省台州市临海市\n", encoding="utf-8-sig")
    store = SQLiteStore(tmp_path / "kg.db")
    try:
        load_files(store, [path])
        caps = {e["name"]: (e.get("registered_capital"), e.get("capital_currency"))
                for e in store.find_nodes("Enterprise", limit=10)}
        assert caps["浙江示例资本药业有限公司"] == (12000.0, None)
        assert caps["浙江示例美元药业有限公司"] == (300.0, "美元")
    finally:
        store.close()


def test_a_plain_capital_that_reads_implausibly_large_is_a_warning(tmp_path):
    """Under a bare 注册资本 header a plain number is read in 万元 (the documented convention); a 公示系统 list's
    120000000 (元) then reads 12,000 亿元 — on the firm's profile. It is kept as read and reported as a warning
    naming the header that would say 元; an ordinary figure (5000) says nothing."""
    from etl.loader import load_files

    path = tmp_path / "公示系统示例.csv"
    path.write_text("企业名称,登记状态,注册资本,所属地区\n"
                    "浙江示例大数药业有限公司,存续,120000000,浙江省台州市椒江区\n"
                    "浙江示例常数药业有限公司,存续,5000,浙江省台州市临海市\n", encoding="utf-8-sig")
    store = SQLiteStore(tmp_path / "kg.db")
    try:
        rep = load_files(store, [path])
        warned = [w for w in rep.quarantined if w.field == "registered_capital"]
        assert all(not w.is_error for w in warned)
        assert len(warned) == 1 and warned[0].row == 2 and "注册资本（元）" in warned[0].reason
        assert len(store.find_nodes("Enterprise", limit=10)) == 2    # warned, not refused
    finally:
        store.close()
