"""情景模拟 What-if: firms leave, outside firms arrive, segments are dropped — what changes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.whatif import NewEnterprise, Scenario
from ui import common
from ui.i18n import ACTIONABLE, KINDS, basis_label, kind_label, marked, t

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
basis = next((c["basis"] for c in common.clusters() if c["id"] == cluster), {})
if basis and not basis.get("adequate"):
    st.caption(t("wi.basis_note", basis=basis_label(basis.get("label"))))
cols = st.columns(len(KINDS))
for col, k in zip(cols, KINDS):  # every verdict kind (graph.strength.GAP_KINDS), counts before → after
    before, after = b.get(k, 0), a.get(k, 0)
    col.metric(marked(k, kind_label(k).split(" (")[0]), after, delta=after - before,
               delta_color="inverse" if k in ACTIONABLE or k == "unknown" else "off",
               help=f"{kind_label(k)}: {t('wi.before')} {before} → {t('wi.after')} {after}")

st.subheader(t("wi.changes"))
if not res["changes"]:
    st.info(t("wi.no_changes"))
else:
    cdf = pd.DataFrame([{
        t("common.segment"): segn.get(c["segment_id"], c["segment"]), t("wi.change"): t(f"wi.change.{c['change']}"),
        t("wi.kind_before"): marked(c["kind_before"]) if c["kind_before"] else "—",
        t("wi.kind_after"): marked(c["kind_after"]) if c["kind_after"] else "—",
        t("wi.strength_before"): c.get("strength_before"),
        # no firm left in the data: no measured strength (not 0)
        t("wi.strength_after"): None if c.get("kind_after") == "unknown" else c.get("strength_after"),
        t("wi.delta"): c.get("strength_delta"), t("common.id"): c["segment_id"]} for c in res["changes"]])
    st.dataframe(common.style_kinds(cdf, t("wi.kind_after"), [c["kind_after"] or "" for c in res["changes"]]),
                 hide_index=True, column_order=[c for c in cdf.columns if c != t("common.id")],
                 column_config={k: st.column_config.ProgressColumn(min_value=0, max_value=1, format="%.2f")
                                for k in (t("wi.strength_before"), t("wi.strength_after"))})
