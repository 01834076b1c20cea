"""Benchmark of the enterprise → segment classifier (etl.nlp.classify).

(a) Quality on the hand-labelled set bench/labelled/firms.csv (real A-share firms from
    ChainKnowledgeGraph + constructed registry-style records; see docs/classifier.md). Every
    record goes through :func:`etl.nlp.assign_segments` exactly as the loader calls it, and every
    link with confidence >= the loader's MIN_CONFIDENCE counts. Per split (tune | heldout) and kind:
      - precision: share of links that are right. A link is right when it is a gold segment or on
        its lineage (an ancestor — 汽车关键零部件 for a brake maker — or a descendant of a gold
        segment that is itself generic); strict precision counts only exact gold ids;
      - recall: share of gold segments with a link on their lineage (strict: the exact id);
      - F1; out-of-chain linked: share of firms with empty gold that got any link;
      - exact leaf: share of in-chain firms with a gold segment exactly among their links
        (primary: the first gold segment);
      - reliability table: links by confidence bin -> share right (lineage), plus the expected
        calibration error (ECE).
(b) Throughput: classify_many on 100,000 generated records (ontology terms mixed with noise,
    seeded RNG), median of 3 runs, against the 10,000 records/s target — cold (the classifier's
    per-line cache emptied before each run) and warm; and on the 3,693 real ChainKnowledgeGraph firms
    (../shared/data, cold), per CPU-second.

    .venv/bin/python bench/classify.py [--records 100000] [--runs 3] [--errors tune] [--fit] [--tune-only]
                                       [--no-throughput] [--compare REV]

--errors tune lists the wrong and missed links of the tuning split (there is no option for the held-out one);
--tune-only evaluates the tuning split alone (for tuning runs: no held-out figure is even computed);
--compare REV prints throughput before (git revision REV) and after (this tree) side by side, per CPU-second, from
alternating processes (bench/classify_speed.py), and nothing else;
--fit refits etl.nlp.calibration.CALIBRATION on the tune split and uses it for this run (paste the
printed tuple into etl/nlp/calibration.py to keep it).
A listed row's vendor industry label (firms.csv vendor_industry, round 10) is passed as the record's industry;
CHAINKG_BENCH_NO_VENDOR=1 leaves it out (for comparison, also in labelled/calibration_cv.py).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.nlp import assign_segments, classify_many  # noqa: E402
from ontology.loader import load_ontology  # noqa: E402

try:
    from etl.loader import MIN_CONFIDENCE  # the threshold the loader applies to classifier links
except Exception:  # pragma: no cover - loader deps missing
    MIN_CONFIDENCE = 0.3

LABELLED = ROOT / "bench" / "labelled" / "firms.csv"
TARGET_RATE = 10_000
HEADLINE_KINDS = ("listed", "scope", "registry")  # what the loader reads: product lines + 经营范围, scope text
USE_VENDOR = [os.environ.get("CHAINKG_BENCH_NO_VENDOR") != "1"]  # feed the vendor industry label (CHAINKG_BENCH_NO_VENDOR=1: without, for comparison)
# the fit reads each registry row also without its 国标行业, and one with products also without them (round 12, the lead
# item: docs/log/classifier-rounds.md §3); CHAINKG_BENCH_REGBARE=0 reads them as given only, =1 (=2) reads each registry row without
# products (every registry row) also without its 国标行业 — round 11's tests, not kept (docs/log/classifier-rounds.md §4)
REGISTRY_BARE = [os.environ.get("CHAINKG_BENCH_REGBARE", "")]
BINS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]

NOISE = ["五金", "日用百货", "货物进出口", "技术进出口", "技术服务", "技术开发", "咨询服务", "房屋租赁", "机械设备销售",
         "金属制品", "电子产品", "包装材料", "办公用品", "建筑材料", "仓储服务", "软件开发", "劳务派遣", "广告设计",
         "家具", "服装", "纺织品", "化工原料(不含危险化学品)", "一般项目", "依法须经批准的项目除外"]


def gen_records(onto, n: int, seed: int = 42) -> list[dict]:
    rng = random.Random(seed)
    terms = sorted({t for s in onto.segments.values() for t in [s.name, *s.keywords, *s.products]})
    recs = []
    for _ in range(n):
        scope = rng.sample(terms, rng.randint(0, 3)) + rng.sample(NOISE, rng.randint(2, 6))
        rng.shuffle(scope)
        prods = rng.sample(terms, rng.randint(0, 2)) + rng.sample(NOISE, rng.randint(0, 1))
        recs.append({"business_scope": "、".join(scope) + "的制造、加工、销售", "products": prods})
    return recs


def bench_throughput(onto, n: int, runs: int) -> None:
    """Median of ``runs`` over ``n`` generated records, twice: cold (the per-line analysis cache
    emptied before each run: every line is new) and warm (lines seen before, as in a registry export
    where the same 规范表述 items repeat)."""
    from etl.nlp.index import build_index as _index

    recs = gen_records(onto, n)
    classify_many(recs[:100], onto)  # build the index outside the timing
    for mode in ("cold", "warm"):
        rates, cpu_rates = [], []
        for _ in range(runs):
            if mode == "cold":
                _index(onto).cache.clear()
            t, c = time.perf_counter(), time.process_time()
            out = classify_many(recs, onto)
            rates.append(n / (time.perf_counter() - t))
            cpu_rates.append(n / max(time.process_time() - c, 1e-9))
        hit = sum(1 for o in out if o) / n
        med, cpu = statistics.median(rates), statistics.median(cpu_rates)
        print(f"[throughput] {mode}: records={n:,} runs={runs} median={med:,.0f} records/s "
              f"(runs: {', '.join(f'{r:,.0f}' for r in rates)}); per CPU-second {cpu:,.0f}/s; "
              f"target {TARGET_RATE:,}/s -> {'PASS' if med >= TARGET_RATE else 'FAIL'}; "
              f"records with >=1 segment: {hit:.1%}; load average {os.getloadavg()[0]:.1f}")


def real_records() -> list[dict]:
    """Every firm of ChainKnowledgeGraph (../shared/data/chainkg-liuhuanyong, via
    bench/labelled/build.py): its revenue lines and 经营范围 fragments as a loader record; [] when the
    shared data is absent."""
    sys.path.insert(0, str(ROOT / "bench" / "labelled"))
    from build import CKG, fmt_products, load_ckg

    if not CKG.exists():
        return []
    firms = load_ckg()
    return [{"products": fmt_products(f["rev"]), "business_scope": "、".join(f["scope"])}
            for _c, f in sorted(firms.items())]


def bench_real(onto, runs: int) -> None:
    """Cold-cache throughput on the real records (every line new), per CPU-second, median of ``runs``."""
    from etl.nlp.index import build_index as _index

    recs = real_records()
    if not recs:
        print("[throughput] real: skipped (ChainKnowledgeGraph data not found)")
        return
    classify_many(recs[:100], onto)
    rates, cpu_rates = [], []
    for _ in range(max(runs, 5)):  # short runs: take more of them
        _index(onto).cache.clear()
        t, c = time.perf_counter(), time.process_time()
        classify_many(recs, onto)
        rates.append(len(recs) / (time.perf_counter() - t))
        cpu_rates.append(len(recs) / max(time.process_time() - c, 1e-9))
    cpu = statistics.median(cpu_rates)
    print(f"[throughput] real (ChainKnowledgeGraph, cold): records={len(recs):,} runs={len(rates)} "
          f"median={statistics.median(rates):,.0f} records/s; per CPU-second {cpu:,.0f}/s "
          f"(runs: {', '.join(f'{r:,.0f}' for r in cpu_rates)}); target {TARGET_RATE:,}/s per CPU-second -> "
          f"{'PASS' if cpu >= TARGET_RATE else 'FAIL'}; load average {os.getloadavg()[0]:.1f}")


def load_labelled(path: Path = LABELLED) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def as_record(row: dict) -> dict:
    """The raw record the loader would hand to assign_segments for this row."""
    rec = {"name": row["name"], "products": row["products"], "business_scope": row["scope"]}
    if row.get("industry"):
        rec["industry"] = row["industry"].split(">")
    elif row.get("vendor_industry") and USE_VENDOR[0]:  # a listed firm's 所属行业 (Tushare label), round 10
        rec["industry"] = [row["vendor_industry"]]
    if row.get("industry_code"):
        rec["industry_code"] = row["industry_code"]
    return rec


def fit_records(row: dict) -> list[dict]:
    """The records a tune row gives the confidence fit: as the bench reads it and, for a row carrying a vendor label,
    also without it (round 10) — so the weights learn the firm without a label (a registry export without 所属行业)
    from every firm's text, not only from the few unlabelled rows."""
    rec = as_record(row)
    if row.get("vendor_industry") and not row.get("industry") and USE_VENDOR[0]:
        bare = dict(rec)
        del bare["industry"]
        return [rec, bare]
    if REGISTRY_BARE[0] == "" and row.get("industry"):  # a registry row: also as an export without 国标行业 (lead item)
        bare = without_code(rec)
        return [rec, bare, dict(bare, products="")] if row.get("products") else [rec, bare]
    if REGISTRY_BARE[0] in ("1", "2") and row.get("industry") and (REGISTRY_BARE[0] == "2" or not row.get("products")):
        bare = {k: v for k, v in rec.items() if k not in ("industry", "industry_code")}
        return [rec, bare]
    return [rec]


def lineage(segs, sid: str) -> set[str]:
    """sid and its ancestors."""
    out = set()
    while sid and sid not in out:
        out.add(sid)
        s = segs.get(sid)
        sid = s.parent if s is not None else None
    return out


def without_code(rec: dict, products: bool = True) -> dict:
    """The record without its 国标行业 (code and names) and, with ``products=False``, without its product lines:
    a registry export that carries the 经营范围 (and the products) only."""
    drop = ("industry", "industry_code") if products else ("industry", "industry_code", "products")
    return {k: v for k, v in rec.items() if k not in drop}


def evaluate(rows: list[dict], onto, min_conf: float = MIN_CONFIDENCE, codeless: bool = False,
             scope_only: bool = False) -> dict:
    """Counts and errors of ``rows`` (``codeless``: each record read without its 国标行业, ``scope_only``: also
    without its products; :func:`without_code`)."""
    segs = onto.segments
    st = Counter()
    rel = defaultdict(lambda: [0, 0])  # bin -> [links, right]
    errors = []
    for row in rows:
        gold = [g for g in row["gold_segments"].split(";") if g]
        rec = without_code(as_record(row), not scope_only) if codeless or scope_only else as_record(row)
        links = [m for m in assign_segments(rec, onto) if m.confidence >= min_conf]
        ids = [m.segment_id for m in links]
        gold_lin = {g: lineage(segs, g) for g in gold}

        def right(sid):
            return any(sid in gl or g in lineage(segs, sid) for g, gl in gold_lin.items())

        for m in links:
            ok = right(m.segment_id)
            st["links"] += 1
            st["right"] += ok
            st["strict_right"] += m.segment_id in gold
            b = next(i for i in range(len(BINS) - 1) if BINS[i] <= m.confidence < BINS[i + 1]) \
                if m.confidence >= BINS[0] else -1
            rel[b][0] += 1
            rel[b][1] += ok
            st["conf_sum"] += m.confidence
        for g in gold:
            st["gold"] += 1
            st["recalled"] += any(s in gold_lin[g] or g in lineage(segs, s) for s in ids)
            st["strict_recalled"] += g in ids
        if gold:
            st["in_chain"] += 1
            st["exact_any"] += any(g in ids for g in gold)
            st["exact_primary"] += gold[0] in ids
        else:
            st["out"] += 1
            st["out_linked"] += bool(ids)
        wrong = [m for m in links if not right(m.segment_id)]
        missed = [g for g in gold if not any(s in gold_lin[g] or g in lineage(segs, s) for s in ids)]
        if wrong or missed:
            errors.append((row, links, wrong, missed))
    st["rel"] = {b: tuple(v[:2]) for b, v in rel.items()}
    st["errors"] = errors
    return st


def _f(a, b):
    return a / b if b else float("nan")


def report(name: str, st) -> None:
    p, r = _f(st["right"], st["links"]), _f(st["recalled"], st["gold"])
    sp, sr = _f(st["strict_right"], st["links"]), _f(st["strict_recalled"], st["gold"])
    f1 = 2 * p * r / (p + r) if p + r else float("nan")
    print(f"[quality] {name:<22} firms={st['in_chain'] + st['out']:>3} (out-of-chain {st['out']:>3})  "
          f"links={st['links']:>3}  P={p:.3f} R={r:.3f} F1={f1:.3f}  (strict P={sp:.3f} R={sr:.3f})  "
          f"out-of-chain linked={_f(st['out_linked'], st['out']):.1%}  "
          f"exact leaf={_f(st['exact_any'], st['in_chain']):.1%} "
          f"(primary {_f(st['exact_primary'], st['in_chain']):.1%})")


def reliability(name: str, st) -> None:
    print(f"[reliability] {name}: confidence bin -> links, share right (lineage)")
    ece, n = 0.0, st["links"]
    for i in range(len(BINS) - 1):
        k, ok = st["rel"].get(i, (0, 0))
        if not k:
            continue
        mid = (BINS[i] + min(BINS[i + 1], 1.0)) / 2
        print(f"[reliability]   [{BINS[i]:.1f}, {min(BINS[i + 1], 1.0):.1f}{']' if BINS[i + 1] > 1 else ')'}"
              f"  links={k:>4}  right={ok / k:.2f}  (bin middle {mid:.2f})")
        ece += k / n * abs(ok / k - mid) if n else 0
    print(f"[reliability]   mean confidence={_f(st['conf_sum'], n):.3f}  share right={_f(st['right'], n):.3f}  "
          f"ECE(bin middles)={ece:.3f}")


def bench_quality(onto, show_errors: str | None = None, splits=("tune", "heldout")) -> None:
    if not LABELLED.exists():
        print(f"[quality] skipped: {LABELLED} missing")
        return
    rows = load_labelled()
    print(f"[quality] labelled set {LABELLED.relative_to(ROOT)}: {len(rows)} records; links counted at "
          f"confidence >= {MIN_CONFIDENCE} (etl.loader.MIN_CONFIDENCE)")
    splits = tuple(s for s in splits if any(r["split"] == s for r in rows))  # no held-out row between rounds
    results = {}
    for split in splits:
        part = [r for r in rows if r["split"] == split]
        # the headline counts the input kinds the product reads (docs/log/classifier-rounds.md §1 step 11); patent-title
        # records (ickg) are printed on their own line below
        results[split] = evaluate([r for r in part if r["kind"] in HEADLINE_KINDS], onto)
        report(f"{split} (headline)", results[split])
        for kind in ("listed", "scope", "registry", "ickg"):
            if any(r["kind"] == kind for r in part):
                report(f"{split} / {kind}", evaluate([r for r in part if r["kind"] == kind], onto))
        # the same registry records without their 国标行业: what a registry export with 经营范围 only gives
        reg = [r for r in part if r["kind"] == "registry"]
        if reg:
            report(f"{split} / registry, no code", evaluate(reg, onto, codeless=True))
            report(f"{split} / registry, 经营范围 only", evaluate(reg, onto, scope_only=True))
    for split in splits:
        reliability(split, results[split])
    if len(splits) > 1:
        reliability("all", evaluate([r for r in rows if r["kind"] in HEADLINE_KINDS], onto))
    if show_errors:
        errs = evaluate([r for r in rows if r["split"] == show_errors], onto)["errors"]
        for row, links, wrong, missed in errs:
            print(f"[error] {row['stock_code']} {row['name']} gold={row['gold_segments'] or '-'} "
                  f"links={[(m.segment_id, m.confidence, m.matched_terms[:4]) for m in links]} "
                  f"wrong={[m.segment_id for m in wrong]} missed={missed} | {row['products'][:120]}")


def fit_logistic(X, y, l2: float):
    """L2-penalised logistic regression by Newton / IRLS (no penalty on the bias, column 0): the
    confidence model's one fitting procedure (``--fit`` here, the folds of ``labelled/calibration_cv.py``)."""
    import numpy as np

    w = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[0] = 0.0  # no penalty on the bias
    for _ in range(50):
        p = 1 / (1 + np.exp(-X @ w))
        g = X.T @ (p - y) + reg * w
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg + 1e-9)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def fit_calibration(onto, l2: float = 1.0) -> tuple[float, ...]:
    """Fit the logistic weights of etl.nlp.calibration.CALIBRATION on the TUNE split only: every
    candidate segment of every tune record of the headline kinds (as labelled/calibration_cv.py; patent-title records
    are no input the product reads), label = the link would be right (lineage)."""
    import numpy as np

    from etl.nlp.classify import FEATURES, candidates

    segs = onto.segments
    X, y = [], []
    for row in load_labelled():
        if row["split"] != "tune" or row["kind"] not in HEADLINE_KINDS:  # round 10: the kinds the product reads
            continue
        gold = [g for g in row["gold_segments"].split(";") if g]
        for rec in fit_records(row):
            for c in candidates(rec["business_scope"], rec["products"], onto, industry=rec.get("industry"),
                                industry_code=rec.get("industry_code"), name=rec.get("name")):
                sid = c["segment_id"]
                X.append(c["x"])
                y.append(any(sid in lineage(segs, g) or g in lineage(segs, sid) for g in gold))
    X, y = np.array(X, dtype=float), np.array(y, dtype=float)
    w = fit_logistic(X, y, l2)
    print(f"[fit] tune candidates={len(y)} positives={int(y.sum())}; L2={l2}")
    for name, v in zip(FEATURES, w):
        print(f"[fit]   {name:<13}{v:+.3f}")
    print("[fit] CALIBRATION = (" + ", ".join(f"{v:.3f}" for v in w) + ")")
    return tuple(float(v) for v in w)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    # only the tune split: held-out errors are never listed (they would become tuning data)
    ap.add_argument("--errors", choices=["tune"], help="list the wrong/missed links of the tune split")
    ap.add_argument("--no-throughput", action="store_true")
    ap.add_argument("--tune-only", action="store_true",
                    help="evaluate the tune split only (no held-out figure is computed: for tuning runs)")
    ap.add_argument("--fit", action="store_true", help="fit CALIBRATION on the tune split and use it for this run")
    ap.add_argument("--compare", metavar="REV", help="throughput of git revision REV and of this tree, side by side")
    a = ap.parse_args()
    onto = load_ontology()
    if a.compare:
        from classify_speed import compare

        compare(a.compare, {"real (ChainKnowledgeGraph)": real_records(),
                            f"generated ({a.records:,})": gen_records(onto, a.records)}, runs=a.runs)
        return
    if a.fit:
        sys.modules["etl.nlp.calibration"].CALIBRATION = fit_calibration(onto)
    print(f"[ontology] clusters={len(onto.clusters)} segments={len(onto.segments)}")
    bench_quality(onto, a.errors, ("tune",) if a.tune_only else ("tune", "heldout"))
    if not a.no_throughput:
        bench_throughput(onto, a.records, a.runs)
        bench_real(onto, a.runs)


if __name__ == "__main__":
    main()
