"""The bad-input corpus through the real loader, on both stores: each file gets a clear outcome
(an InputError naming the file, or quarantine entries naming file, row and field) and the store
already holding the bundled data is left exactly as it was (same counts and checksum)."""

from __future__ import annotations

import io
import zipfile

import pytest

from chainkg.service import ChainKG
from chainkg.errors import InputError
from etl.loader import load_files
from etl.normalize import credit_code_check_char

GOOD = "91331081MA2A" + "AAAA1"
GOOD += credit_code_check_char(GOOD)
HEAD = "统一社会信用代码,企业名称,所属区县,营业收入(万元),成立日期,来源\n"


def _xlsx_bytes() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["企业名称", "所属区县"])
    wb.active.append(["甲企业有限公司", "温岭"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# name, file name, content (bytes), expected: "error" (regex) or list of quarantined (row, field)
CORPUS = [
    ("empty", "empty.csv", b"", ("error", "no data rows")),
    ("header only", "header.csv", HEAD.encode(), ("error", "no data rows")),
    ("missing name column", "noname.csv", "所属区县,来源\n温岭,x\n".encode(), ("error", "name")),
    ("binary named csv", "binary.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), ("error", r"\S")),
    ("truncated xlsx", "cut.xlsx", _xlsx_bytes()[:300], ("error", r"\S")),
    ("zip named xlsx without workbook", "fake.xlsx", (lambda b=io.BytesIO(): (zipfile.ZipFile(b, "w").close(), b.getvalue())[1])(),
     ("error", r"\S")),
    ("mixed encodings", "mixed.csv", HEAD.encode() + "甲企业有限公司,温岭\n".encode("utf-8") + "乙企业有限公司,温岭\n".encode("gbk"),
     ("error", r"\S")),
    ("malformed credit code", "badcode.csv", (HEAD + "91331081MA2AAAAA1,甲企业有限公司,温岭,1,2019-01-01,x\n").encode(),
     ("rows", [(2, "credit_code")])),
    ("unparseable number and date", "nums.csv", (HEAD + f"{GOOD},甲企业有限公司,温岭,很多,昨天,x\n").encode(),
     ("rows", [(2, "revenue"), (2, "founded")])),
    ("formula injection", "formula.csv", (HEAD + "=cmd|' /C calc'!A0,=HYPERLINK(\"x\"),温岭,1,2019-01-01,x\n").encode(),
     ("rows", [(2, "credit_code"), (2, "name")])),
    ("unknown county", "county.csv", (HEAD + f"{GOOD},甲企业有限公司,火星县,1,2019-01-01,x\n").encode(),
     ("rows", [(2, "county")])),
    ("ten megabyte field", "huge.csv", (HEAD + f"{GOOD},{'甲' * 5_000_000},温岭,1,2019-01-01,x\n").encode(),
     ("rows", [(2, "name")])),
]


@pytest.fixture
def loaded(store):
    ChainKG(store).load()
    return store


@pytest.mark.parametrize("name, fname, content, expected", CORPUS, ids=[c[0] for c in CORPUS])
def test_bad_file_outcome_and_store_unchanged(loaded, tmp_path, name, fname, content, expected):
    before = (loaded.counts(), loaded.checksum())
    path = tmp_path / fname
    path.write_bytes(content)
    kind, what = expected
    if kind == "error":
        with pytest.raises(InputError, match=what) as e:
            load_files(loaded, [path])
        assert fname in str(e.value)
    else:
        report = load_files(loaded, [path])
        got = sorted({(q.row, q.field) for q in report.quarantined})
        assert got == sorted(what), [q.as_dict() for q in report.quarantined]
        assert all(q.file == fname for q in report.quarantined)
        assert report.enterprises == 0
    assert (loaded.counts(), loaded.checksum()) == before


def test_injection_strings_in_text_are_stored_literally(loaded, tmp_path):
    evil = "'); MATCH (n) DETACH DELETE n //"
    path = tmp_path / "evil.csv"
    path.write_text(HEAD + f"{GOOD},\"{evil}有限公司\",温岭,1,2019-01-01,x\n"
                           + "1; DROP TABLE nodes; --,乙企业有限公司,温岭,1,2019-01-01,x\n", encoding="utf-8")
    nodes_before = loaded.counts()["nodes"]["Segment"]
    report = load_files(loaded, [path])
    assert [(q.row, q.field) for q in report.quarantined] == [(3, "credit_code")]
    assert "MATCH" in loaded.get_node("Enterprise", GOOD)["name"]  # stored as text (brackets normalised)
    assert loaded.counts()["nodes"]["Segment"] == nodes_before


def test_duplicate_credit_codes_become_one_enterprise_with_both_sources(loaded, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text(HEAD + f"{GOOD},甲企业有限责任公司,温岭,100,2019-01-01,名录A\n", encoding="gbk")
    b.write_text("统一社会信用代码,企业名称,企业标签,来源\n" + f"{GOOD},甲企业有限公司,专精特新,名录B\n", encoding="utf-8-sig")
    report = load_files(loaded, [a, b])
    assert report.enterprises == 1
    e = loaded.get_node("Enterprise", GOOD)
    assert e["sources"] == ["名录A", "名录B"] and e["tags"] == ["专精特新"] and e["revenue"] == 100.0
