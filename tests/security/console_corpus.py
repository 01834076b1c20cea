"""Attempts to get past the Cypher console's guard: each must be refused before it runs.

``ATTEMPTS``: (id, query). ``{csv}`` stands for a file URL of a CSV in Neo4j's import directory and
``{http}`` for an ``http://`` URL of a listener on the local machine; the tests fill them in.
``RESOURCE``: queries the guard refuses for their size (Neo4j 5.26 overflows its stack on them and
then never answers). ``ALLOWED``: reads that must keep working.
"""

from __future__ import annotations

CR = "\r"

ADMIN = {
    "show-users": "SHOW USERS",
    "show-settings": "SHOW SETTINGS",
    "show-transactions": "SHOW TRANSACTIONS",
    "terminate": "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "list-connections": "CALL dbms.listConnections()",
    "list-config": "CALL dbms.listConfig()",
    "kill-connection": "CALL dbms.killConnection('bolt-1')",
    "clear-caches": "CALL db.clearQueryCaches()",
    "load-csv-file": "LOAD CSV FROM '{csv}' AS l RETURN l",
    "load-csv-http": "LOAD CSV FROM '{http}' AS l RETURN l",
}

ATTEMPTS: list[tuple[str, str]] = [
    # the reported bypass: a // comment ended by a bare carriage return, in every shape
    *[(f"cr-comment/{k}", f"// x{CR}{q}") for k, q in ADMIN.items()],
    *[(f"cr-comment-after-read/{k}", f"RETURN 1 AS x // x{CR}UNION ALL {q}") for k, q in ADMIN.items()
      if not q.startswith("LOAD")],
    ("cr-comment/two-lines", f"MATCH (n) RETURN count(n) AS n // a{CR}// b{CR}{CR}SHOW USERS"),
    ("crlf-comment/show-users", "// x\r\nSHOW USERS"),
    ("cr-comment/terminate-yield", f"//{CR}SHOW TRANSACTIONS YIELD transactionId AS t{CR}TERMINATE TRANSACTIONS t"),
    ("cr-comment/in-subquery", f"CALL {{ // x{CR}SHOW SETTINGS YIELD name RETURN name }} RETURN name"),
    ("block-comment/show", "/* x */ SHOW USERS"),
    ("block-comment/glued", "MATCH (n) RETURN n/**/UNION/**/SHOW/**/USERS"),
    ("block-comment/nested", "RETURN 1 AS x /* a /* b */ SHOW USERS */"),
    # Neo4j decodes \uXXXX before lexing: a quote or a newline can be smuggled in
    ("unicode-escape/close-string", "RETURN 'x\\u0027 AS y SHOW USERS //' AS z"),
    ("unicode-escape/newline-in-comment", "RETURN 1 AS x // \\u000aSHOW USERS"),
    ("unicode-escape/cr-in-comment", "RETURN 1 AS x // \\u000dSHOW USERS"),
    ("unicode-escape/keyword", "\\u0053HOW USERS"),
    ("unicode-escape/uppercase", "RETURN '\\U00000027' AS x"),
    # control and invisible characters
    ("control/nul", "SHOW\x00USERS"),
    ("control/vertical-tab-comment", "RETURN 1 AS x // \x0bSHOW USERS"),
    ("invisible/zero-width", "RETURN 1 AS x\u200b"),
    ("invisible/bidi-override", "RETURN '\u202e' AS x"),
    ("invisible/bom", "\ufeffSHOW USERS"),
    # case, spacing, quoting
    ("case/lower", "show users"),
    ("case/mixed", "ShOw SeTtInGs"),
    ("space/tab", "SHOW\tTRANSACTIONS"),
    ("space/nbsp", "SHOW\u00a0USERS"),
    ("space/ideographic", "SHOW\u3000USERS"),
    ("quoted/procedure", "CALL `dbms`.`listConfig`()"),
    ("quoted/whole-procedure", "CALL `dbms.listConfig`()"),
    ("quoted/keyword", "MATCH (n) `SHOW` USERS"),
    ("spaced/procedure", "CALL dbms . listConfig()"),
    ("second-call", "CALL db.labels() YIELD label CALL dbms.listConfig() YIELD name RETURN label, name"),
    ("allowed-prefix", "CALL db.labelsX()"),
    ("procedure-without-parens", "CALL dbms.listConnections"),
    # subqueries and unions
    ("subquery/terminate", "CALL { TERMINATE TRANSACTIONS 'neo4j-transaction-1' } RETURN 1"),
    ("subquery/load-csv", "MATCH (n) CALL (n) { LOAD CSV FROM '{csv}' AS l RETURN l } RETURN l"),
    ("subquery/count-proc", "RETURN COUNT { CALL dbms.listConfig() YIELD name RETURN name } AS n"),
    ("subquery/exists-show", "RETURN EXISTS { SHOW USERS } AS x"),
    ("union/show-settings", "RETURN 'x' AS name UNION SHOW SETTINGS YIELD name RETURN name"),
    ("scoped-call-procedure", "MATCH (n) CALL (n) db.clearQueryCaches() RETURN 1"),
    # statements, options and database switches
    ("two-statements", "RETURN 1; SHOW USERS"),
    ("two-statements/cr", f"RETURN 1 ;{CR}TERMINATE TRANSACTIONS 'neo4j-transaction-1'"),
    ("explain", "EXPLAIN SHOW USERS"),
    ("profile", "PROFILE CALL dbms.listConfig()"),
    ("cypher-options", "CYPHER runtime=slotted SHOW USERS"),
    ("use-system", "USE system SHOW USERS"),
    ("use-in-subquery", "CALL { USE system RETURN 1 AS x } RETURN x"),
    # LOAD CSV in every form (files and the local network)
    ("load-csv/headers", "LOAD CSV WITH HEADERS FROM '{csv}' AS r RETURN r"),
    ("load-csv/lower", "load csv from '{http}' as l return l"),
    ("load-csv/variable-url", "WITH '{http}' AS u LOAD CSV FROM u AS l RETURN l"),
    ("load-csv/periodic", "USING PERIODIC COMMIT LOAD CSV FROM '{csv}' AS l RETURN l"),
    # writes and schema/admin commands
    ("write/create", "CREATE (n:Cluster {id: 'evil', name: 'x', source: 'x'}) RETURN n"),
    ("write/insert", "INSERT (n:Cluster {id: 'evil'})"),
    ("write/merge", "MERGE (n:Cluster {id: 'evil'}) RETURN n"),
    ("write/set", "MATCH (n:Cluster) SET n.name = 'x' RETURN n"),
    ("write/delete", "MATCH (n) DETACH DELETE n"),
    ("write/nodetach", "MATCH (n) NODETACH DELETE n"),
    ("write/remove", "MATCH (n:Cluster) REMOVE n.name RETURN n"),
    ("write/foreach", "MATCH (n:Cluster) FOREACH (x IN [1] | SET n.name = 'x')"),
    ("write/in-transactions", "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS"),
    ("write/hidden-after-comment", "MATCH (n:Cluster) RETURN n /* */ DETACH DELETE n"),
    ("write/procedure", "CALL db.createLabel('Evil')"),
    ("schema/index", "CREATE INDEX evil IF NOT EXISTS FOR (n:Cluster) ON (n.name)"),
    ("schema/drop-constraint", "DROP CONSTRAINT cluster_id"),
    ("admin/password", "ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'b'"),
    ("admin/create-user", "CREATE USER evil SET PASSWORD 'evil-password-123'"),
    ("admin/stop-database", "STOP DATABASE neo4j"),
    ("admin/create-database", "CREATE DATABASE evil"),
    # functions outside the allowed namespaces
    ("function/apoc", "RETURN apoc.cypher.runFirstColumnSingle('SHOW USERS', {}) AS x"),
    ("function/dbms", "RETURN dbms.components() AS x"),
    ("function/quoted", "RETURN `point`.distance(point({x: 0, y: 0}), point({x: 1, y: 1})) AS d"),
]

RESOURCE: list[tuple[str, str]] = [
    ("nested-list-400", "RETURN " + "[" * 400 + "1" + "]" * 400 + " AS x"),
    ("nested-list-300", "RETURN " + "[" * 300 + "1" + "]" * 300 + " AS x"),
    ("nested-map-300", "RETURN " + "{a: " * 300 + "1" + "}" * 300 + " AS x"),
    ("nested-case-300", "RETURN " + "CASE WHEN true THEN " * 300 + "1" + " END" * 300 + " AS x"),
    ("not-chain-1000", "RETURN " + "NOT " * 1000 + "true AS x"),
    ("concat-chain-1000", "RETURN " + " + ".join(["'a'"] * 1000) + " AS x"),
    ("tokens-5000", "RETURN [" + ", ".join(["1"] * 2600) + "] AS x"),
    ("depth-25", "RETURN " + "(" * 25 + "1" + ")" * 25 + " AS x"),
]

ALLOWED: list[str] = [
    "MATCH (c:Cluster) RETURN c.id AS id, c.name AS name ORDER BY id",
    "MATCH (n) WHERE n.name = 'SHOW USERS' RETURN count(n) AS n",
    "MATCH (e:Enterprise)-[r:IN_SEGMENT]->(s:Segment) RETURN e, r, s LIMIT 5",
    "MATCH p = (:Enterprise)-[:IN_SEGMENT]->(:Segment) RETURN p LIMIT 2",
    "OPTIONAL MATCH (n:Nothing) RETURN n",
    "UNWIND range(1, 3) AS x WITH x WHERE x > 1 RETURN collect(x) AS xs",
    "CALL db.labels() YIELD label RETURN label ORDER BY label",
    "CALL db.schema.visualization()",
    "MATCH (s:Segment) CALL (s) { MATCH (e)-[:IN_SEGMENT]->(s) RETURN count(e) AS n } RETURN s.id, n LIMIT 3",
    "MATCH (c:Cluster) RETURN c.id AS id, COUNT { (c)<-[]-() } AS degree ORDER BY id",
    "RETURN CASE WHEN 1 < 2 THEN [x IN range(1, 3) WHERE x % 2 = 1 | x * 10] ELSE [] END AS xs",
    "RETURN point.distance(point({x: 0, y: 0}), point({x: 3, y: 4})) AS d, date.truncate('month', date('2026-11-30')) AS m",
    "MATCH (n:Cluster) RETURN n.set AS s, n.load AS l LIMIT 1 // a comment with SHOW USERS",
    "RETURN 1 AS x // Neo4j too ends this comment at \\n or \\r only, not at U+2028:\u2028SHOW USERS",
    "MATCH (n:Cluster)\r\nRETURN n.id AS id /* LOAD CSV */ ORDER BY id LIMIT 1;",
    "RETURN '上市公司' AS 名称, $p AS p",
    "RETURN " + "[" * 20 + "1" + "]" * 20 + " AS deep",
]
