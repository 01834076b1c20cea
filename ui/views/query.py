"""图查询 Graph query: a read-only Cypher console on a Neo4j store (table + graph)."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_agraph import Config, Edge, Node, agraph

from chainkg.errors import ChainKGError
from chainkg.settings import Settings
from ui.access import can_write
from ui import common
from ui.i18n import t

EXAMPLE = ("MATCH (e:Enterprise)-[r:IN_SEGMENT]->(s:Segment {cluster: 'sewing'})\n"
           "RETURN e, r, s LIMIT 25")

st.header(t("q.header"))
kg = common.kg()
if not kg.has_console:  # the service's rule (ChainKG.has_console); cypher_read refuses the same way
    st.info(t("q.needs_neo4j", store=kg.kind))
    st.stop()

if not can_write(t):  # the console is a power tool: same access rule as writes
    st.stop()
settings = Settings()
query = st.text_area(t("q.query"), EXAMPLE, height=120, key="q_text")
limit = st.number_input(t("q.limit"), 1, settings.cypher_row_cap, min(200, settings.cypher_row_cap), key="q_limit")
if st.button(t("q.run"), type="primary", key="q_run"):
    try:
        st.session_state["q_rows"] = kg.cypher_read(query, timeout=settings.cypher_timeout_s, limit=int(limit))
        st.session_state.pop("q_error", None)
    except (ChainKGError, Exception) as e:  # noqa: BLE001 - any driver error is shown, not raised
        st.session_state["q_error"] = str(e)
        st.session_state.pop("q_rows", None)

if "q_error" in st.session_state:
    st.error(t("q.error", msg=st.session_state["q_error"]))
rows = st.session_state.get("q_rows")
if rows is not None:
    st.caption(t("q.rows", n=len(rows)))
    tab_t, tab_g = st.tabs([t("q.table"), t("q.graph")])

    def cell(v):
        if isinstance(v, dict) and "props" in v:  # a node or a relationship
            p = v["props"]
            return p.get("name") or p.get("id") or v.get("type") or str(p)
        return v if isinstance(v, (int, float, str, bool)) or v is None else str(v)

    def walk(v, nodes: dict, rels: list) -> None:
        """Collect nodes ({labels, props}) and relationships ({type, start, end}) from run_read rows."""
        if isinstance(v, list):
            for x in v:
                walk(x, nodes, rels)
        elif isinstance(v, dict):
            if "labels" in v and "props" in v and v["props"].get("id") is not None:
                nodes[str(v["props"]["id"])] = v
            elif "type" in v and "start" in v and "end" in v:
                rels.append(v)
            elif "nodes" in v and "rels" in v:
                walk(v["nodes"], nodes, rels)
                walk(v["rels"], nodes, rels)

    with tab_t:
        st.dataframe(pd.DataFrame([{k: cell(v) for k, v in r.items()} for r in rows]), hide_index=True)
    with tab_g:
        found, rels = {}, []
        for r in rows:
            walk(list(r.values()), found, rels)
        colours = {"Enterprise": "#4c78a8", "Segment": "#2ca02c", "Technology": "#d62728", "Cluster": "#9467bd"}
        nodes = [Node(id=nid, label=str(v["props"].get("name") or nid), size=14,
                      color=colours.get((v["labels"] or ["?"])[0], "#7f7f7f"),
                      title=f"{'/'.join(v['labels'])} {nid}") for nid, v in found.items()]
        edges = [Edge(source=str(r["start"]), target=str(r["end"]), label=r["type"], color="#9aa5b1")
                 for r in rels if str(r["start"]) in found and str(r["end"]) in found]
        if nodes:
            config = Config(width=1000, height=520, physics=True)
            config.width = "100%"
            agraph(nodes=nodes, edges=edges, config=config)
        else:
            st.info(t("q.no_graph"))
