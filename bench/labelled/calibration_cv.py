"""Which confidence model holds on unseen firms? 5-fold cross-validation inside the tune split (round 8).

For each fold (SHA-1 of the stock code mod 5) the logistic weights are fitted on the candidates of the other four
folds (as ``bench/classify.py --fit``), the classifier is run on the fold's firms with those weights, and the links
it returns are scored against the labels. Compared, on the same links (the selection is always the logistic score
against LINK_MIN / SECONDARY_MIN, only the confidence shown changes):

- ``logistic``: the fitted logistic probability itself (what ships before round 8);
- ``isotonic``: the logistic probability mapped by an isotonic (monotone, pool-adjacent-violators) fit of "link
  right" on the training folds' own links;
- ``bins-K``: K equal-count bins of the training folds' links, each mapped to its share right (coarser, monotone
  forced by pooling);
- ``constant``: every link gets the training folds' share right (the floor any model must beat).

Printed per model: ECE (10 bins of width 0.1, against the mean confidence of the bin), Brier score and log-loss
over all out-of-fold links, and the out-of-fold P/R (the same for all models). Held-out rows are dropped before any
other field is read.

    .venv/bin/python bench/labelled/calibration_cv.py [--l2 1.0]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from etl.nlp import calibration  # noqa: E402
classify_module = __import__("importlib").import_module("etl.nlp.classify")  # the module (etl.nlp.classify is also a function)
from etl.nlp.classify import assign_segments, candidates  # noqa: E402
from ontology.loader import load_ontology  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from classify import HEADLINE_KINDS, as_record, fit_logistic, fit_records, lineage, load_labelled  # noqa: E402

FOLDS = 5
SHRINK = (0.8, 0.6)  # shrink-a: a * logistic + (1 - a) * base rate (round 10)


def fold_of(code: str) -> int:
    return int(hashlib.sha1(f"calib-cv:{code}".encode()).hexdigest()[:8], 16) % FOLDS


def gold_of(row) -> list[str]:
    return [g for g in row["gold_segments"].split(";") if g]


def right(segs, sid: str, gold: list[str]) -> bool:
    return any(sid in lineage(segs, g) or g in lineage(segs, sid) for g in gold)


def isotonic(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pool-adjacent-violators: (upper x of each block, block mean) with non-decreasing means."""
    order = np.argsort(x, kind="stable")
    blocks: list[list[float]] = []  # [sum y, count, max x]
    for i in order:
        blocks.append([float(y[i]), 1.0, float(x[i])])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            s, n, hi = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += n
            blocks[-1][2] = hi
    return np.array([b[2] for b in blocks]), np.array([b[0] / b[1] for b in blocks])


def apply_steps(edges: np.ndarray, values: np.ndarray, p: float) -> float:
    """Value of the first block whose upper edge is >= p (the last block beyond)."""
    i = int(np.searchsorted(edges, p, side="left"))
    return float(values[min(i, len(values) - 1)])


def equal_bins(x: np.ndarray, y: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(x, kind="stable")
    parts = np.array_split(order, k)
    edges = np.array([x[p].max() for p in parts])
    vals = np.array([y[p].mean() for p in parts])
    vals = np.maximum.accumulate(vals)  # monotone: a higher score never shows a lower confidence
    return edges, vals


def scores(conf: np.ndarray, ok: np.ndarray) -> tuple[float, float, float]:
    ece = 0.0
    for lo in np.arange(0.0, 1.0, 0.1):
        m = (conf >= lo) & (conf < lo + 0.1 if lo < 0.9 else conf <= 1.0)
        if m.any():
            ece += m.sum() / len(conf) * abs(ok[m].mean() - conf[m].mean())
    c = np.clip(conf, 1e-4, 1 - 1e-4)
    brier = float(((conf - ok) ** 2).mean())
    logloss = float(-(ok * np.log(c) + (1 - ok) * np.log(1 - c)).mean())
    return ece, brier, logloss


FIRMS = {"out": 0, "out_linked": 0, "in": 0, "exact": 0}  # out-of-fold firm counts (round 10), filled by links_of


def links_of(rows, onto, w, firms: dict | None = None) -> tuple[np.ndarray, np.ndarray, int, int]:
    """(logistic confidence, right?) of every returned link of ``rows`` with weights ``w``; gold recalled, gold.
    ``firms`` (optional) counts out-of-chain firms (linked) and in-chain firms (an exact gold id among the links)."""
    calibration.CALIBRATION = tuple(float(v) for v in w)
    segs = onto.segments
    conf, ok, rec, ngold = [], [], 0, 0
    for row in rows:
        gold = gold_of(row)
        links = assign_segments(as_record(row), onto)
        for m in links:
            conf.append(m.confidence)
            ok.append(right(segs, m.segment_id, gold))
        ngold += len(gold)
        rec += sum(any(right(segs, m.segment_id, [g]) for m in links) for g in gold)
        if firms is not None:
            key = "in" if gold else "out"
            firms[key] += 1
            firms["exact" if gold else "out_linked"] += bool(links) if not gold else any(
                m.segment_id in gold for m in links)
    return np.array(conf), np.array(ok, dtype=float), rec, ngold


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--bins", default="3,5,8")
    ap.add_argument("--by-round", metavar="TAG",
                    help="one split instead of 5 folds: test on the tune rows whose note starts with [TAG] (e.g. r9, a "
                         "former held-out set), fit on all other tune rows — a shift between labelling rounds, which "
                         "random folds cannot show (round 10)")
    ap.add_argument("--link-min", type=float, help="classify's LINK_MIN for this run (default: the shipped one)")
    ap.add_argument("--secondary-min", type=float, help="classify's SECONDARY_MIN for this run (default: the shipped one)")
    a = ap.parse_args()
    if a.link_min is not None:
        classify_module.LINK_MIN = a.link_min  # read by assign_segments at call time
    if a.secondary_min is not None:
        classify_module.SECONDARY_MIN = a.secondary_min
    onto = load_ontology()
    segs = onto.segments
    rows = [r for r in load_labelled() if r["split"] == "tune" and r["kind"] in HEADLINE_KINDS]  # held-out dropped first
    feats = {}
    for row in rows:  # what the fit reads: each row as read and, with a vendor label, also without (fit_records)
        feats[row["stock_code"]] = [
            (c["x"], right(segs, c["segment_id"], gold_of(row)))
            for rec in fit_records(row)
            for c in candidates(rec["business_scope"], rec["products"], onto, industry=rec.get("industry"),
                                industry_code=rec.get("industry_code"), name=rec.get("name"))]
    shipped = calibration.CALIBRATION
    ks = [int(k) for k in a.bins.split(",")]
    models = ["logistic", "isotonic", *[f"bins-{k}" for k in ks], *[f"shrink-{s}" for s in SHRINK], "constant",
              "shipped weights"]
    out = {m: ([], []) for m in models}
    tp = ngold_all = rec_all = 0
    if a.by_round:
        tag = f"[{a.by_round}]"
        splits = [([r for r in rows if not r["note"].startswith(tag)], [r for r in rows if r["note"].startswith(tag)])]
        if not splits[0][1]:
            raise SystemExit(f"no tune row's note starts with {tag}")
    else:
        splits = [([r for r in rows if fold_of(r["stock_code"]) != f], [r for r in rows if fold_of(r["stock_code"]) == f])
                  for f in range(FOLDS)]
    for train, test in splits:
        X = np.array([x for r in train for x, _ok in feats[r["stock_code"]]], dtype=float)
        y = np.array([ok for r in train for _x, ok in feats[r["stock_code"]]], dtype=float)
        w = fit_logistic(X, y, a.l2)
        tr_conf, tr_ok, _r, _g = links_of(train, onto, w)  # the training folds' own links, for the maps
        te_conf, te_ok, rec, ngold = links_of(test, onto, w, FIRMS)
        rec_all += rec
        ngold_all += ngold
        tp += int(te_ok.sum())
        iso = isotonic(tr_conf, tr_ok)
        maps = {"logistic": lambda p: p, "isotonic": lambda p: apply_steps(*iso, p),
                "constant": lambda p: float(tr_ok.mean())}
        for sh in SHRINK:  # toward the training links' share right: a model sure of less than it shows on new firms
            maps[f"shrink-{sh}"] = lambda p, sh=sh: sh * p + (1 - sh) * float(tr_ok.mean())
        for k in ks:
            eb = equal_bins(tr_conf, tr_ok, k)
            maps[f"bins-{k}"] = lambda p, eb=eb: apply_steps(*eb, p)
        for name, fn in maps.items():
            out[name][0].extend(fn(p) for p in te_conf)
            out[name][1].extend(te_ok)
        sh_conf, sh_ok, _r, _g = links_of(test, onto, np.array(shipped))
        out["shipped weights"][0].extend(sh_conf)
        out["shipped weights"][1].extend(sh_ok)
    calibration.CALIBRATION = shipped
    n = len(out["logistic"][0])
    print(f"[calib-cv] tune rows={len(rows)}{f', test = [{a.by_round}] rows' if a.by_round else ''}; out-of-fold links={n}, right={tp} (P={tp / n:.3f}), "
          f"gold recalled {rec_all}/{ngold_all} (R={rec_all / ngold_all:.3f}); L2={a.l2}")
    print(f"[calib-cv] out-of-fold: out-of-chain firms linked {FIRMS['out_linked']}/{FIRMS['out']} "
          f"({FIRMS['out_linked'] / max(FIRMS['out'], 1):.1%}); exact leaf {FIRMS['exact']}/{FIRMS['in']} "
          f"({FIRMS['exact'] / max(FIRMS['in'], 1):.1%}); F1={2 * tp / n * rec_all / ngold_all / (tp / n + rec_all / ngold_all):.3f}")
    print("[calib-cv] 'shipped weights' = the weights in etl/nlp/calibration.py, fitted on all of tune (in-sample)")
    for name in models:
        c, ok = np.array(out[name][0], dtype=float), np.array(out[name][1], dtype=float)
        ece, brier, ll = scores(c, ok)
        print(f"[calib-cv]   {name:<16} ECE={ece:.3f}  Brier={brier:.4f}  log-loss={ll:.4f}  "
              f"mean conf={c.mean():.3f} vs right={ok.mean():.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
