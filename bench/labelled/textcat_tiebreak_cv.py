"""Experiment (round 8): a spaCy textcat as a *tie-breaker* for the rules' sub-threshold links.
5-fold CV on the TUNE split only (held-out rows are dropped before any other field is read).

Model: spaCy ``textcat_multilabel`` with the bag-of-n-grams architecture (``spacy.TextCatBOW.v3``,
n-grams 1–3) on a blank "zh" pipeline, whose default tokeniser splits into characters — so the
features are character 1–3-grams. Labels: the cluster of every gold segment (``--level cluster``, 7
outputs) or the root segment of every gold (``--level root``). Text: the product-line names (shares
stripped, in revenue order), the 经营范围 fragments and the 国标行业 names. Training data: the tune split
of bench/labelled/firms.csv only (ChainKnowledgeGraph product lines + constructed registry records;
provenance in docs/log/classifier-rounds.md §1). Seeded (spaCy ``fix_random_seed``), fixed epochs.

Combination (never replacing rule evidence): the rules' links (calibrated confidence >= LINK_MIN) all
stay; a rule candidate whose calibrated confidence is in [LO, LINK_MIN) — the rules gave the segment
evidence but not enough — is added when the model gives its cluster (root) probability >= T.
Figures per (LO, T) against the rules alone on the same folds, lineage scoring as bench/classify.py; the
added links get confidence ``--added-conf`` for the ECE.

    .venv/bin/python bench/labelled/textcat_tiebreak_cv.py [--level cluster|root] [--epochs 20] [--new-cluster]
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / "bench"))
import spacy  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.util import fix_random_seed  # noqa: E402

import classify as B  # noqa: E402
from etl.nlp.calibration import LINK_MIN  # noqa: E402
from etl.nlp.classify import classify  # noqa: E402
from ontology.loader import load_ontology  # noqa: E402

K = 5
SHARE = re.compile(r"\(\s*-?[0-9.]+\s*\)")
BOW = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 3,
       "no_output_layer": False, "length": 262144}
BINS = B.BINS


def text(r) -> str:
    prods = [SHARE.sub("", x).strip() for x in r["products"].split(";") if x.strip()]
    return "；".join(prods) + " | " + r["scope"] + " | " + r["industry"].replace(">", "；")


def root(segs, sid):
    while segs[sid].parent:
        sid = segs[sid].parent
    return sid


def train(rows, labels_of, labels, epochs, seed=0, length=BOW["length"]):
    fix_random_seed(seed)
    nlp = spacy.blank("zh")
    tc = nlp.add_pipe("textcat_multilabel", config={"model": {**BOW, "length": length}})
    for c in labels:
        tc.add_label(c)
    ex = [Example.from_dict(nlp.make_doc(text(r)), {"cats": {c: float(c in labels_of(r)) for c in labels}})
          for r in rows]
    opt = nlp.initialize(lambda: ex)
    import random
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(ex)
        for i in range(0, len(ex), 16):
            nlp.update(ex[i:i + 16], sgd=opt, drop=0.0)
    return nlp


def score(rows, links_of, segs, st=None):
    st = st if st is not None else Counter()
    for r in rows:
        gold = [g for g in r["gold_segments"].split(";") if g]
        links = links_of[r["stock_code"]]
        ids = [s for s, _ in links]
        gl = {g: B.lineage(segs, g) for g in gold}
        right = lambda s: any(s in l or g in B.lineage(segs, s) for g, l in gl.items())  # noqa: E731
        for s, c in links:
            ok = right(s)
            st["links"] += 1; st["right"] += ok
            b = next(i for i in range(len(BINS) - 1) if BINS[i] <= c < BINS[i + 1])
            st[("n", b)] += 1; st[("ok", b)] += ok
        for g in gold:
            st["gold"] += 1
            st["rec"] += any(s in gl[g] or g in B.lineage(segs, s) for s in ids)
        if gold:
            st["in"] += 1; st["exact"] += any(g in ids for g in gold)
        else:
            st["out"] += 1; st["out_linked"] += bool(ids)
    return st


def fmt(name, st):
    p, r = st["right"] / max(st["links"], 1), st["rec"] / max(st["gold"], 1)
    f1 = 2 * p * r / (p + r) if p + r else 0
    ece = sum(st[("n", b)] / st["links"] * abs(st[("ok", b)] / st[("n", b)] - (BINS[b] + min(BINS[b + 1], 1)) / 2)
              for b in range(len(BINS) - 1) if st[("n", b)])
    print(f"| {name:<28} | {p:.3f} | {r:.3f} | {f1:.3f} | {st['out_linked'] / max(st['out'], 1):5.1%} | "
          f"{st['exact'] / max(st['in'], 1):5.1%} | {ece:.3f} | {st['links']:>3} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--level", choices=["cluster", "root"], default="cluster")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--added-conf", type=float, default=0.6)
    ap.add_argument("--length", type=int, default=BOW["length"], help="hash table rows of the BOW model")
    ap.add_argument("--new-cluster", action="store_true",
                    help="only sub-threshold candidates in a cluster where the rules placed no link (a secondary business)")
    a = ap.parse_args()
    onto = load_ontology()
    segs = onto.segments
    rows = [r for r in B.load_labelled() if r["split"] == "tune"]  # held-out rows: never read further
    key = (lambda s: segs[s].cluster) if a.level == "cluster" else (lambda s: root(segs, s))
    labels = sorted({key(s) for s in segs})
    labels_of = lambda r: {key(g) for g in r["gold_segments"].split(";") if g}  # noqa: E731
    fold = {r["stock_code"]: int(hashlib.sha1(r["stock_code"].encode()).hexdigest(), 16) % K for r in rows}
    LOS, TS = (0.3, 0.4, 0.5), (0.5, 0.6, 0.7, 0.8, 0.9)
    base, extra, probs = {}, {}, {}
    for k in range(K):
        tr = [r for r in rows if fold[r["stock_code"]] != k]
        te = [r for r in rows if fold[r["stock_code"]] == k]
        nlp = train(tr, labels_of, labels, a.epochs, seed=k, length=a.length)
        for r in te:
            rec = B.as_record(r)
            ms = classify(rec["business_scope"], rec["products"], onto, industry=rec.get("industry"),
                          industry_code=rec.get("industry_code"), min_confidence=min(LOS))
            c = r["stock_code"]
            base[c] = [(m.segment_id, m.confidence) for m in ms if m.confidence >= LINK_MIN]
            placed = {segs[s].cluster for s, _ in base[c]}
            extra[c] = [(m.segment_id, m.confidence) for m in ms if m.confidence < LINK_MIN
                        and not (a.new_cluster and m.cluster in placed)]
            probs[c] = nlp(text(r)).cats
        print(f"[cv] fold {k}: train {len(tr)}, test {len(te)}, sub-threshold rule candidates "
              f"{sum(len(extra[r['stock_code']]) for r in te)}")
    print(f"[cv] tune split {len(rows)} firms, {K}-fold (fold = SHA-1 of stock code mod {K}); level={a.level}, "
          f"epochs={a.epochs}, BOW length={a.length}; new-cluster candidates only={a.new_cluster}; added links scored at confidence {a.added_conf}")
    print("| variant | P | R | F1 | out-of-chain linked | exact leaf | ECE | links |")
    print("|---|---|---|---|---|---|---|---|")
    fmt("rules alone", score(rows, base, segs))
    pairs = []  # (model probability, right) of every sub-threshold rule candidate
    for r in rows:
        gold = [g for g in r["gold_segments"].split(";") if g]
        for s, _p in extra[r["stock_code"]]:
            ok = any(s in B.lineage(segs, g) or g in B.lineage(segs, s) for g in gold)
            pairs.append((probs[r["stock_code"]][key(s)], ok))
    pos = [p for p, ok in pairs if ok]; neg = [p for p, ok in pairs if not ok]
    auc = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / max(len(pos) * len(neg), 1)
    print(f"[cv] sub-threshold candidates: {len(pos)} right, {len(neg)} wrong; AUC of the model probability "
          f"for separating them {auc:.2f} (0.5 = no better than chance); mean probability right "
          f"{sum(pos) / max(len(pos), 1):.2f}, wrong {sum(neg) / max(len(neg), 1):.2f}")
    for lo in LOS:
        fmt(f"rules + all [{lo}, {LINK_MIN}) (no model)",
            score(rows, {c: base[c] + [(s, a.added_conf) for s, _ in extra[c] if _ >= lo] for c in base}, segs))
        for t in TS:
            add = {c: [(s, a.added_conf) for s, p in extra[c] if p >= lo and probs[c][key(s)] >= t] for c in base}
            st = score(rows, {c: base[c] + add[c] for c in base}, segs)
            n = sum(map(len, add.values()))
            ok = score(rows, add, segs)
            fmt(f"[{lo}, {LINK_MIN}) model >= {t} (+{n}, {ok['right']} right)", st)


if __name__ == "__main__":
    main()
