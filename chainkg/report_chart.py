"""The report's chain picture: a cluster's segments in 上游 / 中游 / 下游 columns (sub-segments
indented under their parent), each box coloured by its verdict, with a legend and the 口径 line.

Drawn with matplotlib (Agg, no display) in the CJK font of :mod:`chainkg.report_fonts`; returns PNG bytes.
"""

from __future__ import annotations

import io
import threading

from chainkg.report_fonts import find_cjk_font
from graph.analytics.strength import GAP_KINDS, GAP_LABELS, KIND_COLOURS
from ontology.schema import STAGES

__all__ = ["chain_png", "fit_label", "label_width", "stage_columns", "KIND_COLOURS", "KIND_MEANING", "STAGES"]

#: what each verdict means, in one short phrase (legend, report text)
KIND_MEANING = {"missing": "数据充分，本地无企业", "unknown": "数据不足，未发现本地企业",
                "single_point": "依赖一家企业", "weak": "强度低于阈值", "present": "有企业，强弱无法判断",
                "strong": "本地较强"}
_TEXT_ON = {"missing": "white", "single_point": "white", "present": "white", "strong": "white",
            "weak": "#222222", "unknown": "#555555"}
_LOCK = threading.Lock()  # pyplot's state is global


def stage_columns(segments: list[dict]) -> dict[str, list[tuple[dict, int]]]:
    """The one order of a chain picture (this report's and the UI's): per stage, 上游 → 中游 → 下游,
    the segments depth-first — a parent, then its children, in the given order — with their depth. A
    sub-segment stays in its parent's column; a segment of no known stage goes to 中游.

    >>> segs = [{"id": "b", "stage": "下游"}, {"id": "a", "stage": "上游"}, {"id": "a1", "stage": "上游", "parent": "a"},
    ...         {"id": "x", "stage": None}]
    >>> {st: [(s["id"], d) for s, d in col] for st, col in stage_columns(segs).items()}
    {'上游': [('a', 0), ('a1', 1)], '中游': [('x', 0)], '下游': [('b', 0)]}
    """
    ids = {s["id"] for s in segments}
    children: dict[str | None, list[dict]] = {}
    for s in segments:
        children.setdefault(s.get("parent") if s.get("parent") in ids else None, []).append(s)
    out: dict[str, list[tuple[dict, int]]] = {st: [] for st in STAGES}

    def walk(s: dict, depth: int, stage: str) -> None:
        out[stage].append((s, depth))
        for c in children.get(s["id"], []):
            walk(c, depth + 1, stage)

    for s in children.get(None, []):
        walk(s, 0, s.get("stage") if s.get("stage") in STAGES else "中游")
    return out


#: inches per character at the boxes' 7.2 pt: a CJK character, and a Latin letter, digit or bracket (about half)
CJK_IN, LATIN_IN = 0.105, 0.062


def label_width(text: str) -> float:
    """The drawn width of ``text`` in inches at 7.2 pt: full-width characters count twice a Latin one.

    >>> round(label_width("医药定制研发生产(CDMO/CMO)"), 2), round(label_width("电机"), 2)
    (1.46, 0.21)
    """
    return sum(LATIN_IN if ord(ch) < 0x2E80 else CJK_IN for ch in text)


def fit_label(name: str, room: float) -> str:
    """``name`` whole when it fits ``room`` inches, else cut to fit with "…" (at least six characters).
    It used to count every character as a CJK one, so 医药定制研发生产(CDMO/CMO) read 医药定制研发生产(CDMO/C…
    in a box it fits.

    >>> fit_label("医药定制研发生产(CDMO/CMO)", 1.73)
    '医药定制研发生产(CDMO/CMO)'
    >>> fit_label("工业离心泵与化工流程泵", 0.8)
    '工业离心泵与…'
    """
    if label_width(name) <= room:
        return name
    cut = name
    while len(cut) > 6 and label_width(cut) + CJK_IN > room:
        cut = cut[:-1]
    return cut.rstrip() + "…"


def chain_png(segments: list[dict], kinds: dict[str, str], *, caption: str = "", dpi: int = 200,
              counts: dict[str, int] | None = None) -> bytes:
    """PNG of the chain: ``segments`` (id, name, stage, parent), ``kinds`` segment id → verdict kind,
    ``counts`` segment id → local firms (drawn at the box's right end, as on the UI's chart)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import font_manager, pyplot as plt
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch

    font = find_cjk_font()
    with _LOCK:
        known = {f.name for f in font_manager.fontManager.ttflist}
        if font.family not in known:
            font_manager.fontManager.addfont(str(font.path))
        family = font.family if font.family in {f.name for f in font_manager.fontManager.ttflist} else None
        cols = stage_columns(segments)
        rows = max(1, max(len(v) for v in cols.values()))
        width, row_h = 7.4, 0.36
        top = 0.75
        legend_y = top + rows * row_h + 0.1
        height = legend_y + (0.7 if caption else 0.45)
        fig = plt.figure(figsize=(width, height), dpi=dpi)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, width)
        ax.set_ylim(height, 0)
        ax.axis("off")
        kw = {"family": family} if family else {"fname": str(font.path)}
        fp = font_manager.FontProperties(size=7.2, **kw)
        fp_head = font_manager.FontProperties(size=10, weight="bold", **kw)
        fp_small = font_manager.FontProperties(size=7, **kw)
        col_w, gap, indent, left = 2.3, 0.12, 0.16, 0.14
        for c, stage in enumerate(STAGES):
            x0 = left + c * (col_w + gap)
            ax.add_patch(FancyBboxPatch((x0, 0.18), col_w, 0.36, boxstyle="round,pad=0,rounding_size=0.05",
                                        fc="#eef2f7", ec="#b7c3d0", lw=0.6))
            ax.text(x0 + col_w / 2, 0.36, stage, ha="center", va="center", fontproperties=fp_head, color="#1f2d3d")
            if c < len(STAGES) - 1:
                ax.add_patch(FancyArrowPatch((x0 + col_w + 0.005, 0.36), (x0 + col_w + gap - 0.005, 0.36),
                                             arrowstyle="-|>", mutation_scale=8, color="#5b6b7c", lw=0.8))
            for r, (seg, depth) in enumerate(cols[stage]):
                kind = kinds.get(seg["id"], "unknown")
                dx = min(depth, 3) * indent
                x, y = x0 + dx, top + r * row_h
                w, h = col_w - dx, row_h * 0.8
                colour = KIND_COLOURS.get(kind, "#9aa0a6")
                hollow = kind == "unknown"
                ax.add_patch(FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0,rounding_size=0.04",
                                            fc="white" if hollow else colour, ec=colour,
                                            lw=0.9, ls=(0, (2.5, 1.5)) if hollow else "-"))
                if depth:
                    ax.plot([x - indent / 2, x - indent / 2, x], [y - row_h * 0.2, y + h / 2, y + h / 2],
                            color="#9aa7b4", lw=0.5)
                n = (counts or {}).get(seg["id"])
                if n is not None:  # the local firm count, right-aligned in the box
                    ax.text(x + w - 0.06, y + h / 2, f"{n} 家", ha="right", va="center", fontproperties=fp_small,
                            color=_TEXT_ON.get(kind, "#222222"))
                badge = 0.0 if n is None else 0.1 + 0.07 * len(f"{n} 家")
                label = fit_label(seg.get("name") or seg["id"], w - 0.1 - badge)
                ax.text(x + 0.06, y + h / 2, label, ha="left", va="center", fontproperties=fp,
                        color=_TEXT_ON.get(kind, "#222222"))
        present = [k for k in GAP_KINDS if k in set(kinds.values())] or list(GAP_KINDS)
        handles = [Patch(facecolor="white" if k == "unknown" else KIND_COLOURS[k], edgecolor=KIND_COLOURS[k],
                         linestyle="--" if k == "unknown" else "-",
                         label=f"{GAP_LABELS[k]}：{KIND_MEANING[k]}") for k in present]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(left / width, 1 - legend_y / height),
                  ncol=3, prop=fp_small, frameon=False, handlelength=1.4, columnspacing=1.2, borderaxespad=0)
        if caption:
            ax.text(left, legend_y + 0.46, caption, ha="left", va="top", fontproperties=fp_small, color="#444444")
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi)
        plt.close(fig)
    return buf.getvalue()
