"""Service functions: the one place the CLI, the API and the UI call. No I/O formats here, no
HTTP, no widgets — plain data in, plain data out.

>>> from graph.sqlite_store import SQLiteStore
>>> s = SQLiteStore(":memory:"); _ = load(s, [])
>>> [c["id"] for c in clusters(s)][:2]
['auto', 'pharma']
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

from chainkg.errors import NotFoundError
from chainkg.settings import Settings
from etl.loader import BUNDLED_FILES, LoadReport, load_files
from graph.analysis import analyze as _analyze
from graph.params import AnalysisParams
from graph.open import open_store
from graph.store import GraphStore
from graph.whatif import Scenario, what_if as _what_if
from ontology.loader import CLUSTER_ORDER, Ontology, load_ontology

__all__ = ["open_from_settings", "load", "datasets", "correct_placement", "overrides", "export_overrides",
           "import_overrides", "stats", "clusters", "cluster_detail", "segment_detail", "gaps",
           "analyze", "enterprises", "enterprise_detail", "technologies", "neighbourhood", "what_if",
           "ontology_export", "policy_targets", "store_version", "mark_changed", "analysis",
           "priority_projects", "chokepoints", "targets", "graph_export", "county_distribution", "cypher_read", "preview_file",
           "leads", "save_lead", "update_lead", "workbench", "pipeline_what_if"]


def open_from_settings(settings: Settings) -> GraphStore:
    return open_store(settings.store)


def load(store: GraphStore, paths: Iterable[str | Path] | None = None, *, fmt: str = "auto",
         progress: Callable[[int], None] | None = None, ontology: Ontology | None = None,
         dataset=None) -> LoadReport:
    """Load files (default: the bundled Taizhou data) with the ontology, atomically. ``dataset``
    (:func:`etl.dataset.census_spec`) declares the files' 口径; without it each file is a sample."""
    bundled = paths is None
    paths = list(paths) if paths else list(BUNDLED_FILES) if paths is None else []
    try:
        if fmt in ("chainkg", "tushare"):
            from etl.public import load_public

            return load_public(store, paths, fmt=fmt, ontology=ontology or load_ontology(), progress=progress)
        report = load_files(store, paths, ontology=ontology, progress=progress, dataset=dataset)
        if bundled and actuals_path().exists():  # the plan's figures that public sources state
            import_actuals(store, actuals_path(), ontology)
        return report
    finally:
        mark_changed(store)


def stats(store: GraphStore) -> dict:
    """Node and relationship counts by type, and the content checksum."""
    return store.counts() | {"checksum": store.checksum(), "store": store.kind}


def _onto(ontology: Ontology | None) -> Ontology:
    return ontology or load_ontology()


def clusters(store: GraphStore, ontology: Ontology | None = None, params: AnalysisParams | None = None) -> list[dict]:
    """The seven clusters with key figures: segments, local firms, output, leading firms, gaps."""
    onto = _onto(ontology)
    aggs = {a.segment_id: a for a in store.segment_aggregates()}
    from graph.analysis import analyze_from_aggregates, store_basis
    from graph.strength import GAP_KINDS

    basis = store_basis(store, onto)
    gaps = analyze_from_aggregates(onto, aggs, params=params, basis=basis)["gaps"]
    out = []
    for cid in CLUSTER_ORDER:
        if cid not in onto.clusters:
            continue
        c = onto.clusters[cid]
        tops = [s for s in onto.segments_of(cid) if s.parent is None]
        kinds = {k: 0 for k in GAP_KINDS}
        for g in gaps:
            if g["cluster"] == cid:
                kinds[g["kind"]] += 1
        firms, output, leading = store.segments_output([s.id for s in tops])
        reported = sum(aggs[s.id].local_reported for s in tops if s.id in aggs)
        out.append({"id": cid, "name": c.name, "name_en": c.name_en, "directions": c.directions,
                    "segments": len(onto.segments_of(cid)), "local_enterprises": firms,
                    # output summed over the firms that report it; None when too few do to mean anything
                    "local_output": round(output, 2) if firms and reported * 2 >= firms else None,
                    "firms_with_output": reported,
                    "leading_firms": leading,
                    "basis": basis[cid].as_dict(),
                    "gaps": kinds, "source": c.source})
    return out


def correct_placement(store: GraphStore, enterprise: str, segment: str, action: str, *, who: str, why: str,
                      to: str | None = None, ontology: Ontology | None = None) -> list[dict]:
    """Confirm, add, remove or move (``to``) a firm's segment link; stored as an override with who,
    when and why, written atomically with the link change, respected by every reload."""
    from etl.overrides import plan_override

    batch, records = plan_override(store, _onto(ontology), enterprise, segment, action, who=who, why=why, to=to)
    store.write(batch)
    mark_changed(store)
    return records


def overrides(store: GraphStore) -> list[dict]:
    """Every placement override, with the firm's name."""
    from etl.overrides import read_overrides

    out = read_overrides(store)
    names = {}
    for o in out:
        if o["enterprise"] not in names:
            names[o["enterprise"]] = (store.get_node("Enterprise", o["enterprise"]) or {}).get("name")
        o["enterprise_name"] = names[o["enterprise"]]
    return out


def export_overrides(store: GraphStore, path: str | Path) -> int:
    from etl.overrides import export_overrides as _export

    return _export(store, path)


def import_overrides(store: GraphStore, path: str | Path, ontology: Ontology | None = None):
    """Apply an overrides CSV (as exported); returns (applied rows, quarantine entries)."""
    from etl.overrides import import_overrides as _import

    try:
        return _import(store, _onto(ontology), path)
    finally:
        mark_changed(store)


def datasets(store: GraphStore) -> list[dict]:
    """Every loaded dataset (口径): name, population, region, as-of, source, census, firms."""
    return sorted(store.find_nodes("Dataset", limit=10_000), key=lambda d: (not d.get("census"), d["id"]))


def cluster_detail(store: GraphStore, cluster_id: str, ontology: Ontology | None = None) -> dict:
    onto = _onto(ontology)
    if cluster_id not in onto.clusters:
        raise NotFoundError(f"unknown cluster {cluster_id!r}", entry=cluster_id)
    return {"cluster": onto.clusters[cluster_id].model_dump(),
            "segments": [s.model_dump() for s in onto.segments_of(cluster_id)],
            "feeds": [{"from": f.source_id, "to": f.target_id, "reason": f.reason} for f in onto.feeds_of(cluster_id)]}


def gaps(store: GraphStore, cluster_id: str | None = None, ontology: Ontology | None = None,
         params: AnalysisParams | None = None) -> list[dict]:
    return _analyze(store, _onto(ontology), cluster=cluster_id, params=params, sections=("gaps",))["gaps"]


def analyze(store: GraphStore, cluster_id: str | None = None, ontology: Ontology | None = None,
            params: AnalysisParams | None = None, sections: tuple[str, ...] | None = None) -> dict:
    kw = {"sections": sections} if sections else {}
    return _analyze(store, _onto(ontology), cluster=cluster_id, params=params, **kw)


def segment_detail(store: GraphStore, segment_id: str, ontology: Ontology | None = None,
                   limit: int = 100) -> dict:
    onto = _onto(ontology)
    seg = onto.segments.get(segment_id)
    if seg is None:
        raise NotFoundError(f"unknown segment {segment_id!r}", entry=segment_id)
    total, firms = store.find_enterprises(segment=segment_id, limit=limit)
    links = {r["src"]: r["props"] for r in store.rels("IN_SEGMENT", dst=segment_id)}
    from graph.analysis import store_technologies

    techs = [t.model_dump() for t in store_technologies(store).values() if segment_id in t.segments]
    return {"segment": seg.model_dump(), "enterprise_total": total,
            "enterprises": [f | {"link": links.get(f["id"], {})} for f in firms],
            "technologies": techs,
            "children": [s.id for s in onto.segments.values() if s.parent == segment_id],
            "feeds_from": [f.source_id for f in onto.feeds if f.target_id == segment_id],
            "feeds_to": [f.target_id for f in onto.feeds if f.source_id == segment_id]}


def enterprises(store: GraphStore, **filters) -> tuple[int, list[dict]]:
    return store.find_enterprises(**filters)


def enterprise_detail(store: GraphStore, enterprise_id: str) -> dict:
    e = store.get_node("Enterprise", enterprise_id)
    if e is None:  # not an id: try it as a 统一社会信用代码
        by_code = store.find_nodes("Enterprise", {"credit_code": enterprise_id.strip().upper()}, limit=1)
        e = by_code[0] if by_code else None
        enterprise_id = e["id"] if e else enterprise_id
    if e is None:
        raise NotFoundError(f"unknown enterprise {enterprise_id!r}", entry=enterprise_id)
    return {"enterprise": e,
            "segments": [{"segment_id": r["dst"], **r["props"]} for r in store.rels("IN_SEGMENT", src=enterprise_id)],
            "technologies": [r["dst"] for r in store.rels("HOLDS", src=enterprise_id)],
            "suppliers": [r["src"] for r in store.rels("SUPPLIES", dst=enterprise_id)],
            "customers": [r["dst"] for r in store.rels("SUPPLIES", src=enterprise_id)]}


def technologies(store: GraphStore, chokepoint: bool | None = None) -> list[dict]:
    """Key technologies as the store holds them (the ontology's and every imported list)."""
    from graph.analysis import store_technologies

    return [t.model_dump() for t in store_technologies(store).values()
            if chokepoint is None or t.chokepoint == chokepoint]


def policy_targets(ontology: Ontology | None = None) -> list[dict]:
    return [t.model_dump() for t in _onto(ontology).targets]


# --- policy target monitoring: actual values per indicator and year (docs/policy.md) --------------
ACTUAL_COLUMNS = ("target_id", "year", "value", "unit", "as_of", "source", "note")
#: qualifiers that make a target a ceiling (lower is better); every other target is a floor
_CEILING_WORDS = ("以内", "以下", "不超过", "低于", "控制在")
#: “25%左右” counts as reached at this share of the figure
ABOUT_TOLERANCE = 0.95


def actuals_path() -> Path:
    """The bundled actuals file (loaded into the store with the bundled data)."""
    from etl.loader import BUNDLED_DIR

    return BUNDLED_DIR / "actuals.csv"


def read_actuals(path: str | Path | None = None, ontology: Ontology | None = None) -> list[dict]:
    """Validated rows of an actuals CSV (UTF-8, header ``target_id,year,value,unit,as_of,source,note``).

    Every row names a known target, a year, a number in the target's unit and its source; a bad row
    raises :class:`~chainkg.errors.InputError` naming the file and row. A missing file is no data."""
    import csv

    from chainkg.errors import InputError

    p = Path(path) if path else actuals_path()
    if not p.exists():
        return []
    targets = {t.id: t for t in _onto(ontology).targets}
    with p.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ACTUAL_COLUMNS[:6] if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"missing columns {missing}; expected {','.join(ACTUAL_COLUMNS)}", file=p.name)
        rows = []
        for i, r in enumerate(reader, start=2):
            tid = (r.get("target_id") or "").strip()
            if not tid and not any((v or "").strip() for v in r.values() if isinstance(v, str)):
                continue
            if tid not in targets:
                raise InputError(f"unknown target id {tid!r}", file=p.name, row=i, field="target_id")
            if not (r.get("value") or "").strip():
                continue  # a template row not filled in: no data
            try:
                year, value = int(r["year"]), float(r["value"])
            except (TypeError, ValueError):
                raise InputError("year must be a whole number and value a number", file=p.name, row=i) from None
            unit = (r.get("unit") or "").strip()
            if unit != targets[tid].unit:
                raise InputError(f"unit {unit!r} is not the target's unit {targets[tid].unit!r}", file=p.name, row=i,
                                 field="unit")
            source = (r.get("source") or "").strip()
            if not source:
                raise InputError("every figure needs its source", file=p.name, row=i, field="source")
            rows.append({"target_id": tid, "year": year, "value": value, "unit": unit,
                         "as_of": (r.get("as_of") or "").strip() or None, "source": source,
                         "note": (r.get("note") or "").strip() or None})
    return rows


def actuals_template(ontology: Ontology | None = None) -> str:
    """An actuals CSV to fill in: one row per target of the plan (value and source left empty)."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(ACTUAL_COLUMNS)
    for t in _onto(ontology).targets:
        if not t.current:
            w.writerow([t.id, t.year, "", t.unit, "", "", t.name])
    return buf.getvalue()


def _actual_id(target_id: str, year: int) -> str:
    return f"{target_id}|{year}"


def import_actuals(store: GraphStore, file: str | Path, ontology: Ontology | None = None) -> dict:
    """Validate ``file`` (every row, before anything is written) and write its figures into the store
    in one transaction; a figure replaces the same target and year. The store is where they live."""
    from graph.store import Batch

    new = read_actuals(file, ontology)
    old = {a["id"] for a in store.find_nodes("Actual", limit=100_000)}
    batch = Batch()
    for r in new:
        batch.node("Actual", {"id": _actual_id(r["target_id"], r["year"]),
                              **{k: v for k, v in r.items() if v is not None}})
    store.write(batch)
    mark_changed(store)
    ids = {_actual_id(r["target_id"], r["year"]) for r in new}
    return {"imported": len(new), "replaced": len(ids & old), "rows": len(old | ids)}


def actuals(store: GraphStore) -> list[dict]:
    """Every actual figure in the store (per target and year, with its source)."""
    keys = ("target_id", "year", "value", "unit", "as_of", "source", "note")
    rows = [{k: a.get(k) for k in keys} for a in store.find_nodes("Actual", limit=100_000)]
    return sorted(rows, key=lambda r: (r["target_id"], r["year"]))


def _reached(t, actual: float) -> bool:
    floor = t.low if t.low is not None else t.value
    if any(w in (t.qualifier or "") for w in _CEILING_WORDS):
        return actual <= t.value
    if "左右" in (t.qualifier or ""):
        return actual >= floor * ABOUT_TOLERANCE
    return actual >= floor


def policy_progress(store: GraphStore | None = None, ontology: Ontology | None = None,
                    figures: list[dict] | None = None, today_year: int | None = None) -> list[dict]:
    """Each target with its latest actual figure, progress and status.

    status: ``achieved`` (a figure reaches the target: ≥ the value or a range's low end; ``左右`` from
    95 % of it; ≤ for 以内/以下/不超过), ``not_achieved`` (the target year's figure, or a later one, falls
    short), ``no_data`` (no figure for the target year; an earlier figure still shows progress) or
    ``current`` (a value that existed when the plan was written, not a target). ``plan_ended``: the
    target year is past."""
    onto = _onto(ontology)
    rows = figures if figures is not None else actuals(store) if store is not None else []
    year_now = today_year or time.localtime().tm_year
    by_target: dict[str, list[dict]] = {}
    for r in rows:
        by_target.setdefault(r["target_id"], []).append(r)
    out = []
    for t in onto.targets:
        figs = sorted(by_target.get(t.id, []), key=lambda r: r["year"])
        latest = figs[-1] if figs else None
        floor = t.low if t.low is not None else t.value
        if t.current:
            status = "current"
        elif latest is None:
            status = "no_data"
        elif _reached(t, latest["value"]):
            status = "achieved"
        elif latest["year"] >= t.year:
            status = "not_achieved"
        else:
            status = "no_data"
        progress = round(latest["value"] / floor, 4) if latest and floor and not t.current else None
        out.append({**t.model_dump(), "actual": latest["value"] if latest else None,
                    "actual_year": latest["year"] if latest else None, "as_of": latest["as_of"] if latest else None,
                    "source": latest["source"] if latest else None, "note": latest["note"] if latest else None,
                    "progress": progress, "status": status, "plan_ended": year_now > t.year, "history": figs})
    return out


def neighbourhood(store: GraphStore, label: str, node_id: str, depth: int = 1, limit: int = 200) -> dict:
    return store.neighbourhood(label, node_id, depth=depth, limit=limit)


def what_if(store: GraphStore, scenario: Scenario, cluster_id: str | None = None,
            ontology: Ontology | None = None, params: AnalysisParams | None = None) -> dict:
    """A user's scenario; unknown enterprise or segment ids are refused (:class:`InputError`)."""
    from graph.whatif import check_ids

    onto = _onto(ontology)
    check_ids(store, onto, scenario)
    return _what_if(store, onto, scenario, cluster=cluster_id, params=params)


def ontology_export(ontology: Ontology | None = None) -> dict:
    """The reference chains as plain data (``chainkg ontology export``, ``GET /api/v1/ontology``)."""
    onto = _onto(ontology)
    return {
        "clusters": [c.model_dump() for c in onto.clusters.values()],
        "segments": [{"id": s.id, "name": s.name, "name_en": s.name_en, "cluster": s.cluster, "stage": s.stage,
                      "parent": s.parent, "level": s.level, "weight": s.weight, "weight_reason": s.weight_reason,
                      "keywords": s.keywords, "products": s.products, "source": s.source}
                     for s in onto.segments.values()],
        "feeds": [{"from": f.source_id, "to": f.target_id, "reason": f.reason} for f in onto.feeds],
        "technologies": [{"id": t.id, "name": t.name, "segments": t.segments, "status": t.status,
                          "status_certain": t.status_certain, "chokepoint": t.chokepoint,
                          "chokepoint_lists": t.chokepoint_lists, "source": t.source, "note": t.note}
                         for t in onto.technologies.values()],
        "policy": {"document": onto.policy.get("document", {}), "targets": [t.model_dump() for t in onto.targets],
                   "counties": [c.model_dump() for c in onto.counties.values()],
                   "platforms": [p.model_dump() for p in onto.platforms]},
    }


def county_distribution(store: GraphStore, ontology: Ontology | None = None) -> dict:
    """Operating local firms by county and cluster, with none left out: ``total`` local firms;
    ``counties`` {county short name: firms} for Taizhou's nine and ``no_county`` for the rest; and
    ``clusters`` {cluster id: {short name: firms, None: firms of no known county}} (a firm in two
    clusters counts in each). Ten counts and one listing per cluster, not a count per cell."""
    onto = _onto(ontology)
    shorts = [c.short for c in onto.counties.values()]
    total = store.find_enterprises(local=True, limit=0)[0]
    counties = {k: store.find_enterprises(local=True, county=k, limit=0)[0] for k in shorts}
    cells: dict[str, dict[str | None, int]] = {}
    for cid in CLUSTER_ORDER:
        row: dict[str | None, int] = dict.fromkeys(shorts, 0) | {None: 0}
        for f in store.find_enterprises(cluster=cid, local=True, limit=max(total, 1))[1]:
            row[f.get("county") if f.get("county") in row else None] += 1
        cells[cid] = row
    return {"total": total, "counties": counties, "no_county": total - sum(counties.values()), "clusters": cells}


def cypher_read(store: GraphStore, query: str, params: dict | None = None, *, timeout: float = 5.0,
                limit: int = 1000) -> list[dict]:
    """A read-only Cypher query (Neo4j stores only); rows as dicts, at most ``limit``.

    The guard (:func:`graph.cypher_guard.read_only`) refuses writes, ``LOAD CSV`` and admin or write
    procedures before anything runs; the query then runs in a READ transaction (API and UI alike)."""
    from chainkg.errors import InputError
    from graph.cypher_guard import read_only

    if store.kind != "neo4j":
        raise InputError("the Cypher console needs a Neo4j store (CHAINKG_STORE=neo4j://…)")
    return store.run_read(read_only(query), params or {}, timeout=timeout, limit=limit)


# -- cached analysis and export (the API's and the UI's reads) ------------------------------------
#
# Why a cache: the full analysis takes ~0.2 s on the bundled data and grows with the graph, while
# its inputs change only when data is loaded. Results are memoised per store on (store version,
# cluster, params); ``load`` bumps the version, so an import or reload through the service is seen
# at once. Writes by another process (a CLI load into the same file) are seen after CACHE_TTL_S
# at most, unless the store exposes a cheap ``version()`` of its own, which then joins the key.

CACHE_TTL_S = 30.0
CACHE_SIZE = 64
_STATE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_STATE_LOCK = threading.Lock()


def _state(store: GraphStore) -> dict:
    with _STATE_LOCK:
        st = _STATE.get(store)
        if st is None:
            st = _STATE[store] = {"version": 0, "cache": OrderedDict(), "locks": {}}
        return st


def store_version(store: GraphStore) -> tuple:
    """A cheap token that changes whenever the store's content may have changed (cache key, ETags)."""
    own = getattr(store, "version", None)
    return (_state(store)["version"], own() if callable(own) else None)


def mark_changed(store: GraphStore) -> None:
    """Invalidate cached results of this store (called after every load)."""
    st = _state(store)
    with _STATE_LOCK:
        st["version"] += 1
        st["cache"].clear()


def _memo(store: GraphStore, key: tuple, compute: Callable[[], object]) -> object:
    st = _state(store)
    key = (store_version(store), *key)
    now = time.monotonic()
    with _STATE_LOCK:
        hit = st["cache"].get(key)
        if hit and now - hit[0] < CACHE_TTL_S:
            st["cache"].move_to_end(key)
            return hit[1]
        lock = st["locks"].setdefault(key, threading.Lock())
    with lock:  # one computation per key; concurrent callers wait for it instead of piling on
        with _STATE_LOCK:
            hit = st["cache"].get(key)
            if hit and time.monotonic() - hit[0] < CACHE_TTL_S:
                return hit[1]
        value = compute()
        with _STATE_LOCK:
            st["cache"][key] = (time.monotonic(), value)
            while len(st["cache"]) > CACHE_SIZE:
                st["cache"].popitem(last=False)
            st["locks"].pop(key, None)
    return value


def analysis(store: GraphStore, cluster_id: str | None = None, ontology: Ontology | None = None,
             params: AnalysisParams | None = None) -> dict:
    """The full analysis (gaps, chokepoints, projects, targets, extensions), memoised. Do not mutate."""
    p = params or AnalysisParams()
    onto = _onto(ontology)
    key = ("analysis", cluster_id, p.model_dump_json(), id(onto))
    return _memo(store, key, lambda: _analyze(store, onto, cluster=cluster_id, params=p))


def priority_projects(store: GraphStore, cluster_id: str | None = None, ontology: Ontology | None = None,
                      params: AnalysisParams | None = None) -> list[dict]:
    """重点技术攻关项目, ranked, each with score parts and 揭榜挂帅 candidates."""
    return analysis(store, cluster_id, ontology, params)["projects"]


def chokepoints(store: GraphStore, cluster_id: str | None = None, ontology: Ontology | None = None,
                params: AnalysisParams | None = None) -> list[dict]:
    """卡脖子 technologies ranked by severity × reach × capability gap."""
    return analysis(store, cluster_id, ontology, params)["chokepoints"]


def targets(store: GraphStore, cluster_id: str | None = None, ontology: Ontology | None = None,
            params: AnalysisParams | None = None) -> list[dict]:
    """招商 candidates per gap segment."""
    return analysis(store, cluster_id, ontology, params)["targets"]


def graph_export(store: GraphStore, cluster_id: str | None = None, ontology: Ontology | None = None):
    """Every node and relationship (or one cluster's subgraph), read page by page when iterated:
    a :class:`chainkg.export.GraphExport` (``.nodes()``, ``.rels()``; ``.as_dict()`` for small graphs).

    A cluster's subgraph: the cluster, its segments, the technologies they need, the firms in them,
    those firms' counties, and the relationships among these nodes.
    """
    from chainkg.export import GraphExport

    return GraphExport(store, cluster_id, _onto(ontology))


def preview_file(path: str | Path, rows: int = 5) -> dict:
    """Column mapping (header → canonical field, unit) and the first ``rows`` records of a data file.

    Raises :class:`~chainkg.errors.InputError` for a file the loader could not read either.
    """
    from itertools import islice

    from etl.aliases import canonical_field, header_unit
    from etl.readers import read_header, read_records

    path = Path(path)
    records = list(islice(read_records(path), rows))
    header = read_header(path)
    columns = [{"header": str(h).strip(), "field": canonical_field(str(h)), "unit": header_unit(str(h))}
               for h in header if str(h).strip()]
    return {"file": path.name, "columns": columns,
            "rows": [{k: v for k, v in r.items() if not k.startswith("_")} for r in records]}


# -- 招商 workbench: candidates with profile cards, the lead pipeline, what-if from the pipeline ------------

def _lead_view(lead: dict, onto: Ontology) -> dict:
    from graph.pipeline import STAGES_EN, history_rows

    seg = onto.segments.get(lead["segment"])
    return lead | {"segment_name": seg.name if seg else lead["segment"],
                   "cluster": lead.get("cluster") or (seg.cluster if seg else None),
                   "enterprise_name": lead.get("enterprise_name") or lead["enterprise"],
                   "stage_en": STAGES_EN.get(lead["stage"], lead["stage"]), "history_rows": history_rows(lead)}


def leads(store: GraphStore, cluster_id: str | None = None, segment: str | None = None, stage: str | None = None,
          ontology: Ontology | None = None) -> list[dict]:
    """招商 leads (pipeline), by cluster, segment, stage order and firm; each with its history rows."""
    from graph.pipeline import stage_order

    onto = _onto(ontology)
    out = []
    for lead in store.find_nodes("Lead", limit=10**6):
        v = _lead_view(lead, onto)
        if (cluster_id and v["cluster"] != cluster_id) or (segment and lead["segment"] != segment) \
                or (stage and lead["stage"] != stage):
            continue
        firm = store.get_node("Enterprise", lead["enterprise"]) or {}
        v["enterprise_name"] = firm.get("name") or lead.get("enterprise_name") or lead["enterprise"]
        out.append(v)
    return sorted(out, key=lambda x: (x["cluster"] or "", x["segment"], stage_order(x["stage"]), x["enterprise"]))


def _write_lead(store: GraphStore, props: dict) -> dict:
    from graph.store import Batch
    from ontology.models import Lead

    Lead(**{k: v for k, v in props.items() if v is not None})  # validate before writing
    batch = Batch()
    batch.node("Lead", props)  # None (a cleared owner) removes the prop
    store.write(batch)
    mark_changed(store)
    return {k: v for k, v in props.items() if v is not None}


def save_lead(store: GraphStore, enterprise: str, segment: str, *, stage: str | None = None, owner: str | None = None,
              note: str | None = None, ontology: Ontology | None = None) -> dict:
    """Open a lead for a candidate firm on a gap segment (stage 线索 by default), or update the
    existing one (same firm and segment): the change joins its history. Stored as a ``Lead`` node;
    reloading the data never touches it."""
    from chainkg.errors import InputError
    from graph.pipeline import STAGES, change, lead_id, new_lead

    onto = _onto(ontology)
    if stage is not None and stage not in STAGES:
        raise InputError(f"unknown stage {stage!r}; one of {', '.join(STAGES)}", field="stage")
    firm = store.get_node("Enterprise", enterprise)
    if firm is None:
        raise NotFoundError(f"unknown enterprise {enterprise!r}", entry=enterprise)
    seg = onto.segments.get(segment)
    if seg is None:
        raise NotFoundError(f"unknown segment {segment!r}", entry=segment)
    old = store.get_node("Lead", lead_id(enterprise, segment))
    if old is None:
        props = new_lead(enterprise, segment, stage=stage or "线索", owner=owner, note=note, cluster=seg.cluster,
                         enterprise_name=firm.get("name"))
    else:
        props = change(old, stage=stage, owner=owner, note=note)
    return _lead_view(_write_lead(store, props), onto)


def update_lead(store: GraphStore, lead_id: str, *, stage: str | None = None, owner: str | None = None,
                note: str | None = None, ontology: Ontology | None = None) -> dict:
    """Change a lead's stage, owner and/or add a note (each change is kept in its history)."""
    from chainkg.errors import InputError
    from graph.pipeline import STAGES, change

    if stage is not None and stage not in STAGES:
        raise InputError(f"unknown stage {stage!r}; one of {', '.join(STAGES)}", field="stage")
    old = store.get_node("Lead", lead_id)
    if old is None:
        raise NotFoundError(f"unknown lead {lead_id!r}", entry=lead_id)
    return _lead_view(_write_lead(store, change(old, stage=stage, owner=owner, note=note)), _onto(ontology))


def workbench(store: GraphStore, cluster_id: str | None = None, ontology: Ontology | None = None,
              params: AnalysisParams | None = None) -> list[dict]:
    """The 招商 workbench: per gap segment (actionable verdicts on adequate data) its ranked candidates,
    each with its profile card and its lead (stage, owner, notes, history) when one is open; leads on
    the segment for firms no longer ranked are listed under ``other_leads``."""
    onto = _onto(ontology)
    result = analysis(store, cluster_id, onto, params)
    by_seg: dict[str, list[dict]] = {}
    for lead in leads(store, cluster_id, ontology=onto):
        by_seg.setdefault(lead["segment"], []).append(lead)
    gaps = {g["segment_id"]: g for g in result["gaps"]}
    out = []
    for tg in result.get("targets", []):
        mine = {lead["enterprise"]: lead for lead in by_seg.get(tg["segment_id"], [])}
        g = gaps.get(tg["segment_id"], {})
        out.append(tg | {"verdict": g.get("verdict"), "local_firms": g.get("evidence", {}).get("local_firms"),
                         "candidates": [c | {"lead": mine.pop(c["enterprise_id"], None)} for c in tg["candidates"]],
                         "other_leads": list(mine.values())})
    return out


def pipeline_what_if(store: GraphStore, cluster_id: str | None = None, stages: Iterable[str] | None = None,
                     ontology: Ontology | None = None, params: AnalysisParams | None = None) -> dict:
    """情景: if the firms whose leads are at ``stages`` (default 在谈, 已签约, 已落地) land in their lead's
    segment, which gaps close? The what-if result plus ``leads`` (those assumed to land), ``closed``
    (no longer a gap), ``filled`` (缺失 no more) and ``summary`` (plain sentences)."""
    from chainkg.errors import InputError
    from graph.pipeline import LANDING_STAGES, STAGES, pipeline_scenario
    from graph.strength import GAP_LABELS

    onto = _onto(ontology)
    if cluster_id is not None and cluster_id not in onto.clusters:
        raise NotFoundError(f"unknown cluster {cluster_id!r}", entry=cluster_id)
    stages = tuple(stages) if stages else LANDING_STAGES
    bad = [s for s in stages if s not in STAGES]
    if bad:
        raise InputError(f"unknown stage {bad[0]!r}; one of {', '.join(STAGES)}", field="stages")
    chosen = [lead for lead in leads(store, cluster_id, ontology=onto) if lead["stage"] in stages]
    for lead in chosen:  # under a parent gap segment the firm lands in its own segments of that subtree
        subtree = set(onto.subtree(lead["segment"])) if lead["segment"] in onto.segments else {lead["segment"]}
        own = sorted(r["dst"] for r in store.rels("IN_SEGMENT", src=lead["enterprise"]) if r["dst"] in subtree)
        lead["land_in"] = own or [lead["segment"]]
    scenario = pipeline_scenario(chosen, stages)
    res = _what_if(store, onto, scenario, cluster=cluster_id, params=params)
    # closed: no longer a gap on the same data (a verdict turning 未发现 is the data's limit, not a close)
    closed = [c for c in res["changes"] if c["change"] == "gap_closed" and c.get("kind_after") != "unknown"]
    filled = [c for c in res["changes"] if c.get("kind_before") == "missing" and c.get("kind_after") not in (None, "missing")]
    who = "、".join(dict.fromkeys(lead["enterprise_name"] or lead["enterprise"] for lead in chosen))
    summary = []
    if not chosen:
        summary.append(f"没有处于{'、'.join(stages)}阶段的招商项目，情景与现状相同。")
    else:
        summary.append(f"假设{'、'.join(stages)}阶段的 {len(scenario.add_enterprises)} 家企业（{who}）全部落地：")
        for c in res["changes"]:
            if c["change"] not in ("gap_closed", "kind_changed", "gap_opened"):
                continue
            before, after = GAP_LABELS.get(c["kind_before"], c["kind_before"]), GAP_LABELS.get(c["kind_after"], c["kind_after"])
            tail = "，不再是缺口。" if c in closed else "。"
            summary.append(f"「{c['segment']}」由{before}变为{after}{tail}")
        if not closed and not filled:
            summary.append("没有缺口因此补上；各环节强度的变化见明细。")
    return res | {"stages": list(stages), "leads": chosen, "closed": closed, "filled": filled, "summary": summary}
