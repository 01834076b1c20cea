"""A batch's row lists held as columns: what a loader hands the store without a map per row.

Why: a load of 100,000 firms used to make a property map per firm and a ``{"src", "dst", "props"}``
map per relationship (≈ 330,000 maps), which the embedded store then took apart again — ids,
endpoints and props read back out of each map, the aggregates' inputs read out of each map once
more. The loader holds a firm as a tuple of its values and a link as a target plus a shared props
map, so it can hand those over as they are:

* :class:`TupleRows` — node rows as tuples of values in one field order (``None``: not set);
* :class:`RelColumns` — relationship rows as three parallel lists: sources, targets, props.

Both are read-only sequences of the maps :class:`graph.store.port.Batch` holds (``len``, slices,
iteration make the maps on demand, so an adapter that wants maps — Neo4j, the bulk CSV writer —
reads them unchanged), and both answer ``column(key)`` with one field of every row without making
the rows (:func:`graph.store.port.column`), which is what the SQLite adapter and the aggregates read.

>>> rows = TupleRows(("id", "name", "tags"), [("e1", "甲", ["a"]), ("e2", None, [])])
>>> list(rows), rows.column("name"), rows.column("county")
([{'id': 'e1', 'name': '甲', 'tags': ['a']}, {'id': 'e2', 'tags': []}], ['甲', None], [None, None])
>>> rels = RelColumns(["e1", "e2"], ["s1", "s1"], [{}, {"method": "classifier"}])
>>> rels[1], len(rels[:1]), rels.column("dst")
({'src': 'e2', 'dst': 's1', 'props': {'method': 'classifier'}}, 1, ['s1', 's1'])
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import compress, repeat
from operator import is_not, itemgetter
from typing import Any

__all__ = ["TupleRows", "RelColumns"]


class TupleRows(Sequence):
    """Node rows as tuples of values in ``fields`` order; a row's map leaves out its ``None`` values
    and keeps ``fields`` order (so its JSON text is the map's). ``column(key)``: the values of one
    field, ``None`` where unset (also for a field not in ``fields``)."""

    __slots__ = ("fields", "tuples", "_index")

    def __init__(self, fields: tuple[str, ...], tuples: list[tuple]) -> None:
        self.fields, self.tuples = fields, tuples
        self._index = {k: i for i, k in enumerate(fields)}

    def column(self, key: str) -> list[Any]:
        i = self._index.get(key)
        return [None] * len(self.tuples) if i is None else list(map(itemgetter(i), self.tuples))

    def _row(self, values: tuple) -> dict[str, Any]:
        return dict(compress(zip(self.fields, values), map(is_not, values, repeat(None))))  # made in C

    def __len__(self) -> int:
        return len(self.tuples)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return TupleRows(self.fields, self.tuples[i])
        return self._row(self.tuples[i])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return map(self._row, self.tuples)


class RelColumns(Sequence):
    """Relationship rows ``{"src", "dst", "props"}`` as three lists of one length (props maps may be
    shared among rows: a reader never changes them)."""

    __slots__ = ("_cols",)

    def __init__(self, src: list[str], dst: list[str], props: list[dict]) -> None:
        if not len(src) == len(dst) == len(props):
            raise ValueError(f"relationship columns of different lengths: {len(src)}, {len(dst)}, {len(props)}")
        self._cols = {"src": src, "dst": dst, "props": props}

    def column(self, key: str) -> list[Any]:
        return self._cols[key]

    def __len__(self) -> int:
        return len(self._cols["src"])

    def __getitem__(self, i):
        c = self._cols
        if isinstance(i, slice):
            return RelColumns(c["src"][i], c["dst"][i], c["props"][i])
        return {"src": c["src"][i], "dst": c["dst"][i], "props": c["props"][i]}

    def __iter__(self) -> Iterator[dict[str, Any]]:
        c = self._cols
        return ({"src": s, "dst": d, "props": p} for s, d, p in zip(c["src"], c["dst"], c["props"]))
