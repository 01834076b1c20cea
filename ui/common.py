"""Shared UI plumbing: the store, cached service calls, small display helpers. No business logic.

Caching: every service result is cached with ``st.cache_data`` keyed on the store URL, the store's
version token (:func:`version`) and the call's parameters, so a reload or a new import — from this
UI or from ``chainkg load`` in another process — invalidates it.
"""

from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from chainkg import service
from chainkg.settings import Settings
from graph.open import open_store
from graph.store import GraphStore
from graph.whatif import Scenario
from ontology.loader import load_ontology
from ui.i18n import t

__all__ = ["store_url", "get_store", "version", "clusters", "analyze", "cluster_detail", "segment_detail",
           "enterprises", "enterprise_choices", "enterprise_detail", "what_if", "policy_targets", "county_distribution",
           "workbench", "leads", "pipeline_what_if", "ontology", "to_xlsx", "xlsx_download", "cluster_options",
           "segment_names", "enterprise_names", "invalidate", "datasets", "style_kinds", "basis_caption",
           "list_sep", "county_label", "points"]


def store_url() -> str:
    return os.environ.get("CHAINKG_STORE") or Settings().store


@st.cache_resource(show_spinner=False)
def _open(url: str) -> GraphStore:
    return open_store(url)


def get_store() -> GraphStore:
    return _open(store_url())


@st.cache_resource(show_spinner=False)
def ontology():
    return load_ontology()


@st.cache_data(show_spinner=False, max_entries=8)
def _checksum(url: str, fingerprint: str) -> str:
    return service.stats(_open(url))["checksum"]


def version() -> str:
    """The store's version token for cache keys (:func:`chainkg.service.store_version`: SQLite's
    own-writes + ``PRAGMA data_version``, so a ``chainkg load`` from another process is seen too;
    Neo4j's count-store totals). The full content checksum (``checksum()``) reads the whole store,
    so it is computed only on request."""
    return repr(service.store_version(get_store()))


def checksum() -> str:
    """The store's content checksum (``chainkg stats``), cached per version."""
    return _checksum(store_url(), version())


def invalidate() -> None:
    """After a write from this UI: forget cached checksums (results are keyed on them anyway)."""
    _checksum.clear()


# --- cached service calls (url + checksum + params) -----------------------------------------------

@st.cache_data(show_spinner=False)
def _stats(url: str, v: str) -> dict:
    return service.stats(_open(url))


@st.cache_data(show_spinner=False)
def _datasets(url: str, v: str) -> list[dict]:
    return service.datasets(_open(url))


@st.cache_data(show_spinner=False)
def _technologies(url: str, v: str) -> list[dict]:
    return service.technologies(_open(url))


@st.cache_data(show_spinner=False)
def _policy_progress(url: str, v: str) -> list[dict]:
    return service.policy_progress(_open(url), ontology())


@st.cache_data(show_spinner=False)
def _clusters(url: str, v: str) -> list[dict]:
    return service.clusters(_open(url), ontology())


@st.cache_data(show_spinner=False, max_entries=64)
def _analyze(url: str, v: str, cluster: str | None, sections: tuple[str, ...] | None) -> dict:
    return service.analyze(_open(url), cluster, ontology(), sections=sections)


@st.cache_data(show_spinner=False, max_entries=64)
def _cluster_detail(url: str, v: str, cluster: str) -> dict:
    return service.cluster_detail(_open(url), cluster, ontology())


@st.cache_data(show_spinner=False, max_entries=256)
def _segment_detail(url: str, v: str, segment: str) -> dict:
    return service.segment_detail(_open(url), segment, ontology())


@st.cache_data(show_spinner=False, max_entries=256)
def _enterprises(url: str, v: str, filters: tuple) -> tuple[int, list[dict]]:
    return service.enterprises(_open(url), **dict(filters))


@st.cache_data(show_spinner=False, max_entries=64)
def _choices(url: str, v: str, cluster: str | None, local: bool | None, limit: int) -> list[tuple[str, str]]:
    return [(f["id"], f["name"]) for f in service.enterprises(_open(url), cluster=cluster, local=local, limit=limit)[1]]


@st.cache_data(show_spinner=False, max_entries=256)
def _enterprise_detail(url: str, v: str, eid: str) -> dict:
    return service.enterprise_detail(_open(url), eid)


@st.cache_data(show_spinner=False, max_entries=64)
def _what_if(url: str, v: str, scenario_json: str, cluster: str | None) -> dict:
    return service.what_if(_open(url), Scenario.model_validate_json(scenario_json), cluster, ontology())


@st.cache_data(show_spinner=False)
def _county_distribution(url: str, v: str) -> dict:
    return service.county_distribution(_open(url), ontology())


@st.cache_data(show_spinner=False, max_entries=32)
def _workbench(url: str, v: str, cluster: str | None) -> list[dict]:
    return service.workbench(_open(url), cluster, ontology())


@st.cache_data(show_spinner=False, max_entries=32)
def _leads(url: str, v: str, cluster: str | None) -> list[dict]:
    return service.leads(_open(url), cluster, ontology=ontology())


@st.cache_data(show_spinner=False, max_entries=32)
def _pipeline_what_if(url: str, v: str, cluster: str | None, stages: tuple[str, ...]) -> dict:
    return service.pipeline_what_if(_open(url), cluster, stages, ontology())


#: the analyses the heavy pages ask for first, computed once per store version in the background
WARM_CALLS: tuple[tuple[str | None, tuple[str, ...] | None], ...] = (
    (None, ("gaps", "targets", "extensions")), (None, ("gaps", "chokepoints", "projects")), ("auto", ("gaps",)))


@st.cache_resource(show_spinner=False, max_entries=4)
def _warm(url: str, v: str) -> bool:
    """Start one background thread filling the caches of the slow first visits (CHAINKG_UI_WARMUP=0: off)."""
    import threading

    def work() -> None:
        # the overview's figures first (it is the page opened first), then the heavy analyses, the
        # county grid and the workbench's candidates (a second call of the same key waits for the first)
        calls = [lambda: _clusters(url, v)] + [lambda c=c, s=s: _analyze(url, v, c, s) for c, s in WARM_CALLS]
        calls += [lambda: _county_distribution(url, v), lambda: _workbench(url, v, None)]
        for call in calls:
            try:
                call()
            except Exception:  # noqa: BLE001 - the page itself reports errors when visited
                return

    if os.environ.get("CHAINKG_UI_WARMUP", "1") != "0":
        threading.Thread(target=work, name="chainkg-ui-warmup", daemon=True).start()
    return True


def warm_up() -> None:
    _warm(store_url(), version())


def stats() -> dict:
    return _stats(store_url(), version())


def clusters() -> list[dict]:
    return _clusters(store_url(), version())


def datasets() -> list[dict]:
    """The loaded datasets (口径): name, population, region, as-of, census or sample, firms."""
    return _datasets(store_url(), version())


def policy_progress() -> list[dict]:
    """The plan's targets with the latest actual figure in the store, progress, status and source."""
    return _policy_progress(store_url(), version())


def technologies() -> list[dict]:
    """Key technologies as the store holds them (the ontology's and imported lists)."""
    return _technologies(store_url(), version())


def analyze(cluster: str | None = None, sections: tuple[str, ...] | None = None) -> dict:
    return _analyze(store_url(), version(), cluster, sections)


def cluster_detail(cluster: str) -> dict:
    return _cluster_detail(store_url(), version(), cluster)


def segment_detail(segment: str) -> dict:
    return _segment_detail(store_url(), version(), segment)


def enterprises(**filters) -> tuple[int, list[dict]]:
    return _enterprises(store_url(), version(), tuple(sorted((k, v) for k, v in filters.items() if v is not None)))


def enterprise_choices(cluster: str | None, local: bool | None, limit: int) -> list[tuple[str, str]]:
    """(id, name) of a cluster's firms, local first, for a pick list: a cached copy of two strings a
    firm instead of every property (a cache hit unpickles the whole value on each run)."""
    return _choices(store_url(), version(), cluster, local, limit)


def enterprise_detail(eid: str) -> dict:
    return _enterprise_detail(store_url(), version(), eid)


def what_if(scenario: Scenario, cluster: str | None = None) -> dict:
    return _what_if(store_url(), version(), scenario.model_dump_json(), cluster)


def policy_targets() -> list[dict]:
    return service.policy_targets(ontology())


def county_distribution() -> dict:
    """Local firms by county and cluster, none dropped (:func:`chainkg.service.county_distribution`)."""
    return _county_distribution(store_url(), version())


def workbench(cluster: str | None = None) -> list[dict]:
    """The 招商 workbench: per actionable gap its ranked candidates with profile cards and leads."""
    return _workbench(store_url(), version(), cluster)


def leads(cluster: str | None = None) -> list[dict]:
    """The lead pipeline (stage, owner, dated history) of a cluster, or of all."""
    return _leads(store_url(), version(), cluster)


def pipeline_what_if(cluster: str | None, stages: tuple[str, ...]) -> dict:
    """What changes if the firms at these pipeline stages land."""
    return _pipeline_what_if(store_url(), version(), cluster, stages)


# --- display helpers ------------------------------------------------------------------------------

def cluster_options(with_all: bool = False) -> tuple[list[str | None], dict]:
    """Cluster ids (``None`` = all) and their display names, in the plan's order."""
    from ui.i18n import name

    names = {c["id"]: name(c) for c in clusters()}
    ids: list[str | None] = ([None] if with_all else []) + list(names)
    labels = {None: t("common.all")} | names
    return ids, labels


def segment_names() -> dict[str, str]:
    from ui.i18n import lang

    en = lang() == "en"
    return {s.id: (s.name_en or s.name) if en else s.name for s in ontology().segments.values()}


def enterprise_names(ids: list[str]) -> dict[str, str]:
    out = {}
    for eid in ids:
        try:
            out[eid] = enterprise_detail(eid)["enterprise"].get("name", eid)
        except Exception:  # noqa: BLE001 - a dangling id shows as itself
            out[eid] = eid
    return out


def to_xlsx(sheets: dict[str, pd.DataFrame], page: str | None = None) -> bytes:
    """Every table export of the UI, through the one formatter (:func:`chainkg.report_xlsx.workbook`):
    frozen header, auto filter, fitted columns, formula-safe text, and a 说明 sheet with the source,
    the loaded data's 口径 and dates. ``page``: the page title the 说明 sheet names."""
    return _xlsx_builder(sheets, page)()


def _xlsx_builder(sheets: dict[str, pd.DataFrame], page: str | None):
    """Everything that needs the session (language, the datasets) read now; the workbook itself
    built when the returned function is called (on a download click, in another thread)."""
    from chainkg.report_xlsx import Notes, workbook
    from ui.i18n import lang, population_label

    ds = datasets()
    kind = {True: t("xlsx.census"), False: t("xlsx.sample")}
    basis = "；".join(f"{d['name']}（{population_label(d.get('population'))}，{kind[bool(d.get('census'))]}，"
                     f"{d.get('as_of') or '—'}）" for d in ds) or t("xlsx.no_data")
    as_of = max((str(d["as_of"]) for d in ds if d.get("as_of")), default="—")
    sources = "；".join(dict.fromkeys(str(d["source"]) for d in ds if d.get("source"))) or "—"
    notes = Notes(title=t("xlsx.title", page=page or "、".join(sheets)), source=t("xlsx.source", sources=sources),
                  basis=basis, as_of=as_of, lines=[t("xlsx.note")])
    language = lang()
    return lambda: workbook(sheets, notes, lang=language)


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_download(label: str, sheets: dict[str, pd.DataFrame], file_name: str, key: str, page: str | None = None) -> None:
    """A download button for a page's tables as one formatted workbook (:func:`to_xlsx`), built only
    when the button is clicked — never on every rerun of the page — and without rerunning the page."""
    st.download_button(label, _xlsx_builder(sheets, page), file_name=file_name, mime=XLSX_MIME, key=key,
                       on_click="ignore")


def points(x: float | None) -> int | None:
    """A 0–1 figure (strength, a score part, a share) on the UI's one scale: 0–100, whole points;
    ``None`` stays None (not measured is not zero).

    >>> points(0.8149), points(None), points(-0.05)
    (81, None, -5)
    """
    return None if x is None else round(100 * x)


def list_sep() -> str:
    """The separator of a list in running text: 、 in Chinese, ", " in English."""
    from ui.i18n import lang

    return ", " if lang() == "en" else "、"


def county_label(short: str | None, empty: str = "") -> str:
    """区县 as the data writes it (温岭); in English the county's romanised name (Wenling); ``empty``
    when the firm has no county."""
    from ui.i18n import lang

    if not short:
        return empty
    if lang() != "en":
        return short
    return {c.short: c.id.title() for c in ontology().counties.values()}.get(short, short)


def fmt_share(x: float | None) -> str:
    return "—" if x is None else f"{x:.0%}"


def header(key: str) -> None:
    st.header(t(key))


def style_kinds(df: pd.DataFrame, column: str, kinds: list[str]):
    """The frame with its verdict column coloured by kind (``kinds`` aligned with the rows), so that
    缺失, 未发现 and 已有 look different in every table."""
    from ui.i18n import kind_style

    if df.empty or column not in df.columns:
        return df
    styles = [kind_style(k) for k in kinds]
    # a Styler renders its own display text: keep numbers short and gaps blank, as an unstyled table would
    return df.style.apply(lambda col: styles, subset=[column]).format(precision=2, na_rep="", thousands=",")


def basis_caption(basis: dict) -> str:
    """``上市公司口径 · 2024-05`` (label in the current language, with the data's as-of date)."""
    from ui.i18n import basis_label

    label = basis_label(basis.get("label"))
    return f"{label} · {basis['as_of']}" if basis.get("as_of") else label


def kind_dot(kind: str) -> str:
    """An inline HTML dot in the verdict's colour, as the chain graph draws it (未发现: hollow, dashed)."""
    from ui.i18n import KIND_COLOURS

    c = KIND_COLOURS[kind]
    look = f"border:2px dashed {c};background:#fff" if kind == "unknown" else f"background:{c};border:2px solid {c}"
    return (f'<span style="display:inline-block;width:11px;height:11px;border-radius:50%;{look};'
            f'vertical-align:-1px;margin-right:4px"></span>')
