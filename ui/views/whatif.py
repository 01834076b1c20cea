"""情景模拟 What-if: firms leave, outside firms arrive, segments are dropped — what changes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.analytics.whatif import NewEnterprise, Scenario
from ui import common
from ui.i18n import KINDS, basis_label, kind_label, marked, t

LIMIT = 2000

st.header(t("wi.header"))
st.caption(t("wi.intro"))
ids, labels = common.cluster_options()
segn = common.segment_names()
cluster = st.selectbox(t("common.cluster"), ids, format_func=labels.get, key="wi_cluster")
local_pairs, outside_pairs = (common.enterprise_choices(cluster, x, LIMIT) for x in (True, False))
local, outside = [i for i, _ in local_pairs], [i for i, _ in outside_pairs]
fname = dict(local_pairs + outside_pairs)

# a scenario is a few firms leaving, never "select all" (the whole cluster gone): at most 10, and never every one
MAX_REMOVE = max(1, min(10, len(local) - 1))

st.caption(t("wi.safe_note"))
with st.form("wi_form"):
    # select_all=False: Streamlit's own "Select all" entry would remove every firm at once
    remove = st.multiselect(t("wi.remove"), local, format_func=fname.get, key="wi_remove",
                            placeholder=t("common.choose"), select_all=False, max_selections=MAX_REMOVE,
                            help=t("wi.remove_help", n=MAX_REMOVE))
    add = st.multiselect(t("wi.add"), outside, format_func=fname.get, key="wi_add",
                         placeholder=t("common.choose"), select_all=False, max_selections=MAX_REMOVE)
    drop = st.multiselect(t("wi.remove_segments"), [s.id for s in common.kg().onto.segments_of(cluster)],
                          format_func=lambda s: segn.get(s, s), key="wi_drop", placeholder=t("common.choose"),
                          select_all=False)
    submitted = st.form_submit_button(t("wi.run"), type="primary")

scenario = Scenario(remove_enterprises=remove, add_enterprises=[NewEnterprise(id=x) for x in add],
                    remove_segments=drop)
if scenario.is_empty():
    st.info(t("wi.empty"))
    st.stop()

res = common.kg().what_if(scenario, cluster)
b, a = res["summary_before"], res["summary_after"]
basis = next((c["basis"] for c in common.kg().clusters() if c["id"] == cluster), {})
if basis and not basis.get("adequate"):
    st.caption(t("wi.basis_note", basis=basis_label(basis.get("label"))))
if local and set(remove) >= set(local):
    st.error(t("wi.all_removed"))
# the verdict: weaker / stronger segments, and those left with no local firm (a loss, whatever the counts say)
changes = res["changes"]
worse = sum(1 for c in changes if (c.get("strength_delta") or 0) < 0 or c["change"] in ("gap_opened", "segment_removed"))
better = sum(1 for c in changes if (c.get("strength_delta") or 0) > 0 or c["change"] == "gap_closed")
emptied = sum(1 for c in changes if c.get("kind_after") in ("unknown", "missing")
              and c.get("kind_before") not in ("unknown", "missing", None))
summary = t("wi.summary", worse=worse, better=better, emptied=emptied)
if worse:
    st.warning(summary)
elif better:
    st.success(summary)
else:
    st.info(summary)
st.caption(t("wi.counts_note"))
cols = st.columns(len(KINDS))
for col, k in zip(cols, KINDS):  # every verdict kind (graph.analytics.strength.GAP_KINDS), counts before → after
    before, after = b.get(k, 0), a.get(k, 0)
    # neutral arrows: fewer "weak" segments may mean they lost every firm, which is no improvement
    col.metric(marked(k, kind_label(k).split(" (")[0]), after, delta=after - before, delta_color="off",
               help=f"{kind_label(k)}: {t('wi.before')} {before} → {t('wi.after')} {after}")

st.subheader(t("wi.changes"))
if not res["changes"]:
    st.info(t("wi.no_changes"))
else:
    cdf = pd.DataFrame([{
        t("common.segment"): segn.get(c["segment_id"], c["segment"]), t("wi.change"): t(f"wi.change.{c['change']}"),
        t("wi.kind_before"): marked(c["kind_before"]) if c["kind_before"] else "—",
        t("wi.kind_after"): marked(c["kind_after"]) if c["kind_after"] else "—",
        t("wi.strength_before"): common.points(c.get("strength_before")),
        # no firm left in the data: no measured strength (not 0)
        t("wi.strength_after"): None if c.get("kind_after") == "unknown" else common.points(c.get("strength_after")),
        t("wi.delta"): common.points(c.get("strength_delta")), t("common.id"): c["segment_id"]} for c in res["changes"]])
    st.dataframe(common.style_kinds(cdf, t("wi.kind_after"), [c["kind_after"] or "" for c in res["changes"]]),
                 hide_index=True, column_order=[c for c in cdf.columns if c != t("common.id")],
                 column_config={k: st.column_config.ProgressColumn(min_value=0, max_value=100, format="%d")
                                for k in (t("wi.strength_before"), t("wi.strength_after"))})
