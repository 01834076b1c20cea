"""Benchmark of the enterprise → segment classifier (etl.nlp.classify).

(a) Throughput: classify_many on 100,000 generated enterprise records (ontology terms mixed with
    noise words, seeded RNG), median of 3 runs, against the 5,000 records/s target.
(b) Quality on labelled data we did not write: A-share companies of ../shared/data/chainkg-liuhuanyong
    (申万 2021 industry = gold, main products with revenue shares = input). Each product is classified
    on its own (kept when its confidence >= MIN_CONF); a company's cluster is the cluster with the largest revenue share of matched products
    (at least MIN_SHARE). Printed: per-cluster precision / recall and micro averages.

Gold mapping (SW_TO_CLUSTER) is conservative: only 申万 industries whose firms clearly belong to one
of our seven clusters. SW_EXCLUDED are industries that partly belong (通用设备, 医疗器械, 摩托车,
家电零部件 …): their companies are left out of the evaluation. Every other industry is gold "none",
so a prediction there counts as a false positive (this is strict: e.g. a 家电 firm making motors is
counted wrong when predicted pump-motor).

    /tmp/venv/bin/python bench/classify.py [--records 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.nlp import classify, classify_many  # noqa: E402
from ontology.loader import load_ontology  # noqa: E402

SHARED = Path(os.environ.get("CHAINKG_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data" / "chainkg-liuhuanyong"
TARGET_RATE = 5000
MIN_SHARE = 0.10
MIN_CONF = 0.5  # per product: drops single 2-character generic matches (零部件 is 3, 开关 2)

SW_TO_CLUSTER = {
    # auto: vehicles and parts (not dealers/services, not motorcycles)
    "底盘与发动机系统": "auto", "其他汽车零部件": "auto", "车身附件及饰件": "auto", "汽车电子电气系统": "auto",
    "轮胎轮毂": "auto", "综合乘用车": "auto", "电动乘用车": "auto", "商用载货车": "auto", "商用载客车": "auto",
    # pharma: drugs, APIs, biologics, CRO and distribution (our chain has 研发外包 and 医药流通 segments)
    "化学制剂": "pharma", "中药Ⅲ": "pharma", "原料药": "pharma", "其他生物制品": "pharma", "疫苗": "pharma",
    "血液制品": "pharma", "医疗研发外包": "pharma", "医药流通": "pharma",
    "电机Ⅲ": "pump-motor",
    "其他塑料制品": "mould-plastic", "改性塑料": "mould-plastic", "塑料包装": "mould-plastic",
    "纺织服装设备": "sewing",  # includes some non-sewing textile machinery: recall is a lower bound
    "卫浴制品": "smart-toilet", "卫浴电器": "smart-toilet",
    "航空装备Ⅲ": "aerospace", "航天装备Ⅲ": "aerospace",
}
SW_EXCLUDED = {"其他通用设备", "其他专用设备", "工控设备", "其他自动化设备", "医疗设备", "医疗耗材", "摩托车",
               "汽车经销商", "汽车综合服务", "家电零部件Ⅲ", "膜材料", "其他橡胶制品", "其他化学原料", "线下药店",
               "军工电子Ⅲ", "其他运输设备", "制冷空调设备", "农用机械", "工程机械器件", "能源及重型设备", "模具"}

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
    recs = gen_records(onto, n)
    classify_many(recs[:100], onto)  # build the index outside the timing
    rates = []
    for _ in range(runs):
        t = time.perf_counter()
        out = classify_many(recs, onto)
        rates.append(n / (time.perf_counter() - t))
    hit = sum(1 for o in out if o) / n
    med = statistics.median(rates)
    print(f"[throughput] records={n:,} runs={runs} median={med:,.0f} records/s "
          f"(runs: {', '.join(f'{r:,.0f}' for r in rates)}); target {TARGET_RATE:,}/s -> "
          f"{'PASS' if med >= TARGET_RATE else 'FAIL'}; records with >=1 segment: {hit:.1%}")


def _jsonl(path: Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def bench_quality(onto) -> None:
    if not DATA.exists():
        print(f"[quality] skipped: {DATA} missing")
        return
    industry = {r["company_code"]: r["industry_name"] for r in _jsonl(DATA / "company_industry.json")}
    products = defaultdict(list)
    for r in _jsonl(DATA / "reconstructed_from_sovlookup_sql" / "company_product.jsonl"):
        products[r["company_code"]].append((r["product_name"], float(r.get("rel_weight") or 0)))
    tp, fp, fn, n_gold, n_eval, n_pred = Counter(), Counter(), Counter(), Counter(), 0, 0
    t = time.perf_counter()
    for code, prods in products.items():
        sw = industry.get(code)
        if sw is None or sw in SW_EXCLUDED:
            continue
        gold = SW_TO_CLUSTER.get(sw)
        n_eval += 1
        share = Counter()
        for name, w in prods:
            m = classify(None, name, onto, top_k=1)
            if m and m[0].confidence >= MIN_CONF:
                share[m[0].cluster] += w
        pred = None
        if share:
            c, s = share.most_common(1)[0]
            pred = c if s >= MIN_SHARE else None
        n_pred += pred is not None
        if gold:
            n_gold[gold] += 1
        if pred and pred == gold:
            tp[pred] += 1
        else:
            if pred:
                fp[pred] += 1
            if gold:
                fn[gold] += 1
    dt = time.perf_counter() - t
    print(f"[quality] liuhuanyong A-share companies evaluated: {n_eval:,} (with products and an 申万 industry, "
          f"excluded ambiguous industries); gold in a cluster: {sum(n_gold.values())}; predicted a cluster: {n_pred}; "
          f"{dt:.1f}s")
    print(f"[quality] {'cluster':<14}{'gold':>6}{'tp':>6}{'fp':>6}{'fn':>6}{'precision':>11}{'recall':>9}")
    for c in onto.clusters:
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else float("nan")
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else float("nan")
        print(f"[quality] {c:<14}{n_gold[c]:>6}{tp[c]:>6}{fp[c]:>6}{fn[c]:>6}{p:>11.3f}{r:>9.3f}")
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"[quality] micro-average precision={T / max(1, T + F):.3f} recall={T / max(1, T + N):.3f} "
          f"(tp={T}, fp={F}, fn={N})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    onto = load_ontology()
    print(f"[ontology] clusters={len(onto.clusters)} segments={len(onto.segments)}")
    bench_throughput(onto, a.records, a.runs)
    bench_quality(onto)


if __name__ == "__main__":
    main()
