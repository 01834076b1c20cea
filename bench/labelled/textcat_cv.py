"""Experiment (not used by the classifier): 5-fold CV on the TUNE split only — a spaCy
textcat_multilabel at cluster level vs the rules. Training data: the tune split of
bench/labelled/firms.csv (ChainKnowledgeGraph product lines + constructed registry records).

    .venv/bin/python bench/labelled/textcat_cv.py
"""
import csv, random, sys
from pathlib import Path
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / "bench"))
import spacy
from spacy.training import Example
from ontology.loader import load_ontology
import classify as B
from etl.nlp import assign_segments
onto = load_ontology()
rows = [r for r in B.load_labelled() if r["split"] == "tune"]
random.Random(0).shuffle(rows)
CL = sorted(onto.clusters)
def gold(r): return {onto.segments[g].cluster for g in r["gold_segments"].split(";") if g}
def text(r): return (r["products"] + " | " + r["scope"] + " | " + r["industry"])[:600]
tp = fp = fn = 0; rtp = rfp = rfn = 0
for k in range(5):
    test = rows[k::5]; train = [r for i, r in enumerate(rows) if i % 5 != k]
    nlp = spacy.blank("zh")
    tc = nlp.add_pipe("textcat_multilabel")
    for c in CL: tc.add_label(c)
    ex = [Example.from_dict(nlp.make_doc(text(r)), {"cats": {c: float(c in gold(r)) for c in CL}}) for r in train]
    opt = nlp.initialize(lambda: ex)
    for ep in range(15):
        random.Random(ep).shuffle(ex)
        for i in range(0, len(ex), 16):
            nlp.update(ex[i:i+16], sgd=opt, drop=0.2)
    for r in test:
        g = gold(r)
        pred = {c for c, v in nlp(text(r)).cats.items() if v >= 0.5}
        tp += len(pred & g); fp += len(pred - g); fn += len(g - pred)
        rp = {m.cluster for m in assign_segments(B.as_record(r), onto)}
        rtp += len(rp & g); rfp += len(rp - g); rfn += len(g - rp)
print(f"textcat cluster-level P={tp/(tp+fp):.3f} R={tp/(tp+fn):.3f} | "
      f"rules P={rtp/(rtp+rfp):.3f} R={rtp/(rtp+rfn):.3f}")
