"""产业链全景 Chain panorama: one cluster's chain as a graph (upstream → downstream columns), with a
segment's enterprises, technologies and strength evidence below."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st
from streamlit_agraph import Config, Edge, Node, agraph

from ui import common
from ui.i18n import (KIND_COLOURS, KINDS, action_text, kind_label, local_label, method_label, name, rule_text,
                     stage_label, t, verdict_label)

STAGES = ("上游", "中游", "下游")
COL_W, LEVEL_DX, ROW_H = 360, 95, 62


def layout(segments: list[dict]) -> dict[str, tuple[int, int]]:
    """x by stage column (children indented by level), y by depth-first order within the column."""
    by_id = {s["id"]: s for s in segments}
    children: dict[str | None, list[dict]] = {}
    for s in segments:
        children.setdefault(s["parent"] if s["parent"] in by_id else None, []).append(s)
    pos: dict[str, tuple[int, int]] = {}
    rows = {st_: 0 for st_ in STAGES}

    def place(s: dict, depth: int) -> None:
        col = STAGES.index(s["stage"]) if s["stage"] in STAGES else 1
        pos[s["id"]] = (col * COL_W + depth * LEVEL_DX, rows[s["stage"]] * ROW_H)
        rows[s["stage"]] += 1
        for c in children.get(s["id"], []):
            place(c, depth + 1)

    for stage in STAGES:
        for s in children.get(None, []):
            if s["stage"] == stage:
                place(s, 0)
    return pos


def node_style(kind: str) -> dict:
    """vis-network node colours: filled by verdict; ``unknown`` hollow with a dashed grey outline (the data
    cannot tell), so it never looks like ``missing`` (solid red)."""
    c = KIND_COLOURS[kind]
    if kind == "unknown":
        return {"color": {"background": "#ffffff", "border": c, "highlight": {"background": "#f1f3f4", "border": "#5f6368"},
                          "hover": {"background": "#f1f3f4", "border": "#5f6368"}},
                "borderWidth": 2, "shapeProperties": {"borderDashes": [3, 3]}}
    return {"color": {"background": c, "border": c, "highlight": {"background": c, "border": "#1f2937"},
                      "hover": {"background": c, "border": "#1f2937"}}, "borderWidth": 1}


def legend_html() -> str:
    """A colour key for the graph (the hollow dashed circle for 未发现 included)."""
    items = [f'<span style="white-space:nowrap;margin-right:1.1em;display:inline-block">'
             f'{common.kind_dot(k)}{kind_label(k)}</span>' for k in KINDS]
    return f'<div style="font-size:0.88rem;line-height:1.8">{"".join(items)}</div>'


def node_size(gap: dict | None, max_out: float, max_firms: int) -> float:
    if gap is None or gap["kind"] == "unknown":
        return 9
    ev = gap["evidence"]
    if max_out > 0:
        return 8 + 14 * math.sqrt((ev.get("local_output") or 0) / max_out)
    return 8 + 14 * math.sqrt(ev.get("local_firms", 0) / max_firms) if max_firms else 8


st.header(t("pan.header"))
ids, labels = common.cluster_options()
cluster = st.selectbox(t("common.cluster"), ids, format_func=labels.get, key="pan_cluster")
detail = common.cluster_detail(cluster)
result = common.analyze(cluster, ("gaps",))
gaps = {g["segment_id"]: g for g in result["gaps"]}
segments = detail["segments"]
pos = layout(segments)
max_out = max((g["evidence"].get("local_output") or 0 for g in gaps.values()), default=0)
max_firms = max((g["evidence"].get("local_firms", 0) for g in gaps.values()), default=0)

nodes = []
for s in segments:
    g = gaps.get(s["id"])
    kind = g["kind"] if g else "unknown"
    x, y = pos[s["id"]]
    ev = g["evidence"] if g else {}
    strength = "—" if kind == "unknown" or not g else f"{g['strength']:.2f}"
    verdict = verdict_label(g, marker=False) if g else kind_label(kind)
    nodes.append(Node(
        # sub-segments sit one row (ROW_H) apart: keep their dots small enough not to cover the next label
        id=s["id"], label=name(s), size=min(node_size(g, max_out, max_firms), 22 if s["level"] == 1 else 13), x=x, y=y,
        **node_style(kind),
        title=f"{name(s)} · {stage_label(s['stage'])} · {verdict} · {t('common.strength')} "
              f"{strength} · {t('gap.local_firms')} {ev.get('local_firms', 0)}",
        font={"size": 15 if s["level"] == 1 else 12, "face": "Noto Sans CJK SC, sans-serif",
              "background": "rgba(255,255,255,0.85)", "bold": s["level"] == 1},
        widthConstraint={"maximum": 190 if s["level"] == 1 else 160},  # long English names wrap, not run off
        physics=False))
edges = [Edge(source=f["from"], target=f["to"], color={"color": "#8796a5", "opacity": 0.35, "highlight": "#1f77b4"},
              width=1, arrows="to", smooth=False, title=f.get("reason") or "") for f in detail["feeds"]]
edges += [Edge(source=s["id"], target=s["parent"], color={"color": "#b8c2cc", "opacity": 0.6}, dashes=True, width=1, arrows="", smooth=False)
          for s in segments if s["parent"]]
height = max(420, (max(y for _, y in pos.values()) + 2 * ROW_H) if pos else 420)
config = Config(width="100%", height=height, directed=True, physics=False, hierarchical=False,
                interaction={"hover": True, "zoomView": True, "dragView": True, "navigationButtons": False})
config.width = "100%"
st.markdown(legend_html(), unsafe_allow_html=True)
st.caption(t("pan.legend"))
clicked = agraph(nodes=nodes, edges=edges, config=config)

seg_ids = [s["id"] for s in sorted(segments, key=lambda s: (STAGES.index(s["stage"]), pos[s["id"]][1]))]
seg_names = {s["id"]: f"{stage_label(s['stage'])} · {name(s)}" for s in segments}
key = f"pan_seg_{cluster}"
if clicked in seg_ids and st.session_state.get("pan_last_click") != clicked:
    st.session_state["pan_last_click"] = clicked
    st.session_state[key] = clicked
if st.session_state.get(key) not in seg_ids:
    st.session_state.pop(key, None)
sid = st.selectbox(t("pan.select"), seg_ids, format_func=seg_names.get, key=key)

sd = common.segment_detail(sid)
seg, g = sd["segment"], gaps.get(sid)
st.subheader(f"{t('pan.detail')}: {name(seg)}")
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("common.kind"), kind_label(g["kind"]).split(" (")[0] if g else "—",
          help=verdict_label(g, marker=False) if g else None)
c2.metric(t("common.strength"), f"{g['strength']:.2f}" if g and g["kind"] != "unknown" else "—")
c3.metric(t("gap.local_firms"), g["evidence"]["local_firms"] if g else 0)
c4.metric(t("pan.weight"), f"{seg['weight']:.2f}")
if g:
    cov = g.get("coverage") or {}
    st.markdown(f"{common.kind_dot(g['kind'])}**{verdict_label(g, marker=False)}** — {rule_text(g['evidence'])}",
                unsafe_allow_html=True)
    st.caption(f"{t('gap.coverage')}: {t('gap.firms_known')} {cov.get('firms_known', 0)} · "
               f"{t('gap.firms_output')} {cov.get('firms_with_output', 0)} · {t('gap.as_of')} {cov.get('as_of') or '—'} · "
               f"{t('gap.datasets')}: {'、'.join(cov.get('datasets') or []) or '—'}")
    if g.get("action"):
        st.info(f"{t('gap.action')}: {action_text(g, labels.get(g['cluster']))}")
st.caption(f"{t('pan.products')}: {'、'.join(seg['products']) or '—'} · {t('common.source')}: {seg['source']}"
           + (f" · {t('pan.weight')}: {seg['weight_reason']}" if seg.get("weight_reason") else ""))
segn = common.segment_names()
if sd["feeds_from"] or sd["feeds_to"]:
    st.caption(f"{t('pan.feeds_from')}: {'、'.join(segn.get(x, x) for x in sd['feeds_from']) or '—'}  |  "
               f"{t('pan.feeds_to')}: {'、'.join(segn.get(x, x) for x in sd['feeds_to']) or '—'}")

# firms of the segment and of its sub-segments (the strength figures count the whole subtree)
firms, total, todo = [], 0, [sid]
while todo:
    cur = todo.pop(0)
    d = sd if cur == sid else common.segment_detail(cur)
    total += d["enterprise_total"]
    firms += [e | {"_segment": cur} for e in d["enterprises"]]
    todo += d["children"]
tab_e, tab_t, tab_g = st.tabs([f"{t('pan.enterprises')} ({total})",
                               f"{t('pan.technologies')} ({len(sd['technologies'])})", t("pan.gap_evidence")])
with tab_e:
    if firms:
        st.dataframe(pd.DataFrame([{
            t("common.segment"): segn.get(e["_segment"], e["_segment"]), t("common.enterprise"): e["name"], t("ent.location"): local_label(e),
            t("common.county"): e.get("county") or e.get("city") or "", t("common.tags"): "、".join(e.get("tags", [])),
            t("pan.link_method"): method_label(e["link"].get("method")), t("pan.confidence"): e["link"].get("confidence"),
            t("common.evidence"): e["link"].get("evidence", ""), t("common.source"): e["link"].get("source", ""),
        } for e in firms]), hide_index=True)
    else:
        st.info(t("pan.no_firms"))
with tab_t:
    if sd["technologies"]:
        st.dataframe(pd.DataFrame([{
            t("common.technology"): x["name"], t("common.status"): x["status"] + ("" if x["status_certain"] else " *"),
            t("ck.chokepoint"): t("common.yes") if x["chokepoint"] else t("common.no"),
            t("common.source"): x["source"]} for x in sd["technologies"]]), hide_index=True)
    else:
        st.info(t("pan.no_tech"))
with tab_g:
    if g:
        ev = g["evidence"]
        st.markdown(f"**{t('common.rule')}:** {rule_text(ev)}")
        st.json({k: v for k, v in ev.items() if k not in ("rule", "rule_en")}, expanded=True)
