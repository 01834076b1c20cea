"""补链/强链/延链 Gaps: segment strength with evidence, 招商 targets per gap, 延链 suggestions, Excel export."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import common
from ui.i18n import KINDS, kind_label, stage_label, bi, t

st.header(t("gap.header"))
ids, labels = common.cluster_options(with_all=True)
segn = common.segment_names()
f1, f2 = st.columns([1, 2])
cluster = f1.selectbox(t("common.cluster"), ids, format_func=labels.get, key="gap_cluster")
kinds = f2.multiselect(t("gap.filter_kind"), list(KINDS), default=["missing", "single_point", "weak"],
                       format_func=kind_label, key="gap_kinds", placeholder=t("common.choose"))
result = common.analyze(cluster, ("gaps", "targets", "extensions"))
gaps = [g for g in result["gaps"] if g["kind"] in kinds]


def share(x):
    return None if x is None else round(100 * x, 1)


gap_df = pd.DataFrame([{
    t("common.cluster"): labels.get(g["cluster"], g["cluster"]), t("common.segment"): segn.get(g["segment_id"], g["segment"]),
    t("common.id"): g["segment_id"], t("common.stage"): stage_label(g["stage"]), t("common.kind"): kind_label(g["kind"]),
    t("common.strength"): g["strength"], t("common.score"): g["score"],
    t("gap.local_firms"): g["evidence"]["local_firms"], t("gap.outside_firms"): g["evidence"]["outside_firms"],
    t("gap.output_share") + " %": share(g["evidence"].get("output_share")),
    t("gap.expected_share") + " %": share(g["evidence"].get("expected_share")),
    t("gap.largest_share") + " %": share(g["evidence"].get("largest_firm_share")),
    t("gap.hhi"): g["evidence"].get("hhi"),
    t("gap.dominator"): t("common.yes") if g["evidence"].get("dominator") else "",
    t("gap.dominance"): g["evidence"].get("dominance"),
    t("common.rule"): bi(g["evidence"].get("rule", "")),
} for g in gaps])

target_rows = []
for tg in result.get("targets", []):
    if tg["kind"] not in kinds:
        continue
    for i, c in enumerate(tg["candidates"], 1):
        target_rows.append({
            t("common.segment"): segn.get(tg["segment_id"], tg["segment"]), t("common.kind"): kind_label(tg["kind"]),
            t("common.rank"): i, t("common.enterprise"): c["name"], t("common.city"): c.get("city") or "",
            t("common.score"): c["score"],
            t("gap.candidate_parts"): "; ".join(f"{k}={v}" for k, v in c["parts"].items()),
            t("common.reasons"): "；".join(map(bi, c["reasons"])), t("common.sources"): "；".join(c.get("sources", [])),
            t("common.id"): c["enterprise_id"]})
target_df = pd.DataFrame(target_rows)

ext_df = pd.DataFrame([{
    t("common.cluster"): labels.get(e["cluster"], e["cluster"]), t("common.segment"): segn.get(e["segment_id"], e["segment"]),
    t("common.id"): e["segment_id"], t("gap.density"): e["density"],
    t("gap.strong_neighbours"): "、".join(segn.get(n["segment_id"], n["segment"]) for n in e["strong_neighbours"]),
    t("common.reasons"): bi(e["reason"])} for e in result.get("extensions", [])])

tab_g, tab_t, tab_e = st.tabs([f"{t('gap.tab_gaps')} ({len(gap_df)})", f"{t('gap.tab_targets')} ({len(target_df)})",
                               f"{t('gap.tab_ext')} ({len(ext_df)})"])
with tab_g:
    if gap_df.empty:
        st.info(t("common.no_rows"))
    else:
        st.caption(t("gap.count", n=len(gap_df)))
        st.dataframe(gap_df, hide_index=True, column_config={
            t("common.strength"): st.column_config.ProgressColumn(min_value=0, max_value=1, format="%.2f")})
        with st.expander(t("gap.detail")):
            pick = st.selectbox(t("common.segment"), [g["segment_id"] for g in gaps],
                                format_func=lambda s: segn.get(s, s), key="gap_pick")
            g = next(x for x in gaps if x["segment_id"] == pick)
            st.markdown(f"**{t('common.rule')}:** {bi(g['evidence'].get('rule', ''))}")
            st.json(g["evidence"], expanded=False)
            sd = common.segment_detail(pick)
            if sd["enterprises"]:
                st.dataframe(pd.DataFrame([{t("common.enterprise"): e["name"],
                                            t("common.local"): t("common.yes") if e.get("local") else t("common.no"),
                                            t("common.evidence"): e["link"].get("evidence", ""),
                                            t("common.source"): e["link"].get("source", "")} for e in sd["enterprises"]]),
                             hide_index=True)
with tab_t:
    if target_df.empty:
        st.info(t("gap.no_targets"))
    else:
        st.dataframe(target_df, hide_index=True)
with tab_e:
    if ext_df.empty:
        st.info(t("gap.no_ext"))
    else:
        st.dataframe(ext_df, hide_index=True)

xlsx = common.to_xlsx({t("gap.tab_gaps"): gap_df, t("gap.tab_targets"): target_df, t("gap.tab_ext"): ext_df})
st.download_button(t("common.download_xlsx"), xlsx, file_name=f"chainkg-gaps-{cluster or 'all'}.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="gap_xlsx")
