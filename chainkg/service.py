"""The service: one :class:`ChainKG` object per store — the one place the CLI, the API and the UI
call. It holds the store, the ontology and the one cache of analysis results. No I/O formats here,
no HTTP, no widgets — plain data in, plain data out.

Why one cache, here: the full analysis takes ~0.2 s on the bundled data and grows with the graph,
while its inputs change only when data is written. :meth:`ChainKG.analysis` memoises results on
(:meth:`ChainKG.version`, cluster, params, sections); the version joins this object's own write
counter (bumped by every write it makes: loads, imports, corrections, leads) and the store's own
cheap ``version()`` (SQLite: ``PRAGMA data_version``; Neo4j: count-store totals), so a write by
another process or another ``ChainKG`` is seen too; entries also expire after
:data:`chainkg.cache.CACHE_TTL_S` (an in-place Neo4j property update by another process changes no
total). See docs/architecture.md.

Its bigger features' bodies live beside it: :mod:`chainkg.leads` (招商 workbench),
:mod:`chainkg.overview`, :mod:`chainkg.details`, :mod:`chainkg.actuals_store`; the cache is :mod:`chainkg.cache`.

>>> from graph.store.sqlite_store import SQLiteStore
>>> kg = ChainKG(SQLiteStore(":memory:")); _ = kg.load([])
>>> [c["id"] for c in kg.clusters()][:2]
['auto', 'pharma']
>>> kg.analysis() is kg.analysis()  # cached until the next write
True
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from chainkg import details, leads as _leads, overview, suggestions as _suggestions
from chainkg.actuals import actuals_path, progress
from chainkg.actuals_store import stored_actuals, write_actuals
from chainkg.cache import VersionedCache
from chainkg.errors import UnsupportedStore
from chainkg.filters import enterprise_filters
from chainkg.no_candidates import why_no_candidates
from chainkg.settings import Settings
from etl.loader import BUNDLED_FILES, LoadReport, load_files
from etl.preview import preview_file
from graph.analytics.analysis import analyze as _analyze, store_technologies
from graph.analytics.coverage import about_cluster
from graph.analytics.params import AnalysisParams
from graph.store.cypher_guard import read_only
from graph.store.open import open_store
from graph.store.port import GraphStore
from graph.analytics.whatif import Scenario, check_ids, what_if as _what_if
from ontology.loader import Ontology, load_ontology

__all__ = ["ChainKG", "TARGET_SECTIONS"]

#: the analysis sections the gaps page asks for; the workbench reads only its gaps and targets and asks
#: for the same, so both share one cached analysis and neither computes chokepoints and projects
TARGET_SECTIONS = ("gaps", "targets", "extensions")


class ChainKG:
    """The knowledge graph as the product uses it: ``ChainKG(store, ontology=None)`` (the bundled
    ontology by default). Results returned by :meth:`analysis` are shared: do not mutate them."""

    def __init__(self, store: GraphStore, ontology: Ontology | None = None, load_workers: dict | None = None) -> None:
        self.store = store
        self.onto = ontology or load_ontology()
        self._writes = 0
        self._cache = VersionedCache()
        self._lock = threading.Lock()
        self.load_workers = load_workers or {}  # may a load use second processes (Settings.load_workers)

    @classmethod
    def from_settings(cls, settings: Settings) -> "ChainKG":
        """A ChainKG on the store the settings name (``CHAINKG_STORE``)."""
        return cls(open_store(settings.store), load_workers=settings.load_workers())

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
        return self._cache.get(self.version(), key, compute)

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
            report = load_files(self.store, paths, ontology=self.onto, progress=progress, dataset=dataset,
                                **self.load_workers)
            if bundled and actuals_path().exists():  # the plan's figures that public sources state
                self.import_actuals(actuals_path())
            return report
        finally:
            self.changed()

    def stats(self) -> dict:
        """Node and relationship counts by type, and the content checksum (cached: it reads everything)."""
        return self._memo(("stats",), lambda: self.store.counts() | {"checksum": self.store.checksum(),
                                                                      "store": self.store.kind})

    def clusters(self, params: AnalysisParams | None = None) -> list[dict]:
        """The seven clusters with key figures: segments, local firms, output, leading firms, gaps (cached)."""
        p = params or AnalysisParams()
        return self._memo(("clusters", p.model_dump_json()),
                          lambda: overview.cluster_cards(self.store, self.onto, p, self._local_groups()))

    def _local_groups(self) -> list:
        """The store's grouped count of local firms by cluster and county, fetched once for the
        overview's cards and county grid (cached)."""
        return self._memo(("local_groups",), self.store.local_groups)

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

    def datasets(self, cluster: str | None = None) -> list[dict]:
        """Every loaded dataset (口径): name, population, region, as-of, source, census, firms; with
        ``cluster``, only those that may be named for it (:func:`graph.analytics.coverage.about_cluster`)."""
        found = self.store.find_nodes("Dataset", limit=10_000)
        return sorted((d for d in found if cluster is None or about_cluster(d, cluster)),
                      key=lambda d: (not d.get("census"), d["id"]))

    def cluster_detail(self, cluster_id: str) -> dict:
        return details.cluster_detail(self.onto, cluster_id)

    def segment_detail(self, segment_id: str, limit: int = 100) -> dict:
        return details.segment_detail(self.store, self.onto, segment_id, limit)

    def enterprises(self, **filters) -> tuple[int, list[dict]]:
        """Firms matching ``filters``; a cluster, segment, dataset or county the store does not hold is an
        error naming it, not an empty page (:func:`chainkg.filters.enterprise_filters`)."""
        return self.store.find_enterprises(**enterprise_filters(self.store, self.onto, **filters))

    def enterprise_detail(self, enterprise_id: str) -> dict:
        return details.enterprise_detail(self.store, enterprise_id)

    def suggestions(self, enterprise_id: str) -> dict:
        """An unplaced firm's candidates under the threshold, never counted (:mod:`chainkg.suggestions`)."""
        return _suggestions.suggestions(self.store, self.onto, enterprise_id)

    def confirm_suggestion(self, enterprise_id: str, segment: str, *, who: str) -> list[dict]:
        """Confirm one current suggestion: an ``add`` override (why: its confidence), written atomically."""
        batch, records = _suggestions.plan_confirm(self.store, self.onto, enterprise_id, segment, who=who)
        self.store.write(batch)
        self.changed()
        return records

    def technologies(self, chokepoint: bool | None = None) -> list[dict]:
        """Key technologies as the store holds them (the ontology's and every imported list)."""
        return [t.model_dump() for t in store_technologies(self.store).values()
                if chokepoint is None or t.chokepoint == chokepoint]

    def policy_targets(self) -> list[dict]:
        return [t.model_dump() for t in self.onto.targets]

    def import_actuals(self, file: str | Path) -> dict:
        """Validate ``file`` and write its figures in one transaction: :func:`chainkg.actuals_store.write_actuals`."""
        result = write_actuals(self.store, self.onto, file)
        self.changed()
        return result

    def actuals(self) -> list[dict]:
        """Every actual figure in the store (per target and year, with its source)."""
        return stored_actuals(self.store)

    def policy_progress(self, today_year: int | None = None) -> list[dict]:
        """Each target with its latest actual figure, progress and status: :func:`chainkg.actuals.progress`."""
        return progress(self.onto, self.actuals(), today_year)

    def neighbourhood(self, label: str, node_id: str, depth: int = 1, limit: int = 200) -> dict:
        return self.store.neighbourhood(label, node_id, depth=depth, limit=limit)

    def what_if(self, scenario: Scenario, cluster_id: str | None = None, params: AnalysisParams | None = None) -> dict:
        """A user's scenario (cached); unknown enterprise or segment ids are refused (:class:`InputError`)."""
        check_ids(self.store, self.onto, scenario)
        p = params or AnalysisParams()
        return self._memo(("what_if", scenario.model_dump_json(), cluster_id, p.model_dump_json()),
                          lambda: _what_if(self.store, self.onto, scenario, cluster=cluster_id, params=p))

    def county_distribution(self) -> dict:
        """Operating local firms by county and cluster (cached): :func:`chainkg.overview.county_distribution`."""
        return self._memo(("counties",),
                          lambda: overview.county_distribution(self.store, self.onto, self._local_groups()))

    def cypher_read(self, query: str, params: dict | None = None, *, timeout: float = 5.0,
                    limit: int = 1000) -> list[dict]:
        """A read-only Cypher query (Neo4j stores only); rows as dicts, at most ``limit``.

        The guard (:func:`graph.store.cypher_guard.read_only`) refuses writes, ``LOAD CSV`` and admin or write
        procedures before anything runs; the query then runs in a READ transaction (API and UI alike).
        On another store: :class:`~chainkg.errors.UnsupportedStore` (HTTP 400), the one check."""
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
        """Column mapping and the first ``rows`` records of a data file: :func:`etl.preview.preview_file`."""
        return preview_file(path, rows)

    # -- the 招商 workbench (chainkg.leads) -----------------------------------------------------------
    def leads(self, cluster_id: str | None = None, segment: str | None = None, stage: str | None = None) -> list[dict]:
        """招商 leads (pipeline), by cluster, segment, stage order and firm; each with its history rows."""
        return _leads.list_leads(self.store, self.onto, cluster_id, segment, stage)

    def _write_lead(self, props: dict) -> dict:
        saved = _leads.write_lead(self.store, props)
        self.changed()
        return _leads.lead_view(saved, self.onto)

    def save_lead(self, enterprise: str, segment: str, *, stage: str | None = None, owner: str | None = None,
                  note: str | None = None) -> dict:
        """Open a lead for a candidate firm on a gap segment (stage 线索 by default), or update the
        existing one (same firm and segment): the change joins its history. Stored as a ``Lead`` node;
        reloading the data never touches it."""
        return self._write_lead(_leads.opened_lead(self.store, self.onto, enterprise, segment, stage=stage,
                                                  owner=owner, note=note))

    def update_lead(self, lead_id: str, *, stage: str | None = None, owner: str | None = None,
                    note: str | None = None) -> dict:
        """Change a lead's stage, owner and/or add a note (each change is kept in its history)."""
        return self._write_lead(_leads.changed_lead(self.store, lead_id, stage=stage, owner=owner, note=note))

    def workbench(self, cluster_id: str | None = None, params: AnalysisParams | None = None) -> list[dict]:
        """The 招商 workbench (cached; a lead written through this object clears it): per gap segment its
        ranked candidates with profile cards and leads — :func:`chainkg.leads.workbench`."""
        p = params or AnalysisParams()
        return self._memo(("workbench", cluster_id, p.model_dump_json()),
                          lambda: _leads.workbench(self.analysis(cluster_id, p, TARGET_SECTIONS), self.leads(cluster_id)))

    def why_no_candidates(self, cluster_id: str | None = None, params: AnalysisParams | None = None) -> dict:
        """Why the workbench (and the targets) of ``cluster_id`` has no candidates: what is loaded, what a census
        needs — :func:`chainkg.no_candidates.why_no_candidates`, for the page and the API alike."""
        cluster_id = None if cluster_id is None else self.onto.cluster_id(cluster_id)
        return why_no_candidates(self.store, self.onto, self.analysis(cluster_id, params, TARGET_SECTIONS), cluster_id)

    def pipeline_what_if(self, cluster_id: str | None = None, stages: Iterable[str] | None = None,
                         params: AnalysisParams | None = None) -> dict:
        """情景: if the firms whose leads are at ``stages`` (default 在谈, 已签约, 已落地) land, which gaps
        close? Cached; :func:`chainkg.leads.pipeline_what_if`."""
        p = params or AnalysisParams()
        key = ("pipeline_what_if", cluster_id, tuple(stages) if stages else None, p.model_dump_json())
        return self._memo(key, lambda: _leads.pipeline_what_if(self.store, self.onto, cluster_id, stages, p))
