"""The ``chainkg`` command line. Each command mirrors one method of :class:`chainkg.service.ChainKG`
(or :mod:`graph.server.neo4j_server`); errors of the :class:`~chainkg.errors.ChainKGError` family are
translated here, once, into a message and an exit code (1 error, 2 usage, 3 rows quarantined).
"""

from __future__ import annotations

import csv
import json
import unicodedata
import sys
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer

from chainkg.service import ChainKG
from graph.analytics.strength import GAP_LABELS
from graph.store.open import is_neo4j_url
from chainkg.errors import ChainKGError, InputError
from chainkg.settings import Settings, SettingsError, load_settings

__all__ = ["app"]

app = typer.Typer(help="ChainKG — 台州产业链知识图谱. Example: chainkg load && chainkg analyze --cluster auto",
                  no_args_is_help=True, add_completion=False)
neo4j_app = typer.Typer(help="Run a local Neo4j Community 5.26 (from Maven Central) on 127.0.0.1.")
ontology_app = typer.Typer(help="Read the reference chains. Example: chainkg ontology export --format json")
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(ontology_app, name="ontology")
override_app = typer.Typer(help="Correct firms' placements (校正): confirm, add, remove or move a segment link. "
                                "Example: chainkg override add 91331081MA2AAAAA10 auto-thermal --who 王 --why 年报主营")
app.add_typer(override_app, name="override")
actuals_app = typer.Typer(help="Actual values of the action plan's targets (每个指标每年的实际值, with sources). "
                               "Example: chainkg actuals progress")
app.add_typer(actuals_app, name="actuals")

StoreOpt = typer.Option(None, "--store", help="Store file or neo4j://user:pass@host:port (default: CHAINKG_STORE)")


def _settings(store: str | None) -> Settings:
    """The environment's settings (``--store`` first); a refused one → one line naming it, exit 1."""
    try:
        return load_settings(**({"store": store} if store else {}))
    except SettingsError as e:
        typer.echo(f"error [settings]: {e}", err=True)
        raise typer.Exit(1) from None


@contextmanager
def _errors():
    """A ChainKGError inside becomes one line on stderr and exit 1 — the one place the CLI translates errors."""
    try:
        yield
    except ChainKGError as e:
        typer.echo(f"error [{e.code}]: {e}", err=True)
        raise typer.Exit(1) from None


def _call(fn, *args, store: str | None = None, **kwargs):
    """Run ``fn(kg, *args, **kwargs)`` (a :class:`ChainKG` method) on the store ``--store`` names (errors: :func:`_errors`)."""
    with _errors():
        return fn(ChainKG.from_settings(_settings(store)), *args, **kwargs)


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _print(data, fmt: str, table: Callable[[object], Iterable[str]]) -> None:
    """``data`` as indented JSON (``--format json``), else the lines ``table(data)`` gives."""
    if fmt == "json":
        typer.echo(_json(data))
        return
    for line in table(data):
        typer.echo(line)


def _choice(fmt: str, allowed: tuple[str, ...]) -> str:
    """Refuse an unknown ``--format`` (a usage error, exit 2) instead of silently using the default."""
    if fmt not in allowed:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(allowed)}", param_hint="--format")
    return fmt


def _open_loaded(store: str | None):
    """The service on the store, refused when nothing was ever loaded into it (e.g. a typo in --store)."""
    kg = ChainKG.from_settings(_settings(store))
    if not kg.store.counts()["nodes"].get("Segment"):
        raise InputError("the store is empty: run chainkg load first", file=_settings(store).store)
    return kg


def _params(items: list[str] | None):
    from graph.analytics.params import AnalysisParams

    raw = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"--param expects name=value, got {item!r}")
        if key.strip() not in AnalysisParams.model_fields:
            raise typer.BadParameter(f"unknown parameter {key.strip()!r}; known: "
                                     f"{', '.join(AnalysisParams.model_fields)}", param_hint="--param")
        raw[key.strip()] = value.strip()
    try:
        return AnalysisParams(**raw)
    except Exception as e:  # pydantic ValidationError: a usage error
        raise typer.BadParameter(str(e)) from e


@app.command()
def load(paths: list[Path] = typer.Argument(None, help="Files (CSV/TSV/XLSX/JSON/JSONL) or a public-data directory"),
         fmt: str = typer.Option("auto", "--format", help="auto | chainkg | tushare"),
         store: Optional[str] = StoreOpt,
         quarantine: Path = typer.Option(Path("quarantine.csv"), help="Where to write refused rows"),
         bundled: bool = typer.Option(True, help="With no PATHS, load the bundled Taizhou data"),
         census: Optional[str] = typer.Option(None, help="Declare the files a complete census (普查口径) with "
                                              "this name, e.g. '黄岩区规上工业企业名录（2025）'"),
         population: Optional[str] = typer.Option(None, help="Census population: 全量登记企业 | 规上工业企业 | "
                                                  "上市公司 | 名录 (default: guessed from the census name)"),
         region: str = typer.Option("台州市", help="Region the census covers"),
         as_of: Optional[str] = typer.Option(None, "--as-of", help="Census as-of date, e.g. 2025-12-31"),
         source: Optional[str] = typer.Option(None, help="Where the census came from"),
         cluster: list[str] = typer.Option(None, "--cluster", help="Cluster id whose whole firm base the census "
                                           "lists (repeatable), e.g. --cluster smart-toilet"),
         bulk: bool = typer.Option(False, "--bulk", help="First load into the EMPTY local Neo4j (`chainkg neo4j "
                                   "start`) through neo4j-admin's offline importer: stops and restarts the "
                                   "server. On the embedded store: an ordinary load (docs/neo4j.md)")) -> None:
    """Load data into the store, atomically and idempotently.

    Without --census a file is a sample: it adds firms but cannot show that a segment has none.

    Example: chainkg load 规上名录.xlsx --census '台州市规上工业企业（2025）' --as-of 2025-12-31
    """
    from etl.quarantine import write_report

    _choice(fmt, ("auto", "chainkg", "tushare"))
    with _errors():
        spec = None
        if census:
            from etl.dataset import census_spec

            spec = census_spec(census, population=population, region=region, as_of=as_of, source=source,
                               clusters=cluster or [])
        settings = _settings(store)
        files = paths or (None if bundled else [])
        if bulk and is_neo4j_url(settings.store):
            from graph.store.neo4j_bulk import bulk_load

            report, res = bulk_load(settings.state_dir, settings.store,
                                    lambda sink: ChainKG(sink).load(files, fmt=fmt, dataset=spec))
            typer.echo(res.summary())
            if f":{res.info.port}" not in settings.store:  # its old port was taken meanwhile
                typer.echo(f"the local Neo4j came back on another port: {res.info.url}", err=True)
        else:
            if bulk:
                typer.echo("--bulk: the embedded store has no offline importer; its ordinary load is one "
                           "transaction of batched inserts already — loading normally", err=True)
            kg = ChainKG.from_settings(settings)
            with typer.progressbar(length=1, label="loading") as bar:
                def progress(n: int) -> None:
                    bar.length = max(bar.length, bar.pos + n + 1)
                    bar.update(n)
                report = kg.load(files, fmt=fmt, progress=progress, dataset=spec)
        typer.echo(report.summary())
        for d in report.datasets:
            kind = "普查 census" if d.get("census") else "样本 sample"
            typer.echo(f"dataset: {d['name']} · {d['population']} · {d.get('region')} · {kind} · {d['firms']} firms")
        errors = [q for q in report.quarantined if getattr(q, "level", "error") == "error"]
        if report.quarantined:
            write_report(report.quarantined, quarantine)
            warned = len(report.quarantined) - len(errors)
            typer.echo(f"{len(errors)} field problems in quarantined rows, {warned} warnings → {quarantine}", err=True)
        if errors:
            raise typer.Exit(3)


@app.command()
def stats(store: Optional[str] = StoreOpt,
          fmt: str = typer.Option("table", "--format", help="table | json")) -> None:
    """Node and relationship counts by type and a content checksum. Example: chainkg stats --format json"""
    _choice(fmt, ("table", "json"))
    _print(_call(ChainKG.stats, store=store), fmt, _stats_table)


def _stats_table(st: dict) -> Iterable[str]:
    for kind in ("nodes", "relationships"):
        for k, v in st[kind].items():
            yield f"{kind[:-1] if kind == 'nodes' else 'rel'}\t{k}\t{v}"
    yield f"checksum\t{st['checksum']}"


@app.command()
def analyze(cluster: Optional[str] = typer.Option(None, help="Cluster id, e.g. auto (default: all seven)"),
            fmt: str = typer.Option("table", "--format", help="table | json | csv"),
            param: list[str] = typer.Option(None, "--param", help="Analysis parameter, e.g. weak_threshold=0.4"),
            store: Optional[str] = StoreOpt) -> None:
    """Gaps (缺失/未发现/单点依赖/薄弱/已有/较强, each with its 口径), chokepoints, priority projects,
    招商 targets, and the data to collect where the loaded data cannot tell.

    Example: chainkg analyze --cluster sewing --format json --param weak_threshold=0.4
    """
    _choice(fmt, ("table", "json", "csv"))
    params = _params(param)
    with _errors():
        result = _open_loaded(store).analysis(cluster, params=params)
    if fmt == "json":
        typer.echo(_json(result))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["cluster", "segment_id", "segment", "kind", "verdict", "basis", "adequate", "strength", "score",
                    "local_firms", "firms_with_output", "as_of", "rule", "action"])
        for g in result["gaps"]:
            cov = g["coverage"]
            w.writerow([g["cluster"], g["segment_id"], g["segment"], g["kind"], g["verdict"], cov["basis"],
                        cov["adequate"], g["strength"], g["score"], cov["firms_known"], cov["firms_with_output"],
                        cov["as_of"] or "", g["evidence"]["rule"], (g.get("action") or {}).get("text", "")])
    else:
        from ontology.loader import load_ontology

        names = {c: o.name for c, o in load_ontology().clusters.items()}
        typer.echo(f"{_pad('集群', 8)} {_pad('环节', 26)} {_pad('结论（口径）', 24)} {'强度':>4} {'企业':>4}  依据")
        for g in result["gaps"]:
            typer.echo(f"{_pad(names.get(g['cluster'], g['cluster']), 8)} {_pad(g['segment'], 26)} "
                       f"{_pad(g['verdict'], 24)} {'—' if g['kind'] == 'unknown' else round(g['strength'] * 100):>6} "
                       f"{g['evidence']['local_firms']:>6}  "
                       f"{g['evidence']['rule']}")
        kinds = {k: sum(1 for g in result["gaps"] if g["kind"] == k) for k in GAP_LABELS}
        typer.echo("\n" + "，".join(f"{GAP_LABELS[k]} {n}" for k, n in kinds.items() if n)
                   + f"；重点攻关项目 {len(result.get('projects', []))} 项")
        for a in result.get("data_actions", []):
            typer.echo(f"待补数据 · {a['cluster_name']}（{a['basis']}，{len(a['segments'])} 个环节）：{a['text']}")


@app.command()
def report(cluster: str = typer.Option(..., "--cluster", help="Cluster id, e.g. pump-motor"),
           fmt: str = typer.Option("docx", "--format", help="docx | pdf | xlsx"),
           output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: the "
                                                 "report's title and date in the current directory)"),
           param: list[str] = typer.Option(None, "--param", help="Analysis parameter, e.g. weak_threshold=0.4"),
           store: Optional[str] = StoreOpt) -> None:
    """产业链招商分析报告 of one cluster as Word, PDF or Excel: the chain picture, data 口径 and dates,
    verdicts with their evidence, 招商 targets (or the data to collect), chokepoints, projects, sources.

    Example: chainkg report --cluster pump-motor --format pdf -o 泵与电机.pdf
    """
    from chainkg.report import FORMATS, report_file

    _choice(fmt, tuple(FORMATS))
    with _errors():
        data, name, _ = report_file(_open_loaded(store), cluster, fmt, params=_params(param))
    path = output or Path(name)
    path.write_bytes(data)
    typer.echo(f"{path} ({len(data):,} bytes)")


def _pad(text: str, width: int) -> str:
    """Left-align ``text`` in ``width`` terminal columns (a CJK character takes two)."""
    cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - cols)


@app.command()
def extract(file: Path = typer.Argument(..., help="A policy text (UTF-8 or GBK)"),
            fmt: str = typer.Option("table", "--format", help="table | json")) -> None:
    """Extract facts (clusters, directions, quantified targets, technologies) from policy text.

    Example: chainkg extract ../shared/seeds/taizhou-manufacturing-plan-2020-2025.txt
    """
    from ontology.loader import load_ontology
    from etl.nlp import extract_file

    _choice(fmt, ("table", "json"))
    with _errors():
        if not file.is_file():
            raise InputError("file not found", file=str(file))
        facts = extract_file(file, load_ontology())
    _print([f.as_dict() if hasattr(f, "as_dict") else f.__dict__ for f in facts], fmt, _facts_table)


def _facts_table(rows: list[dict]) -> Iterable[str]:
    for r in rows:
        num = f"{r['low']:g}–{r['high']:g}" if r.get("high") is not None else f"{r.get('value'):g}" if r.get("value") is not None else ""
        val = (f"{num} {r.get('unit') or ''} {r.get('qualifier') or ''} ({r.get('year') or ''})"
               f"{' 现状' if r.get('current') else ''} {r.get('subject') or ''}") if num else (r.get("level") or "")
        if r["kind"] in ("cluster", "chain"):
            val += f" {r.get('ref_id') or ''}({r['match']})" if r.get("match") else " not in the ontology"
        yield f"{r['kind']:10} {r.get('cluster') or '':14} {r['text'][:30]:30} {val}"


@app.command("what-if")
def what_if(remove: list[str] = typer.Option(None, "--remove", help="Enterprise id to remove"),
            add: list[str] = typer.Option(None, "--add", help="Outside enterprise id to attract"),
            remove_segment: list[str] = typer.Option(None, "--remove-segment", help="Segment id to drop"),
            cluster: Optional[str] = typer.Option(None), store: Optional[str] = StoreOpt) -> None:
    """What changes if firms leave or arrive. Example: chainkg what-if --remove sc-603337.SH --cluster sewing"""
    from graph.analytics.whatif import NewEnterprise, Scenario

    sc = Scenario(remove_enterprises=remove or [], add_enterprises=[NewEnterprise(id=a) for a in add or []],
                  remove_segments=remove_segment or [])
    with _errors():
        res = _open_loaded(store).what_if(sc, cluster)
    typer.echo(_json({k: v for k, v in res.items() if k != "gaps_after"}))  # the result is the service's cached copy


@app.command()
def serve(store: Optional[str] = StoreOpt, load_first: bool = typer.Option(True, help="Load the bundled data first"),
          api_port: int = typer.Option(8000), ui_port: int = typer.Option(8501)) -> None:
    """Serve the API on 127.0.0.1:8000 and the UI on 127.0.0.1:8501 (Ctrl-C stops both).

    Example: chainkg serve --store /tmp/kg.db
    """
    from chainkg.run import serve as _serve

    with _errors():
        _serve(_settings(store), load_first=load_first, api_port=api_port, ui_port=ui_port)


def _override(action: str, enterprise: str, segment: str, who: str, why: str, to: str | None, store: str | None) -> None:
    recs = _call(ChainKG.correct_placement, enterprise, segment, action, who=who, why=why, to=to, store=store)
    for r in recs:
        typer.echo(f"{r['action']}: {r['enterprise_name']} → {r['segment']} ({r['who']}, {r['when']}): {r['why']}")


_WHO = typer.Option(..., "--who", help="Who makes the correction")
_WHY = typer.Option(..., "--why", help="Why (the evidence, e.g. 2024 年报主营)")


@override_app.command("confirm")
def override_confirm(enterprise: str, segment: str, who: str = _WHO, why: str = _WHY,
                     store: Optional[str] = StoreOpt) -> None:
    """Confirm a firm's link to a segment. Example: chainkg override confirm sc-603337.SH sewing-industrial-machines --who 王 --why 年报"""
    _override("confirm", enterprise, segment, who, why, None, store)


@override_app.command("add")
def override_add(enterprise: str, segment: str, who: str = _WHO, why: str = _WHY,
                 store: Optional[str] = StoreOpt) -> None:
    """Place a firm in a segment. Example: chainkg override add sc-603337.SH sewing-cutting --who 王 --why 产品目录"""
    _override("add", enterprise, segment, who, why, None, store)


@override_app.command("remove")
def override_remove(enterprise: str, segment: str, who: str = _WHO, why: str = _WHY,
                    store: Optional[str] = StoreOpt) -> None:
    """Take a firm out of a segment. Example: chainkg override remove sc-002126.SZ auto-nev-vehicles --who 王 --why 只做零部件"""
    _override("remove", enterprise, segment, who, why, None, store)


@override_app.command("move")
def override_move(enterprise: str, segment: str, to: str = typer.Option(..., "--to", help="The new segment id"),
                  who: str = _WHO, why: str = _WHY, store: Optional[str] = StoreOpt) -> None:
    """Move a firm from one segment to another. Example: chainkg override move ID sewing-industrial-machines --to sewing-lockstitch --who 王 --why 平缝机"""
    _override("move", enterprise, segment, who, why, to, store)


@override_app.command("list")
def override_list(fmt: str = typer.Option("table", "--format", help="table | json"),
                  store: Optional[str] = StoreOpt) -> None:
    """Every override. Example: chainkg override list --format json"""
    _choice(fmt, ("table", "json"))
    _print(_call(ChainKG.overrides, store=store), fmt, lambda rows: (
        f"{r['when']}  {r['who']}  {r['action']:8} {r.get('enterprise_name') or r['enterprise']} · {r['segment']}: {r['why']}"
        for r in rows))


@override_app.command("export")
def override_export(path: Path, store: Optional[str] = StoreOpt) -> None:
    """Write every override to a CSV. Example: chainkg override export overrides.csv"""
    n = _call(ChainKG.export_overrides, path, store=store)
    typer.echo(f"{n} overrides → {path}")


@override_app.command("import")
def override_import(path: Path, store: Optional[str] = StoreOpt,
                    quarantine: Path = typer.Option(Path("quarantine.csv"), help="Where to write refused rows")) -> None:
    """Apply an overrides CSV (as exported; refused rows → quarantine, exit 3). Example: chainkg override import overrides.csv"""
    from etl.quarantine import write_report

    n, problems = _call(ChainKG.import_overrides, path, store=store)
    typer.echo(f"{n} overrides applied")
    if problems:
        write_report(problems, quarantine)
        typer.echo(f"{len(problems)} rows refused → {quarantine}", err=True)
        raise typer.Exit(3)


@actuals_app.command("template")
def actuals_template(output: Optional[Path] = typer.Option(None, "-o", "--output", help="CSV file (default: stdout)")) -> None:
    """An actuals CSV to fill in, one row per target. Example: chainkg actuals template -o actuals.csv"""
    from chainkg.actuals import actuals_template as template
    from ontology.loader import load_ontology

    text = template(load_ontology())
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"{output}")
    else:
        typer.echo(text, nl=False)


@actuals_app.command("import")
def actuals_import(path: Path, store: Optional[str] = StoreOpt) -> None:
    """Validate an actuals CSV (known target, unit, source) and write it into the store (a figure
    replaces the same target and year). Example: chainkg actuals import actuals.csv"""
    res = _call(ChainKG.import_actuals, path, store=store)
    typer.echo(f"{res['imported']} figures imported ({res['replaced']} replaced); {res['rows']} in the store")


@actuals_app.command("progress")
def actuals_progress(fmt: str = typer.Option("table", "--format", help="table | json"),
                     store: Optional[str] = StoreOpt) -> None:
    """Each target with its latest actual figure, status and source. Example: chainkg actuals progress --format json"""
    _choice(fmt, ("table", "json"))
    _print(_call(ChainKG.policy_progress, store=store), fmt, _progress_table)


def _progress_table(rows: list[dict]) -> Iterable[str]:
    for r in rows:
        act = f"{r['actual']:g} ({r['actual_year']})" if r["actual"] is not None else "—"
        yield f"{r['status']:13} {_pad(r['name'][:24], 50)} {r['value']:g} {r['unit']:8} {act}"


@ontology_app.command("export")
def ontology_export(fmt: str = typer.Option("json", "--format", help="json"),
                    output: Optional[Path] = typer.Option(None, "-o", "--output")) -> None:
    """Export clusters, segments, FEEDS and technologies. Example: chainkg ontology export -o chains.json"""
    _choice(fmt, ("json",))
    with _errors():
        from chainkg.reference import ontology_export as export
        from ontology.loader import load_ontology

        text = _json(export(load_ontology()))
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        typer.echo(text)


@ontology_app.command("check")
def ontology_check() -> None:
    """Validate the ontology files and print counts per cluster. Example: chainkg ontology check"""
    from ontology.check import main

    raise typer.Exit(main([]))


@neo4j_app.command("start")
def neo4j_start(heap: str = typer.Option(None, help="JVM heap, e.g. 4g (default: sized from this machine)"),
                pagecache: str = typer.Option(None, help="page cache, e.g. 1g (default: sized from this machine)")) -> None:
    """Start (or reuse) the local Neo4j and print its store URL. Example: chainkg neo4j start"""
    from graph.server import neo4j_server

    with _errors():
        info = neo4j_server.start(_settings(None).state_dir, heap=heap, pagecache=pagecache)
    typer.echo(info.url)


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j by its PID. Example: chainkg neo4j stop"""
    from graph.server import neo4j_server

    typer.echo("stopped" if neo4j_server.stop(_settings(None).state_dir) else "not running")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Print the local Neo4j's URL if it runs (exit 1 if not). Example: chainkg neo4j status"""
    from graph.server import neo4j_server

    info = neo4j_server.status(_settings(None).state_dir)
    if info is None:
        typer.echo("not running")
        raise typer.Exit(1)
    typer.echo(info.url)


if __name__ == "__main__":
    app()
