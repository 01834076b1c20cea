"""Hardening: literal text filters, a locked store answered fast and clearly, bounded workbooks and
JSON, security headers, CLI refusals, serve on a taken port, no temp folders left by uploads."""

from __future__ import annotations

import pytest

from graph.store.sqlite_store import SQLiteStore
from graph.store.port import Batch


# -- 1. the text filter q is a literal substring on both stores ------------------------------------
def _firms(store) -> None:
    b = Batch()
    for eid, name in (("e1", "百分之100%公司"), ("e2", "甲乙公司"), ("e3", "a_b 公司"), ("e4", "axb 公司")):
        b.node("Enterprise", {"id": eid, "name": name, "local": True, "tags": []})
    store.write(b)


@pytest.mark.parametrize("q, expected", [("%", ["e1"]), ("_", ["e3"]), ("a_b", ["e3"]), ("%公司", ["e1"]), ("1%0", []), ("a%b", []),
                                          ("100%", ["e1"]), ("公司", ["e1", "e2", "e3", "e4"])])
def test_q_wildcards_are_literal(store, q, expected):
    """``%`` and ``_`` match themselves on every store (the root ``store`` fixture: SQLite and Neo4j)."""
    _firms(store)
    total, rows = store.find_enterprises(q=q)
    assert sorted(r["id"] for r in rows) == expected and total == len(expected)


# -- 2. another process holding the write lock: reads go on, failures are one clear StoreError -----
def _hold_write_lock(path):
    import sqlite3

    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # what a running `chainkg load` holds
    return other


def test_open_and_read_while_another_process_writes(tmp_path):
    path = tmp_path / "kg.db"
    with SQLiteStore(path) as s:
        _firms(s)
    other = _hold_write_lock(path)
    try:
        # the lock is held throughout: an open that needed to write would fail with StoreError (busy)
        with SQLiteStore(path, timeout=5) as s:  # a current schema needs no write to open
            assert s.counts()["nodes"]["Enterprise"] == 4 and s.find_enterprises(q="公司")[0] == 4
            s.checksum()
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_write_while_locked_is_store_error(tmp_path):
    from chainkg.errors import StoreError

    path = tmp_path / "kg.db"
    SQLiteStore(path).close()
    other = _hold_write_lock(path)
    try:
        with SQLiteStore(path, timeout=0.1) as s:
            b = Batch()
            b.node("Cluster", {"id": "auto", "name": "汽车"})
            with pytest.raises(StoreError, match="locked by another process"):
                s.write(b)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_cli_stats_on_a_locked_store_is_one_clear_line(tmp_path, monkeypatch):
    """A store that cannot be opened without the write lock (not yet in WAL mode, an exclusive lock
    held elsewhere): exit 1 with one line, no traceback."""
    import sqlite3

    from typer.testing import CliRunner

    from chainkg.cli import app

    path = tmp_path / "kg.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("CREATE TABLE t (x)")
    other.execute("BEGIN EXCLUSIVE")
    monkeypatch.setenv("CHAINKG_SQLITE_TIMEOUT", "0.1")
    try:
        r = CliRunner().invoke(app, ["stats", "--store", str(path)])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert r.exit_code == 1 and (r.exception is None or isinstance(r.exception, SystemExit))
    out = r.output.strip()
    assert out.count("\n") == 0 and "locked by another process" in out and "Traceback" not in out


# -- 3. a zip-bomb workbook is refused before any XML is parsed ------------------------------------
def _bomb_xlsx(path, inflated_bytes: int) -> None:
    """A tiny .xlsx whose one sheet XML is ``inflated_bytes`` of padding (deflates ~1000:1)."""
    import zipfile

    head = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c>'
            '</row></sheetData><!--')
    tail = "--></worksheet>"
    ns = "http://schemas.openxmlformats.org"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", f'<?xml version="1.0"?><Types xmlns="{ns}/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{ns}/spreadsheetml/2006/main"/>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(head.encode())
            chunk = b" " * (1024 * 1024)
            for _ in range(inflated_bytes // len(chunk)):
                f.write(chunk)
            f.write(tail.encode())


def test_xlsx_zip_bomb_is_refused(tmp_path):
    from chainkg.errors import InputError
    from etl.readers import read_records

    p = tmp_path / "炸弹.xlsx"
    _bomb_xlsx(p, 8 * 1024 * 1024)  # 8 MB of sheet XML in a few KB: ratio far over 100
    assert p.stat().st_size < 100_000
    with pytest.raises(InputError, match="zip bomb") as e:
        list(read_records(p))
    assert e.value.details["file"] == "炸弹.xlsx"


def test_xlsx_total_inflated_size_is_capped(tmp_path, monkeypatch):
    import etl.xlsx as xl
    from chainkg.errors import InputError
    from etl.readers import read_records

    monkeypatch.setattr(xl, "XLSX_MAX_UNCOMPRESSED_BYTES", 4 * 1024 * 1024)  # the real cap is 200 MB
    p = tmp_path / "big.xlsx"
    _bomb_xlsx(p, 5 * 1024 * 1024)
    with pytest.raises(InputError, match="over the 4 MB limit") as e:
        list(read_records(p))
    assert e.value.details["file"] == "big.xlsx"


# -- 4. hostile JSON: deep nesting, huge integers → InputError naming the file (and row) -----------
@pytest.mark.parametrize("suffix, text, row, message", [
    (".json", "[" * 100_000 + "]" * 100_000, None, "nested too deeply"),
    (".jsonl", '{"name": "甲"}\n' + '{"x": ' + "[" * 100_000 + "]" * 100_000 + "}\n", 2, "nested too deeply"),
    (".json", '[{"name": "甲", "employees": ' + "9" * 5000 + "}]", None, "number too long"),
    (".jsonl", '{"name": "甲", "employees": ' + "9" * 5000 + "}\n", 1, "number too long"),
])
def test_hostile_json_is_input_error(tmp_path, suffix, text, row, message):
    from chainkg.errors import InputError
    from etl.readers import read_records

    p = tmp_path / f"hostile{suffix}"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as e:
        list(read_records(p))
    assert e.value.details["file"] == p.name and e.value.details.get("row") == row



# -- 5. security headers on every API response ---------------------------------------------------
@pytest.fixture
def api_client(tmp_path):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.deps import get_settings, get_store
    from chainkg.service import ChainKG
    from chainkg.settings import Settings

    store = SQLiteStore(tmp_path / "kg.db")
    ChainKG(store).load([])
    settings = Settings(api_token="hardening-token-0123456789", store=str(tmp_path / "kg.db"))
    app = create_app(settings)
    app.dependency_overrides[get_store] = lambda: store
    app.dependency_overrides[get_settings] = lambda: settings
    yield TestClient(app)
    store.close()


def test_security_headers_on_api_responses(api_client):
    for path, status in (("/health", 200), ("/api/v1/clusters", 200), ("/api/v1/no-such-route", 404),
                         ("/openapi.json", 200)):
        r = api_client.get(path)
        assert r.status_code == status, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp, path
    anonymous = api_client.post("/api/v1/cypher", content=b"x" * (2 * 1024 * 1024),
                                headers={"content-type": "application/json"})  # refused before its body
    assert anonymous.status_code == 401 and anonymous.headers["x-frame-options"] == "DENY"
    big = api_client.post("/api/v1/cypher", content=b"x" * (2 * 1024 * 1024),
                          headers={"content-type": "application/json",
                                   "authorization": "Bearer hardening-token-0123456789"})
    assert big.status_code == 413 and big.headers["x-frame-options"] == "DENY"


def test_docs_csp_allows_only_own_origin(api_client):
    for page in ("/docs", "/redoc"):
        r = api_client.get(page)
        assert r.status_code == 200 and r.headers["x-content-type-options"] == "nosniff"
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "http" not in csp and "*" not in csp  # no other origin


# -- 6. CLI refusals: empty store, missing file, unknown format / parameter / ids ------------------
@pytest.fixture(scope="module")
def loaded_db(tmp_path_factory):
    from chainkg.service import ChainKG

    path = tmp_path_factory.mktemp("cli") / "kg.db"
    with SQLiteStore(path) as s:
        ChainKG(s).load([])  # the ontology only: enough for analyze and what-if
    return str(path)


def _cli(*args):
    from typer.testing import CliRunner

    from chainkg.cli import app

    return CliRunner().invoke(app, [*args])


@pytest.mark.parametrize("command", [["analyze"], ["what-if", "--remove-segment", "sewing-lockstitch"],
                                     ["report", "--cluster", "sewing"]])
def test_cli_refuses_an_empty_store(tmp_path, command):
    r = _cli(*command, "--store", str(tmp_path / "typo.db"))
    assert r.exit_code == 1
    assert "the store is empty: run chainkg load first" in r.output and "缺失" not in r.output


def test_cli_extract_missing_file_is_one_line(tmp_path):
    r = _cli("extract", str(tmp_path / "no-such-plan.txt"))
    assert r.exit_code == 1 and (r.exception is None or isinstance(r.exception, SystemExit))
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and "file not found" in lines[0] and "no-such-plan.txt" in lines[0]


@pytest.mark.parametrize("command", [["load"], ["stats"], ["analyze"], ["extract", "plan.txt"],
                                     ["report", "--cluster", "sewing"], ["override", "list"],
                                     ["actuals", "progress"], ["ontology", "export"]])
def test_cli_unknown_format_is_refused(tmp_path, loaded_db, command):
    (tmp_path / "plan.txt").write_text("到2025年，规上工业增加值达到1000亿元。", encoding="utf-8")
    import os

    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        store = [] if command[0] in ("extract", "ontology") else ["--store", loaded_db]
        r = _cli(*command, *store, "--format", "xml")
    finally:
        os.chdir(cwd)
    assert r.exit_code == 2, (command, r.output)
    assert "xml" in r.output or "format" in r.output


def test_cli_unknown_param_is_refused(loaded_db):
    r = _cli("analyze", "--store", loaded_db, "--param", "weak_treshold=0.4")
    assert r.exit_code == 2 and "weak_treshold" in r.output


@pytest.mark.parametrize("args, bad", [(["--remove", "no-such-firm"], "no-such-firm"),
                                       (["--add", "no-such-firm"], "no-such-firm"),
                                       (["--remove-segment", "no-such-segment"], "no-such-segment")])
def test_cli_what_if_unknown_ids_are_refused(loaded_db, args, bad):
    r = _cli("what-if", "--store", loaded_db, "--cluster", "sewing", *args)
    assert r.exit_code == 1 and "unknown" in r.output and bad in r.output


def test_api_what_if_unknown_ids_are_422(api_client):
    r = api_client.post("/api/v1/what-if", params={"cluster": "sewing"},
                        json={"remove_enterprises": ["no-such-firm"]})
    assert r.status_code == 422 and "no-such-firm" in r.json()["message"]


# -- 7. serve on a taken port: refused before anything starts --------------------------------------
@pytest.mark.parametrize("which", ["--api-port", "--ui-port"])
def test_serve_refuses_a_taken_port(tmp_path, which, monkeypatch):
    import socket
    import subprocess

    def no_popen(*a, **k):  # nothing may be started
        raise AssertionError("serve started a process on a taken port")

    monkeypatch.setattr(subprocess, "Popen", no_popen)
    with socket.socket() as taken, socket.socket() as free:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        free.bind(("127.0.0.1", 0))
        taken_port, free_port = taken.getsockname()[1], free.getsockname()[1]
        free.close()
        ports = {"--api-port": free_port, "--ui-port": free_port}
        ports[which] = taken_port
        r = _cli("serve", "--store", str(tmp_path / "kg.db"), "--no-load-first",
                 "--api-port", str(ports["--api-port"]), "--ui-port", str(ports["--ui-port"]))
    assert r.exit_code == 1
    assert f"port {taken_port} on 127.0.0.1 is already in use" in r.output and which in r.output


# -- 8. a UI upload leaves no temp folder behind ---------------------------------------------------
def test_ui_import_leaves_no_temp_folder(tmp_path, monkeypatch):
    import tempfile

    from streamlit.testing.v1 import AppTest

    from chainkg.service import ChainKG
    from chainkg.settings import PROJECT_ROOT

    path = tmp_path / "ui.db"
    with SQLiteStore(path) as s:
        ChainKG(s).load([])
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where the page's temp folders would go
    monkeypatch.setenv("CHAINKG_STORE", str(path))
    monkeypatch.setenv("CHAINKG_DEV_MODE", "1")
    monkeypatch.delenv("CHAINKG_API_TOKEN", raising=False)
    at = AppTest.from_file(str(PROJECT_ROOT / "ui" / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("views/importer.py").run()
    csv = "企业名称,所属区县,主营产品\n示例泵业临时有限公司,温岭,潜水电泵\n".encode("utf-8")
    at.file_uploader[0].set_value(("new.csv", csv, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    at.button(key="imp_load").click().run()
    assert not at.exception and at.success, [e.value for e in at.exception]
    assert not list(scratch.glob("chainkg-import-*")), "an upload left its temp folder behind"
    with SQLiteStore(path) as s:
        assert s.find_enterprises(q="示例泵业临时")[0] == 1
