"""The JSON text a stored value is written as: ``json.dumps(v, ensure_ascii=False,
separators=(",", ":"))``, byte for byte, made by ``orjson`` (C) wherever orjson writes that same text.

Why: serialising a 100k load's firm props with the stdlib's C encoder took ≈ 0.6–0.95 CPU-s;
orjson makes them in ≈ 0.15 (docs/log/import-rounds.md, round 7). The text must not change: the SQLite
store's generated columns read it with ``json_extract``, and the stored-text hashes and exports
hash it. orjson (3.13 here) writes the same text as the stdlib for str keys in insertion order,
str (raw UTF-8, control characters escaped alike), bool, None, ints within 64 bits, lists, tuples
and dicts, and floats of magnitude ≥ 1e-4 or 0. Where it does not, the stdlib writes the value:

* **floats below 1e-4** — the stdlib ``1e-05``, ``1e-07``; orjson ``0.00001``, ``1e-7``: any
  orjson text holding ``e-`` or ``0.0000`` is written again by the stdlib;
* **NaN, ±Infinity** — the stdlib ``NaN`` / ``Infinity``; orjson ``null``: any text holding
  ``null`` is written again (so a row with a ``None`` in a list also takes the stdlib path —
  slower, same text);
* **what orjson refuses** — ints beyond 64 bits, non-str keys (the stdlib writes ``{"1":…}``),
  nesting deeper than 254, lone surrogates, and, asked to pass them on (``OPT_PASSTHROUGH_*`` with
  a ``default`` that refuses), subclasses of str / int / float / dict / list, datetimes and
  dataclasses: the stdlib writes them or raises its own error, as before.

One difference is left: a plain ``enum.Enum`` member or a ``uuid.UUID`` (orjson writes its value;
the stdlib raises ``TypeError``). No loader puts either in props (they hold validated CSV / YAML
values); ``tests/graph/store/test_json_text.py`` pins every case above.

Strings search: the false alarms (``e-`` in a text such as ``e-commerce``) only cost the slower path.
The check runs over a whole chunk's texts at once (one join, three ``in`` scans in C), then per row
only when the chunk has a suspect.

>>> dump({"id": "e1", "name": "台州", "x": 1e-05, "n": None})
'{"id":"e1","name":"台州","x":1e-05,"n":null}'
>>> dump_all([{"a": 0.5}, {"b": 1e-7}, {1: True}, {}])
['{"a":0.5}', '{"b":1e-07}', '{"1":true}', '{}']
"""

from __future__ import annotations

import json

try:  # optional at import: without it every text is the stdlib's (same bytes, slower)
    import orjson
except ImportError:  # pragma: no cover - orjson is a declared dependency
    orjson = None

__all__ = ["dump", "dump_all", "stdlib_dump", "stdlib_dump_all"]

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
#: the reference text: ``json.dumps(v, ensure_ascii=False, separators=(",", ":"))`` without an encoder per call
stdlib_dump = _ENCODER.encode

#: orjson texts that may differ from the stdlib's (small floats, NaN/Infinity written as null)
_SUSPECT = (b"e-", b"0.0000", b"null")
_SUSPECT_STR = tuple(t.decode() for t in _SUSPECT)
_OPTS = 0 if orjson is None else (orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATETIME
                                  | orjson.OPT_PASSTHROUGH_DATACLASS)


def _refuse(value):
    """orjson's ``default``: anything it does not write natively goes to the stdlib."""
    raise TypeError


def stdlib_dump_all(rows: list) -> list[str]:
    """``stdlib_dump`` of each value, with one C encoder for them all (``encode`` makes one per call).

    >>> stdlib_dump_all([{"id": "e1"}, {}])
    ['{"id":"e1"}', '{}']
    """
    if json.encoder.c_make_encoder is None:  # pragma: no cover - CPython has it
        return list(map(stdlib_dump, rows))
    e = _ENCODER
    one = json.encoder.c_make_encoder({}, e.default, json.encoder.encode_basestring, None, e.key_separator,
                                      e.item_separator, e.sort_keys, e.skipkeys, e.allow_nan)
    return ["".join(one(r, 0)) for r in rows]


def _fast(value) -> bytes | None:
    try:
        return orjson.dumps(value, _refuse, _OPTS)
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return None


def dump(value) -> str:
    """The stdlib's text of ``value`` (see the module doc)."""
    if orjson is not None:
        out = _fast(value)
        if out is not None and not any(s in out for s in _SUSPECT):
            return out.decode()
    return stdlib_dump(value)


def dump_all(rows: list) -> list[str]:
    """``dump`` of each value of ``rows``: orjson for the chunk, one check over all its texts."""
    if orjson is None or not rows:
        return stdlib_dump_all(rows)
    fast, opts = orjson.dumps, _OPTS
    try:
        texts = [fast(r, _refuse, opts).decode() for r in rows]
    except TypeError:  # some row orjson refuses: row by row
        return list(map(dump, rows))
    # one scan of all texts in C (a scan per text costs as much as orjson itself); decoding each
    # text at once and scanning the joined str beat scanning joined bytes: ≈ 40 MB less peak RSS
    # at 100k (the bytes and their join no longer live beside the texts) and less CPU
    blob = "\n".join(texts)
    if "e-" in blob or "0.0000" in blob or "null" in blob:  # _SUSPECT
        return [stdlib_dump(r) if any(s in t for s in _SUSPECT_STR) else t for r, t in zip(rows, texts)]
    return texts
