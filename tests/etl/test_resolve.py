"""Entity resolution across files: merge rules, conflicts, order."""

from __future__ import annotations

from etl.readers import read_records
from etl.resolve import resolve
from etl.validate import enterprise_id, validate_enterprises
from ontology.models import Enterprise

A = "91331081MA2AAAAA10"


def _e(name, code=None, **kw):
    kw.setdefault("sources", ["x"])
    return Enterprise(id=enterprise_id(name, code, kw.get("stock_code")), name=name, credit_code=code, **kw)


def test_same_credit_code_merges_first_non_empty_wins():
    out = resolve([_e("示例企业A有限公司", A, revenue=10.0, tags=["上市"], sources=["a.csv"]),
                   _e("示例企业A股份公司", A, revenue=99.0, output=5.0, county="温岭", tags=["专精特新", "上市"],
                      sources=["b.csv"])])
    assert len(out) == 1
    e = out[0]
    assert (e.id, e.name, e.revenue, e.output, e.county) == (A, "示例企业A有限公司", 10.0, 5.0, "温岭")
    assert e.tags == ["上市", "专精特新"] and e.sources == ["a.csv", "b.csv"]


def test_name_match_where_one_side_has_no_code():
    out = resolve([_e("示例企业A有限责任公司", products=["水泵"], sources=["county.xlsx"]),
                   _e("示例企业A（有限公司）", stock_code="002126", sources=["listed.csv"]),
                   _e("示例企业A有限公司", A, products=["电机", "水泵"], sources=["survey.csv"])])
    assert len(out) == 1
    e = out[0]
    assert (e.id, e.credit_code, e.stock_code) == (A, A, "002126")
    assert e.products == ["水泵", "电机"] and e.sources == ["county.xlsx", "listed.csv", "survey.csv"]


def test_two_codeless_records_merge_by_name_and_keep_nm_id():
    out = resolve([_e("示例企业B有限公司", sources=["a"]), _e("示例企业B 有限责任公司", city="台州市", sources=["b"])])
    assert len(out) == 1 and out[0].id.startswith("nm-") and out[0].city == "台州市"


def test_conflicting_codes_for_one_name_stay_separate(code):
    b = code("91331002MA2CCCCC0")
    out = resolve([_e("示例企业A有限公司", A, sources=["a"]), _e("示例企业A有限公司", b, sources=["b"]),
                   _e("示例企业A有限公司", sources=["c"])])  # ambiguous: not guessed into either
    assert [e.id for e in out][:2] == [A, b] and len(out) == 3 and out[2].id.startswith("nm-")


def test_explicit_false_beats_default_true():
    out = resolve([_e("示例企业C有限公司", sources=["a"]), _e("示例企业C有限公司", local=False, sources=["b"])])
    assert out[0].local is False


def test_distinct_enterprises_keep_order():
    names = ["丙有限公司", "甲有限公司", "乙有限公司"]
    assert [e.name for e in resolve([_e(n) for n in names])] == names
    assert resolve([]) == []


def test_two_files_end_to_end(onto, tmp_path):
    f1, f2 = tmp_path / "county.csv", tmp_path / "listed.xlsx"
    f1.write_text("企业名称,所属区县,营业收入(万元),企业标签\n示例企业A有限责任公司,温岭,100,专精特新\n", encoding="gbk")
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["统一社会信用代码", "公司名称", "区县", "标签"])
    wb.active.append([A, "示例企业A有限公司", "温岭市", "上市"])
    wb.save(f2)
    ents = []
    for f in (f1, f2):
        good, bad = validate_enterprises(read_records(f, required=("name",)), onto, default_source=f.name)
        assert bad == []
        ents += good
    (e,) = resolve(ents)
    assert (e.id, e.name, e.county, e.revenue) == (A, "示例企业A有限责任公司", "温岭", 100.0)
    assert e.tags == ["专精特新", "上市"] and e.sources == ["county.csv", "listed.xlsx"]


def test_resolve_groups_gives_indices_in_first_appearance_order():
    ents = [_e("乙有限公司"), _e("示例企业A有限公司", A), _e("乙有限责任公司"), _e("示例企业A有限公司")]
    from etl.resolve import resolve_groups

    assert resolve_groups(ents) == [[0, 2], [1, 3]]
