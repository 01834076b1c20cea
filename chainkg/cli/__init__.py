"""The ``chainkg`` command line. Each command mirrors one method of :class:`chainkg.service.ChainKG`
(or :mod:`graph.server.neo4j_server`); errors of the :class:`~chainkg.errors.ChainKGError` family are
translated here, once, into a message and an exit code (1 error, 2 usage, 3 rows quarantined).

One module per concept: what the commands share (:mod:`chainkg.cli.common`: settings, the error
translation, output), ``load`` (:mod:`~chainkg.cli.load`), the commands that read the graph
(:mod:`~chainkg.cli.analysis`), policy text and actual figures (:mod:`~chainkg.cli.policy`), the
placement corrections (:mod:`~chainkg.cli.overrides`), the reference chains
(:mod:`~chainkg.cli.chains`) and the servers (:mod:`~chainkg.cli.server`). This module only names the
commands, in the order ``chainkg --help`` lists them. Heavy libraries (spaCy, pandas, the Neo4j
driver) are imported inside the commands that need them, so ``--help`` stays fast.
"""

from __future__ import annotations

import typer

from chainkg.cli.analysis import analyze, report, stats, what_if
from chainkg.cli.chains import ontology_app
from chainkg.cli.load import load
from chainkg.cli.overrides import override_app
from chainkg.cli.policy import actuals_app, extract
from chainkg.cli.server import neo4j_app, serve

__all__ = ["app"]

app = typer.Typer(help="ChainKG — 台州产业链知识图谱. Example: chainkg load && chainkg analyze --cluster auto",
                  no_args_is_help=True, add_completion=False)
for command in (load, stats, analyze, report, extract):
    app.command()(command)
app.command("what-if")(what_if)
app.command()(serve)
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(ontology_app, name="ontology")
app.add_typer(override_app, name="override")
app.add_typer(actuals_app, name="actuals")
