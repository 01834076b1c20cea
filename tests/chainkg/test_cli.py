"""The ``chainkg`` commands, run through Typer's runner on a temporary embedded store."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from chainkg.cli import app
from graph.analytics.strength import GAP_KINDS
from ontology.loader import load_ontology

runner = CliRunner()


def _bundled_rows() -> int:
    from etl.loader import BUNDLED_FILES

    n = 0
    for f in BUNDLED_FILES:
        with open(f, encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        n += sum(1 for r in rows if r.get("name") and "technology_id" not in r)  # holdings are not firms
    return n


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "kg.db")
    r = runner.invoke(app, ["load", "--store", path, "--quarantine", str(tmp_path / "q.csv")])
    assert r.exit_code == 0, r.output
    assert f"enterprises={_bundled_rows()}" in r.output
    assert "A股上市公司（台州注册） · 上市公司 · 台州市 · 普查 census" in r.output
    return path


def _all_commands(typer_app=app, prefix=()):
    """Every command of the CLI, groups expanded (so a new command cannot hide)."""
    import typer.main

    group = typer.main.get_command(typer_app)
    out = []
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            out += [[*prefix, name, sub] for sub in cmd.commands]
        else:
            out.append([*prefix, name])
    return out


def test_every_command_has_help_with_an_example_and_is_in_the_readme():
    from chainkg.settings import PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    commands = _all_commands()
    assert ["override", "add"] in commands and ["load"] in commands
    for cmd in commands:
        r = runner.invoke(app, [*cmd, "--help"])
        assert r.exit_code == 0 and "Example" in r.output, cmd
        assert f"chainkg {' '.join(cmd[:1])}" in readme, f"undocumented command: {' '.join(cmd)}"
        if len(cmd) == 2:
            assert cmd[1] in readme.split(f"chainkg {cmd[0]}", 1)[1].split("\n", 1)[0], f"undocumented: {cmd}"


def test_load_twice_same_stats(db):
    first = json.loads(runner.invoke(app, ["stats", "--store", db, "--format", "json"]).output)
    assert first["nodes"]["Cluster"] == 7 and first["nodes"]["Enterprise"] == _bundled_rows()
    assert first["nodes"]["Dataset"] == 3  # Taizhou listed (census), listed elsewhere, known firms
    assert runner.invoke(app, ["load", "--store", db]).exit_code == 0
    again = json.loads(runner.invoke(app, ["stats", "--store", db, "--format", "json"]).output)
    assert again == first


def test_stats_table(db):
    out = runner.invoke(app, ["stats", "--store", db]).output
    assert f"node\tSegment\t{len(load_ontology().segments)}" in out and "checksum\t" in out


def test_analyze_formats(db):
    data = json.loads(runner.invoke(app, ["analyze", "--store", db, "--cluster", "sewing", "--format", "json"]).output)
    assert set(data) >= {"gaps", "chokepoints", "projects", "targets"}
    g = data["gaps"][0]
    assert set(g) >= {"cluster", "segment_id", "segment", "kind", "score", "evidence"}
    assert {x["kind"] for x in data["gaps"]} <= set(GAP_KINDS)
    assert all(x["verdict"].endswith("（上市公司及样本口径）") for x in data["gaps"])
    assert {"technology_id", "technology", "score", "parts", "evidence"} <= set(data["chokepoints"][0])
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["analyze", "--store", db, "--format", "csv"]).output)))
    assert len(rows) == len(load_ontology().segments) and rows[0]["kind"]
    table = runner.invoke(app, ["analyze", "--store", db, "--cluster", "smart-toilet"]).output
    assert "未发现（上市公司及样本口径）" in table and "待补数据" in table and "smart-toilet-products" not in table


def test_analyze_params_and_bad_input(db):
    strict = json.loads(runner.invoke(app, ["analyze", "--store", db, "--format", "json", "--param",
                                            "weak_threshold=0.99"]).output)
    assert not [g for g in strict["gaps"] if g["kind"] == "strong"]
    r = runner.invoke(app, ["analyze", "--store", db, "--param", "weak_threshold=2"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["analyze", "--store", db, "--cluster", "nope"])
    assert r.exit_code == 1 and "unknown cluster" in r.output


def test_load_quarantine_exit_code(tmp_path, db):
    bad = tmp_path / "bad.csv"
    bad.write_text("企业名称,所属区县\n甲企业有限公司,火星县\n", encoding="utf-8")
    q = tmp_path / "quarantine.csv"
    r = runner.invoke(app, ["load", str(bad), "--store", db, "--quarantine", str(q)])
    assert r.exit_code == 3
    assert "county" in q.read_text(encoding="utf-8-sig")


def test_load_says_where_the_as_of_date_came_from(tmp_path):
    """Review 40 C7: the export's 导出时间 becomes the dataset's as-of date, and the load says so."""
    f = tmp_path / "名录.csv"
    f.write_text("搜索条件：所属地区：浙江省；导出时间：2026-12-02\n企业名称,所属城市\n示例甲泵业有限公司,台州市\n", encoding="utf-8")
    r = runner.invoke(app, ["load", str(f), "--store", str(tmp_path / "kg.db"), "--quarantine", str(tmp_path / "q.csv")])
    assert r.exit_code == 0, r.output
    assert "名录.csv · 样本/自填 · 浙江省 · 样本 sample · 截至 as of 2026-12-02 · 1 firms" in r.output
    assert "名录.csv row 1: 文件写明的导出日期 2026-12-02 记为数据集「名录.csv」的截止日期" in r.output


def test_load_unreadable_file_exit_1(tmp_path, db):
    bad = tmp_path / "empty.csv"
    bad.write_bytes(b"")
    r = runner.invoke(app, ["load", str(bad), "--store", db])
    assert r.exit_code == 1 and "empty.csv" in r.output


def test_ontology_export(tmp_path):
    out = tmp_path / "o.json"
    assert runner.invoke(app, ["ontology", "export", "--format", "json", "-o", str(out)]).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["clusters"]) == 7 and len(data["segments"]) == len(load_ontology().segments)
    seg = data["segments"][0]
    assert set(seg) >= {"id", "name", "cluster", "stage", "parent", "weight", "keywords"}
    assert set(data["technologies"][0]) >= {"id", "name", "segments", "status", "chokepoint", "source"}
    assert data["feeds"] and set(data["feeds"][0]) == {"from", "to", "reason"}


def test_what_if(db):
    r = runner.invoke(app, ["what-if", "--store", db, "--cluster", "sewing", "--remove", "91330000753954968D"])  # 杰克科技
    assert r.exit_code == 0, r.output
    res = json.loads(r.output)
    assert res["summary_after"]["missing"] >= res["summary_before"]["missing"]


def test_extract_on_the_action_plan(shared_dir):
    plan = shared_dir / "seeds" / "taizhou-manufacturing-plan-2020-2025.txt"
    data = json.loads(runner.invoke(app, ["extract", str(plan), "--format", "json"]).output)
    targets = [f for f in data if f["kind"] == "target"]
    assert any(f["value"] == 1 and f["unit"] == "万亿元" and f["year"] == 2025 for f in targets)
    assert {f.get("cluster") for f in data if f["kind"] == "industry"} >= {"auto", "pharma", "sewing"}  # named as industries


@pytest.mark.parametrize("cmd", [["neo4j", "status"], ["neo4j", "stop"], ["override", "list"], ["actuals", "progress"],
                                 ["analyze"], ["load", "--no-bundled"]])
def test_a_refused_setting_is_one_error_line_on_every_command(monkeypatch, tmp_path, cmd):
    """A :class:`SettingsError` is a ``ChainKGError``: the CLI's one translation gives its line and exit 1
    (commands without ``--store`` included), never a traceback."""
    from chainkg.errors import ChainKGError
    from chainkg.settings import SettingsError

    assert issubclass(SettingsError, ChainKGError) and SettingsError.code == "settings"
    monkeypatch.setenv("CHAINKG_API_TOKEN", "short")
    monkeypatch.setenv("CHAINKG_STATE_DIR", str(tmp_path / "state"))
    r = runner.invoke(app, cmd)
    assert r.exit_code == 1, r.output
    assert r.output.splitlines() == ["error [settings]: invalid ChainKG settings: api_token: CHAINKG_API_TOKEN has 5 "
                                     "characters; use at least 16 random characters, e.g. python -c 'import secrets; "
                                     "print(secrets.token_urlsafe(32))'"]


def test_python_m_chainkg_cli_runs_the_same_app():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "chainkg.cli", "neo4j", "--help"], capture_output=True, text=True,
                         check=True, env={"PATH": "", "PYTHONPATH": ":".join(sys.path), "COLUMNS": "200"})
    assert "start" in out.stdout and "status" in out.stdout and "Run a local Neo4j Community 5.26" in out.stdout


def test_a_census_says_what_it_will_settle_and_a_list_without_clusters_is_refused(tmp_path, db):
    """Review 40 C11: `--census NAME` without --cluster loaded a 名录 as "普查 census" that never counted."""
    f = tmp_path / "名录.csv"
    f.write_text("企业名称,所属城市,所属区县,主营产品\n台州示例泵业有限公司,台州市,温岭,潜水电泵\n", encoding="utf-8")
    before = runner.invoke(app, ["stats", "--store", db, "--format", "json"]).output
    r = runner.invoke(app, ["load", str(f), "--store", db, "--census", "浙江省重点产业企业名录"])
    assert r.exit_code == 1 and "--cluster" in r.output and "名录口径须用 --cluster 声明所收录的集群" in r.output
    assert runner.invoke(app, ["stats", "--store", db, "--format", "json"]).output == before  # nothing loaded
    r = runner.invoke(app, ["load", str(f), "--store", db, "--census", "浙江省重点产业企业名录", "--cluster", "pump-motor"])
    assert r.exit_code == 0, r.output
    assert "判定范围：泵与电机集群本身的制造环节可判定缺失" in r.output and "settles the segments pump-motor make" in r.output
    r = runner.invoke(app, ["load", str(f), "--store", db, "--census", "台州上市公司补充名录", "--population", "上市公司"])
    assert r.exit_code == 0 and "判定范围：无——它是上市公司的完整名录" in r.output
