"""ChainKG Streamlit UI (entry point): ``streamlit run ui/app.py``.

A thin layer over :class:`chainkg.service.ChainKG` (one per store, :func:`ui.common.kg`); pages live
in ``ui/views``, their URL paths in ``ui/nav.py``. Chinese first; the sidebar toggle switches to English
(strings in ``ui/i18n.py``), kept in the URL as ``?lang=en``.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui import common, nav
from ui.i18n import STRINGS, t

st.set_page_config(page_title="台州产业链知识图谱 ChainKG", page_icon="🔗", layout="wide")

if "lang_en" not in st.session_state:  # ?lang=en opens the app in English (a reload keeps it: see below)
    st.session_state["lang_en"] = st.query_params.get("lang") == "en"
with st.sidebar:
    st.toggle(t("app.lang"), key="lang_en")
    st.caption(t("app.title"))
# the language lives in the URL too, so a reload, a bookmark or a shared link keeps it (a page switch
# drops the query string: it is written again on every run)
if st.session_state["lang_en"]:
    if st.query_params.get("lang") != "en":
        st.query_params["lang"] = "en"
elif "lang" in st.query_params:
    del st.query_params["lang"]

kg = common.kg()
groups: dict[str, list] = {}
for p in nav.pages(kg.has_console):
    title = t(p.title_key) if p.title_key in STRINGS else p.url.title()
    groups.setdefault(t(p.group), []).append(st.Page(
        str(nav.HERE / p.file), title=title, url_path=p.url, default=p.default,
        visibility="visible" if p.visible else "hidden"))
page = st.navigation(groups)

with st.sidebar:
    with st.expander(t("app.store")):
        # the file's name only: a server path is no business of a reader of the page
        st.caption(f"{kg.kind}: `{Path(common.store_url()).name if kg.kind == 'sqlite' else kg.kind}`")
        if st.button(t("app.checksum"), key="show_checksum", type="tertiary"):
            st.caption(f"`{common.checksum()}`")

common.warm_up()
page.run()
