"""All SQL of the embedded store, in one module, always parameterised."""

# Generated columns (STORED) hold the enterprise fields that aggregates and filters read, so the
# hot queries never parse JSON:
#   e_local    1 local and operating, 0 outside and operating, NULL inactive or location unknown
#   e_output   output, else revenue; NULL when the firm reports neither (never read as 0)
#   e_leading  the derived ``leading`` flag (ontology.firms.is_leading, computed by the ETL)
#   e_inactive 1 when the registration status says the firm no longer operates
# The aggregates count a closed firm only where it would be local if it operated (CLOSED_LOCAL: its
# location, kept in props.local, is Taizhou): a closed 杭州 firm is no closed *local* firm (review 40 F4).
# An expression over the columns, not a column of its own, so the change needed no rebuild of ``nodes``.
NODES_TABLE = """
CREATE TABLE IF NOT EXISTS nodes (
  label TEXT NOT NULL, id TEXT NOT NULL, props TEXT NOT NULL,
  e_local INTEGER GENERATED ALWAYS AS
    (CASE WHEN label = 'Enterprise' AND coalesce(json_extract(props, '$.active'), 1)
          THEN json_extract(props, '$.local') END) STORED,
  e_output REAL GENERATED ALWAYS AS
    (CASE WHEN label = 'Enterprise' THEN
       coalesce(json_extract(props, '$.output'), json_extract(props, '$.revenue')) END) STORED,
  e_leading INTEGER GENERATED ALWAYS AS
    (CASE WHEN label = 'Enterprise' THEN coalesce(json_extract(props, '$.leading'), 0) END) STORED,
  e_inactive INTEGER GENERATED ALWAYS AS
    (CASE WHEN label = 'Enterprise' THEN NOT coalesce(json_extract(props, '$.active'), 1) END) STORED,
  e_county TEXT GENERATED ALWAYS AS
    (CASE WHEN label = 'Enterprise' THEN json_extract(props, '$.county') END) STORED,
  s_cluster TEXT GENERATED ALWAYS AS
    (CASE WHEN label = 'Segment' THEN json_extract(props, '$.cluster') END) STORED,
  PRIMARY KEY (label, id)) WITHOUT ROWID;
"""
# the secondary indexes (name → statement): a first load into an empty store builds them once after
# its rows instead of row by row (graph.store.sqlite_schema.DeferredIndexes)
SECONDARY_INDEXES = {
    "rels_by_dst": "CREATE INDEX IF NOT EXISTS rels_by_dst ON rels (type, dst, src)",
    "nodes_by_local": "CREATE INDEX IF NOT EXISTS nodes_by_local ON nodes (label, e_local, id)",
    "nodes_by_county": "CREATE INDEX IF NOT EXISTS nodes_by_county ON nodes (label, e_county, id)",
}
SCHEMA = NODES_TABLE + """
CREATE TABLE IF NOT EXISTS rels (
  type TEXT NOT NULL, src TEXT NOT NULL, dst TEXT NOT NULL, props TEXT NOT NULL,
  PRIMARY KEY (type, src, dst)) WITHOUT ROWID;
""" + "".join(f"{stmt};\n" for stmt in SECONDARY_INDEXES.values()) + """\
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
SCHEMA_VERSION = "6"  # 4: stored aggregates (meta 'aggregates', graph.store.aggregates); 5: their ranked lists
#                       ordered by ontology.firms.rank_key; 6: closed firms counted only where local (CLOSED_LOCAL) —
#                       a file of an older version is recounted once on open
SAME_COLUMNS = ("3", "4", "5")  # older versions whose nodes table already has the current generated columns

#: a closed firm whose location is Taizhou (the rule of graph.store.aggregate_inputs.firm_state), on ``n``;
#: only an inactive firm's props are parsed
CLOSED_LOCAL = "(n.e_inactive = 1 AND json_extract(n.props, '$.local') IS 1)"

UPSERT_NODE = """
INSERT INTO nodes (label, id, props) VALUES (?, ?, ?)
ON CONFLICT (label, id) DO UPDATE SET props = json_patch(nodes.props, excluded.props)
"""

# inserts only when both endpoints exist; rowcount tells the caller how many landed
UPSERT_REL = """
INSERT INTO rels (type, src, dst, props)
SELECT ?, ?, ?, ?
WHERE EXISTS (SELECT 1 FROM nodes WHERE label = ? AND id = ?)
  AND EXISTS (SELECT 1 FROM nodes WHERE label = ? AND id = ?)
ON CONFLICT (type, src, dst) DO UPDATE SET props = json_patch(rels.props, excluded.props)
"""

# the same without the endpoint checks: a first load into an empty store checks its endpoints
# against the ids it has written itself (graph.store.sqlite_store), not with two lookups a row
UPSERT_REL_CHECKED_BY_CALLER = """
INSERT INTO rels (type, src, dst, props) VALUES (?, ?, ?, ?)
ON CONFLICT (type, src, dst) DO UPDATE SET props = json_patch(rels.props, excluded.props)
"""
FIRST_NODE = "SELECT 1 FROM nodes LIMIT 1"

NODES_BY_IDS = """
SELECT n.id, n.props FROM json_each(:ids) j CROSS JOIN nodes n ON n.label = :label AND n.id = j.value
"""
NODE_EXISTS = "SELECT 1 FROM nodes WHERE label = ? AND id = ?"
GET_NODE = "SELECT props FROM nodes WHERE label = ? AND id = ?"
DELETE_NODE = "DELETE FROM nodes WHERE label = ? AND id = ?"
DELETE_REL = "DELETE FROM rels WHERE type = ? AND src = ? AND dst = ?"
DELETE_REL_BY_SRC = "DELETE FROM rels WHERE type = ? AND src = ?"
DELETE_REL_BY_DST = "DELETE FROM rels WHERE type = ? AND dst = ?"
# one statement per filter in use: ``(? IS NULL OR src = ?)`` would scan every relationship of the type
GET_RELS = {(False, False): "SELECT src, dst, props FROM rels WHERE type = ? ORDER BY src, dst",
            (True, False): "SELECT src, dst, props FROM rels WHERE type = ? AND src = ? ORDER BY dst",
            (False, True): "SELECT src, dst, props FROM rels INDEXED BY rels_by_dst WHERE type = ? AND dst = ? "
                           "ORDER BY src",
            (True, True): "SELECT src, dst, props FROM rels WHERE type = ? AND src = ? AND dst = ?"}
# keyset pages of one type, walking the primary key (type, src, dst) from the last key seen
RELS_PAGE = {False: "SELECT src, dst, props FROM rels WHERE type = ? ORDER BY src, dst LIMIT ?",
             True: "SELECT src, dst, props FROM rels WHERE type = ? AND (src, dst) > (?, ?) ORDER BY src, dst LIMIT ?"}
OUT_IDS = "SELECT dst FROM rels WHERE type = ? AND src = ? ORDER BY dst"
IN_IDS = "SELECT src FROM rels WHERE type = ? AND dst = ? ORDER BY src"
COUNT_NODES = "SELECT label, count(*) FROM nodes GROUP BY label"
COUNT_RELS = "SELECT type, count(*) FROM rels GROUP BY type"



def enterprise_filter(*, cluster: bool, segment: bool, county: bool, local: bool, tag: bool, q: bool,
                      unplaced: bool = False, dataset: bool = False) -> str:
    """FROM/WHERE for the enterprise list, with only the filters in use (values stay parameters).
    ``q`` matches the name, the id, the business scope or any main product; ``unplaced`` keeps the
    firms with no IN_SEGMENT link (one indexed probe per firm), with ``cluster`` no link to that
    cluster's segments; ``dataset`` the firms IN_DATASET that dataset. ``:cluster`` is a JSON list of
    cluster ids (a firm of any of them; ``unplaced``: of none).

    Driven from the IN_SEGMENT index when a segment is given, so a filtered page costs
    O(firms of the segment), not O(all firms)."""
    if segment:  # the segment and its sub-segments (CHILD_OF), each firm once
        sql = ("FROM nodes n WHERE n.label = 'Enterprise' AND n.id IN ("
               "SELECT r.src FROM rels r INDEXED BY rels_by_dst WHERE r.type = 'IN_SEGMENT' AND r.dst IN ("
               "WITH RECURSIVE sub(id) AS (SELECT :segment UNION "
               "SELECT c.src FROM rels c JOIN sub ON c.type = 'CHILD_OF' AND c.dst = sub.id) SELECT id FROM sub))")
    else:  # an index that both filters and keeps id order, so a page stops early
        hint = " INDEXED BY nodes_by_county" if county else " INDEXED BY nodes_by_local" if local else ""
        sql = f"FROM nodes n{hint} WHERE n.label = 'Enterprise'"
    if county:
        sql += " AND n.e_county = :county"
    if local:
        sql += " AND n.e_local = :local"
    if q:  # a literal substring (no wildcards), ASCII case folded; as graph.store.cypher's CONTAINS
        sql += (" AND (instr(lower(json_extract(n.props, '$.name')), lower(:q)) OR instr(lower(n.id), lower(:q))"
                " OR instr(lower(json_extract(n.props, '$.business_scope')), lower(:q))"
                " OR EXISTS (SELECT 1 FROM json_each(n.props, '$.products') WHERE instr(lower(value), lower(:q))))")
    if tag:
        sql += " AND EXISTS (SELECT 1 FROM json_each(n.props, '$.tags') WHERE value = :tag)"
    if dataset:
        sql += (" AND n.id IN (SELECT d.src FROM rels d INDEXED BY rels_by_dst"
                " WHERE d.type = 'IN_DATASET' AND d.dst = :dataset)")
    if cluster and not unplaced:  # the cluster's members, gathered once from its segments (an in-memory set)
        sql += (" AND n.id IN (SELECT c.src FROM nodes s CROSS JOIN rels c INDEXED BY rels_by_dst"
                " ON c.type = 'IN_SEGMENT' AND c.dst = s.id WHERE s.label = 'Segment'"
                " AND s.s_cluster IN (SELECT value FROM json_each(:cluster)))")
    if unplaced and cluster:  # 未归入该集群: no link to the cluster's (or clusters') segments
        sql += (" AND n.id NOT IN (SELECT c.src FROM nodes s CROSS JOIN rels c INDEXED BY rels_by_dst"
                " ON c.type = 'IN_SEGMENT' AND c.dst = s.id WHERE s.label = 'Segment'"
                " AND s.s_cluster IN (SELECT value FROM json_each(:cluster)))")
    elif unplaced:  # 未归入环节: no link at all (with a segment filter: nothing)
        sql += " AND NOT EXISTS (SELECT 1 FROM rels u WHERE u.type = 'IN_SEGMENT' AND u.src = n.id)"
    return sql


# a ranked list's order (ontology.firms.rank_key, as graph.store.cypher.rank_order): leading, output
# (else revenue), listed, employees, registered capital in 人民币 — each unknown as 0 — and the id for ties
def _num(path: str) -> str:
    return (f"coalesce(CASE WHEN json_type(n.props, '{path}') IN ('integer', 'real', 'text') "
            f"THEN CAST(json_extract(n.props, '{path}') AS REAL) END, 0.0)")


RANK_ORDER = ("n.e_leading DESC, coalesce(n.e_output, 0.0) DESC, "
              "coalesce(json_extract(n.props, '$.stock_code'), '') <> '' DESC, " + _num("$.employees") + " DESC, "
              "CASE WHEN coalesce(nullif(json_extract(n.props, '$.capital_currency'), ''), '人民币') = '人民币' THEN "
              + _num("$.registered_capital") + " ELSE 0.0 END DESC, n.id")

#: the enterprise list's order: local (and operating) firms first, then as a ranked list (RANK_ORDER: what is
#: known of each firm, largest first; the id only for ties) — as graph.store.cypher's FIND_ENTERPRISES. Before,
#: by id: every registry firm (credit code 9133…) came before every listed one (sc-…), review 40 C8. The sort
#: reads the scale facts from the JSON: 200k firms, first page 0.09 → 0.7 s, the whole id list (kept per filter
#: and store version, sqlite_reads.ID_LIST_MAX) 0.47 → 1.8 s
ENTERPRISE_ORDER = "ORDER BY (n.e_local IS NOT 1), " + RANK_ORDER


# The aggregates counted in one SQL pass: no longer read by the analysis (the store keeps them,
# graph.store.aggregates), kept as an independent reference the tests compare the stored ones with.
SEGMENT_AGGREGATES = """
WITH RECURSIVE seg AS (
  SELECT id FROM nodes WHERE label = 'Segment'
    AND (:clusters IS NULL OR s_cluster IN (SELECT value FROM json_each(:clusters)))
), up (child, anc) AS (            -- every segment with its subtree: firms of a child count for the parent
  SELECT id, id FROM seg
  UNION
  SELECT r.src, up.anc FROM rels r JOIN up ON r.type = 'CHILD_OF' AND r.dst = up.child
), anc AS MATERIALIZED (            -- (segment, proper ancestor) pairs: a few hundred rows
  SELECT child, anc FROM up WHERE anc <> child
), members AS (                     -- (segment, firm), each pair once. Both parts read IN_SEGMENT by its
  SELECT r.dst AS sid, r.src AS eid     -- primary key (firm order) so node lookups walk the table in order
  FROM rels r INDEXED BY sqlite_autoindex_rels_1
  WHERE r.type = 'IN_SEGMENT' AND r.dst IN (SELECT id FROM seg)
  UNION ALL                         -- firms of a child segment count for each ancestor, once
  SELECT DISTINCT a.anc, r.src FROM rels r INDEXED BY sqlite_autoindex_rels_1 CROSS JOIN anc a ON a.child = r.dst
  WHERE r.type = 'IN_SEGMENT'
    AND NOT EXISTS (SELECT 1 FROM rels x WHERE x.type = 'IN_SEGMENT' AND x.src = r.src AND x.dst = a.anc)
), ent AS (
  SELECT m.sid, n.e_local AS local, n.e_output AS o, n.e_leading AS leading, """ + CLOSED_LOCAL + """ AS inactive
  FROM members m CROSS JOIN nodes n ON n.label = 'Enterprise' AND n.id = m.eid
), agg AS (
  SELECT sid,
         sum(local = 1) AS lc, sum(local = 0) AS oc,
         total(CASE WHEN local = 1 THEN o END) AS lo,
         total(CASE WHEN local = 1 THEN o * o END) AS lo2,
         coalesce(max(CASE WHEN local = 1 THEN o END), 0.0) AS mo,
         sum(local = 1 AND leading) AS lead,
         sum(local = 1 AND o IS NOT NULL) AS rep,
         sum(inactive = 1) AS inact
  FROM ent GROUP BY sid
), direct AS (
  SELECT r.dst AS sid, count(*) AS dl
  FROM rels r INDEXED BY rels_by_dst CROSS JOIN nodes n ON n.label = 'Enterprise' AND n.id = r.src
  WHERE r.type = 'IN_SEGMENT' AND r.dst IN (SELECT id FROM seg) AND n.e_local = 1 GROUP BY r.dst
), tech AS (
  SELECT r.src AS sid, count(*) AS needed,
         sum(EXISTS (SELECT 1 FROM rels h JOIN nodes e ON e.label = 'Enterprise' AND e.id = h.src
                     WHERE h.type = 'HOLDS' AND h.dst = r.dst AND e.e_local = 1)) AS held
  FROM rels r WHERE r.type = 'NEEDS' AND r.src IN (SELECT id FROM seg) GROUP BY r.src
)
SELECT seg.id, coalesce(agg.lc, 0), coalesce(agg.oc, 0), coalesce(agg.lo, 0.0), coalesce(agg.lo2, 0.0),
       coalesce(agg.mo, 0.0), coalesce(agg.lead, 0), coalesce(tech.needed, 0), coalesce(tech.held, 0),
       coalesce(agg.rep, 0), coalesce(direct.dl, 0), coalesce(agg.inact, 0)
FROM seg LEFT JOIN agg ON agg.sid = seg.id LEFT JOIN tech ON tech.sid = seg.id
LEFT JOIN direct ON direct.sid = seg.id
ORDER BY seg.id
"""

# local firms holding each technology: how many, and the largest first (one pass over HOLDS)
TECH_HOLDERS = f"""
WITH h AS (
  SELECT h.dst AS tech, n.id, n.e_output,
         row_number() OVER (PARTITION BY h.dst ORDER BY {RANK_ORDER}) AS rank,
         count(*) OVER (PARTITION BY h.dst) AS n
  FROM json_each(:techs) j
  CROSS JOIN rels h INDEXED BY rels_by_dst ON h.type = 'HOLDS' AND h.dst = j.value
  CROSS JOIN nodes n ON n.label = 'Enterprise' AND n.id = h.src
  WHERE n.e_local = 1
)
SELECT h.tech, h.n, n.props FROM h CROSS JOIN nodes n ON n.label = 'Enterprise' AND n.id = h.id
WHERE h.rank <= :limit ORDER BY h.tech, h.rank
"""

# distinct local firms, their output and how many are leading firms, across segments and their subtrees

SEGMENTS_OUTPUT = """
WITH RECURSIVE up (child) AS (
  SELECT value FROM json_each(:segments)
  UNION
  SELECT r.src FROM rels r JOIN up ON r.type = 'CHILD_OF' AND r.dst = up.child
), firms AS (
  SELECT DISTINCT r.src AS eid FROM up JOIN rels r ON r.type = 'IN_SEGMENT' AND r.dst = up.child
)
SELECT count(*), total(n.e_output), coalesce(sum(n.e_leading), 0)
FROM firms f JOIN nodes n ON n.label = 'Enterprise' AND n.id = f.eid
WHERE n.e_local = 1
"""

# operating local firms by cluster and county (graph.store.port.LocalGroup): each firm once per cluster
# (DISTINCT over its segments of that cluster); then by county alone, every operating local firm once.
# Driven from the nodes_by_local index (local firms only), then each firm's IN_SEGMENT rows and their
# segments by primary key: ~0.6 s on 100k firms, where a CTE of segments without an index took 2 s.
LOCAL_GROUPS = """
WITH member AS (
  SELECT DISTINCT s.s_cluster AS cluster, n.id, n.e_county AS county, n.e_output AS o, n.e_leading AS lead
  FROM nodes n INDEXED BY nodes_by_local
  CROSS JOIN rels r ON r.type = 'IN_SEGMENT' AND r.src = n.id
  CROSS JOIN nodes s ON s.label = 'Segment' AND s.id = r.dst
  WHERE n.label = 'Enterprise' AND n.e_local = 1
)
SELECT cluster, county, count(*), total(o), coalesce(sum(lead), 0) FROM member GROUP BY cluster, county
UNION ALL
SELECT NULL, e_county, count(*), total(e_output), coalesce(sum(e_leading), 0) FROM nodes INDEXED BY nodes_by_local
WHERE label = 'Enterprise' AND e_local = 1 GROUP BY e_county
"""

# the firms (local or outside) of some segments, in RANK_ORDER, each with all its segments
TOP_FIRMS = f"""
WITH cand AS (
  SELECT DISTINCT r.src AS eid FROM json_each(:segments) j
  CROSS JOIN rels r INDEXED BY rels_by_dst ON r.type = 'IN_SEGMENT' AND r.dst = j.value
), top AS (                        -- rank first; read the page's props and segments after
  SELECT n.id, row_number() OVER (ORDER BY {RANK_ORDER}) AS r
  FROM cand CROSS JOIN nodes n ON n.label = 'Enterprise' AND n.id = cand.eid
  WHERE n.e_local = :local ORDER BY r LIMIT :limit
)
SELECT n.props, (SELECT json_group_array(r2.dst) FROM rels r2 WHERE r2.type = 'IN_SEGMENT' AND r2.src = n.id)
FROM top CROSS JOIN nodes n ON n.label = 'Enterprise' AND n.id = top.id
ORDER BY top.r
"""

# per dataset: operating local firms per cluster (IN_DATASET × IN_SEGMENT, each firm once per cluster);
# a reference for the tests, as SEGMENT_AGGREGATES
DATASET_CLUSTERS = """
SELECT d.dst, s.s_cluster, count(DISTINCT d.src)
FROM rels d INDEXED BY rels_by_dst
CROSS JOIN nodes n ON n.label = 'Enterprise' AND n.id = d.src
CROSS JOIN rels r ON r.type = 'IN_SEGMENT' AND r.src = d.src
CROSS JOIN nodes s ON s.label = 'Segment' AND s.id = r.dst
WHERE d.type = 'IN_DATASET' AND n.e_local = 1
GROUP BY d.dst, s.s_cluster ORDER BY d.dst, s.s_cluster
"""


# -- stored aggregates (graph.store.aggregates): what a write reads to move them, inside its transaction --
AGG_STATE = "SELECT value FROM meta WHERE key = 'aggregates'"
AGG_SAVE = "INSERT OR REPLACE INTO meta VALUES ('aggregates', ?)"
CHILD_OF_PAIRS = "SELECT src, dst FROM rels WHERE type = 'CHILD_OF' ORDER BY src, dst"
SEGMENT_CLUSTER_MAP = "SELECT id, s_cluster FROM nodes WHERE label = 'Segment' ORDER BY id"
NEEDS_PAIRS = "SELECT src, dst FROM rels WHERE type = 'NEEDS'"
# the scale facts of a ranked list's order (read as they are stored; ontology.firms.size_facts reads them)
_SIZE_PROPS = ("json_extract(n.props, '$.employees'), json_extract(n.props, '$.registered_capital'), "
               "json_extract(n.props, '$.capital_currency'), json_extract(n.props, '$.stock_code')")
FIRM_FEATURES = f"""
SELECT n.id, n.e_local, n.e_output, n.e_leading, {CLOSED_LOCAL}, {_SIZE_PROPS}
FROM json_each(:ids) j CROSS JOIN nodes n ON n.label = 'Enterprise' AND n.id = j.value
"""
FIRM_LINKS = """
SELECT r.type, r.src, r.dst FROM json_each(:ids) j
CROSS JOIN rels r ON r.type IN ('IN_SEGMENT', 'HOLDS', 'IN_DATASET') AND r.src = j.value
"""
FIRM_FEATURES_PAGE = f"""
SELECT n.id, n.e_local, n.e_output, n.e_leading, {CLOSED_LOCAL}, {_SIZE_PROPS} FROM nodes n
WHERE n.label = 'Enterprise' AND n.id > ? ORDER BY n.id LIMIT ?
"""
FIRM_LINKS_RANGE = "SELECT type, src, dst FROM rels WHERE type = ? AND src BETWEEN ? AND ?"
LINKED_FIRMS = """
SELECT DISTINCT r.src FROM json_each(:dsts) j
CROSS JOIN rels r INDEXED BY rels_by_dst ON r.type = :type AND r.dst = j.value
"""
FIRM_SEGMENTS = """
SELECT r.src, json_group_array(r.dst) FROM json_each(:ids) j
CROSS JOIN rels r ON r.type = 'IN_SEGMENT' AND r.src = j.value GROUP BY r.src
"""
