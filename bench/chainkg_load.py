"""Benchmark [3/6]: the full ChainKnowledgeGraph data (~100k nodes, ~170k relationships) into the
embedded store and into the local Neo4j (rows/s, peak memory, median of 3), and the PEER BASELINE
on the same Neo4j in the same run.

Ours: ``load_public(..., fmt="chainkg")`` — read, validate, classify, ONE atomic batched write.
Peer: liuhuanyong/ChainKnowledgeGraph ``build_graph.py`` reproduced faithfully on a sample: one
``CREATE (:label{k:'v',…})`` per node and one ``match(p:a),(q:b) where p.name='…' and q.name='…'
create (p)-[rel:…]->(q)`` per relationship, values interpolated into the text, each statement
auto-committed, no index (the peer creates none; py2neo ``Graph.run`` is auto-commit too). Its
labels (``company``/``product``/``industry``, lower case) do not clash with ours and are deleted
afterwards. The sample favours the peer: its label scans grow with the graph.

    CHAINKG_NEO4J_URL=neo4j://… python bench/chainkg_load.py [--data DIR] [--runs 3] [--sample 5000]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._util import ROOT, fmt_rate, median_runs, timed  # noqa: E402

SHARED = Path(os.environ.get("CHAINKG_SHARED", ROOT.parent / "shared")) / "data"


def run_ours(store_url: str, paths: list[str]) -> dict:
    """One full public load into a fresh store (child process)."""
    from etl.public import load_public
    from graph.store.open import open_store
    from ontology.loader import load_ontology

    if not store_url.startswith("neo4j") and Path(store_url).exists():
        Path(store_url).unlink()
    store = open_store(store_url)
    store.clear()
    onto = load_ontology()
    seconds, report = timed(load_public, store, paths, fmt="chainkg", ontology=onto)
    counts = store.counts()
    store.close()
    return {"seconds": seconds, "rows": report.written, "nodes": sum(counts["nodes"].values()),
            "rels": sum(counts["relationships"].values())}


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def peer_sample(data: Path, n_nodes: int, n_rels: int) -> tuple[list[tuple[str, dict]], list[tuple]]:
    """Nodes (label, record) and relationships as the peer reads them: its files, its keys."""
    cp = _lines(data / "reconstructed_from_sovlookup_sql" / "company_product.jsonl")[:n_rels]
    companies = {r["company_name"] for r in cp}
    products = list(dict.fromkeys(r["product_name"] for r in cp))
    nodes = [("company", c) for c in _lines(data / "company.json") if c["name"] in companies]
    nodes += [("product", {"name": p}) for p in products]
    for p in _lines(data / "product.json"):
        if len(nodes) >= n_nodes:
            break
        nodes.append(("product", p))
    rels = [("company", "product", r["company_name"], r["product_name"], r["rel"], r["rel_weight"]) for r in cp]
    return nodes[:n_nodes], rels


def run_peer(url: str, data: str, n_nodes: int, n_rels: int) -> dict:
    """build_graph.py's create_node / create_relationship_attr loops, over the neo4j driver."""
    from graph.store.neo4j_store import parse_url
    import neo4j

    uri, auth, db = parse_url(url)
    nodes, rels = peer_sample(Path(data), n_nodes, n_rels)
    drv = neo4j.GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF")
    failed = 0
    with drv.session(database=db) as g:
        g.run("MATCH (n) WHERE n:company OR n:product OR n:industry DETACH DELETE n").consume()
        t = time.perf_counter()
        for label, node in nodes:
            body = ", ".join(f"{k}:'{v}'" for k, v in node.items())
            try:
                g.run(f"CREATE (:{label}{{{body}}})").consume()  # noqa: the peer's interpolation, on purpose
            except Exception:
                failed += 1
        for a, b, p, q, rel, w in rels:
            query = (f"match(p:{a}),(q:{b}) where p.name='{p}'and q.name='{q}' "
                     f"create (p)-[rel:{rel}{{权重:'{w}'}}]->(q)")
            try:
                g.run(query).consume()
            except Exception:
                failed += 1
        seconds = time.perf_counter() - t
        g.run("MATCH (n) WHERE n:company OR n:product OR n:industry DETACH DELETE n").consume()
    drv.close()
    return {"seconds": seconds, "rows": len(nodes) + len(rels), "failed": failed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=SHARED / "chainkg-liuhuanyong")
    ap.add_argument("--tushare", type=Path, default=SHARED / "tushare-dump-wp19991" / "stock_company.json")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sample", type=int, default=5000, help="peer sample: nodes and relationships each")
    args = ap.parse_args()
    paths = [str(args.data)] + ([str(args.tushare)] if args.tushare.exists() else [])
    url = os.environ.get("CHAINKG_NEO4J_URL")
    print(f"cpus={os.cpu_count()}  runs={args.runs}  data={args.data}")
    db = str(Path(tempfile.mkdtemp(prefix="chainkg-bench-")) / "ckg.db")
    m = median_runs(run_ours, db, paths, runs=args.runs)
    print(fmt_rate("ours sqlite (full)", m) + f"  nodes={m['runs'][0]['nodes']:,} rels={m['runs'][0]['rels']:,}")
    if not url:
        print("(Neo4j and the peer baseline skipped: set CHAINKG_NEO4J_URL)")
        return
    ours = median_runs(run_ours, url, paths, runs=args.runs)
    print(fmt_rate("ours neo4j (full)", ours), flush=True)
    peer = median_runs(run_peer, url, str(args.data), args.sample, args.sample, runs=args.runs)
    print(fmt_rate(f"peer build_graph.py neo4j ({args.sample}+{args.sample})", peer)
          + f"  failed statements={peer['runs'][0]['failed']}")
    print(f"speed-up ours/peer (neo4j rows/s): {ours['rows_per_s'] / peer['rows_per_s']:.1f}x  "
          f"(target >= 30x; ours target >= 20,000 rows/s: {'met' if ours['rows_per_s'] >= 20_000 else 'MISSED'})")


if __name__ == "__main__":
    main()
