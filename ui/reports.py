"""The one-click report (产业链招商分析报告) in the UI: pick a format, build, download.

The report is built on request (a PDF takes seconds) and cached per store version, cluster and
format; it is the same file as ``chainkg report`` and ``GET /api/v1/clusters/{id}/report``.
"""

from __future__ import annotations

import streamlit as st

from chainkg.errors import ChainKGError
from chainkg.report import FORMATS, report_file
from ui import common
from ui.i18n import t

__all__ = ["report_downloads"]


@st.cache_data(show_spinner=False, max_entries=12)
def _report(url: str, v: str, cluster: str, fmt: str) -> tuple[bytes, str, str]:
    """The rendered file (UI-side: the download button needs its bytes on every rerun; the service
    caches the analysis it is built from, not the rendering, which takes seconds for a PDF)."""
    return report_file(common.kg(), cluster, fmt)


def report_downloads(cluster: str | None, key: str = "rep") -> None:
    """The report block of a page: format choice, build button, download button."""
    st.markdown(f"**{t('rep.header')}**")
    st.caption(t("rep.help") + ("" if st.session_state.get("lang_en") is not True else " " + t("rep.language_note")))
    if cluster is None:
        st.info(t("rep.pick_cluster"))
        return
    # the format, then the button under it (in a side column it floated away from the choice it acts on)
    fmt = st.radio(t("rep.format"), FORMATS, format_func=lambda f: t(f"rep.fmt.{f}"), horizontal=True,
                   key=f"{key}_fmt")
    args = (common.store_url(), common.version(), cluster, fmt)
    if st.session_state.get(f"{key}_built") != args and st.button(t("rep.make"), key=f"{key}_make"):
        with st.spinner(t("rep.making")):
            try:
                _report(*args)
            except ChainKGError as e:
                st.error(t("rep.failed", msg=str(e)))
                return
        st.session_state[f"{key}_built"] = args
    if st.session_state.get(f"{key}_built") == args:
        data, name, media = _report(*args)
        st.download_button(t("rep.download"), data, file_name=name, mime=media, key=f"{key}_dl", type="primary")
