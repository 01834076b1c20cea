"""Field normalisers: credit codes, widths, names, amounts, dates, lists, booleans, formula guard."""

from __future__ import annotations

import pytest

from etl.normalize import (check_formula, clean_text, credit_code_check_char, display_name, halfwidth,
                           is_valid_credit_code, name_key, normalize_credit_code, parse_amount, parse_bool,
                           parse_date, parse_int, split_list)

INJECTIONS = ["=cmd|' /C calc'!A0", "＝cmd|' /C calc'!A0", "@SUM(A1:A2)", "+cmd|' /C notepad'!A1",
              "-2+3+cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "  =1+1"]
LITERAL = ["'); MATCH (n) DETACH DELETE n //", "1; DROP TABLE nodes; --", "Robert'); DROP TABLE students;--",
           "示例\"}) RETURN n //"]


# --- credit codes ---------------------------------------------------------------------------------

def test_check_char_matches_published_example():
    assert credit_code_check_char("91350100M000100Y4") == "3"  # 91350100M000100Y43, the GB 32100 example


def test_check_char_31_maps_to_zero(code):
    # find a body whose weighted sum is a multiple of 31 → check char '0'
    body = next(b for d in "0123456789ABCDEFGH" for b in [f"91331000MA2{d}BBBB0"]
                if credit_code_check_char(b) == "0")
    assert is_valid_credit_code(body + "0")


@pytest.mark.parametrize("raw", ["91350100M000100Y43", "91350100m000100y43", " 9135 0100-M000 100Y43 ",
                                 "９１３５０１００Ｍ０００１００Ｙ４３"])
def test_valid_credit_codes_normalise(raw):
    assert normalize_credit_code(raw) == "91350100M000100Y43"


@pytest.mark.parametrize("raw, reason", [
    ("91350100M000100Y4", "18 characters, got 17"),
    ("91350100M000100Y433", "18 characters, got 19"),
    ("91350100M000100Y44", "check character is '4', expected '3'"),
    ("91350100M000I00Y43", "invalid character"),
    ("91350100O000100Y43", "invalid character"),
    ("913501OOM000100Y43", "invalid character"),
    ("9135A100M000100Y43", "administrative division"),
    ("91350100M000100Y4!", "invalid character"),
])
def test_invalid_credit_codes(raw, reason):
    with pytest.raises(ValueError, match=reason):
        normalize_credit_code(raw)
    assert not is_valid_credit_code(raw)


def test_generated_codes_are_valid(code):
    c = code("91331081MA2AAAAA1")
    assert is_valid_credit_code(c) and c == "91331081MA2AAAAA10"


# --- text, names ------------------------------------------------------------------------------

def test_halfwidth():
    assert halfwidth("ＡＢＣ１２３（有限）　，") == "ABC123(有限) ,"


@pytest.mark.parametrize("value", INJECTIONS)
def test_formula_injection_is_refused(value):
    with pytest.raises(ValueError, match="formula"):
        check_formula(value)
    with pytest.raises(ValueError, match="formula"):
        clean_text(value)


@pytest.mark.parametrize("value", ["-5", "+86 576 1234", "@", "-", "2019-12-04", "A=B", "示例-1"])
def test_ordinary_values_are_not_formulas(value):
    check_formula(value)


@pytest.mark.parametrize("value", LITERAL)
def test_cypher_and_sql_fragments_are_just_text(value):
    assert clean_text(value) == value


def test_clean_text_rules():
    assert clean_text("  a \t b\n c ") == "a b c"
    assert clean_text("—") is None and clean_text("  ") is None and clean_text("N/A") is None
    with pytest.raises(ValueError, match="too long"):
        clean_text("x" * 11, max_len=10)
    with pytest.raises(ValueError, match="too long"):
        clean_text("x" * 10_000_000, max_len=10)
    with pytest.raises(ValueError, match="control"):
        clean_text("a\x07b")


def test_display_name_and_name_key():
    assert display_name(" 台州 示例(集团) 有限公司 ") == "台州示例（集团）有限公司"
    assert display_name("Example Motor Co., Ltd.") == "Example Motor Co., Ltd."
    assert display_name("ＡＢＣ示例有限公司") == "ABC示例有限公司"
    assert name_key("示例企业（台州）有限责任公司") == name_key("示例企业(台州) 有限公司") == "示例企业台州有限公司"
    assert name_key("ABC示例") == name_key("abc示例")
    assert name_key("示例股份有限公司") != name_key("示例有限公司")


# --- numbers, dates ---------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("120", 120.0), ("120.5", 120.5), ("1,234.5", 1234.5), ("1，234", 1234.0), ("１２３４", 1234.0),
    ("50000元", 5.0), ("3万元", 3.0), ("3万", 3.0), ("1.5亿元", 15000.0), ("2亿", 20000.0),
    ("1.2E+05", 120000.0), ("¥100万元", 100.0), ("", None), ("-", None), ("  ", None), ("0", 0.0),
])
def test_amounts(raw, expected):
    assert parse_amount(raw) == expected


def test_amount_column_unit():
    assert parse_amount("50000", default_unit="元") == 5.0
    assert parse_amount("2", default_unit="亿元") == 20000.0
    assert parse_amount("2万元", default_unit="元") == 2.0  # an explicit unit beats the column's


@pytest.mark.parametrize("raw", ["abc", "12abc", "1.2.3", "约100万", "100美元", "-5", "nan", "inf", "1e999",
                                 "=1+2", "100万元元"])
def test_bad_amounts(raw):
    with pytest.raises(ValueError):
        parse_amount(raw)


def test_ints():
    assert parse_int("1,200") == 1200 and parse_int("1200人") == 1200 and parse_int("３０") == 30
    assert parse_int("30.0") == 30 and parse_int("") is None
    for bad in ("30.5", "-3", "约30", "many"):
        with pytest.raises(ValueError):
            parse_int(bad)


@pytest.mark.parametrize("raw", ["2019-12-04", "2019/12/4", "2019.12.04", "20191204", "2019年12月4日",
                                 "2019年12月4", "43803", "43803.0", "2019-12-04 00:00:00", "2019-12-04T08:30",
                                 "２０１９－１２－０４"])
def test_dates(raw):
    assert parse_date(raw) == "2019-12-04"


@pytest.mark.parametrize("raw, reason", [
    ("2019-02-30", "not a real date"), ("2019", "year alone"), ("yesterday", "not a date"),
    ("12/04/2019", "not a date"), ("3019-01-01", "implausible year"), ("0", "not a date"),
    ("2019-13-01", "not a real date"),
])
def test_bad_dates(raw, reason):
    with pytest.raises(ValueError, match=reason):
        parse_date(raw)


# --- lists, booleans ----------------------------------------------------------------------------

def test_split_list():
    assert split_list("专精特新；上市,小巨人，隐形冠军、高新|专精特新") == ["专精特新", "上市", "小巨人", "隐形冠军", "高新"]
    assert split_list(" ; ;") == []
    with pytest.raises(ValueError, match="formula"):
        split_list("上市;=cmd|' /C calc'!A0")


def test_parse_bool():
    assert [parse_bool(v) for v in ("是", "否", "TRUE", "false", "1", "0", "Y", "本地", "外地", "")] == [
        True, False, True, False, True, False, True, True, False, None]
    with pytest.raises(ValueError):
        parse_bool("maybe")


def test_head_count_too_long_to_be_a_number_is_a_reason_not_a_crash():
    """400 digits overflow float: a ValueError with a reason (the row is quarantined), never OverflowError."""
    with pytest.raises(ValueError, match="not a finite number"):
        parse_int("9" * 400)
    assert parse_int("9" * 20) == int(float("9" * 20))
