"""产业链全景 Chain panorama: one cluster's chain as a graph (upstream → downstream columns), with a
segment's enterprises, technologies and strength evidence below."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st
from streamlit_agraph import Config, Edge, Node, agraph

from ui import common
from ui.i18n import KIND_COLOURS, kind_label, name, stage_label, bi, t

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


def node_size(gap: dict | None, max_out: float, max_firms: int) -> float:
    if gap is None:
        return 8
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
    kind = g["kind"] if g else "missing"
    x, y = pos[s["id"]]
    ev = g["evidence"] if g else {}
    nodes.append(Node(
        id=s["id"], label=name(s), size=node_size(g, max_out, max_firms), color=KIND_COLOURS[kind], x=x, y=y,
        title=f"{name(s)} · {stage_label(s['stage'])} · {kind_label(kind)} · {t('common.strength')} "
              f"{(g or {}).get('strength', 0):.2f} · {t('gap.local_firms')} {ev.get('local_firms', 0)}",
        font={"size": 15 if s["level"] == 1 else 12, "face": "Noto Sans CJK SC, sans-serif",
              "background": "rgba(255,255,255,0.85)", "bold": s["level"] == 1},
        physics=False))
edges = [Edge(source=f["from"], target=f["to"], color={"color": "#8796a5", "opacity": 0.35, "highlight": "#1f77b4"},
              width=1, arrows="to", smooth=False, title=f.get("reason") or "") for f in detail["feeds"]]
edges += [Edge(source=s["id"], target=s["parent"], color={"color": "#b8c2cc", "opacity": 0.6}, dashes=True, width=1, arrows="", smooth=False)
          for s in segments if s["parent"]]
height = max(420, (max(y for _, y in pos.values()) + 2 * ROW_H) if pos else 420)
config = Config(width="100%", height=height, directed=True, physics=False, hierarchical=False,
                interaction={"hover": True, "zoomView": True, "dragView": True, "navigationButtons": False})
config.width = "100%"
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
c1.metric(t("common.kind"), kind_label(g["kind"]) if g else "—")
c2.metric(t("common.strength"), f"{g['strength']:.2f}" if g else "—")
c3.metric(t("gap.local_firms"), g["evidence"]["local_firms"] if g else 0)
c4.metric(t("pan.weight"), f"{seg['weight']:.2f}")
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
            t("common.segment"): segn.get(e["_segment"], e["_segment"]), t("common.enterprise"): e["name"], t("common.local"): t("common.yes") if e.get("local") else t("common.no"),
            t("common.county"): e.get("county") or e.get("city") or "", t("common.tags"): "、".join(e.get("tags", [])),
            t("pan.link_method"): e["link"].get("method", ""), t("pan.confidence"): e["link"].get("confidence"),
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
        st.markdown(f"**{t('common.rule')}:** {bi(ev.get('rule', ''))}")
        st.json({k: v for k, v in ev.items() if k != "rule"}, expanded=True)
