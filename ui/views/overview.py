"""总览 Overview: the seven clusters' key figures, gaps by kind, county distribution, 2025 targets."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ui import common
from ui.label_wrap import wrap
from ui.i18n import KIND_COLOURS, KINDS, STRINGS, basis_label, kind_label, lang, name, population_label, t
from ui.i18n_ui import TARGET_EN
from etl.dataset import composition_parts


#: target ids renamed in ontology/policy.yaml (magnitude: 千亿 = hundred-billion, 百亿 = ten-billion) → the old key
_TARGET_EN_OLD = {"hundred-billion-clusters-2025": "billion-clusters-2025",
                  "ten-billion-pillar-industries-2019": "pillar-industries-100b"}


def target_name(x: dict) -> str:
    if lang() != "en":
        return x["name"]
    return TARGET_EN.get(x["id"]) or TARGET_EN.get(_TARGET_EN_OLD.get(x["id"], ""), x["name"])


def unit_label(unit: str) -> str:
    return t(f"unit.{unit}") if f"unit.{unit}" in STRINGS else unit


def kind_short(kind: str) -> str:
    """The verdict's label without its explanation in brackets (cards are narrow)."""
    return kind_label(kind).split(" (")[0]


def _parts(d: dict) -> str:
    """A dataset's composition, the parts it has (etl.dataset.PLACES order), joined by " + "."""
    parts = [t(f"ov.part_{key.removeprefix('firms_')}", n=n) for key, n in composition_parts(d) or ()]
    return " + ".join(parts) or "0"


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

cs = common.kg().clusters()
dss = common.kg().datasets()
if sum(c["local_enterprises"] for c in cs) == 0:
    st.info(t("app.store_empty"))

# --- data coverage: what is loaded, and what the verdicts can claim -------------------------------
st.subheader(t("ov.coverage"))
st.caption(t("ov.coverage_intro"))
cluster_names = {c["id"]: name(c) for c in cs}
if dss:
    st.dataframe(pd.DataFrame([{
        t("ov.ds_name"): common.dataset_name(d["name"]), t("ov.ds_population"): population_label(d.get("population")),
        t("ov.ds_region"): common.place(d.get("region"), "—"), t("ov.ds_as_of"): d.get("as_of") or "—",
        t("ov.ds_census"): t("ov.ds_is_census") if d.get("census") else t("ov.ds_is_sample"),
        t("ov.ds_firms"): d.get("firms", 0),
        t("ov.ds_clusters"): common.list_sep().join(cluster_names.get(x, x) for x in d.get("clusters") or []) or t("common.all"),
        } for d in dss]), hide_index=True, width="stretch",
        row_height=common.WRAP_ROW_PX,  # long names wrap (up to three lines) instead of being cut
        # every column's width set, 870 px in all (a 17-character name such as A股上市公司（台州以外，招商候选） on one line): the table fits the main column at 1366 px (≈ 900 px)
        # (English names run longer: a name the grid measures as just fitting is drawn cut, not wrapped)
        column_config=common.text_widths(**({t("ov.ds_name"): 265, t("ov.ds_population"): 115, t("ov.ds_region"): 90,
                                             t("ov.ds_as_of"): 90, t("ov.ds_census"): 130, t("ov.ds_clusters"): 110}
                                            if lang() == "zh" else
                                            {t("ov.ds_name"): 310, t("ov.ds_population"): 120, t("ov.ds_region"): 80,
                                             t("ov.ds_as_of"): 80, t("ov.ds_census"): 110, t("ov.ds_clusters"): 100}))
        | {t("ov.ds_firms"): st.column_config.NumberColumn(width=70)})
    # a source is a sentence of its own (often longer than three lines of a cell): one line each below
    # and what its firms are: a 台州市 list of 122 firms may hold 64 outside and 3 cancelled (etl.dataset.composition)
    st.caption("  \n".join(line for d in dss for line in (
        f"{t('common.source')} · {common.dataset_name(d['name'])}{common.colon()}{common.dataset_source(d)}",
        *([t("ov.ds_parts", name=common.dataset_name(d["name"]), firms=d.get("firms", 0), parts=_parts(d))]
          if d.get("firms_local") is not None else []))))
else:
    st.info(t("ov.ds_none"))
cov_left, cov_right = st.columns([3, 2])
with cov_left:
    st.markdown(f"**{t('ov.basis_table')}**")
    st.dataframe(pd.DataFrame([{
        t("common.cluster"): name(c), t("ov.basis"): basis_label(c["basis"].get("label")),
        t("ov.adequate"): (t("ov.adequate_no") if not c["basis"].get("adequate") else
                           t("ov.adequate_list") if c["basis"].get("scope") == "cluster" else t("ov.adequate_yes")),
        t("ov.local_enterprises"): c["local_enterprises"]}  # as-of dates: in the table above and on each card
        for c in cs]), hide_index=True, width="stretch", row_height=common.WRAP_ROW_PX,  # the "can it show gaps" answer wraps
        height=common.WRAP_ROW_PX * len(cs) + 40,  # all seven clusters, no scrolling inside
        column_config=common.text_widths(**{t("ov.adequate"): 210 if lang() == "zh" else 135,
                                                                          t("ov.basis"): 110,
                                                                          **({} if lang() == "zh" else {t("common.cluster"): 190})}))
with cov_right:
    if not all(c["basis"].get("adequate") for c in cs):
        with st.container(border=True):
            st.markdown(f"**{t('ov.howto_title')}**")
            done = [name(c) for c in cs if c["basis"].get("adequate")]
            body = t("ov.howto")
            if done:  # a census covers some clusters already: the box speaks of the others only
                lead = t("ov.howto_except", done=common.list_sep().join(done))
                body = lead + (body[0].lower() + body[1:] if lang() == "en" else body)
            st.markdown(body)
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
            a.metric(t("ov.local_enterprises"), t("common.n_firms", n=c["local_enterprises"]))
            if c["leading_firms"] == 0 and not c.get("firms_with_output"):
                b.metric(t("ov.leading"), t("ov.leading_na"), help=t("ov.leading_na_help"))
            else:
                b.metric(t("ov.leading"), t("common.n_firms", n=c["leading_firms"]), help=t("ov.leading_help"))
            out, k, n = c.get("local_output"), c.get("firms_with_output") or 0, c["local_enterprises"]
            if out is not None:
                line = t("ov.output_line", out=f"{out:,.0f}", k=k)
            elif k:
                line = t("ov.output_few", k=k, n=n)
            else:
                line = t("ov.output_none")
            st.caption(f"{t('ov.segments_line', n=c['segments'])} · {line}")  # the colon of the page's language
            st.markdown(verdict_counts(c["gaps"]), unsafe_allow_html=True)

with st.expander(t("ov.evidence")):
    st.markdown(t("ov.evidence_text"))
    for c in cs:
        st.markdown(f"**{name(c)}** — {t('ov.directions')}{common.colon()}{'、'.join(c['directions'])}")
        st.caption(f"{t('common.source')}{common.colon()}{c['source']}")

with st.container():
    st.subheader(t("ov.gaps_chart"))
    df = pd.DataFrame([{t("common.cluster"): name(c), t("common.kind"): kind_short(k), "n": c["gaps"][k],
                        "order": KINDS.index(k)} for c in cs for k in KINDS])
    chart = alt.Chart(df).mark_bar().encode(
        y=alt.Y(f"{t('common.cluster')}:N", sort=[name(c) for c in cs], axis=alt.Axis(labelOverlap=False, labelLimit=200)),
        x=alt.X("n:Q", title=t("ov.segments")),
        color=alt.Color(f"{t('common.kind')}:N", sort=[kind_short(k) for k in KINDS],
                        scale=alt.Scale(domain=[kind_short(k) for k in KINDS], range=[KIND_COLOURS[k] for k in KINDS]),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=220)),
        order="order:Q", tooltip=[t("common.cluster"), t("common.kind"), "n"])
    st.altair_chart(chart.properties(height=320), width="stretch")
with st.container():  # full width: seven cluster columns with readable names
    st.subheader(t("ov.county_chart"))
    counties = list(common.kg().onto.counties.values())
    dist = common.kg().county_distribution()  # one grouped, cached call: no firm left out
    total_local, per_county, unknown_all = dist["total"], dist["counties"], dist["no_county"]
    per_cell = {c["id"]: dist["clusters"].get(c["id"], {}) for c in cs}
    county_label = {c.short: f"{common.county_label(c.short)} ({per_county[c.short]})" for c in counties}
    county_label[None] = f"{t('ov.county_unknown')} ({unknown_all})"
    rows_y = [county_label[c.short] for c in counties] + [county_label[None]]
    # column names wrapped onto short lines ("|" marks a break: see labelExpr), so neighbours never run together
    wrapped = {c["id"]: "|".join(wrap(name(c), 9)) for c in cs}
    cl_names = [wrapped[c["id"]] for c in cs]
    ddf = pd.DataFrame([{t("common.county"): county_label[k], "col": wrapped[c["id"]], t("common.cluster"): name(c),
                         t("ov.county_firms"): n, "unknown": k is None}
                        for c in cs for k, n in per_cell[c["id"]].items()])
    top = max(int(ddf[t("ov.county_firms")].max()), 1)
    ddf["dark"] = ddf[t("ov.county_firms")] > top * 0.5  # white figures on the dark cells
    ddf["zero"] = ddf[t("ov.county_firms")] == 0          # zeros faded
    base = alt.Chart(ddf).encode(
        x=alt.X("col:N", sort=cl_names, title=None,
                axis=alt.Axis(orient="bottom", labelAngle=0, labelLimit=200, labelOverlap=False, labelPadding=6,
                              labelBaseline="top", labelExpr="split(datum.label, '|')")),
        y=alt.Y(f"{t('common.county')}:N", sort=rows_y, title=None, axis=alt.Axis(labelLimit=220, labelOverlap=False)),
        tooltip=[t("common.county"), t("common.cluster"), t("ov.county_firms")])
    cells = base.mark_rect(stroke="#ffffff", strokeWidth=1.5).encode(
        color=alt.condition("datum.unknown", alt.value("#e5e7eb"),
                            alt.Color(f"{t('ov.county_firms')}:Q", scale=alt.Scale(range=["#f8fafc", "#1d4e89"], domainMin=0),
                                      legend=None)))
    labels_ = base.mark_text(fontSize=12).encode(text=alt.Text(f"{t('ov.county_firms')}:Q", format="d"),
                                                 color=alt.condition("datum.dark", alt.value("#ffffff"), alt.value("#111827")),
                                                 opacity=alt.condition("datum.zero", alt.value(0.35), alt.value(1.0)))
    st.altair_chart((cells + labels_).properties(height=32 * len(rows_y) + 50), width="stretch")
    st.caption(t("ov.county_note", total=total_local, unknown=unknown_all))

# --- action-plan targets: progress against actual figures (ChainKG.policy_progress) ---------
_PT = {"note": ("下表为《台州市制造业高质量发展行动计划(2020—2025年)》（台政办发〔2019〕58号）的目标及原文条款。"
                "计划期已于 2025 年结束：有实际值的指标给出进度与判定（已完成 / 未完成），并注明实际值的来源；"
                "没有公开来源数字的指标标为“数据中无”，不作推测。公开来源的实际值随内置数据载入；"
                "有统计公报等新来源时，可由系统管理员连同来源一并导入，进度和判定随之更新。",
                "Targets of the 2020–2025 action plan (台政办发〔2019〕58号) with their clauses. The plan period "
                "ended in 2025: where an actual figure exists the table shows progress and whether the target was "
                "achieved, with the figure's source; where no public source states a figure it says so. Figures "
                "from public sources load with the bundled data; when a new source (a statistical bulletin) appears, an "
                "administrator imports the figure with its source and progress follows."),
       "details": ("各项目标的条款原文与实际值来源", "Each target's clause (original Chinese) and the source of its figure"),
       "progress": ("进度", "Progress"), "status": ("判定", "Verdict"), "source": ("实际值来源", "Source of the figure"),
       "achieved": ("已完成", "achieved"), "not_achieved": ("未完成", "not achieved"),
       "reached_early": ("期中已达到（目标年数据中无）", "reached before the target year (no figure for it)"),
       "no_data": ("数据中无", "no data"), "current": ("现状值（非目标）", "current value (not a target)"),
       "summary": ("共 {n} 项目标：已完成 {a} 项，期中已达到 {e} 项（目标年数据中无），未完成 {b} 项，数据中无 {c} 项；"
                   "另有 {d} 项为计划印发时的现状值。",
                   "{n} targets: {a} achieved, {e} reached before the target year (no figure for it), {b} not "
                   "achieved, {c} without data; {d} more are values that existed when the plan was written.")}


def _pt(key: str, **fmt: object) -> str:
    zh, en = _PT[key]
    return (en if lang() == "en" else zh).format(**fmt)


def _target_text(x: dict) -> str:
    """目标值 as the plan states it: a range (1–2), a qualifier (以上, 左右, 确保不少于)."""
    num = f"{x['low']:g}–{x['high']:g}" if x.get("high") is not None else f"{x['value']:g}"
    q = x.get("qualifier")
    if not q:
        return num
    if lang() == "en":  # the plan's words, in English where we know them (else as written)
        return _QUALIFIER_EN.get(q, "{n} " + q).format(n=num)
    return f"{num} {q}"


#: the plan's qualifiers of a target value (ontology/policy.yaml), in English
_QUALIFIER_EN = {"以上": "{n} or more", "左右": "about {n}", "确保不少于": "no less than {n}"}


def _actual_text(x: dict) -> str:
    if x["actual"] is None:
        return t("ov.current_na")
    return f"{x['actual']:g} ({x['actual_year']})"


st.subheader(t("ov.targets"))
st.info(_pt("note"))
_progress = common.kg().policy_progress()  # the store's figures, each with its source
_counts = {k: sum(x["status"] == k for x in _progress)
           for k in ("achieved", "reached_early", "not_achieved", "no_data", "current")}
st.caption(_pt("summary", n=len(_progress) - _counts["current"], a=_counts["achieved"], b=_counts["not_achieved"],
               c=_counts["no_data"], d=_counts["current"], e=_counts["reached_early"]))
tdf = pd.DataFrame([{t("ov.target_name"): target_name(x), t("ov.target_value"): _target_text(x),
                     t("ov.target_unit"): unit_label(x["unit"]), t("ov.target_year"): x["year"],
                     t("ov.target_current"): _actual_text(x),
                     _pt("progress"): "—" if x["progress"] is None else f"{round(100 * x['progress'])}%",
                     _pt("status"): _pt(x["status"]), _pt("source"): x.get("source") or "—",
                     t("ov.target_clause"): x["clause"]} for x in _progress])
# on screen the figures (names and verdicts wrap, nothing cut at 1366 px: every width set, 870 px in
# all); the clause and the figure's source — sentences longer than a cell — one line per target below
st.dataframe(tdf, hide_index=True, width="stretch", row_height=common.WRAP_ROW_PX, height=common.WRAP_ROW_PX * 12 + 40,
             column_order=[c for c in tdf.columns if c not in (_pt("source"), t("ov.target_clause"))],
             column_config={t("ov.target_year"): st.column_config.NumberColumn(width=60, format="%d"),
                            _pt("progress"): st.column_config.TextColumn(width=80),
                            **common.text_widths(**{t("ov.target_name"): 230, t("ov.target_value"): 110, t("ov.target_unit"): 100,
                                                    t("ov.target_current"): 120, _pt("status"): 170})})
with st.expander(_pt("details")):
    st.markdown("\n".join(f"- **{target_name(x)}** — {t('ov.target_clause')}{common.colon()}{x['clause']}"
                          + (f" · {_pt('source')}{common.colon()}{x['source']}" if x.get("source") else "") for x in _progress))
