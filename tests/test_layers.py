"""The picture in docs/architecture.md, checked on the source so a new import or file that breaks it
fails here:

* layers point down only — ontology ← graph.server ← graph.store ← etl, graph.analytics ← chainkg ←
  api, ui — and the two halves of a layer (etl and graph.analytics; api and ui) do not import each
  other;
* etl and graph.analytics reach storage only through the port, ``graph.store.port``;
* every module of ``graph/`` sits in one of its three packages (storage, analytics, operations);
* no product module imports another in a cycle;
* ``tests/`` mirrors the code: a test module sits in the folder of the package it tests, except the
  few cross-cutting suites listed below with their reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

from chainkg.settings import PROJECT_ROOT

TOP = ("ontology", "graph", "etl", "chainkg", "api", "ui")
RANK = {"ontology": 0, "graph.server": 1, "graph.store": 2, "etl": 3, "graph.analytics": 3, "chainkg": 4,
        "api": 5, "ui": 5}
PORT = "graph.store.port"
THROUGH_PORT = ("etl", "graph.analytics")  # they see storage as the GraphStore contract, never an adapter

#: test modules outside the mirror of a package, each with its reason
CROSS_CUTTING = {
    "test_layers.py": "the import graph of every product package and the layout of tests/",
    "test_doctests.py": "the docstring examples of every product package",
    "test_wheel.py": "the installed wheel as a whole, from an empty directory",
    "test_compose.py": "Dockerfile and docker-compose.yml, which belong to no package",
    "test_docs.py": "the links between docs/'s why pages and their round logs, which belong to no package",
    "security": "one suite per attack surface (auth, body limits, console, hardening), each crossing "
                "API, UI, store and server",
}


def _component(mod: str) -> str | None:
    """The layer a module belongs to: the longest prefix of it in RANK."""
    parts = mod.split(".")
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in RANK:
            return ".".join(parts[:n])
    return None


def _modules() -> dict[str, Path]:
    mods = {}
    for pkg in TOP:
        for path in (PROJECT_ROOT / pkg).rglob("*.py"):
            rel = path.relative_to(PROJECT_ROOT).with_suffix("")
            parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
            mods[".".join(parts)] = path
    return mods


MODS = _modules()


def _imports(path: Path) -> set[str]:
    """Product modules ``path`` imports; ``from pkg import sub`` counts as importing ``pkg.sub`` when
    that is a module."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            subs = {f"{node.module}.{a.name}" for a in node.names} & MODS.keys()
            out.update(subs or {node.module})
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m.split(".")[0] in TOP}


def test_every_graph_module_sits_in_storage_analytics_or_operations():
    assert [m for m in MODS if m.startswith("graph") and m != "graph" and _component(m) is None] == []
    body = ast.parse(MODS["graph"].read_text(encoding="utf-8")).body
    assert all(isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) for n in body)  # a docstring at most


def test_no_module_imports_a_layer_above_it_or_beside_it():
    wrong = []
    for mod, path in MODS.items():
        here = _component(mod)
        for imp in _imports(path):
            there = _component(imp)
            if here is None or there is None:
                if mod != "graph":
                    wrong.append(f"{mod} imports {imp} (no layer)")
            elif RANK[there] > RANK[here] or (RANK[there] == RANK[here] and there != here):
                wrong.append(f"{mod} ({here}) imports {imp} ({there})")
    assert wrong == []


def test_etl_and_analytics_reach_storage_only_through_the_port():
    wrong = [f"{mod} imports {imp}" for mod, path in MODS.items() if _component(mod) in THROUGH_PORT
             for imp in _imports(path) if _component(imp) == "graph.store" and imp != PORT]
    assert wrong == []


def test_no_import_cycle_between_product_modules():
    g = nx.DiGraph()
    for mod, path in MODS.items():
        for imp in _imports(path):
            target = imp if imp in MODS else imp.rsplit(".", 1)[0]
            if target in MODS and target != mod and not MODS[target].name == "__init__.py":
                g.add_edge(mod, target)
    assert list(nx.simple_cycles(g)) == []


def _misplaced(tests: Path, root: Path) -> list[str]:
    """Test modules under ``tests`` that sit neither in the mirror of a code folder of ``root`` nor in
    CROSS_CUTTING."""
    code = {p.parent.relative_to(root).parts for p in root.rglob("*.py")
            if p.parent.relative_to(root).parts[:1] in {(t,) for t in (*TOP, "bench")}}
    out = []
    for path in sorted(tests.rglob("test_*.py")):
        parts = path.relative_to(tests).parts
        if parts[0] in CROSS_CUTTING or parts[:-1] in code:
            continue
        out.append("/".join(parts))
    return out


def test_tests_mirror_the_packages():
    assert _misplaced(PROJECT_ROOT / "tests", PROJECT_ROOT) == []


def test_every_cross_cutting_exception_still_exists():
    assert [name for name in CROSS_CUTTING if not (PROJECT_ROOT / "tests" / name).exists()] == []


def test_the_mirror_check_finds_a_test_outside_any_package(tmp_path):
    (tmp_path / "etl" / "nlp").mkdir(parents=True)
    (tmp_path / "etl" / "nlp" / "classify.py").write_text("")
    for rel in ("tests/etl/nlp/test_ok.py", "tests/nlp/test_lost.py", "tests/test_loose.py",
                "tests/security/test_x.py", "tests/test_layers.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("")
    assert _misplaced(tmp_path / "tests", tmp_path) == ["nlp/test_lost.py", "test_loose.py"]
