"""Shared UI plumbing: the service, the few UI-side caches, small display helpers. No business logic.

The UI holds one :class:`~chainkg.service.ChainKG` per store URL (:func:`kg`, ``st.cache_resource``)
and reads through it: the analysis and the other derived results are cached there, once, keyed on
the service's version token — which a write from this UI bumps, and which joins the store's own
``version()``, so a ``chainkg load`` from another process is seen too. The caches left here are
UI-side only (docs/architecture.md says why each exists): the pick list of firms
(:func:`enterprise_choices`) and the rendered report files (``ui.reports``); plus the warm-up
thread's start flag.
"""

from __future__ import annotations

import os

import pandas as pd
import streamlit as st

from chainkg.service import TARGET_SECTIONS, ChainKG
from chainkg.settings import Settings
from graph.store.open import open_store
from ui.i18n import t

__all__ = ["store_url", "kg", "version", "checksum", "warm_up", "enterprise_choices",
           "cluster_options", "segment_names", "enterprise_names", "style_kinds", "basis_caption", "list_sep",
           "county_label", "place", "dataset_name", "coverage_names", "dataset_source", "data_language_note", "points", "text_widths", "WRAP_ROW_PX", "md_text", "few"]


def store_url() -> str:
    return os.environ.get("CHAINKG_STORE") or Settings().store


@st.cache_resource(show_spinner=False)
def _kg(url: str) -> ChainKG:
    return ChainKG(open_store(url))


def kg() -> ChainKG:
    """The service on this UI's store (one per store URL and process, shared by every session)."""
    return _kg(store_url())


def version() -> str:
    """The service's version token (:meth:`ChainKG.version`) as a key for the UI-side caches."""
    return repr(kg().version())


def checksum() -> str:
    """The store's content checksum (``chainkg stats``; cached by the service per version)."""
    return kg().stats()["checksum"]


@st.cache_data(show_spinner=False, max_entries=64)
def _choices(url: str, v: str, cluster: str | None, local: bool | None, limit: int) -> list[tuple[str, str]]:
    return [(f["id"], f["name"]) for f in _kg(url).enterprises(cluster=cluster, local=local, limit=limit)[1]]


def enterprise_choices(cluster: str | None, local: bool | None, limit: int) -> list[tuple[str, str]]:
    """(id, name) of a cluster's firms, local first, for a pick list: a cached copy of two strings a
    firm (a widget's option list, not an analysis result: the service does not cache listings)."""
    return _choices(store_url(), version(), cluster, local, limit)


#: the analyses the heavy pages ask for first, computed once per store version in the background
WARM_CALLS: tuple[tuple[str | None, tuple[str, ...] | None], ...] = (
    (None, TARGET_SECTIONS), (None, ("gaps", "chokepoints", "projects")), ("auto", ("gaps",)))


@st.cache_resource(show_spinner=False, max_entries=4)
def _warm(url: str, v: str) -> bool:
    """Start one background thread filling the service's cache for the slow first visits
    (CHAINKG_UI_WARMUP=0: off). Cached only as a flag: one thread per store version."""
    import threading

    service = _kg(url)

    def work() -> None:
        # the overview's figures first (it is the page opened first), then the heavy analyses, the
        # county grid and the workbench's candidates (a second call of the same key waits for the first)
        calls = [service.clusters] + [lambda c=c, s=s: service.analysis(c, sections=s) for c, s in WARM_CALLS]
        calls += [service.county_distribution, service.workbench]
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


# --- display helpers ------------------------------------------------------------------------------

def cluster_options(with_all: bool = False) -> tuple[list[str | None], dict]:
    """Cluster ids (``None`` = all) and their display names, in the plan's order — from the ontology:
    a pick list needs no analysis (``kg().clusters()`` analyses every cluster, seconds on a cold 100k
    graph, which every page with a cluster picker paid on its first visit)."""
    from ontology.loader import CLUSTER_ORDER
    from ui.i18n import name

    onto = kg().onto
    names = {cid: name({"id": cid, "name": onto.clusters[cid].name, "name_en": onto.clusters[cid].name_en})
             for cid in CLUSTER_ORDER if cid in onto.clusters}
    ids: list[str | None] = ([None] if with_all else []) + list(names)
    labels = {None: t("common.all")} | names
    return ids, labels


def segment_names() -> dict[str, str]:
    from ui.i18n import lang

    en = lang() == "en"
    return {s.id: (s.name_en or s.name) if en else s.name for s in kg().onto.segments.values()}


def enterprise_names(ids: list[str]) -> dict[str, str]:
    out = {}
    for eid in ids:
        try:
            out[eid] = kg().enterprise_detail(eid)["enterprise"].get("name", eid)
        except Exception:  # noqa: BLE001 - a dangling id shows as itself
            out[eid] = eid
    return out


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


def colon() -> str:
    """The colon after a label in running text: ： in Chinese, ": " in English (an ASCII colon beside
    Chinese text, 来源: …, read as a slip)."""
    from ui.i18n import lang

    return ": " if lang() == "en" else "："


def bold_label(text: str) -> str:
    """A bold label and its colon, in Markdown: ``**判定规则**：`` or ``**Rule:** ``. Markdown closes bold
    only after a non-punctuation character or before a space: ``**判定规则：**集群…`` shows its asterisks."""
    from ui.i18n import lang

    return f"**{text}:** " if lang() == "en" else f"**{text}**："


def few(names, shown: int = 2) -> str:
    """A list for a table cell, which wraps only at spaces: the first ``shown`` names and how many
    more, so a long list is said short instead of cut at the cell's edge (the full list is in the
    detail below the table and in the export)."""
    items = list(names)
    head = list_sep().join(items[:shown])
    return head if len(items) <= shown else t("common.and_more", head=head, n=len(items) - shown, total=len(items))


def few_fitting(names, width_px: int, lines: int = 3) -> str:
    """:func:`few` with as many names as fit a table cell of ``width_px`` in ``lines`` lines (14 px text,
    :mod:`ui.label_wrap`'s measure), at least one: a list of 16 segments was cut after its fifth.

    >>> few_fitting(["电机", "水泵"], 200)
    '电机、水泵'
    """
    from ui.label_wrap import wrap

    items = list(names)
    for shown in range(len(items), 1, -1):
        text = few(items, shown)
        if len(wrap(text, (width_px - 16) / 14)) <= lines:
            return text
    return few(items, 1)


def county_label(short: str | None, empty: str = "") -> str:
    """区县 as the data writes it (温岭); in English the county's romanised name (Wenling), a county outside
    Taizhou in English too (海陵区 → Hailing District); ``empty`` when the firm has no county."""
    from ui.i18n import lang
    from ui.places import place_en

    if not short:
        return empty
    if lang() != "en":
        return short
    return {c.short: c.id.title() for c in kg().onto.counties.values()}.get(short) or place_en(short)


def place(name: str | None, empty: str = "") -> str:
    """A city, province or region as the data writes it (宁波市); on the English pages in English
    (Ningbo: :func:`ui.places.place_en`); ``empty`` when there is none."""
    from ui.i18n import lang
    from ui.places import place_en

    if not name:
        return empty
    return place_en(name) if lang() == "en" else name


def data_language_note() -> None:
    """On the English pages, a caption saying which values stay Chinese (firm names, addresses,
    products, quoted evidence: the sources' own text) — said once per page, where firms are listed."""
    from ui.i18n import lang

    if lang() == "en":
        st.caption(t("common.data_zh"))


def dataset_name(name: str | None) -> str:
    """A dataset's name; on the English pages the program's own datasets in English (a user's keeps
    the name given to it)."""
    from ui.i18n import lang
    from ui.i18n_ui import DATASET_EN

    return DATASET_EN.get(name or "", name or "") if lang() == "en" else (name or "")


def dataset_source(d: dict) -> str:
    """Where a dataset came from, in the page's language for the program's own datasets; a census loaded
    without a source says so (its name is not where it came from)."""
    from ui.i18n import lang
    from ui.i18n_ui import DATASET_SOURCE_EN

    source = d.get("source")
    if not source:
        return t("ov.ds_no_source")
    return DATASET_SOURCE_EN.get(source, source) if lang() == "en" else source


def dataset_names(names) -> str:
    """The datasets a verdict rests on, named for the page's language (``—``: none)."""
    return list_sep().join(map(dataset_name, names or [])) or "—"


def coverage_names(cov: dict) -> str:
    """A verdict's datasets, then the other clusters' lists whose firms count here too, said as such."""
    others = [t("gap.other_list", name=dataset_name(n)) for n in cov.get("other_lists") or []]
    return list_sep().join([*map(dataset_name, cov.get("datasets") or []), *others]) or "—"


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


#: row height (px) of a table whose long cells wrap onto three lines instead of being cut (Streamlit
#: wraps a text cell only when the rows are taller than 4 rem)
WRAP_ROW_PX = 68


def text_widths(**widths: int) -> dict:
    """``column_config`` for a table's long-text columns, by column title: a fixed width in px each (the
    text is cut with an ellipsis; the full cell shows on hover and in the Excel export), so the table
    fits the page at 1366 px wide instead of scrolling sideways. Titles are passed as keywords only
    when they are identifiers; else use ``text_widths(**{title: px})``."""
    return {k: st.column_config.TextColumn(width=w) for k, w in widths.items()}


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+-!|$~"})


def md_text(text: str) -> str:
    """Data text (a firm's name, its evidence) shown inside Markdown as written: every character
    Markdown or Streamlit's LaTeX would read is escaped.

    >>> md_text("A*B_c $5")
    'A\\\\*B\\\\_c \\\\$5'
    """
    return text.translate(_MD_SPECIAL)
