"""A page's tables as one formatted Excel workbook, offered as a download built on click.

Why its own module: every table export of the UI goes through the one formatter
(:func:`chainkg.report_xlsx.workbook`) with a 说明 sheet naming the loaded data's 口径 and dates; the
session-bound part (language, the datasets) is read on the page's run, the workbook built only when
the button is clicked (Streamlit's deferred download data, no rerun).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.common import kg
from ui.i18n import t

__all__ = ["to_xlsx", "xlsx_download", "XLSX_MIME"]


def to_xlsx(sheets: dict[str, pd.DataFrame], page: str | None = None, cluster: str | None = None) -> bytes:
    """Every table export of the UI, through the one formatter (:func:`chainkg.report_xlsx.workbook`):
    frozen header, auto filter, fitted columns, formula-safe text, and a 说明 sheet with the source,
    the loaded data's 口径 and dates. ``page``: the page title the 说明 sheet names; ``cluster``: the
    page's cluster (only the datasets that may be named for it are)."""
    return _xlsx_builder(sheets, page, cluster)()


def _xlsx_builder(sheets: dict[str, pd.DataFrame], page: str | None, cluster: str | None = None):
    """Everything that needs the session (language, the datasets) read now; the workbook itself
    built when the returned function is called (on a download click, in another thread)."""
    from chainkg.report_xlsx import Notes, workbook
    from ui.i18n import lang, population_label

    ds = kg().datasets(cluster)
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


def xlsx_download(label: str, sheets: dict[str, pd.DataFrame], file_name: str, key: str, page: str | None = None,
                  cluster: str | None = None) -> None:
    """A download button for a page's tables as one formatted workbook (:func:`to_xlsx`), built only
    when the button is clicked — never on every rerun of the page — and without rerunning the page."""
    st.download_button(label, _xlsx_builder(sheets, page, cluster), file_name=file_name, mime=XLSX_MIME, key=key,
                       on_click="ignore")
