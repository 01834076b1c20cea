"""卡脖子技术 Chokepoints: ranked technologies with their score parts, priority projects and 揭榜挂帅 candidates."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import common
from ui.evidence import chokepoint_sentences
from ui.i18n import STRINGS, bi, lang, t
from ui.xlsx_export import xlsx_download


def tech_status(status: str | None) -> str:
    """国内状态 in the current language (依赖进口 → import-dependent)."""
    return t(f"tstatus.{status}") if f"tstatus.{status}" in STRINGS else (status or "—")


st.header(t("ck.header"))
ids, labels = common.cluster_options(with_all=True)
segn = common.segment_names()
f1, f2 = st.columns([1, 2])
cluster = f1.selectbox(t("common.cluster"), ids, format_func=labels.get, key="ck_cluster")
only = f2.toggle(t("ck.only_flagged"), value=False, key="ck_only")
result = common.kg().analysis(cluster, sections=("gaps", "chokepoints", "projects"))
tech_en = {x["id"]: x.get("name_en") for x in common.kg().technologies()}
SEP = common.list_sep()


def tech_name(tid: str, zh: str) -> str:
    """A technology's name: ``name_en`` in English where the store has one."""
    return (tech_en.get(tid) or zh) if lang() == "en" else zh


def project_name(p: dict) -> str:
    return t("ck.project_name", tech=tech_name(p["technology_id"], p["technology"])) if lang() == "en" else p["project"]

chokes = [c for c in result["chokepoints"] if c["chokepoint"] or not only]
st.caption(t("ck.formula"))

st.subheader(t("ck.ranked"))
if not chokes:
    st.info(t("common.no_rows"))
else:
    df = pd.DataFrame([{
        t("common.rank"): i, t("common.technology"): tech_name(c["technology_id"], c["technology"]),
        t("common.status"): tech_status(c["status"]) + ("" if c["status_certain"] else " *"),
        t("ck.chokepoint"): t("common.yes") if c["chokepoint"] else t("common.no"),
        t("common.score"): round(c["score"]), t("ck.severity"): common.points(c["parts"]["severity"]),
        t("ck.reach"): common.points(c["parts"]["reach"]), t("ck.capability_gap"): common.points(c["parts"]["capability_gap"]),
        t("ck.value_share") + " %": common.points(c["evidence"]["value_share"]),
        t("common.cluster"): SEP.join(labels.get(x, x) for x in c["clusters"]),
        t("common.segment"): SEP.join(segn.get(x, x) for x in c["segments"]),
        t("ck.downstream"): len(c["downstream_segments"]),
        # none recorded is what the data says, not that no local firm holds it (review 40 C1)
        t("ck.holders"): str(c["evidence"]["local_holders"]) if c["evidence"].get("local_holders")
        else t("ck.not_recorded"),
        t("ck.lists"): SEP.join(c["evidence"].get("chokepoint_lists", [])),
        t("common.source"): c["evidence"].get("source", ""),
    } for i, c in enumerate(chokes, 1)])
    # on screen the columns that rank and place a technology (fitting the page at 1366 px); its score
    # parts are shown below for the one picked, and every column is in the Excel export
    shown = [t("common.rank"), t("common.technology"), t("common.status"), t("ck.chokepoint"), t("common.score"),
             t("common.segment"), t("ck.holders")] + ([] if cluster else [t("common.cluster")])
    screen = df.copy()  # on screen a long segment list is said short (a cell wraps only at spaces); in full in the export
    # (English names run about twice as long: one segment and how many more, in four lines; all of them are
    # said below for the technology picked)
    screen[t("common.segment")] = [common.few((segn.get(x, x) for x in c["segments"]), 1 if lang() == "en" else 2)
                                   for c in chokes]
    # English runs longer: a technology or "Aerospace (UAV and general aviation)" takes four lines, and
    # "Pharmaceuticals" was broken inside the word at 100 px
    en = lang() == "en"
    row_px = common.WRAP_ROW_PX + (20 if en else 0)
    st.dataframe(screen, hide_index=True, width="stretch", column_order=shown, row_height=row_px,  # wrap, not cut
                 height=row_px * min(10, len(df)) + 40,
                 column_config={
        t("common.rank"): st.column_config.NumberColumn(width=45),
        t("common.score"): st.column_config.ProgressColumn(min_value=0, max_value=max(100.0, df[t("common.score")].max()),
                                                           format="%d", width=85 if en else 90),
        t("ck.holders"): st.column_config.TextColumn(width=85 if en else 95),  # "Local holders" touched 80 px
        # every width set, 870 px in all (the cluster column only when all clusters are listed); English:
        # each cell in its four lines (tests/ui/test_pages.py reads them with ui.label_wrap.wrap)
        **common.text_widths(**({t("common.technology"): 200 if cluster else 165, t("common.status"): 130,
                                 t("ck.chokepoint"): 75, t("common.segment"): 235 if cluster else 170,
                                 t("common.cluster"): 100} if not en else
                                {t("common.technology"): 215 if cluster else 190, t("common.status"): 125,
                                 t("ck.chokepoint"): 75, t("common.segment"): 240 if cluster else 150,
                                 t("common.cluster"): 115}))})
    xlsx_download(t("common.download_xlsx"), {t("ck.ranked"): df}, file_name=f"chainkg-chokepoints-{cluster or 'all'}.xlsx",
                  key="ck_xlsx", page=t("ck.header"), cluster=cluster)
    pick = st.selectbox(t("ck.evidence_pick"), [c["technology_id"] for c in chokes],
                        format_func=lambda x: next(tech_name(x, c["technology"]) for c in chokes if c["technology_id"] == x),
                        key="ck_pick")
    c = next(c for c in chokes if c["technology_id"] == pick)
    a, b, d, e = st.columns(4)
    a.metric(t("common.score"), round(c["score"]))
    b.metric(t("ck.severity"), common.points(c["parts"]["severity"]))
    d.metric(t("ck.reach"), common.points(c["parts"]["reach"]))
    e.metric(t("ck.capability_gap"), common.points(c["parts"]["capability_gap"]))
    st.caption(f"{t('common.segment')}{common.colon()}{SEP.join(segn.get(x, x) for x in c['segments']) or '—'} · "
               f"{t('ck.downstream')}{common.colon()}{SEP.join(segn.get(x, x) for x in c['downstream_segments']) or '—'}")
    if not c["evidence"].get("local_holders"):
        st.caption(t("ck.not_recorded_note"))
    with st.expander(t("common.evidence")):
        st.markdown("\n".join(f"- {x}" for x in chokepoint_sentences(c["evidence"], en=lang() == "en")))

st.subheader(t("ck.projects"))
projects = [p for p in result["projects"] if any(c["technology_id"] == p["technology_id"] for c in chokes)]
if not projects:
    st.info(t("common.no_rows"))
    st.stop()
st.dataframe(pd.DataFrame([{
    t("common.rank"): p["rank"], t("ck.project"): project_name(p), t("common.score"): round(p["score"]),
    **{t("ck." + k): common.points(v) for k, v in p["parts"].items()},
    t("common.cluster"): SEP.join(labels.get(x, x) for x in p["clusters"]),
    t("ck.n_candidates"): len(p["candidates"]),
} for p in projects]), hide_index=True, width="stretch", row_height=common.WRAP_ROW_PX,  # wrap, not cut
    height=common.WRAP_ROW_PX * min(10, len(projects)) + 40, column_config={
    t("common.rank"): st.column_config.NumberColumn(width=45),
    t("common.score"): st.column_config.NumberColumn(width=85), t("ck.n_candidates"): st.column_config.NumberColumn(width=90),
    # "Capability gap" was cut to "Capability" at 65 px
    **{t("ck." + k): st.column_config.NumberColumn(width=90 if k == "capability_gap" else 65) for k in projects[0]["parts"]},
    # every width set, about 870 px in all; the candidates' names (five long firm names do not fit a
    # cell) are in the table of the project picked below
    **common.text_widths(**{t("ck.project"): 235, t("common.cluster"): 195})})
pid = st.selectbox(t("ck.project_pick"), [p["technology_id"] for p in projects],
                   format_func=lambda x: next(f"{p['rank']}. {project_name(p)}" for p in projects if p["technology_id"] == x),
                   key="ck_project")
p = next(p for p in projects if p["technology_id"] == pid)
st.caption(f"{t('common.segment')}{common.colon()}{SEP.join(segn.get(x, x) for x in p['segments'])}")
if p["candidates"]:
    st.dataframe(pd.DataFrame([{t("common.enterprise"): x["name"], t("common.county"): common.county_label(x.get("county")),
                                t("ck.holders"): t("common.yes") if x.get("holds") else t("common.no"),
                                t("common.reasons"): "；".join(map(bi, x["reasons"]))}
                               for x in p["candidates"]]), hide_index=True, width="stretch",
                 column_config=common.text_widths(**{t("common.enterprise"): 200, t("common.reasons"): 420}))
    st.caption(t("ck.candidate_order"))
    if not all(x.get("holds") for x in p["candidates"]):
        st.caption(t("ck.demand_side"))
else:
    st.info(t("ck.no_candidates"))
