"""The chain picture of the panorama page: one cluster's segments as boxes in three stage columns
(上游 → 中游 → 下游), coloured by verdict, with the local firm count on each box and the legend on
the chart. A Plotly figure (plotly.js ships inside the Python package: it draws offline).

Readable at a glance, by construction:

* stage columns with headings; a sub-segment sits indented under its parent, in the same column;
* a box's colour is its verdict (:data:`ui.i18n.KIND_COLOURS`): 缺失 red, 单点依赖 orange, 薄弱
  yellow, 已有 blue, 较强 green; 未发现 is white with a dashed grey outline — never red;
* labels are wrapped to the box (CJK by character, English by word) and the box grows to fit, so
  nothing overlaps and nothing is cut off at the narrowest layout (about 600 px of chart);
* supply links (FEEDS) are not all drawn at once (they would tangle on the hub segments): only
  those of the selected segment, as arrows into and out of it;
* every box is clickable: invisible markers cover it, each carrying the segment id as
  ``customdata`` (``st.plotly_chart(on_select=...)`` reports them).

Pure: no Streamlit call, the language is a parameter, so tests can build and read the figure.
Where the boxes go is :mod:`ui.chain_layout`, how a label wraps :mod:`ui.label_wrap`; this module
draws: columns, boxes, badges, the selected segment's links, click targets, the legend.
"""

from __future__ import annotations

import plotly.graph_objects as go

from graph.analytics.strength import GAP_KINDS, GAP_LABELS, GAP_LABELS_EN, KIND_COLOURS
from ui.chain_layout import (BADGE_PAD_PX, FONT_PX, GAP, HEADER, PAD_Y, STAGES, Box, badge_anchor, layout_boxes,
                             order_segments)

__all__ = ["build_figure", "kind_short", "COLOURS", "order_segments", "selected_segment"]

STAGE_EN = {"上游": "Upstream", "中游": "Midstream", "下游": "Downstream"}
FONT = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"

#: the verdict colours (defined once in graph.analytics.strength; importable without Streamlit)
COLOURS = KIND_COLOURS
#: label colour on each fill (dark on the light fills)
TEXT_ON = {"missing": "#ffffff", "unknown": "#374151", "single_point": "#1f2937", "weak": "#1f2937",
           "present": "#ffffff", "strong": "#ffffff"}


def kind_short(kind: str, en: bool) -> str:
    return (GAP_LABELS_EN[kind].split(" (")[0]) if en else GAP_LABELS[kind]


def _hover(b: Box, en: bool, strength: float | None, verdict: str) -> str:
    firms = f"{b.firms} local firms" if en else f"本地企业 {b.firms} 家"
    st = "" if strength is None else (f" · strength {strength:.2f}" if en else f" · 强度 {strength:.2f}")
    stage = STAGE_EN[b.stage] if en else b.stage
    return f"<b>{b.label}</b><br>{stage} · {verdict}<br>{firms}{st}"


def build_figure(segments: list[dict], gaps: dict[str, dict], feeds: list[dict], *, en: bool = False,
                 selected: str | None = None, labels: dict[str, str] | None = None,
                 verdicts: dict[str, str] | None = None) -> go.Figure:
    """The chain picture. ``gaps``: the segment's gap row (kind, strength, evidence.local_firms) by id;
    ``labels``: display names by id (default: name / name_en); ``verdicts``: hover text of the verdict."""
    if labels is None:
        labels = {s["id"]: (s.get("name_en") or s["name"]) if en else s["name"] for s in segments}
    kinds = {sid: g["kind"] for sid, g in gaps.items()}
    firms = {sid: int((g.get("evidence") or {}).get("local_firms") or 0) for sid, g in gaps.items()}
    boxes, height = layout_boxes(segments, kinds, firms, labels)
    by_id = {b.sid: b for b in boxes}
    fig = go.Figure()
    shapes, notes = [], []

    # stage columns: a light band and a heading each, an arrow between the headings
    for i, stage in enumerate(STAGES):
        shapes.append(dict(type="rect", xref="x", yref="y", x0=i + GAP / 4, x1=i + 1 - GAP / 4, y0=4, y1=height,
                           fillcolor="#f5f7fa", line=dict(width=0), layer="below"))
        n = sum(1 for b in boxes if b.stage == stage)
        head = STAGE_EN[stage] if en else stage
        notes.append(dict(x=i + 0.5, y=HEADER / 2 + 2, xref="x", yref="y", showarrow=False,
                          text=f"<b>{head}</b><br><span style='color:#6b7280;font-size:11px'>"
                               f"{n} {'segments' if en else '个环节'}</span>",
                          font=dict(size=15, color="#111827", family=FONT)))
        if i < 2:
            notes.append(dict(x=i + 1 + 0.07, y=HEADER / 2 - 6, ax=i + 1 - 0.07, ay=HEADER / 2 - 6, xref="x", yref="y", axref="x", ayref="y", text="",
                              showarrow=True, arrowhead=2, arrowsize=1.2, arrowwidth=2, arrowcolor="#9ca3af"))

    # boxes: fill by verdict (未发现 hollow, dashed grey), the selected one with a heavy dark outline
    neighbours = {f["from"] for f in feeds if f["to"] == selected} | {f["to"] for f in feeds if f["from"] == selected}
    for b in boxes:
        c = COLOURS.get(b.kind, COLOURS["unknown"])
        hollow = b.kind == "unknown"
        line = dict(color="#7b828c" if hollow else c, width=1.6, dash="dash" if hollow else "solid")
        if b.sid == selected:
            line = dict(color="#111827", width=3.2, dash="solid")
        elif b.sid in neighbours:
            line = dict(color="#4b5563", width=2.2, dash="dash" if hollow else "solid")
        shapes.append(dict(type="rect", xref="x", yref="y", x0=b.x0, x1=b.x1, y0=b.y0, y1=b.y1,
                           fillcolor="#ffffff" if hollow else c, line=line, layer="above" if b.sid == selected else "below"))
        size = FONT_PX[b.level]
        text = "<br>".join(b.lines)
        if b.level == 1:
            text = f"<b>{text}</b>"
        notes.append(dict(x=b.x0 + 0.025, y=b.y0 + PAD_Y - 1, xref="x", yref="y", xanchor="left", yanchor="top", align="left",
                          text=text, showarrow=False, font=dict(size=size, color=TEXT_ON.get(b.kind, "#111827"), family=FONT)))
        bx, by = badge_anchor(b)
        notes.append(dict(x=bx, y=by, xref="x", yref="y", xanchor="right", yanchor="bottom",
                          text=f"<b>{b.firms}</b>", showarrow=False, bgcolor="rgba(255,255,255,0.92)",
                          bordercolor="#d1d5db", borderwidth=1, borderpad=BADGE_PAD_PX,
                          font=dict(size=11, color="#111827" if b.firms else "#9ca3af", family=FONT)))

    # the selected segment's supply links, bundled: the boxes on one side (a column, in or out) join a
    # vertical bus in the gap beside them, and one arrow runs between the bus and the selected box — a
    # hub with twenty links stays readable
    if selected in by_id:
        sel = by_id[selected]
        sc = STAGES.index(sel.stage)
        groups: dict[tuple[int, bool], list[Box]] = {}
        for f in feeds:
            if selected not in (f["from"], f["to"]) or f["from"] == f["to"]:
                continue
            other = by_id.get(f["to"] if f["from"] == selected else f["from"])
            if other is not None:
                groups.setdefault((STAGES.index(other.stage), f["to"] == selected), []).append(other)
        for (oc, inbound), others in groups.items():
            shapes_, notes_ = _bus(sel, sc, oc, inbound, others)
            shapes += shapes_
            notes += notes_

    # click targets: invisible square markers across each box, the segment id as customdata
    xs, ys, ids, hover, sizes = [], [], [], [], []
    for b in boxes:
        g = gaps.get(b.sid) or {}
        strength = None if b.kind == "unknown" or not g else g.get("strength")
        verdict = (verdicts or {}).get(b.sid) or kind_short(b.kind, en)
        n = 6
        for k in range(n):
            xs.append(b.x0 + (b.x1 - b.x0) * (k + 0.5) / n)
            ys.append(b.cy)
            ids.append(b.sid)
            hover.append(_hover(b, en, strength, verdict))
            sizes.append(max(12.0, min(40.0, b.y1 - b.y0)))
    fig.add_trace(go.Scatter(
        x=xs, y=ys, mode="markers", customdata=ids, hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
        marker=dict(symbol="square", size=sizes, color="rgba(0,0,0,0)", line=dict(width=0)),
        selected=dict(marker=dict(opacity=0)), unselected=dict(marker=dict(opacity=0)),
        showlegend=False, name="segments"))

    # the legend, drawn on the chart (two rows of three, so it never runs off a narrow chart): a swatch
    # per verdict in its colour, 未发现 hollow grey; then what the number on a box means
    for i, k in enumerate(GAP_KINDS):
        swatch = f"<span style='color:{COLOURS[k]}'>{'□' if k == 'unknown' else '■'}</span>"
        notes.append(dict(x=0.16 + 0.28 * (i % 3), y=1.0, xref="paper", yref="paper", xanchor="left", yanchor="bottom",
                          yshift=44 - 22 * (i // 3), showarrow=False, text=f"{swatch} {kind_short(k, en)}",
                          font=dict(size=13, family=FONT, color="#111827")))
    notes.append(dict(x=0, y=1.0, xref="paper", yref="paper", xanchor="left", yanchor="bottom", yshift=44,
                      showarrow=False, text=f"<b>{'Verdict' if en else '判定'}</b>", font=dict(size=13, family=FONT)))
    count_note = "number on a box = local firms (sub-segments included)" if en else "框内数字 = 本地企业数（含子环节）"

    fig.update_layout(
        height=int(height) + 92, margin=dict(l=4, r=4, t=88, b=4), plot_bgcolor="#ffffff", paper_bgcolor="#ffffff",
        font=dict(family=FONT, size=12, color="#111827"), shapes=shapes, annotations=notes,
        xaxis=dict(range=[0, 3], visible=False, fixedrange=True),
        yaxis=dict(range=[height, 0], visible=False, fixedrange=True),
        showlegend=False,
        hovermode="closest", hoverdistance=30, dragmode=False, clickmode="event+select",
        hoverlabel=dict(bgcolor="#ffffff", font=dict(family=FONT, size=12, color="#111827"), align="left"),
    )
    fig.add_annotation(x=0, y=1.0, xref="paper", yref="paper", xanchor="left", yanchor="bottom", showarrow=False,
                       yshift=2,
                       text=f"<span style='color:#4b5563'>{count_note} · "
                            f"{'click a box for its firms, evidence and links' if en else '点击方框查看企业、证据和上下游'}</span>",
                       font=dict(size=12, family=FONT))
    return fig


LINK = "#111827"


def _arrow(x0: float, y0: float, x1: float, y1: float) -> dict:
    """An arrow annotation from (x0, y0) to (x1, y1), data coordinates."""
    return dict(x=x1, y=y1, ax=x0, ay=y0, xref="x", yref="y", axref="x", ayref="y", text="", showarrow=True,
                arrowhead=2, arrowsize=1.1, arrowwidth=1.6, arrowcolor=LINK, standoff=1, startstandoff=0)


def _line(x0: float, y0: float, x1: float, y1: float) -> dict:
    return dict(type="line", xref="x", yref="y", x0=x0, y0=y0, x1=x1, y1=y1, layer="above",
                line=dict(color=LINK, width=1.6))


def _bus(sel: Box, sc: int, oc: int, inbound: bool, others: list[Box]) -> tuple[list[dict], list[dict]]:
    """Links between the selected box (column ``sc``) and ``others`` (column ``oc``) through one bus."""
    if oc < sc:    # the others sit left: the bus in the gap right of their column
        bus, oedge = oc + 1 + (-0.022 if inbound else 0.022), "x1"
        sedge = sel.x0
    elif oc > sc:  # right: the bus in the gap left of their column
        bus, oedge = oc + (0.022 if inbound else -0.022), "x0"
        sedge = sel.x1
    else:          # the same column: a bus just right of the boxes
        bus, oedge = sc + 1 - GAP / 2 + (0.02 if inbound else 0.04), "x1"
        sedge = sel.x1
    ys = [o.cy for o in others] + [sel.cy]
    shapes = [_line(bus, min(ys), bus, max(ys))] if max(ys) > min(ys) else []
    notes = []
    for o in others:
        if inbound:
            shapes.append(_line(getattr(o, oedge), o.cy, bus, o.cy))
        else:
            notes.append(_arrow(bus, o.cy, getattr(o, oedge), o.cy))
    if inbound:
        notes.append(_arrow(bus, sel.cy, sedge, sel.cy))
    else:
        shapes.append(_line(sedge, sel.cy, bus, sel.cy))
    return shapes, notes


def selected_segment(event: object) -> str | None:
    """The segment id of a chart click (``st.plotly_chart`` selection state), if any."""
    try:
        points = event["selection"]["points"]  # type: ignore[index]
    except (KeyError, TypeError):
        points = getattr(getattr(event, "selection", None), "points", None) or []
    for p in points or []:
        cd = p.get("customdata")
        if isinstance(cd, list):
            cd = cd[0] if cd else None
        if isinstance(cd, str):
            return cd
    return None
