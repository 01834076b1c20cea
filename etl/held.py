"""The validated firms of one load, held compactly until the one atomic write.

Why: a load is one transaction (all or nothing), so every firm must wait for the write; held as
one property map each, plus a relationship map per link, a million firms took several GB. Here a
firm is a tuple of its property values (in ``Enterprise`` field order), firms with the same
classifier answer share one link list, and the batch rows the store writes — node maps and
relationship maps — are made a chunk at a time while the store writes them (:class:`Rows`).

>>> t = pack({"id": "x1", "name": "甲", "leading": False, "tags": [], "industry": [], "products": [],
...           "sources": ["a.csv"]})
>>> unpack(t) == {"id": "x1", "name": "甲", "leading": False, "industry": [], "tags": [], "products": [],
...               "sources": ["a.csv"]}
True
>>> with Spill() as s:
...     s.extend([t, t]); [unpack(x)["id"] for x in s]
['x1', 'x1']
>>> r = Rows(3, lambda i: {"n": i}, columns={"n": lambda: range(3)})
>>> len(r), r[0:2], list(r)[-1], r[-1], list(r.column("n"))
(3, [{'n': 0}, {'n': 1}], {'n': 2}, {'n': 2}, [0, 1, 2])
"""

from __future__ import annotations

import marshal
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from ontology.models import Enterprise

__all__ = ["pack", "unpack", "packed_props", "enterprise_props", "Rows", "Spill", "FIELDS"]

#: the stored property order (``Enterprise.props()`` gives this order)
FIELDS = tuple(Enterprise.model_fields)
_INDEX = {k: i for i, k in enumerate(FIELDS)}
_DEFAULTS = {k: f.get_default(call_default_factory=True) for k, f in Enterprise.model_fields.items()
             if not f.is_required()}
_PACK_DEFAULTS = tuple(_DEFAULTS.get(k) for k in FIELDS)


def enterprise_props(fields: dict[str, Any]) -> dict[str, Any]:
    """``Enterprise(**fields).props()`` without building the model: defaults filled in, ``None``
    left out, in the model's field order (``fields`` from :func:`etl.validate.validate_fields`)."""
    return unpack(packed_props(fields))


def packed_props(fields: dict[str, Any]) -> tuple:
    """``pack(enterprise_props(fields))`` in one step: the property values in field order,
    ``None`` where a property is not stored (values shared with ``fields``)."""
    return tuple(map(fields.get, FIELDS, _PACK_DEFAULTS))  # dict.get(key, default), called from C


def pack(props: dict[str, Any]) -> tuple:
    """A property map as a tuple of values in :data:`FIELDS` order (``None``: not set)."""
    return tuple(map(props.get, FIELDS))


def unpack(values: tuple) -> dict[str, Any]:
    """The property map of :func:`pack`'s tuple (lists copied: the caller may change them)."""
    return {k: (list(v) if type(v) is list else v) for k, v in zip(FIELDS, values) if v is not None}


def field(values: tuple, name: str) -> Any:
    return values[_INDEX[name]]


class Rows(Sequence):
    """``n`` batch rows made on demand by ``make(i)`` — what ``GraphStore.write`` reads of a
    batch's row list (``len``, slices of a chunk, iteration), without a million maps at once.
    (Also any other read-only sequence the loader hands on, e.g. to ``find_conflicts``.)

    ``columns``: one field of every row without making the rows (``column(key)``, what
    :func:`graph.store.port.column` reads — the aggregates need only the firm ids of a write)."""

    def __init__(self, n: int, make: Callable[[int], Any],
                 columns: dict[str, Callable[[], Iterable[Any]]] | None = None) -> None:
        self.n, self.make, self._columns = n, make, columns or {}

    def column(self, key: str) -> Iterable[Any]:
        """``row[key]`` of every row, in order."""
        col = self._columns.get(key)
        return col() if col is not None else (r[key] for r in self)

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self.make(j) for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError(i)
        return self.make(i)

    def __iter__(self) -> Iterator[Any]:
        return map(self.make, range(self.n))


class Spill:
    """Held tuples in a temporary file, read back in order (``marshal``: the tuples' own types —
    str, int, float, bool, None, lists of them). Why: a load of a million firms cannot keep them
    all in memory until its write (≈ 760 B a firm as tuples); on disk they cost ≈ 300 B each and
    a few µs to write and read back. Written in blocks of :data:`BLOCK` tuples; iterating flushes
    and reads from the start (each iteration is a fresh pass)."""

    BLOCK = 4096

    def __init__(self) -> None:
        self._fh = tempfile.TemporaryFile(prefix="chainkg-held-")
        self._block: list[tuple] = []
        self.n = 0

    def append(self, values: tuple) -> None:
        self._block.append(values)
        self.n += 1
        if len(self._block) >= self.BLOCK:
            self._flush()

    def extend(self, items: Iterable[tuple]) -> None:
        """Append every tuple of ``items`` (a block may then pass :data:`BLOCK`: read back the same)."""
        n = len(self._block)
        self._block.extend(items)
        self.n += len(self._block) - n
        if len(self._block) >= self.BLOCK:
            self._flush()

    def _flush(self) -> None:
        if self._block:
            data = marshal.dumps(self._block)
            self._fh.seek(0, 2)
            self._fh.write(len(data).to_bytes(8, "little") + data)
            self._block = []

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator[tuple]:
        self._flush()
        mark, seen = 0, 0
        while seen < self.n:
            self._fh.seek(mark)  # another pass may have moved the file position meanwhile
            size = int.from_bytes(self._fh.read(8), "little")
            block = marshal.loads(self._fh.read(size))  # (marshal.load on a file reads it piecemeal: slow)
            mark += 8 + size
            seen += len(block)
            yield from block

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> "Spill":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
