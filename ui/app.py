"""ChainKG Streamlit UI (entry point): ``streamlit run ui/app.py``.

A thin layer over :mod:`chainkg.service` (through the cached calls in :mod:`ui.common`); pages live
in ``ui/views``. Chinese first; the sidebar toggle switches to English (strings in ``ui/i18n.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run ui/app.py` from anywhere, editable install or not
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from ui import common  # noqa: E402
from ui.i18n import t  # noqa: E402

st.set_page_config(page_title="台州产业链知识图谱 ChainKG", page_icon="🔗", layout="wide")

PAGES = [  # (file, title key, url path, group)
    ("views/overview.py", "nav.overview", "overview", "nav.group.analysis"),
    ("views/panorama.py", "nav.panorama", "panorama", "nav.group.analysis"),
    ("views/gaps.py", "nav.gaps", "gaps", "nav.group.analysis"),
    ("views/chokepoints.py", "nav.chokepoints", "chokepoints", "nav.group.analysis"),
    ("views/enterprises.py", "nav.enterprises", "enterprises", "nav.group.analysis"),
    ("views/whatif.py", "nav.whatif", "whatif", "nav.group.analysis"),
    ("views/importer.py", "nav.import", "import", "nav.group.data"),
    ("views/query.py", "nav.query", "query", "nav.group.data"),
]

if "lang_en" not in st.session_state:  # ?lang=en opens the app in English
    st.session_state["lang_en"] = st.query_params.get("lang") == "en"
with st.sidebar:
    st.toggle(t("app.lang"), key="lang_en")
    st.caption(t("app.title"))

groups: dict[str, list] = {}
here = Path(__file__).parent
for i, (file, title, url, group) in enumerate(PAGES):
    groups.setdefault(t(group), []).append(
        st.Page(str(here / file), title=t(title), url_path=url, default=i == 0))
page = st.navigation(groups)

with st.sidebar:
    store = common.get_store()
    with st.expander(t("app.store")):
        st.caption(f"{store.kind}: `{common.store_url() if store.kind == 'sqlite' else store.kind}`")
        if st.button(t("app.checksum"), key="show_checksum", type="tertiary"):
            st.caption(f"`{common.checksum()}`")

common.warm_up()
page.run()
