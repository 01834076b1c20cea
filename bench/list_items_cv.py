"""Leave-plan-out cross-validation of the learned list-item reader (etl/nlp/list_items.py) on the tune plans (round 18).

Every 、-list item of every sentence of the tune plans (bench/plans, split tune) is a row: its features
(``list_items.list_items``) and its label — it matches a gold cluster or chain name of its plan (the bench's matching,
bench/extract.py ``same_cluster``). The plans are cut into folds by plan; for each fold a logistic regression
(bench/classify.py ``fit_logistic``, L2 1.0) is fitted on the other folds, its threshold chosen inside them (an inner
5-fold leave-plan-out: the lowest threshold whose inner out-of-fold rules+model precision stays ≥ ``--floor``), and
the fold's plans are read by the rules alone (etl.nlp.extract) and by the rules plus the items the model adds (those
the rules did not take). Printed: cluster/chain recall and precision per fold and in total, rules alone vs
rules+model, the spread, and the model alone at fixed thresholds. The features that say what the rules took
(``r_*``) are left out unless ``--rule-features``: the shipped reader does without them.

``--write`` refits on all tune plans (threshold chosen the same way, by a leave-plan-out inside them) and writes
etl/nlp/list_items.json, the weights the extractor reads.

``--replay COMMIT …``: the same reader on past rounds' held-out sets with the rules as they were at their first run —
the tree of each COMMIT (the commit of the round's first run: its labels and last code) is exported with ``git archive``, its
extractor reads its plans in a subprocess, the model (no rule features) is fitted on the plans that were tune then and
its threshold chosen inside them, and the held-out plans of then are read by those rules alone and with the model;
several commits are also pooled.

    .venv/bin/python bench/list_items_cv.py [--folds 10] [--floor 0.97] [--rule-features] [--write] [--replay COMMIT …]

Like every bench it reports and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import yaml  # noqa: E402

from bench.classify import fit_logistic  # noqa: E402
from bench.extract import PLANS, same_cluster, split_of  # noqa: E402
from etl.nlp.cluster_match import core_name  # noqa: E402
from etl.nlp import list_items as li  # noqa: E402
from etl.nlp.extract import extract_file, read_text  # noqa: E402
from etl.nlp.layout import plan_context, sentences  # noqa: E402
from etl.nlp.plan_clusters import find_clusters  # noqa: E402
from ontology.loader import load_ontology  # noqa: E402

GRID = [round(float(x), 2) for x in np.arange(0.30, 0.96, 0.05)]
#: the old tree's extractor, run in a subprocess with that tree first on the path: its names for every plan
_OLD_RULES = """
import json, re, sys
from pathlib import Path
root = Path(sys.argv[1]); sys.path.insert(0, str(root))
from etl.nlp.extract import extract_file
from ontology.loader import load_ontology
onto, out = load_ontology(), {}
for p in sorted((root / "bench" / "plans").glob("*.txt")):
    if p.with_suffix(".gold.yaml").exists():
        m = re.search(r"^#\\s*split:\\s*(\\w+)", p.read_text(encoding="utf-8"), re.M)
        out[p.stem] = {"split": m.group(1) if m else "tune",
                       "rules": [f.text for f in extract_file(p, onto) if f.kind in ("cluster", "chain")]}
print(json.dumps(out, ensure_ascii=False))
"""


def plan_rows(path: Path, rules: list[str], rule_feats: bool = True) -> dict:
    """One plan: its gold names, the rules' names, and its list items (name, features, label, taken by the rules)."""
    gold = yaml.safe_load(path.with_suffix(".gold.yaml").read_text(encoding="utf-8")) or {}
    golds = [g["name"] for k in ("clusters", "chains") for g in gold.get(k) or []]
    text = read_text(path)
    ctx, heads = plan_context(text), li.title_heads(text)
    have = {core_name(n) for n in rules}
    items = []
    for sent, *_rest in sentences(text, ctx):
        taken = {core_name(c.name) for c in find_clusters(sent)} if rule_feats else set()
        for it in li.list_items(sent, heads, taken):
            items.append((it.name, it.feats, any(same_cluster(g, it.name) for g in golds), core_name(it.name) in have))
    return {"plan": path.stem, "golds": golds, "rules": rules, "items": items}


def matched(golds: list[str], got: list[str]) -> int:
    """Gold names found among ``got`` (each got name used once, in order, as bench/extract.py counts)."""
    used, n = set(), 0
    for g in golds:
        hit = next((i for i, f in enumerate(got) if i not in used and same_cluster(g, f)), None)
        if hit is not None:
            used.add(hit)
            n += 1
    return n


def added(plan: dict, probs: np.ndarray, thr: float) -> list[str]:
    """The names the model adds to the rules' at threshold ``thr`` (not a rules' name, each once)."""
    have = {core_name(n) for n in plan["rules"]}
    out = []
    for (name, _f, _y, took), p in zip(plan["items"], probs):
        if not took and p >= thr and core_name(name) not in have:
            have.add(core_name(name))
            out.append(name)
    return out


def matrix(plans: list[dict], feats: list[str]) -> tuple[np.ndarray, np.ndarray]:
    rows = [it for p in plans for it in p["items"]]
    x = np.array([[1.0] + [f[k] for k in feats] for _n, f, _y, _t in rows], dtype=float).reshape(len(rows), len(feats) + 1)
    return x, np.array([float(lab) for _n, _f, lab, _t in rows])


def predict(plans: list[dict], feats: list[str], w: np.ndarray) -> list[np.ndarray]:
    return [1.0 / (1.0 + np.exp(-np.clip(matrix([p], feats)[0] @ w, -30, 30))) for p in plans]


def totals(plans: list[dict], probs: list[np.ndarray] | None, thr: float) -> tuple[int, int, int]:
    """(found, gold, got) over ``plans``: the rules alone (``probs`` None) or with the model's additions."""
    f = g = n = 0
    for p, pr in zip(plans, probs or [None] * len(plans)):
        got = p["rules"] + (added(p, pr, thr) if pr is not None else [])
        f, g, n = f + matched(p["golds"], got), g + len(p["golds"]), n + len(got)
    return f, g, n


def folds_of(plans: list[dict], k: int) -> list[list[dict]]:
    return [plans[i::k] for i in range(k)]


def choose_threshold(plans: list[dict], feats: list[str], k: int, floor: float) -> float:
    """The lowest threshold whose out-of-fold rules+model precision inside ``plans`` stays ≥ ``floor``."""
    probs: dict[str, np.ndarray] = {}
    for fold in folds_of(plans, k):
        w = fit_logistic(*matrix([p for p in plans if p not in fold], feats), 1.0)
        probs.update({p["plan"]: pr for p, pr in zip(fold, predict(fold, feats, w))})
    pr = [probs[p["plan"]] for p in plans]
    ok = [t for t in GRID if (lambda f, _g, n: n and f / n >= floor)(*totals(plans, pr, t))]
    return min(ok) if ok else max(GRID)


def _r(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "—"


def cross_validate(plans: list[dict], feats: list[str], k: int, floor: float) -> None:
    print(f"{'fold':>4} {'plans':>5}  {'rules recall':>16} {'precision':>16}  {'+model recall':>16} {'precision':>16}  thr")
    tot, gains = np.zeros(6, dtype=int), []
    for i, fold in enumerate(folds_of(plans, k)):
        train = [p for p in plans if p not in fold]
        thr = choose_threshold(train, feats, 5, floor)
        w = fit_logistic(*matrix(train, feats), 1.0)
        base, both = totals(fold, None, thr), totals(fold, predict(fold, feats, w), thr)
        tot += np.array(base + both)
        gains.append(both[0] - base[0])
        print(f"{i:>4} {len(fold):>5}  {_r(base[0], base[1]):>16} {_r(base[0], base[2]):>16}  "
              f"{_r(both[0], both[1]):>16} {_r(both[0], both[2]):>16}  {thr:.2f}")
    print(f" all {len(plans):>5}  {_r(tot[0], tot[1]):>16} {_r(tot[0], tot[2]):>16}  "
          f"{_r(tot[3], tot[4]):>16} {_r(tot[3], tot[5]):>16}")
    print(f"names gained per fold: {gains} (spurious added: {tot[5] - tot[2] - (tot[3] - tot[0])})")


def model_alone(plans: list[dict], feats: list[str], k: int) -> None:
    """The model by itself (no rule features), leave-plan-out, at fixed thresholds: what a reader learns."""
    probs = {}
    for fold in folds_of(plans, k):
        w = fit_logistic(*matrix([p for p in plans if p not in fold], feats), 1.0)
        probs.update({p["plan"]: pr for p, pr in zip(fold, predict(fold, feats, w))})
    for thr in (0.5, 0.7, 0.9):
        f = g = n = 0
        for p in plans:
            got = list({core_name(it[0]): it[0] for it, q in zip(p["items"], probs[p["plan"]]) if q >= thr}.values())
            f, g, n = f + matched(p["golds"], got), g + len(p["golds"]), n + len(got)
        print(f"   model alone, threshold {thr:.1f}: recall {_r(f, g)}  precision {_r(f, n)}")
    ceiling = sum(matched(p["golds"], [it[0] for it in p["items"]]) for p in plans)
    print(f"   every list item taken: recall {_r(ceiling, sum(len(p['golds']) for p in plans))}")


def replay(commit: str, floor: float) -> dict[str, tuple[int, int, int]]:
    """One past round's held-out set read by its first-run rules alone and with the model; returns the totals by
    threshold (``chosen``: the one chosen inside its tune plans)."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        out = subprocess.run([sys.executable, "-c", _OLD_RULES, tmp], check=True, capture_output=True, text=True,
                             cwd=tmp, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": tmp}).stdout
        old = json.loads(out)
        plans = [dict(plan_rows(Path(tmp) / "bench" / "plans" / f"{stem}.txt", r["rules"], rule_feats=False), split=r["split"])
                 for stem, r in old.items()]
    feats = [f for f in sorted(next(p for p in plans if p["items"])["items"][0][1]) if not f.startswith("r_")]
    tune, held = [p for p in plans if p["split"] == "tune"], [p for p in plans if p["split"] == "heldout"]
    thr = choose_threshold(tune, feats, 10, floor)
    pr = predict(held, feats, fit_logistic(*matrix(tune, feats), 1.0))
    res = {"rules": totals(held, None, thr), "chosen": totals(held, pr, thr),
           **{f"{t:.1f}": totals(held, pr, t) for t in (0.5, 0.7, 0.9)}}
    print(f"replay {commit}: model fitted on its {len(tune)} tune plans, read on its {len(held)} held-out plans "
          f"(threshold chosen inside them: {thr:.2f})")
    for k, (f, g, n) in res.items():
        print(f"   {'rules alone (first run)' if k == 'rules' else 'rules+model, threshold ' + k:<34} recall {_r(f, g)}  "
              f"precision {_r(f, n)}")
    return res


def replays(commits: list[str], floor: float) -> None:
    pooled: dict[str, np.ndarray] = {}
    for c in commits:
        for k, v in replay(c, floor).items():
            pooled[k] = pooled.get(k, np.zeros(3, dtype=int)) + np.array(v)
    if len(commits) > 1:
        print(f"pooled over {len(commits)} rounds:")
        for k, (f, g, n) in pooled.items():
            print(f"   {'rules alone (first run)' if k == 'rules' else 'rules+model, threshold ' + k:<34} recall {_r(f, g)}  "
                  f"precision {_r(f, n)}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--floor", type=float, default=0.97, help="inner-fold precision a threshold must keep")
    ap.add_argument("--replay", metavar="COMMIT", nargs="+", help="past rounds' held-out sets with their first-run rules")
    ap.add_argument("--rule-features", action="store_true", help="add the features that say what the rules took")
    ap.add_argument("--write", action="store_true", help=f"refit on all tune plans and write etl/nlp/{li.WEIGHTS.name}")
    a = ap.parse_args(argv)
    if a.replay:
        replays(a.replay, a.floor)
        return 0
    onto = load_ontology()
    paths = [p for p in sorted(PLANS.glob("*.txt")) if p.with_suffix(".gold.yaml").exists() and split_of(p) == "tune"]
    plans = [plan_rows(p, [f.text for f in extract_file(p, onto, list_model=None) if f.kind in ("cluster", "chain")])
             for p in paths]
    feats = [f for f in sorted(next(p for p in plans if p["items"])["items"][0][1])
             if a.rule_features or not f.startswith("r_")]
    n_items, n_pos = sum(len(p["items"]) for p in plans), sum(it[2] for p in plans for it in p["items"])
    print(f"tune plans: {len(plans)}; list items: {n_items} ({n_pos} match a gold name); features: {len(feats)}; "
          f"inner precision floor {a.floor}")
    cross_validate(plans, feats, a.folds, a.floor)
    model_alone(plans, [f for f in feats if not f.startswith("r_")], a.folds)
    if a.write:
        thr = choose_threshold(plans, feats, a.folds, a.floor)
        w = fit_logistic(*matrix(plans, feats), 1.0)
        li.WEIGHTS.write_text(json.dumps({
            "fitted": f"bench/list_items_cv.py --write: logistic regression (bench/classify.fit_logistic, L2 1.0) on "
                      f"the {n_items} list items of the {len(plans)} tune plans; threshold: the lowest whose "
                      f"{a.folds}-fold leave-plan-out rules+model precision inside them stays >= {a.floor}",
            "features": feats, "weights": [round(float(x), 4) for x in w[1:]], "bias": round(float(w[0]), 4),
            "threshold": thr}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote etl/nlp/{li.WEIGHTS.name}: threshold {thr}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
