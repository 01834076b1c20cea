"""企业 Enterprises: search by name, county, cluster, segment and tag; profile with evidence and sources."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from ontology.firms import LEADING_TAGS
from graph.analytics.targets import scope_excerpt
from ui import common
from ui.placement import correction_form, suggestion_block
from ui.i18n import STRINGS, lang, local_label, method_label, name, t


def registry_status(raw: str) -> str:
    """A 登记状态 as the page says it: a known word in the page's language; a registry tool's
    explanation in brackets dropped when the word before it is known (企查查's 存续（在营、开业、在册）
    → 存续 / active — written out, it was cut in its column and stayed Chinese in English); else as written."""
    if f"rstatus.{raw}" in STRINGS:
        return t(f"rstatus.{raw}")
    base = re.split(r"\s*[（(]", raw, maxsplit=1)[0]
    return t(f"rstatus.{base}") if base != raw and f"rstatus.{base}" in STRINGS else raw


def status_label(f: dict, short: bool = False) -> str:
    """登记状态 (in English when known); a firm that no longer operates is marked and does not count as local.
    ``short``: the English list's cell, one line (the grid does not wrap English there: ``tag_short``) —
    the status alone, short; that it is not counted is said under the list."""
    raw = f.get("status") or ""
    if short and lang() == "en":
        return t(f"rstatusshort.{raw}") if f"rstatusshort.{raw}" in STRINGS else registry_status(raw)
    status = registry_status(raw)
    if f.get("active") is False:
        return f"{status or '—'}{t('ent.inactive')}"
    return status


CURRENCIES = {"人民币": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR", "日元": "JPY"}


def capital_label(capital: float | None, currency: str | None) -> str | None:
    """注册资本 in 万 of its currency: ``500 万元`` / ``200 万美元`` (English: the full amount)."""
    if capital is None:
        return None
    cur = currency or "人民币"
    if lang() == "en":
        return f"{capital * 10_000:,.0f} {CURRENCIES.get(cur, cur)}"
    return f"{capital:,.2f}".rstrip("0").rstrip(".") + (" 万元" if cur == "人民币" else f" 万{cur}")


def wan(x: float | None) -> str | None:
    """万元 figures with thousands separators, no decimals (the label carries the unit)."""
    return None if x is None else f"{x:,.0f}"


def people(n: int | None) -> str | None:
    return None if n is None else t("common.n_people", n=int(n))


def location_label(f: dict) -> str:
    """本地 / 外地 / 未知 (where it is; whether it counts is in the status)."""
    return local_label(f)

LIMIT = 200
SEP = common.list_sep()

st.header(t("ent.header"))
ids, labels = common.cluster_options(with_all=True)
onto = common.kg().onto
segn = common.segment_names()
counties = [None] + [c.short for c in onto.counties.values()]


def tag_label(tag: str | None) -> str:
    """A firm tag in the current language (上市 → listed); unknown tags as written."""
    return t(f"tag.{tag}") if f"tag.{tag}" in STRINGS else (tag or "")


def tag_short(tag: str) -> str:
    """A firm tag as the list's tag column says it: short in English (it must fit one line there)."""
    return t(f"tagshort.{tag}") if f"tagshort.{tag}" in STRINGS else tag_label(tag)


county_label = common.county_label


r1 = st.columns([2, 1, 1, 1])
q = r1[0].text_input(t("ent.q"), key="ent_q", help=t("ent.q_help")).strip() or None
cluster = r1[1].selectbox(t("common.cluster"), ids, format_func=labels.get, key="ent_cluster")
county = r1[2].selectbox(t("common.county"), counties, format_func=lambda c: county_label(c) or t("common.all"),
                         key="ent_county")
scope = r1[3].selectbox(t("ent.locality"), ["all", "local", "outside"], format_func=lambda s: t(f"ent.loc_{s}"),
                        key="ent_scope")
r2 = st.columns([2, 1, 2, 1])
seg_choices = [None] + [s.id for s in onto.segments.values() if cluster is None or s.cluster == cluster]
segment = r2[0].selectbox(t("common.segment"), seg_choices, format_func=lambda s: segn.get(s, s) if s else t("common.all"),
                          key="ent_segment")
tag = r2[1].selectbox(t("ent.tag"), [None, *LEADING_TAGS, "专精特新"], format_func=lambda x: tag_label(x) or t("common.all"),
                      key="ent_tag")
# a dataset (a census): with a cluster and 仅未归入环节, the census's firms its verdicts could not count (the gaps page's warning)
ds_names = {d["id"]: d.get("name") or d["id"] for d in common.kg().datasets(cluster)}
dataset = r2[2].selectbox(t("ent.dataset"), [None, *ds_names], format_func=lambda d: ds_names.get(d) or t("common.all"),
                          key="ent_dataset")
unplaced = r2[3].checkbox(t("ent.unplaced"), key="ent_unplaced", help=t("ent.unplaced_help"))

filters = dict(q=q, cluster=cluster, county=county, segment=segment, tag=tag, dataset=dataset,
               local={"all": None, "local": True, "outside": False}[scope])
total, firms = common.kg().enterprises(**filters, unplaced=unplaced, limit=LIMIT)
if cluster and unplaced:  # in none of this cluster's segments
    st.caption(t("ent.found", n=total, m=len(firms)) + t("ent.found_unplaced_cluster", cluster=labels.get(cluster)))
else:  # a cluster's or a segment's firms are placed in it
    n_unplaced = total if unplaced else 0 if cluster or segment else common.kg().enterprises(
        **filters, unplaced=True, limit=0)[0]
    st.caption(t("ent.found", n=total, m=len(firms)) + t("ent.found_unplaced", k=n_unplaced))
st.caption(t("ent.order"))  # review 40 C8: it was by id, every registry firm before the listed ones
common.data_language_note()
if not firms:
    st.info(t("common.no_rows"))
    st.stop()
has_status = any(f.get("status") or f.get("active") is False for f in firms)
# 870 px in all; in English the titles are longer (Registration status was cut at 90 and 110 px), and the
# tags are named short (tag_short): the grid does not wrap English text on a page of Chinese names
WIDTHS = dict(zip(
    (t("common.enterprise"), t("common.county"), t("common.city"), t("ent.location"), t("ent.status"),
     t("common.tags"), t("common.products"), t("ent.credit_code")),
    (180, 80, 75, 65, 90, 70, 160 if has_status else 250, 150) if lang() == "zh" else
    (140, 65, 60, 60, 120, 140, 140, 145) if has_status else (140, 65, 60, 60, 120, 185, 215, 145)))


def products_cell(f: dict) -> str:
    """A firm's products in the three lines of its cell (a Chinese character a line's 14 px): the first
    ones that fit, and how many more — six long names were cut at the cell's end (the profile lists all).
    A registry firm without product lines shows the start of its 经营范围, said to be the scope (the cell
    was blank for every firm of a registry export)."""
    products = f.get("products") or []
    room = 3 * ((WIDTHS[t("common.products")] - 16) // 14)
    if not products:
        prefix = t("ent.scope_in_cell")
        return prefix + excerpt if (excerpt := scope_excerpt(f.get("business_scope"), room - len(prefix))) else ""
    shown: list[str] = []
    for p in products:
        more = len(products) - len(shown) - 1
        if len("、".join([*shown, p])) + (6 if more else 0) > room:
            break
        shown.append(p)
    if len(shown) == len(products):
        return "、".join(shown)
    return t("common.and_more", head="、".join(shown), n=len(products) - len(shown), total=len(products))


st.dataframe(pd.DataFrame([{
    t("common.enterprise"): f["name"], t("common.county"): county_label(f.get("county")), t("common.city"): common.place(f.get("city")),
    t("ent.location"): location_label(f),
    **({t("ent.status"): status_label(f, short=True)} if has_status else {}),
    t("common.tags"): SEP.join(map(tag_short, f.get("tags", []))),
    t("common.products"): products_cell(f),
    t("ent.credit_code"): f.get("credit_code") or ""} for f in firms]), hide_index=True, width="stretch",
    row_height=common.WRAP_ROW_PX,  # long names and product lists wrap instead of being cut
    column_config=common.text_widths(**WIDTHS))
if lang() == "en" and any(f"tagshort.{x}" in STRINGS for f in firms for x in f.get("tags", [])):
    st.caption(t("ent.tags_short"))
if lang() == "en" and any(f.get("active") is False for f in firms):
    st.caption(t("ent.inactive_listed"))

eid = st.selectbox(t("ent.pick"), [f["id"] for f in firms],
                   format_func=lambda i: next(f["name"] for f in firms if f["id"] == i), key="ent_pick")
d = common.kg().enterprise_detail(eid)
e = d["enterprise"]
st.subheader(f"{t('ent.profile')}{common.colon()}{e['name']}")
if e.get("active") is False:
    st.warning(t("ent.inactive_note", status=registry_status(e.get("status") or "—")))
basis = e.get("local_basis")
capital = e.get("registered_capital")
facts = {t("ent.credit_code"): e.get("credit_code"), t("ent.stock_code"): e.get("stock_code"),
         t("ent.status"): status_label(e) or None,
         t("ent.location"): location_label(e),
         t("ent.local_basis"): (t(f"ent.basis.{basis}") if f"ent.basis.{basis}" in STRINGS else basis) if basis else None,
         t("ent.province"): common.place(e.get("province")) or None, t("common.city"): common.place(e.get("city")) or None, t("common.county"): county_label(e.get("county")),
         t("ent.address"): e.get("address"),
         t("ent.leading"): t("common.yes") if e.get("leading") else None,
         t("ent.output"): wan(e.get("output")), t("ent.revenue"): wan(e.get("revenue")),
         t("ent.employees"): people(e.get("employees")), t("ent.insured"): people(e.get("insured")),
         t("ent.capital"): capital_label(capital, e.get("capital_currency")),
         t("ent.founded"): e.get("founded"),
         t("ent.industry"): " → ".join(e.get("industry") or []) or None, t("ent.industry_code"): e.get("industry_code"),
         t("common.tags"): SEP.join(map(tag_label, e.get("tags", []))) or None,
         t("common.products"): "、".join(e.get("products", [])) or None, t("ent.scope"): e.get("business_scope")}
# a static table: each fact on its own line, long ones (address, products) wrapped in full
st.table(pd.DataFrame([{t("ent.field"): k, t("ent.value"): str(v)} for k, v in facts.items() if v not in (None, "")]),
         hide_index=True)

st.markdown(f"**{t('ent.segments')}**")
if d["segments"]:
    # a firm has a few segments, each with an evidence sentence and a source: a static table shows
    # every one in full (a grid cell would cut them); a source already listed under 来源 below is not
    # repeated in every row
    listed = set(e.get("sources", []))
    seg_df = pd.DataFrame([{
        t("common.cluster"): labels.get(onto.segments[s["segment_id"]].cluster, "") if s["segment_id"] in onto.segments else "",
        t("common.segment"): segn.get(s["segment_id"], s["segment_id"]), t("pan.link_method"): method_label(s.get("method")),
        t("pan.confidence"): "" if s.get("confidence") is None else str(common.points(s["confidence"])),  # not measured: blank
        t("common.evidence"): s.get("evidence", ""),
        t("common.source"): "" if s.get("source") in listed else s.get("source", "")} for s in d["segments"]])
    if not seg_df[t("common.source")].astype(bool).any():
        seg_df = seg_df.drop(columns=[t("common.source")])
    st.table(seg_df, hide_index=True)
else:
    st.caption(t("ent.none_rel"))
    suggestion_block(e, labels, segn)  # unplaced: the classifier's candidates under the threshold, not counted
with st.expander(t("ov.fix_header")):
    correction_form(e, [s["segment_id"] for s in d["segments"]], labels, segn)

techs = {x["id"]: x for x in common.kg().technologies()}  # the store's list: imports included
c1, c2, c3 = st.columns(3)
with c1:
    st.markdown(f"**{t('ent.technologies')}**")
    st.write(SEP.join(name(techs[x]) if x in techs else x for x in d["technologies"]) or t("ent.none_rel"))
names = common.enterprise_names(d["suppliers"] + d["customers"])
with c2:
    st.markdown(f"**{t('ent.suppliers')}**")
    st.write(SEP.join(names[x] for x in d["suppliers"]) or t("ent.none_rel"))
with c3:
    st.markdown(f"**{t('ent.customers')}**")
    st.write(SEP.join(names[x] for x in d["customers"]) or t("ent.none_rel"))
st.markdown(f"**{t('common.sources')}**")
for s in e.get("sources", []):
    st.caption(f"• {s}")
