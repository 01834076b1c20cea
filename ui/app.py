"""ChainKG Streamlit UI (entry point): ``streamlit run ui/app.py``."""

from __future__ import annotations

import streamlit as st

from chainkg import service
from chainkg.settings import Settings
from graph.store import open_store

st.set_page_config(page_title="台州产业链知识图谱 ChainKG", layout="wide")


@st.cache_resource
def _store(url: str):
    return open_store(url)


store = _store(Settings().store)
st.title("台州产业链知识图谱 · 七大千亿产业集群")
for c in service.clusters(store):
    with st.expander(f"{c['name']}  ·  本地企业 {c['local_enterprises']}  ·  缺失环节 {c['gaps']['missing']}"):
        gaps = [g for g in service.gaps(store, c["id"]) if g["kind"] != "strong"]
        st.dataframe([{"环节": g["segment"], "类型": g["kind_zh"], "强度": g["strength"], "本地企业": g["evidence"]["local_firms"]}
                      for g in gaps], hide_index=True)
