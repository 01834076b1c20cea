"""Policy intelligence on the command line: ``chainkg extract`` reads a plan's facts, and ``chainkg
actuals`` keeps each target's actual figures (a template to fill in, the import, the progress)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Optional

import typer

from chainkg.cli.common import StoreOpt, _call, _choice, _errors, _pad, _print
from chainkg.errors import InputError
from chainkg.service import ChainKG

__all__ = ["extract", "actuals_app"]

actuals_app = typer.Typer(help="Actual values of the action plan's targets (每个指标每年的实际值, with sources). "
                               "Example: chainkg actuals progress")


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
        if r["kind"] in ("cluster", "chain", "industry"):
            val += f" {r.get('ref_id') or ''}({r['match']})" if r.get("match") else " not in the ontology"
        yield f"{r['kind']:10} {r.get('cluster') or '':14} {r['text'][:30]:30} {val}"


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
