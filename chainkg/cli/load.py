"""``chainkg load``: files (or the bundled data) into the store — one atomic write, the census
declaration (口径), the quarantine report (exit 3 when rows were refused) and the Neo4j bulk path."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from chainkg.cli.common import StoreOpt, _choice, _errors, _settings
from chainkg.service import ChainKG
from etl.dataset import PLACE_WORDS, composition_parts
from graph.store.open import is_neo4j_url


def composition_line(d: dict) -> str:
    """What a dataset's firms are — `` = 12 local operating + 4 outside + 3 no longer operating`` — so
    a census of 台州市 holding 泰州 or cancelled firms is not read as that many Taizhou firms (the
    overview's 构成 line; ``etl.dataset.composition``). Empty when the counts are not there.

    >>> composition_line({"firms": 19, "firms_local": 12, "firms_outside": 4, "firms_inactive": 3, "firms_unknown": 0})
    ' = 12 local operating + 4 outside + 3 no longer operating'
    """
    parts = composition_parts(d)
    return " = " + " + ".join(f"{n} {PLACE_WORDS[key][1]}" for key, n in parts) if parts else ""

__all__ = ["load"]


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
                                    lambda sink: ChainKG(sink, load_workers=settings.load_workers()).load(
                                        files, fmt=fmt, dataset=spec))
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
            as_of = f" · 截至 as of {d['as_of']}" if d.get("as_of") else ""
            typer.echo(f"dataset: {d['name']} · {d['population']} · {d.get('region')} · {kind}{as_of} · {d['firms']} firms"
                       + composition_line(d))
            if d.get("census") and spec is not None and d.get("id") == spec.id:  # what the declaration will settle
                from graph.analytics.coverage import census_reach
                from ontology.loader import load_ontology

                names = {cid: c.name for cid, c in load_ontology().clusters.items()}
                for line in census_reach(d, names):
                    typer.echo(f"  {line}")
        for q in report.quarantined:  # a date or region the file states, taken where the user gave none (etl.banner)
            if q.field.startswith("dataset.") and not q.is_error:
                typer.echo(f"{q.file} row {q.row}: {q.reason}")
        errors = [q for q in report.quarantined if getattr(q, "level", "error") == "error"]
        if report.quarantined:
            write_report(report.quarantined, quarantine)
            warned = len(report.quarantined) - len(errors)
            typer.echo(f"{len(errors)} field problems in quarantined rows, {warned} warnings → {quarantine}", err=True)
        if errors:
            raise typer.Exit(3)
