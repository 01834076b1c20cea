"""Read-only guard of the Cypher console: only plain reads reach Neo4j, in a form both sides lex alike.

Why a guard: Neo4j Community has no roles, so the console's user can do everything the app's user
can; the READ transaction stops writes, but not ``SHOW …``/``TERMINATE TRANSACTIONS``, ``dbms.*``
procedures or ``LOAD CSV`` (files, and URLs on the local network). So the console admits an
allow-list of clause shapes, checked on the query as Neo4j will see it:

1. **Normalise** and 2. **lex** (:mod:`graph.store.cypher_lex`): Neo4j ends a ``//`` comment at a
   bare ``\\r`` too and decodes ``\\uXXXX`` escapes before lexing, so line terminators become
   ``\\n``, escapes and control or invisible characters are refused, comments are blanked out —
   the normalised text is what runs — and any character the lexer does not know is refused.
3. **Shapes.** One statement; it starts with ``MATCH``, ``OPTIONAL``, ``WITH``, ``UNWIND``, ``RETURN``
   or ``CALL``; no word that begins a write, admin or I/O clause appears anywhere (``CREATE``,
   ``MERGE``, ``SET``, ``LOAD``, ``SHOW``, ``TERMINATE``, ``USE``, …, unless it follows a ``.`` as a
   property key); ``CALL`` opens a subquery (``CALL {``, ``CALL (x) {``) or calls one of
   :data:`ALLOWED_PROCEDURES`; namespaced functions only from :data:`ALLOWED_FUNCTION_NAMESPACES`.
4. **Size.** At most :data:`MAX_DEPTH` nested brackets/``CASE``, :data:`MAX_OPERATORS` operators and
   :data:`MAX_TOKENS` tokens: Neo4j 5.26 overflows its stack on ~300 nested lists or maps, 300
   nested ``CASE`` or ~1000 chained ``NOT`` and then never answers.

Then :meth:`graph.store.neo4j_store.Neo4jStore.run_read` checks Neo4j's own ``EXPLAIN`` of the normalised
query (:func:`check_plan`: query type ``r``, no ``Show*``/``Terminate*``/``LoadCSV`` operator, no
procedure outside the allow-list) and runs it in a READ transaction with a server timeout, a
client deadline and byte caps. Both checks refuse with
:class:`~graph.store.cypher_errors.CypherRefused` (HTTP 400).

>>> read_only("MATCH (n) WHERE n.name = 'CREATE' RETURN n // DELETE")
"MATCH (n) WHERE n.name = 'CREATE' RETURN n          "
>>> read_only("MATCH (n) DELETE n")
Traceback (most recent call last):
...
graph.store.cypher_errors.CypherRefused: field query: write or admin clause not allowed: DELETE
"""

from __future__ import annotations

import re

from graph.store.cypher_errors import CypherRefused, CypherResultTooLarge, refuse
from graph.store.cypher_lex import Token, lex, normalise, strip_literals, tokens

__all__ = ["read_only", "normalise", "tokens", "check_plan", "strip_literals", "CypherRefused",
           "CypherResultTooLarge", "ALLOWED_PROCEDURES", "ALLOWED_FUNCTION_NAMESPACES", "DENIED_WORDS",
           "START_WORDS", "MAX_DEPTH", "MAX_OPERATORS", "MAX_TOKENS"]

#: words that begin a clause or command other than a plain read (Cypher 5 and 25, admin commands,
#: GQL synonyms) — refused wherever they appear as a word, except as a property key after ``.``
DENIED_WORDS = frozenset({
    "CREATE", "INSERT", "MERGE", "DELETE", "DETACH", "NODETACH", "SET", "REMOVE", "FOREACH", "LOAD", "USE",
    "SHOW", "TERMINATE", "ALTER", "DROP", "GRANT", "DENY", "REVOKE", "RENAME", "START", "STOP", "ENABLE",
    "DEALLOCATE", "REALLOCATE", "DRYRUN", "TRANSACTION", "TRANSACTIONS", "PERIODIC", "COMMIT", "ROLLBACK",
    "IMPERSONATE", "PRIVILEGE", "PRIVILEGES", "LET", "FILTER", "NEXT", "FINISH", "CYPHER", "EXPLAIN", "PROFILE",
})
#: the clauses a console query may start with
START_WORDS = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"})
#: read-only schema introspection (lower case); CALL of anything else is refused
ALLOWED_PROCEDURES = frozenset({"db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
                                "db.schema.nodetypeproperties", "db.schema.reltypeproperties"})
#: namespaces of built-in pure functions (point.distance, date.truncate, …); db., dbms., apoc., … are refused
ALLOWED_FUNCTION_NAMESPACES = frozenset({"date", "datetime", "localdatetime", "localtime", "time", "duration",
                                         "point", "vector"})
MAX_DEPTH = 24        # nested ( [ { and CASE … END
MAX_OPERATORS = 150   # + - * / % ^ || = <> < > <= >= =~ AND OR XOR NOT IN IS STARTS ENDS CONTAINS
MAX_TOKENS = 4000

_OPERATOR_WORDS = frozenset({"AND", "OR", "XOR", "NOT", "IN", "IS", "STARTS", "ENDS", "CONTAINS"})
_OPERATORS = frozenset({"+", "-", "*", "/", "%", "^", "||", "=", "<>", "<", ">", "<=", ">=", "=~", "!="})
_CLOSE = {")": "(", "]": "[", "}": "{"}
# plan operators that read-typed queries may still contain but the console refuses
_DENIED_OPERATOR = re.compile(r"^(Show|Terminate|Load|Create|Merge|Delete|DetachDelete|Set|Remove|Foreach|"
                              r"Transaction|Alter|Drop|Grant|Deny|Revoke|Start|Stop|Enable|Rename|Assert|"
                              r"Procedure(?!Call$)|SystemProcedure|Admin)")


def _dotted(toks: list[Token], i: int) -> tuple[str, int, bool]:
    """The dotted name starting at ``toks[i]``: (name, index after it, any part backtick-quoted)."""
    parts, quoted = [toks[i].text], toks[i].kind == "name"
    j = i + 1
    while j + 1 < len(toks) and toks[j].text == "." and toks[j + 1].kind in ("word", "name"):
        parts.append(toks[j + 1].text)
        quoted |= toks[j + 1].kind == "name"
        j += 2
    return ".".join(parts), j, quoted


def _matching(toks: list[Token], i: int) -> int:
    """Index of the bracket closing ``toks[i]`` (an opening bracket), or -1."""
    depth = 0
    for j in range(i, len(toks)):
        if toks[j].kind != "punct":
            continue
        if toks[j].text in "([{":
            depth += 1
        elif toks[j].text in ")]}":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _check_call(toks: list[Token], i: int) -> None:
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        raise refuse("CALL needs a subquery or a procedure")
    if nxt.kind == "punct" and nxt.text == "{":
        return
    if nxt.kind == "punct" and nxt.text == "(":
        k = _matching(toks, i + 1)
        if k > 0 and k + 1 < len(toks) and toks[k + 1].text == "{" and toks[k + 1].kind == "punct":
            return
        raise refuse("CALL (…) must open a subquery: CALL (x) { … }")
    if nxt.kind in ("word", "name"):
        name, _, quoted = _dotted(toks, i + 1)
        if quoted:
            raise refuse(f"quoted procedure names are not allowed: {name}", procedure=name)
        if name.lower() not in ALLOWED_PROCEDURES:
            raise refuse(f"procedure not allowed: {name} (allowed: {', '.join(sorted(ALLOWED_PROCEDURES))})",
                         procedure=name)
        return
    raise refuse(f"procedure not allowed: {nxt.text}", procedure=nxt.text)


def read_only(query: str) -> str:
    """The normalised query (:func:`normalise`) if it is a plain read; raise :class:`CypherRefused` otherwise."""
    text, toks = lex(query)
    if toks and toks[-1].kind == "punct" and toks[-1].text == ";":
        toks = toks[:-1]
    if any(t.kind == "punct" and t.text == ";" for t in toks):
        raise refuse("one statement only")
    if not toks:
        raise refuse("empty query")
    if len(toks) > MAX_TOKENS:
        raise refuse(f"query too long: {len(toks)} tokens (at most {MAX_TOKENS})")
    first = toks[0]
    if first.kind != "word" or first.text.upper() not in START_WORDS:
        word = first.text.upper() if first.kind == "word" else first.text
        if word in DENIED_WORDS:
            raise refuse(f"write or admin clause not allowed: {word}", keyword=word)
        raise refuse(f"a console query starts with one of {', '.join(sorted(START_WORDS))} (not {first.text!r})")
    stack: list[str] = []
    operators = 0
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i else None
        after_dot = prev is not None and prev.kind == "punct" and prev.text == "."
        if t.kind == "word" and not after_dot:
            word = t.text.upper()
            if word in DENIED_WORDS:
                raise refuse(f"write or admin clause not allowed: {word}", keyword=word)
            if word == "CALL":
                _check_call(toks, i)
            elif word == "CASE":
                stack.append("CASE")
            elif word == "END" and stack and stack[-1] == "CASE":
                stack.pop()
            elif word in _OPERATOR_WORDS:
                operators += 1
        elif t.kind == "name" and t.text.strip().upper() in DENIED_WORDS:
            raise refuse(f"write or admin clause not allowed: {t.text.strip().upper()}", keyword=t.text.strip().upper())
        if t.kind in ("word", "name") and not after_dot and (prev is None or prev.text.upper() != "CALL"):
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and nxt.kind == "punct" and nxt.text == ".":  # a namespaced function call?
                name, j, quoted = _dotted(toks, i)
                if j < len(toks) and toks[j].kind == "punct" and toks[j].text == "(" and "." in name:
                    if quoted or name.split(".")[0].lower() not in ALLOWED_FUNCTION_NAMESPACES:
                        raise refuse(f"function not allowed: {name} (allowed namespaces: "
                                     f"{', '.join(sorted(ALLOWED_FUNCTION_NAMESPACES))})", function=name)
        if t.kind == "punct":
            if t.text in ("(", "[", "{"):
                stack.append(t.text)
            elif t.text in _CLOSE:
                # unbalanced brackets are Neo4j's syntax error to report (422); here they only end a level
                if _CLOSE[t.text] in stack:
                    while stack.pop() != _CLOSE[t.text]:
                        pass
            elif t.text in _OPERATORS:
                operators += 1
        if len(stack) > MAX_DEPTH:
            raise refuse(f"nested too deeply: more than {MAX_DEPTH} levels of brackets or CASE", position=t.pos)
        if operators > MAX_OPERATORS:
            raise refuse(f"too many operators: more than {MAX_OPERATORS}", position=t.pos)
    return text


def check_plan(summary) -> None:
    """Second check, on Neo4j's own ``EXPLAIN`` (a driver ``ResultSummary``): refuse anything but a plain read.

    The query type must be ``r`` (admin commands and most ``dbms.*`` procedures report ``s``, writes
    ``w``/``rw``), and the plan must hold no operator that reads outside the graph or acts on the
    server (``ShowSettings``, ``TerminateTransactions``, ``LoadCSV``, …) and no procedure outside
    :data:`ALLOWED_PROCEDURES`.
    """
    if summary.query_type != "r":
        raise refuse(f"Neo4j plans this as a {summary.query_type!r} query, not a read", query_type=summary.query_type)

    def walk(plan) -> None:
        if not plan:
            return
        op = str(plan.get("operatorType", "")).split("@")[0]
        if _DENIED_OPERATOR.match(op):
            raise refuse(f"plan operator not allowed: {op}", operator=op)
        if op == "ProcedureCall":
            details = str((plan.get("args") or {}).get("Details", ""))
            name = details.split("(")[0].strip().lower()
            if name not in ALLOWED_PROCEDURES:
                raise refuse(f"procedure not allowed: {name or '?'}", procedure=name)
        for child in plan.get("children") or ():
            walk(child)

    walk(summary.plan)
