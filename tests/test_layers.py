"""Layers point down only (ontology ← graph ← etl ← chainkg ← api, ui), and no product module
imports another in a cycle — checked on the source, so a new upward import fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

from chainkg.settings import PROJECT_ROOT

RANK = {"ontology": 0, "graph": 1, "etl": 2, "chainkg": 3, "api": 4, "ui": 4}


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m.split(".")[0] in RANK}


def _modules() -> dict[str, Path]:
    mods = {}
    for pkg in RANK:
        for path in (PROJECT_ROOT / pkg).rglob("*.py"):
            rel = path.relative_to(PROJECT_ROOT).with_suffix("")
            parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
            mods[".".join(parts)] = path
    return mods


def test_no_module_imports_a_layer_above_it():
    upward = []
    for mod, path in _modules().items():
        for imp in _imports(path):
            if RANK[imp.split(".")[0]] > RANK[mod.split(".")[0]]:
                upward.append(f"{mod} imports {imp}")
    assert upward == []


def test_no_import_cycle_between_product_modules():
    mods = _modules()
    g = nx.DiGraph()
    for mod, path in mods.items():
        for imp in _imports(path):
            target = imp if imp in mods else imp.rsplit(".", 1)[0]
            if target in mods and target != mod and not mods[target].name == "__init__.py":
                g.add_edge(mod, target)
    assert list(nx.simple_cycles(g)) == []
