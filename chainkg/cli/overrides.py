"""``chainkg override``: a user's corrections (校正) of firms' placements — confirm, add, remove or
move a segment link, each with who and why — and their list, CSV export and import."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from chainkg.cli.common import StoreOpt, _call, _choice, _print
from chainkg.service import ChainKG

__all__ = ["override_app"]

override_app = typer.Typer(help="Correct firms' placements (校正): confirm, add, remove or move a segment link. "
                                "Example: chainkg override add 91331081MA2AAAAA10 auto-thermal --who 王 --why 年报主营")


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
