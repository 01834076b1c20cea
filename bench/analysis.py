"""Bench: the full chain analysis on a generated graph of 1,000,000 enterprises and 3,000,000
relationships (issue [4/6]: targets < 10 s on the embedded store, < 30 s on Neo4j).

Prints, per store, the median of several runs (each in a fresh process) of ``graph.analysis.analyze``
for all seven clusters (gaps, criticality, chokepoints, projects, 招商 targets, 延链), with peak
memory, and side by side a baseline run: the same per-segment figures computed the naive way, by
pulling every enterprise and IN_SEGMENT row into Python (what "aggregate inside the store" avoids).

    python bench/analysis.py [--enterprises 1000000] [--relationships 3000000] [--runs 3] [--neo4j]

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
from graph.open import open_store  # noqa: E402

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
    from graph.analysis import analyze
    from ontology import load_ontology

    store = open_store(url)
    onto = load_ontology()
    t = time.perf_counter()
    aggs = {a.segment_id: a for a in store.segment_aggregates()}
    t_aggs = time.perf_counter() - t
    result = analyze(store, onto, aggregates=aggs)
    total = time.perf_counter() - t
    return {"seconds": total, "aggregates_s": t_aggs, "gaps": len(result["gaps"]),
            "projects": len(result["projects"]), "targets": len(result["targets"])}


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


def _median(fn, url: str, runs: int) -> dict:
    results = []
    for _ in range(runs):
        r, peak = in_child(fn, url)
        results.append(r | {"peak_mb": peak})
    return {k: statistics.median(x[k] for x in results) for k in results[0] if isinstance(results[0][k], (int, float))} \
        | {"runs": [round(x["seconds"], 2) for x in results]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--enterprises", type=int, default=1_000_000)
    ap.add_argument("--relationships", type=int, default=3_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--baseline-runs", type=int, default=1)
    ap.add_argument("--neo4j", action="store_true", help="also on the Neo4j at CHAINKG_NEO4J_URL")
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / f"analysis-{a.enterprises}-{a.relationships}.db"
    stores = [("sqlite", str(db))]
    if a.neo4j:
        stores.append(("neo4j", os.environ["CHAINKG_NEO4J_URL"]))
    print(f"generated graph: {a.enterprises:,} enterprises, {a.relationships:,} enterprise relationships "
          f"(+ the ontology: 196 segments, 105 technologies)")
    for kind, url in stores:
        if kind == "neo4j" or not db.exists():
            print(f"[{kind}] loading … {_load(url, a.enterprises, a.relationships):.1f} s")
        m = _median(run_analysis, url, a.runs)
        target = 10 if kind == "sqlite" else 30
        print(f"[{kind}] full analysis: median {m['seconds']:.2f} s (runs {m['runs']}), of which store aggregates "
              f"{m['aggregates_s']:.2f} s; peak {m['peak_mb']:.0f} MB; gaps={m['gaps']:.0f} projects={m['projects']:.0f} "
              f"targets={m['targets']:.0f}; target < {target} s -> {'PASS' if m['seconds'] < target else 'MISSED'}")
        if a.baseline_runs:
            b = _median(run_baseline, url, a.baseline_runs)
            print(f"[{kind}] baseline (all rows into Python, aggregates only): median {b['seconds']:.2f} s, "
                  f"peak {b['peak_mb']:.0f} MB (runs {b['runs']}); ours is {b['seconds'] / m['aggregates_s']:.1f}x "
                  f"faster on the aggregates and uses {b['peak_mb'] / m['peak_mb']:.1f}x less memory")


if __name__ == "__main__":
    main()
