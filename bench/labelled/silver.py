"""A silver development set: cluster-level agreement of the classifier with the 申万 2021 industry
of ChainKnowledgeGraph firms that are NOT in the hand-labelled set.

Why: the hand-labelled tune split (334 rows) is small and its misses were fixed one by one, so
tune figures overstate how well rules and vocabulary generalise. Here about a thousand other firms
are judged at cluster level by their 申万 industry (a weak label: a 化学制剂 firm should get a
医药 link; a 白酒 or 风电整机 firm none). Only firms whose hash split (``build.hash_split``) is
``tune`` are used, so no firm used here can ever become a held-out row of firms.csv.

Prints, per expected cluster: firms, share with a link in that cluster (silver recall), share
linked only to other clusters; for the out-of-chain industries the share linked at all.
``--misses CLUSTER`` lists the main product lines (share >= 0.2) of that cluster's firms that got
no link in it, by frequency — where vocabulary is thin (whole product families, not single firms).

    .venv/bin/python bench/labelled/silver.py [--misses pharma] [--false]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from build import fmt_products, hash_split, load_ckg, read_tsv  # noqa: E402

from etl.nlp import classify_many  # noqa: E402
from ontology.loader import load_ontology  # noqa: E402

#: 申万 2021 L3 industry -> the cluster its firms belong to (only unambiguous ones)
EXPECT = {
    **{i: "pharma" for i in ["化学制剂", "原料药", "中药Ⅲ", "其他生物制品", "疫苗", "血液制品", "医疗耗材", "医疗设备",
                             "体外诊断", "医药流通", "线下药店", "医疗研发外包"]},
    **{i: "auto" for i in ["底盘与发动机系统", "车身附件及饰件", "汽车电子电气系统", "其他汽车零部件", "综合乘用车",
                           "电动乘用车", "商用载客车", "商用载货车", "摩托车"]},
    **{i: "pump-motor" for i in ["电机Ⅲ", "磁性材料"]},
    **{i: "mould-plastic" for i in ["其他塑料制品", "改性塑料", "合成树脂", "膜材料", "塑料包装"]},
    **{i: "aerospace" for i in ["航空装备Ⅲ", "航天装备Ⅲ"]},
}
#: industries outside all seven chains (their firms should get no link)
OUT = ["白酒Ⅲ", "其他酒类", "啤酒", "软饮料", "乳品", "调味发酵品Ⅱ", "风电整机", "农药", "轨交设备Ⅲ", "冰洗", "空调",
       "厨房小家电", "保健品", "工程机械整机", "航海装备Ⅲ", "清洁小家电", "食品及饲料添加剂", "银行Ⅲ", "证券Ⅲ",
       "住宅开发", "光伏电池组件", "锂电池", "半导体设备", "集成电路设计", "IT服务Ⅲ", "横向通用软件", "钢铁管材",
       "水泥制造", "玻纤制造", "纺织化学制品", "棉纺", "鞋帽及其他", "服装家纺", "教育出版", "酒店", "物流"]


def silver_firms():
    labelled = {r["stock_code"] for name in ("labels.tsv", "heldout.tsv") if (HERE / name).exists()
                for r in read_tsv(HERE / name)}
    firms = load_ckg()
    return {c: f for c, f in firms.items() if c not in labelled and hash_split(c) == "tune"
            and (f["sw"] in EXPECT or f["sw"] in OUT)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", help="list unrecognised main lines of this cluster's firms")
    ap.add_argument("--false", action="store_true", help="list out-of-chain firms that got a link")
    a = ap.parse_args()
    onto = load_ontology()
    firms = silver_firms()
    codes = sorted(firms)
    recs = [{"products": fmt_products(firms[c]["rev"]), "business_scope": "、".join(firms[c]["scope"])} for c in codes]
    out = dict(zip(codes, classify_many(recs, onto)))
    by = Counter()
    miss_lines: Counter = Counter()
    for c in codes:
        f, links = firms[c], [m for m in out[c] if m.confidence >= 0.3]
        cl = {m.cluster for m in links}
        exp = EXPECT.get(f["sw"])
        if exp:
            by[exp, "n"] += 1
            by[exp, "hit"] += exp in cl
            by[exp, "other_only"] += bool(cl) and exp not in cl
            if exp not in cl and a.misses == exp:
                miss_lines.update(p for p, w in f["rev"] if w >= 0.2)
        else:
            by["out", "n"] += 1
            by["out", "linked"] += bool(cl)
            if cl and a.false:
                print(f"[false] {c} {f['name']} sw={f['sw']} links={[(m.segment_id, m.confidence, m.matched_terms[:3]) for m in links]} | {fmt_products(f['rev'])[:150]}")
    tot_n = sum(by[k, "n"] for k in set(EXPECT.values()))
    tot_hit = sum(by[k, "hit"] for k in set(EXPECT.values()))
    for k in sorted(set(EXPECT.values())):
        n = by[k, "n"]
        if not n:  # every firm of that cluster's industries is labelled by now
            continue
        print(f"[silver] {k:<14} firms={n:>4}  linked in cluster={by[k, 'hit'] / n:.1%}  "
              f"only other clusters={by[k, 'other_only'] / n:.1%}")
    print(f"[silver] in-chain total  firms={tot_n:>4}  linked in cluster={tot_hit / tot_n:.1%}")
    print(f"[silver] out-of-chain    firms={by['out', 'n']:>4}  linked={by['out', 'linked'] / by['out', 'n']:.1%}")
    for line, n in miss_lines.most_common(150):
        print(f"[miss] {n:>3} {line}")


if __name__ == "__main__":
    main()
