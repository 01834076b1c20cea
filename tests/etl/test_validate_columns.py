"""Column-wise validation gives, row for row, what ``validate_fields`` gives: the same stored values,
the same errors and warnings (file, row, field, value, reason, level), on messy generated records
— values in the usual shapes and every near miss of those shapes, blanks, non-text values,
newlines inside cells, other amount units — in batches of several sizes."""

from __future__ import annotations

import random
import unicodedata

import pytest

from etl.held import packed_props
from etl.normalize import credit_code_check_char, display_name, normalize_credit_code, parse_amount, parse_date
from etl.validate import Memo, validate_fields
from etl.validate_columns import _CODE, _DATE, _DECIMAL, _NAME, BatchValidator
from ontology.loader import load_ontology


def _code(rng: random.Random, div: str = "331081") -> str:
    first = f"91{div}" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return first + credit_code_check_char(first)


NAMES = ["示例{}有限公司", "示例（集团）{}有限公司", "示例(集团){}有限公司", "示例 {} 有限公司", "ACME {} Ltd", "无", "暂无", "",
         "=示例{}", "示例\n{}公司", "ｍ示例{}公司", "示例{0}有限公司" * 20, "  示例{}  ", "示例·{}"]
AMOUNTS = ["12.5", "0", "1,200", "3亿元", "-5", "很多", "", "1e3", "9" * 400, "12.", ".5", " 7 ", "１２"]
DATES = ["2019-01-01", "2019-02-30", "1700-01-01", "2999-01-01", "2020/3/4", "20180101", "43803", "2019", "",
         "2019-1-1", "昨天", "2019-01-01 10:00"]
COUNTS = ["12", "1,200人", "1.0", "-3", "", "12.5", "007", "１２"]
COUNTIES = ["温岭", "椒江", "火星县", "", "温岭市", "杭州"]
CITIES = ["台州市", "", "杭州市", "北京"]


def _record(rng: random.Random, i: int) -> dict:
    code = rng.choice([_code(rng), _code(rng, "330100"), _code(rng).lower(), "91331081MA2AAAAA19", "",
                       _code(rng)[:9] + " " + _code(rng)[9:], "无"])
    rec = {"name": rng.choice(NAMES).format(i), "credit_code": code, "county": rng.choice(COUNTIES),
           "city": rng.choice(CITIES), "local": rng.choice(["是", "否", "", "也许"]),
           "products": rng.choice(["阀门;泵", "", "缝纫机、电机", "=cmd|x"]),
           "business_scope": rng.choice(["阀门制造", "", "泵销售；五金"]),
           "revenue": rng.choice(AMOUNTS), "output": rng.choice(AMOUNTS), "employees": rng.choice(COUNTS),
           "founded": rng.choice(DATES), "tags": rng.choice(["", "高新技术企业", "专精特新;上市", "单项冠军"]),
           "source": rng.choice(["", "名录A"]), "_file": "a.csv", "_row": i + 2}
    if rng.random() < 0.3:
        rec |= {"status": rng.choice(["存续", "注销", "飞走了", ""]),
                "registered_capital": rng.choice(["500万元人民币", "200万美元", "若干", ""]),
                "industry": rng.choice(["制造业>通用设备制造业", "", "=x", "F 批发和零售业>51 批发业", "2720-化学药品制剂制造"]),
                "industry_l1": rng.choice(["制造业", "", "C 制造业", "C2720", "51 化学药品制剂制造"]),
                "industry_code": rng.choice(["", "C3441", "", ""]), "insured": rng.choice(COUNTS),
                "stock_code": rng.choice(["002126.SZ", "", "??"]), "address": rng.choice(["浙江省台州市温岭市", ""])}
    if rng.random() < 0.1:
        rec["_unit.revenue"] = rng.choice(["元", "亿元", "万元"])
    if rng.random() < 0.05:
        rec[rng.choice(["revenue", "name", "employees"])] = rng.choice([12, None, 3.5])
    if rng.random() < 0.05:
        del rec[rng.choice(["credit_code", "founded", "county"])]
    return rec


def _q(entries) -> list[tuple]:
    return [(q.file, q.row, q.field, q.value, q.reason, q.level) for q in entries]


@pytest.mark.parametrize("batch", [1, 7, 256])
@pytest.mark.parametrize("clean", [False, True])
def test_batches_give_what_rows_give(batch, clean):
    onto = load_ontology()
    rng = random.Random(batch)
    if clean:  # the usual shapes only: the whole-column checks take every batch
        recs = [{"name": f"示例{i}有限公司", "credit_code": _code(rng), "revenue": f"{rng.random() * 1e4:.{rng.randint(0, 8)}f}",
                 "founded": f"{rng.randint(1950, 2024)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                 "employees": str(rng.randint(0, 5000)), "county": "温岭", "_file": "a.csv", "_row": i + 2}
                for i in range(600)]
    else:
        recs = [_record(rng, i) for i in range(1500)]
    memo = Memo(probe=50)
    want = []
    for rec in recs:
        fields, errors, warnings = validate_fields(rec, onto, default_source="a.csv", memo=memo)
        want.append((None if fields is None else packed_props(fields), _q(errors), _q(warnings)))
    validate = BatchValidator(onto, Memo(probe=50))
    got = []
    for i in range(0, len(recs), batch):
        got.extend((v, _q(e), _q(w)) for v, e, w in validate(recs[i:i + batch], default_source="a.csv"))
    assert got == want
    assert clean or sum(v is None for v, _, _ in want) > 100  # the corpus has many bad rows


def test_the_name_shape_is_nfkc_stable():
    """The name shape takes CJK ideographs U+4E00–U+9FFF as they are: NFKC leaves every one alone."""
    assert all(unicodedata.normalize("NFKC", chr(c)) == chr(c) for c in range(0x4E00, 0xA000))


def test_each_shape_implies_its_normaliser():
    rng = random.Random(5)
    for _ in range(3000):
        name = "".join(rng.choice("台州示例有限公司（）ABz09") for _ in range(rng.randint(1, 30)))
        if _NAME.fullmatch(name) and name not in ("无", "暂无"):
            assert display_name(name) == name
        code = _code(rng)
        assert _CODE.fullmatch(code) and normalize_credit_code(code) == code
        amount = f"{rng.randint(0, 10 ** rng.randint(1, 15))}.{rng.randint(0, 999999)}"
        assert _DECIMAL.fullmatch(amount) and parse_amount(amount) == round(float(amount), 6)
        day = f"{rng.randint(1800, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        assert _DATE.fullmatch(day) and parse_date(day) == day
