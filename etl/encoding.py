"""Decode a text data file's bytes: UTF-8 (± BOM), UTF-16 with BOM, GBK/GB18030, else a guess.

Why: Chinese office software writes CSV as GBK (Excel "CSV"), UTF-8 with BOM (Excel "CSV UTF-8")
or plain UTF-8; files stitched together from several sources sometimes mix them, which no single
codec decodes correctly. Order: strict ``utf-8-sig``; then line by line — every non-ASCII line
must be GB18030 and none UTF-8, otherwise the file mixes encodings and the first odd line is
reported; then charset-normalizer for anything else. Binary content (NUL bytes, a ZIP/XLSX
signature, control characters) is refused.

>>> decode_text("名称\\n".encode("gbk"), "a.csv")
'名称\\n'
>>> decode_text(b"\\xef\\xbb\\xbfname\\n", "a.csv")
'name\\n'
"""

from __future__ import annotations

import codecs
import io
import re
from pathlib import Path
from typing import IO

from ontology.errors import InputError

__all__ = ["decode_text", "open_text", "STREAM_CHUNK"]

#: bytes read at a time when a file is checked and decoded as a stream (:func:`open_text`)
STREAM_CHUNK = 1 << 20

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SIGNATURES = {b"PK\x03\x04": "a ZIP/XLSX file", b"\xd0\xcf\x11\xe0": "a legacy Office (.xls) file",
               b"%PDF": "a PDF file", b"\x89PNG": "a PNG image", b"\x1f\x8b": "a gzip file"}


def _line_kind(line: bytes) -> str:
    if line.isascii():
        return "ascii"
    try:
        line.decode("utf-8")
        return "utf8"
    except UnicodeDecodeError:
        pass
    try:
        line.decode("gb18030")
        return "gb"
    except UnicodeDecodeError:
        return "bad"


def _check_text(text: str, name: str) -> str:
    m = _CONTROL.search(text)
    if m:
        line = text.count("\n", 0, m.start()) + 1
        raise InputError(f"binary data or control character {m.group()!r} — not a text file?", file=name, row=line)
    return text


def decode_text(data: bytes, name: str) -> str:
    """The text of ``data`` (a file called ``name``); :class:`InputError` if it is not decodable text."""
    for sig, what in _SIGNATURES.items():
        if data.startswith(sig):
            raise InputError(f"this is {what}, not a text file (wrong file extension?)", file=name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check_text(data.decode("utf-16"), name)
        except UnicodeDecodeError as e:
            raise InputError(f"undecodable UTF-16: {e.reason}", file=name) from e
    if b"\x00" in data[:65536]:
        raise InputError("binary data (NUL bytes) — not a text file", file=name,
                         row=data.count(b"\n", 0, data.index(b"\x00")) + 1)
    try:
        return _check_text(data.decode("utf-8-sig"), name)
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    kinds = [_line_kind(line) for line in lines]
    first_utf8 = next((i for i, k in enumerate(kinds) if k == "utf8"), None)
    first_other = next((i for i, k in enumerate(kinds) if k in ("gb", "bad")), None)
    if first_utf8 is not None and first_other is not None:
        raise InputError(f"mixed text encodings: line {first_utf8 + 1} is UTF-8 but line {first_other + 1} "
                         f"is not; save the whole file in one encoding", file=name, row=first_other + 1)
    if "bad" not in kinds:
        return _check_text(data.decode("gb18030"), name)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        bad = kinds.index("bad") + 1
        raise InputError("undecodable text: not UTF-8, not GBK/GB18030, encoding unknown", file=name, row=bad)
    return _check_text(str(best), name)


def _stream_encoding(path: Path, name: str) -> str | None:
    """``"utf-8-sig"`` or ``"gb18030"`` when the file is that, whole and clean, as
    :func:`decode_text` would decide — checked in one pass of :data:`STREAM_CHUNK` bytes, so the
    file is never held; ``None`` when only the whole-file path can tell (UTF-16, binary
    signatures, undecodable lines). Raises the same errors as :func:`decode_text` (same rows)."""
    with path.open("rb") as fh:
        head = fh.read(65536)
        if any(head.startswith(sig) for sig in _SIGNATURES) or head.startswith((b"\xff\xfe", b"\xfe\xff")) \
                or b"\x00" in head:
            return None
        fh.seek(0)
        try:
            _check_stream(fh, "utf-8-sig", name)
            return "utf-8-sig"
        except UnicodeDecodeError:
            pass
        # not UTF-8: every line GB18030 and none UTF-8, else mixed (first odd line named) or unknown
        fh.seek(0)
        first_utf8 = first_other = None
        bad = False
        for n, line in enumerate(_byte_lines(fh)):
            kind = _line_kind(line)
            if kind == "utf8" and first_utf8 is None:
                first_utf8 = n
            elif kind in ("gb", "bad") and first_other is None:
                first_other = n
            bad = bad or kind == "bad"
        if first_utf8 is not None and first_other is not None:
            raise InputError(f"mixed text encodings: line {first_utf8 + 1} is UTF-8 but line {first_other + 1} "
                             f"is not; save the whole file in one encoding", file=name, row=first_other + 1)
        if bad:
            return None
        fh.seek(0)
        _check_stream(fh, "gb18030", name)
        return "gb18030"


def _check_stream(fh: IO[bytes], encoding: str, name: str) -> None:
    """Decode the whole stream (``UnicodeDecodeError`` if it is not ``encoding``); then, as
    :func:`_check_text`, refuse the first control character, naming its line."""
    dec = codecs.getincrementaldecoder(encoding)()
    lines, found = 0, None
    while chunk := fh.read(STREAM_CHUNK):
        text = dec.decode(chunk)
        if found is None and (m := _CONTROL.search(text)):
            found = (m.group(), lines + text.count("\n", 0, m.start()) + 1)
        lines += text.count("\n")
    dec.decode(b"", final=True)
    if found:  # raised only once the file decoded whole, as decode_text does
        raise InputError(f"binary data or control character {found[0]!r} — not a text file?", file=name, row=found[1])


def _byte_lines(fh: IO[bytes]):
    """The file's lines split on b"\\n" exactly as ``data.split(b"\\n")`` would (last one included)."""
    rest = b""
    while chunk := fh.read(STREAM_CHUNK):
        parts = (rest + chunk).split(b"\n")
        rest = parts.pop()
        yield from parts
    yield rest


def open_text(path: str | Path, name: str | None = None) -> IO[str]:
    """The text of a data file as a stream (``newline=""``, for :mod:`csv`), decoded as
    :func:`decode_text` decodes it; UTF-8 and GBK/GB18030 files are checked in one pass and then
    read a chunk at a time (bounded memory on a million rows), anything else is decoded whole."""
    path = Path(path)
    name = name or path.name
    enc = _stream_encoding(path, name)
    if enc is None:
        return io.StringIO(decode_text(path.read_bytes(), name), newline="")
    return open(path, encoding=enc, newline="")
