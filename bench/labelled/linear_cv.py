"""Experiment: does a trained second opinion beat the rules? 5-fold CV on the TUNE split only.

Model: one-vs-rest logistic regression (numpy only, L2, full-batch gradient descent) on character
1–3-grams of the product lines (each line weighted by its revenue share relative to the largest line),
the 经营范围 fragments (weight 0.3) and the 国标行业 names, tf-idf, l2-normalised; one output per
segment that is gold for >= MIN_POS training firms. Training data: the tune split of
bench/labelled/firms.csv only (ChainKnowledgeGraph product lines + constructed registry records, see
docs/log/classifier-rounds.md §1). Ensemble: rules first; the model ADDS a segment only where the rules are
silent (no link at all), with --weak where every rule link is below WEAK, with --any on every firm; only at probability
>= threshold; never a segment on the lineage of a rule link. Held-out rows are never read.

    .venv/bin/python bench/labelled/linear_cv.py [--level segment|root] [--weak 0.8 | --any]
"""
import argparse, math, re, sys
from collections import Counter
from pathlib import Path
import numpy as np
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / "bench"))
from ontology.loader import load_ontology
import classify as B
from etl.nlp import assign_segments
from etl.loader import MIN_CONFIDENCE

MIN_POS, L2, STEPS, LR, K = 3, 1e-4, 400, 20.0, 5
SHARE = re.compile(r"^(.*?)\(\s*(-?[0-9.]+)\s*\)\s*$")


def weighted_texts(r):
    out = []
    lines = [x.strip() for x in r["products"].split(";") if x.strip()]
    parsed = []
    for i, ln in enumerate(lines):
        m = SHARE.match(ln)
        parsed.append((m.group(1), float(m.group(2))) if m else (ln, 0.85 ** i))
    top = max([s for _, s in parsed if s > 0] or [1.0])
    out += [(t, s / top) for t, s in parsed if s > 0]
    out += [(t, 0.3) for t in re.split(r"[、，,;；]", r["scope"]) if t.strip()]
    if r["industry"]:
        out += [(t, 0.5) for t in r["industry"].split(">")]
    return out


def grams(text):
    t = f"^{text}$"
    for n in (1, 2, 3):
        for i in range(len(t) - n + 1):
            yield t[i:i + n]


def featurize(rows, vocab=None, idf=None):
    bags = []
    for r in rows:
        c = Counter()
        for t, w in weighted_texts(r):
            for g in grams(t):
                c[g] += w
        bags.append(c)
    if vocab is None:
        df = Counter(g for b in bags for g in b)
        vocab = {g: i for i, g in enumerate(sorted(g for g, n in df.items() if n >= 2))}
        idf = np.array([math.log((1 + len(bags)) / (1 + df[g])) + 1 for g in sorted(vocab, key=vocab.get)])
    X = np.zeros((len(rows), len(vocab)), dtype=np.float32)
    for i, b in enumerate(bags):
        for g, w in b.items():
            j = vocab.get(g)
            if j is not None:
                X[i, j] = math.log1p(w)
    X *= idf
    X /= np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-9)
    return X, vocab, idf


def train(X, Y):
    W = np.zeros((X.shape[1], Y.shape[1]), dtype=np.float32); b = np.full(Y.shape[1], -3.0, dtype=np.float32)
    for _ in range(STEPS):
        P = 1 / (1 + np.exp(-(X @ W + b)))
        G = P - Y
        W -= LR * (X.T @ G / len(X) + L2 * W); b -= LR * G.mean(0)
    return W, b


def score(rows, links_of, segs):
    st = Counter()
    for r in rows:
        gold = [g for g in r["gold_segments"].split(";") if g]
        ids = links_of[r["stock_code"]]
        gl = {g: B.lineage(segs, g) for g in gold}
        right = lambda s: any(s in l or g in B.lineage(segs, s) for g, l in gl.items())
        st["links"] += len(ids); st["right"] += sum(map(right, ids))
        st["gold"] += len(gold); st["rec"] += sum(any(s in gl[g] or g in B.lineage(segs, s) for s in ids) for g in gold)
        if gold:
            st["in"] += 1; st["exact"] += any(g in ids for g in gold)
        else:
            st["out"] += 1; st["outl"] += bool(ids)
    p, rc = st["right"] / max(st["links"], 1), st["rec"] / max(st["gold"], 1)
    return p, rc, 2 * p * rc / max(p + rc, 1e-9), st["outl"] / max(st["out"], 1), st["exact"] / max(st["in"], 1), st["links"]


def main():
    ap = argparse.ArgumentParser(); ap.add_argument("--weak", type=float, default=0.0)
    ap.add_argument("--any", action="store_true",
                    help="add every model segment >= threshold that no rule link's lineage covers, on any firm")
    ap.add_argument("--level", choices=["segment", "root"], default="segment",
                    help="root: train on each gold segment's top ancestor (denser labels, coarser links)")
    a = ap.parse_args()
    onto = load_ontology(); segs = onto.segments
    rows = [r for r in B.load_labelled() if r["split"] == "tune"]
    rule = {}
    for r in rows:
        ms = [m for m in assign_segments(B.as_record(r), onto) if m.confidence >= MIN_CONFIDENCE]
        rule[r["stock_code"]] = ms
    def gold_of(r):
        g = [x for x in r["gold_segments"].split(";") if x]
        if a.level == "root":
            g = [next(s for s in B.lineage(segs, x) if segs[s].parent is None) for x in g]
        return set(g)
    silent = [r for r in rows if not rule[r["stock_code"]]]
    print(f"[cv] tune firms with no rule link: {len(silent)}, of them in a chain: "
          f"{sum(bool(r['gold_segments']) for r in silent)}")
    ths = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
    added = {t: {} for t in ths}
    fold = {r["stock_code"]: int.from_bytes(r["stock_code"].encode(), "little") % K for r in rows}
    for k in range(K):
        tr = [r for r in rows if fold[r["stock_code"]] != k]; te = [r for r in rows if fold[r["stock_code"]] == k]
        cnt = Counter(g for r in tr for g in gold_of(r))
        labels = sorted(g for g, n in cnt.items() if n >= MIN_POS)
        Y = np.array([[g in gold_of(r) for g in labels] for r in tr], dtype=np.float32)
        X, vocab, idf = featurize(tr); W, b = train(X, Y)
        Xt, _, _ = featurize(te, vocab, idf); P = 1 / (1 + np.exp(-(Xt @ W + b)))
        opened = [p.max() for r, p in zip(te, P) if not rule[r["stock_code"]]]
        print(f"[cv] fold {k}: {len(labels)} outputs, {X.shape[1]} features; firms with no rule link {len(opened)}, "
              f"their best model probability: {np.round(np.sort(opened)[::-1][:8], 2).tolist()} …")
        for r, p in zip(te, P):
            ms = rule[r["stock_code"]]
            open_ = a.any or not ms or (a.weak and max(m.confidence for m in ms) < a.weak)
            lin = set().union(*[B.lineage(segs, m.segment_id) for m in ms]) if ms else set()
            for t in ths:
                add = []
                if open_:
                    for j in (np.argsort(-p) if a.any else [int(p.argmax())]):
                        s = labels[j]
                        if p[j] >= t and s not in lin and not any(m.segment_id in B.lineage(segs, s) for m in ms) \
                                and not any(s in B.lineage(segs, x) or x in B.lineage(segs, s) for x in add):
                            add.append(s)
                added[t][r["stock_code"]] = add
    base = {c: [m.segment_id for m in ms] for c, ms in rule.items()}
    fmt = lambda n, s: print(f"[cv] {n:<24} P={s[0]:.3f} R={s[1]:.3f} F1={s[2]:.3f} out-of-chain linked={s[3]:.1%} exact leaf={s[4]:.1%} links={s[5]}")
    print(f"[cv] tune split {len(rows)} firms, {K}-fold (fold = stock code bytes mod {K}); weak={a.weak or 'off'} level={a.level} any={a.any}")
    fmt("rules", score(rows, base, segs))
    for t in ths:
        fmt(f"rules + model >= {t}", score(rows, {c: base[c] + added[t][c] for c in base}, segs))
        fmt(f"  model-added only", score([r for r in rows if added[t][r["stock_code"]]], {c: added[t][c] for c in base}, segs))


if __name__ == "__main__":
    main()
