"""How a verdict reads: its words (缺失, 未发现 …, with the 口径: ``缺失（规上口径）``) and the one sentence that says
which rule fired, in Chinese or English — each case decided once (:func:`rule`), the figures from
:mod:`graph.analytics.strength`.

>>> gap_label("unknown", "集群名录口径")
'未发现（集群名录口径）'
"""

from __future__ import annotations

from graph.analytics.coverage import FIRM_BASES, ClusterBasis
from graph.analytics.params import AnalysisParams

__all__ = ["GAP_KINDS", "GAP_LABELS", "GAP_LABELS_EN", "INACTIVE_SAID", "gap_label", "rule"]

GAP_KINDS = ("missing", "unknown", "single_point", "weak", "present", "strong")
GAP_LABELS = {"missing": "缺失", "unknown": "未发现", "single_point": "单点依赖", "weak": "薄弱",
              "present": "已有", "strong": "较强"}
GAP_LABELS_EN = {"missing": "missing", "unknown": "not found (data insufficient)", "single_point": "single point",
                 "weak": "weak", "present": "present (strength not assessable)", "strong": "strong"}


#: verdicts whose rule sentence itself says how many firms of the segment no longer operate (a 缺失 whose only firm is
#: 注销 must say so where the verdict is read); other verdicts leave that count to the coverage line
INACTIVE_SAID = ("missing", "unknown")


def gap_label(kind: str, basis_label: str | None) -> str:
    """The verdict as users read it: ``缺失（规上口径）``, ``未发现（上市公司口径）``."""
    return f"{GAP_LABELS[kind]}（{basis_label}）" if basis_label else GAP_LABELS[kind]


def rule(kind: str, n: int, k: int, top_share: float | None, strength: float, p: AnalysisParams,
          b: ClusterBasis, parent: dict | None, off: tuple[str, bool] | None = None, children: dict | None = None, *,
          inactive: int = 0, en: bool = False) -> str:
    """The verdict's reason in one plain sentence, Chinese (or English with ``en``): each case once; a segment
    without a local operating firm adds the firms left out because they no longer operate (``inactive``)."""
    text = _rule(kind, n, k, top_share, strength, p, b, parent, off, children, en=en)
    if inactive and kind in INACTIVE_SAID:
        text += (f"; {inactive} local firm(s) placed here no longer operate (deregistered, revoked…) and are not counted"
                 if en else f"；另有 {inactive} 家本环节的本地企业已注销、吊销等不再经营，不计入")
    return text


def _rule(kind: str, n: int, k: int, top_share: float | None, strength: float, p: AnalysisParams,
          b: ClusterBasis, parent: dict | None, off: tuple[str, bool] | None, children: dict | None, *,
          en: bool) -> str:
    out = (f"{k} of {n} firms reported output" if en else f"{k}/{n} 家报送产值") if n else ""
    if off and kind in ("unknown", "present") and not parent:
        lacks = FIRM_BASES[off[0]][1 if en else 0]
        if en:
            why = (f"some segments below it are made by {lacks}, which a list of the cluster's firms does not hold"
                   if off[1] else f"a list of the cluster's firms does not hold {lacks}")
            return (f"{n} local firm(s) in the loaded data ({b.label}), but " if n else
                    f"no local firm in the {b.label} list; ") + why + ", so it cannot show this segment missing or thin"
        why = f"其下级环节中有的由{lacks}承担，集群名录不收这些企业" if off[1] else f"集群名录只收本集群的制造企业，不含{lacks}"
        return (f"本地已有 {n} 家企业（{b.label}）；" if n else f"{b.label}中没有本地企业；") + why + "，不能据此判定本环节缺失或强弱"
    if children and kind in ("weak", "strong", "present"):
        kinds = "、".join(f"{GAP_LABELS[x]} {m}" for x, m in children["kinds"].items())
        kinds_en = ", ".join(f"{m} {GAP_LABELS_EN[x]}" for x, m in children["kinds"].items())
        rel = "<" if strength < p.weak_threshold else "≥"
        narrow = ("; the data cannot judge strength" if en else "；该口径不足以判断强弱") if kind == "present" else ""
        return (f"strength {round(strength * 100)} {rel} threshold {round(p.weak_threshold * 100)}, from its "
                f"{children['judged']} judged child segments ({kinds_en}; "
                f"{n} local firms would score {round(children['own_strength'] * 100)}): a parent is no stronger than "
                f"its children ({b.label}, {out}){narrow}" if en else
                f"强度 {round(strength * 100)} {rel} 阈值 {round(p.weak_threshold * 100)}，按 {children['judged']} 个"
                f"下级环节汇总（{kinds}；按本级 {n} 家企业计为 "
                f"{round(children['own_strength'] * 100)}）：上级环节不强于其下级环节（{b.label}，{out}）{narrow}")
    if kind == "unknown" and parent:
        return (f"{parent['firms']} local firm(s) are placed only on the parent segment; check their products "
                "before calling this missing" if en else
                f"本地有 {parent['firms']} 家企业只归到上级环节「{parent['segment']}」，未细分到本环节；"
                "核实其产品后可判定，不能算缺失")
    if kind == "unknown":
        return (f"no local firm in the loaded data ({b.label}); it is not a full or above-size census, so absence "
                "is not shown" if en else f"已载入数据（{b.label}）中没有本地企业；它不是全量或规上名录，不能据此断定缺失")
    if kind == "missing":
        return f"no local firm in a census ({b.label})" if en else f"{b.label}普查中本地没有该环节企业"
    if kind == "single_point":
        if top_share is None or top_share < p.single_point_share:
            return f"only one local firm in a census ({b.label})" if en else f"{b.label}普查中仅 1 家本地企业"
        return (f"the largest firm holds {top_share:.0%} of reported output ({out})" if en else
                f"最大企业占已报送产值的 {top_share:.0%}（≥ {p.single_point_share:.0%}；{out}）")
    if kind == "present":
        return (f"{n} local firm(s) in the loaded data ({b.label}); too narrow to judge strength ({out})" if en else
                f"本地已有 {n} 家企业（{b.label}）；该口径不是全量或规上名录，不足以判断强弱（{out}）")
    below = kind == "weak"
    if en:
        return (f"strength {round(strength * 100)} {'below' if below else 'at or above'} threshold "
                f"{round(p.weak_threshold * 100)} ({b.label}, {n} local firms, {out})")
    return (f"强度 {round(strength * 100)} {'<' if below else '≥'} 阈值 {round(p.weak_threshold * 100)}"
            f"（{b.label}，{n} 家本地企业，{out}）")
