"""情景模拟 What-if: firms leave, outside firms arrive, segments are dropped — what changes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.whatif import NewEnterprise, Scenario
from ui import common
from ui.i18n import KINDS, kind_label, t

LIMIT = 2000

st.header(t("wi.header"))
st.caption(t("wi.intro"))
ids, labels = common.cluster_options()
segn = common.segment_names()
cluster = st.selectbox(t("common.cluster"), ids, format_func=labels.get, key="wi_cluster")
_, local = common.enterprises(cluster=cluster, local=True, limit=LIMIT)
_, outside = common.enterprises(cluster=cluster, local=False, limit=LIMIT)
fname = {f["id"]: f["name"] for f in local + outside}

with st.form("wi_form"):
    remove = st.multiselect(t("wi.remove"), [f["id"] for f in local], format_func=fname.get, key="wi_remove", placeholder=t("common.choose"))
    add = st.multiselect(t("wi.add"), [f["id"] for f in outside], format_func=fname.get, key="wi_add", placeholder=t("common.choose"))
    drop = st.multiselect(t("wi.remove_segments"), [s.id for s in common.ontology().segments_of(cluster)],
                          format_func=lambda s: segn.get(s, s), key="wi_drop", placeholder=t("common.choose"))
    submitted = st.form_submit_button(t("wi.run"), type="primary")

scenario = Scenario(remove_enterprises=remove, add_enterprises=[NewEnterprise(id=x) for x in add],
                    remove_segments=drop)
if scenario.is_empty():
    st.info(t("wi.empty"))
    st.stop()

res = common.what_if(scenario, cluster)
b, a = res["summary_before"], res["summary_after"]
cols = st.columns(4)
for col, k in zip(cols, KINDS):
    col.metric(kind_label(k), a[k], delta=a[k] - b[k], delta_color="off" if k == "strong" else "inverse",
               help=f"{t('wi.before')} {b[k]} → {t('wi.after')} {a[k]}")

st.subheader(t("wi.changes"))
if not res["changes"]:
    st.info(t("wi.no_changes"))
else:
    st.dataframe(pd.DataFrame([{
        t("common.segment"): segn.get(c["segment_id"], c["segment"]), t("wi.change"): t(f"wi.change.{c['change']}"),
        t("wi.kind_before"): kind_label(c["kind_before"]), t("wi.kind_after"): kind_label(c["kind_after"]),
        t("wi.strength_before"): c.get("strength_before"), t("wi.strength_after"): c.get("strength_after"),
        t("wi.delta"): c.get("strength_delta"), t("common.id"): c["segment_id"]} for c in res["changes"]]),
        hide_index=True)
