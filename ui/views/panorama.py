"""产业链全景 Chain panorama: one cluster's chain as a picture read at a glance (:mod:`ui.chain_chart`:
stage columns, boxes coloured by verdict, local firm counts, the legend on the chart), and beside it
the selected segment (click a box, or pick it): its local firms, the evidence of its verdict, its
supply links and what to do next (investment targets, or the data to collect). The full tables
(every firm with its evidence, technologies, raw evidence) follow below."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import chain_chart, common
from ui.evidence import gap_sentences
from ui.i18n import (STRINGS, action_text, bi, kind_label, lang, local_label, method_label, name, rule_text,
                     stage_label, t, verdict_label)

SEP = common.list_sep()
PANEL_ROWS = 8  # firms listed in the side panel; the tables below list them all


def county_label(short: str | None) -> str:
    return common.county_label(short, empty="—")


def tech_status(status: str | None) -> str:
    """国内状态 in the current language (自主可控 → domestically controlled)."""
    return t(f"tstatus.{status}") if f"tstatus.{status}" in STRINGS else (status or "—")


st.header(t("pan.header"))
ids, labels = common.cluster_options()
cluster = st.selectbox(t("common.cluster"), ids, format_func=labels.get, key="pan_cluster")
detail = common.kg().cluster_detail(cluster)
result = common.kg().analysis(cluster, sections=("gaps", "targets"))
gaps = {g["segment_id"]: g for g in result["gaps"]}
segments = detail["segments"]
seg_by_id = {s["id"]: s for s in segments}
seg_ids = [s["id"] for s in chain_chart.order_segments(segments)]  # the chart's order: stage by stage
seg_names = {s["id"]: f"{stage_label(s['stage'])} · {'  ' * (int(s.get('level') or 1) - 1)}{name(s)}" for s in segments}

key, chart_key = f"pan_seg_{cluster}", f"pan_chart_{cluster}"
if st.session_state.get(key) not in seg_ids:
    st.session_state.pop(key, None)


def _on_pick() -> None:
    """A click on a box selects its segment (the selectbox follows)."""
    sid = chain_chart.selected_segment(st.session_state.get(chart_key))
    if sid in seg_ids:
        st.session_state[key] = sid


left, right = st.columns([2, 1], gap="medium")
with right:
    sid = st.selectbox(t("pan.select"), seg_ids, format_func=seg_names.get, key=key)
with left:
    fig = chain_chart.build_figure(
        segments, gaps, detail["feeds"], en=lang() == "en", selected=sid, labels={s["id"]: name(s) for s in segments},
        verdicts={k: verdict_label(g, marker=False) for k, g in gaps.items()})
    st.plotly_chart(fig, key=chart_key, on_select=_on_pick, selection_mode="points", theme=None, width="stretch",
                    config={"displayModeBar": False, "scrollZoom": False})
    st.caption(t("pan.legend2"))

sd = common.kg().segment_detail(sid)
seg, g = sd["segment"], gaps.get(sid)
segn = common.segment_names()

# firms of the segment and of its sub-segments (the strength figures count the whole subtree), each
# once, with one row per placement in the subtree: the sub-segment it is on, and that link's evidence
total = sd["enterprise_total"]
firms = [e | {"link": link, "_segment": link.get("segment_id", sid)}
         for e in sd["enterprises"] for link in (e.get("links") or [e.get("link") or {}])]
local_firms = list({e["id"]: e for e in firms if e.get("local") is True and e.get("active") is not False}.values())

with right, st.container(border=True):
    st.markdown(f"#### {name(seg)}")
    kind = g["kind"] if g else "unknown"
    st.markdown(f"{common.kind_dot(kind)}**{verdict_label(g, marker=False) if g else kind_label(kind)}**",
                unsafe_allow_html=True)
    # the panel is ≈ 290 px at 1366, a metric ≈ 90 px: "13 家" was cut to "13…" (review 40 C4), so the count stands
    # bare under its label, as in English (the rule line below says "13 家本地企业")
    m1, m2, m3 = st.columns(3)
    m1.metric(t("gap.local_firms"), str(g["evidence"]["local_firms"] if g else 0))
    m2.metric(t("common.strength"), common.points(g["strength"]) if g and g["kind"] != "unknown" else "—",
              help=t("pan.strength_help"))
    m3.metric(t("pan.weight"), f"{seg['weight']:.0%}", help=bi(seg.get("weight_reason")) or None)
    if g:
        st.markdown(f"{common.bold_label(t('common.rule'))}{rule_text(g['evidence'])}")
        cov = g.get("coverage") or {}
        st.caption(f"{t('gap.coverage')}{common.colon()}{t('gap.firms_known')} {cov.get('firms_known', 0)} · "
                   f"{t('gap.firms_output')} {cov.get('firms_with_output', 0)} · {t('gap.as_of')} {cov.get('as_of') or '—'}"
                   f" · {t('gap.datasets')}{common.colon()}{common.coverage_names(cov)}")
    # what to do next: investment targets where the verdict rests on a census, else the data to collect
    targets = [c for tg in result.get("targets", []) if tg["segment_id"] == sid for c in tg["candidates"]]
    # the panel is a third of the page (≈ 290 px at 1366): short lists, not tables that scroll sideways
    if targets:
        st.markdown(f"**{t('pan.targets')}**")
        st.markdown("\n".join(t("pan.target_line", rank=c.get("rank", i), name=c["name"], score=c["score"],
                                 city=f"{common.place(c['city'])} · " if c.get("city") else "")
                               for i, c in enumerate(targets[:PANEL_ROWS], 1)))
        if len(targets) > PANEL_ROWS:
            st.caption(t("pan.more_targets", n=len(targets) - PANEL_ROWS))
    elif g and g.get("action"):
        st.info(f"{common.bold_label(t('gap.action'))}{action_text(g, labels.get(g['cluster']))}")
    elif g and g["kind"] in ("present", "strong"):
        st.caption(t("pan.no_action"))
    st.markdown(f"**{t('pan.local_firms')} ({len(local_firms)})**")
    if local_firms:
        st.markdown("\n".join(
            f"- {e['name']} · {county_label(e.get('county'))}"
            + (f" · {segn.get(e['_segment'], e['_segment'])}" if e["_segment"] != sid else "")
            for e in local_firms[:PANEL_ROWS]))
        if len(local_firms) > PANEL_ROWS:
            st.caption(t("pan.more_firms", n=len(local_firms) - PANEL_ROWS))
    else:
        st.caption(t("pan.no_local_firms"))
    reasons = {(f["from"], f["to"]): f.get("reason") or "" for f in detail["feeds"]}
    if sd["feeds_from"] or sd["feeds_to"]:
        st.markdown(f"**{t('pan.links')}**")
        lines = [f"← {segn.get(x, x)}" + (f" — {reasons[(x, sid)]}" if lang() == "zh" and reasons.get((x, sid)) else "")
                 for x in sd["feeds_from"]]
        lines += [f"→ {segn.get(x, x)}" + (f" — {reasons[(sid, x)]}" if lang() == "zh" and reasons.get((sid, x)) else "")
                  for x in sd["feeds_to"]]
        st.markdown("\n".join(f"- {ln}" for ln in lines))

st.caption(f"{t('pan.products')}{common.colon()}{SEP.join(seg['products']) or '—'} · {t('common.source')}{common.colon()}{seg['source']}")
common.data_language_note()
tab_e, tab_t, tab_g = st.tabs([f"{t('pan.enterprises')} ({total})",
                               f"{t('pan.technologies')} ({len(sd['technologies'])})", t("pan.gap_evidence")])
with tab_e:
    if total > len(sd["enterprises"]):
        st.caption(t("ent.found", n=total, m=len(sd["enterprises"])))
    if firms:
        st.dataframe(pd.DataFrame([{
            t("common.segment"): segn.get(e["_segment"], e["_segment"]), t("common.enterprise"): e["name"], t("ent.location"): local_label(e, closed=True),
            t("pan.place"): county_label(e.get("county")) if e.get("county") else common.place(e.get("city")), t("common.tags"): SEP.join(t(f"tag.{x}") if f"tag.{x}" in STRINGS else x for x in e.get("tags", [])),
            t("pan.link_method"): method_label(e["link"].get("method")) or "—",
            t("pan.confidence"): common.points(e["link"].get("confidence")),  # not measured: blank
            t("common.evidence"): e["link"].get("evidence", ""),
            t("common.source"): e["link"].get("source", ""),
        } for e in firms]), hide_index=True, width="stretch", placeholder="",  # not measured: blank, not "None"
            row_height=common.WRAP_ROW_PX,  # long names wrap: nothing cut at 1366 px
            # on screen every width set, 870 px in all; the sources (long, and the same for most rows)
            # are listed once each below the table
            # the grid wraps only at spaces, so Chinese evidence would be cut: the evidence of each firm is
            # listed in full below the table (and in the Excel export), not in a cell
            column_order=[c for c in (t("common.segment"), t("common.enterprise"), t("ent.location"), t("pan.place"),
                                      t("common.tags"), t("pan.link_method"), t("pan.confidence"))],
            column_config=common.text_widths(**{
                t("common.segment"): 150, t("common.enterprise"): 210, t("ent.location"): 80, t("pan.place"): 90,
                t("common.tags"): 70, t("pan.link_method"): 100}) | {
                t("pan.confidence"): st.column_config.NumberColumn(width=100, format="%d")})
        with st.expander(f"{t('common.evidence')} ({len(firms)})"):
            st.markdown("\n".join(f"- **{common.md_text(e['name'])}**{common.colon()}{common.md_text(e['link'].get('evidence') or '—')}" for e in firms))
        sources = dict.fromkeys(e["link"].get("source") for e in firms if e["link"].get("source"))
        if sources:
            st.caption(f"{t('common.sources')}{common.colon().strip()}  \n" + "  \n".join(f"· {x}" for x in sources))
    else:
        st.info(t("pan.no_firms"))
with tab_t:
    if sd["technologies"]:
        st.dataframe(pd.DataFrame([{
            t("common.technology"): name(x), t("common.status"): tech_status(x["status"]) + ("" if x["status_certain"] else " *"),
            t("ck.chokepoint"): t("common.yes") if x["chokepoint"] else t("common.no"),
            t("common.source"): x["source"]} for x in sd["technologies"]]), hide_index=True)
        st.caption(t("pan.status_star"))
    else:
        st.info(t("pan.no_tech"))
with tab_g:
    if g:
        ev = g["evidence"]
        st.markdown(f"{common.bold_label(t('common.rule'))}{rule_text(ev)}")
        st.markdown("\n".join(f"- {x}" for x in gap_sentences(ev, en=lang() == "en")))
