"""Bench: the full chain analysis on a generated graph of 1,000,000 enterprises and 3,000,000
relationships (issue [7/7]: a cold full analysis ≤ 3 s embedded and ≤ 10 s on Neo4j, a what-if ≤ 1 s).

Prints, per store, the median of several runs (each in a fresh process, so cold) of
``graph.analytics.analysis.analyze`` for all seven clusters (gaps, criticality, chokepoints, projects, 招商
targets, 延链), with peak memory and the split of its time over the store calls; the median of a
what-if (the three largest local firms of the largest cluster leave); and, with ``--load-rate N``,
the write rate of N generated enterprises into a fresh store (what keeping the aggregates costs a
load). ``--baseline-runs`` adds the naive way: every enterprise and IN_SEGMENT row into Python.
Run the same file against another checkout (copy it there) for a before/after.

    python bench/analysis.py [--enterprises 1000000] [--relationships 3000000] [--runs 3] [--neo4j]
                             [--load-rate 100000] [--no-load]

The generated SQLite file is kept under bench/out/ (git-ignored) and reused when its size matches.
Neo4j: set CHAINKG_NEO4J_URL (``chainkg neo4j start --heap 4g`` prints one); it is wiped and loaded.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._util import ROOT, in_child  # noqa: E402
from bench.gen import generate  # noqa: E402
from graph.store.open import open_store  # noqa: E402

OUT = ROOT / "bench" / "out"


def _load(url: str, n: int, r: int) -> float:
    store = open_store(url)
    store.clear()
    t = time.perf_counter()
    for batch in generate(n, r, seed=7, chunk=100_000):
        store.write(batch)
    store.close()
    return time.perf_counter() - t


def run_analysis(url: str) -> dict:
    from graph.analytics.analysis import analyze
    from ontology import load_ontology

    t0 = time.perf_counter()
    store = open_store(url)
    t_open = time.perf_counter() - t0
    onto = load_ontology()
    spent: dict[str, float] = {}

    def timed_call(name, fn):
        def wrap(*a, **k):
            t1 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t1
        return wrap

    for name in ("segment_aggregates", "tech_holders", "top_firms", "dataset_clusters", "find_nodes"):
        setattr(store, name, timed_call(name, getattr(store, name)))
    t = time.perf_counter()
    result = analyze(store, onto)
    total = time.perf_counter() - t
    return {"seconds": total, "open_s": t_open, "aggregates_s": spent.get("segment_aggregates", 0.0),
            **{f"{k}_s": v for k, v in spent.items()}, "python_s": total - sum(spent.values()),
            "gaps": len(result["gaps"]), "projects": len(result["projects"]), "targets": len(result["targets"])}


def run_whatif(url: str) -> dict:
    """The three largest local firms of the largest cluster leave (cold process)."""
    from graph.analytics.whatif import Scenario, what_if
    from ontology import load_ontology

    store = open_store(url)
    onto = load_ontology()
    roots = [s.id for s in onto.segments.values() if s.parent is None and s.cluster == "auto"]
    gone = [f["id"] for f in store.top_firms([sid for r in roots for sid in onto.subtree(r)], local=True, limit=3)]
    t = time.perf_counter()
    out = what_if(store, onto, Scenario(remove_enterprises=gone))
    return {"seconds": time.perf_counter() - t, "changes": len(out["changes"])}


def run_load_rate(url: str, n: int) -> dict:
    """``n`` generated enterprises (3 relationships each) written into a fresh store, in 100k chunks."""
    if not url.startswith("neo4j") and Path(url).exists():
        Path(url).unlink()
    rows = 0
    store = open_store(url)
    store.clear()
    t = time.perf_counter()
    for batch in generate(n, 3 * n, seed=11, chunk=100_000):
        rows += batch.size
        store.write(batch)
    seconds = time.perf_counter() - t
    store.close()
    return {"seconds": seconds, "rows": rows, "rows_per_s": rows / seconds}


def run_baseline(url: str) -> dict:
    """Naive: every enterprise and membership into Python, roll up the hierarchy there."""
    from ontology import load_ontology

    store = open_store(url)
    onto = load_ontology()
    t = time.perf_counter()
    firms, offset = {}, 0
    while True:
        page = store.find_nodes("Enterprise", limit=100_000, offset=offset)
        firms.update({f["id"]: f for f in page})
        if len(page) < 100_000:
            break
        offset += 100_000
    members: dict[str, set[str]] = {}
    for sid in onto.segments:
        for rel in store.rels("IN_SEGMENT", dst=sid):
            s = onto.segments[sid]
            while s is not None:
                members.setdefault(s.id, set()).add(rel["src"])
                s = onto.segments.get(s.parent) if s.parent else None
    out = {}
    for sid, ids in members.items():
        local = [firms[i] for i in ids if firms[i].get("local")]
        outs = [float(f.get("output") or f.get("revenue") or 0) for f in local]
        out[sid] = (len(local), sum(outs), sum(o * o for o in outs))
    return {"seconds": time.perf_counter() - t, "segments": len(out)}


def _median(fn, url: str, runs: int, *more) -> dict:
    results = []
    for _ in range(runs):
        r, peak = in_child(fn, url, *more)
        results.append(r | {"peak_mb": peak})
    return {k: statistics.median(x[k] for x in results) for k in results[0] if isinstance(results[0][k], (int, float))} \
        | {"runs": [round(x["seconds"], 2) for x in results]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--enterprises", type=int, default=1_000_000)
    ap.add_argument("--relationships", type=int, default=3_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--baseline-runs", type=int, default=0)
    ap.add_argument("--load-rate", type=int, default=0, help="also time writing this many enterprises")
    ap.add_argument("--no-load", action="store_true", help="Neo4j: analyse what is loaded, do not reload")
    ap.add_argument("--neo4j", action="store_true", help="also on the Neo4j at CHAINKG_NEO4J_URL")
    ap.add_argument("--only-neo4j", action="store_true", help="only on the Neo4j at CHAINKG_NEO4J_URL")
    ap.add_argument("--sqlite", default=None, help="the SQLite file to analyse (default under bench/out/)")
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    db = Path(a.sqlite) if a.sqlite else OUT / f"analysis-{a.enterprises}-{a.relationships}.db"
    stores = [] if a.only_neo4j else [("sqlite", str(db))]
    if a.neo4j or a.only_neo4j:
        stores.append(("neo4j", os.environ["CHAINKG_NEO4J_URL"]))
    print(f"generated graph: {a.enterprises:,} enterprises, {a.relationships:,} enterprise relationships "
          f"(+ the ontology: 196 segments, 105 technologies)")
    for kind, url in stores:
        if (kind == "neo4j" and not a.no_load) or (kind == "sqlite" and not db.exists()):
            print(f"[{kind}] loading … {_load(url, a.enterprises, a.relationships):.1f} s")
        t = time.perf_counter()
        open_store(url).close()  # a store from before the stored aggregates counts them once here
        print(f"[{kind}] first open: {time.perf_counter() - t:.1f} s")
        m = _median(run_analysis, url, a.runs)
        target = 3 if kind == "sqlite" else 10
        split = ", ".join(f"{k[:-2]} {m[k]:.2f}" for k in m if k.endswith("_s") and k not in ("aggregates_s",))
        print(f"[{kind}] full analysis: median {m['seconds']:.2f} s (runs {m['runs']}); split (s): {split}; "
              f"peak {m['peak_mb']:.0f} MB; gaps={m['gaps']:.0f} projects={m['projects']:.0f} "
              f"targets={m['targets']:.0f}; target ≤ {target} s -> {'PASS' if m['seconds'] <= target else 'MISSED'}")
        w = _median(run_whatif, url, a.runs)
        print(f"[{kind}] what-if (3 largest local firms of auto leave): median {w['seconds']:.2f} s "
              f"(runs {w['runs']}), {w['changes']:.0f} changes; target ≤ 1 s -> {'PASS' if w['seconds'] <= 1 else 'MISSED'}")
        if a.baseline_runs:
            b = _median(run_baseline, url, a.baseline_runs)
            print(f"[{kind}] baseline (all rows into Python, aggregates only): median {b['seconds']:.2f} s, "
                  f"peak {b['peak_mb']:.0f} MB (runs {b['runs']})")
        if a.load_rate:
            target_url = str(OUT / f"loadrate-{a.load_rate}.db") if kind == "sqlite" else url
            r = _median(run_load_rate, target_url, a.runs if kind == "sqlite" else 1, a.load_rate)
            print(f"[{kind}] write {a.load_rate:,} enterprises ({r['rows']:,.0f} rows) into a fresh store: "
                  f"median {r['seconds']:.2f} s, {r['rows_per_s']:,.0f} rows/s (runs {r['runs']})")


if __name__ == "__main__":
    main()
