"""Dump every placement of the classifier, to prove that a speed change changes no result.

For each record of three sets — the labelled firms (bench/labelled/firms.csv), the real
ChainKnowledgeGraph firms (../shared/data, as ``bench/classify.py``'s ``[throughput] real``) and
``--generated`` records of ``bench/classify.py``'s generator (seed 42) — one JSON line with what
:func:`etl.nlp.assign_segments` returns (segment id, cluster, confidence, matched terms, score) and
what :func:`etl.nlp.candidates` returns (every candidate segment with its full feature vector, floats
as ``repr``). Run it on two versions of the code and compare the files (``cmp``):

    .venv/bin/python bench/classify_dump.py OUT.jsonl [--generated 20000]

The records are classified twice, in order, first with an empty per-line cache and then with the
cache filled, and both passes are written (a cache that changed a result would show).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from classify import as_record, gen_records, load_labelled, real_records  # noqa: E402

from etl.nlp import assign_segments  # noqa: E402
from etl.nlp.classify import candidates  # noqa: E402
from etl.nlp.index import build_index  # noqa: E402
from ontology.loader import load_ontology  # noqa: E402


def dump_one(rec: dict, onto) -> dict:
    links = [[m.segment_id, m.cluster, repr(m.confidence), list(m.matched_terms), repr(m.score)]
             for m in assign_segments(rec, onto)]
    code, names = rec.get("industry_code"), rec.get("industry")
    cands = [[c["segment_id"], [repr(v) for v in c["x"]], list(c["terms"]), repr(c["score"])]
             for c in candidates(rec.get("business_scope"), rec.get("products"), onto, industry=names,
                                 industry_code=code, name=rec.get("name"))]
    return {"links": links, "candidates": cands}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--generated", type=int, default=20_000)
    a = ap.parse_args()
    onto = load_ontology()
    sets = [("labelled", [as_record(r) for r in load_labelled()]), ("real", real_records()),
            ("generated", gen_records(onto, a.generated))]
    digest = hashlib.sha256()
    with a.out.open("w", encoding="utf-8") as f:
        for name, recs in sets:
            build_index(onto).cache.clear()
            for run in ("cold", "warm"):
                for i, rec in enumerate(recs):
                    line = json.dumps({"set": name, "run": run, "i": i, **dump_one(rec, onto)},
                                      ensure_ascii=False, sort_keys=True)
                    digest.update(line.encode())
                    f.write(line + "\n")
            print(f"[dump] {name}: {len(recs):,} records x 2 passes (cold, warm)")
    print(f"[dump] sha256 {digest.hexdigest()} -> {a.out}")


if __name__ == "__main__":
    main()
