"""bench/cli_clock.py (the bench's ``chainkg`` with a clock) is the command a user runs: same exit code,
same store as ``chainkg load``, and its marks name every part of the split the bench prints."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

from chainkg.settings import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT))  # bench/ is not an installed package

from bench.gen import write_enterprises_csv  # noqa: E402
from bench.import_speed import write_messy  # noqa: E402

CLOCK = PROJECT_ROOT / "bench" / "cli_clock.py"


def _run(tmp_path, path, name: str, clock: bool) -> tuple[int, list, str]:
    db, marks = tmp_path / f"{name}.db", tmp_path / f"{name}.marks"
    cmd = ([sys.executable, str(CLOCK)] if clock else [sys.executable, "-m", "chainkg.cli"]) + [
        "load", str(path), "--store", str(db), "--quarantine", str(tmp_path / f"{name}-q.csv")]
    env = os.environ | {"PYTHONPATH": str(PROJECT_ROOT), "CHAINKG_BENCH_T0": repr(time.time()),
                        "CHAINKG_BENCH_MARKS": str(marks)}
    run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT label, id, props FROM nodes ORDER BY label, id").fetchall()
    return run.returncode, rows, marks.read_text() if clock else ""


def test_the_clock_runs_the_command_and_marks_every_part(tmp_path):
    clean = write_enterprises_csv(tmp_path / "registry.csv", 300, seed=3, explicit_segments=False)
    messy = write_messy(tmp_path / "messy.csv", clean, every=5)
    for path, code in ((clean, 0), (messy, 3)):  # 3: rows quarantined
        plain, clocked = _run(tmp_path, path, f"plain-{code}", False), _run(tmp_path, path, f"clock-{code}", True)
        assert plain[0] == clocked[0] == code and plain[1] == clocked[1] and len(plain[1]) > 300
        marks = dict(kv.split("=") for kv in clocked[2].split())
        assert list(marks) == ["start", "imports", "before_load", "load"] and float(marks["load"]) > 0
