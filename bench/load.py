"""Benchmark [1/6]: load the bundled Taizhou data and a generated 100,000-enterprise file into each
store (embedded SQLite, and Neo4j when ``CHAINKG_NEO4J_URL`` is set); print rows/s and peak memory,
median of ``--runs`` (≥ 3) runs, each in its own child process on a fresh store.

Rows = nodes + relationships written (``LoadReport.written``, the ontology included); the time is
the whole ``ChainKG.load`` (read, validate, classify, resolve, one atomic write). On Neo4j the
write's own split is printed too (``Neo4jStore.last_write``: lock + before-states, rows,
aggregates, commit).

``--before DIR``: the same runs, side by side, with the code of another checkout (``git archive
<commit> graph etl ontology chainkg | tar -x -C DIR``) first on the children's path — same files,
same server, so the difference is the code. ``--checksum``: each run's store checksum (before and
after must agree).

    python bench/load.py [--enterprises 100000] [--runs 3] [--before DIR] [--only neo4j] [--checksum]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._util import fmt_rate, median_runs, timed  # noqa: E402


def run_load(store_url: str, files: list[str] | None, code: str | None = None, checksum: bool = False) -> dict:
    """One load into a fresh store (child process); ``code``: a checkout to import the project from."""
    if code:
        sys.path.insert(0, code)
    from chainkg.service import ChainKG
    from graph.store.open import open_store

    if not store_url.startswith("neo4j") and Path(store_url).exists():
        Path(store_url).unlink()
    store = open_store(store_url)
    store.clear()
    seconds, report = timed(ChainKG(store).load, files)
    split = dict(getattr(store, "last_write", None) or {})
    total = store.checksum() if checksum else None
    store.close()
    return {"seconds": seconds, "rows": report.written, "split": split, "checksum": total}


def _split(m: dict) -> str:
    keys = m["runs"][0]["split"]
    if not keys:
        return ""
    return "  write split (median s): " + ", ".join(
        f"{k} {statistics.median(r['split'][k] for r in m['runs']):.1f}" for k in keys)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--enterprises", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--before", help="a checkout of the code to compare with (its graph/, etl/, … )")
    ap.add_argument("--only", choices=("sqlite", "neo4j"))
    ap.add_argument("--checksum", action="store_true")
    args = ap.parse_args()
    from bench.gen import write_enterprises_csv

    tmp = Path(tempfile.mkdtemp(prefix="chainkg-bench-"))
    csv = write_enterprises_csv(tmp / "generated.csv", args.enterprises, seed=42)
    stores = [("sqlite", str(tmp / "bench.db"))] if args.only != "neo4j" else []
    if os.environ.get("CHAINKG_NEO4J_URL") and args.only != "sqlite":
        stores.append(("neo4j", os.environ["CHAINKG_NEO4J_URL"]))
    elif args.only != "sqlite":
        print("(Neo4j skipped: set CHAINKG_NEO4J_URL)")
    print(f"cpus={os.cpu_count()}  runs={args.runs}  generated={args.enterprises:,} enterprises")
    codes = [("before", str(Path(args.before).resolve())), ("after", None)] if args.before else [("", None)]
    for kind, url in stores:
        for name, files in (("bundled", None), (f"generated-{args.enterprises // 1000}k", [str(csv)])):
            sums = {}
            for label, code in codes:
                try:
                    m = median_runs(run_load, url, files, code, args.checksum, runs=args.runs)
                except RuntimeError as e:  # e.g. the before code's transaction outgrew the server's memory
                    print(f"{label + ' ' if label else ''}{kind}:{name:<26} FAILED: {str(e)[:300]}", flush=True)
                    continue
                sums[label] = m["runs"][0]["checksum"]
                print(fmt_rate(f"{label + ' ' if label else ''}{kind}:{name}", m), flush=True)
                if _split(m):
                    print(_split(m), flush=True)
            if len(sums) == 2 and None not in sums.values():
                print(f"  checksums {'agree' if len(set(sums.values())) == 1 else 'DIFFER'}: "
                      + ", ".join(f"{k} {v[:16]}…" for k, v in sums.items()), flush=True)


if __name__ == "__main__":
    main()
