"""Every out-of-fold miss and wrong-leaf case, with the evidence that explains it (round 13).

For each split — the 5 folds of ``calibration_cv.py`` and ``--by-round`` splits (r8, r9, r10 …) — the logistic weights
are fitted on the other rows (as ``calibration_cv.py``), the test firms are classified with them, and every firm
with an error is printed with a shape:

- ``miss``: a gold segment with no link on its lineage; sub-shape from the candidates of the gold's lineage:
  ``no-candidate`` (nothing in the text points to it), ``under-cut`` (a candidate below LINK_MIN, best confidence
  shown), ``crowded`` (a candidate above LINK_MIN that took no place: top_k or the secondary rule);
- ``wrong``: a link off every gold lineage — ``sibling`` (under a gold's parent; top-level golds: another top-level
  segment), ``other``, ``out-of-chain`` (the firm has no gold);
- ``leaf``: the firm has a link on a gold's lineage but no exact gold id: ``parent`` (the link is an ancestor of the
  gold; ``child-candidate`` when the gold or a descendant of it was a candidate at all), ``deeper`` (a descendant of a
  generic gold).

    .venv/bin/python bench/labelled/oof_errors.py [--by-round r8,r9,r10] [--folds] [--summary]

Only tune rows of the headline kinds are read (there is no held-out row between rounds).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "labelled"))

from calibration_cv import fold_of, gold_of, right  # noqa: E402
from etl.nlp import calibration  # noqa: E402
from etl.nlp.classify import assign_segments, candidates  # noqa: E402
from ontology.loader import load_ontology  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from classify import HEADLINE_KINDS, as_record, fit_logistic, fit_records, lineage, load_labelled  # noqa: E402


def shapes(row, onto) -> list[tuple[str, str, str]]:
    """(shape, gold or linked segment id, detail) of every error of one firm under the current CALIBRATION."""
    segs = onto.segments
    gold = gold_of(row)
    rec = as_record(row)
    links = assign_segments(rec, onto)
    ids = [m.segment_id for m in links]
    cands = {c["segment_id"]: c for c in candidates(rec["business_scope"], rec["products"], onto,
                                                    industry=rec.get("industry"), industry_code=rec.get("industry_code"), name=rec.get("name"))}
    out = []
    for g in gold:
        glin = lineage(segs, g)
        on_lin = [s for s in ids if s in glin or g in lineage(segs, s)]
        below = [s for s in cands if g in lineage(segs, s) or s in glin]
        if not on_lin:
            if not below:
                out.append(("miss/no-candidate", g, ""))
                continue
            best = max(below, key=lambda s: calibration.confidence(cands[s]["x"]))
            p = calibration.confidence(cands[best]["x"])
            kind = "crowded" if p >= calibration_link_min() else "under-cut"
            out.append((f"miss/{kind}", g, f"{best} {p:.2f} {cands[best]['terms'][:3]}"))
            continue
        if g in ids or any(x in gold for x in ids):
            continue
        deeper = [s for s in on_lin if g in lineage(segs, s) and s != g]
        if deeper:
            out.append(("leaf/deeper", g, ",".join(deeper)))
            continue
        kid = [s for s in cands if g in lineage(segs, s)]
        detail = ",".join(on_lin)
        if kid:
            best = max(kid, key=lambda s: calibration.confidence(cands[s]["x"]))
            detail += f" | child {best} {calibration.confidence(cands[best]['x']):.2f} {cands[best]['terms'][:3]}"
            out.append(("leaf/parent,child-candidate", g, detail))
        else:
            out.append(("leaf/parent,no-child-candidate", g, detail))
    par = {segs[g].parent for g in gold if g in segs}
    for m in links:
        if not right(segs, m.segment_id, gold):
            shape = "wrong/out-of-chain" if not gold else (
                "wrong/sibling" if segs[m.segment_id].parent in par else "wrong/other")
            out.append((shape, m.segment_id, f"{m.confidence:.2f} {m.matched_terms[:3]}"))
    return out


def calibration_link_min() -> float:
    from etl.nlp import classify as _c  # noqa: F401  (the module attribute, as calibration_cv sets it)
    return sys.modules["etl.nlp.classify"].LINK_MIN


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--by-round", default="r8,r9,r10", help="comma-separated note tags; '' for none")
    ap.add_argument("--folds", action="store_true", help="also the 5 folds of calibration_cv.py")
    ap.add_argument("--summary", action="store_true", help="counts per shape only")
    a = ap.parse_args()
    onto = load_ontology()
    segs = onto.segments
    rows = [r for r in load_labelled() if r["split"] == "tune" and r["kind"] in HEADLINE_KINDS]
    feats = {r["stock_code"]: [(c["x"], right(segs, c["segment_id"], gold_of(r)))
                               for rec in fit_records(r)
                               for c in candidates(rec["business_scope"], rec["products"], onto,
                                                   industry=rec.get("industry"), industry_code=rec.get("industry_code"), name=rec.get("name"))]
             for r in rows}
    splits = [(t, [r for r in rows if not r["note"].startswith(f"[{t}]")], [r for r in rows if r["note"].startswith(f"[{t}]")])
              for t in a.by_round.split(",") if t]
    if a.folds:
        splits += [(f"fold{f}", [r for r in rows if fold_of(r["stock_code"]) != f],
                    [r for r in rows if fold_of(r["stock_code"]) == f]) for f in range(5)]
    shipped = calibration.CALIBRATION
    total: Counter = Counter()
    for tag, train, test in splits:
        X = np.array([x for r in train for x, _ in feats[r["stock_code"]]], dtype=float)
        y = np.array([ok for r in train for _, ok in feats[r["stock_code"]]], dtype=float)
        calibration.CALIBRATION = tuple(float(v) for v in fit_logistic(X, y, 1.0))
        per: Counter = Counter()
        for r in test:
            for shape, g, detail in shapes(r, onto):
                per[shape] += 1
                if not a.summary:
                    print(f"[{tag}] {shape:<30} {r['stock_code']} {r['name']} gold={g} {detail} | "
                          f"{r['products'][:100] or '(scope) ' + r['scope'][:80]}")
        total.update({(("cv" if tag.startswith("fold") else tag), k): v for k, v in per.items()})
    calibration.CALIBRATION = shipped
    for (tag, shape), n in sorted(total.items()):
        print(f"[summary] {tag:<5} {shape:<30} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
