"""Read-only guard of the Cypher console: reject writes BEFORE anything reaches Neo4j.

Why a guard in front of a read transaction: the read transaction is the real barrier (the server
refuses writes in it), but some things are harmful without writing — ``LOAD CSV`` reads files and
URLs from the server, ``dbms.*`` procedures administer it, admin commands are not transactional at
all. So the query is scanned, conservatively, after string literals, comments and backtick quotes
are blanked out (a keyword inside ``'…'`` or ``/* … */`` cannot hide or fake a clause; a backtick
name is scanned as plain words, so ```CREATE``` is refused too). ``CALL`` is allowed only for
subqueries and a small list of schema-introspection procedures.

>>> read_only("MATCH (n) WHERE n.name = 'CREATE' RETURN n // DELETE")
"MATCH (n) WHERE n.name = 'CREATE' RETURN n // DELETE"
>>> read_only("MATCH (n) DELETE n")
Traceback (most recent call last):
...
graph.cypher_guard.CypherRefused: field query: write or admin clause not allowed: DELETE
"""

from __future__ import annotations

import re

from chainkg.errors import ChainKGError

__all__ = ["read_only", "strip_literals", "CypherRefused", "ALLOWED_PROCEDURES"]

_FORBIDDEN = ("CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH", "LOAD", "ALTER",
              "GRANT", "DENY", "REVOKE", "RENAME", "START", "STOP", "TERMINATE", "ENABLE", "DEALLOCATE",
              "REALLOCATE", "PERIODIC", "TRANSACTIONS", "SHOW", "USE", "INSERT")
_FORBIDDEN_RE = re.compile(r"(?<![.\w$])(" + "|".join(_FORBIDDEN) + r")\b", re.IGNORECASE)  # not after "n."
ALLOWED_PROCEDURES = frozenset({"db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
                                "db.schema.nodetypeproperties", "db.schema.reltypeproperties"})
_CALL_RE = re.compile(r"\bCALL\b\s*([A-Za-z_][\w.]*|\{|\()?", re.IGNORECASE)


class CypherRefused(ChainKGError):
    """The query is not a plain read."""

    code = "cypher_refused"
    http_status = 400


def strip_literals(query: str) -> str:
    """Blank out string literals and comments (same length, quotes kept); unwrap backtick names.

    >>> strip_literals("RETURN 'a//b' /* x */ , `my name` // c")
    "RETURN '    '         ,  my name      "
    """
    out, i, n = [], 0, len(query)
    while i < n:
        ch = query[i]
        if ch in ("'", '"'):
            j = i + 1
            while j < n and query[j] != ch:
                j += 2 if query[j] == "\\" else 1
            if j >= n:
                raise CypherRefused("unterminated string literal", field="query")
            out.append(ch + " " * (j - i - 1) + ch)
            i = j + 1
        elif query.startswith("//", i):
            j = query.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif query.startswith("/*", i):
            j = query.find("*/", i + 2)
            if j < 0:
                raise CypherRefused("unterminated comment", field="query")
            out.append(" " * (j + 2 - i))
            i = j + 2
        elif ch == "`":
            j = query.find("`", i + 1)
            if j < 0:
                raise CypherRefused("unterminated backtick name", field="query")
            out.append(" " + query[i + 1:j] + " ")  # scanned as words: a quoted name cannot hide a keyword
            i = j + 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def read_only(query: str) -> str:
    """Return ``query`` unchanged if it is a plain read; raise :class:`CypherRefused` otherwise."""
    code = strip_literals(query)
    if ";" in code.rstrip().rstrip(";"):
        raise CypherRefused("one statement only", field="query")
    m = _FORBIDDEN_RE.search(code)
    if m:
        raise CypherRefused(f"write or admin clause not allowed: {m.group(1).upper()}", field="query",
                            keyword=m.group(1).upper())
    for call in _CALL_RE.finditer(code):
        target = call.group(1)
        if target in ("{", "("):
            continue  # a subquery: its body is scanned like the rest
        if target is None or target.lower() not in ALLOWED_PROCEDURES:
            raise CypherRefused(f"procedure not allowed: {target or '?'} (allowed: {', '.join(sorted(ALLOWED_PROCEDURES))})",
                                field="query", procedure=target)
    return query
