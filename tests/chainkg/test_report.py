"""产业链招商分析报告: Word, PDF and Excel from the service, the CLI and the API, on the embedded store.

Two stores: the bundled data only (listed firms — the data cannot tell, so the report lists the data
to collect) and the bundled data plus a census of the 智能马桶 cluster (real verdicts and 招商 targets).
"""

from __future__ import annotations

import os

import io
import re

import pytest

from tests.conftest import require_or_skip
from typer.testing import CliRunner

from chainkg import report
from chainkg.report_fonts import FontMissing, find_cjk_font
from chainkg.report_xlsx import Notes, workbook
from chainkg.service import ChainKG

MALICIOUS = ["=HYPERLINK(\"http://x\",\"点我\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    from graph.store.sqlite_store import SQLiteStore

    path = tmp_path_factory.mktemp("report") / "kg.db"
    s = SQLiteStore(path)
    ChainKG(s).load()
    yield s, str(path)
    s.close()


@pytest.fixture(scope="module")
def census(tmp_path_factory):
    from test_census_flow import registry_export

    from etl.dataset import census_spec
    from graph.store.sqlite_store import SQLiteStore

    tmp = tmp_path_factory.mktemp("census")
    s = SQLiteStore(tmp / "kg.db")
    kg = ChainKG(s)
    kg.load()
    spec = census_spec("台州市智能马桶企业名录（2026）", as_of="2026-11-30", clusters=["smart-toilet"])
    kg.load([registry_export(tmp)], dataset=spec)
    yield s
    s.close()


@pytest.fixture(scope="module")
def pump(bundled):
    return report.build(ChainKG(bundled[0]), "pump-motor")


@pytest.fixture(scope="module")
def toilet(census):
    return report.build(ChainKG(census), "smart-toilet")


def _docx_text(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def test_docx_has_the_cluster_its_basis_verdicts_and_the_chain_picture(pump):
    from docx import Document

    data = report.render(pump, "docx")
    text = _docx_text(data)
    assert "台州市泵与电机产业链招商分析报告" in text
    assert "上市公司及样本口径" in text and "2024-05" in text               # the 口径 and the data's date
    assert "未发现（上市公司及样本口径）" in text and "已有（上市公司及样本口径）" in text  # verdict words with their 口径
    assert "需要补充或核实的数据" in text and "规上工业企业" in text     # not adequate: the data to collect
    assert "卡脖子技术" in text and "重点技术攻关项目" in text and "来源" in text
    assert len(Document(io.BytesIO(data)).inline_shapes) == 1          # the chain picture


def test_plain_language_names_not_ids_whole_scores(pump, toilet):
    for rep in (pump, toilet):
        text = _docx_text(report.render(rep, "docx"))
        for raw in ("coverage_gain", "concentration_drop", "dominator_relief", "relatedness", "pump-motor-",
                    "smart-toilet-", "tech-", "kind", "unknown", "single_point", "chainkg load"):
            assert raw not in text, raw
        gaps = next(t for t in rep.tables() if t.sheet == "环节判定")
        strength = gaps.columns.index("强度")
        assert all(re.fullmatch(r"\d{1,3}|—", str(r[strength])) and (r[strength] == "—" or int(r[strength]) <= 100)
                   for r in gaps.rows)
        for t in rep.tables():
            for col in ("得分", "推荐得分"):
                if col in t.columns:
                    j = t.columns.index(col)
                    assert all(re.fullmatch(r"\d{1,3}", str(r[j])) for r in t.rows), (t.sheet, col)


def test_census_report_lists_targets_with_reasons(toilet):
    targets = next(t for t in toilet.tables() if t.sheet == "招商目标")
    assert targets.rows and {r[1] for r in targets.rows} <= {"缺失", "单点依赖", "薄弱"}
    why = targets.columns.index("推荐理由")
    assert all(len(r[why]) > 10 for r in targets.rows)
    text = _docx_text(report.render(toilet, "docx"))
    assert "缺失（集群名录口径）" in text and "台州市智能马桶企业名录（2026）" in text and "2026-11-30" in text


def test_the_dataset_table_says_what_a_census_firms_are(toilet):
    """The 数据口径 table put 企业总数 beside 本集群本地企业 and nothing between: a 台州市 census of 19
    firms with 8 local ones left the reader to guess where 11 went (泰州, 余姚, cancelled). It says the
    composition, as the overview does."""
    table = next(t for t in toilet.tables() if t.sheet == "数据口径")
    j, total = table.columns.index("构成"), table.columns.index("企业总数")
    census = next(r for r in table.rows if r[0] == "台州市智能马桶企业名录（2026）")
    parts = re.findall(r"(\S+) (\d+)", census[j])
    assert parts and parts[0][0] == "台州本地在营" and sum(int(n) for _, n in parts) == census[total]
    assert any(label in census[j] for label in ("外地", "已注销/吊销/迁出等")), census[j]


def test_the_overview_names_the_worst_segments_without_brackets_in_brackets(toilet):
    """It read 汽车基础材料（缺失（集群名录口径））: a verdict already carries its 口径 in brackets."""
    text = _docx_text(report.render(toilet, "docx"))
    line = next(p for p in text.splitlines() if p.startswith("最需要补链、强链的环节"))
    assert "「" in line and "）」" not in line and not re.search(r"（[^（）]*（", line), line


def test_a_cluster_report_names_no_census_of_another_cluster(census, toilet):
    """The 智能马桶 census is about that cluster: the 泵与电机 report on the same store does not list it
    (its tables, sources or text), while the 智能马桶 report does; the listed-firms census (all clusters) is in both."""
    pump_census = report.build(ChainKG(census), "pump-motor")
    for rep, named in ((pump_census, False), (toilet, True)):
        text = _docx_text(report.render(rep, "docx"))
        assert ("台州市智能马桶企业名录（2026）" in text) is named
        assert "A股上市公司（台州注册）" in text
        assert any("智能马桶企业名录" in s for s in rep.sources) is named


def test_pdf_starts_with_pdf_and_has_pages(pump):
    try:
        find_cjk_font()
    except FontMissing as e:  # required in CI (scripts/test.sh installs fonts-noto-cjk)
        require_or_skip(str(e), os.environ.get("CHAINKG_REQUIRE_NEO4J") == "1")
    data = report.render(pump, "pdf")
    assert data.startswith(b"%PDF")
    assert _pdf_pages(data) >= 2
    assert b"/FontFile" in data  # the CJK font is embedded (subset)


def test_xlsx_every_table_formatted_with_notes(pump):
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(report.render(pump, "xlsx")))
    assert wb.sheetnames[-1] == "说明" and "环节判定" in wb.sheetnames and "待补数据" in wb.sheetnames
    for ws in wb.worksheets[:-1]:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
        assert ws.column_dimensions["A"].width >= 6
    notes = " ".join(str(c.value) for row in wb["说明"].iter_rows() for c in row if c.value)
    assert "上市公司及样本口径" in notes and "2024-05" in notes and "来源" in notes and "数据截至" in notes


def test_xlsx_scores_and_strengths_are_numbers(toilet):
    """强度, 得分 and 推荐得分 were written as text ('13'): Excel flagged every cell "number stored as
    text" and sorted 100 before 13. A measured figure is a number cell; only the unmeasured "—" is text."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(report.render(toilet, "xlsx")))
    seen = 0
    for ws in wb.worksheets[:-1]:
        header = [c.value for c in ws[1]]
        for col in ("强度", "得分", "推荐得分"):
            if col not in header:
                continue
            for (cell,) in ws.iter_rows(min_row=2, min_col=header.index(col) + 1, max_col=header.index(col) + 1):
                assert isinstance(cell.value, int) or cell.value == "—", (ws.title, col, cell.value)
                seen += isinstance(cell.value, int)
    assert seen > 10


def test_formula_escaping_of_a_malicious_firm_name(pump):
    from openpyxl import load_workbook

    table = next(t for t in pump.tables() if t.sheet == "环节判定")
    table.rows.insert(0, [MALICIOUS[0], "上游", "缺失", "0", 0, MALICIOUS[1], MALICIOUS[2]])
    try:
        ws = load_workbook(io.BytesIO(report.render(pump, "xlsx")))["环节判定"]
        assert ws["A2"].value == "'" + MALICIOUS[0] and ws["F2"].value == "'" + MALICIOUS[1]
        assert ws["G2"].value == "'-2+3" and ws["A2"].data_type == "s"
        assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)
    finally:
        table.rows.pop(0)
    data = workbook({"企业": (["名称", "得分", "注册资本"], [[m, 90, -5.5] for m in MALICIOUS])},
                    Notes(title="t", source="s", basis="b", as_of="2026-11"))
    ws = load_workbook(io.BytesIO(data))["企业"]
    assert [ws.cell(row=i + 2, column=1).value for i in range(len(MALICIOUS))] == ["'" + m for m in MALICIOUS]
    assert ws["B2"].value == 90 and ws["C2"].value == -5.5  # numbers stay numbers


def test_quarantine_and_csv_share_the_one_rule():
    from api.http import csv_cell
    from etl.normalize import safe_cell

    for m in MALICIOUS:
        assert safe_cell(m) == csv_cell(m) == "'" + m


def test_font_discovery_fails_clearly(monkeypatch, tmp_path):
    bogus = tmp_path / "not-a-font.ttf"
    bogus.write_bytes(b"nope")
    with pytest.raises(FontMissing, match="CHAINKG_CJK_FONT"):
        find_cjk_font(str(bogus))


def test_unknown_cluster_and_format(bundled):
    from chainkg.errors import InputError, NotFoundError

    with pytest.raises(NotFoundError):
        report.report_file(ChainKG(bundled[0]), "no-such-cluster", "docx")
    with pytest.raises(InputError):
        report.report_file(ChainKG(bundled[0]), "auto", "odt")


def test_cli_report_writes_the_file(bundled, tmp_path):
    from chainkg.cli import app

    runner = CliRunner()
    out = tmp_path / "泵与电机.xlsx"
    r = runner.invoke(app, ["report", "--store", bundled[1], "--cluster", "pump-motor", "--format", "xlsx", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_bytes()[:2] == b"PK"
    r = runner.invoke(app, ["report", "--store", bundled[1], "--cluster", "pump-motor", "--format", "odt"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["report", "--store", bundled[1], "--cluster", "nope", "--format", "xlsx", "-o", str(out)])
    assert r.exit_code == 1 and "unknown cluster" in r.output


def test_api_returns_each_format(bundled):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.deps import get_settings, get_store
    from chainkg.settings import Settings

    settings = Settings(api_token="test-token-123-abcdef", dev_mode=False)
    app = create_app(settings)
    app.dependency_overrides[get_store] = lambda: bundled[0]
    app.dependency_overrides[get_settings] = lambda: settings

    expected = {"docx": (report.MEDIA_TYPES["docx"], b"PK"), "pdf": ("application/pdf", b"%PDF"),
                "xlsx": (report.MEDIA_TYPES["xlsx"], b"PK")}
    try:
        find_cjk_font()
    except FontMissing:
        expected.pop("pdf")
    with TestClient(app) as c:
        for fmt, (media, magic) in expected.items():
            r = c.get("/api/v1/clusters/pump-motor/report", params={"format": fmt})
            assert r.status_code == 200, r.text
            assert r.headers["content-type"].startswith(media) and r.content.startswith(magic)
            cd = r.headers["content-disposition"]
            assert cd.startswith("attachment;") and f'filename="chainkg-report-pump-motor.{fmt}"' in cd
            assert "filename*=UTF-8''" in cd and "%E6%B3%B5%E4%B8%8E%E7%94%B5%E6%9C%BA" in cd  # 泵与电机
        assert c.get("/api/v1/clusters/nope/report").status_code == 404
        assert c.get("/api/v1/clusters/auto/report", params={"format": "odt"}).status_code == 422


def test_pdf_cells_never_break_a_date_or_a_figure(pump, toilet):
    """The 数据口径 table printed its date as 2026-11-3 / 0 on two lines (a 9 % column, a 10-character
    date at 7.5 pt): a date, a count or a score is one token a reader reads whole. Every such cell of
    every table fits its column on one line."""
    try:
        find_cjk_font()
    except FontMissing as e:
        require_or_skip(str(e), os.environ.get("CHAINKG_REQUIRE_NEO4J") == "1")
    from chainkg import report_pdf

    whole = re.compile(r"\d{4}-\d{2}(-\d{2})?|\d+(\.\d+)?|—")
    for rep in (pump, toilet):
        pdf = report_pdf.new_pdf(rep)
        for table in rep.tables():
            raw = table.printed()[1]
            printed = report_pdf.cells(pdf, table)[1]
            for r, p in zip(raw, printed):
                for v, text in zip(r, p):
                    if whole.fullmatch(str(v)):
                        assert "\n" not in text, (table.sheet, v, text)


def test_a_census_with_firms_in_no_segment_qualifies_its_missing_verdicts(tmp_path):
    """The 泵与电机 report said "“缺失”表示台州确实没有这一环节的企业" and 机械密封 缺失 while the census it
    rests on held a 机械密封 maker the classifier had placed nowhere. With local firms of the cluster's
    census in none of its segments, the overview says how many and what 缺失 then means, and the data to
    check lists them over the 缺失 segments."""
    import csv

    from etl.credit_code import credit_code_check_char
    from etl.dataset import census_spec
    from graph.store.sqlite_store import SQLiteStore

    def cc(first17):
        return first17 + credit_code_check_char(first17)

    path = tmp_path / "泵与电机名录.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["企业名称", "统一社会信用代码", "登记状态", "所属城市", "所属区县", "经营范围"])
        w.writerow(["温岭示例泵业有限公司", cc("91331081MA2R00001"), "存续", "台州市", "温岭市",
                    "一般项目：泵及真空设备制造；离心泵、潜水泵制造。"])
        w.writerow(["台州示例百货有限公司", cc("91331002MA2R00002"), "存续", "台州市", "椒江区",
                    "一般项目：日用百货销售；文具用品零售。"])
    s = SQLiteStore(tmp_path / "kg.db")
    try:
        kg = ChainKG(s)
        kg.load()
        kg.load([path], dataset=census_spec("台州市泵与电机企业名录（示例）", as_of="2026-11-30", clusters=["pump-motor"]))
        rep = report.build(kg, "pump-motor")
        n = kg.analysis("pump-motor")["coverage"]["pump-motor"]["census_firms_not_placed"]
        assert n >= 1
        text = _docx_text(report.render(rep, "docx"))
        assert "确实没有" not in text and f"名录中有 {n} 家本地在营企业未归入本集群任何环节" in text
        todo = next(t for t in rep.tables() if t.sheet == "待补数据")
        row = next(r for r in todo.rows if "未归入本集群任何环节" in r[0])
        assert "缺失" in row[0] and row[2] != "—"
    finally:
        s.close()


def test_the_overview_does_not_count_leading_firms_it_cannot_tell(pump):
    """The report said "其中龙头企业 0 家" where the overview's card says "—": no firm of the data carries a
    leading-firm title or an output figure, so none can be told a leading firm — 0 would claim Taizhou has none."""
    text = _docx_text(report.render(pump, "docx"))
    assert "龙头企业 0 家" not in text and "龙头企业无法识别" in text


def test_chain_picture_names_with_latin_letters_are_not_cut_where_they_fit():
    """The 医药 picture read 医药定制研发生产(CDMO/C… in a child box it fits: the cut counted every character
    as a CJK one. A name is cut only when its drawn width (Latin letters about half) exceeds the box."""
    from chainkg.report_chart import fit_label, label_width

    room = 2.3 - 0.16 - 0.1 - (0.1 + 0.07 * len("1 家"))   # a child box of the picture with its firm count
    assert fit_label("医药定制研发生产(CDMO/CMO)", room) == "医药定制研发生产(CDMO/CMO)"
    cut = fit_label("航空发动机与燃气轮机关键零部件及材料制造", room)
    assert cut.endswith("…") and label_width(cut) <= room + 0.01
