"""总览 Overview: the seven clusters' key figures, gaps by kind, county distribution, 2025 targets."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ui import common
from ui.i18n import KIND_COLOURS, KINDS, basis_label, kind_label, lang, name, population_label, t


def county_name(cid: str, zh: str) -> str:
    return cid.title() if lang() == "en" else zh


def kind_short(kind: str) -> str:
    """The verdict's label without its explanation in brackets (cards are narrow)."""
    return kind_label(kind).split(" (")[0]


def verdict_counts(gaps: dict) -> str:
    """Counts per verdict, each with its graph colour (未发现 a hollow dashed dot); zeros faded."""
    parts = []
    for k in KINDS:
        n = gaps.get(k, 0)
        fade = "" if n else "opacity:0.4;"
        parts.append(f'<span style="{fade}white-space:nowrap;margin-right:0.8em;display:inline-block">'
                     f'{common.kind_dot(k)}{kind_short(k)} <b>{n}</b></span>')
    return f'<div style="font-size:0.85rem;line-height:1.7;padding-bottom:0.35rem">{"".join(parts)}</div>'


st.title(t("app.title"))
st.caption(t("app.subtitle"))

cs = common.clusters()
dss = common.datasets()
if sum(c["local_enterprises"] for c in cs) == 0:
    st.info(t("app.store_empty"))

# --- data coverage: what is loaded, and what the verdicts can claim -------------------------------
st.subheader(t("ov.coverage"))
st.caption(t("ov.coverage_intro"))
cluster_names = {c["id"]: name(c) for c in cs}
if dss:
    st.dataframe(pd.DataFrame([{
        t("ov.ds_name"): d["name"], t("ov.ds_population"): population_label(d.get("population")),
        t("ov.ds_region"): d.get("region") or "—", t("ov.ds_as_of"): d.get("as_of") or "—",
        t("ov.ds_census"): t("ov.ds_is_census") if d.get("census") else t("ov.ds_is_sample"),
        t("ov.ds_firms"): d.get("firms", 0),
        t("ov.ds_clusters"): "、".join(cluster_names.get(x, x) for x in d.get("clusters") or []) or t("common.all"),
        t("common.source"): d.get("source") or ""} for d in dss]), hide_index=True, width="stretch")
else:
    st.info(t("ov.ds_none"))
cov_left, cov_right = st.columns([3, 2])
with cov_left:
    st.markdown(f"**{t('ov.basis_table')}**")
    st.dataframe(pd.DataFrame([{
        t("common.cluster"): name(c), t("ov.basis"): basis_label(c["basis"].get("label")),
        t("ov.adequate"): t("ov.adequate_yes") if c["basis"].get("adequate") else t("ov.adequate_no"),
        t("ov.local_enterprises"): c["local_enterprises"]}  # as-of dates: in the table above and on each card
        for c in cs]), hide_index=True, width="stretch")
with cov_right:
    if not all(c["basis"].get("adequate") for c in cs):
        with st.container(border=True):
            st.markdown(f"**{t('ov.howto_title')}**")
            st.markdown(t("ov.howto"))
            st.page_link("views/importer.py", label=t("ov.howto_link"), icon=":material/upload_file:")

# --- the seven clusters -----------------------------------------------------------------------------
st.subheader(t("ov.header"))
rows = [cs[i:i + 4] for i in range(0, len(cs), 4)]
for row in rows:
    cols = st.columns(4)
    for col, c in zip(cols, row):
        with col.container(border=True):
            st.markdown(f"**{name(c)}**")
            st.caption(common.basis_caption(c["basis"]), help=t("ov.basis_caption", label=basis_label(c["basis"].get("label"))))
            a, b = st.columns(2)
            a.metric(t("ov.local_enterprises"), c["local_enterprises"])
            if c["leading_firms"] == 0 and not c.get("firms_with_output"):
                b.metric(t("ov.leading"), t("ov.leading_na"), help=t("ov.leading_na_help"))
            else:
                b.metric(t("ov.leading"), c["leading_firms"], help=t("ov.leading_help"))
            out, k, n = c.get("local_output"), c.get("firms_with_output") or 0, c["local_enterprises"]
            if out is not None:
                line = t("ov.output_line", out=f"{out:,.0f}", k=k)
            elif k:
                line = t("ov.output_few", k=k, n=n)
            else:
                line = t("ov.output_none")
            st.caption(f"{t('ov.segments')}: **{c['segments']}** · {line}")
            st.markdown(verdict_counts(c["gaps"]), unsafe_allow_html=True)

with st.expander(t("ov.evidence")):
    st.markdown(t("ov.evidence_text"))
    for c in cs:
        st.markdown(f"**{name(c)}** — {t('ov.directions')}: {'、'.join(c['directions'])}")
        st.caption(f"{t('common.source')}: {c['source']}")

left, right = st.columns(2)
with left:
    st.subheader(t("ov.gaps_chart"))
    df = pd.DataFrame([{t("common.cluster"): name(c), t("common.kind"): kind_short(k), "n": c["gaps"][k],
                        "order": KINDS.index(k)} for c in cs for k in KINDS])
    chart = alt.Chart(df).mark_bar().encode(
        y=alt.Y(f"{t('common.cluster')}:N", sort=[name(c) for c in cs], axis=alt.Axis(labelOverlap=False, labelLimit=200)),
        x=alt.X("n:Q", title=t("ov.segments")),
        color=alt.Color(f"{t('common.kind')}:N", sort=[kind_short(k) for k in KINDS],
                        scale=alt.Scale(domain=[kind_short(k) for k in KINDS], range=[KIND_COLOURS[k] for k in KINDS]),
                        legend=alt.Legend(orient="bottom", columns=3, labelLimit=220)),
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
