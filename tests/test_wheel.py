"""It runs from an install, not only from a checkout: build the wheel, install it (no project
files, dependencies borrowed from the test environment) into a fresh virtual environment, and run
``chainkg load && chainkg analyze`` from an empty directory — the bundled data comes from the wheel."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from chainkg.settings import PROJECT_ROOT


def _run(cmd, cwd, env=None, timeout=600):
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, f"{cmd}: {r.stdout[-2000:]}\n{r.stderr[-2000:]}"
    return r.stdout


def test_wheel_installs_and_runs_from_an_empty_directory(tmp_path):
    src = tmp_path / "src"  # build from a copy: setuptools writes build/ into the source tree
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(PROJECT_ROOT / name, src / name)
    for pkg in ("chainkg", "ontology", "etl", "graph", "api", "ui"):
        shutil.copytree(PROJECT_ROOT / pkg, src / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(dist)], cwd=tmp_path)
    wheel = next(dist.glob("chainkg-*.whl"))
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    py = venv / "bin" / "python"
    site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path).strip())
    # the dependencies, not the project: a plain path line does not run the checkout's editable finder
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run([str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], cwd=tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHAINKG_") and k != "PYTHONPATH"} | {
        "HOME": str(tmp_path / "home"), "CHAINKG_STORE": str(empty / "kg.db")}
    where = _run([str(py), "-c", "import etl, chainkg; print(etl.__file__); print(chainkg.__file__)"], empty, env)
    assert str(PROJECT_ROOT) not in where and str(site) in where          # imported from the wheel
    tpl = _run([str(py), "-c", "from etl.templates import template_files as f; print(*(p.name for p in f()))"], empty, env)
    assert tpl.split() == ["enterprises.csv", "technologies.csv", "holdings.csv", "supply.csv", "README.md"]  # the import page's downloads
    # the 招商 distance's city points are package data too (graph/analytics/city_points.csv)
    assert "city" in _run([str(py), "-c", "from graph.analytics.distance import place_point as p; print(p({'city': '成都市'}))"],
                          empty, env)
    out = _run([str(venv / "bin" / "chainkg"), "load"], empty, env)
    assert "A股上市公司（台州注册）" in out
    result = json.loads(_run([str(venv / "bin" / "chainkg"), "analyze", "--cluster", "sewing", "--format", "json"],
                             empty, env))
    assert result["gaps"] and all(g["coverage"]["datasets"] for g in result["gaps"] if g["evidence"]["local_firms"])
    assert (empty / "kg.db").exists()                                  # the store is where the user said
