"""Validation of the analytics, printed (issue [4/6] item 8).

(a) Hidden enterprises → gap detection, on the bundled Taizhou data (loaded into a temporary SQLite
    store; the scenario never writes to it). For every segment with >= 1 local firm (its subtree's
    firms, as the strength aggregates count them) the what-if removes them all and checks that the
    segment becomes 缺失 "missing" and that each ancestor's strength drops. Harder variant: for every
    segment with >= 2 local firms keep one (the first by id) and expect 单点依赖 "single_point".
(b) Hidden upstream relations → link suggestion (graph.relatedness), on the A-share product graph of
    ../shared/data/chainkg-liuhuanyong (product_product.jsonl, 上游材料: from is made from to).
    10 % of the relations are held out; for each held-out (product, upstream) pair every known
    upstream product is ranked for that product from the remaining graph. Printed per scorer:
    recall@10, recall@50 and AUC (held-out pair vs a random product–upstream non-pair), median of
    3 seeds. Scorers: popularity (baseline), collaborative (Adamic–Adar item-based), category (产品小类
    parents/children/siblings), company (products made by the same A-share company), FEEDS (products
    classified into segments A → B with A FEEDS B), and their combination (fixed weights, not tuned).

    .venv/bin/python bench/validate.py [--holdout 0.1] [--seeds 3] [--skip-a] [--skip-b]
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.relatedness import UpstreamIndex, collaborative_scores, combine, neighbour_scores  # noqa: E402
from ontology.loader import load_ontology  # noqa: E402

SHARED = Path(os.environ.get("CHAINKG_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data" / "chainkg-liuhuanyong"


# ---------------------------------------------------------------- (a) hidden enterprises
def _local_firms(store, onto, sid) -> list[str]:
    ids = set()
    for child in onto.subtree(sid):
        ids.update(f["id"] for f in store.find_enterprises(segment=child, local=True, limit=10_000)[1])
    return sorted(ids)


def validate_gaps() -> None:
    from chainkg.service import ChainKG
    from graph.analytics.analysis import analyze_from_aggregates
    from graph.store.sqlite_store import SQLiteStore
    from graph.analytics.whatif import Scenario, what_if

    onto = load_ontology()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "validate.db")
        rep = ChainKG(store).load()
        aggs = {a.segment_id: a for a in store.segment_aggregates()}
        base = {g["segment_id"]: g for g in analyze_from_aggregates(onto, aggs)["gaps"]}
        counts = store.counts()
        print(f"[gaps] bundled data loaded into a temporary SQLite store: {counts.get('nodes', counts)}")
        firms = {sid: _local_firms(store, onto, sid) for sid in onto.segments}
        present = [sid for sid in onto.segments if firms[sid]]
        before_cnt = store.checksum()
        per_cluster = defaultdict(lambda: [0, 0, 0, 0])  # segments, flagged missing, ancestors, ancestors dropped
        rose = []
        misses = []
        for sid in present:
            seg = onto.segments[sid]
            res = what_if(store, onto, Scenario(remove_enterprises=firms[sid]), cluster=seg.cluster)
            after = {g["segment_id"]: g for g in res["gaps_after"]}
            c = per_cluster[seg.cluster]
            c[0] += 1
            if after[sid]["kind"] == "missing":
                c[1] += 1
            else:
                misses.append((sid, after[sid]["kind"]))
            for anc in onto.ancestors(sid)[1:]:
                c[2] += 1
                c[3] += after[anc]["strength"] < base[anc]["strength"]
                if after[anc]["strength"] > base[anc]["strength"]:
                    rose.append((sid, anc, base[anc]["strength"], after[anc]["strength"]))
        # harder: keep one firm
        sp = defaultdict(lambda: [0, 0])
        sp_miss = []
        for sid in present:
            if len(firms[sid]) < 2:
                continue
            seg = onto.segments[sid]
            res = what_if(store, onto, Scenario(remove_enterprises=firms[sid][1:]), cluster=seg.cluster)
            kind = {g["segment_id"]: g for g in res["gaps_after"]}[sid]["kind"]
            sp[seg.cluster][0] += 1
            sp[seg.cluster][1] += kind == "single_point"
            if kind != "single_point":
                sp_miss.append((sid, kind))
        assert store.checksum() == before_cnt, "what-if wrote to the store"
        store.close()
    print(f"[gaps] segments with >=1 local firm: {len(present)} of {len(onto.segments)}; "
          f"store unchanged by the scenarios; {time.perf_counter() - t0:.1f}s")
    print(f"[gaps] {'cluster':<14}{'segments':>9}{'→missing':>10}{'rate':>7}{'ancestors':>11}{'dropped':>9}"
          f"{'rate':>7}   {'≥2 firms':>9}{'→single':>9}{'rate':>7}")
    tot = [0, 0, 0, 0, 0, 0]
    for cid in sorted(set(per_cluster) | set(sp)):
        a, b = per_cluster[cid], sp[cid]
        row = a + b
        tot = [x + y for x, y in zip(tot, row)]
        print(f"[gaps] {cid:<14}{a[0]:>9}{a[1]:>10}{_r(a[1], a[0]):>7}{a[2]:>11}{a[3]:>9}{_r(a[3], a[2]):>7}   "
              f"{b[0]:>9}{b[1]:>9}{_r(b[1], b[0]):>7}")
    print(f"[gaps] {'all':<14}{tot[0]:>9}{tot[1]:>10}{_r(tot[1], tot[0]):>7}{tot[2]:>11}{tot[3]:>9}"
          f"{_r(tot[3], tot[2]):>7}   {tot[4]:>9}{tot[5]:>9}{_r(tot[5], tot[4]):>7}")
    print(f"[gaps] ancestors whose strength did not drop: {tot[2] - tot[3]} (rose: {len(rose)}; the rest unchanged "
          "because their components were already saturated or floor-level)")
    if rose:
        print(f"[gaps] ancestors whose strength rose: {rose[:5]}")
    if misses:
        print(f"[gaps] not flagged missing: {misses[:10]}")
    if sp_miss:
        print(f"[gaps] not flagged single_point: {sp_miss[:10]}")


def _r(a, b) -> str:
    return f"{a / b:.3f}" if b else "  -"


# ---------------------------------------------------------------- (b) hidden upstream relations
def _jsonl(path: Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _load_product_graph():
    up_edges, sub = [], []
    for r in _jsonl(DATA / "reconstructed_from_sovlookup_sql" / "product_product.jsonl"):
        a, b = r["from_entity"].strip(), r["to_entity"].strip()
        if not a or not b or a == b:
            continue
        if r["rel"] == "上游材料":
            up_edges.append((a, b))
        elif r["rel"] == "产品小类":
            sub.append((a, b))
    up_edges = sorted(set(up_edges))
    company = defaultdict(set)
    for r in _jsonl(DATA / "reconstructed_from_sovlookup_sql" / "company_product.jsonl"):
        company[r["company_code"]].add(r["product_name"].strip())
    return up_edges, sub, company


def _category_neighbours(sub):
    parents, children = defaultdict(set), defaultdict(set)
    for p, c in sub:
        children[p].add(c)
        parents[c].add(p)

    def nb(x):
        out = defaultdict(float)
        for p in parents.get(x, ()):
            out[p] += 1.0
            sibs = children[p]
            for s in sibs:
                if s != x:
                    out[s] += 1.0 / len(sibs)
        for c in children.get(x, ()):
            out[c] += 1.0
        return out.items()
    return nb


def _company_neighbours(company):
    by_product = defaultdict(list)
    for code, prods in company.items():
        for p in prods:
            by_product[p].append(code)

    def nb(x):
        out = defaultdict(float)
        for code in by_product.get(x, ()):
            prods = company[code]
            for q in prods:
                if q != x:
                    out[q] += 1.0 / len(prods)
        return out.items()

    def same_company(x):  # vertical integration: the firm also makes u
        out = defaultdict(float)
        for code in by_product.get(x, ()):
            for q in company[code]:
                if q != x:
                    out[q] += 1.0
        return out
    return nb, same_company


def _feeds_scorer(names, onto):
    """u → p scored 1 when u's segment FEEDS p's segment (classified by etl.nlp.classify)."""
    from etl.nlp import classify

    seg_of = {}
    for n in names:
        m = classify(None, n, onto, top_k=1)
        if m and m[0].confidence >= 0.5:
            seg_of[n] = m[0].segment_id
    feeds_into = defaultdict(set)  # target segment → source segments
    for f in onto.feeds:
        feeds_into[f.target_id].add(f.source_id)
    by_seg = defaultdict(list)
    for n, s in seg_of.items():
        by_seg[s].append(n)

    def score(p, candidates: set[str]):
        s = seg_of.get(p)
        if s is None:
            return {}
        return {u: 1.0 for src in feeds_into.get(s, ()) for u in by_seg.get(src, ()) if u in candidates}
    return score, seg_of


def _rank(scores: dict[str, float], u: str, pop: dict[str, int], cand_pops: list[int], excluded: set[str],
          n_cand: int) -> float:
    """Mid-rank of ``u`` among candidates ordered by (score, popularity), known inputs excluded."""
    key = lambda c: (scores.get(c, 0.0), pop.get(c, 0))  # noqa: E731
    ku = key(u)
    scored = [c for c in scores if c not in excluded and scores[c] > 0]
    higher = sum(1 for c in scored if key(c) > ku)
    ties = sum(1 for c in scored if key(c) == ku and c != u)
    if ku[0] == 0:  # among the zero-score candidates, order by popularity
        zero_pops = cand_pops  # sorted popularity of every candidate
        greater = len(zero_pops) - bisect.bisect_right(zero_pops, ku[1])
        equal = bisect.bisect_right(zero_pops, ku[1]) - bisect.bisect_left(zero_pops, ku[1]) - 1
        # remove the scored and the excluded candidates from those counts
        for c in set(scored) | (excluded - {u}):
            pc = pop.get(c, 0)
            if pc > ku[1]:
                greater -= 1
            elif pc == ku[1] and c != u:
                equal -= 1
        higher += len(scored) + max(0, greater)
        ties = max(0, equal)
    return 1 + higher + ties / 2


def _auc(pos: list[tuple], neg: list[tuple]) -> float:
    allv = sorted([(v, 1) for v in pos] + [(v, 0) for v in neg])
    rank_sum, i, n = 0.0, 0, len(allv)
    while i < n:
        j = i
        while j < n and allv[j][0] == allv[i][0]:
            j += 1
        mid = (i + j + 1) / 2  # average 1-based rank
        rank_sum += mid * sum(1 for k in range(i, j) if allv[k][1] == 1)
        i = j
    P, N = len(pos), len(neg)
    return (rank_sum - P * (P + 1) / 2) / (P * N) if P and N else float("nan")


SCORERS = ("popularity", "collaborative", "category", "company", "feeds", "combined")


def validate_links(holdout: float, seeds: int, max_queries: int) -> dict[str, list[float]]:
    """Print and return, per scorer, the medians [r@10, r@50, AUC, warm r@10, warm r@50, warm AUC]."""
    if not DATA.exists():
        print(f"[links] skipped: {DATA} missing")
        return {}
    t0 = time.perf_counter()
    onto = load_ontology()
    up_edges, sub, company = _load_product_graph()
    cat_nb = _category_neighbours(sub)
    comp_nb, same_company = _company_neighbours(company)
    names = {x for e in up_edges for x in e}
    feeds_score, seg_of = _feeds_scorer(names, onto)
    print(f"[links] 上游材料 relations: {len(up_edges):,}; products {len({p for p, _ in up_edges}):,}, "
          f"upstream products {len({u for _, u in up_edges}):,}; 产品小类 {len(sub):,}; companies {len(company):,}; "
          f"products classified into a segment: {len(seg_of):,}; load {time.perf_counter() - t0:.1f}s")
    results = defaultdict(list)
    for seed in range(seeds):
        rng = random.Random(seed)
        edges = list(up_edges)
        rng.shuffle(edges)
        n_test = int(len(edges) * holdout)
        test, train = edges[:n_test], edges[n_test:]
        idx = UpstreamIndex(train)
        cands = idx.candidates()
        cand_set = set(cands)
        pop = {u: idx.popularity(u) for u in cands}
        cand_pops = sorted(pop.values())
        by_p = defaultdict(list)
        for p, u in test:
            by_p[p].append(u)
        queries = sorted(by_p)
        if max_queries and len(queries) > max_queries:
            queries = sorted(rng.sample(queries, max_queries))
        all_edges = set(up_edges)
        ranks = {s: [] for s in SCORERS}
        warm = []  # per evaluated pair: upstream seen in training
        feeds_hit = 0
        pos_scores = {s: [] for s in SCORERS}
        neg_scores = {s: [] for s in SCORERS}
        n_pairs = n_cold_u = n_cold_p = 0
        for p in queries:
            known = idx.up.get(p, set()) | {p}
            parts = {
                "popularity": {},
                "collaborative": collaborative_scores(idx, p),
                "category": neighbour_scores(idx, cat_nb(p), exclude=known),
                "company": combine((1.0, neighbour_scores(idx, comp_nb(p), exclude=known)),
                                   (1.0, {u: w for u, w in same_company(p).items() if u in cand_set and u not in known})),
                "feeds": {u: w for u, w in feeds_score(p, cand_set).items() if u not in known},
            }
            parts["combined"] = combine((1.0, parts["collaborative"]), (0.5, parts["category"]),
                                        (0.5, parts["company"]), (0.25, parts["feeds"]))
            negs = []
            while len(negs) < len(by_p[p]):
                u = cands[rng.randrange(len(cands))]
                if (p, u) not in all_edges and u not in known:
                    negs.append(u)
            for u in by_p[p]:
                n_pairs += 1
                n_cold_p += p not in idx.up
                if u not in cand_set:
                    n_cold_u += 1
                warm.append(u in cand_set)
                feeds_hit += parts["feeds"].get(u, 0.0) > 0
                for s in SCORERS:
                    ranks[s].append(float("inf") if u not in cand_set else
                                    _rank(parts[s], u, pop, cand_pops, known, len(cands)))
                    pos_scores[s].append((parts[s].get(u, 0.0), pop.get(u, 0)))
            for u in negs:
                for s in SCORERS:
                    neg_scores[s].append((parts[s].get(u, 0.0), pop.get(u, 0)))
        for s in SCORERS:
            r = ranks[s]
            rw = [x for x, w in zip(r, warm) if w]
            pw = [x for x, w in zip(pos_scores[s], warm) if w]
            results[s].append((sum(x <= 10 for x in r) / len(r), sum(x <= 50 for x in r) / len(r),
                               _auc(pos_scores[s], neg_scores[s]),
                               sum(x <= 10 for x in rw) / len(rw), sum(x <= 50 for x in rw) / len(rw),
                               _auc(pw, neg_scores[s])))
        print(f"[links] seed {seed}: held out {n_test:,} relations; evaluated {n_pairs:,} pairs of {len(queries):,} "
              f"products; candidates {len(cands):,}; upstream never seen in training {n_cold_u / n_pairs:.1%}; "
              f"product without training inputs {n_cold_p / n_pairs:.1%}; pairs with a FEEDS score {feeds_hit}")
    print(f"[links] median of {seeds} seeds   {'recall@10':>10}{'recall@50':>10}{'AUC':>8}   |  upstream seen in "
          f"training: {'recall@10':>10}{'recall@50':>10}{'AUC':>8}")
    summary = {}
    for s in SCORERS:
        v = summary[s] = [statistics.median(x[i] for x in results[s]) for i in range(6)]
        print(f"[links] {s:<22}{v[0]:>10.3f}{v[1]:>10.3f}{v[2]:>8.3f}   |  {'':>17}{v[3]:>10.3f}{v[4]:>10.3f}{v[5]:>8.3f}")
    print(f"[links] {time.perf_counter() - t0:.1f}s")
    return summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--holdout", type=float, default=0.1)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--max-queries", type=int, default=0, help="sample at most this many held-out products (0 = all)")
    ap.add_argument("--skip-a", action="store_true")
    ap.add_argument("--skip-b", action="store_true")
    a = ap.parse_args()
    if not a.skip_a:
        validate_gaps()
    if not a.skip_b:
        validate_links(a.holdout, a.seeds, a.max_queries)


if __name__ == "__main__":
    main()
