"""``chainkg ontology``: the reference chains as data (clusters, segments, FEEDS, technologies) and
the check of their files."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from chainkg.cli.common import _choice, _errors, _json

__all__ = ["ontology_app"]

ontology_app = typer.Typer(help="Read the reference chains. Example: chainkg ontology export --format json")


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
