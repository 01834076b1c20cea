"""Benchmark [1/6]: load the bundled Taizhou data and a generated 100,000-enterprise file into each
store (embedded SQLite, and Neo4j when ``CHAINKG_NEO4J_URL`` is set); print rows/s and peak memory,
median of ``--runs`` (≥ 3) runs, each in its own child process on a fresh store.

Rows = nodes + relationships written (``LoadReport.written``, the ontology included); the time is
the whole ``ChainKG.load`` (read, validate, classify, resolve, one atomic write).

    python bench/load.py [--enterprises 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._util import fmt_rate, median_runs, timed  # noqa: E402


def run_load(store_url: str, files: list[str] | None) -> dict:
    """One load into a fresh store (child process)."""
    from chainkg.service import ChainKG
    from graph.store.open import open_store

    if not store_url.startswith("neo4j") and Path(store_url).exists():
        Path(store_url).unlink()
    store = open_store(store_url)
    store.clear()
    seconds, report = timed(ChainKG(store).load, files)
    store.close()
    return {"seconds": seconds, "rows": report.written}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--enterprises", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from bench.gen import write_enterprises_csv

    tmp = Path(tempfile.mkdtemp(prefix="chainkg-bench-"))
    csv = write_enterprises_csv(tmp / "generated.csv", args.enterprises, seed=42)
    stores = [("sqlite", str(tmp / "bench.db"))]
    if os.environ.get("CHAINKG_NEO4J_URL"):
        stores.append(("neo4j", os.environ["CHAINKG_NEO4J_URL"]))
    else:
        print("(Neo4j skipped: set CHAINKG_NEO4J_URL)")
    print(f"cpus={os.cpu_count()}  runs={args.runs}  generated={args.enterprises:,} enterprises")
    for kind, url in stores:
        for name, files in (("bundled", None), (f"generated-{args.enterprises // 1000}k", [str(csv)])):
            print(fmt_rate(f"{kind}:{name}", median_runs(run_load, url, files, runs=args.runs)), flush=True)


if __name__ == "__main__":
    main()
