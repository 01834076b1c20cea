"""The service: one :class:`ChainKG` object per store — the one place the CLI, the API and the UI
call. It holds the store, the ontology and the one cache of analysis results. No I/O formats here,
no HTTP, no widgets — plain data in, plain data out.

Why one cache, here: the full analysis takes ~0.2 s on the bundled data and grows with the graph,
while its inputs change only when data is written. :meth:`ChainKG.analysis` memoises results on
(:meth:`ChainKG.version`, cluster, params, sections); the version joins this object's own write
counter (bumped by every write it makes: loads, imports, corrections, leads) and the store's own
cheap ``version()`` (SQLite: ``PRAGMA data_version``; Neo4j: count-store totals), so a write by
another process or another ``ChainKG`` is seen too; entries also expire after ``CACHE_TTL_S``
(an in-place Neo4j property update by another process changes no total). See docs/architecture.md.

>>> from graph.store.sqlite_store import SQLiteStore
>>> kg = ChainKG(SQLiteStore(":memory:")); _ = kg.load([])
>>> [c["id"] for c in kg.clusters()][:2]
['auto', 'pharma']
>>> kg.analysis() is kg.analysis()  # cached until the next write
True
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

from chainkg.actuals import actual_id, actuals_path, progress, read_actuals
from chainkg.errors import NotFoundError
from chainkg.settings import Settings
from etl.loader import BUNDLED_FILES, LoadReport, load_files
from graph.analytics.analysis import analyze as _analyze
from graph.analytics.params import AnalysisParams
from graph.store.open import open_store
from graph.store.port import GraphStore
from graph.analytics.whatif import Scenario, what_if as _what_if
from ontology.loader import CLUSTER_ORDER, Ontology, load_ontology

__all__ = ["ChainKG", "CACHE_TTL_S", "CACHE_SIZE"]

CACHE_TTL_S = 30.0
CACHE_SIZE = 64


class ChainKG:
    """The knowledge graph as the product uses it: ``ChainKG(store, ontology=None)`` (the bundled
    ontology by default). Results returned by :meth:`analysis` are shared: do not mutate them."""

    def __init__(self, store: GraphStore, ontology: Ontology | None = None) -> None:
        self.store = store
        self.onto = ontology or load_ontology()
        self._writes = 0
        self._cache: OrderedDict = OrderedDict()
        self._locks: dict = {}
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> "ChainKG":
        """A ChainKG on the store the settings name (``CHAINKG_STORE``)."""
        return cls(open_store(settings.store))

    @property
    def kind(self) -> str:
        return self.store.kind

    @property
    def has_console(self) -> bool:
        """Whether the read-only Cypher console can run here (Neo4j stores only): the one rule
        :meth:`cypher_read` enforces and the UI shows or hides its console page by."""
        return self.store.kind == "neo4j"

    # -- the cache ------------------------------------------------------------------------------
    def version(self) -> tuple:
        """A cheap token that changes whenever the store's content may have changed (cache key, ETags)."""
        own = getattr(self.store, "version", None)
        return (self._writes, own() if callable(own) else None)

    def changed(self) -> None:
        """Forget cached results: called after each of this object's writes, and by a caller that
        wrote to the store behind its back."""
        with self._lock:
            self._writes += 1
            self._cache.clear()

    def _memo(self, key: tuple, compute: Callable[[], object]) -> object:
        key = (self.version(), *key)
        with self._lock:
            hit = self._cache.get(key)
            if hit and time.monotonic() - hit[0] < CACHE_TTL_S:
                self._cache.move_to_end(key)
                return hit[1]
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one computation per key; concurrent callers wait for it instead of piling on
            with self._lock:
                hit = self._cache.get(key)
                if hit and time.monotonic() - hit[0] < CACHE_TTL_S:
                    return hit[1]
            value = compute()
            with self._lock:
                self._cache[key] = (time.monotonic(), value)
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
                self._locks.pop(key, None)
        return value

    def load(self, paths: Iterable[str | Path] | None = None, *, fmt: str = "auto",
             progress: Callable[[int], None] | None = None,
             dataset=None) -> LoadReport:
        """Load files (default: the bundled Taizhou data) with the ontology, atomically. ``dataset``
        (:func:`etl.dataset.census_spec`) declares the files' 口径; without it each file is a sample."""
        bundled = paths is None
        paths = list(paths) if paths else list(BUNDLED_FILES) if paths is None else []
        try:
            if fmt in ("chainkg", "tushare"):
                from etl.public import load_public

                return load_public(self.store, paths, fmt=fmt, ontology=self.onto, progress=progress)
            report = load_files(self.store, paths, ontology=self.onto, progress=progress, dataset=dataset)
            if bundled and actuals_path().exists():  # the plan's figures that public sources state
                self.import_actuals(actuals_path())
            return report
        finally:
            self.changed()

    def stats(self) -> dict:
        """Node and relationship counts by type, and the content checksum (cached: it reads everything)."""
        return self._memo(("stats",), self._stats)

    def _stats(self) -> dict:
        return self.store.counts() | {"checksum": self.store.checksum(), "store": self.store.kind}

    def clusters(self, params: AnalysisParams | None = None) -> list[dict]:
        """The seven clusters with key figures: segments, local firms, output, leading firms, gaps (cached)."""
        p = params or AnalysisParams()
        return self._memo(("clusters", p.model_dump_json()), lambda: self._clusters(p))

    def _clusters(self, params: AnalysisParams) -> list[dict]:
        onto = self.onto
        aggs = {a.segment_id: a for a in self.store.segment_aggregates()}
        from graph.analytics.analysis import analyze_from_aggregates, store_basis
        from graph.analytics.strength import GAP_KINDS

        basis = store_basis(self.store, onto)
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
            firms, output, leading = self.store.segments_output([s.id for s in tops])
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

    def correct_placement(self, enterprise: str, segment: str, action: str, *, who: str, why: str,
                          to: str | None = None) -> list[dict]:
        """Confirm, add, remove or move (``to``) a firm's segment link; stored as an override with who,
        when and why, written atomically with the link change, respected by every reload."""
        from etl.overrides import plan_override

        batch, records = plan_override(self.store, self.onto, enterprise, segment, action, who=who, why=why, to=to)
        self.store.write(batch)
        self.changed()
        return records

    def overrides(self) -> list[dict]:
        """Every placement override, with the firm's name."""
        from etl.overrides import read_overrides

        out = read_overrides(self.store)
        names = {}
        for o in out:
            if o["enterprise"] not in names:
                names[o["enterprise"]] = (self.store.get_node("Enterprise", o["enterprise"]) or {}).get("name")
            o["enterprise_name"] = names[o["enterprise"]]
        return out

    def export_overrides(self, path: str | Path) -> int:
        from etl.overrides import export_overrides as _export

        return _export(self.store, path)

    def import_overrides(self, path: str | Path):
        """Apply an overrides CSV (as exported); returns (applied rows, quarantine entries)."""
        from etl.overrides import import_overrides as _import

        try:
            return _import(self.store, self.onto, path)
        finally:
            self.changed()

    def datasets(self) -> list[dict]:
        """Every loaded dataset (口径): name, population, region, as-of, source, census, firms."""
        return sorted(self.store.find_nodes("Dataset", limit=10_000), key=lambda d: (not d.get("census"), d["id"]))

    def cluster_detail(self, cluster_id: str) -> dict:
        onto = self.onto
        if cluster_id not in onto.clusters:
            raise NotFoundError(f"unknown cluster {cluster_id!r}", entry=cluster_id)
        return {"cluster": onto.clusters[cluster_id].model_dump(),
                "segments": [s.model_dump() for s in onto.segments_of(cluster_id)],
                "feeds": [{"from": f.source_id, "to": f.target_id, "reason": f.reason} for f in onto.feeds_of(cluster_id)]}

    def segment_detail(self, segment_id: str,
                       limit: int = 100) -> dict:
        onto = self.onto
        seg = onto.segments.get(segment_id)
        if seg is None:
            raise NotFoundError(f"unknown segment {segment_id!r}", entry=segment_id)
        total, firms = self.store.find_enterprises(segment=segment_id, limit=limit)
        links = {r["src"]: r["props"] for r in self.store.rels("IN_SEGMENT", dst=segment_id)}
        from graph.analytics.analysis import store_technologies

        techs = [t.model_dump() for t in store_technologies(self.store).values() if segment_id in t.segments]
        return {"segment": seg.model_dump(), "enterprise_total": total,
                "enterprises": [f | {"link": links.get(f["id"], {})} for f in firms],
                "technologies": techs,
                "children": [s.id for s in onto.segments.values() if s.parent == segment_id],
                "feeds_from": [f.source_id for f in onto.feeds if f.target_id == segment_id],
                "feeds_to": [f.target_id for f in onto.feeds if f.source_id == segment_id]}

    def enterprises(self, **filters) -> tuple[int, list[dict]]:
        return self.store.find_enterprises(**filters)

    def enterprise_detail(self, enterprise_id: str) -> dict:
        e = self.store.get_node("Enterprise", enterprise_id)
        if e is None:  # not an id: try it as a 统一社会信用代码
            by_code = self.store.find_nodes("Enterprise", {"credit_code": enterprise_id.strip().upper()}, limit=1)
            e = by_code[0] if by_code else None
            enterprise_id = e["id"] if e else enterprise_id
        if e is None:
            raise NotFoundError(f"unknown enterprise {enterprise_id!r}", entry=enterprise_id)
        return {"enterprise": e,
                "segments": [{"segment_id": r["dst"], **r["props"]} for r in self.store.rels("IN_SEGMENT", src=enterprise_id)],
                "technologies": [r["dst"] for r in self.store.rels("HOLDS", src=enterprise_id)],
                "suppliers": [r["src"] for r in self.store.rels("SUPPLIES", dst=enterprise_id)],
                "customers": [r["dst"] for r in self.store.rels("SUPPLIES", src=enterprise_id)]}

    def technologies(self, chokepoint: bool | None = None) -> list[dict]:
        """Key technologies as the store holds them (the ontology's and every imported list)."""
        from graph.analytics.analysis import store_technologies

        return [t.model_dump() for t in store_technologies(self.store).values()
                if chokepoint is None or t.chokepoint == chokepoint]

    def policy_targets(self) -> list[dict]:
        return [t.model_dump() for t in self.onto.targets]

    def import_actuals(self, file: str | Path) -> dict:
        """Validate ``file`` (every row, before anything is written) and write its figures into the store
        in one transaction; a figure replaces the same target and year. The store is where they live."""
        from graph.store.port import Batch

        new = read_actuals(file, self.onto)
        old = {a["id"] for a in self.store.find_nodes("Actual", limit=100_000)}
        batch = Batch()
        for r in new:
            batch.node("Actual", {"id": actual_id(r["target_id"], r["year"]),
                                  **{k: v for k, v in r.items() if v is not None}})
        self.store.write(batch)
        self.changed()
        ids = {actual_id(r["target_id"], r["year"]) for r in new}
        return {"imported": len(new), "replaced": len(ids & old), "rows": len(old | ids)}

    def actuals(self) -> list[dict]:
        """Every actual figure in the store (per target and year, with its source)."""
        keys = ("target_id", "year", "value", "unit", "as_of", "source", "note")
        rows = [{k: a.get(k) for k in keys} for a in self.store.find_nodes("Actual", limit=100_000)]
        return sorted(rows, key=lambda r: (r["target_id"], r["year"]))

    def policy_progress(self, today_year: int | None = None) -> list[dict]:
        """Each target with its latest actual figure, progress and status.

        status: ``achieved`` (a figure reaches the target: ≥ the value or a range's low end; ``左右`` from
        95 % of it; ≤ for 以内/以下/不超过), ``not_achieved`` (the target year's figure, or a later one, falls
        short), ``no_data`` (no figure for the target year; an earlier figure still shows progress) or
        ``current`` (a value that existed when the plan was written, not a target). ``plan_ended``: the
        target year is past."""
        return progress(self.onto, self.actuals(), today_year)

    def neighbourhood(self, label: str, node_id: str, depth: int = 1, limit: int = 200) -> dict:
        return self.store.neighbourhood(label, node_id, depth=depth, limit=limit)

    def what_if(self, scenario: Scenario, cluster_id: str | None = None, params: AnalysisParams | None = None) -> dict:
        """A user's scenario (cached); unknown enterprise or segment ids are refused (:class:`InputError`)."""
        from graph.analytics.whatif import check_ids

        check_ids(self.store, self.onto, scenario)
        p = params or AnalysisParams()
        return self._memo(("what_if", scenario.model_dump_json(), cluster_id, p.model_dump_json()),
                          lambda: _what_if(self.store, self.onto, scenario, cluster=cluster_id, params=p))

    def county_distribution(self) -> dict:
        """Cached :meth:`_county_distribution`."""
        return self._memo(("counties",), self._county_distribution)

    def _county_distribution(self) -> dict:
        """Operating local firms by county and cluster, with none left out: ``total`` local firms;
        ``counties`` {county short name: firms} for Taizhou's nine and ``no_county`` for the rest; and
        ``clusters`` {cluster id: {short name: firms, None: firms of no known county}} (a firm in two
        clusters counts in each). Ten counts and one listing per cluster, not a count per cell."""
        onto = self.onto
        shorts = [c.short for c in onto.counties.values()]
        total = self.store.find_enterprises(local=True, limit=0)[0]
        counties = {k: self.store.find_enterprises(local=True, county=k, limit=0)[0] for k in shorts}
        cells: dict[str, dict[str | None, int]] = {}
        for cid in CLUSTER_ORDER:
            row: dict[str | None, int] = dict.fromkeys(shorts, 0) | {None: 0}
            for f in self.store.find_enterprises(cluster=cid, local=True, limit=max(total, 1))[1]:
                row[f.get("county") if f.get("county") in row else None] += 1
            cells[cid] = row
        return {"total": total, "counties": counties, "no_county": total - sum(counties.values()), "clusters": cells}

    def cypher_read(self, query: str, params: dict | None = None, *, timeout: float = 5.0,
                    limit: int = 1000) -> list[dict]:
        """A read-only Cypher query (Neo4j stores only); rows as dicts, at most ``limit``.

        The guard (:func:`graph.store.cypher_guard.read_only`) refuses writes, ``LOAD CSV`` and admin or write
        procedures before anything runs; the query then runs in a READ transaction (API and UI alike).
        On another store: :class:`~chainkg.errors.UnsupportedStore` (HTTP 400), the one check."""
        from chainkg.errors import UnsupportedStore
        from graph.store.cypher_guard import read_only

        if not self.has_console:
            raise UnsupportedStore("the Cypher console needs a Neo4j store (CHAINKG_STORE=neo4j://…)",
                                   store=self.kind)
        return self.store.run_read(read_only(query), params or {}, timeout=timeout, limit=limit)

    def analysis(self, cluster_id: str | None = None, params: AnalysisParams | None = None,
                 sections: tuple[str, ...] | None = None) -> dict:
        """The analysis (gaps, chokepoints, projects, targets, extensions — or only ``sections``), one
        cluster or all: the one cached entry point (see the module docstring). Do not mutate."""
        p = params or AnalysisParams()
        kw = {"sections": tuple(sections)} if sections else {}
        key = ("analysis", cluster_id, p.model_dump_json(), kw.get("sections"))
        return self._memo(key, lambda: _analyze(self.store, self.onto, cluster=cluster_id, params=p, **kw))

    def graph_export(self, cluster_id: str | None = None):
        """Every node and relationship (or one cluster's subgraph), read page by page when iterated:
        a :class:`chainkg.export.GraphExport` (``.nodes()``, ``.rels()``; ``.as_dict()`` for small graphs).

        A cluster's subgraph: the cluster, its segments, the technologies they need, the firms in them,
        those firms' counties, and the relationships among these nodes.
        """
        from chainkg.export import GraphExport

        return GraphExport(self.store, cluster_id, self.onto)

    @staticmethod
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

    @staticmethod
    def _lead_view(lead: dict, onto: Ontology) -> dict:
        from graph.analytics.pipeline import STAGES_EN, history_rows

        seg = onto.segments.get(lead["segment"])
        return lead | {"segment_name": seg.name if seg else lead["segment"],
                       "cluster": lead.get("cluster") or (seg.cluster if seg else None),
                       "enterprise_name": lead.get("enterprise_name") or lead["enterprise"],
                       "stage_en": STAGES_EN.get(lead["stage"], lead["stage"]), "history_rows": history_rows(lead)}

    def leads(self, cluster_id: str | None = None, segment: str | None = None, stage: str | None = None) -> list[dict]:
        """招商 leads (pipeline), by cluster, segment, stage order and firm; each with its history rows."""
        from graph.analytics.pipeline import stage_order

        onto = self.onto
        out = []
        for lead in self.store.find_nodes("Lead", limit=10**6):
            v = self._lead_view(lead, onto)
            if (cluster_id and v["cluster"] != cluster_id) or (segment and lead["segment"] != segment) \
                    or (stage and lead["stage"] != stage):
                continue
            firm = self.store.get_node("Enterprise", lead["enterprise"]) or {}
            v["enterprise_name"] = firm.get("name") or lead.get("enterprise_name") or lead["enterprise"]
            out.append(v)
        return sorted(out, key=lambda x: (x["cluster"] or "", x["segment"], stage_order(x["stage"]), x["enterprise"]))

    def _write_lead(self, props: dict) -> dict:
        from graph.store.port import Batch
        from ontology.models import Lead

        Lead(**{k: v for k, v in props.items() if v is not None})  # validate before writing
        batch = Batch()
        batch.node("Lead", props)  # None (a cleared owner) removes the prop
        self.store.write(batch)
        self.changed()
        return {k: v for k, v in props.items() if v is not None}

    def save_lead(self, enterprise: str, segment: str, *, stage: str | None = None, owner: str | None = None,
                  note: str | None = None) -> dict:
        """Open a lead for a candidate firm on a gap segment (stage 线索 by default), or update the
        existing one (same firm and segment): the change joins its history. Stored as a ``Lead`` node;
        reloading the data never touches it."""
        from chainkg.errors import InputError
        from graph.analytics.pipeline import STAGES, change, lead_id, new_lead

        onto = self.onto
        if stage is not None and stage not in STAGES:
            raise InputError(f"unknown stage {stage!r}; one of {', '.join(STAGES)}", field="stage")
        firm = self.store.get_node("Enterprise", enterprise)
        if firm is None:
            raise NotFoundError(f"unknown enterprise {enterprise!r}", entry=enterprise)
        seg = onto.segments.get(segment)
        if seg is None:
            raise NotFoundError(f"unknown segment {segment!r}", entry=segment)
        old = self.store.get_node("Lead", lead_id(enterprise, segment))
        if old is None:
            props = new_lead(enterprise, segment, stage=stage or "线索", owner=owner, note=note, cluster=seg.cluster,
                             enterprise_name=firm.get("name"))
        else:
            props = change(old, stage=stage, owner=owner, note=note)
        return self._lead_view(self._write_lead(props), onto)

    def update_lead(self, lead_id: str, *, stage: str | None = None, owner: str | None = None,
                    note: str | None = None) -> dict:
        """Change a lead's stage, owner and/or add a note (each change is kept in its history)."""
        from chainkg.errors import InputError
        from graph.analytics.pipeline import STAGES, change

        if stage is not None and stage not in STAGES:
            raise InputError(f"unknown stage {stage!r}; one of {', '.join(STAGES)}", field="stage")
        old = self.store.get_node("Lead", lead_id)
        if old is None:
            raise NotFoundError(f"unknown lead {lead_id!r}", entry=lead_id)
        return self._lead_view(self._write_lead(change(old, stage=stage, owner=owner, note=note)), self.onto)

    def workbench(self, cluster_id: str | None = None, params: AnalysisParams | None = None) -> list[dict]:
        """Cached :meth:`_workbench` (a lead written through this object clears it)."""
        p = params or AnalysisParams()
        return self._memo(("workbench", cluster_id, p.model_dump_json()), lambda: self._workbench(cluster_id, p))

    def _workbench(self, cluster_id: str | None, params: AnalysisParams) -> list[dict]:
        """The 招商 workbench: per gap segment (actionable verdicts on adequate data) its ranked candidates,
        each with its profile card and its lead (stage, owner, notes, history) when one is open; leads on
        the segment for firms no longer ranked are listed under ``other_leads``."""
        onto = self.onto
        result = self.analysis(cluster_id, params)
        by_seg: dict[str, list[dict]] = {}
        for lead in self.leads(cluster_id):
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

    def pipeline_what_if(self, cluster_id: str | None = None, stages: Iterable[str] | None = None,
                         params: AnalysisParams | None = None) -> dict:
        """情景: if the firms whose leads are at ``stages`` (default 在谈, 已签约, 已落地) land in their lead's
        segment, which gaps close? The what-if result plus ``leads`` (those assumed to land), ``closed``
        (no longer a gap), ``filled`` (缺失 no more) and ``summary`` (plain sentences). Cached."""
        p = params or AnalysisParams()
        key = ("pipeline_what_if", cluster_id, tuple(stages) if stages else None, p.model_dump_json())
        return self._memo(key, lambda: self._pipeline_what_if(cluster_id, stages, p))

    def _pipeline_what_if(self, cluster_id: str | None, stages: Iterable[str] | None, params: AnalysisParams) -> dict:
        from chainkg.errors import InputError
        from graph.analytics.pipeline import LANDING_STAGES, STAGES, pipeline_scenario
        from graph.analytics.strength import GAP_LABELS

        onto = self.onto
        if cluster_id is not None and cluster_id not in onto.clusters:
            raise NotFoundError(f"unknown cluster {cluster_id!r}", entry=cluster_id)
        stages = tuple(stages) if stages else LANDING_STAGES
        bad = [s for s in stages if s not in STAGES]
        if bad:
            raise InputError(f"unknown stage {bad[0]!r}; one of {', '.join(STAGES)}", field="stages")
        chosen = [lead for lead in self.leads(cluster_id) if lead["stage"] in stages]
        for lead in chosen:  # under a parent gap segment the firm lands in its own segments of that subtree
            subtree = set(onto.subtree(lead["segment"])) if lead["segment"] in onto.segments else {lead["segment"]}
            own = sorted(r["dst"] for r in self.store.rels("IN_SEGMENT", src=lead["enterprise"]) if r["dst"] in subtree)
            lead["land_in"] = own or [lead["segment"]]
        scenario = pipeline_scenario(chosen, stages)
        res = _what_if(self.store, onto, scenario, cluster=cluster_id, params=params)
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
