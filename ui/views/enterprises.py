"""企业 Enterprises: search by name, county, cluster, segment and tag; profile with evidence and sources."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.store import LEADING_TAGS
from ui import common
from ui.i18n import name, t

LIMIT = 200

st.header(t("ent.header"))
ids, labels = common.cluster_options(with_all=True)
onto = common.ontology()
segn = common.segment_names()
counties = [None] + [c.short for c in onto.counties.values()]

r1 = st.columns([2, 1, 1, 1])
q = r1[0].text_input(t("ent.q"), key="ent_q").strip() or None
cluster = r1[1].selectbox(t("common.cluster"), ids, format_func=labels.get, key="ent_cluster")
county = r1[2].selectbox(t("common.county"), counties, format_func=lambda c: c or t("common.all"), key="ent_county")
scope = r1[3].selectbox(t("ent.locality"), ["all", "local", "outside"], format_func=lambda s: t(f"ent.loc_{s}"),
                        key="ent_scope")
r2 = st.columns([2, 2])
seg_choices = [None] + [s.id for s in onto.segments.values() if cluster is None or s.cluster == cluster]
segment = r2[0].selectbox(t("common.segment"), seg_choices, format_func=lambda s: segn.get(s, s) if s else t("common.all"),
                          key="ent_segment")
tag = r2[1].selectbox(t("ent.tag"), [None, *LEADING_TAGS, "专精特新"], format_func=lambda x: x or t("common.all"),
                      key="ent_tag")

total, firms = common.enterprises(q=q, cluster=cluster, county=county, segment=segment, tag=tag,
                                  local={"all": None, "local": True, "outside": False}[scope], limit=LIMIT)
st.caption(t("ent.found", n=total, m=len(firms)))
if not firms:
    st.info(t("common.no_rows"))
    st.stop()
st.dataframe(pd.DataFrame([{
    t("common.enterprise"): f["name"], t("common.county"): f.get("county") or "", t("common.city"): f.get("city") or "",
    t("common.local"): t("common.yes") if f.get("local") else t("common.no"), t("common.tags"): "、".join(f.get("tags", [])),
    t("common.products"): "、".join(f.get("products", [])[:6]), t("common.id"): f["id"]} for f in firms]), hide_index=True)

eid = st.selectbox(t("ent.pick"), [f["id"] for f in firms],
                   format_func=lambda i: next(f["name"] for f in firms if f["id"] == i), key="ent_pick")
d = common.enterprise_detail(eid)
e = d["enterprise"]
st.subheader(f"{t('ent.profile')}: {e['name']}")
facts = {t("common.id"): e["id"], t("ent.credit_code"): e.get("credit_code"), t("ent.stock_code"): e.get("stock_code"),
         t("common.county"): e.get("county"), t("common.city"): e.get("city"),
         t("common.local"): t("common.yes") if e.get("local") else t("common.no"),
         t("ent.output"): e.get("output"), t("ent.revenue"): e.get("revenue"), t("ent.employees"): e.get("employees"),
         t("ent.founded"): e.get("founded"), t("common.tags"): "、".join(e.get("tags", [])) or None,
         t("common.products"): "、".join(e.get("products", [])) or None, t("ent.scope"): e.get("business_scope")}
st.dataframe(pd.DataFrame([{t("ent.field"): k, t("ent.value"): str(v)} for k, v in facts.items() if v not in (None, "")]),
             hide_index=True)

st.markdown(f"**{t('ent.segments')}**")
if d["segments"]:
    st.dataframe(pd.DataFrame([{
        t("common.cluster"): labels.get(onto.segments[s["segment_id"]].cluster, "") if s["segment_id"] in onto.segments else "",
        t("common.segment"): segn.get(s["segment_id"], s["segment_id"]), t("pan.link_method"): s.get("method", ""),
        t("pan.confidence"): s.get("confidence"), t("common.evidence"): s.get("evidence", ""),
        t("common.source"): s.get("source", "")} for s in d["segments"]]), hide_index=True)
else:
    st.caption(t("ent.none_rel"))

techs = {x.id: x for x in onto.technologies.values()}
c1, c2, c3 = st.columns(3)
with c1:
    st.markdown(f"**{t('ent.technologies')}**")
    st.write("、".join(name(techs[x].model_dump()) if x in techs else x for x in d["technologies"]) or t("ent.none_rel"))
names = common.enterprise_names(d["suppliers"] + d["customers"])
with c2:
    st.markdown(f"**{t('ent.suppliers')}**")
    st.write("、".join(names[x] for x in d["suppliers"]) or t("ent.none_rel"))
with c3:
    st.markdown(f"**{t('ent.customers')}**")
    st.write("、".join(names[x] for x in d["customers"]) or t("ent.none_rel"))
st.markdown(f"**{t('common.sources')}**")
for s in e.get("sources", []):
    st.caption(f"• {s}")
