"""ICKG25 firms as classifier records for the labelled set (round 8 held-out, kind ``ickg``; docs/log/classifier-rounds.md §1 step 9).

ICKG (github.com/WayneYin9/ICKG, ../shared/data/ickg, LLM-extracted from news and CNKI patents) is the only public
text here that holds sewing-machine and toilet makers. A registered firm's patent titles (持有专利) are read as its
product lines (no revenue shares) and the industries it 涉足/归属于 as its scope fragments. The picks never look at
the classifier.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("CHAINKG_SHARED", ROOT.parent / "shared"))
ICKG = SHARED / "data" / "ickg" / "ICKG25"
ICKG_FIRM = r"有限公司|有限责任公司|股份公司"  # an entity that names a registered firm
ICKG_KEYWORD_PICK = r"缝纫|缝制|绣花|包缝|马桶|坐便|卫浴|洁具"  # every such firm (sewing, smart toilet)
ICKG_OTHER = 18  # plus the first firms with >= 2 patents in SHA-1 order, for the mix
SRC_ICKG = ("ickg: ICKG25 entity2id/relation2id/train+valid+test (持有专利 → products, 涉足行业/归属于行业 → scope), "
            "github.com/WayneYin9/ICKG 1ee2ae0")


def _order(code: str) -> str:
    return hashlib.sha1(f"pick:{code}".encode()).hexdigest()  # the same order as build.py's picks


def load_ickg() -> dict[str, dict]:
    """ICKG25 (../shared/data/ickg) as classifier records: a registered firm's patent titles (持有专利) are its
    product lines (no revenue shares: patents are unweighted), the industries it 涉足/归属于 are its scope
    fragments. Key: ``ICKG-<entity id>``. LLM-extracted from news and CNKI patents (see PROVENANCE.md)."""
    ent = {}
    with (ICKG / "entity2id.txt").open(encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2:
                ent[parts[1]] = parts[0]
    with (ICKG / "relation2id.txt").open(encoding="utf-8") as f:
        rel = {ln.split("\t")[1].strip(): ln.split("\t")[0] for ln in f if ln.strip()}
    out: dict[str, dict] = {}
    for part in ("train.txt", "valid.txt", "test.txt"):
        with (ICKG / part).open(encoding="utf-8") as f:
            for line in f:
                h, r, t, _time = line.split()
                d = out.setdefault(h, {"patents": [], "industries": []})
                if rel[r] == "持有专利":
                    d["patents"].append(ent[t])
                elif rel[r] in ("涉足行业", "归属于行业"):
                    d["industries"].append(ent[t])
    firm = re.compile(ICKG_FIRM)
    return {f"ICKG-{i}": {"name": ent[i], "patents": list(dict.fromkeys(d["patents"])),
                          "industries": list(dict.fromkeys(d["industries"]))}
            for i, d in out.items() if d["patents"] and firm.search(ent[i])}


def ickg_record(f: dict) -> tuple[str, str]:
    """(products, scope) cells of an ICKG firm: patent titles ';'-joined, industries '、'-joined."""
    return "; ".join(f["patents"]), "、".join(f["industries"])


def ickg_round8(ickg: dict, labelled: set) -> tuple[list[str], dict]:
    """Every ICKG firm whose name, patents or industries hold a sewing or toilet word, then ICKG_OTHER firms with
    at least two patents in the SHA-1 order (never looks at the classifier)."""
    rx = re.compile(ICKG_KEYWORD_PICK)
    picked = {k: "r8:ickg:kw" for k, f in ickg.items() if k not in labelled
              and rx.search(" ".join([f["name"], *f["patents"], *f["industries"]]))}
    rest = [k for k, f in ickg.items() if k not in labelled and k not in picked and len(f["patents"]) >= 2]
    for k in sorted(rest, key=_order)[:ICKG_OTHER]:
        picked[k] = "r8:ickg"
    return sorted(picked, key=lambda c: (picked[c], c)), picked
