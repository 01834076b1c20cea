"""Evidence as sentences: the figures behind a segment's verdict or a technology's chokepoint score,
written out in the current language instead of a raw JSON block (shares as %, scores 0–100, no
field names). Only the figures the evidence carries are said; a missing figure is left out.

>>> ev = {"local_firms": 1, "outside_firms": 2, "inactive_excluded": 1, "firms_with_output": 0, "hhi": None,
...       "technologies_needed": 4, "technologies_held_locally": 0, "articulation": True}
>>> gap_sentences(ev, en=False)[:2]
['本地企业 1 家，外地企业 2 家；另有 1 家已停业的本地企业不计入。', '本地企业都没有报送产值，无法按产值判断强弱。']
>>> chokepoint_sentences({"value_share": 0.45, "local_holders": 0, "chokepoint_lists": []}, en=True)[:2]
['The segments this technology affects make up 45% of the chain’s value.', 'No local holder is recorded in the data (technology holdings are collected for few firms); the capability gap counts it as none.']
"""

from __future__ import annotations

__all__ = ["gap_sentences", "chokepoint_sentences"]


def _pct(x: float) -> str:
    return f"{x:.0%}"


def gap_sentences(ev: dict, *, en: bool) -> list[str]:
    """The verdict's figures (graph.analytics.strength evidence) as sentences."""
    out = []
    n, m, gone = ev.get("local_firms", 0), ev.get("outside_firms", 0), ev.get("inactive_excluded") or 0
    out.append(f"{n} local and {m} outside firms in the data" + (f"; {gone} closed local firm(s) not counted." if gone else ".")
               if en else f"本地企业 {n} 家，外地企业 {m} 家" + (f"；另有 {gone} 家已停业的本地企业不计入。" if gone else "。"))
    k = ev.get("firms_with_output") or 0
    if n and not k:
        out.append("No local firm reports its output: strength cannot be judged by output." if en
                   else "本地企业都没有报送产值，无法按产值判断强弱。")
    elif k:
        out.append(f"{k} of {n} local firms report output, {ev.get('local_output', 0):,.0f} (10k CNY) in all." if en
                   else f"{n} 家本地企业中 {k} 家报送产值，合计 {ev.get('local_output', 0):,.0f} 万元。")
    if ev.get("output_share") is not None and ev.get("expected_share") is not None:
        out.append(f"Local output share {_pct(ev['output_share'])} against {_pct(ev['expected_share'])} expected "
                   "from the segment's weight in the chain." if en
                   else f"本地产值占全链 {_pct(ev['output_share'])}，按该环节在链中的权重应约占 {_pct(ev['expected_share'])}。")
    if ev.get("largest_firm_share") is not None:
        out.append(f"The largest local firm holds {_pct(ev['largest_firm_share'])} of the segment's local output." if en
                   else f"最大一家本地企业占该环节本地产值的 {_pct(ev['largest_firm_share'])}。")
    if ev.get("hhi") is not None:
        out.append(f"Concentration of output: {round(100 * ev['hhi'])} of 100 (higher = fewer firms hold it)." if en
                   else f"产值集中度 {round(100 * ev['hhi'])}（满分 100，越高越集中在少数企业）。")
    if ev.get("leading_firms"):
        out.append(f"{ev['leading_firms']} leading firm(s) (小巨人, 单项冠军, high-tech or output ≥ 1 bn CNY)." if en
                   else f"龙头企业 {ev['leading_firms']} 家（小巨人、单项冠军、高新技术企业或产值 10 亿元以上）。")
    if ev.get("technologies_needed"):
        out.append(f"Key technologies: {ev['technologies_needed']} needed, {ev.get('technologies_held_locally', 0)} held "
                   "by local firms." if en
                   else f"关键技术 {ev['technologies_needed']} 项，本地企业持有 {ev.get('technologies_held_locally', 0)} 项。")
    if ev.get("location_quotient") is not None and n:  # no local firm: the quotient says nothing more
        lq = ev["location_quotient"]
        out.append(f"Location quotient {lq:.2f}: the segment's share among local firms against its share among all "
                   "firms in the data (above 1 = more concentrated in Taizhou)." if en
                   else f"区位熵 {lq:.2f}：该环节在本地企业中的比重与在全部数据中的比重之比（大于 1 表示台州相对集中）。")
    if ev.get("parent_firms"):
        out.append(f"{ev['parent_firms']} local firm(s) are placed only on the parent segment: check their placement." if en
                   else f"有 {ev['parent_firms']} 家本地企业只归到上级环节，需核实其归属。")
    if ev.get("dominator"):
        prods = "、".join(ev.get("dominated_products") or [])
        out.append("A control point of the chain: every supply path from the raw inputs to every end product passes "
                   "through it" + (f" ({prods})." if prods else ".") if en
                   else "产业链的关键控制节点：从原材料到每一种终端产品的供应路径都经过它" + (f"（{prods}）。" if prods else "。"))
    if ev.get("articulation"):
        out.append("The only link between parts of the chain: without it the chain falls apart." if en
                   else "连接产业链上下游的唯一通道：缺了它，产业链会断开。")
    return out


def chokepoint_sentences(ev: dict, *, en: bool) -> list[str]:
    """A technology's chokepoint evidence (graph.analytics.chokepoints) as sentences."""
    out = []
    if ev.get("value_share") is not None:
        out.append(f"The segments this technology affects make up {_pct(ev['value_share'])} of the chain’s value." if en
                   else f"受这项技术影响的环节占产业链价值的 {_pct(ev['value_share'])}。")
    if ev.get("output_share") is not None:
        out.append(f"Taizhou's output share in those segments: {_pct(ev['output_share'])}." if en
                   else f"台州在这些环节的产值占比 {_pct(ev['output_share'])}。")
    elif "output_share" in ev:  # not measured: reach is the value share alone
        rep, n = ev.get("output_reporters") or (0, 0)
        out.append(f"Output share not measured ({rep} of {n} local firms in those segments report output): "
                   "reach is the value share alone." if en
                   else f"这些环节的本地产值占比无法计算（{n} 家本地企业中 {rep} 家报送产值），影响面只按价值占比计。")
    if ev.get("local_holders"):
        out.append(f"{ev['local_holders']} local firm(s) hold it." if en else f"本地持有该技术的企业 {ev['local_holders']} 家。")
    elif ev.get("local_holders") is not None:  # none recorded: what the data says, not a fact about Taizhou
        out.append("No local holder is recorded in the data (technology holdings are collected for few firms); the "
                   "capability gap counts it as none." if en
                   else "数据中未记录本地掌握该技术的企业（技术持有情况只收集了少数企业），能力缺口按无计。")
    lists = ev.get("chokepoint_lists") or []
    out.append(("On the lists: " + ", ".join(lists) + ".") if lists and en else ("列入清单：" + "、".join(lists) + "。")
               if lists else "Not on a published chokepoint list." if en else "未列入公开的卡脖子清单。")
    if ev.get("status_note"):
        out.append(("Status note: " if en else "状态说明：") + ev["status_note"])
    if ev.get("source"):
        out.append(("Source: " if en else "来源：") + ev["source"])
    return out
