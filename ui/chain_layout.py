"""Where the chain picture's boxes go: one cluster's segments in three stage columns (上游 → 中游 →
下游), a sub-segment indented under its parent, each box as tall as its wrapped label needs, the
local firm count's badge at its bottom right.

Why apart from the figure (:mod:`ui.chain_chart`): the geometry is the part with rules a test can
check on numbers alone — every label fits its box at the narrowest chart, no two boxes of a column
overlap, the badge clears the outline and the label — and it knows nothing of Plotly.

Coordinates: x in column units (a column is 1 wide), y in pixels from the top (the chart's axis is
fixed to the figure's pixel height, so a pixel here is a pixel on screen).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chainkg.report_chart import stage_columns
from ontology.schema import STAGES
from ui.label_wrap import text_width, wrap

__all__ = ["STAGES", "Box", "layout_boxes", "order_segments", "count_px", "badge_anchor"]

GAP = 0.13                 # space between two columns (for the arrows)
INDENT = 0.07              # per level below the top
HEADER = 52                # stage headings band
PAD_Y = 7                  # box padding above and below the text
LINE = {1: 18, 2: 16, 3: 16}
FONT_PX = {1: 13, 2: 12, 3: 12}
BOX_GAP, GROUP_GAP = 5, 12
#: the narrowest chart the wrapping is made for (px): the panorama's left column at 1366 px wide
MIN_PLOT_PX = 540
BADGE_INSET_PX = 8         # clear space between the firm count's badge and the box's right edge (its outline included)
BADGE_BOTTOM_PX = 5        # … and its bottom edge
BADGE_PAD_PX, BADGE_DIGIT_PX = 2, 7  # the badge's padding (plus a 1 px border) and the width of a digit at 11 px bold


def count_px(firms: int) -> float:
    """Room (px) the firm count's badge takes at a box's bottom right, its inset included."""
    return BADGE_INSET_PX + 2 * (BADGE_PAD_PX + 1) + BADGE_DIGIT_PX * len(str(firms))


def badge_anchor(b: "Box") -> tuple[float, float]:
    """Where the badge's bottom-right corner sits (x in column units, y in px): inset from both edges
    at the narrowest chart (a wider chart only adds room), so it never touches the outline."""
    return b.x1 - BADGE_INSET_PX / (MIN_PLOT_PX / 3), b.y1 - BADGE_BOTTOM_PX


@dataclass
class Box:
    sid: str
    label: str
    stage: str
    level: int
    kind: str
    firms: int
    x0: float = 0.0
    x1: float = 0.0
    y0: float = 0.0
    y1: float = 0.0
    lines: list[str] = field(default_factory=list)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


def order_segments(segments: list[dict]) -> list[dict]:
    """Stage by stage (上游 → 下游), each top-level segment followed by its sub-segments
    (:func:`chainkg.report_chart.stage_columns`, the report's order)."""
    return [s for col in stage_columns(segments).values() for s, _ in col]


def layout_boxes(segments: list[dict], kinds: dict[str, str], firms: dict[str, int], labels: dict[str, str],
                 plot_px: int = MIN_PLOT_PX) -> tuple[list[Box], float]:
    """Boxes with their positions and wrapped lines; the height (px) the columns need."""
    col_px = plot_px / 3
    boxes: list[Box] = []
    bottoms = {stage: float(HEADER + 8) for stage in STAGES}
    for stage, s, depth in ((stage, s, d) for stage, col in stage_columns(segments).items() for s, d in col):
        col = STAGES.index(stage)
        level = max(1, min(3, int(s.get("level") or depth + 1)))
        b = Box(s["id"], labels.get(s["id"], s["id"]), stage, level, kinds.get(s["id"], "unknown"), firms.get(s["id"], 0))
        b.x0 = col + GAP / 2 + INDENT * (level - 1)
        b.x1 = col + 1 - GAP / 2
        text_px = (b.x1 - b.x0) * col_px - 2 * 8
        # a safety margin for the estimate of text widths (bold top-level labels run wider)
        em = max(4.0, (0.88 if level == 1 else 0.94) * text_px / FONT_PX[level])
        b.lines = wrap(b.label, em)
        # the firm count sits at the bottom right: it shares the last line when that line leaves room
        rows = len(b.lines) + (text_width(b.lines[-1]) > em - count_px(b.firms) / FONT_PX[level])
        if level == 1 and bottoms[stage] > HEADER + 8:
            bottoms[stage] += GROUP_GAP - BOX_GAP
        b.y0 = bottoms[stage]
        b.y1 = b.y0 + 2 * PAD_Y + LINE[level] * rows
        bottoms[stage] = b.y1 + BOX_GAP
        boxes.append(b)
    return boxes, max(bottoms.values()) + 6
