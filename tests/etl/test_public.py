"""etl.public: ChainKnowledgeGraph directories and Tushare dumps, on both stores.

Fixture files are written to tmp_path in the real formats (JSON lines; pandas column maps), plus
one test on a Taizhou subset of the real shared data.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chainkg.service import ChainKG
from etl.public import load_public
from ontology.loader import load_ontology

ONTO = load_ontology()


def _jsonl(path: Path, rows: list) -> None:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                            for r in rows), encoding="utf-8")


def _columns(path: Path, rows: list[dict]) -> None:
    """pandas ``DataFrame.to_json()`` shape: {field: {index: value}}."""
    keys = list(dict.fromkeys(k for r in rows for k in r))
    path.write_text(json.dumps({k: {str(i): r.get(k) for i, r in enumerate(rows)} for k in keys},
                               ensure_ascii=False), encoding="utf-8")


def make_chainkg(root: Path) -> Path:
    d = root / "ckg"
    (d / "reconstructed_from_sovlookup_sql").mkdir(parents=True)
    _jsonl(d / "company.json", [
        {"name": "杰克股份", "fullname": "杰克科技股份有限公司", "code": "603337.SH", "location": "上交所", "time": "2017-01-19"},
        {"name": "华海药业", "fullname": "浙江华海药业股份有限公司", "code": "600521", "location": "上交所", "time": "2003-03-04"},
        {"name": "某电机", "fullname": "某电机股份有限公司", "code": "002000", "location": "深交所", "time": "2010-01-01"},
        {"name": "错码", "fullname": "错码有限公司", "code": "12AB", "location": "深交所"},           # row 4: bad code
        {"name": "杰克重复", "fullname": "另一家公司", "code": "603337", "location": "上交所"},      # row 5: dup code
        "{not json",                                                                                  # row 6
    ])
    _jsonl(d / "industry.json", [{"code": "640000", "name": "机械设备"}, {"code": "640100", "name": "通用设备"},
                                 {"code": "370000", "name": "医药生物"}])
    _jsonl(d / "industry_industry.json", [
        {"from_code": "640100", "from_industry": "通用设备", "rel": "上级行业", "to_code": "640000", "to_industry": "机械设备"},
        {"from_code": "999999", "from_industry": "?", "rel": "上级行业", "to_code": "640000", "to_industry": "机械设备"}])
    _jsonl(d / "company_industry.json", [
        {"company_code": "603337.SH", "industry_code": "640100", "industry_name": "通用设备", "company_name": "杰克股份"},
        {"company_code": "600521.SH", "industry_code": "370000", "industry_name": "医药生物", "company_name": "华海药业"},
        {"company_code": "300999.SZ", "industry_code": "370000", "industry_name": "医药生物", "company_name": "无"}])
    _jsonl(d / "product.json", [{"name": n} for n in ("工业缝纫机", "不锈钢", "原料药", "缝纫机", "=cmd|x")])
    _jsonl(d / "reconstructed_from_sovlookup_sql" / "company_product.jsonl", [
        {"company_code": "603337.SH", "product_name": "工业缝纫机", "rel_weight": 0.87, "rel": "主营产品"},
        {"company_code": "603337.SH", "product_name": "物业服务", "rel_weight": 0.02, "rel": "主营产品"},
        {"company_code": "600521.SH", "product_name": "原料药", "rel_weight": 0.6, "rel": "主营产品"},
        {"company_code": "002000.SZ", "product_name": "潜水泵", "rel_weight": 0.05, "rel": "主营产品"},
        {"company_code": "002000.SZ", "product_name": "房地产", "rel_weight": 0.95, "rel": "主营产品"},
        {"company_code": "603337.SH", "product_name": "工业缝纫机", "rel_weight": "many", "rel": "主营产品"}])
    _jsonl(d / "reconstructed_from_sovlookup_sql" / "product_product.jsonl", [
        {"from_entity": "工业缝纫机", "rel": "上游材料", "to_entity": "不锈钢"},
        {"from_entity": "缝纫机", "rel": "产品小类", "to_entity": "工业缝纫机"},
        {"from_entity": "原料药", "rel": "下游产品", "to_entity": "制剂"},
        {"from_entity": "原料药", "rel": "朋友", "to_entity": "制剂"},
        {"from_entity": "不锈钢", "rel": "上游材料", "to_entity": "不锈钢"}])
    return d


def make_tushare(root: Path) -> Path:
    d = root / "ts"
    d.mkdir()
    _columns(d / "stock_company.json", [
        {"ts_code": "603337.SH", "province": "浙江", "city": "台州市", "employees": 5000.0, "setup_date": "20030926"},
        {"ts_code": "600521.SH", "province": "浙江", "city": "台州市", "employees": 7000.0, "setup_date": "20010228"},
        {"ts_code": "002000.SZ", "province": "广东", "city": "深圳市", "employees": None, "setup_date": None},
        {"ts_code": "688000.SH", "province": "上海", "city": "上海市"},        # row 4: not in stock_basic
        {"ts_code": "bad", "province": "上海", "city": "上海市"}])              # row 5
    _columns(d / "stock_basic.json", [
        {"ts_code": "603337.SH", "symbol": "603337", "name": "杰克股份", "area": "浙江", "industry": "纺织机械"},
        {"ts_code": "600521.SH", "symbol": "600521", "name": "华海药业", "area": "浙江", "industry": "化学制药"},
        {"ts_code": "002000.SZ", "symbol": "002000", "name": "某电机", "area": "广东", "industry": "电气设备"}])
    return d


def test_chainkg_format(store, tmp_path):
    ckg, ts = make_chainkg(tmp_path), make_tushare(tmp_path)
    report = load_public(store, [ckg, ts / "stock_company.json"], fmt="chainkg", ontology=ONTO)
    assert report.enterprises == 3 and report.industries == 3
    jack = store.get_node("Enterprise", "sc-603337.SH")
    assert jack["name"] == "杰克科技股份有限公司" and jack["local"] is True and jack["city"] == "台州市"
    assert jack["products"] == ["工业缝纫机", "物业服务"] and len(jack["sources"]) == 2
    motor = store.get_node("Enterprise", "sc-002000.SZ")
    assert motor["local"] is False and motor["city"] == "深圳市"
    seg = store.rels("IN_SEGMENT", src="sc-603337.SH")
    assert [r["dst"] for r in seg] == ["sewing-industrial-machines"]
    assert seg[0]["props"]["confidence"] >= 0.3 and "工业缝纫机(0.87)" in seg[0]["props"]["evidence"]
    assert store.rels("IN_SEGMENT", src="sc-002000.SZ") == []  # 5 % in pumps is below the threshold
    makes = {r["dst"]: r["props"]["weight"] for r in store.rels("MAKES", src="sc-603337.SH")}
    assert makes == {"prod-工业缝纫机": 0.87, "prod-物业服务": 0.02}
    assert [(r["src"], r["dst"]) for r in store.rels("UPSTREAM_OF")] == [
        ("prod-不锈钢", "prod-工业缝纫机"), ("prod-原料药", "prod-制剂")]
    assert [(r["src"], r["dst"]) for r in store.rels("SUBTYPE_OF")] == [("prod-工业缝纫机", "prod-缝纫机")]
    assert [(r["src"], r["dst"]) for r in store.rels("SUBINDUSTRY_OF")] == [("sw-640100", "sw-640000")]
    assert [r["dst"] for r in store.rels("IN_INDUSTRY", src="sc-603337.SH")] == ["sw-640100"]
    assert store.get_node("Product", "prod-制剂")["name"] == "制剂"  # named only by a relation
    bad = {(q.file, q.row, q.field) for q in report.quarantined}
    assert bad == {("company.json", 4, "code"), ("company.json", 5, "code"), ("company.json", 6, "_json"),
                   ("industry_industry.json", 2, "from_code"), ("company_industry.json", 3, "company_code"),
                   ("product.json", 5, "name"), ("company_product.jsonl", 6, "rel_weight"),
                   ("product_product.jsonl", 4, "rel"), ("product_product.jsonl", 5, "to_entity"),
                   ("stock_company.json", 5, "ts_code")}


def test_chainkg_reload_is_idempotent(store, tmp_path):
    ckg, ts = make_chainkg(tmp_path), make_tushare(tmp_path)
    ChainKG(store).load([ckg, ts], fmt="chainkg")
    first = ChainKG(store).stats()
    ChainKG(store).load([ckg, ts], fmt="chainkg")
    assert ChainKG(store).stats() == first


def test_chainkg_without_city_is_outside_but_keeps_known_local(store, tmp_path):
    ckg = make_chainkg(tmp_path)
    ChainKG(store).load([ckg], fmt="chainkg")
    assert store.get_node("Enterprise", "sc-603337.SH")["local"] is False
    assert "city" not in store.get_node("Enterprise", "sc-603337.SH")
    store.clear()
    ChainKG(store).load()  # bundled Taizhou data: 杰克 is a local firm (台州市), stored under its credit code
    bundled = store.find_nodes("Enterprise", {"stock_code": "603337.SH"})[0]
    assert bundled["local"] is True
    links = store.rels("IN_SEGMENT", src=bundled["id"])
    ChainKG(store).load([ckg], fmt="chainkg")
    assert store.get_node("Enterprise", "sc-603337.SH") is None          # no duplicate under the stock code
    jack = store.get_node("Enterprise", bundled["id"])
    assert jack["local"] is True and jack["city"] == bundled["city"] == "台州市"
    assert jack["name"] == bundled["name"] and set(bundled["sources"]) <= set(jack["sources"])
    assert store.rels("IN_SEGMENT", src=bundled["id"]) == links        # curated placement kept


def test_a_renamed_listed_firm_in_an_export_is_the_stored_one_by_its_stock_code(store, tmp_path):
    """An export row under a firm's former name (杰克缝纫机, now 杰克科技) with its stock code written
    without the exchange is the bundled firm — not a second local firm of its segment and county."""
    ChainKG(store).load()
    [jack] = store.find_nodes("Enterprise", {"stock_code": "603337.SH"})
    firms = len(store.find_nodes("Enterprise", limit=100_000))
    path = tmp_path / "export.csv"
    path.write_text("企业名称,股票代码,登记状态,所属地区,经营范围\n"
                    "杰克缝纫机股份有限公司,603337,存续,浙江省台州市椒江区,一般项目：缝制机械制造。\n"
                    "示例泵业有限公司,,存续,浙江省台州市温岭市,一般项目：水泵制造。\n", encoding="utf-8")
    ChainKG(store).load([path])
    assert len(store.find_nodes("Enterprise", limit=100_000)) == firms + 1   # only the 示例 firm is new
    assert store.find_nodes("Enterprise", {"stock_code": "603337"}) == []
    merged = store.get_node("Enterprise", jack["id"])
    assert set(jack["sources"]) < set(merged["sources"]) and merged["stock_code"] == "603337.SH"


def test_tushare_format(store, tmp_path):
    ts = make_tushare(tmp_path)
    report = load_public(store, [ts], fmt="tushare", ontology=ONTO)
    assert report.enterprises == 3
    hh = store.get_node("Enterprise", "sc-600521.SH")
    assert hh["local"] is True and hh["name"] == "华海药业" and hh["employees"] == 7000 and hh["founded"] == "2001-02-28"
    assert store.get_node("Enterprise", "sc-002000.SZ")["local"] is False
    assert {q.row: q.field for q in report.quarantined} == {4: "ts_code", 5: "ts_code"}
    assert all(r["props"]["confidence"] >= 0.3 for r in store.rels("IN_SEGMENT"))
    first = ChainKG(store).stats()
    load_public(store, [ts], fmt="tushare", ontology=ONTO)
    assert ChainKG(store).stats() == first


@pytest.mark.parametrize("fmt", ["tushare", "chainkg"])
def test_public_data_finds_a_firm_an_export_stored_with_a_bare_stock_code(store, tmp_path, fmt):
    """One stock-code rule for every load (etl.stored): the export's ``603337`` is the firm a public row
    ``603337.SH`` names — updated under its own id and name, not stored a second time as ``sc-603337.SH``."""
    path = tmp_path / "export.csv"
    path.write_text("企业名称,股票代码,登记状态,所属地区,经营范围\n"
                    "示例缝纫机股份有限公司,603337,存续,浙江省台州市椒江区,一般项目：缝制机械制造。\n", encoding="utf-8")
    ChainKG(store).load([path])
    [mine] = store.find_nodes("Enterprise", {"stock_code": "603337"})
    links = store.rels("IN_SEGMENT", src=mine["id"])
    data = [make_tushare(tmp_path)] if fmt == "tushare" else [make_chainkg(tmp_path)]
    load_public(store, data, fmt=fmt, ontology=ONTO)
    assert store.get_node("Enterprise", "sc-603337.SH") is None
    merged = store.get_node("Enterprise", mine["id"])
    assert merged["name"] == "示例缝纫机股份有限公司" and merged["local"] is True
    assert set(mine["sources"]) < set(merged["sources"])
    assert store.rels("IN_SEGMENT", src=mine["id"]) == links  # the export's placement is kept
    if fmt == "tushare":
        assert merged["employees"] == 5000  # a field the export lacked


def test_failed_public_load_leaves_store_untouched(store, tmp_path):
    ckg = make_chainkg(tmp_path)
    ChainKG(store).load()
    before = ChainKG(store).stats()
    calls = []

    def boom(n: int) -> None:
        calls.append(n)
        if len(calls) == 4:
            raise RuntimeError("injected")

    with pytest.raises(Exception):
        load_public(store, [ckg], fmt="chainkg", ontology=ONTO, progress=boom)
    assert ChainKG(store).stats() == before


def test_unknown_format_and_missing_files(tmp_path):
    from chainkg.errors import InputError
    from graph.store.sqlite_store import SQLiteStore

    s = SQLiteStore(":memory:")
    with pytest.raises(InputError):
        load_public(s, [tmp_path], fmt="chainkg", ontology=ONTO)
    with pytest.raises(InputError):
        load_public(s, [tmp_path / "nope"], fmt="tushare", ontology=ONTO)
    with pytest.raises(InputError):
        load_public(s, [tmp_path], fmt="xml", ontology=ONTO)


def test_real_shared_data_taizhou_subset(store, tmp_path, shared_dir):
    """Real data: all Tushare firms, and the ChainKnowledgeGraph rows of Taizhou-located ones."""
    ts_dir = shared_dir / "data" / "tushare-dump-wp19991"
    ckg_dir = shared_dir / "data" / "chainkg-liuhuanyong"
    city = json.loads((ts_dir / "stock_company.json").read_text(encoding="utf-8"))
    tz = {city["ts_code"][i][:6] for i, c in city["city"].items() if c == "台州市"}
    sub = tmp_path / "ckg"
    sub.mkdir()
    for name, key in (("company.json", "code"), ("company_industry.json", "company_code"),
                      ("reconstructed_from_sovlookup_sql/company_product.jsonl", "company_code")):
        lines = [ln for ln in (ckg_dir / name).read_text(encoding="utf-8").splitlines()
                 if ln.strip() and str(json.loads(ln).get(key, ""))[:6] in tz]
        (sub / Path(name).name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name in ("industry.json", "industry_industry.json"):
        (sub / name).write_text((ckg_dir / name).read_text(encoding="utf-8"), encoding="utf-8")
    report = load_public(store, [sub, ts_dir / "stock_company.json"], fmt="chainkg", ontology=ONTO)
    assert report.enterprises >= 50 and report.relations["MAKES"] > 300
    jack = store.get_node("Enterprise", "sc-603337.SH")
    assert jack["local"] is True
    assert "sewing-industrial-machines" in {r["dst"] for r in store.rels("IN_SEGMENT", src="sc-603337.SH")}
    local = store.find_nodes("Enterprise", {"local": True}, limit=10_000)
    assert len(local) == report.enterprises  # every firm of the subset is in 台州市
    ts_report = load_public(store, [ts_dir], fmt="tushare", ontology=ONTO)
    assert ts_report.enterprises > 5000
    assert len(store.find_nodes("Enterprise", {"local": True}, limit=10_000)) >= 60
