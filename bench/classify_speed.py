"""Classifier throughput, before and after a change, side by side: ``bench/classify.py --compare REV``.

The code of git revision REV (``git archive``, into a temporary folder) and the code of this tree
each classify the same records in their own Python process; the processes alternate (REV, this
tree, REV, this tree …) so that both see the same machine load, which on a shared machine swings
more than the difference being measured. Each process builds its index outside the timing, then
times ``runs`` cold passes (the per-line cache emptied before each: every line is new), CPU time
of the process. Printed: per CPU-second, the median of every pass of every round, for the real
ChainKnowledgeGraph records and the generated ones, with the ratio. Each tree reads its own
ontology; the records are the same (written once to a JSON file).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: runs inside each tree's process: only what REV's code has too (classify_many, build_index().cache)
WORKER = r"""
import json, sys, time
from etl.nlp import classify_many
from etl.nlp.index import build_index
from ontology.loader import load_ontology
recs, runs = json.load(open(sys.argv[1], encoding="utf-8")), int(sys.argv[2])
onto = load_ontology()
classify_many(recs[:100], onto)
out = []
for _ in range(runs):
    build_index(onto).cache.clear()
    c = time.process_time()
    classify_many(recs, onto)
    out.append(len(recs) / max(time.process_time() - c, 1e-9))
print(json.dumps(out))
"""


def export_rev(rev: str, dest: Path) -> None:
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev], check=True,
                         capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(tar)) as t:
        t.extractall(dest, filter="data")


def run_tree(tree: Path, records_file: Path, runs: int) -> list[float]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    res = subprocess.run([sys.executable, "-c", WORKER, str(records_file), str(runs)], cwd=tree, env=env,
                         check=True, capture_output=True, text=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def compare(rev: str, sets: dict[str, list[dict]], rounds: int = 5, runs: int = 3) -> None:
    """Print before (REV) / after (this tree) records per CPU-second for each set of records."""
    label = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", rev], check=True,
                           capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="chainkg-compare-") as tmp:
        base = Path(tmp) / "rev"
        base.mkdir()
        export_rev(rev, base)
        for name, recs in sets.items():
            if not recs:
                print(f"[compare] {name}: skipped (no records)")
                continue
            f = Path(tmp) / f"{name}.json"
            f.write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
            before, after = [], []
            for _ in range(rounds):
                before += run_tree(base, f, runs)
                after += run_tree(ROOT, f, runs)
            b, a = statistics.median(before), statistics.median(after)
            print(f"[compare] {name}: records={len(recs):,} cold, per CPU-second, median of {len(before)} passes "
                  f"({rounds} alternating process pairs x {runs}): before ({label}) {b:,.0f}/s | after (this tree) "
                  f"{a:,.0f}/s | x{a / b:.2f}; best pass {max(before):,.0f} | {max(after):,.0f}; "
                  f"load average {os.getloadavg()[0]:.1f}")
