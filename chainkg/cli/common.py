"""What every ``chainkg`` command shares: the settings read at the edge, the one translation of a
:class:`~chainkg.errors.ChainKGError` into a line on stderr and exit 1, the service on the store
``--store`` names, and the output helpers (``--format``, JSON, CJK-aligned tables).

>>> _pad("环节", 6) + "|"
'环节  |'
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable
from contextlib import contextmanager

import typer

from chainkg.service import ChainKG
from chainkg.errors import ChainKGError, InputError
from chainkg.settings import Settings, load_settings

__all__ = ["StoreOpt", "_settings", "_errors", "_call", "_json", "_print", "_choice", "_open_loaded", "_params",
           "_pad"]

StoreOpt = typer.Option(None, "--store", help="Store file or neo4j://user:pass@host:port (default: CHAINKG_STORE)")


@contextmanager
def _errors():
    """A ChainKGError inside becomes one line on stderr and exit 1 — the one place the CLI translates errors."""
    try:
        yield
    except ChainKGError as e:
        typer.echo(f"error [{e.code}]: {e}", err=True)
        raise typer.Exit(1) from None


def _settings(store: str | None) -> Settings:
    """The environment's settings (``--store`` first); a refused one (a
    :class:`~chainkg.settings.SettingsError`) → one line naming it, exit 1 (:func:`_errors`)."""
    with _errors():
        return load_settings(**({"store": store} if store else {}))


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


def _pad(text: str, width: int) -> str:
    """Left-align ``text`` in ``width`` terminal columns (a CJK character takes two)."""
    cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - cols)
