"""Quality of the classifier on a registry-style labelled TSV (round 18): records read as the loader reads a registry
export — name, products, 经营范围, 国标行业 code — through :func:`etl.nlp.assign_segments`.

Prints precision and recall counted by lineage (as ``bench/classify.py``), out-of-chain firms linked, exact leaf and a
reliability table (links by confidence bin, share right, ECE), then every firm with a wrong link or a missed gold.
``--no-name`` reads the records without the firm name (what the classifier did before round 18 read names).

    .venv/bin/python bench/labelled/registry_check.py [bench/labelled/registry_r18.tsv] [--no-name] [--quiet]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from etl.nlp.classify import assign_segments  # noqa: E402
from ontology.loader import load_ontology  # noqa: E402

sys.path.insert(0, str(ROOT / "bench" / "labelled"))
from calibration_cv import right  # noqa: E402  (a link on a gold's lineage, as every labelled bench counts it)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(ROOT / "bench" / "labelled" / "registry_r18.tsv"))
    ap.add_argument("--no-name", action="store_true")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    onto = load_ontology()
    segs = onto.segments
    with open(a.path, encoding="utf-8") as f:
        rows = list(csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"))
    n_links = n_ok = n_gold = recalled = ooc = n_out = leaf = n_in = 0
    bins: dict[int, list] = {}
    errors = []
    for r in rows:
        rec = {"products": r["products"] or None, "business_scope": r["scope"], "industry_code": r["industry_code"] or None}
        if not a.no_name:
            rec["name"] = r["name"]
        matches = assign_segments(rec, onto)
        links = [m.segment_id for m in matches]
        gold = [g for g in (r["gold_segments"] or "").split(";") if g]
        on = lambda s: right(segs, s, gold)  # noqa: E731
        for m in matches:
            bins.setdefault(min(int(m.confidence * 10), 9), []).append((m.confidence, on(m.segment_id)))
        if not gold:
            n_out += 1
            ooc += bool(links)
            if links:
                errors.append((r["id"], r["name"], "out-of-chain", links, gold))
            continue
        n_in += 1
        n_links += len(links)
        n_ok += sum(map(on, links))
        n_gold += len(gold)
        found = [any(right(segs, s, [g]) for s in links) for g in gold]
        recalled += sum(found)
        leaf += any(g in links for g in gold)
        if not all(map(on, links)) or not all(found):
            errors.append((r["id"], r["name"], "wrong" if not all(map(on, links)) else "miss", links, gold))
    print(f"[registry] {Path(a.path).name}{' (no name)' if a.no_name else ''}: records={len(rows)} in-chain={n_in} "
          f"out={n_out}  P={n_ok / max(n_links, 1):.3f} ({n_ok}/{n_links})  R={recalled / max(n_gold, 1):.3f} "
          f"({recalled}/{n_gold})  out-of-chain linked={ooc}/{n_out}  exact leaf={leaf}/{n_in}")
    total = sum(len(v) for v in bins.values()) or 1
    ece = 0.0
    for b in sorted(bins):
        v = bins[b]
        mc, share = statistics.mean(c for c, _ in v), sum(ok for _, ok in v) / len(v)
        ece += len(v) / total * abs(mc - share)
        print(f"[reliability]   [{b / 10:.1f}, {(b + 1) / 10:.1f})  links={len(v):4d}  mean conf={mc:.2f}  right={share:.2f}")
    print(f"[reliability]   ECE={ece:.3f}")
    if not a.quiet:
        for e in errors:
            print(f"[error] {e[0]} {e[1]} {e[2]}: links={';'.join(e[3]) or '-'} gold={';'.join(e[4]) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
