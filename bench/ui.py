"""UI benchmark: time to a rendered page, every page, on a generated 100k-enterprise graph.

``python bench/ui.py [--enterprises 100000] [--relationships 300000] [--store PATH] [--runs 3] [--sample]``

Each page runs under ``streamlit.testing.v1.AppTest`` (the whole script, all service calls and
widgets, no browser). Printed per page: the cold run — the page's first visit in a fresh process of
its own (warm-up thread off), so it pays the UI stack's imports and every service call of that page
alone, as the first visitor after a start does — split into its imports and its run; and the median
of ``--runs`` warm runs (a new session — the cached results are reused, as for a second user or a
revisit). Target: < 2 s per page. The store is generated with
``bench/gen.py`` into a temp SQLite file (or ``--store`` when it exists). The generated firms are
declared a census (全量登记企业, every cluster) unless ``--sample``: then verdicts can say 缺失, the
gaps page ranks 招商 targets and the workbench has candidates — the pages do their full work, as
on a real registry export (a sample would leave the target and workbench pages nearly empty).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
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

    from streamlit.util import calc_hash

    from ui.nav import pages

    at = AppTest.from_file(str(ROOT / "ui" / "app.py"), default_timeout=600)
    if page != "overview":  # open the page itself, as its URL does (not the overview first)
        at.switch_page(f"views/{page}.py")
        # before a first run AppTest names a page by its file (importer); st.Page by its URL path
        # (import): without this the importer's figure was the overview's
        url = next(p.url for p in pages(console=True) if p.file == f"views/{page}.py")
        at._page_hash = calc_hash(url)
    t0 = time.perf_counter()
    at.run()
    took = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].value}")
    if page != "overview" and any(x.value == "台州产业链知识图谱" for x in at.title):
        raise RuntimeError(f"{page}: the overview ran instead of the page")
    return took


def cold_visit(page: str, store: Path) -> dict:
    """The page's first visit in a fresh process (this script with ``--cold PAGE``): its seconds."""
    env = os.environ | {"CHAINKG_STORE": str(store), "CHAINKG_UI_WARMUP": "0"}
    r = subprocess.run([sys.executable, __file__, "--store", str(store), "--cold", page], env=env, capture_output=True,
                       text=True, timeout=1800)
    if r.returncode:
        raise RuntimeError(f"{page}: cold visit failed\n{r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def _cold_child(page: str) -> None:
    """In the fresh process: import the UI stack the app imports, then run the page once."""
    import logging

    t0 = time.perf_counter()
    import streamlit  # noqa: F401
    import ui.common  # noqa: F401 - the service, pandas, the store adapters

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").disabled = True
    imports = time.perf_counter() - t0
    print(json.dumps({"imports": imports, "run": run_page(page)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--enterprises", type=int, default=100_000)
    ap.add_argument("--relationships", type=int, default=300_000)
    ap.add_argument("--store", type=Path, default=None, help="existing or new SQLite file (default: temp)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sample", action="store_true", help="do not declare the generated firms a census")
    ap.add_argument("--cold", metavar="PAGE", help=argparse.SUPPRESS)  # internal: one cold visit in this process
    args = ap.parse_args()
    if args.cold:
        return _cold_child(args.cold)
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

    print("cold = the page's first visit in a fresh process of its own, warm-up thread off: imports of the UI "
          f"stack + the page's run; warm = median of {args.runs} new sessions (in this process, after its own "
          "first visit)")
    print(f"{'page':<12} {'cold s':>8} {'imports':>8} {'run':>6} {'warm median s':>14}  target < {TARGET_S:.0f} s")
    worst = 0.0
    for page in PAGES:
        cold = cold_visit(page, path)
        run_page(page)  # this process's own first visit fills the caches for the warm runs
        warm = statistics.median(run_page(page) for _ in range(args.runs))
        worst = max(worst, warm)
        total = cold["imports"] + cold["run"]
        flag = "ok" if warm < TARGET_S else "SLOW"
        print(f"{page:<12} {total:>8.2f} {cold['imports']:>8.2f} {cold['run']:>6.2f} {warm:>14.2f}  {flag}"
              + ("" if cold["run"] < TARGET_S else "  (cold run over target)"), flush=True)
    print(f"worst warm page: {worst:.2f} s")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
