"""补链/强链/延链 Gaps: segment verdicts with their 口径, rule, coverage and next step; 招商 targets per
gap (or, when the data cannot establish gaps, the data to collect); 延链 suggestions; Excel export."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from chainkg.service import TARGET_SECTIONS
from ui import common
from ui.evidence import gap_sentences
from ui.i18n import (KINDS, STRINGS, action_text, basis_label, bi, kind_style, lang, local_label, marked, reason_text, rule_text,
                     stage_label, t, verdict_label)
from ui.xlsx_export import xlsx_download

st.header(t("gap.header"))
ids, labels = common.cluster_options(with_all=True)
segn = common.segment_names()
f1, f2 = st.columns([1, 2])
cluster = f1.selectbox(t("common.cluster"), ids, format_func=labels.get, key="gap_cluster")
kinds = f2.multiselect(t("gap.filter_kind"), list(KINDS), default=["missing", "unknown", "single_point", "weak"],
                       format_func=marked, key="gap_kinds", placeholder=t("common.choose"))
result = common.kg().analysis(cluster, sections=TARGET_SECTIONS)
gaps = [g for g in result["gaps"] if g["kind"] in kinds]
st.markdown('<div style="font-size:0.85rem;color:#6b7280">' + t("gap.marker_legend") + "".join(
    f'<span style="{kind_style(k)};margin-right:1em;white-space:nowrap">{marked(k)}</span>' for k in KINDS)
    + "</div>", unsafe_allow_html=True)


def coverage_cols(g: dict) -> dict:
    cov = g.get("coverage") or {}
    return {t("gap.firms_known"): cov.get("firms_known", g["evidence"]["local_firms"]),
            t("gap.firms_output"): cov.get("firms_with_output", g["evidence"].get("firms_with_output")),
            # a 缺失 whose only firm is 注销 must say so on its row, not only in the detail below
            t("gap.inactive"): cov.get("inactive_excluded", g["evidence"].get("inactive_excluded", 0)),
            t("gap.as_of"): cov.get("as_of") or "—",
            t("gap.datasets"): common.coverage_names(cov)}


VERDICT = t("gap.verdict")
EN_TITLE = 20 if lang() == "en" else 0  # px more for an English column title (one line, never wrapped)
DA_SEGMENTS_PX = 290  # the data-to-check table's segment list
n_targets = {tg["segment_id"]: len(tg["candidates"]) for tg in result.get("targets", []) if tg["candidates"]}


def next_step(g: dict) -> str:
    """The data to collect, or — where the verdict rests on a census — where its candidates are."""
    if text := action_text(g, labels.get(g["cluster"])):
        return text
    if g["segment_id"] in n_targets:
        return t("gap.action_targets", n=n_targets[g["segment_id"]])
    return t("gap.action_no_candidates") if g["kind"] in ("missing", "weak", "single_point") else ""


gap_df = pd.DataFrame([{
    t("common.cluster"): labels.get(g["cluster"], g["cluster"]), t("common.segment"): segn.get(g["segment_id"], g["segment"]),
    VERDICT: verdict_label(g), t("common.rule"): rule_text(g["evidence"]),
    **coverage_cols(g),
    t("gap.action"): next_step(g),
    t("common.stage"): stage_label(g["stage"]),
    # a segment with no firm in the data has no measured strength (not 0)
    t("common.strength"): None if g["kind"] == "unknown" else common.points(g["strength"]), t("common.score"): round(g["score"]),
    t("gap.outside_firms"): g["evidence"]["outside_firms"],
    t("gap.output_share") + " %": common.points(g["evidence"].get("output_share")),
    t("gap.expected_share") + " %": common.points(g["evidence"].get("expected_share")),
    t("gap.largest_share") + " %": common.points(g["evidence"].get("largest_firm_share")),
    t("gap.hhi"): common.points(g["evidence"].get("hhi")),
    t("gap.dominator"): t("common.yes") if g["evidence"].get("dominator") else "",
    t("gap.dominance"): common.points(g["evidence"].get("dominance")),
    t("common.id"): g["segment_id"],
} for g in gaps])

target_rows = []
WHY_MAIN = t("gap.target_why_main")
for tg in result.get("targets", []):
    if tg["kind"] not in kinds:
        continue
    for i, c in enumerate(tg["candidates"], 1):
        prof = c.get("profile") or {}
        target_rows.append({
            t("common.segment"): segn.get(tg["segment_id"], tg["segment"]), t("common.kind"): marked(tg["kind"]),
            t("common.rank"): c.get("rank", i), t("common.enterprise"): c["name"], t("common.city"): common.place(c.get("city")),
            t("gap.target_score"): c["score"],
            t("gap.target_scale"): prof.get("scale") or t("wb.unknown"),
            t("gap.target_distance_km"): c.get("distance_km"),
            # plain sentences in Chinese; the English side shows the bilingual reasons
            t("gap.target_why"): "".join(prof.get("why") or []) if lang() != "en" else "; ".join(map(reason_text, c["reasons"])),
            # on screen: the first reason (the gap it fills); every reason in the Excel export and on its card
            WHY_MAIN: ((prof.get("why") or [""])[0] if lang() != "en" else
                       (reason_text(c["reasons"][0]) if c["reasons"] else "")),
            t("gap.target_other"): "、".join(o["segment"] for o in prof.get("other_segments") or []) or "—",
            t("gap.target_tie"): bi(c.get("tie_break")) or "",
            t("common.reasons"): "；".join(map(reason_text, c["reasons"])),
            t("gap.candidate_parts"): "；".join(
                f"{t('part.' + k) if 'part.' + k in STRINGS else k} {v:.2f}" for k, v in c["parts"].items()),
            t("common.sources"): "；".join(c.get("sources", [])),
            t("common.id"): c["enterprise_id"]})
target_df = pd.DataFrame(target_rows)
if not target_df.empty:  # whole kilometres; blank where the firm has no coordinates (not 0)
    target_df[t("gap.target_distance_km")] = target_df[t("gap.target_distance_km")].astype("Int64")

# the data that would settle the verdicts the loaded data cannot (one row per cluster and kind of step)
DA_WHAT = {"collect_data": "gap.da_collect", "collect_registry": "gap.da_collect_registry",
           "check_census_complete": "gap.da_check_complete"}
actions = result.get("data_actions") or []
action_df = pd.DataFrame([{
    t("common.cluster"): labels.get(a["cluster"], a["cluster_name"]), t("ov.basis"): basis_label(a.get("basis")),
    t("common.kind"): t(f"gap.da_kind.{a['kind']}") if f"gap.da_kind.{a['kind']}" in STRINGS else a["kind"],
    t("gap.da_what"): t(DA_WHAT[a["kind"]]) if a["kind"] in DA_WHAT else a.get("text_en" if lang() == "en" else "text"),
    t("gap.da_n"): len(a["segments"]),
    t("gap.da_segments"): common.list_sep().join(segn.get(s["segment_id"], s["segment"]) for s in a["segments"]),
} for a in actions])
# on screen a long list of segments says its first names and how many (the count column; the export lists all)
action_view = action_df.copy()
if not action_view.empty:
    action_view[t("gap.da_segments")] = [
        common.few_fitting([segn.get(s["segment_id"], s["segment"]) for s in a["segments"]], DA_SEGMENTS_PX)
        for a in actions]
inadequate = [c for c, b in (result.get("coverage") or {}).items() if not b.get("adequate")]
no_census_basis = "、".join(sorted({basis_label(b.get("label")) for b in (result.get("coverage") or {}).values()
                                    if not b.get("adequate")}))

ext_df = pd.DataFrame([{
    t("common.cluster"): labels.get(e["cluster"], e["cluster"]), t("common.segment"): segn.get(e["segment_id"], e["segment"]),
    t("gap.density"): e["density"],
    t("gap.strong_neighbours"): "、".join(segn.get(n["segment_id"], n["segment"]) for n in e["strong_neighbours"]),
    t("common.reasons"): bi(e["reason"]), t("common.id"): e["segment_id"]} for e in result.get("extensions", [])])

n_unknown = sum(g["kind"] == "unknown" for g in gaps)
if inadequate and n_unknown:
    st.info(t("gap.unknown_note", n=n_unknown, basis=no_census_basis or "—"))
for cid, b in (result.get("coverage") or {}).items():  # a list of the cluster's firms: what it cannot speak for
    off = sum(g["cluster"] == cid and bool((g.get("basis") or {}).get("outside_list")) for g in gaps)
    if b.get("adequate") and b.get("scope") == "cluster" and off:
        st.info(t("gap.list_note", cluster=labels.get(cid, cid), n=off))
for a in actions:  # a census whose own firms are in none of the cluster's segments: 缺失 counts only placed firms
    if a["kind"] == "check_census_firms":
        named = a.get("unplaced_firms") or []
        names = "、".join(f["name"] for f in named[:10]) + (t("gap.and_n_more", n=a["firms"] - 10) if a["firms"] > 10 else "")
        words = a.get("words") or {}
        st.warning(t("gap.census_unplaced", cluster=labels.get(a["cluster"], a["cluster_name"]), n=a["firms"],
                     where=words.get("named_en", "this cluster") if lang() == "en" else words.get("named", "本集群"),
                     split=words.get("split_en" if lang() == "en" else "split", ""),
                     m=len(a["segments"]), names=names or "—",
                     dataset="、".join(d["name"] or d["id"] for d in a.get("datasets") or []) or "—"))
    if a["kind"] == "check_census_complete":  # firms the other data places in the cluster, missing from its census
        named = a.get("missing_firms") or []
        names = "、".join(f["name"] for f in named[:10]) + (t("gap.and_n_more", n=a["firms"] - 10) if a["firms"] > 10 else "")
        st.warning(t("gap.census_incomplete", cluster=labels.get(a["cluster"], a["cluster_name"]), n=a["firms"],
                     names=names or "—", dataset="、".join(d["name"] or d["id"] for d in a.get("datasets") or []) or "—"))
tab_t_label = f"{t('gap.tab_targets')} ({len(target_df)})"
if target_df.empty and not action_df.empty:
    tab_t_label += f" · {t('gap.data_actions')} ({len(action_df)})"
tab_g, tab_t, tab_e = st.tabs([f"{t('gap.tab_gaps')} ({len(gap_df)})", tab_t_label, f"{t('gap.tab_ext')} ({len(ext_df)})"])
with tab_g:
    if gap_df.empty:
        st.info(t("common.no_rows"))
    else:
        st.caption(t("gap.count", n=len(gap_df)))
        # on screen the columns an officer acts on, fitting the page at 1366 px; every figure behind a
        # verdict is in the Excel export and in the evidence of one segment below
        shown = ([] if cluster else [t("common.cluster")]) + [
            t("common.segment"), VERDICT, t("common.strength"), t("gap.firms_known"), t("common.rule"), t("gap.action")]
        # an English cluster name ("Pharmaceuticals") broke inside its word at 70 px: with every cluster shown, the
        # English cluster column takes 15 px each from the strength bar, the rule and the next step
        en_all = 15 if lang() == "en" and not cluster else 0
        st.dataframe(common.style_kinds(gap_df, VERDICT, [g["kind"] for g in gaps]), hide_index=True,
                     column_order=shown, width="stretch", row_height=common.WRAP_ROW_PX + 20,  # rules and steps wrap (4 lines)
                     height=(common.WRAP_ROW_PX + 20) * min(10, len(gap_df)) + 40,
                     column_config={
                         t("common.strength"): st.column_config.ProgressColumn(min_value=0, max_value=100, format="%d",
                                                                                width=80 - en_all),
                         # "Local firms known" was cut at 95 px: the English title takes 20 px from the rule
                         t("gap.firms_known"): st.column_config.NumberColumn(width=95 + EN_TITLE),
                         # every width set, 870 px in all: fits the main column at 1366 px (≈ 900 px)
                         **common.text_widths(**{t("common.cluster"): 70 + 3 * en_all,
                                                 t("common.segment"): 125 if cluster else 105,
                                                 VERDICT: 115 if cluster else 105,
                                                 t("common.rule"): (235 if cluster else 210) - EN_TITLE - en_all,
                                                 t("gap.action"): 220 if cluster else 205 - en_all})})
        st.caption(t("gap.more_cols"))
        with st.expander(t("gap.detail")):
            pick = st.selectbox(t("common.segment"), [g["segment_id"] for g in gaps],
                                format_func=lambda s: segn.get(s, s), key="gap_pick")
            g = next(x for x in gaps if x["segment_id"] == pick)
            cov = g.get("coverage") or {}
            st.markdown(f"{common.bold_label(t('gap.verdict'))}{verdict_label(g, marker=False)}")
            st.markdown(f"{common.bold_label(t('common.rule'))}{rule_text(g['evidence'])}")
            st.markdown(f"{common.bold_label(t('gap.coverage'))}{t('gap.firms_known')} {cov.get('firms_known', 0)} · "
                        f"{t('gap.firms_output')} {cov.get('firms_with_output', 0)} · "
                        f"{t('gap.inactive')} {cov.get('inactive_excluded', 0)} · {t('gap.as_of')} {cov.get('as_of') or '—'} · "
                        f"{t('gap.datasets')}{common.colon()}{common.coverage_names(cov)}")
            if g.get("action"):
                st.markdown(f"{common.bold_label(t('gap.action'))}{action_text(g, labels.get(g['cluster']))}")
            st.markdown("\n".join(f"- {x}" for x in gap_sentences(g["evidence"], en=lang() == "en")))
            sd = common.kg().segment_detail(pick)
            if sd["enterprises"]:
                st.dataframe(pd.DataFrame([{t("common.enterprise"): e["name"], t("ent.location"): local_label(e, closed=True),
                                            t("common.evidence"): e["link"].get("evidence", ""),
                                            t("common.source"): e["link"].get("source", "")} for e in sd["enterprises"]]),
                             hide_index=True, width="stretch", row_height=common.WRAP_ROW_PX,
                             column_config=common.text_widths(**{t("common.enterprise"): 170, t("ent.location"): 90,
                                                                 t("common.evidence"): 330, t("common.source"): 240}))
with tab_t:
    if not target_df.empty:
        st.caption(t("gap.target_note"))
        common.data_language_note()
        # on screen: who, where, how well and why (wrapped); scale, distance, the firm's other segments,
        # tie-breaks, score parts and sources are on the workbench's profile cards and in the Excel export
        st.dataframe(target_df, hide_index=True, width="stretch", row_height=common.WRAP_ROW_PX + 20,
                     height=(common.WRAP_ROW_PX + 20) * min(10, len(target_df)) + 40,
                     column_order=[t("common.segment"), t("common.kind"), t("common.rank"), t("common.enterprise"),
                                   t("common.city"), t("gap.target_score"), WHY_MAIN],
                     column_config={t("gap.target_score"): st.column_config.ProgressColumn(
                         min_value=0, max_value=100, format="%d", width=100),
                         t("common.rank"): st.column_config.NumberColumn(width=45),
                         **common.text_widths(**{t("common.segment"): 120, t("common.kind"): 80, t("common.enterprise"): 170,
                                                 t("common.city"): 70, WHY_MAIN: 285})})  # 870 px
    elif inadequate:
        st.info(t("gap.no_targets_data", basis=no_census_basis or "—"))
    else:
        st.info(t("gap.no_targets"))
    if not action_df.empty:  # what would settle the verdicts the loaded data cannot
        st.markdown(f"**{t('gap.data_actions')}**")
        st.dataframe(action_view, hide_index=True, width="stretch", row_height=common.WRAP_ROW_PX,
                     column_config=common.text_widths(**{t("common.cluster"): 80, t("ov.basis"): 90, t("common.kind"): 70,
                                                         t("gap.da_what"): 290 - EN_TITLE // 2,
                                                         t("gap.da_segments"): DA_SEGMENTS_PX})
                     | {t("gap.da_n"): st.column_config.NumberColumn(width=50 + EN_TITLE // 2)})  # 870 px
with tab_e:
    if not ext_df.empty:
        st.dataframe(ext_df, hide_index=True, column_order=[c for c in ext_df.columns if c != t("common.id")])
    elif inadequate:
        st.info(t("gap.no_ext_data"))
    else:
        st.info(t("gap.no_ext"))

xlsx_download(t("common.download_xlsx"), {t("gap.tab_gaps"): gap_df, t("gap.tab_targets"): target_df.drop(columns=[WHY_MAIN], errors="ignore"),
                                          t("gap.data_actions"): action_df, t("gap.tab_ext"): ext_df},
              file_name=f"chainkg-gaps-{cluster or 'all'}.xlsx", key="gap_xlsx", page=t("gap.header"),
              cluster=cluster)

from ui.reports import report_downloads  # noqa: E402 - the chosen cluster's one-click report (Word/PDF/Excel)

st.divider()
report_downloads(cluster, key="gap_report")
