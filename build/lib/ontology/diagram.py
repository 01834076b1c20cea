"""Chain diagrams generated from the ontology data (never drawn by hand).

What: :func:`mermaid` and :func:`dot` draw one cluster's reference chain left to right — three
columns 上游 → 中游 → 下游 (the segments' ``stage``), one box per segment labelled with its Chinese
name, a solid arrow per FEEDS edge (供给关系) and a dotted line from a parent segment to each child
(the hierarchy; children can sit in another stage than their parent, so they are linked rather
than nested). ``max_level=2`` gives the overview: deeper segments are folded into their level-2
ancestor and their FEEDS edges lifted to it (duplicates and self-loops dropped).

``python -m ontology.diagram [--out docs/chains]`` writes, for each of the seven clusters,
``<cluster>.md`` (overview + full Mermaid diagram, segment table, FEEDS list), ``<cluster>.dot`` and,
when Graphviz ``dot`` is on the PATH, ``<cluster>.svg`` (``--png`` adds PNG); plus ``README.md``,
the index. Output is deterministic: YAML order, no timestamps.

>>> from ontology.loader import load_ontology
>>> text = mermaid("sewing", load_ontology())
>>> text.splitlines()[0]
'flowchart LR'
>>> 'sewing_lockstitch["平缝机"]' in text
True
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from ontology.loader import CLUSTER_ORDER, Ontology, load_ontology

__all__ = ["mermaid", "dot", "view", "cluster_markdown", "index_markdown", "write_docs", "STAGES"]

STAGES = ("上游", "中游", "下游")
_STAGE_KEY = {"上游": "up", "中游": "mid", "下游": "down"}
_FONT = "Noto Sans CJK SC"
#: fill colour per level (1 = top level)
_FILL = {1: "#dbe9f6", 2: "#f3f8fc", 3: "#ffffff"}


def _nid(sid: str) -> str:
    return sid.replace("-", "_")


def view(cluster_id: str, ontology: Ontology, max_level: int | None = None):
    """Segments (YAML order), hierarchy pairs (parent, child) and FEEDS pairs (lifted to ``max_level``)."""
    if cluster_id not in ontology.clusters:
        raise KeyError(f"unknown cluster {cluster_id!r}")
    segs = ontology.segments_of(cluster_id)
    by_id = {s.id: s for s in segs}

    def shown(sid: str) -> str:
        s = by_id[sid]
        while max_level is not None and s.level > max_level and s.parent:
            s = by_id[s.parent]
        return s.id

    kept = [s for s in segs if max_level is None or s.level <= max_level]
    hier = [(s.parent, s.id) for s in kept if s.parent]
    feeds, seen = [], set()
    for f in ontology.feeds_of(cluster_id):
        a, b = shown(f.source_id), shown(f.target_id)
        if a != b and (a, b) not in seen:
            seen.add((a, b))
            feeds.append((a, b))
    return kept, hier, feeds


def _label(text: str) -> str:
    return text.replace('"', "#quot;")


def mermaid(cluster_id: str, ontology: Ontology, *, max_level: int | None = None) -> str:
    """Mermaid ``flowchart LR`` of one cluster: stage subgraphs, FEEDS arrows, dotted hierarchy."""
    segs, hier, feeds = view(cluster_id, ontology, max_level)
    lines = ["flowchart LR"]
    for stage in STAGES:
        members = [s for s in segs if s.stage == stage]
        if not members:
            continue
        lines.append(f'  subgraph {_STAGE_KEY[stage]}["{stage}"]')
        lines.append("    direction TB")
        for s in members:
            lines.append(f'    {_nid(s.id)}["{_label(s.name)}"]')
        lines.append("  end")
    for a, b in feeds:
        lines.append(f"  {_nid(a)} --> {_nid(b)}")
    for p, c in hier:
        lines.append(f"  {_nid(p)} -.- {_nid(c)}")
    for lvl in (1, 2, 3):
        ids = [_nid(s.id) for s in segs if s.level == lvl]
        if ids:
            lines.append(f"  classDef l{lvl} fill:{_FILL[lvl]},stroke:#4a6f8a")
            lines.append(f"  class {','.join(ids)} l{lvl}")
    return "\n".join(lines) + "\n"


def dot(cluster_id: str, ontology: Ontology, *, max_level: int | None = None) -> str:
    """Graphviz DOT of the same drawing (for ``dot -Tsvg``)."""
    segs, hier, feeds = view(cluster_id, ontology, max_level)
    c = ontology.clusters[cluster_id]
    q = lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'  # noqa: E731
    lines = [f"digraph {q(cluster_id)} {{",
             f"  graph [rankdir=LR, fontname={q(_FONT)}, label={q(f'{c.name}产业链 ({cluster_id})')}, "
             "labelloc=t, fontsize=20, nodesep=0.25, ranksep=0.8];",
             f"  node [shape=box, style=\"rounded,filled\", fontname={q(_FONT)}, fontsize=12, color=\"#4a6f8a\"];",
             f"  edge [fontname={q(_FONT)}, color=\"#2f4f6f\"];"]
    for stage in STAGES:
        members = [s for s in segs if s.stage == stage]
        if not members:
            continue
        lines.append(f"  subgraph cluster_{_STAGE_KEY[stage]} {{")
        lines.append(f"    label={q(stage)}; style=\"rounded,dashed\"; color=\"#8899aa\"; fontsize=16;")
        for s in members:
            pen = "2" if s.level == 1 else "1"
            lines.append(f"    {q(s.id)} [label={q(s.name)}, fillcolor={q(_FILL.get(s.level, '#ffffff'))}, "
                         f"penwidth={pen}];")
        lines.append("  }")
    for a, b in feeds:
        lines.append(f"  {q(a)} -> {q(b)};")
    for p, ch in hier:
        lines.append(f"  {q(p)} -> {q(ch)} [style=dotted, arrowhead=none, color=\"#99aabb\", constraint=false];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def cluster_markdown(cluster_id: str, ontology: Ontology, *, image: str | None = None) -> str:
    """The per-cluster page: overview (levels 1–2), full diagram, segments and FEEDS tables."""
    c = ontology.clusters[cluster_id]
    segs = ontology.segments_of(cluster_id)
    by_id = {s.id: s for s in segs}
    feeds = ontology.feeds_of(cluster_id)
    out = [f"# {c.name}产业链 — {c.name_en or cluster_id} (`{cluster_id}`)", "",
           "<!-- generated by `python -m ontology.diagram` from ontology/chains/"
           f"{cluster_id}.yaml — do not edit by hand -->", "",
           f"- 发展方向 / directions: {'、'.join(c.directions) or '—'}",
           f"- 来源 / source: {c.source}",
           f"- {len(segs)} segments ({sum(1 for s in segs if s.parent is None)} top level), "
           f"{len(feeds)} FEEDS edges. Solid arrow = FEEDS (供给: the source's output is an input of the "
           "target); dotted line = parent → child segment.", ""]
    out += ["## Overview (levels 1–2)", "", "```mermaid", mermaid(cluster_id, ontology, max_level=2).rstrip(),
            "```", ""]
    out += ["## Full chain", ""]
    if image:
        out += [f"![{c.name}产业链]({image})", "", "Mermaid source of the same diagram:", ""]
    out += ["```mermaid", mermaid(cluster_id, ontology).rstrip(), "```", ""]
    out += ["## Segments", "", "| id | 环节 | stage | level | parent | weight |", "|---|---|---|---|---|---|"]
    for s in segs:
        parent = by_id[s.parent].name if s.parent else "—"
        out.append(f"| `{s.id}` | {s.name} | {s.stage} | {s.level} | {parent} | {s.weight:g} |")
    out += ["", "## FEEDS", "", "| from | to | reason |", "|---|---|---|"]
    for f in feeds:
        reason = (f.reason or "").replace("|", "\\|")
        out.append(f"| {by_id[f.source_id].name} | {by_id[f.target_id].name} | {reason} |")
    return "\n".join(out) + "\n"


def index_markdown(ontology: Ontology, clusters: list[str]) -> str:
    out = ["# Chain diagrams (产业链图谱)", "",
           "<!-- generated by `python -m ontology.diagram` — do not edit by hand -->", "",
           "Generated from `ontology/chains/*.yaml` by `python -m ontology.diagram --out docs/chains`. "
           "Each page has an overview (levels 1–2), the full chain (Mermaid; SVG when Graphviz was "
           "available), the segment table and the FEEDS list.", "",
           "| cluster | 集群 | segments | FEEDS | page | SVG |", "|---|---|---|---|---|---|"]
    for cid in clusters:
        c = ontology.clusters[cid]
        out.append(f"| `{cid}` | {c.name} | {len(ontology.segments_of(cid))} | {len(ontology.feeds_of(cid))} | "
                   f"[{cid}.md]({cid}.md) | [{cid}.svg]({cid}.svg) |")
    return "\n".join(out) + "\n"


def write_docs(out_dir: str | Path, ontology: Ontology | None = None, *, render: bool = True,
               png: bool = False) -> list[Path]:
    """Write every cluster's page, DOT (and SVG/PNG when ``dot`` exists) and the index."""
    onto = ontology or load_ontology()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    clusters = [c for c in CLUSTER_ORDER if c in onto.clusters] + sorted(set(onto.clusters) - set(CLUSTER_ORDER))
    dot_bin = shutil.which("dot") if render else None
    written = []
    for cid in clusters:
        dot_path = out / f"{cid}.dot"
        dot_path.write_text(dot(cid, onto), encoding="utf-8")
        written.append(dot_path)
        if dot_bin:
            for fmt in ("svg", "png") if png else ("svg",):
                target = out / f"{cid}.{fmt}"
                subprocess.run([dot_bin, f"-T{fmt}", str(dot_path), "-o", str(target)], check=True)
                written.append(target)
        md = out / f"{cid}.md"
        md.write_text(cluster_markdown(cid, onto, image=f"{cid}.svg" if (out / f"{cid}.svg").exists() else None),
                      encoding="utf-8")
        written.append(md)
    idx = out / "README.md"
    idx.write_text(index_markdown(onto, clusters), encoding="utf-8")
    written.append(idx)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m ontology.diagram", description=__doc__.splitlines()[0],
                                 epilog="example: python -m ontology.diagram --out docs/chains")
    ap.add_argument("--out", default="docs/chains", help="output folder (default docs/chains)")
    ap.add_argument("--cluster", help="print one cluster's Mermaid diagram to stdout instead")
    ap.add_argument("--format", choices=["mermaid", "dot"], default="mermaid", help="with --cluster")
    ap.add_argument("--max-level", type=int, default=None, help="with --cluster: fold deeper segments")
    ap.add_argument("--no-render", action="store_true", help="do not call Graphviz dot")
    ap.add_argument("--png", action="store_true", help="also render PNG")
    a = ap.parse_args(argv)
    onto = load_ontology()
    if a.cluster:
        fn = mermaid if a.format == "mermaid" else dot
        sys.stdout.write(fn(a.cluster, onto, max_level=a.max_level))
        return 0
    files = write_docs(a.out, onto, render=not a.no_render, png=a.png)
    if not shutil.which("dot") and not a.no_render:
        print("Graphviz `dot` not found: wrote Markdown/Mermaid and DOT only (apt-get install graphviz)",
              file=sys.stderr)
    print(f"wrote {len(files)} files to {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
