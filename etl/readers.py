"""Read CSV / TSV / XLSX / JSON / JSONL files into records keyed by canonical field names.

Why: users hand over spreadsheets in whatever encoding and layout their office software wrote.
This module turns each into the same shape — a :data:`Record`, ``{canonical field: raw string,
"_file": name, "_row": n}`` — and refuses a file it cannot read with an :class:`InputError`
naming the file (and row when there is one). It does not judge values; ``etl.validate`` does.

* Row numbers are what a user sees in a spreadsheet: the header is row 1 (or the row it is on,
  when title rows sit above it); JSON: the n-th object is row n; JSONL: the line number.
* Headers map through :mod:`etl.aliases`; unknown columns are kept under their original header
  (a repeated one gets ``.2``, ``.3``); two columns meaning the same field are refused, except list
  fields (tags, products, segment) whose cells are joined with ``;``; an amount header with a unit
  (``营业收入(元)``) adds ``"_unit.revenue": "元"``; title rows above the header are skipped.
* With ``notes=True``, a row with text in its first column only — where that column is not a name
  or code — is a title, section or footer line of an export (数据来源…, 合计…, 一、汽车零部件): it
  comes back as ``{NOTE_KEY: text, "_file", "_row"}`` so the loader can report and skip it instead
  of refusing it as a firm without a name. Without it such a row is an ordinary record.
* XLSX merged cells (loaded fully below 20 MB): every cell of a merged range takes its value.
  Without ``sheet``, a first sheet that is a cover or 说明 page (no data rows, no known column, a
  required column missing) gives way to the first later sheet that is a list.
* Text encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GBK/GB18030, then whatever
  charset-normalizer finds. A file mixing UTF-8 and GBK lines is refused (row named).

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "e.csv"
>>> _ = p.write_text("企业名称,所属区县\\n示例企业A有限公司,温岭\\n", encoding="gbk")
>>> list(read_records(p, required=("name",)))
[{'name': '示例企业A有限公司', 'county': '温岭', '_file': 'e.csv', '_row': 2}]
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

from ontology.errors import InputError
from etl.aliases import ALIASES, canonical_field, header_unit
from etl.encoding import STREAM_CHUNK, decode_text, open_text
from etl.xlsx import sheet_names, xlsx_rows

__all__ = ["Record", "read_records", "read_header", "FORMATS", "NOTE_KEY"]

Record = dict[str, Any]
FORMATS = ("csv", "tsv", "xlsx", "json", "jsonl")
#: the key of a note row's text (see ``notes`` in :func:`read_records`)
NOTE_KEY = "_note"
#: columns whose lone value is a firm (missing its other cells), never a note
_IDENTIFIERS = frozenset({"name", "credit_code", "stock_code"})
_HEADER_SEARCH_ROWS = 10
#: list fields whose header may span several columns (merged cell): their cells are joined with ";"
_JOINABLE = frozenset({"tags", "products", "segment", "chokepoint_lists"})
_SUFFIX = {".csv": "csv", ".txt": "csv", ".tsv": "tsv", ".tab": "tsv", ".xlsx": "xlsx", ".xlsm": "xlsx",
           ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def _raise_field_limit() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


def read_records(path: str | Path, *, sheet: str | None = None, fmt: str | None = None,
                 required: Sequence[str] = (), notes: bool = False) -> Iterator[Record]:
    """Records of a data file; header problems raise here, before the first record is taken.

    ``fmt`` overrides the suffix (one of :data:`FORMATS`); ``sheet`` names an XLSX sheet (default
    the first); ``required`` lists canonical fields whose column must exist (enterprises:
    ``("name",)``); ``notes`` hands title/section/footer lines back as notes (module doc). Raises :class:`InputError` for an unreadable file, a missing required column,
    or a file without data rows.
    """
    path = Path(path)
    fmt = (fmt or _SUFFIX.get(path.suffix.lower(), "")).lower()
    if path.suffix.lower() == ".xls" and fmt in ("", "xlsx"):
        raise InputError("legacy .xls is not supported; save it as .xlsx or CSV", file=path.name)
    if fmt not in FORMATS:
        raise InputError(f"unknown file format {path.suffix!r}; expected one of {', '.join(FORMATS)}",
                         file=path.name)
    if not path.is_file():
        raise InputError("file not found", file=str(path))
    if fmt in ("json", "jsonl"):
        records = _json_records(path, fmt, required)
    elif fmt == "xlsx" and sheet is None:
        return _first_sheet_with_data(path, required, notes)
    else:
        rows = xlsx_rows(path, sheet) if fmt == "xlsx" else _text_rows(path, fmt)
        records = _table_records(path, rows, required, notes)
    first = next(records, None)
    if first is None:
        raise InputError("no data rows", file=path.name)
    return chain([first], records)


def _first_sheet_with_data(path: Path, required: Sequence[str], notes: bool) -> Iterator[Record]:
    """The records of the first sheet — unless it is a cover or 说明 sheet before the list (no data
    rows, a required column missing, or no column naming a known field) and a later sheet is a
    list: then the first such sheet's. When none is, the first sheet's records or error, as before."""
    fallback: Iterator[Record] | InputError | None = None
    names: list[str | None] = [None]
    i = 0
    while i < len(names):
        try:
            records = _table_records(path, xlsx_rows(path, names[i]), required, notes)
            first = next(records, None)
            if first is None:
                raise InputError("no data rows", file=path.name)
            records = chain([first], records)
            if any(k in ALIASES for k in first):
                return records
            fallback = fallback or records
        except InputError as e:
            fallback = fallback or e
        if i == 0:
            try:
                names = sheet_names(path)
            except InputError:
                break
        i += 1
    if isinstance(fallback, InputError):
        raise fallback
    return fallback


# --- tables (CSV, TSV, XLSX) --------------------------------------------------------------------

def _text_rows(path: Path, fmt: str) -> Iterator[tuple[int, list[str]]]:
    """Rows of a CSV/TSV file, read as a stream (:func:`etl.encoding.open_text`): the file is never
    held whole, so memory stays flat however many rows it has."""
    with path.open("rb") as fh:  # empty: nothing but whitespace
        while (chunk := fh.read(STREAM_CHUNK)) and not chunk.strip():
            pass
    if not chunk:
        raise InputError("empty file: no data rows", file=path.name)
    with open_text(path) as text:
        delimiter = "\t" if fmt == "tsv" else ","
        if fmt == "csv":  # the first line with a separator decides (a title row above the header has none)
            head = text.read(65536)
            while head.count("\n") < _HEADER_SEARCH_ROWS and (more := text.read(65536)):
                head += more
            text.seek(0)
            lines = head.split("\n", _HEADER_SEARCH_ROWS + 1)[:_HEADER_SEARCH_ROWS]
            first = next((ln for ln in lines if "," in ln or "\t" in ln), "")
            if first.count(",") == 0 and first.count("\t") > 0:
                delimiter = "\t"
        _raise_field_limit()
        reader = csv.reader(text, delimiter=delimiter)
        row = 0
        try:
            for row, cells in enumerate(reader, start=1):
                yield row, cells
        except csv.Error as e:
            raise InputError(f"malformed CSV: {e}", file=path.name, row=row + 1) from e


def _score(cells: Sequence[str]) -> int:
    """How many distinct fields a row's cells name (a group merged across columns counts once)."""
    return len({canonical_field(str(c)) for c in cells} - {None})


def _two_rows(upper: Sequence[str], lower: Sequence[str]) -> list[str] | None:
    """One header from a header written on two rows (a group row — 基本信息, 地区 — over the field
    names, or names over a group's sub-fields: 地区 over 省份/城市/区县), column by column: the lower
    cell when it names a field, else the upper when it does, else the lower one's text. ``None``
    unless together they name more distinct fields than either row alone (a data row under a
    header names none, so it never becomes half of one)."""
    width = max(len(upper), len(lower))
    up = [str(c).strip() for c in upper] + [""] * (width - len(upper))
    low = [str(c).strip() for c in lower] + [""] * (width - len(lower))
    cells = [b if canonical_field(b) else (a if canonical_field(a) else (b or a)) for a, b in zip(up, low)]
    return cells if _score(cells) > max(_score(up), _score(low)) else None


def _find_header(rows: Iterator[tuple[int, list[str]]]) -> tuple[int, list[str], list]:
    """The header row among the first rows: the one naming most known fields (title rows skipped);
    a header on two rows (:func:`_two_rows`) is read as one, numbered as its lower row."""
    head: list[tuple[int, list[str]]] = []
    for item in rows:
        if any(c.strip() for c in item[1]):
            head.append(item)
        if len(head) >= _HEADER_SEARCH_ROWS:
            break
    if not head:
        return 0, [], []
    scores = [_score(cells) for _, cells in head]
    best = max(range(len(head)), key=lambda i: (scores[i], -i)) if max(scores) > 0 else 0
    if best + 1 < len(head) and (both := _two_rows(head[best][1], head[best + 1][1])):
        return head[best + 1][0], both, head[best + 2:]
    if best > 0 and (both := _two_rows(head[best - 1][1], head[best][1])):
        return head[best][0], both, head[best + 1:]
    return head[best][0], head[best][1], head[best + 1:]


def read_header(path: str | Path, *, sheet: str | None = None) -> list[str]:
    """The header cells of a CSV/TSV/XLSX file as written (title rows skipped); for JSON/JSONL the
    keys of the first record. Used to preview the column mapping before an import."""
    path = Path(path)
    fmt = _SUFFIX.get(path.suffix.lower(), "")
    if fmt in ("json", "jsonl"):
        first = next(iter(read_records(path, fmt=fmt)), {})
        return [k for k in first if not k.startswith("_")]
    if fmt == "xlsx" and sheet is None:  # the sheet read_records reads: past a cover sheet, the list
        for name in sheet_names(path):
            header = _find_header(xlsx_rows(path, name))[1]
            if _score(header):
                return [str(h) for h in header]
    rows = xlsx_rows(path, sheet) if fmt == "xlsx" else _text_rows(path, fmt or "csv")
    return [str(h) for h in _find_header(rows)[1]]


def _columns(path: Path, header: Sequence[str], header_row: int | None) -> tuple[list[str | None], dict[str, str]]:
    """Key per column (``None`` = unnamed empty column) and unit hints per amount field."""
    keys: list[str | None] = []
    seen: dict[str, str] = {}
    units: dict[str, str] = {}
    for i, raw in enumerate(header, start=1):
        h = str(raw).strip()
        if not h:
            keys.append(None)
            continue
        field = canonical_field(h)
        key = field or h
        if key in seen and field in _JOINABLE:
            keys.append(key)
            continue
        if key in seen:
            if field:
                raise InputError(f"columns {seen[key]!r} and {h!r} both mean field {field!r}",
                                 file=path.name, row=header_row)
            n = 2
            while f"{h}.{n}" in seen:
                n += 1
            key = f"{h}.{n}"
        seen[key] = h
        if field and (unit := header_unit(h)):
            units[f"_unit.{field}"] = unit
        keys.append(key)
    return keys, units


def _check_required(path: Path, present: Iterable[str], required: Sequence[str], row: int | None) -> None:
    have = set(present)
    missing = [f for f in required if f not in have]
    if missing:
        raise InputError(f"missing required column(s): {', '.join(missing)} "
                         f"(found: {', '.join(sorted(have)) or 'none'})", file=path.name, row=row)


def _table_records(path: Path, rows: Iterator[tuple[int, list[str]]], required: Sequence[str],
                   notes: bool = False) -> Iterator[Record]:
    header_row, header, buffered = _find_header(rows)
    if not header:
        raise InputError("empty file: no data rows", file=path.name)
    keys, units = _columns(path, header, header_row)
    _check_required(path, (k for k in keys if k), required, header_row)
    return _emit(path, keys, units, chain(buffered, rows), notes)


def _emit(path: Path, keys: list[str | None], units: dict[str, str],
          rows: Iterable[tuple[int, list[str]]], notes: bool = False) -> Iterator[Record]:
    # the usual header (every column named once): a row is zip(keys, cells), built in C
    plain = None not in keys and len(set(keys)) == len(keys)
    width = len(keys)
    name = path.name
    first = keys[0] if keys else None
    for r, cells in rows:
        if not "".join(cells).strip():  # a blank row (every cell empty or whitespace)
            continue
        if notes and (note := _note(first, cells)):
            # a title, section or footer line (数据来源…, 一、汽车零部件, 合计 122 户) — handed on
            # as a note, never as a firm
            yield {NOTE_KEY: note, "_file": name, "_row": r}
            continue
        if plain and len(cells) <= width:
            rec: Record = dict(zip(keys, cells))
        else:
            rec = {}
            for i, value in enumerate(cells):
                key = keys[i] if i < width else None
                if key is None:
                    if value.strip():
                        rec[f"column_{i + 1}"] = value
                    continue
                if key in rec:  # a list field spanning several columns
                    rec[key] = ";".join(v for v in (rec[key], value) if v.strip())
                else:
                    rec[key] = value
        if units:
            rec.update(units)
        rec["_file"] = name
        rec["_row"] = r
        yield rec


#: the first cell of a totals line under the rows: 合计 / 总计 / 小计 / 共计 / 汇总, or 共 122 条
_TOTALS = re.compile(r"^(?:(?:合计|总计|小计|共计|汇总)\s*[:：]?\s*|共\s*(?=\d))(?:\d[\d,.]*\s*[户家条个项行]?)?$")
_TOTALS_START = frozenset("合总小共汇")
#: the other cells of a totals line: counts or sums (122 户, 5,000.5万元)
_FIGURE = re.compile(r"^[\d,.]+\s*(?:[户家条个项行]|万?元|亿元|万人民币|万元人民币|人)?$")
#: what an identifier cell can hold (a credit code, registration number or stock code)
_CODE_LIKE = re.compile(r"^[0-9A-Za-z.\-\s]+$")


def _note(first: str | None, cells: Sequence[str]) -> str | None:
    """The text of a note row (module doc), else ``None``: a totals line (合计 122 户, in its first
    non-empty cells), or text in the first column only where that column holds no name and the text
    cannot be the code it holds (数据来源：… under 统一社会信用代码)."""
    lone = cells[0].strip()
    lead = lone or next((c.strip() for c in cells if c.strip()), "")
    if lead[:1] in _TOTALS_START and _TOTALS.match(lead):
        texts = [c.strip() for c in cells if c.strip()]
        if all(_FIGURE.match(t) for t in texts[1:]):
            return " ".join(texts)
    if not lone or first == "name" or "".join(cells[1:]).strip():
        return None
    if first in _IDENTIFIERS and _CODE_LIKE.match(lone):
        return None  # a firm with its code and nothing else: an error later, never skipped
    return lone


# --- JSON / JSONL -------------------------------------------------------------------------------

def _json_value(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list) and all(not isinstance(x, (list, dict)) for x in v):
        return ";".join(_json_value(x) for x in v)
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


def _json_records(path: Path, fmt: str, required: Sequence[str]) -> Iterator[Record]:
    objs = _json_objects(path, fmt)
    records: list[Record] = []
    keys_seen: set[str] = set()
    for n, obj in objs:
        if not isinstance(obj, dict):
            raise InputError(f"expected an object, got {type(obj).__name__}", file=path.name, row=n)
        keys, units = _columns(path, list(obj.keys()), n)
        rec: Record = {k: _json_value(v) for k, v in zip(keys, obj.values()) if k is not None}
        keys_seen.update(rec)
        rec.update(units)
        rec["_file"] = path.name
        rec["_row"] = n
        records.append(rec)
    if records:
        _check_required(path, keys_seen, required, None)
    return iter(records)
