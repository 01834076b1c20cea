"""总览 Overview: the seven clusters' key figures, gaps by kind, county distribution, 2025 targets."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ui import common
from ui.i18n import KIND_COLOURS, KINDS, kind_label, lang, name, t


def county_name(cid: str, zh: str) -> str:
    return cid.title() if lang() == "en" else zh


st.title(t("app.title"))
st.caption(t("app.subtitle"))

cs = common.clusters()
if sum(c["local_enterprises"] for c in cs) == 0:
    st.info(t("app.store_empty"))

st.subheader(t("ov.header"))
rows = [cs[i:i + 4] for i in range(0, len(cs), 4)]
for row in rows:
    cols = st.columns(4)
    for col, c in zip(cols, row):
        with col.container(border=True):
            st.markdown(f"**{name(c)}**")
            g = c["gaps"]
            a, b = st.columns(2)
            a.metric(t("ov.local_enterprises"), c["local_enterprises"])
            b.metric(t("ov.leading"), c["leading_firms"])
            out = c["local_output"]
            st.caption(f"{t('ov.segments')}: **{c['segments']}** · {t('ov.output')}: "
                       + (f"**{out:,.0f}**" if out else t("ov.output_na")))
            st.caption(f"{t('ov.gaps')}: **{g['missing']} / {g['single_point']} / {g['weak']}**")

with st.expander(t("ov.evidence")):
    st.markdown(t("ov.evidence_text"))
    for c in cs:
        st.markdown(f"**{name(c)}** — {t('ov.directions')}: {'、'.join(c['directions'])}")
        st.caption(f"{t('common.source')}: {c['source']}")

left, right = st.columns(2)
with left:
    st.subheader(t("ov.gaps_chart"))
    df = pd.DataFrame([{t("common.cluster"): name(c), t("common.kind"): kind_label(k), "n": c["gaps"][k],
                        "order": KINDS.index(k)} for c in cs for k in KINDS])
    chart = alt.Chart(df).mark_bar().encode(
        y=alt.Y(f"{t('common.cluster')}:N", sort=[name(c) for c in cs], axis=alt.Axis(labelOverlap=False, labelLimit=200)),
        x=alt.X("n:Q", title=t("ov.segments")),
        color=alt.Color(f"{t('common.kind')}:N", sort=[kind_label(k) for k in KINDS],
                        scale=alt.Scale(domain=[kind_label(k) for k in KINDS], range=[KIND_COLOURS[k] for k in KINDS]),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=160)),
        order="order:Q", tooltip=[t("common.cluster"), t("common.kind"), "n"])
    st.altair_chart(chart.properties(height=320), width="stretch")
with right:
    st.subheader(t("ov.county_chart"))
    dist = common.county_distribution()
    if dist:
        ddf = pd.DataFrame([{t("common.county"): county_name(d["county_id"], d["county"]), t("common.cluster"): name({"name": d["cluster_name"],
                             "name_en": next((c["name_en"] for c in cs if c["id"] == d["cluster"]), "")}),
                             t("common.enterprises"): d["enterprises"]} for d in dist])
        chart = alt.Chart(ddf).mark_bar().encode(
            y=alt.Y(f"{t('common.county')}:N", sort=[county_name(c.id, c.name) for c in common.ontology().counties.values()],
                    axis=alt.Axis(labelOverlap=False, labelLimit=200)),
            x=alt.X(f"{t('common.enterprises')}:Q", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(f"{t('common.cluster')}:N", sort=[name(c) for c in cs], legend=alt.Legend(orient="bottom", columns=2, labelLimit=200)),
            tooltip=[t("common.county"), t("common.cluster"), t("common.enterprises")])
        st.altair_chart(chart.properties(height=320), width="stretch")
    else:
        st.info(t("common.no_rows"))
    st.caption(t("ov.county_note"))

st.subheader(t("ov.targets"))
st.info(t("ov.targets_note"))
tdf = pd.DataFrame([{t("ov.target_name"): x["name"], t("ov.target_value"): x["value"], t("ov.target_unit"): x["unit"],
                     t("ov.target_year"): x["year"], t("ov.target_current"): t("ov.current_na"),
                     t("ov.target_clause"): x["clause"]} for x in common.policy_targets()])
st.dataframe(tdf, hide_index=True, width="stretch",
             column_config={t("ov.target_year"): st.column_config.NumberColumn(format="%d")})
