"""All Cypher of the Neo4j adapter, in one module.

Values are always parameters. Labels and relationship types cannot be parameters in Cypher, so the
builders below interpolate only names checked against :mod:`ontology.schema`. Writes are batched
with ``UNWIND``.
"""

from __future__ import annotations

from ontology.schema import LABELS, REL_ENDPOINTS, check_label, check_rel_type

__all__ = ["constraints", "upsert_nodes", "upsert_rels", "create_nodes", "create_rels", "create_bare_rels",
           "count_label", "count_rel_type", "delete_nodes", "delete_rels", "get_node",
           "find_nodes", "rels", "neighbours", "COUNT_NODES", "COUNT_RELS", "ALL_NODES", "ALL_RELS",
           "SEGMENTS_OUTPUT", "LOCAL_GROUPS", "LOCAL_COUNTIES", "TECH_HOLDERS", "TOP_FIRMS", "FIND_ENTERPRISES", "COUNT_ENTERPRISES", "CLEAR", "PING", "TOTAL_NODES", "TOTAL_RELS"]


def constraints() -> list[str]:
    """One uniqueness constraint on ``id`` per label, generated from the ontology schema."""
    return [f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
            for label in LABELS]


def upsert_nodes(label: str) -> str:
    return f"UNWIND $rows AS row MERGE (n:{check_label(label)} {{id: row.id}}) SET n += row"


def upsert_rels(rel_type: str) -> str:
    src, dst = REL_ENDPOINTS[check_rel_type(rel_type)]
    return (f"UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}) MATCH (b:{dst} {{id: row.dst}}) "
            f"MERGE (a)-[r:{rel_type}]->(b) SET r += row.props RETURN count(r) AS n")


def create_nodes(label: str) -> str:
    """For ids the label does not hold (:mod:`graph.neo4j_write`); the constraint still guards them."""
    return f"UNWIND $rows AS row CREATE (n:{check_label(label)}) SET n = row"


def create_rels(rel_type: str) -> str:
    """For pairs the type does not link yet (:mod:`graph.neo4j_write`); a missing end is counted out."""
    src, dst = REL_ENDPOINTS[check_rel_type(rel_type)]
    return (f"UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}) MATCH (b:{dst} {{id: row.dst}}) "
            f"CREATE (a)-[r:{rel_type}]->(b) SET r = row.props RETURN count(*) AS n")


def create_bare_rels(rel_type: str) -> str:
    """:func:`create_rels` for rows without properties, sent as ``[src, dst]`` pairs."""
    src, dst = REL_ENDPOINTS[check_rel_type(rel_type)]
    return (f"UNWIND $pairs AS p MATCH (a:{src} {{id: p[0]}}) MATCH (b:{dst} {{id: p[1]}}) "
            f"CREATE (a)-[:{rel_type}]->(b) RETURN count(*) AS n")


def count_label(label: str) -> str:
    """Nodes of a label, from the count store (constant time)."""
    return f"MATCH (n:{check_label(label)}) RETURN count(n) AS n"


def count_rel_type(rel_type: str) -> str:
    """Relationships of a type, from the count store (constant time)."""
    return f"MATCH ()-[r:{check_rel_type(rel_type)}]->() RETURN count(r) AS n"


def delete_nodes(label: str) -> str:
    return (f"UNWIND $ids AS id MATCH (n:{check_label(label)} {{id: id}}) "
            "DETACH DELETE n RETURN count(*) AS n")


def delete_rels(rel_type: str) -> str:
    src, dst = REL_ENDPOINTS[check_rel_type(rel_type)]
    return (f"UNWIND $pairs AS p MATCH (:{src} {{id: p[0]}})-[r:{rel_type}]->(:{dst} {{id: p[1]}}) "
            "DELETE r RETURN count(*) AS n")


def get_node(label: str) -> str:
    return f"MATCH (n:{check_label(label)} {{id: $id}}) RETURN properties(n) AS props"


def find_nodes(label: str, keys: list[str]) -> str:
    conds = " AND ".join(f"n[$k{i}] = $v{i}" for i in range(len(keys))) or "true"
    return (f"MATCH (n:{check_label(label)}) WHERE {conds} RETURN properties(n) AS props "
            "ORDER BY n.id SKIP $offset LIMIT $limit")


def rels(rel_type: str, by_src: bool = False, by_dst: bool = False) -> str:
    """Only the filters in use (``$src IS NULL OR …`` would not use the id index: a scan per call)."""
    src, dst = REL_ENDPOINTS[check_rel_type(rel_type)]
    a = f"(a:{src} {{id: $src}})" if by_src else f"(a:{src})"
    b = f"(b:{dst} {{id: $dst}})" if by_dst else f"(b:{dst})"
    return (f"MATCH {a}-[r:{rel_type}]->{b} "
            "RETURN a.id AS src, b.id AS dst, properties(r) AS props ORDER BY src, dst")


def rels_page(rel_type: str, after: bool) -> str:
    """A keyset page ordered by (src, dst). ``a.id >= $s`` is a range seek on the source's id index
    that yields sources in id order, so only ``$limit`` rows past the key are read and sorted."""
    src, dst = REL_ENDPOINTS[check_rel_type(rel_type)]
    where = "a.id >= $s AND (a.id > $s OR b.id > $d)" if after else "a.id IS NOT NULL"
    return (f"MATCH (a:{src})-[r:{rel_type}]->(b:{dst}) WHERE {where} "
            "RETURN a.id AS src, b.id AS dst, properties(r) AS props ORDER BY a.id, b.id LIMIT $limit")


def neighbours(label: str) -> str:
    """Both directions from a set of nodes of one label; the caller expands level by level."""
    return (f"UNWIND $ids AS id MATCH (n:{check_label(label)} {{id: id}})-[r]-(m) "
            "RETURN n.id AS nid, type(r) AS type, startNode(r) = n AS outgoing, labels(m)[0] AS mlabel, "
            "m.id AS mid, properties(m) AS mprops ORDER BY type, mid")


PING = "RETURN 1 AS ok"
# answered from the count store; the internal aggregates node (STATE_LABEL) is no content
TOTAL_NODES = ("CALL () { MATCH (n) RETURN count(n) AS a } CALL () { MATCH (s:ChainkgAggregates) RETURN count(s) AS b } "
               "RETURN a - b AS n")
TOTAL_RELS = "MATCH ()-[r]->() RETURN count(r) AS n"
CLEAR = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
COUNT_NODES = ("MATCH (n) WHERE NOT n:ChainkgAggregates "  # the internal state node (STATE_LABEL) is no content
               "RETURN labels(n)[0] AS label, count(*) AS n")
COUNT_RELS = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n"
ALL_NODES = "MATCH (n) WHERE NOT n:ChainkgAggregates RETURN labels(n)[0] AS label, properties(n) AS props"
ALL_RELS = ("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS src, b.id AS dst, "
            "properties(r) AS props")

_ENTERPRISE_FILTER = """
MATCH (n:Enterprise)
WHERE ($county IS NULL OR n.county = $county)
  AND ($local IS NULL OR (n.local = $local AND coalesce(n.active, true)))
  AND ($q IS NULL OR toLower(n.name) CONTAINS toLower($q) OR toLower(n.id) CONTAINS toLower($q)
       OR toLower(coalesce(n.business_scope, '')) CONTAINS toLower($q)
       OR any(p IN coalesce(n.products, []) WHERE toLower(p) CONTAINS toLower($q)))
  AND ($tag IS NULL OR $tag IN coalesce(n.tags, []))
  AND ($segment IS NULL OR EXISTS { (n)-[:IN_SEGMENT]->(:Segment)-[:CHILD_OF*0..]->(:Segment {id: $segment}) })
  AND ($dataset IS NULL OR EXISTS { (n)-[:IN_DATASET]->(:Dataset {id: $dataset}) })
  AND ($clusters IS NULL OR $unplaced OR EXISTS { (n)-[:IN_SEGMENT]->(s:Segment) WHERE s.cluster IN $clusters })
  AND (NOT $unplaced OR NOT EXISTS { (n)-[:IN_SEGMENT]->(s:Segment) WHERE $clusters IS NULL OR s.cluster IN $clusters })
"""
COUNT_ENTERPRISES = _ENTERPRISE_FILTER + " RETURN count(n) AS n"

def rank_order(v: str) -> str:
    """A ranked list's order on node ``v`` (ontology.firms.rank_key, as graph.store.sql.RANK_ORDER): leading,
    output (else revenue), listed, employees, registered capital in 人民币 — each unknown as 0 — then the id."""
    return (f"CASE WHEN coalesce({v}.leading, false) THEN 1 ELSE 0 END DESC, "
            f"coalesce(toFloatOrNull(coalesce({v}.output, {v}.revenue)), 0.0) DESC, "
            f"CASE WHEN coalesce({v}.stock_code, '') <> '' THEN 1 ELSE 0 END DESC, "
            f"coalesce(toFloatOrNull({v}.employees), 0.0) DESC, "
            f"CASE WHEN coalesce({v}.capital_currency, '人民币') IN ['人民币', ''] "
            f"THEN coalesce(toFloatOrNull({v}.registered_capital), 0.0) ELSE 0.0 END DESC, {v}.id")


FIND_ENTERPRISES = (_ENTERPRISE_FILTER +
                    " RETURN properties(n) AS props"
                    # local (and operating) firms first, then as a ranked list — as graph.store.sql.ENTERPRISE_ORDER
                    " ORDER BY CASE WHEN n.local = true AND coalesce(n.active, true) THEN 0 ELSE 1 END, " + rank_order("n") +
                    " SKIP $offset LIMIT $limit")


TECH_HOLDERS = """
UNWIND $techs AS tech
MATCH (e:Enterprise)-[:HOLDS]->(:Technology {id: tech}) WHERE e.local = true AND coalesce(e.active, true)
WITH tech, e ORDER BY """ + rank_order("e") + """
WITH tech, count(e) AS n, collect(properties(e))[..$limit] AS top
RETURN tech, n, top
"""

SEGMENTS_OUTPUT = """
MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment)-[:CHILD_OF*0..]->(s:Segment)
WHERE s.id IN $segments AND e.local = true AND coalesce(e.active, true)
WITH DISTINCT e
RETURN count(e) AS n, sum(toFloat(coalesce(e.output, e.revenue, 0.0))) AS o,
       sum(CASE WHEN coalesce(e.leading, false) THEN 1 ELSE 0 END) AS lead
"""

# operating local firms by cluster and county (graph.store.port.LocalGroup), each firm once per cluster;
# LOCAL_COUNTIES: by county alone, every operating local firm once — as graph.store.sql.LOCAL_GROUPS
_LOCAL_SUMS = """count(e) AS firms, sum(toFloat(coalesce(e.output, e.revenue, 0.0))) AS output,
       sum(CASE WHEN coalesce(e.leading, false) THEN 1 ELSE 0 END) AS leading"""
LOCAL_GROUPS = """
MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment) WHERE e.local = true AND coalesce(e.active, true)
WITH DISTINCT s.cluster AS cluster, e
RETURN cluster, e.county AS county, """ + _LOCAL_SUMS
LOCAL_COUNTIES = """
MATCH (e:Enterprise) WHERE e.local = true AND coalesce(e.active, true)
RETURN e.county AS county, """ + _LOCAL_SUMS

TOP_FIRMS = """
MATCH (n:Enterprise)-[:IN_SEGMENT]->(s:Segment)
WHERE s.id IN $segments AND n.local = $local AND coalesce(n.active, true)
WITH DISTINCT n
ORDER BY """ + rank_order("n") + """
LIMIT $limit
RETURN properties(n) AS props, [(n)-[:IN_SEGMENT]->(x:Segment) | x.id] AS segments
"""



# -- stored aggregates (graph.store.aggregates): one internal node, outside the schema's labels, that the
#    counts and the checksum leave out. A write first bumps its ``seq`` (taking its write lock, so
#    concurrent writes move the aggregates one after the other; a new random ``seq`` per write keys
#    the readers' cache), reads, and saves before commit.
STATE_LABEL = "ChainkgAggregates"
AGG_LOCK = f"MERGE (a:{STATE_LABEL} {{id: 'aggregates'}}) SET a.seq = randomUUID()"
AGG_STATE = f"MATCH (a:{STATE_LABEL} {{id: 'aggregates'}}) RETURN a.state AS state, a.seq AS seq"
# whether the stored text has this version's format (graph.store.aggregate_state.is_current), without reading it
AGG_CURRENT = f"MATCH (a:{STATE_LABEL} {{id: 'aggregates'}}) RETURN a.state CONTAINS $marker AS current, a.version AS version"
AGG_SEQ = f"MATCH (a:{STATE_LABEL} {{id: 'aggregates'}}) RETURN a.seq AS seq, a.version AS version"
AGG_SAVE = f"MERGE (a:{STATE_LABEL} {{id: 'aggregates'}}) SET a.state = $state, a.version = $version"
CHILD_OF_PAIRS = "MATCH (a:Segment)-[:CHILD_OF]->(b:Segment) RETURN a.id AS src, b.id AS dst ORDER BY src, dst"
SEGMENT_CLUSTER_MAP = "MATCH (s:Segment) RETURN s.id AS id, s.cluster AS cluster ORDER BY id"
NEEDS_PAIRS = "MATCH (s:Segment)-[:NEEDS]->(t:Technology) RETURN s.id AS src, t.id AS dst"
_FIRM_STATE = """
RETURN e.id AS id,
       CASE WHEN coalesce(e.active, true) THEN CASE e.local WHEN true THEN 1 WHEN false THEN 0 END END AS local,
       toFloat(coalesce(e.output, e.revenue)) AS o, coalesce(e.leading, false) AS leading,
       coalesce(NOT coalesce(e.active, true) AND e.local = true, false) AS closed_local,
       [(e)-[:IN_SEGMENT]->(s:Segment) | s.id] AS segs, [(e)-[:HOLDS]->(t:Technology) | t.id] AS techs,
       [(e)-[:IN_DATASET]->(d:Dataset) | d.id] AS ds,
       e.employees AS emp, e.registered_capital AS cap, e.capital_currency AS cur, e.stock_code AS code
"""
FIRM_STATES = "UNWIND $ids AS id MATCH (e:Enterprise {id: id})" + _FIRM_STATE
FIRM_STATES_PAGE = ("MATCH (e:Enterprise) WHERE e.id > $after WITH e ORDER BY e.id LIMIT $limit"
                    + _FIRM_STATE)
LINKED_FIRMS = {t: f"UNWIND $dsts AS d MATCH (e:Enterprise)-[:{t}]->(:{REL_ENDPOINTS[t][1]} {{id: d}}) "
                   "RETURN DISTINCT e.id AS id" for t in ("IN_SEGMENT", "HOLDS", "IN_DATASET")}
FIRMS_BY_IDS = """
UNWIND $ids AS id MATCH (n:Enterprise {id: id})
RETURN n.id AS id, properties(n) AS props, [(n)-[:IN_SEGMENT]->(x:Segment) | x.id] AS segments
"""
