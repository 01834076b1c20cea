"""UI benchmark: time to a rendered page, every page, on a generated 100k-enterprise graph.

``python bench/ui.py [--enterprises 100000] [--relationships 300000] [--store PATH] [--runs 3] [--sample]``

Each page runs under ``streamlit.testing.v1.AppTest`` (the whole script, all service calls and
widgets, no browser). Printed per page: the cold run (first visit after start: the service work is
done and cached) and the median of ``--runs`` warm runs (a new session — the cached results are
reused, as for a second user or a revisit). Target: < 2 s per page. The store is generated with
``bench/gen.py`` into a temp SQLite file (or ``--store`` when it exists). The generated firms are
declared a census (全量登记企业, every cluster) unless ``--sample``: then verdicts can say 缺失, the
gaps page ranks 招商 targets and the workbench has candidates — the pages do their full work, as
on a real registry export (a sample would leave the target and workbench pages nearly empty).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ["overview", "panorama", "gaps", "workbench", "chokepoints", "enterprises", "whatif", "importer", "query"]
CENSUS = "合成全量登记企业名录（bench/gen.py）"
TARGET_S = 2.0


def build_store(path: Path, n: int, rels: int, census: bool) -> None:
    from bench.gen import generate
    from etl.dataset import census_spec
    from graph.store.sqlite_store import SQLiteStore
    from graph.store.port import Batch

    store = SQLiteStore(path)
    t0 = time.perf_counter()
    ids: list[str] = []
    for batch in generate(n, rels, seed=0):
        ids += [e["id"] for e in batch.nodes.get("Enterprise", [])]
        store.write(batch)
    if census:  # the whole generated population declared a census of the firm base (as `chainkg load --census`)
        spec = census_spec(CENSUS, population="全量登记企业", as_of="2026-11-30")
        b = Batch()
        b.node("Dataset", spec.props())
        for eid in ids:
            b.rel("IN_DATASET", eid, spec.id)
        store.write(b)
    store.close()
    print(f"generated {n:,} enterprises / {rels:,} relationships in {time.perf_counter() - t0:.1f} s -> {path}"
          + (f" (declared a census: {CENSUS})" if census else " (a sample)"))


def run_page(page: str) -> float:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "ui" / "app.py"), default_timeout=600)
    t0 = time.perf_counter()
    at.run()
    if page != "overview":
        at.switch_page(f"views/{page}.py").run()
    took = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].value}")
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--enterprises", type=int, default=100_000)
    ap.add_argument("--relationships", type=int, default=300_000)
    ap.add_argument("--store", type=Path, default=None, help="existing or new SQLite file (default: temp)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sample", action="store_true", help="do not declare the generated firms a census")
    args = ap.parse_args()
    tmp = None
    path = args.store
    if path is None:
        tmp = tempfile.TemporaryDirectory(prefix="chainkg-bench-ui-")
        path = Path(tmp.name) / "kg.db"
    if not path.exists():
        build_store(path, args.enterprises, args.relationships, census=not args.sample)
    os.environ["CHAINKG_STORE"] = str(path)
    import logging

    import streamlit  # noqa: F401 - its loggers exist from here on

    # AppTest's "missing ScriptRunContext" warnings (bare mode, harmless) would drown the table
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True
    from graph.store.sqlite_store import SQLiteStore

    counts = SQLiteStore(path).counts()
    print(f"store: {counts['nodes'].get('Enterprise', 0):,} enterprises, "
          f"{sum(counts['relationships'].values()):,} relationships")
    os.environ["CHAINKG_UI_WARMUP"] = "0"  # measure the real cold cost of each page

    print("cold = first visit in a fresh process, warm-up thread off (overview's includes importing the UI "
          f"stack); warm = median of {args.runs} new sessions")
    print(f"{'page':<12} {'cold s':>8} {'warm median s':>14}  target < {TARGET_S:.0f} s")
    worst = 0.0
    for page in PAGES:
        cold = run_page(page)
        warm = statistics.median(run_page(page) for _ in range(args.runs))
        worst = max(worst, warm)
        flag = "ok" if warm < TARGET_S else "SLOW"
        print(f"{page:<12} {cold:>8.2f} {warm:>14.2f}  {flag}" + ("" if cold < TARGET_S else "  (cold over target)"))
    print(f"worst warm page: {worst:.2f} s")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
