"""The text of one CSV cell for Neo4j's offline importer, and the compiled formatter of a row.

Why its own module: a cell must read back as the value the online write (Bolt) would store — a
string always quoted (so ``""`` stays an empty string) with quotes doubled, a bool as
``true``/``false``, a float by ``repr`` with NaN and infinities spelled as the importer reads them, an
integer only inside Neo4j's 64 bits, a list as one array cell joined by :data:`ARRAY_DELIMITER` with
one element type. :func:`column_type` says which importer type a value gets (and refuses what Neo4j
cannot store); :func:`formatter` compiles, once per row shape, the whole row into one ``%``
formatting operation that gives the same text as the per-cell functions
(``tests/graph/store/test_neo4j_bulk.py`` checks it). :mod:`graph.store.neo4j_csv` writes the files.

>>> quote('say "hi" now'), scalar(True, bool), scalar(1.5, float), scalar(float("inf"), float)
('"say ""hi"" now"', 'true', '1.5', 'Infinity')
>>> array_cell(["x", "y"], str, "k")
'"x\\x1fy"'
>>> formatter(None, [(0, str, False, "name"), None, (1, int, False, "n")])(("s1", "c1"), ("汽车", 3))
'"s1","c1","汽车",,3\\n'
"""

from __future__ import annotations

import math

from ontology.errors import StoreError

__all__ = ["ARRAY_DELIMITER", "quote", "scalar", "array_cell", "column_type", "formatter"]

ARRAY_DELIMITER = "\x1f"  # unit separator: not in any text the validators let through
_LONG = (-(1 << 63), (1 << 63) - 1)
_TYPE = {str: "string", int: "long", float: "double", bool: "boolean"}


def quote(s: str) -> str:
    return '"' + s.replace('"', '""') + '"' if '"' in s else '"' + s + '"'


def _nonfinite(v: float) -> str:
    return "NaN" if v != v else "Infinity" if v > 0 else "-Infinity"


def _long(v: int) -> int:
    raise StoreError(f"integer {v} does not fit Neo4j's 64-bit integer")


def _num(v) -> str:
    if type(v) is float:
        return repr(v) if math.isfinite(v) else _nonfinite(v)
    if not _LONG[0] <= v <= _LONG[1]:
        _long(v)
    return str(v)


def scalar(v, t: type) -> str:
    if t is str:
        return quote(v)
    if t is bool:
        return "true" if v else "false"
    return _num(v)


def array_cell(v: list, t: type, key: str) -> str:
    if any(type(x) is not t for x in v):
        raise StoreError(f"property {key!r}: a list mixes types ({v[:5]!r}); Neo4j stores one type per list")
    if t is str:
        joined = ARRAY_DELIMITER.join(v)
        if joined.count(ARRAY_DELIMITER) != len(v) - 1:
            raise StoreError(f"property {key!r}: a list item holds the control character U+001F")
        return quote(joined)
    return ARRAY_DELIMITER.join(scalar(x, t) for x in v)


def column_type(v) -> str | None:
    """The importer type of a value, ``None`` for an empty list; refuses what Neo4j cannot store."""
    t = type(v)
    if t in _TYPE:
        return _TYPE[t]
    if t in (list, tuple):
        if not v:
            return None
        if type(v[0]) not in _TYPE:
            raise StoreError(f"unsupported list item {v[0]!r}: properties are scalars or lists of scalars")
        return _TYPE[type(v[0])] + "[]"
    raise StoreError(f"unsupported property value {v!r}: properties are scalars or lists of scalars")


#: what a generated row formatter may name (nothing else is in scope when it is compiled)
_SCOPE = {"__builtins__": {}, "Q": '"', "QQ": '""', "BOOL": ("false", "true"), "LO": _LONG[0], "HI": _LONG[1],
          "BAD": _long, "NF": _nonfinite, "ARRAY": array_cell}


def formatter(markers: str | None, cols: list[tuple | None]):
    """One row formatter for one shape: ``fmt(lead, vals) -> line`` (``lead``: the node id or the
    relationship's two ends; ``markers``: the node's marker labels, ``None`` for a relationship;
    ``cols``: per column of the group (value index, type, is a list, key), ``None`` for a column this
    shape lacks). Compiled once per shape from a ``%`` template and one expression per cell, so a
    row costs one formatting operation instead of a converter call per cell — the same text as
    :func:`quote`, :func:`scalar`, :func:`array_cell` give (``tests/graph/store/test_neo4j_bulk.py``).
    Only integer indices and the names of :data:`_SCOPE` go into the compiled text, never data."""
    parts, exprs = (['"%s"', "%s"] if markers is not None else ['"%s"', '"%s"']), ["lead[0].replace(Q, QQ)"]
    exprs.append("MARK" if markers is not None else "lead[1].replace(Q, QQ)")
    arrays = []
    for c in cols:
        if c is None:
            parts.append("")
            continue
        i, t, is_list, key = c
        x = f"v[{i}]"
        if is_list:
            arrays.append((t, key))
            parts.append("%s")
            exprs.append(f"ARRAY({x}, A{len(arrays) - 1}[0], A{len(arrays) - 1}[1])")
        elif t is str:
            parts.append('"%s"')
            exprs.append(f"{x}.replace(Q, QQ)")
        elif t is bool:
            parts.append("%s")
            exprs.append(f"BOOL[{x}]")
        elif t is int:
            parts.append("%s")
            exprs.append(f"({x} if LO <= {x} <= HI else BAD({x}))")
        else:  # float: repr, which is str(); inf and nan spelled as the importer reads them
            parts.append("%s")
            exprs.append(f"({x} if {x} - {x} == 0 else NF({x}))")
    scope = dict(_SCOPE, MARK=markers, **{f"A{n}": a for n, a in enumerate(arrays)})
    template = ",".join(parts) + "\n"
    return eval(f"lambda lead, v: {template!r} % ({', '.join(exprs)},)", scope)  # noqa: S307 (see above)
