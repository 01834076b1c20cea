"""Serialise a graph export (``service.graph_export``) as JSON, CSV or GraphML.

GraphML via networkx: a directed multigraph, node ids ``Label:id`` (ids are unique per label
only), every property flattened to a scalar (lists joined with ``; ``, maps as JSON) because
GraphML attributes are scalars.
"""

from __future__ import annotations

import io
import json

import networkx as nx
from fastapi.responses import Response

from api.http import csv_response

__all__ = ["EXPORT_MEDIA", "export_response", "to_graphml"]

EXPORT_MEDIA = {"json": "application/json", "csv": "text/csv", "graphml": "application/graphml+xml"}


def _scalar(v):
    if isinstance(v, (list, tuple)):
        return "; ".join(map(str, v)) if all(not isinstance(x, (dict, list)) for x in v) else json.dumps(v, ensure_ascii=False)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return v


def to_graphml(data: dict) -> bytes:
    g = nx.MultiDiGraph()
    labels = {}
    for n in data["nodes"]:
        key = f"{n['label']}:{n['id']}"
        labels.setdefault(n["id"], n["label"])
        g.add_node(key, label=n["label"], **{f"p_{k}": _scalar(v) for k, v in n["props"].items() if v is not None})
    from ontology.schema import REL_ENDPOINTS

    for r in data["rels"]:
        sl, dl = REL_ENDPOINTS[r["type"]]
        g.add_edge(f"{sl}:{r['src']}", f"{dl}:{r['dst']}", key=r["type"], type=r["type"],
                   **{f"p_{k}": _scalar(v) for k, v in r["props"].items() if v is not None})
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8")
    return buf.getvalue()


def export_response(data: dict, fmt: str) -> Response:
    name = f"chainkg-{data.get('cluster') or 'all'}"
    disposition = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    if fmt == "graphml":
        return Response(to_graphml(data), media_type=EXPORT_MEDIA["graphml"], headers=disposition)
    if fmt == "csv":
        rows = [{"kind": "node", "label_or_type": n["label"], "id": n["id"], "src": "", "dst": "",
                 "name": n["props"].get("name", ""), "props": n["props"]} for n in data["nodes"]]
        rows += [{"kind": "rel", "label_or_type": r["type"], "id": "", "src": r["src"], "dst": r["dst"],
                  "name": "", "props": r["props"]} for r in data["rels"]]
        return csv_response(rows, name)
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return Response(body, media_type=EXPORT_MEDIA["json"], headers=disposition)
