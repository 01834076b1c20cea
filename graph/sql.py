"""All SQL of the embedded store, in one module, always parameterised."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS nodes (
  label TEXT NOT NULL, id TEXT NOT NULL, props TEXT NOT NULL,
  PRIMARY KEY (label, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rels (
  type TEXT NOT NULL, src TEXT NOT NULL, dst TEXT NOT NULL, props TEXT NOT NULL,
  PRIMARY KEY (type, src, dst)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rels_by_dst ON rels (type, dst, src);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

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

NODE_EXISTS = "SELECT 1 FROM nodes WHERE label = ? AND id = ?"
GET_NODE = "SELECT props FROM nodes WHERE label = ? AND id = ?"
DELETE_NODE = "DELETE FROM nodes WHERE label = ? AND id = ?"
DELETE_REL = "DELETE FROM rels WHERE type = ? AND src = ? AND dst = ?"
DELETE_REL_BY_SRC = "DELETE FROM rels WHERE type = ? AND src = ?"
DELETE_REL_BY_DST = "DELETE FROM rels WHERE type = ? AND dst = ?"
GET_RELS = """
SELECT src, dst, props FROM rels
WHERE type = ? AND (? IS NULL OR src = ?) AND (? IS NULL OR dst = ?)
ORDER BY src, dst
"""
OUT_IDS = "SELECT dst FROM rels WHERE type = ? AND src = ? ORDER BY dst"
IN_IDS = "SELECT src FROM rels WHERE type = ? AND dst = ? ORDER BY src"
COUNT_NODES = "SELECT label, count(*) FROM nodes GROUP BY label"
COUNT_RELS = "SELECT type, count(*) FROM rels GROUP BY type"

_ENTERPRISE_FILTER = """
FROM nodes n
WHERE n.label = 'Enterprise'
  AND (:county IS NULL OR json_extract(n.props, '$.county') = :county)
  AND (:local IS NULL OR json_extract(n.props, '$.local') = :local)
  AND (:q IS NULL OR json_extract(n.props, '$.name') LIKE :q
       OR json_extract(n.props, '$.id') LIKE :q)
  AND (:tag IS NULL OR EXISTS (SELECT 1 FROM json_each(n.props, '$.tags') WHERE value = :tag))
  AND (:segment IS NULL OR EXISTS (
        SELECT 1 FROM rels r WHERE r.type = 'IN_SEGMENT' AND r.src = n.id AND r.dst = :segment))
  AND (:cluster IS NULL OR EXISTS (
        SELECT 1 FROM rels r JOIN nodes s ON s.label = 'Segment' AND s.id = r.dst
        WHERE r.type = 'IN_SEGMENT' AND r.src = n.id AND json_extract(s.props, '$.cluster') = :cluster))
"""
COUNT_ENTERPRISES = "SELECT count(*) " + _ENTERPRISE_FILTER
FIND_ENTERPRISES = "SELECT n.props " + _ENTERPRISE_FILTER + " ORDER BY n.id LIMIT :limit OFFSET :offset"

SEGMENT_AGGREGATES = """
WITH RECURSIVE seg AS (
  SELECT id FROM nodes
  WHERE label = 'Segment' AND (:cluster IS NULL OR json_extract(props, '$.cluster') = :cluster)
), up (child, anc) AS (            -- every segment with its subtree: firms of a child count for the parent
  SELECT id, id FROM seg
  UNION
  SELECT r.src, up.anc FROM rels r JOIN up ON r.type = 'CHILD_OF' AND r.dst = up.child
), ent AS (
  SELECT DISTINCT up.anc AS sid, n.id AS eid,
         json_extract(n.props, '$.local') AS local,
         coalesce(json_extract(n.props, '$.output'), json_extract(n.props, '$.revenue'), 0.0) AS o,
         EXISTS (SELECT 1 FROM json_each(n.props, '$.tags') t
                 WHERE t.value IN (SELECT value FROM json_each(:leading))) AS leading
  FROM up JOIN rels r ON r.type = 'IN_SEGMENT' AND r.dst = up.child
  JOIN nodes n ON n.label = 'Enterprise' AND n.id = r.src
), agg AS (
  SELECT sid,
         sum(local = 1) AS lc, sum(local = 0) AS oc,
         total(CASE WHEN local = 1 THEN o END) AS lo,
         total(CASE WHEN local = 1 THEN o * o END) AS lo2,
         coalesce(max(CASE WHEN local = 1 THEN o END), 0.0) AS mo,
         sum(local = 1 AND leading) AS lead
  FROM ent GROUP BY sid
), tech AS (
  SELECT r.src AS sid, count(*) AS needed,
         sum(EXISTS (SELECT 1 FROM rels h JOIN nodes e ON e.label = 'Enterprise' AND e.id = h.src
                     WHERE h.type = 'HOLDS' AND h.dst = r.dst AND json_extract(e.props, '$.local') = 1)) AS held
  FROM rels r WHERE r.type = 'NEEDS' AND r.src IN (SELECT id FROM seg) GROUP BY r.src
)
SELECT seg.id, coalesce(agg.lc, 0), coalesce(agg.oc, 0), coalesce(agg.lo, 0.0), coalesce(agg.lo2, 0.0),
       coalesce(agg.mo, 0.0), coalesce(agg.lead, 0), coalesce(tech.needed, 0), coalesce(tech.held, 0)
FROM seg LEFT JOIN agg ON agg.sid = seg.id LEFT JOIN tech ON tech.sid = seg.id
ORDER BY seg.id
"""

# distinct local firms (and their output) across a set of segments, subtrees included
SEGMENTS_OUTPUT = """
WITH RECURSIVE up (child) AS (
  SELECT value FROM json_each(:segments)
  UNION
  SELECT r.src FROM rels r JOIN up ON r.type = 'CHILD_OF' AND r.dst = up.child
), firms AS (
  SELECT DISTINCT n.id, coalesce(json_extract(n.props, '$.output'), json_extract(n.props, '$.revenue'), 0.0) AS o
  FROM up JOIN rels r ON r.type = 'IN_SEGMENT' AND r.dst = up.child
  JOIN nodes n ON n.label = 'Enterprise' AND n.id = r.src
  WHERE json_extract(n.props, '$.local') = 1
)
SELECT count(*), total(o) FROM firms
"""

# outside (non-local) firms of some segments, biggest first, each with all its segments
OUTSIDE_FIRMS = """
SELECT n.props, (SELECT json_group_array(r2.dst) FROM rels r2 WHERE r2.type = 'IN_SEGMENT' AND r2.src = n.id)
FROM nodes n
WHERE n.label = 'Enterprise' AND json_extract(n.props, '$.local') = 0
  AND n.id IN (SELECT r.src FROM rels r WHERE r.type = 'IN_SEGMENT' AND r.dst IN (SELECT value FROM json_each(:segments)))
ORDER BY coalesce(json_extract(n.props, '$.output'), json_extract(n.props, '$.revenue'), 0.0) DESC, n.id
LIMIT :limit
"""
