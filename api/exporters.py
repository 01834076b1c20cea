"""Write a graph export (``ChainKG.graph_export``) as JSON, CSV or GraphML, streamed.

Each format is a generator of byte chunks (about :data:`CHUNK` bytes) fed from the export's
node and relationship iterators, so the API's memory does not grow with the graph
(``StreamingResponse``; no ``Content-Length``, no ETag). The bytes are those the in-memory
writers produced before (``json.dumps`` of the whole dict; ``csv_response`` rows; networkx's GraphML
read back gives the same graph) — ``tests/api/test_export_stream.py`` compares them.

GraphML: a directed multigraph, node ids ``Label:id`` (ids are unique per label only), edge id =
relationship type, every property flattened to a scalar (lists joined with ``; ``, maps as JSON)
because GraphML attributes are scalars; attribute keys are typed like networkx does (one key per
name, scope and Python type). GraphML declares its keys before the graph, so the export is read
twice: once for the keys, once for the data.

>>> print(b"".join(_xml_row("node", {"id": "Segment:a&b"}, [("d0", "<泵>")])).decode(), end="")
<node id="Segment:a&amp;b"><data key="d0">&lt;泵&gt;</data></node>
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

from fastapi.responses import StreamingResponse

from api.http import csv_cell

__all__ = ["EXPORT_MEDIA", "CHUNK", "export_response", "json_chunks", "csv_chunks", "graphml_chunks"]

EXPORT_MEDIA = {"json": "application/json", "csv": "text/csv", "graphml": "application/graphml+xml"}
#: bytes gathered before a chunk is sent
CHUNK = 64 * 1024
CSV_COLUMNS = ("kind", "label_or_type", "id", "src", "dst", "name", "props")


def _gather(parts: Iterable[bytes]) -> Iterator[bytes]:
    buf, size = [], 0
    for part in parts:
        buf.append(part)
        size += len(part)
        if size >= CHUNK:
            yield b"".join(buf)
            buf, size = [], 0
    if buf:
        yield b"".join(buf)


def _dumps(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def json_chunks(export) -> Iterator[bytes]:
    """``{"cluster":…,"nodes":[…],"rels":[…]}``, compact, UTF-8."""
    def parts() -> Iterator[bytes]:
        yield b'{"cluster":' + _dumps(export.cluster) + b',"nodes":['
        for i, n in enumerate(export.nodes()):
            yield (b"," if i else b"") + _dumps(n)
        yield b'],"rels":['
        for i, r in enumerate(export.rels()):
            yield (b"," if i else b"") + _dumps(r)
        yield b"]}"
    return _gather(parts())


def csv_chunks(export) -> Iterator[bytes]:
    """One row per node, then per relationship (UTF-8 with BOM, formula starts neutralised)."""
    def parts() -> Iterator[bytes]:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")

        def row(values) -> bytes:
            buf.seek(0)
            buf.truncate()
            w.writerow([csv_cell(v) for v in values])
            return buf.getvalue().encode("utf-8")

        yield "\ufeff".encode() + row(CSV_COLUMNS)
        for n in export.nodes():
            yield row(("node", n["label"], n["id"], "", "", n["props"].get("name", ""), n["props"]))
        for r in export.rels():
            yield row(("rel", r["type"], "", r["src"], r["dst"], "", r["props"]))
    return _gather(parts())


def _scalar(v):
    if isinstance(v, (list, tuple)):
        return "; ".join(map(str, v)) if all(not isinstance(x, (dict, list)) for x in v) else json.dumps(v, ensure_ascii=False)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return v


def _xml_types() -> dict[type, str]:
    from networkx.readwrite.graphml import GraphML

    g = GraphML()
    g.construct_types()
    return {t: g.get_xml_type(t) for t in (str, int, float, bool)}


def _node_data(n: dict) -> Iterator[tuple[str, object]]:
    yield "label", n["label"]
    for k, v in n["props"].items():
        if v is not None:
            yield f"p_{k}", _scalar(v)


def _rel_data(r: dict) -> Iterator[tuple[str, object]]:
    yield "type", r["type"]
    for k, v in r["props"].items():
        if v is not None:
            yield f"p_{k}", _scalar(v)


def _xml_row(tag: str, attrs: dict[str, str], data: list[tuple[str, str]]) -> Iterator[bytes]:
    head = f"<{tag} " + " ".join(f"{k}={quoteattr(v, {chr(10): '&#10;', chr(13): '&#13;', chr(9): '&#09;'})}"
                                 for k, v in attrs.items())
    body = "".join(f'<data key="{key}">{escape(text)}</data>' for key, text in data)
    yield (head + (f">{body}</{tag}>\n" if body else " />\n")).encode("utf-8")


def graphml_chunks(export) -> Iterator[bytes]:
    """GraphML (UTF-8): the key declarations (first pass), then nodes and edges (second pass)."""
    from ontology.schema import REL_ENDPOINTS

    types = _xml_types()

    def key_of(name: str, value, scope: str) -> tuple[str, str, str]:
        xml_type = types.get(type(value))
        if xml_type is None:
            raise TypeError(f"GraphML cannot hold a {type(value).__name__} ({name})")
        return name, xml_type, scope

    def parts() -> Iterator[bytes]:
        keys: dict[tuple[str, str, str], str] = {}
        for scope, items, data in (("node", export.nodes, _node_data), ("edge", export.rels, _rel_data)):
            for item in items():
                for name, value in data(item):
                    keys.setdefault(key_of(name, value, scope), f"d{len(keys)}")
        yield ("<?xml version='1.0' encoding='utf-8'?>\n"
               '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
               'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
               'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
               'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n').encode()
        for (name, xml_type, scope), kid in keys.items():
            yield f'<key id="{kid}" for="{scope}" attr.name={quoteattr(name)} attr.type="{xml_type}" />\n'.encode()
        yield b'<graph edgedefault="directed">\n'
        for n in export.nodes():
            yield from _xml_row("node", {"id": f"{n['label']}:{n['id']}"},
                                [(keys[key_of(k, v, "node")], str(v)) for k, v in _node_data(n)])
        for r in export.rels():
            sl, dl = REL_ENDPOINTS[r["type"]]
            yield from _xml_row("edge", {"source": f"{sl}:{r['src']}", "target": f"{dl}:{r['dst']}", "id": r["type"]},
                                [(keys[key_of(k, v, "edge")], str(v)) for k, v in _rel_data(r)])
        yield b"</graph>\n</graphml>\n"
    return _gather(parts())


_WRITERS = {"json": json_chunks, "csv": csv_chunks, "graphml": graphml_chunks}


def export_response(export, fmt: str) -> StreamingResponse:
    """The export as a streamed download named ``chainkg-<cluster|all>.<fmt>``."""
    name = f"chainkg-{export.cluster or 'all'}"
    return StreamingResponse(_WRITERS[fmt](export), media_type=EXPORT_MEDIA[fmt],
                             headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
