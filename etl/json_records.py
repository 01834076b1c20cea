"""JSON and JSONL files as records: a JSON list of objects, or one object a line.

Why its own module: JSON is not a table — no header to find, no title rows, no merged cells — and
its values are typed, so each becomes the string a table cell would hold (``None`` → ``""``,
booleans ``"true"``/``"false"``, a list of plain values joined with ``;``, anything nested as
compact JSON text). Keys map through :func:`etl.header.columns` like a header, object by object;
the n-th object is row n (JSONL: the line number). Every refusal of the parser — bad syntax,
nesting too deep, an integer over Python's digit limit — is an :class:`InputError` naming the file
(and a JSONL file's line), never a traceback.

>>> [json_value(v) for v in (None, True, 12, ["泵", "电机"], {"a": 1})]
['', 'true', '12', '泵;电机', '{"a": 1}']
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from etl.encoding import decode_text
from etl.header import check_required, columns
from ontology.errors import InputError

__all__ = ["json_records", "json_value"]


def json_value(v: Any) -> str:
    """A JSON value as the string a table cell would hold (module doc)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list) and all(not isinstance(x, (list, dict)) for x in v):
        return ";".join(json_value(x) for x in v)
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def _loads(text: str, path: Path, row: int | None) -> Any:
    """``json.loads`` with every refusal an InputError: bad syntax, nesting too deep for the parser
    (RecursionError), an integer over Python's digit limit (ValueError)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        where = "" if row is not None else f" (line {e.lineno})"
        raise InputError(f"not valid JSON: {e.msg}{where}", file=path.name, row=row) from e
    except RecursionError as e:
        raise InputError("JSON nested too deeply to read", file=path.name, row=row) from e
    except ValueError as e:  # e.g. "Exceeds the limit (4300 digits) for integer string conversion"
        raise InputError(f"JSON number too long to read: {str(e).split(';')[0]}", file=path.name, row=row) from e


def _json_objects(path: Path, fmt: str) -> list[tuple[int, Any]]:
    data = path.read_bytes()
    if not data.strip():
        raise InputError("empty file: no data rows", file=path.name)
    text = decode_text(data, path.name)
    if fmt == "jsonl":
        out = []
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                out.append((n, _loads(line, path, n)))
        return out
    doc = _loads(text, path, None)
    if not isinstance(doc, list):
        raise InputError("expected a JSON list of objects at the top level", file=path.name)
    return list(enumerate(doc, start=1))


def json_records(path: Path, fmt: str, required: Sequence[str]) -> Iterator[dict[str, Any]]:
    """The records of a ``json`` or ``jsonl`` file (``fmt``), the whole file read first."""
    objs = _json_objects(path, fmt)
    records: list[dict[str, Any]] = []
    keys_seen: set[str] = set()
    for n, obj in objs:
        if not isinstance(obj, dict):
            raise InputError(f"expected an object, got {type(obj).__name__}", file=path.name, row=n)
        keys, units = columns(path, list(obj.keys()), n)
        rec: dict[str, Any] = {k: json_value(v) for k, v in zip(keys, obj.values()) if k is not None}
        keys_seen.update(rec)
        rec.update(units)
        rec["_file"] = path.name
        rec["_row"] = n
        records.append(rec)
    if records:
        check_required(path, keys_seen, required, None)
    return iter(records)
