"""Synthetic ChainKG graphs over the REAL ontology, for the load/API/UI/analysis benchmarks.

What: :func:`generate` yields :class:`graph.store.port.Batch` chunks — first the ontology (clusters,
segments, technologies, counties), then enterprises with their IN_SEGMENT / LOCATED_IN links, then
HOLDS and SUPPLIES — so every chunk only refers to nodes of itself or of earlier chunks and can be
written (or streamed to a file) on its own. :func:`write_enterprises_csv` writes the same
enterprises as an import file in the template's columns (``etl/templates/enterprises.csv``).

Why it looks like this: enterprises spread over segments in proportion to the segment weights,
output is heavy-tailed (Pareto, α = 1.2: a few big firms hold most of a segment's output), ~30 %
are local (Taizhou county, city 台州市), tags as in the real lists (高新技术企业 common, 上市 rare),
SUPPLIES follow the chain's FEEDS (a supplier sits in a segment that feeds the customer's).
Memory: one small array per firm (its segment), so 1,000,000 enterprises / 3,000,000 relationships
stream in chunks of ``chunk`` rows (~100 MB peak, not the whole graph).

>>> chunks = list(generate(100, 300, seed=1, include_ontology=False))
>>> sum(len(c.nodes.get("Enterprise", [])) for c in chunks), sum(sum(map(len, c.rels.values())) for c in chunks)
(100, 300)
"""

from __future__ import annotations

import csv
import random
from array import array
from collections.abc import Iterator
from pathlib import Path

from etl.bundle import ontology_batch
from etl.normalize import CREDIT_CHARSET, CREDIT_WEIGHTS
from graph.store.port import Batch
from ontology.loader import Ontology, load_ontology

__all__ = ["generate", "write_enterprises_csv", "enterprise_rows", "CSV_HEADER", "REGISTRY_HEADER"]

LOCAL_SHARE = 0.30
_TAGS = (("高新技术企业", 0.15), ("专精特新", 0.05), ("专精特新小巨人", 0.01), ("隐形冠军", 0.003),
         ("单项冠军", 0.002), ("上市", 0.005))
_WORDS = "精工 恒达 华科 宏远 鑫源 永泰 瑞丰 金龙 东方 新世纪 天力 中成 海天 通达 联创 普惠 博远 安泰 佳利 明辉".split()
_OTHER_CITIES = ("宁波市", "杭州市", "温州市", "苏州市", "上海市", "深圳市", "佛山市", "无锡市", "绍兴市", "嘉兴市")
CSV_HEADER = ("统一社会信用代码", "企业名称", "所属区县", "所在城市", "是否本地", "主营产品", "所属环节",
              "营业收入(万元)", "工业总产值(万元)", "从业人员", "成立日期", "企业标签", "来源")
#: a registry export (企业名录): no 所属环节 column, 经营范围 instead — the loader must classify every row
REGISTRY_HEADER = tuple(h for h in CSV_HEADER if h != "所属环节")[:6] + ("经营范围",) + CSV_HEADER[7:]
_SCOPE_TAIL = ("；一般项目：货物进出口；技术进出口（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。",
               "；五金产品批发；金属材料销售。", "。")


_PREFIX = {True: "91331000MA", False: "91330200MA"}  # Taizhou / Ningbo registration areas
_BASE = {k: sum(CREDIT_CHARSET.index(c) * w for c, w in zip(p, CREDIT_WEIGHTS)) for k, p in _PREFIX.items()}


def _credit_code(i: int, local: bool) -> str:
    """A valid 18-character credit code for firm ``i`` (check character per GB 32100, computed fast)."""
    digits = f"{i:07d}"
    total = _BASE[local] + sum(int(d) * w for d, w in zip(digits, CREDIT_WEIGHTS[10:]))
    return f"{_PREFIX[local]}{digits}{CREDIT_CHARSET[(31 - total % 31) % 31]}"


def _plan(onto: Ontology, n: int, rng: random.Random) -> tuple[list[str], array]:
    """Leaf segments, and per firm the index of its main segment (weighted by segment weight)."""
    parents = {s.parent for s in onto.segments.values() if s.parent}
    leaves = sorted(s.id for s in onto.segments.values() if s.id not in parents)
    weights = [onto.segments[s].weight for s in leaves]
    return leaves, array("I", rng.choices(range(len(leaves)), weights=weights, k=n))


def enterprise_rows(n: int, seed: int = 0, onto: Ontology | None = None) -> Iterator[dict]:
    """One dict per synthetic enterprise (props + ``_segments``), deterministic for a seed."""
    onto = onto or load_ontology()
    rng = random.Random(seed)
    leaves, main = _plan(onto, n, rng)
    counties = sorted(c.short for c in onto.counties.values())
    for i in range(n):
        local = rng.random() < LOCAL_SHARE
        seg = onto.segments[leaves[main[i]]]
        segs = [seg.id] + ([leaves[rng.randrange(len(leaves))]] if rng.random() < 0.25 else [])
        output = round(min(rng.paretovariate(1.2), 1e5) * 800.0, 1)
        vocab = seg.products or seg.keywords or [seg.name]
        products = sorted(set(rng.choices(vocab, k=rng.randint(1, 3))))
        county = rng.choice(counties) if local and counties else None
        place = county or rng.choice(_OTHER_CITIES)[:2]
        yield {"id": _credit_code(i, local), "name": f"{place}{rng.choice(_WORDS)}{seg.name}合成{i}有限公司",
               "credit_code": _credit_code(i, local), "local": local, "county": county,
               "city": "台州市" if local else rng.choice(_OTHER_CITIES), "output": output,
               "revenue": round(output * rng.uniform(0.8, 1.2), 1), "employees": int(20 + output ** 0.6),
               "founded": f"{rng.randint(1985, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
               "tags": [t for t, p in _TAGS if rng.random() < p], "products": products,
               "sources": ["synthetic (bench/gen.py)"], "_segments": segs}


def generate(n_enterprises: int, n_relationships: int, seed: int = 0, *, chunk: int = 50_000,
             include_ontology: bool = True, onto: Ontology | None = None) -> Iterator[Batch]:
    """Batches of at most ~``chunk`` rows; exactly ``n_enterprises`` enterprises and
    ``n_relationships`` enterprise relationships (IN_SEGMENT, LOCATED_IN, then HOLDS 25 % and
    SUPPLIES 75 % of what is left; IN_SEGMENT/LOCATED_IN are cut when the budget is smaller)."""
    onto = onto or load_ontology()
    if include_ontology:
        yield ontology_batch(onto)
    county_id = {c.short: c.id for c in onto.counties.values()}
    rng = random.Random(seed + 1)
    firm_seg, firm_local = array("I"), array("b")  # per firm: main leaf segment, local flag
    leaves = _plan(onto, 0, rng)[0]
    idx = {s: k for k, s in enumerate(leaves)}
    budget = n_relationships
    b = Batch()
    for row in enterprise_rows(n_enterprises, seed, onto):
        segs = row.pop("_segments")
        firm_seg.append(idx[segs[0]])
        firm_local.append(1 if row["local"] else 0)
        b.node("Enterprise", {k: v for k, v in row.items() if v is not None})
        for sid in segs:
            if budget > 0:
                b.rel("IN_SEGMENT", row["id"], sid, {"method": "synthetic", "confidence": 1.0})
                budget -= 1
        if row["county"] and budget > 0:
            b.rel("LOCATED_IN", row["id"], county_id[row["county"]])
            budget -= 1
        if b.size >= chunk:
            yield b
            b = Batch()
    n = len(firm_seg)
    by_seg: dict[int, array] = {}
    for i, s in enumerate(firm_seg):
        by_seg.setdefault(s, array("I")).append(i)
    feeds: dict[int, list[int]] = {}
    for f in onto.feeds:  # supplier segment -> customer segments (leaves only)
        if f.source_id in idx and f.target_id in idx:
            feeds.setdefault(idx[f.target_id], []).append(idx[f.source_id])
    techs = {k: [t.id for t in onto.technologies.values() if leaves[k] in t.segments] for k in range(len(leaves))}
    all_techs = sorted(onto.technologies)
    ids = lambda i: _credit_code(i, bool(firm_local[i]))  # noqa: E731 (recomputed, not stored: memory)
    holds, supplies = budget // 4, budget - budget // 4
    seen: set[tuple[int, int, int]] = set()
    while (holds > 0 or supplies > 0) and n > 1:
        if holds > 0 and all_techs:
            i = rng.randrange(n)
            tid = rng.choice(techs.get(firm_seg[i]) or all_techs)
            if (0, i, hash(tid)) not in seen:
                seen.add((0, i, hash(tid)))
                b.rel("HOLDS", ids(i), tid, {"source": "synthetic"})
                holds -= 1
        elif holds > 0:
            supplies, holds = supplies + holds, 0
        if supplies > 0:
            c = rng.randrange(n)
            src_segs = feeds.get(firm_seg[c])
            pool = by_seg.get(rng.choice(src_segs)) if src_segs else None
            s = pool[rng.randrange(len(pool))] if pool else rng.randrange(n)
            if s != c and (1, s, c) not in seen:
                seen.add((1, s, c))
                b.rel("SUPPLIES", ids(s), ids(c), {"source": "synthetic"})
                supplies -= 1
        if b.size >= chunk:
            yield b
            b = Batch()
    if b.size:
        yield b


def _scope(products: list[str], tail: str) -> str:
    """A 经营范围 in the registry's wording: the products' manufacture first, then boilerplate."""
    return f"{'、'.join(products)}制造；{'、'.join(products)}销售{tail}"


def write_enterprises_csv(path: str | Path, n: int, seed: int = 0, onto: Ontology | None = None, *,
                          explicit_segments: bool = True) -> Path:
    """The synthetic enterprises as an import CSV (UTF-8 BOM, template headers, explicit segments).

    ``explicit_segments=False``: a registry export instead (:data:`REGISTRY_HEADER`: 经营范围 and
    主营产品, no 所属环节), so every row goes through the classifier."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(CSV_HEADER if explicit_segments else REGISTRY_HEADER)
        for i, r in enumerate(enterprise_rows(n, seed, onto)):
            if not explicit_segments:
                w.writerow([r["credit_code"], r["name"], r["county"] or "", r["city"], "是" if r["local"] else "否",
                            ";".join(r["products"]), _scope(r["products"], _SCOPE_TAIL[i % len(_SCOPE_TAIL)]),
                            r["revenue"], r["output"], r["employees"], r["founded"], ";".join(r["tags"]),
                            r["sources"][0]])
                continue
            w.writerow([r["credit_code"], r["name"], r["county"] or "", r["city"], "是" if r["local"] else "否",
                        ";".join(r["products"]), ";".join(r["_segments"]), r["revenue"], r["output"],
                        r["employees"], r["founded"], ";".join(r["tags"]), r["sources"][0]])
    return path
