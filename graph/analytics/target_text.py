"""What a 招商 candidate's card says in words: its size and the rule that sized it, and why it fits the gap.

Why apart from :mod:`graph.analytics.targets`: the ranking (components, weights, order) and the plain Chinese
sentences of the card are two concepts; the card's sentences grew with review 40 (the specialist, the size rule)
past the ranking module's size. The terse bilingual ``reasons`` stay with the ranking.

>>> scale_text({"basis": "registered_capital", "label": "注册资本", "value": 20_000})
'注册资本 2 亿元'
"""

from __future__ import annotations

from graph.analytics.distance import basis_text

__all__ = ["scale_text", "scale_rule", "why_sentences"]


def _money(wan: float) -> str:
    """万元 as words: 亿元 from 1 亿 up."""
    if wan >= 10_000:
        return f"{wan / 10_000:,.2f}".rstrip("0").rstrip(".") + " 亿元"
    return f"{wan:,.0f} 万元"


def scale_text(sc: dict) -> str:
    if sc["basis"] == "employees":
        return f"员工 {int(sc['value']):,} 人"
    return f"{sc['label']} {_money(float(sc['value']))}"


def scale_rule(basis: str, ref: float, factor: float, *, en: bool = False) -> str:
    """How a figure was put on the one size scale, for the card (review 40 F3: a registered capital and a head
    count were compared on one axis without a word).

    >>> scale_rule("employees", 10_000, 0.5), scale_rule("registered_capital", 100_000, 0.5, en=True)
    ('按员工人数比较规模，10,000 人计满分', "only registered capital known: subscribed, not the business's size, so it counts 50%")
    """
    if basis == "registered_capital":
        return (f"only registered capital known: subscribed, not the business's size, so it counts {factor:.0%}" if en
                else f"只知注册资本：它是登记的认缴额，不代表经营规模，按 {factor:.0%} 计，与按产值、营收或员工计的企业不是同一把尺子")
    if basis == "employees":
        return f"size by employees, full marks at {ref:,.0f}" if en else f"按员工人数比较规模，{ref:,.0f} 人计满分"
    label = {"output": ("工业总产值", "output"), "revenue": ("营业收入", "revenue")}[basis]
    return (f"size by {label[1]}, full marks at {ref:,.0f} (10k yuan)" if en
            else f"按{label[0]}比较规模，{_money(ref)}计满分")


def _quote(names: list[str]) -> str:
    return "、".join(f"「{n}」" for n in names)


def why_sentences(gap: dict, seg: str, n: int, coverage: float, conc: float, relief: float, hhi: tuple[float, float],
         others: list[dict], sc: dict | None, dist: tuple[float | None, str | None], products: list[str],
         scope: str | None, weights: str) -> list[str]:
    """Why this firm fits this gap, in plain Chinese sentences (no field names)."""
    out = []
    unchecked = (gap.get("basis") or {}).get("census_firms_not_placed") or 0
    if (gap["kind"] == "missing" or n == 0) and unchecked:  # the census's firms in no segment may make it
        out.append(f"已归入环节的台州本地企业中没有做「{seg}」的（名录中另有 {unchecked} 家本地企业未归入本集群环节，"
                   "待核实），这家企业做这一环节，引进后可以补上这个空白。")
    elif gap["kind"] == "missing" or n == 0:
        out.append(f"台州目前没有本地企业做「{seg}」，这家企业做这一环节，引进后可以补上这个空白。")
    elif gap["kind"] == "single_point" and n == 1:
        out.append(f"台州做「{seg}」的本地企业只有 1 家，引进这家企业可以减少对单一企业的依赖。")
    elif gap["kind"] == "single_point":
        out.append(f"台州做「{seg}」的本地企业有 {n} 家，但产值集中在一家，引进这家企业可以减少对单一企业的依赖。")
    else:
        out.append(f"台州做「{seg}」的本地企业有 {n} 家，整体偏弱，引进这家企业可以增强这一环节。")
    if relief > 0:
        out.append(f"这一环节卡在 {relief:.0%} 的终端产品的必经路径上，补强后整条产业链更稳。")
    if conc > 0:
        out.append(f"引进后这一环节的产值不再过度集中在少数企业（集中度由 {hhi[0]:.2f} 降到 {hhi[1]:.2f}）。")
    related = [o["segment"] for o in others if o["local_firms"]]
    unrelated = [o["segment"] for o in others if not o["local_firms"]]
    if related:
        out.append(f"它还做{_quote(related[:5])}，台州在这些环节已有本地企业，便于就近配套、形成协作。")
    if unrelated:
        out.append(f"它也做{_quote(unrelated[:5])}，台州在这些环节暂无本地企业。")
    if not others and sc:
        out.append("在七大产业链里它只做这一个环节：关联度一项不适用，排名时不计（不按零分算）。")
    elif not others:
        out.append("在七大产业链里它只做这一个环节，规模也不详：关于企业本身只知道所在地，关联度和规模两项都按中等计"
                   "（不让距离一项单独决定排名）。")
    if sc:
        out.append(f"规模：{scale_text(sc)}（{sc['rule']}）。")
    elif others:
        out.append("规模不详：没有产值、营收、员工人数或人民币注册资本数据，排名时不计规模这一项（不按零分算）。")
    if dist[0] is not None:
        out.append(f"距台州约 {dist[0]:,.0f} 公里（{basis_text(dist[1])}）。")
    else:
        out.append("与台州的距离不详（没有地址坐标，也不知所在城市或省份），距离一项按中等计（不加分也不减分）。")
    if products:
        out.append("主营产品：" + "、".join(products[:6]) + "。")
    elif scope:
        out.append(f"经营范围（摘录）：{scope}。")
    out.append(f"综合得分按{weights}加权，满分 100 分；缺少的项不计入。")
    return out
