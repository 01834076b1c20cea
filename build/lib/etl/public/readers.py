"""Find and read the public listed-company files (ChainKnowledgeGraph JSON lines, Tushare dumps).

What: :func:`discover` maps each known file name (``company``, ``company_product``,
``stock_company`` …) to a path, from files or directories given in any order (a directory is
searched two levels deep, so ``reconstructed_from_sovlookup_sql/company_product.jsonl`` is found);
:func:`records` yields ``(row, record)`` from JSON lines, a JSON array of records, or a pandas
``DataFrame.to_json()`` column map (``{field: {index: value}}``, the Tushare dump's shape).

Why here: both formats share the readers, and a malformed line becomes a quarantine entry (file,
row, field ``_json``) instead of aborting the load.

>>> import json, tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "stock_basic.json"
>>> _ = p.write_text(json.dumps({"ts_code": {"0": "1.SZ"}, "name": {"0": "甲"}}))
>>> list(records(p, []))
[(1, {'ts_code': '1.SZ', 'name': '甲'})]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ontology.errors import InputError
from etl.quarantine import Quarantine

__all__ = ["KNOWN", "discover", "records"]

#: file stems the public loaders understand
KNOWN = ("company", "industry", "product", "company_industry", "industry_industry", "company_product",
         "product_product", "stock_company", "stock_basic")
_EXT = (".json", ".jsonl")


def discover(paths: Iterable[str | Path]) -> dict[str, Path]:
    """Known stem → path; the first path given wins when a stem occurs twice."""
    found: dict[str, Path] = {}
    for p in map(Path, paths):
        if not p.exists():
            raise InputError("file or directory not found", file=str(p))
        cands = [p] if p.is_file() else sorted(
            [*p.glob("*"), *p.glob("*/*")], key=lambda q: (len(q.relative_to(p).parts), str(q)))
        for q in cands:
            if q.is_file() and q.suffix in _EXT and q.stem in KNOWN:
                found.setdefault(q.stem, q)
    return found


def records(path: Path, quarantine: list[Quarantine]) -> Iterator[tuple[int, dict]]:
    """``(row, record)`` pairs; row = line number (JSON lines) or 1-based position (array/columns)."""
    with path.open(encoding="utf-8-sig") as fh:
        head = fh.read(1 << 16)
        fh.seek(0)
        first = head.lstrip()[:1]
        if first == "[" or (first == "{" and not _is_jsonl(head)):
            data = json.load(fh)
            if isinstance(data, dict):  # pandas column map {field: {index: value}}
                cols = {k: v for k, v in data.items() if isinstance(v, dict)}
                if len(cols) != len(data):
                    raise InputError("expected JSON lines, an array of records or a column map",
                                     file=path.name)
                index = sorted({i for col in cols.values() for i in col}, key=_int_key)
                data = [{k: col.get(i) for k, col in cols.items()} for i in index]
            for n, rec in enumerate(data, 1):
                if isinstance(rec, dict):
                    yield n, rec
                else:
                    quarantine.append(Quarantine(path.name, n, "_json", str(rec), "not a JSON object"))
            return
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                quarantine.append(Quarantine(path.name, n, "_json", line, f"not JSON: {e.msg}"))
                continue
            if isinstance(rec, dict):
                yield n, rec
            else:
                quarantine.append(Quarantine(path.name, n, "_json", line, "not a JSON object"))


def _is_jsonl(head: str) -> bool:
    """True when the first line is a complete JSON object (JSON lines), not the start of one document."""
    line = head.lstrip().split("\n", 1)[0]
    try:
        obj = json.loads(line)
    except json.JSONDecodeError:
        return False
    # a one-line pandas column map ({field: {index: value}}) is one document, not a record
    return isinstance(obj, dict) and not (obj and all(isinstance(v, dict) for v in obj.values()))


def _int_key(i: str) -> tuple:
    return (0, int(i), "") if str(i).isdigit() else (1, 0, str(i))
