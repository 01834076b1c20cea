"""Operations: ``chainkg serve`` (the API and the UI side by side) and ``chainkg neo4j`` (start, stop
and status of the local Neo4j Community server)."""

from __future__ import annotations

from typing import Optional

import typer

from chainkg.cli.common import StoreOpt, _errors, _settings

__all__ = ["serve", "neo4j_app"]

neo4j_app = typer.Typer(help="Run a local Neo4j Community 5.26 (from Maven Central) on 127.0.0.1.")


def serve(store: Optional[str] = StoreOpt, load_first: bool = typer.Option(True, help="Load the bundled data first"),
          api_port: int = typer.Option(8000), ui_port: int = typer.Option(8501)) -> None:
    """Serve the API on 127.0.0.1:8000 and the UI on 127.0.0.1:8501 (Ctrl-C stops both).

    Example: chainkg serve --store /tmp/kg.db
    """
    from chainkg.run import serve as _serve

    with _errors():
        _serve(_settings(store), load_first=load_first, api_port=api_port, ui_port=ui_port)


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
