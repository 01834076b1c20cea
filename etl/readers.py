"""Read CSV / TSV / XLSX / JSON / JSONL files into records keyed by canonical field names.

Why: users hand over spreadsheets in whatever encoding and layout their office software wrote.
This module turns each into the same shape — a :data:`Record`, ``{canonical field: raw string,
"_file": name, "_row": n}`` — and refuses a file it cannot read with an :class:`InputError`
naming the file (and row when there is one). It does not judge values; ``etl.validate`` does.

* Row numbers are what a user sees in a spreadsheet: the header is row 1 (or the row it is on,
  when title rows sit above it); JSON: the n-th object is row n; JSONL: the line number.
* Where the header is and what each column means (title rows skipped, a header on two rows, list
  fields spanning merged columns, units in amount headers): :mod:`etl.header`; JSON and JSONL:
  :mod:`etl.json_records`.
* With ``notes=True``, a title, section or footer line of an export (数据来源…, 合计…, 一、汽车零部件;
  :mod:`etl.note_rows`) comes back as ``{NOTE_KEY: text, "_file", "_row"}`` so the loader can report
  and skip it instead of refusing it as a firm without a name. Without it such a row is an ordinary
  record. With it, too, the title rows above the header (a banner, a 搜索条件 line) come first as
  ``{TITLE_KEY: text, "_file", "_row"}``: the loader reads the export's date from them (:mod:`etl.banner`).
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
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

from ontology.errors import InputError
from etl.aliases import ALIASES
from etl.encoding import STREAM_CHUNK, open_text
from etl.header import HEADER_SEARCH_ROWS, check_required, columns, find_header, score
from etl.json_records import json_records
from etl.note_rows import NOTE_KEY, TITLE_KEY, note_text
from etl.xlsx import sheet_names, xlsx_rows

__all__ = ["Record", "read_records", "read_header", "FORMATS", "NOTE_KEY", "TITLE_KEY"]

Record = dict[str, Any]
FORMATS = ("csv", "tsv", "xlsx", "json", "jsonl")
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
        records = json_records(path, fmt, required)
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
            lead = [first]
            while first is not None and (TITLE_KEY in first or NOTE_KEY in first):  # to the first firm's row
                first = next(records, None)
                lead.append(first)
            if first is None:
                raise InputError("no data rows", file=path.name)
            records = chain(lead, records)
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
            header = find_header(xlsx_rows(path, name))[1]
            if score(header):
                return [str(h) for h in header]
    rows = xlsx_rows(path, sheet) if fmt == "xlsx" else _text_rows(path, fmt or "csv")
    return [str(h) for h in find_header(rows)[1]]



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
            while head.count("\n") < HEADER_SEARCH_ROWS and (more := text.read(65536)):
                head += more
            text.seek(0)
            lines = head.split("\n", HEADER_SEARCH_ROWS + 1)[:HEADER_SEARCH_ROWS]
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


def _table_records(path: Path, rows: Iterator[tuple[int, list[str]]], required: Sequence[str],
                   notes: bool = False) -> Iterator[Record]:
    seen: list[tuple[int, list[str]]] = []
    header_row, header, buffered = find_header(_kept(rows, seen) if notes else rows)
    if not header:
        raise InputError("empty file: no data rows", file=path.name)
    keys, units = columns(path, header, header_row)
    check_required(path, (k for k in keys if k), required, header_row)
    titles = [{TITLE_KEY: " ".join(dict.fromkeys(c.strip() for c in cells if c.strip())), "_file": path.name, "_row": r}
              for r, cells in seen if r < header_row - 1 or (r == header_row - 1 and header != cells)]
    body = _emit(path, keys, units, chain(buffered, rows), notes)
    titles = [t for t in titles if t[TITLE_KEY]]
    if not titles:
        return body
    first = next(body, None)  # titles over no data rows are still a file without data rows
    return chain(titles, [first], body) if first is not None else iter(())


def _kept(rows: Iterator[tuple[int, list[str]]], seen: list) -> Iterator[tuple[int, list[str]]]:
    """``rows``, each also kept in ``seen`` (the title rows above the header, for ``notes``)."""
    for item in rows:
        seen.append(item)
        yield item


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
        if notes and (note := note_text(first, cells)):
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
