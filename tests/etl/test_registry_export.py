"""A commercial-registry export (企查查/天眼查 style) end to end, and its parts: registered capital,
local-or-outside inference, identity conflicts, warnings in the quarantine report.

Every file is built here in tmp_path; every firm name is fictional (示例/测试).
"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
import yaml

from etl.conflicts import find_conflicts
from etl.loader import load_files
from etl.location import address_says, city_says, division_says, locate
from etl.normalize import credit_code_check_char, parse_capital
from etl.quarantine import LEVEL_HEADER, REPORT_HEADER, Quarantine, write_report
from etl.readers import read_records
from etl.validate import validate_enterprise
from graph.store.sqlite_store import SQLiteStore
from ontology.loader import Ontology
from ontology.models import County, Enterprise

POLICY = Path(__file__).resolve().parents[2] / "ontology" / "policy.yaml"


def cc(body: str) -> str:
    """A valid credit code from its first 17 characters."""
    return body + credit_code_check_char(body)


@pytest.fixture(scope="module")
def taizhou() -> Ontology:
    """The nine Taizhou counties with their division codes, as ontology/policy.yaml states them."""
    data = yaml.safe_load(POLICY.read_text(encoding="utf-8"))
    return Ontology(counties={c["id"]: County(**c) for c in data["counties"]})


# --- registered capital ---------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("5000万元人民币", (5000.0, "人民币")),
    ("200万美元", (200.0, "美元")),
    ("1,000万(元)", (1000.0, "人民币")),
    ("1，000万（元）", (1000.0, "人民币")),
    ("3000万人民币", (3000.0, "人民币")),
    ("50万港元", (50.0, "港元")),
    ("50万港币", (50.0, "港元")),
    ("100万欧元", (100.0, "欧元")),
    ("1.2亿元", (12000.0, "人民币")),
    ("人民币5000万元", (5000.0, "人民币")),
    ("1000000元", (100.0, "人民币")),
    ("５０００万元人民币", (5000.0, "人民币")),
    ("5000", (5000.0, None)),
    ("-", None),
    ("", None),
    ("——", None),
])
def test_parse_capital(raw, expected):
    assert parse_capital(raw) == expected


@pytest.mark.parametrize("raw", ["很多", "-100万", "100万1", "abc123", "5000万元人民币2"])
def test_parse_capital_refuses(raw):
    with pytest.raises(ValueError, match="registered capital"):
        parse_capital(raw)


# --- local or outside -----------------------------------------------------------------------------

def test_division_codes_come_from_policy(taizhou):
    codes = {c.short: c.division_codes for c in taizhou.counties.values()}
    assert codes == {"椒江": ["331002"], "黄岩": ["331003"], "路桥": ["331004"], "临海": ["331082"],
                     "温岭": ["331081"], "玉环": ["331083", "331021"], "天台": ["331023"], "仙居": ["331024"],
                     "三门": ["331022"]}


@pytest.mark.parametrize("kw, local, basis, county", [
    ({"local": True, "city": "台州市"}, True, "explicit", None),
    ({"city": "台州市", "county": "温岭市"}, True, "city", "温岭"),
    ({"city": "温岭市"}, True, "city", "温岭"),                     # a Taizhou county-level city as 城市: its county
    ({"city": "泰州市"}, False, "city", None),                       # 泰州 (Jiangsu) is not 台州
    ({"city": "宁波市", "county": "鄞州区"}, False, "city", "鄞州区"),  # outside: county kept as written
    ({"province": "江苏省"}, False, "city", None),
    ({"county": "玉环"}, True, "county", "玉环"),
    ({"credit_code": cc("91331081MA2AAAAA1")}, True, "credit_code", "温岭"),  # no 所属区县: the code's county
    ({"credit_code": cc("91331001MA2AAAAA1")}, True, "credit_code", None),   # 市辖区: Taizhou, no county
    ({"credit_code": cc("91330100MA2AAAAA1")}, False, "credit_code", None),
    ({"credit_code": cc("91110000MA2AAAAA1")}, False, "credit_code", None),  # another province's own bureau
    ({"address": "浙江省温岭市泽国镇示例路1号"}, True, "address", "温岭"),  # no 所属区县: the address's county
    ({"address": "三门县海游街道示例路2号"}, True, "address", "三门"),
    ({"address": "台州市椒江区示例路1号", "credit_code": cc("91331081MA2AAAAA1")}, True, "credit_code", "椒江"),
    ({"address": "杭州市西湖区台州路8号"}, False, "address", None),
    ({"mail_address": "宁波市鄞州区示例路3号"}, False, "address", None),
    ({"address": "浙江省新昌县羽林街道示例路800号"}, False, "address", None),  # a county outside Taizhou
    ({"address": "浙江省温州经济技术开发区示例路1号"}, False, "address", None),  # a city written without 市
    ({"address": "浙江省化学原料药基地临海园区示例大道1号"}, True, "address", "临海"),  # a zone of 临海
    ({"address": "浙江省温岭经济开发区示例路5号"}, True, "address", "温岭"),
    ({"city": "台州市", "address": "浙江省玉环县大麦屿街道示例路1号"}, True, "city", "玉环"),  # before 2017: 玉环县
])
def test_location_order_and_basis(taizhou, kw, local, basis, county):
    loc = locate(taizhou, **kw)
    assert (loc.local, loc.basis, loc.county) == (local, basis, county)
    assert [n for n in loc.notes if n.level == "error"] == []


@pytest.mark.parametrize("kw", [{}, {"credit_code": cc("91330000MA2AAAAA1")}, {"credit_code": cc("91100000MA2AAAAA1")},
                                {"province": "浙江省"}, {"city": "市辖区"}, {"address": "示例工业园区3号"},
                                {"address": "示例大道天台路18号"}])
def test_nothing_tells_the_location_is_a_warning_never_a_default(taizhou, kw):
    loc = locate(taizhou, **kw)
    assert (loc.local, loc.basis) == (None, None)
    assert [(n.level, n.field) for n in loc.notes] == [("warning", "local")]
    assert "location unknown" in loc.notes[0].reason


def test_short_county_names_inside_an_address_are_not_enough(taizhou):
    assert address_says("河南省三门峡市湖滨区", taizhou) is False       # a province outside 浙江
    assert address_says("示例路桥工程公司旁", taizhou) is None
    assert address_says("河南省三门峡经济开发区", taizhou) is False     # a zone word after 三门峡, not 三门
    assert address_says("示例大道临海园区1号", taizhou) is None        # a zone of 临海 only in a 浙江 address
    assert address_says("浙江省示例大道天台路18号", taizhou) is None     # 天台路 is a road, not the county
    assert address_says("台州湾新区示例路", taizhou) is True
    assert city_says("浙江省台州市") is True and city_says("浙江省") is None
    assert division_says("123") is None and division_says(None) is None


@pytest.mark.parametrize("kw, field", [
    ({"city": "台州市", "county": "温岭市", "credit_code": cc("91330100MA2AAAAA1")}, "credit_code"),
    ({"county": "温岭", "credit_code": cc("91320100MA2AAAAA1")}, "credit_code"),   # any non-33 code
    ({"local": True, "city": "杭州市"}, "city"),                                  # explicit flag vs city
    ({"local": False, "county": "温岭"}, "county"),
    ({"city": "杭州市", "county": "温岭市"}, "county"),
    ({"city": "台州市", "address": "杭州市西湖区示例路"}, "address"),
    ({"credit_code": cc("91331081MA2AAAAA1"), "city": "杭州市"}, "credit_code"),   # moved out of Taizhou
])
def test_contradictions_are_warnings(taizhou, kw, field):
    loc = locate(taizhou, **kw)
    assert [(n.level, n.field) for n in loc.notes] == [("warning", field)]
    assert "矛盾" in loc.notes[0].reason and "contradiction" in loc.notes[0].reason


def test_another_taizhou_county_in_the_code_is_silent(taizhou):
    loc = locate(taizhou, city="台州市", county="椒江区", credit_code=cc("91331081MA2AAAAA1"))  # moved within Taizhou
    assert (loc.local, loc.county, loc.notes) == (True, "椒江", [])


def test_unknown_county(taizhou):
    loc = locate(taizhou, city="台州市", county="台州湾新区")  # registry export: warning, county dropped
    assert (loc.local, loc.basis, loc.county) == (True, "city", None)
    assert [(n.level, n.field, n.value) for n in loc.notes] == [("warning", "county", "台州湾新区")]
    for kw in ({}, {"local": True}, {"credit_code": cc("91331081MA2AAAAA1")}):  # a typo in a user list: error
        loc = locate(taizhou, county="温玲", **kw)
        assert [(n.level, n.field) for n in loc.notes if n.level == "error"] == [("error", "county")]
    loc = locate(taizhou, county="鄞州区", credit_code=cc("91330212MA2AAAAA1"))  # outside by its code: kept
    assert (loc.local, loc.county, loc.notes) == (False, "鄞州区", [])


def test_a_functional_zone_as_county_is_worded_as_one(taizhou):
    """Review 39 F11: 所属区县「台州湾新区」 is a functional zone (功能区), not an administrative county; the warning says
    so (before: "不是台州的区县", which a Taizhou reader reads as wrong), the firm stays local, and the county comes
    from the address or the code where they give one. A zone named after a county is that county."""
    loc = locate(taizhou, city="台州市", county="台州湾新区")
    assert (loc.local, loc.county) == (True, None)
    (note,) = loc.notes
    assert note.level == "warning" and "功能区" in note.reason and "不是行政区县" in note.reason
    assert "不是台州的" not in note.reason and "functional zone" in note.reason
    loc = locate(taizhou, county="台州湾新区", address="浙江省台州市椒江区示例路2号")   # no city column: not an error
    assert (loc.local, loc.county) == (True, "椒江") and [n.level for n in loc.notes] == ["warning"]
    assert "按地址记为椒江" in loc.notes[0].reason
    loc = locate(taizhou, county="台州湾新区")                                          # the zone alone says 台州
    assert (loc.local, loc.basis, loc.county) == (True, "county", None)
    loc = locate(taizhou, city="台州市", county="温岭经济开发区")
    assert (loc.local, loc.county, loc.notes) == (True, "温岭", [])
    loc = locate(taizhou, city="宁波市", county="杭州湾新区")                           # outside: kept as written
    assert (loc.local, loc.county, loc.notes) == (False, "杭州湾新区", [])


def test_validate_stores_location_and_status_and_returns_warnings(taizhou):
    notes: list[Quarantine] = []
    rec = {"name": "测试阀门有限公司", "city": "台州市", "county": "温岭市", "credit_code": cc("91330100MA2AAAAA1"),
           "status": "存续", "tags": "国家级专精特新“小巨人”企业；上市", "_file": "e.csv", "_row": 9}
    e, problems = validate_enterprise(rec, taizhou, default_source="e.csv", warnings=notes)
    assert problems == [] and (e.local, e.local_basis, e.county, e.active) == (True, "city", "温岭", True)
    assert e.tags == ["专精特新小巨人", "上市"] and e.leading is True
    assert [(q.file, q.row, q.field, q.level) for q in notes] == [("e.csv", 9, "credit_code", "warning")]
    e, problems = validate_enterprise({"name": "甲", "status": "筹建中", "_file": "e.csv", "_row": 3}, taizhou,
                                      default_source="e.csv", warnings=notes)
    assert e is None and [(q.field, q.level) for q in problems] == [("status", "error")]
    assert "unknown registration status" in problems[0].reason


def test_validate_without_warnings_list_keeps_the_old_contract(taizhou):
    e, problems = validate_enterprise({"name": "示例企业有限公司", "_file": "e.csv", "_row": 2}, taizhou,
                                      default_source="e.csv")
    assert problems == [] and e.local is None and e.local_basis is None


# --- conflicts ------------------------------------------------------------------------------------

def _e(name, code=None):
    return Enterprise(id=code or "nm-x", name=name, credit_code=code, sources=["x"])


def test_conflicts_same_code_two_names_and_same_name_two_codes():
    a, b = cc("91331081MA2AAAAA1"), cc("91331002MA2BBBBB1")
    items = [(_e("示例甲有限公司", a), "a.csv", 2), (_e("示例乙有限公司", b), "a.csv", 3),
             (_e("示例甲有限责任公司", a), "a.csv", 4),    # same firm written twice: a merge, not a conflict
             (_e("示例丙有限公司", a), "a.csv", 5),        # (a) same code, another name
             (_e("示例乙（有限公司）", cc("91331082MA2CCCCC1")), "b.xlsx", 6),  # (b) same name, another code
             (_e("示例乙有限公司"), "b.xlsx", 7)]           # no code: never a conflict
    drop, q = find_conflicts(items)
    assert drop == {3, 4}
    assert [(x.file, x.row, x.field, x.level) for x in q] == [("a.csv", 5, "name", "error"),
                                                             ("b.xlsx", 6, "credit_code", "error")]
    assert q[0].reason == (f"同一信用代码 {a} 对应两个名称: 第 2 行「示例甲有限公司」与第 5 行「示例丙有限公司」; "
                           "保留第 2 行 / same credit code, two names; row 2 kept")
    assert "a.csv 第 3 行" in q[1].reason and "b.xlsx 第 6 行" in q[1].reason and b in q[1].reason
    assert q[1].reason.endswith("a.csv row 3 kept")
    assert find_conflicts([]) == (set(), [])


# --- quarantine levels and report -----------------------------------------------------------------

def test_quarantine_level_and_report_column(tmp_path):
    assert Quarantine("a.csv", 2, "name", "x", "bad").level == "error"  # positional construction unchanged
    with pytest.raises(ValueError, match="level"):
        Quarantine("a.csv", 2, "name", "x", "bad", "fatal")
    path = tmp_path / "q.csv"
    write_report([Quarantine("a.csv", 2, "name", "x", "bad"),
                  Quarantine("a.csv", 3, "local", "", "location unknown", level="warning")], path)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert tuple(rows[0]) == (*REPORT_HEADER, LEVEL_HEADER) and "级别" in rows[0][-1]
    assert [r[-1] for r in rows[1:]] == ["error", "warning"]


# --- a registry export end to end -------------------------------------------------------------------

HEADER = ["序号", "企业名称", "登记状态", "法定代表人", "注册资本", "成立日期", "统一社会信用代码", "所属省份", "所属城市",
          "所属区县", "参保人数", "国标行业门类", "国标行业大类", "国标行业中类", "国标行业小类", "企业地址", "经营范围"]
BANNER = [["企业数据导出（示例）"], ["导出时间：2025-06-30，共 11 条；数据仅供测试"]]
A, H, N = cc("91331081MA2AAAAA1"), cc("91330100MA2BBBBB1"), cc("91330212MA2CCCCC1")
J, K, P = cc("91331002MA2DDDDD1"), cc("91330100MA2EEEEE1"), cc("91330000MA2FFFFF1")
J2, T, X = cc("91331002MA2GGGGG1"), cc("91331001MA2HHHHH1"), cc("91331081MA2JJJJJ1")
SCOPE = "一般项目：泵及真空设备制造；电机制造（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。许可项目：货物进出口"
MFG = ["制造业", "通用设备制造业", "泵、阀门、压缩机及类似机械制造", "泵及真空设备制造"]
ROWS = [  # spreadsheet row 4 onwards (2 banner rows, header on row 3)
    [1, "示例泵业有限公司", "存续（在营、开业、在册）", "张某", "5000万元人民币", "2010-05-16", A, "浙江省", "台州市", "温岭市",
     "12人", *MFG, "浙江省温岭市泽国镇示例路1号", SCOPE],
    [2, "测试电机有限公司", "注销", "李某", "200万美元", "2008-01-02", H, "浙江省", "杭州市", "西湖区", "-",
     "制造业", "电气机械和器材制造业", "电机制造", "", "杭州市西湖区示例路2号", "电机制造"],
    [3, "示例模具有限公司", "吊销，未注销", "王某", "300万元人民币", "2012-03-04", N, "浙江省", "宁波市", "鄞州区", "0",
     "", "", "", "", "", "模具制造"],
    [4, "示例汽配有限公司", "迁出", "赵某", "1,000万(元)", "2015-07-08", J, "浙江省", "台州市", "椒江区", "5", "", "", "", "",
     "", "汽车零部件制造"],
    [5, "测试阀门有限公司", "存续", "钱某", "800万人民币", "2016-01-01", K, "浙江省", "台州市", "温岭市", "30",
     "", "", "", "", "浙江省温岭市城东街道示例路5号", "阀门制造"],                    # 330100 code, 温岭: warning
    [6, "示例塑料有限公司", "在业", "孙某", "50万港元", "2018-02-03", P, "", "", "", "-", "", "", "", "", "",
     "塑料制品制造"],                                                                 # nothing: local unknown
    [7, "测试另一名称有限公司", "存续", "周某", "100万元人民币", "2019-01-01", A, "浙江省", "台州市", "温岭市", "1",
     "", "", "", "", "", "泵制造"],                                                   # code of row 4: conflict
    [8, "示例汽配有限公司", "存续", "吴某", "100万元人民币", "2019-02-02", J2, "浙江省", "台州市", "椒江区", "1",
     "", "", "", "", "", "汽车零部件"],                                                # name of row 7: conflict
    [9, "示例泵业有限责任公司", "存续", "张某", "", "", A, "浙江省", "台州市", "温岭市", "", "", "", "", "", "",
     ""],                                                                             # row 4 again: a merge
    [10, "示例科技有限公司", "开业", "郑某", "100万欧元", "2020-09-09", T, "浙江省", "台州市", "台州湾新区", "",
     "", "", "", "", "", "软件开发"],                                                  # not a county: warning
    [11, "测试筹建有限公司", "筹建中", "冯某", "10万元人民币", "2021-01-01", X, "浙江省", "台州市", "温岭市", "",
     "", "", "", "", "", "泵"],                                                        # unknown status: error
]


def _write(tmp_path: Path, fmt: str) -> Path:
    if fmt == "csv":
        path = tmp_path / "企查查导出.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            for r in [*BANNER, HEADER, *ROWS]:
                w.writerow(r)
        return path
    path = tmp_path / "天眼查导出.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in [*BANNER, HEADER, *ROWS]:
        ws.append(r)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))  # a merged title banner
    wb.save(path)
    return path


def test_tab_separated_export_with_title_rows(tmp_path):
    path = tmp_path / "export.csv"  # the title rows have no separator; the header row decides
    path.write_text("企业数据导出（示例）\n导出时间：2025-06-30\n企业名称\t经营状态\t所属城市\t注册资本\n"
                    "示例甲有限公司\t存续\t台州市\t200万美元\n", encoding="utf-8")
    (rec,) = read_records(path, required=("name",))
    assert rec == {"name": "示例甲有限公司", "status": "存续", "city": "台州市", "registered_capital": "200万美元",
                   "_file": "export.csv", "_row": 4}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_registry_export_end_to_end(tmp_path, taizhou, fmt):
    path = _write(tmp_path, fmt)
    assert [r["_row"] for r in read_records(path, required=("name",))] == list(range(4, 15))
    store = SQLiteStore(":memory:")
    report = load_files(store, [path], ontology=taizhou)

    assert report.rows == 11 and report.enterprises == 7
    errors = [(q.row, q.field) for q in report.quarantined if q.level == "error"]
    warnings = [(q.row, q.field) for q in report.quarantined if q.level == "warning"]
    assert errors == [(14, "status"), (10, "name"), (11, "credit_code")]
    # 2: the banner's 导出时间 taken as the as-of date (review 40 C7); 12: row 4 again, merged
    assert warnings == [(2, "dataset.as_of"), (8, "credit_code"), (9, "local"), (13, "county"), (12, "row")]
    assert [d["as_of"] for d in store.find_nodes("Dataset", limit=5)] == ["2025-06-30"]
    assert all(q.file == path.name for q in report.quarantined)
    assert "quarantined_rows=3" in report.summary() and "warnings=5" in report.summary()
    by_row = {(q.row, q.field): q.reason for q in report.quarantined}
    assert "第 4 行「示例泵业有限公司」与第 10 行「测试另一名称有限公司」; 保留第 4 行" in by_row[(10, "name")]
    assert f"第 7 行 {J} 与第 11 行 {J2}; 保留第 7 行" in by_row[(11, "credit_code")]
    assert "row 7 kept" in by_row[(11, "credit_code")]

    def node(code):
        return store.get_node("Enterprise", code)

    pump = node(A)
    assert (pump["name"], pump["status"], pump["active"], pump["local"], pump["local_basis"], pump["county"]) == (
        "示例泵业有限公司", "存续（在营、开业、在册）", True, True, "city", "温岭")
    assert (pump["registered_capital"], pump["capital_currency"], pump["insured"], pump["industry"]) == (
        5000.0, "人民币", 12, MFG)
    assert (pump["province"], pump["city"], pump["address"], pump["founded"]) == (
        "浙江省", "台州市", "浙江省温岭市泽国镇示例路1号", "2010-05-16")
    # as the licence writes it (NFKC had made it 一般项目:泵及真空设备制造;…(除依法须经批准的项目外,…))
    assert pump["business_scope"] == SCOPE

    motor = node(H)
    assert (motor["status"], motor["active"], motor["local"], motor["local_basis"], motor["county"]) == (
        "注销", False, False, "city", "西湖区")
    assert (motor["registered_capital"], motor["capital_currency"], motor["industry"]) == (
        200.0, "美元", ["制造业", "电气机械和器材制造业", "电机制造"])
    assert "insured" not in motor

    mould = node(N)
    assert (mould["status"], mould["active"], mould["local"], mould["county"], mould["insured"]) == (
        "吊销，未注销", False, False, "鄞州区", 0)
    assert "industry" not in mould or mould["industry"] == []

    parts = node(J)
    assert (parts["name"], parts["status"], parts["active"], parts["local"], parts["county"]) == (
        "示例汽配有限公司", "迁出", False, True, "椒江")
    assert (parts["registered_capital"], parts["capital_currency"]) == (1000.0, "人民币")

    valve = node(K)  # the contradiction: loaded as local by its city, with a warning
    assert (valve["local"], valve["local_basis"], valve["county"], valve["active"]) == (True, "city", "温岭", True)

    plastic = node(P)  # nothing tells where it is
    assert plastic.get("local") is None and plastic.get("local_basis") is None and "county" not in plastic
    assert (plastic["status"], plastic["active"], plastic["registered_capital"], plastic["capital_currency"]) == (
        "在业", True, 50.0, "港元")

    tech = node(T)
    assert (tech["local"], tech["local_basis"], tech.get("county"), tech["capital_currency"]) == (
        True, "city", None, "欧元")

    for refused in (J2, X):
        assert node(refused) is None
    assert store.find_nodes("Enterprise", {"name": "测试另一名称有限公司"}) == []
    located = {r["src"]: r["dst"] for r in store.rels("LOCATED_IN")}
    assert located == {A: "wenling", J: "jiaojiang", K: "wenling"}


def test_title_section_and_footer_lines_are_notes_not_firms(tmp_path, taizhou):
    """An export's own lines between and after the rows (a section heading, a source footer) are
    reported as warnings and skipped — not refused as firms without a name, not loaded."""
    path = tmp_path / "登记导出.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in (["市场主体登记信息导出"], ["序号", "企业名称", "登记状态", "所属城市", "经营范围"],
              ["一、泵与电机"], [1, "示例泵业有限公司", "存续", "台州市", "泵及真空设备制造"],
              [None, None, None, "台州市", None],                       # one cell, not the first column
              [2, "示例电机有限公司", "注销", "杭州市", "电机制造"], [], ["数据来源：示例登记系统"]):
        ws.append(r)
    wb.save(path)
    report = load_files(SQLiteStore(":memory:"), [path], ontology=taizhou)
    notes = [(q.row, q.field, q.value, q.level) for q in report.quarantined if q.field == "row"]
    assert notes == [(3, "row", "一、泵与电机", "warning"), (8, "row", "数据来源：示例登记系统", "warning")]
    assert [(q.row, q.field, q.level) for q in report.quarantined if q.field != "row"] == [(5, "name", "error")]
    assert report.enterprises == 2 and report.rows == 3
    # without ``notes`` (every other reader) such a line is an ordinary record
    assert [r.get("_note") for r in read_records(path)] == [None] * 5


def test_a_labelled_footer_under_the_name_column_is_a_note(tmp_path, taizhou):
    """企查查 puts its source line in the first column, which is 企业名称 when the export has no 序号:
    a short label and a colon is no registered name, so it is a note — a lone name stays a firm
    missing its cells (refused later, never skipped)."""
    path = tmp_path / "企查查.csv"
    path.write_text("企业名称,登记状态,所属城市\n示例泵业有限公司,存续,台州市\n示例电机有限公司,,\n"
                    "数据来源：企查查（示例），导出时间：2025-06-30,,\n", encoding="utf-8")
    report = load_files(SQLiteStore(":memory:"), [path], ontology=taizhou)
    assert [(q.row, q.value) for q in report.quarantined if q.field == "row"] == [
        (4, "数据来源：企查查（示例），导出时间：2025-06-30")]
    assert report.enterprises == 2


# --- 国标行业 cells written "CODE NAME" (review 40 F1 cause 2) -------------------------------------------------------

CODED = [  # fictional firms of the review's shapes; the levels as GB/T 4754 tables print them
    ["台州示例进出口有限公司", cc("91331002MA2KKKKK1"), "F 批发和零售业", "51 批发业", "", "",
     "货物进出口；技术进出口；水泵、电机、缝纫机、汽车配件、医药中间体（不含危险化学品）批发。", ""],
    ["台州市黄岩示例制剂有限公司", cc("91331003MA2LLLLL1"), "C 制造业", "27 医药制造业", "272 化学药品制剂制造",
     "2720 化学药品制剂制造", "许可项目：药品生产（片剂、硬胶囊剂、颗粒剂）", "缬沙坦片、阿托伐他汀钙片"],
    ["台州示例旋梭有限公司", cc("91331081MA2MMMMM1"), "C", "35", "355", "C3553", "旋梭、梭芯、梭壳制造。", ""],
]


@pytest.mark.parametrize("fmt", ["csv", "csv with 所属地区"])
def test_coded_industry_levels_are_read_as_names_and_code(tmp_path, fmt):
    from ontology.loader import load_ontology
    path = tmp_path / "企查查导出.csv"
    extra = ["所属地区"] if "所属地区" in fmt else []  # 所属地区 sends the batch down the row path (etl.validate)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["企业名称", "统一社会信用代码", "国标行业门类", "国标行业大类", "国标行业中类", "国标行业小类", "经营范围", "主营产品",
                    "所属城市", *extra])
        for r in CODED:
            w.writerow([*r, "台州市", *(["浙江省台州市"] if extra else [])])
    store = SQLiteStore(":memory:")
    load_files(store, [path], ontology=load_ontology())
    trader, tablets, hooks = (store.get_node("Enterprise", r[1]) for r in CODED)
    assert (trader["industry"], trader["industry_code"]) == (["批发和零售业", "批发业"], "F51")
    assert (tablets["industry"], tablets["industry_code"]) == (["制造业", "医药制造业", "化学药品制剂制造"], "C2720")
    assert hooks.get("industry") in (None, []) and hooks["industry_code"] == "C3553"

    def placed(eid):
        return {r["dst"] for r in store.rels("IN_SEGMENT", src=eid)}
    assert placed(CODED[0][1]) == set()  # a wholesaler: no motor, sewing-machine or car-parts maker
    assert placed(CODED[1][1]) == {"pharma-oral-solid"}  # not 特色原料药 and 发酵类原料药 by 缬沙坦片、阿托伐他汀钙片
    assert placed(CODED[2][1]) == {"sewing-rotary-hook"}


def test_a_written_code_that_disagrees_with_its_name_is_a_warning_and_unused(taizhou):
    notes = []
    e, q = validate_enterprise({"name": "示例制剂有限公司", "industry_l1": "C 制造业", "industry_l4": "3553 化学药品制剂制造",
                                "_file": "a.csv", "_row": 5}, taizhou, default_source="a.csv", warnings=notes)
    assert q == [] and e.industry_code == "C" and e.industry == ["制造业", "化学药品制剂制造"]  # 3553 not taken
    (w,) = [w for w in notes if w.field.startswith("industry")]
    assert (w.file, w.row, w.field, w.level, w.value) == ("a.csv", 5, "industry_l1", "warning",
                                                          "C 制造业 / 3553 化学药品制剂制造")
    assert "代码与名称" in w.reason and "not used" in w.reason


def test_a_check_character_slip_loads_the_firm_without_its_code(tmp_path, taizhou):
    """Review 40 C6, through the loader's bulk path: the row with a wrong check character is loaded (no code
    stored, id from the name), and its quarantine line is a bilingual warning naming file, row and field."""
    good = cc("91331081MA2AAAAA1")
    bad = good[:17] + ("1" if good[17] != "1" else "2")
    path = tmp_path / "名录.csv"
    path.write_text(f"统一社会信用代码,企业名称,登记状态,所属城市,所属区县\n{good},示例甲泵业有限公司,存续,台州市,温岭市\n"
                    f"{bad},示例乙泵业有限公司,存续,台州市,温岭市\n", encoding="utf-8")
    store = SQLiteStore(":memory:")
    report = load_files(store, [path], ontology=taizhou)
    assert report.enterprises == 2
    [w] = [q for q in report.quarantined if q.field == "credit_code"]
    assert (w.file, w.row, w.value, w.level) == ("名录.csv", 3, bad, "warning")
    assert "校验位" in w.reason and "credit code check character" in w.reason
    _, firms = store.find_enterprises(q="示例乙")
    assert [(f["name"], f.get("credit_code"), f["id"][:3], f["county"]) for f in firms] == [
        ("示例乙泵业有限公司", None, "nm-", "温岭")]


def _export_with_banner(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in (["企查查 · 企业数据导出（示例）", None, None, None], ["搜索条件：所属地区：浙江省；国标行业：医药制造业；导出时间：2026-12-02", None, None, None],
              ["序号", "企业名称", "登记状态", "所属城市"], [1, "示例甲药业有限公司", "存续", "台州市"],
              [2, "示例乙药业有限公司", "存续", "杭州市"], ["共 2 条记录；数据来源：企查查（示例）"]):
        ws.append(r)
    ws.merge_cells("A1:D1")
    wb.save(path)
    return path


def test_the_export_date_and_region_of_a_condition_line_are_the_datasets(tmp_path, taizhou):
    """Review 40 C7: 导出时间 and 所属地区 in the 搜索条件 line above the header were skipped with it; the dataset read
    截止日期 — and 地区 未注明. Given no --as-of, the load takes both and says so (warnings naming the line)."""
    path = _export_with_banner(tmp_path / "名录.xlsx")
    store = SQLiteStore(":memory:")
    report = load_files(store, [path], ontology=taizhou)
    assert report.enterprises == 2
    [ds] = [d for d in store.find_nodes("Dataset", limit=10) if d["name"] == "名录.xlsx"]
    assert (ds["as_of"], ds["region"]) == ("2026-12-02", "浙江省")
    taken = [(q.row, q.field, q.value, q.level) for q in report.quarantined if q.field.startswith("dataset.")]
    assert taken == [(2, "dataset.as_of", "2026-12-02", "warning"), (2, "dataset.region", "浙江省", "warning")]
    assert not [q for q in report.quarantined if q.row in (1, 2) and q.field == "row"]  # title rows: no note line


def test_a_given_as_of_wins_over_the_files_date(tmp_path, taizhou):
    from etl.dataset import census_spec

    path = _export_with_banner(tmp_path / "名录.xlsx")
    store = SQLiteStore(":memory:")
    spec = census_spec("医药名录", as_of="2026-06-30", clusters=["pharma"])
    report = load_files(store, [path], ontology=taizhou, dataset=spec)
    [ds] = [d for d in store.find_nodes("Dataset", limit=10) if d["name"] == "医药名录"]
    assert (ds["as_of"], ds["region"]) == ("2026-06-30", "台州市")
    assert not [q for q in report.quarantined if q.field.startswith("dataset.")]
