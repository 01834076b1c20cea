"""招商工作台 Investment workbench: per gap segment its candidates (ranked, no ties) with profile cards;
under each card the lead's stage, owner and note (stored in the graph as ``Lead`` nodes); the
pipeline table with an Excel download; and the what-if "if the firms 在谈 and later land"."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.analytics.pipeline import LANDING_STAGES, STAGES
from ui import common
from ui.access import can_write
from ui.reports import report_downloads
from ui.i18n import bi, lang, marked, reason_text, t
from ui.xlsx_export import xlsx_download


def stage_label(stage: str) -> str:
    return t(f"wb.stage.{stage}") if stage in STAGES else stage


def money(wan: float | None) -> str:
    if wan is None:
        return t("wb.unknown")
    if lang() == "en":  # 1 万元 = CNY 10,000
        return f"CNY {wan / 100_000:,.2f} bn" if wan >= 100_000 else f"CNY {wan / 100:,.1f} m"
    return f"{wan / 10_000:,.2f} 亿元" if wan >= 10_000 else f"{wan:,.0f} 万元"


def distance_text(p: dict) -> str | None:
    """The card's distance: exact from the firm's coordinates, approximate (said so) from its city or province."""
    if p.get("distance_km") is None:
        return None
    basis = p.get("distance_basis")
    return t(f"wb.km.{basis}" if basis in ("city", "province") else "wb.km", km=p["distance_km"])


def card(c: dict) -> None:
    """The candidate's profile card: facts, why it fits, other segments, sources."""
    p = c.get("profile") or {}
    unknown = t("wb.unknown")
    cap = p.get("registered_capital")
    cap_text = unknown if cap is None else (money(cap) if (p.get("capital_currency") or "人民币") == "人民币"
                                            else f"{cap:,.0f} 万{p.get('capital_currency')}")
    facts = [(t("wb.city"), common.place(p.get("city"), unknown)), (t("wb.address"), p.get("address") or unknown),
             (t("wb.employees"), f"{p['employees']:,}" if p.get("employees") is not None else unknown),
             (t("wb.capital"), cap_text), (t("wb.revenue"), money(p.get("revenue"))),
             (t("wb.output"), money(p.get("output"))), (t("wb.founded"), p.get("founded") or unknown),
             (t("wb.stock_code"), p.get("stock_code") or unknown),
             (t("wb.distance"), distance_text(p) or unknown),
             (t("wb.products"), common.list_sep().join(p["products"])) if p.get("products") else
             (t("wb.scope"), p["scope"]) if p.get("scope") else (t("wb.products"), unknown)]
    left, right = st.columns([2, 3])
    colon, semi = (": ", "; ") if lang() == "en" else ("：", "；")
    left.markdown("\n".join(f"- **{k}**{colon}{v}" for k, v in facts))
    right.markdown(f"**{t('wb.why')}**")
    if lang() == "en":  # the plain sentences are Chinese; the English side shows the reasons
        right.markdown("\n".join(f"- {reason_text(r)}" for r in c.get("reasons", [])))
    else:
        right.markdown("\n".join(f"- {s}" for s in p.get("why", [])))
    others = p.get("other_segments") or []
    segn, (op, cp) = common.segment_names(), ((" (", ")") if lang() == "en" else ("（", "）"))
    right.markdown(f"**{t('wb.other_segments')}**{colon}" + (semi.join(
        f"{segn.get(o['segment_id'], o['segment'])}{op}{t('wb.local_yes') if o['local_firms'] else t('wb.local_no')}{cp}"
        for o in others) or t("wb.none")))
    if c.get("tie_break"):
        right.caption(f"{t('wb.tie')}{colon}{bi(c['tie_break'])}")
    st.caption(f"{t('wb.sources')}{colon}" + semi.join(p.get("sources") or c.get("sources") or []))


def lead_form(group: dict, c: dict) -> None:
    """Stage, owner and note for this candidate on this segment (opens the lead on first save)."""
    lead = c.get("lead") or {}
    if not WRITER:
        st.caption(f"{t('wb.stage')}{common.colon()}{stage_label(lead.get('stage', '线索'))}")
        return
    key = f"wb_{group['segment_id']}_{c['enterprise_id']}"
    with st.form(key, clear_on_submit=True):
        f1, f2 = st.columns(2)
        current = lead.get("stage", "线索")
        stage = f1.selectbox(t("wb.stage"), list(STAGES), index=STAGES.index(current), format_func=stage_label,
                             key=f"{key}_stage")
        owner = f2.text_input(t("wb.owner"), value=lead.get("owner", ""), max_chars=100, key=f"{key}_owner")
        note = st.text_area(t("wb.note"), value="", max_chars=2000, height=68, key=f"{key}_note",
                            placeholder=lead.get("notes") or "")
        if st.form_submit_button(t("wb.save"), type="primary"):
            saved = common.kg().save_lead(c["enterprise_id"], group["segment_id"], stage=stage, owner=owner,
                                          note=note or None)
            st.session_state["wb_saved"] = t("wb.saved", name=c["name"], stage=stage_label(saved["stage"]))
            st.rerun()
    if lead.get("history_rows"):
        st.caption(t("wb.history"))
        st.dataframe(pd.DataFrame([{t("wb.when"): h["when"], t("wb.stage"): stage_label(h["stage"]),
                                    t("wb.owner"): h["owner"], t("wb.note"): h["note"]}
                                   for h in lead["history_rows"]]), hide_index=True)
    elif not lead:
        st.caption(t("wb.no_lead"))


def pipeline_section(cluster: str | None, groups: list[dict], leads: list[dict], segn: dict[str, str]) -> None:
    """The leads of the chosen cluster, their history and the candidates, with the Excel download."""
    st.subheader(t("wb.pipeline"))
    if not leads:
        st.info(t("wb.no_leads"))
    lead_df = pd.DataFrame([{
        t("wb.enterprise"): x["enterprise_name"], t("common.segment"): segn.get(x["segment"], x["segment_name"]),
        t("wb.stage"): stage_label(x["stage"]), t("wb.owner"): x.get("owner") or "", t("wb.latest_note"): x.get("notes") or "",
        t("wb.created"): x["created"], t("wb.updated"): x["updated"], t("common.id"): x["id"]} for x in leads])
    if not lead_df.empty:
        st.dataframe(lead_df, hide_index=True, column_order=[c for c in lead_df.columns if c != t("common.id")])
    history_df = pd.DataFrame([{
        t("wb.enterprise"): x["enterprise_name"], t("common.segment"): segn.get(x["segment"], x["segment_name"]),
        t("wb.when"): h["when"], t("wb.stage"): stage_label(h["stage"]), t("wb.owner"): h["owner"], t("wb.note"): h["note"]}
        for x in leads for h in x["history_rows"]])
    cand_df = pd.DataFrame([{
        t("common.segment"): segn.get(g["segment_id"], g["segment"]), t("common.kind"): marked(g["kind"]),
        t("common.rank"): c["rank"], t("wb.enterprise"): c["name"], t("gap.target_score"): c["score"],
        t("wb.city"): common.place(c.get("city")), t("wb.address"): c["profile"].get("address") or "",
        t("gap.target_scale"): c["profile"].get("scale") or t("wb.unknown"),
        t("gap.target_distance_km"): c.get("distance_km"),
        t("wb.founded"): c["profile"].get("founded") or "", t("wb.stock_code"): c["profile"].get("stock_code") or "",
        t("wb.products"): "、".join(c["profile"].get("products") or []),
        t("gap.target_why"): "".join(c["profile"].get("why") or []),
        t("gap.target_other"): common.list_sep().join(common.segment_names().get(o["segment_id"], o["segment"])
                                                      for o in c["profile"].get("other_segments") or []),
        t("wb.stage"): stage_label(c["lead"]["stage"]) if c.get("lead") else "",
        t("wb.owner"): (c.get("lead") or {}).get("owner") or "",
        t("wb.sources"): "；".join(c["profile"].get("sources") or []), t("common.id"): c["enterprise_id"]}
        for g in groups for c in g["candidates"]])
    xlsx_download(t("wb.download"), {t("wb.sheet_leads"): lead_df, t("wb.sheet_history"): history_df,
                                      t("wb.sheet_candidates"): cand_df},
                  file_name=f"chainkg-workbench-{cluster or 'all'}.xlsx", key="wb_xlsx", page=t("wb.header"),
                  cluster=cluster)


def landing_section(cluster: str | None, segn: dict[str, str]) -> None:
    """What changes if the firms at the chosen pipeline stages land (a what-if on the store's data)."""
    st.subheader(t("wb.whatif"))
    stages = st.multiselect(t("wb.whatif_stages"), [s for s in STAGES if s != "放弃"], default=list(LANDING_STAGES),
                            format_func=stage_label, key="wb_stages", placeholder=t("common.choose"))
    if stages:
        res = common.kg().pipeline_what_if(cluster, tuple(stages))
        if lang() == "en":  # the service's summary is Chinese sentences: say the same from its figures
            firms = list(dict.fromkeys(x["enterprise_name"] or x["enterprise"] for x in res["leads"]))
            st.markdown(f"**{t('wb.whatif_en_none', stages=', '.join(map(stage_label, stages)))}**" if not res["leads"]
                        else f"**{t('wb.whatif_en_some', n=len(firms), names=', '.join(firms))}**")
        else:
            st.markdown("\n".join(f"- {s}" if i else f"**{s}**" for i, s in enumerate(res["summary"])))
        m1, m2 = st.columns(2)
        m1.metric(t("wb.closed"), len(res["closed"]))
        m2.metric(t("wb.filled"), len(res["filled"]))
        if res["changes"]:
            st.caption(t("wb.whatif_changes"))
            st.dataframe(pd.DataFrame([{
                t("common.segment"): segn.get(c["segment_id"], c["segment"]), t("wb.change"): t(f"wb.change.{c['change']}"),
                t("wb.kind_before"): marked(c["kind_before"]) if c.get("kind_before") else "—",
                t("wb.kind_after"): marked(c["kind_after"]) if c.get("kind_after") else "—",
                t("wb.strength_delta"): "—" if c.get("strength_delta") is None else f"{common.points(c['strength_delta']):+d}"} for c in res["changes"]]), hide_index=True)


st.header(t("wb.header"))
st.caption(t("wb.intro"))
common.data_language_note()
WRITER = can_write(t)  # editing leads needs the write token (or dev mode), like the API
if msg := st.session_state.pop("wb_saved", None):
    st.success(msg)
ids, labels = common.cluster_options(with_all=True)
segn = common.segment_names()
cluster = st.selectbox(t("common.cluster"), ids, format_func=labels.get, key="wb_cluster")
groups = common.kg().workbench(cluster)

if not groups:  # why: what is loaded, what a census needs — the API's ``reason`` on an empty /workbench
    st.info(common.kg().why_no_candidates(cluster)["en" if lang() == "en" else "zh"])
else:
    by_seg = {g["segment_id"]: g for g in groups}
    pick = st.selectbox(t("wb.segment"), list(by_seg), key="wb_segment", format_func=lambda s: t(
        "wb.segment_option", segment=segn.get(s, by_seg[s]["segment"]), verdict=marked(by_seg[s]["kind"]),
        n=len(by_seg[s]["candidates"])))
    group = by_seg[pick]
    for c in group["candidates"]:
        lead = c.get("lead")
        title = t("wb.rank_line", rank=c["rank"], name=c["name"], score=c["score"], city=common.place(c.get("city"), "—"))
        if lead:
            title += f" · {stage_label(lead['stage'])}"
        with st.expander(title, expanded=c["rank"] == 1):
            card(c)
            lead_form(group, c)

leads = common.kg().leads(cluster)
if not groups and not leads:  # nothing to work on yet: say where the candidates come from, not empty tables
    st.page_link("views/importer.py", label=t("wb.to_import"), icon=":material/upload_file:")
else:
    pipeline_section(cluster, groups, leads, segn)
    landing_section(cluster, segn)

st.divider()
report_downloads(cluster, key="wb_report")  # the cluster's 产业链招商分析报告, with the leads as they stand
