"""The console guard on its own (no Neo4j): every bypass attempt refused, reads kept, text normalised."""

from __future__ import annotations

import pytest

from console_corpus import ALLOWED, ATTEMPTS, RESOURCE
from graph.store.cypher_guard import (MAX_DEPTH, MAX_OPERATORS, CypherRefused, check_plan, normalise, read_only,
                                strip_literals)


def _fill(q: str) -> str:
    return q.replace("{csv}", "file:///x.csv").replace("{http}", "http://127.0.0.1:9/x.csv")


@pytest.mark.parametrize("name,query", ATTEMPTS + RESOURCE, ids=[a for a, _ in ATTEMPTS + RESOURCE])
def test_guard_refuses(name, query):
    with pytest.raises(CypherRefused) as e:
        read_only(_fill(query))
    assert e.value.http_status == 400 and e.value.code == "cypher_refused"
    assert e.value.message  # says why


@pytest.mark.parametrize("query", ALLOWED)
def test_guard_keeps_reads(query):
    out = read_only(query)
    assert out.split() == normalise(query).split()
    assert "SHOW" not in strip_literals(out) and "LOAD" not in strip_literals(out)


def test_comments_are_blanked_and_line_ends_normalised():
    q = "MATCH (n) // SHOW USERS\rRETURN n /* LOAD\nCSV */ LIMIT 1"
    out = read_only(q)
    assert "\r" not in out and "//" not in out and "/*" not in out
    assert out == "MATCH (n)" + " " * 14 + "\nRETURN n" + " " * 8 + "\n" + " " * 6 + " LIMIT 1"


def test_strings_and_names_are_kept_verbatim():
    q = "MATCH (n) WHERE n.name = 'a // b /* c' AND n.`odd // name` = \"x\\\"y\" RETURN n.`a``b`"
    assert read_only(q) == q


def test_caps_are_where_they_say():
    assert read_only("RETURN " + "[" * MAX_DEPTH + "1" + "]" * MAX_DEPTH + " AS x")
    with pytest.raises(CypherRefused, match="nested too deeply"):
        read_only("RETURN " + "[" * (MAX_DEPTH + 1) + "1" + "]" * (MAX_DEPTH + 1) + " AS x")
    assert read_only("RETURN " + " + ".join(["1"] * (MAX_OPERATORS + 1)) + " AS x")
    with pytest.raises(CypherRefused, match="too many operators"):
        read_only("RETURN " + " + ".join(["1"] * (MAX_OPERATORS + 2)) + " AS x")
    with pytest.raises(CypherRefused, match="nested too deeply"):  # CASE counts as a level
        read_only("RETURN " + "CASE WHEN true THEN " * (MAX_DEPTH + 1) + "1" + " END" * (MAX_DEPTH + 1))


def test_refusals_name_the_problem():
    cases = {
        "// x\rSHOW USERS": "SHOW",
        "CALL dbms.listConfig()": "procedure not allowed: dbms.listConfig",
        "RETURN 'x\\u0027'": "\\u escapes",
        "RETURN 1; RETURN 2": "one statement",
        "EXPLAIN MATCH (n) RETURN n": "EXPLAIN",
        "RETURN apoc.text.join(['a'], ',')": "function not allowed: apoc.text.join",
        "RETURN 1 AS x\u200b": "U+200B",
    }
    for q, words in cases.items():
        with pytest.raises(CypherRefused, match=None) as e:
            read_only(q)
        assert words in e.value.message, (q, e.value.message)


class _Summary:
    def __init__(self, query_type, plan):
        self.query_type, self.plan = query_type, plan


def _plan(*ops, details=""):
    node = None
    for op in reversed(ops):
        node = {"operatorType": op + "@neo4j", "args": {"Details": details}, "children": [node] if node else []}
    return node


def test_check_plan_second_line():
    check_plan(_Summary("r", _plan("ProduceResults", "Filter", "NodeByLabelScan")))
    check_plan(_Summary("r", _plan("ProduceResults", "ProcedureCall", details="db.labels() :: (label :: STRING)")))
    for summary in (_Summary("s", _plan("ProduceResults", "ProcedureCall", details="dbms.listConfig()")),
                    _Summary("w", _plan("ProduceResults", "Create")),
                    _Summary("rw", _plan("ProduceResults", "SetProperty")),
                    _Summary("r", _plan("ProduceResults", "ShowSettings")),
                    _Summary("r", _plan("ProduceResults", "TerminateTransactions")),
                    _Summary("r", _plan("ProduceResults", "LoadCSV")),
                    _Summary("r", _plan("ProduceResults", "ProcedureCall", details="db.info() :: (id :: STRING)"))):
        with pytest.raises(CypherRefused):
            check_plan(summary)
