"""`GET /export` is streamed: the same output as the in-memory export it replaced (kept below as the
oracle, verbatim but for props keys now sorted), sent in chunks without Content-Length, the same bytes
on every store kind, and the memory it takes does not grow with the number of nodes and relationships
(tracemalloc peak on generated stores of two sizes)."""

from __future__ import annotations

import io
import json
import tracemalloc

import networkx as nx
import pytest

from api.exporters import CHUNK, csv_chunks, graphml_chunks, json_chunks
from api.http import csv_response
from chainkg.service import ChainKG
from graph.store.sqlite_store import SQLiteStore
from graph.store.port import Batch
from ontology.loader import load_ontology
from ontology.schema import LABELS, REL_ENDPOINTS, REL_TYPES

WRITERS = {"json": json_chunks, "csv": csv_chunks, "graphml": graphml_chunks}


# -- the export as it was before streaming (service.graph_export + api/exporters.py), the oracle --------

def _old_graph_export(store, cluster_id, onto):
    nodes: list[dict] = []
    for label in LABELS:
        offset = 0
        while True:
            page = store.find_nodes(label, limit=5000, offset=offset)
            nodes += [{"label": label, "id": p["id"], "props": p} for p in page]
            if len(page) < 5000:
                break
            offset += 5000
    rels = [{"type": t, "src": r["src"], "dst": r["dst"], "props": r["props"]} for t in REL_TYPES for r in store.rels(t)]
    if cluster_id is not None:
        segs = {s.id for s in onto.segments_of(cluster_id)}
        keep = {("Cluster", cluster_id)} | {("Segment", s) for s in segs}
        keep |= {("Technology", r["dst"]) for r in rels if r["type"] == "NEEDS" and r["src"] in segs}
        firms = {r["src"] for r in rels if r["type"] == "IN_SEGMENT" and r["dst"] in segs}
        keep |= {("Enterprise", f) for f in firms}
        keep |= {("County", r["dst"]) for r in rels if r["type"] == "LOCATED_IN" and r["src"] in firms}
        ends = dict(REL_ENDPOINTS)
        nodes = [n for n in nodes if (n["label"], n["id"]) in keep]
        rels = [r for r in rels if (ends[r["type"]][0], r["src"]) in keep and (ends[r["type"]][1], r["dst"]) in keep]
    return {"cluster": cluster_id, "nodes": nodes, "rels": rels}


def _old_scalar(v):
    if isinstance(v, (list, tuple)):
        return "; ".join(map(str, v)) if all(not isinstance(x, (dict, list)) for x in v) else json.dumps(v, ensure_ascii=False)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return v


def _old_graphml(data: dict) -> bytes:
    g = nx.MultiDiGraph()
    for n in data["nodes"]:
        g.add_node(f"{n['label']}:{n['id']}", label=n["label"],
                   **{f"p_{k}": _old_scalar(v) for k, v in n["props"].items() if v is not None})
    for r in data["rels"]:
        sl, dl = REL_ENDPOINTS[r["type"]]
        g.add_edge(f"{sl}:{r['src']}", f"{dl}:{r['dst']}", key=r["type"], type=r["type"],
                   **{f"p_{k}": _old_scalar(v) for k, v in r["props"].items() if v is not None})
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8")
    return buf.getvalue()


def _old_bytes(data: dict, fmt: str) -> bytes:
    if fmt == "graphml":
        return _old_graphml(data)
    if fmt == "csv":
        rows = [{"kind": "node", "label_or_type": n["label"], "id": n["id"], "src": "", "dst": "",
                 "name": n["props"].get("name", ""), "props": n["props"]} for n in data["nodes"]]
        rows += [{"kind": "rel", "label_or_type": r["type"], "id": "", "src": r["src"], "dst": r["dst"],
                  "name": "", "props": r["props"]} for r in data["rels"]]
        return csv_response(rows, "x").body
    # the one change since: props keys sorted (stores return them in their own order; see chainkg.export)
    data = data | {k: [x | {"props": dict(sorted(x["props"].items()))} for x in data[k]] for k in ("nodes", "rels")}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _graph_content(raw: bytes) -> tuple:
    g = nx.read_graphml(io.BytesIO(raw), force_multigraph=True)
    nodes = sorted((n, sorted(d.items())) for n, d in g.nodes(data=True))
    edges = sorted((u, v, k, sorted(d.items())) for u, v, k, d in g.edges(keys=True, data=True))
    return nodes, edges


# -- same output --------------------------------------------------------------------------------------

@pytest.mark.parametrize("cluster", [None, "sewing", "auto"])
@pytest.mark.parametrize("fmt", ["json", "csv", "graphml"])
def test_streamed_export_is_the_export_it_replaced(client, api_store, fmt, cluster):
    params = {"format": fmt} | ({"cluster": cluster} if cluster else {})
    with client.stream("GET", "/api/v1/export", params=params) as r:
        assert r.status_code == 200
        assert "content-length" not in r.headers and "etag" not in r.headers  # streamed, never buffered whole
        got = r.read()
    assert r.headers["content-disposition"] == f'attachment; filename="chainkg-{cluster or "all"}.{fmt}"'
    before = _old_bytes(_old_graph_export(api_store, cluster, load_ontology()), fmt)
    if fmt == "graphml":  # networkx's writer groups edges by source node; the graph read back is the same
        assert _graph_content(got) == _graph_content(before)
        assert len(_graph_content(got)[1]) > 0
    else:
        assert got == before
    assert len(got) > 1000


def test_unknown_cluster_is_404_before_streaming(client):
    r = client.get("/api/v1/export", params={"cluster": "nope", "format": "graphml"})
    assert r.status_code == 404 and r.json()["code"] == "not_found"


# -- bounded memory -----------------------------------------------------------------------------------

def _generated_store(path, firms: int) -> SQLiteStore:
    """Firms, each in two of a few segments (so relationships grow with the firms, several per src)."""
    store = SQLiteStore(path)
    batch = Batch()
    segs = [f"gen-seg-{k}" for k in range(5)]
    for sid in segs:
        batch.node("Segment", {"id": sid, "name": sid})
    for i in range(firms):
        fid = f"F{i:07d}"
        batch.node("Enterprise", {"id": fid, "name": f"生成企业{i}有限公司", "scope": "泵、电机及零部件制造；" * 8,
                                  "tags": ["专精特新", "上市"], "revenue": 1000.5 + i, "local": i % 2 == 0})
        for sid in (segs[i % 5], segs[(i + 2) % 5]):
            batch.rel("IN_SEGMENT", fid, sid, {"confidence": 0.75, "evidence": "经营范围：泵、电机及零部件制造" * 4})
    store.write(batch)
    return store


def _peak(export, fmt: str) -> tuple[int, int, int]:
    """(bytes written, chunks, tracemalloc peak) of one streamed export."""
    size = chunks = 0
    tracemalloc.start()
    try:
        for chunk in WRITERS[fmt](export):
            size += len(chunk)
            chunks += 1
            assert len(chunk) < CHUNK + 64 * 1024
        return size, chunks, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt", ["json", "csv", "graphml"])
def test_export_memory_does_not_grow_with_the_store(tmp_path, fmt):
    onto = load_ontology()
    small = _generated_store(tmp_path / "small.db", 3_000)
    large = _generated_store(tmp_path / "large.db", 12_000)
    try:
        rel_counts = tuple(sum(st.counts()["relationships"].values()) for st in (small, large))
        s_size, _, s_peak = _peak(ChainKG(small, onto).graph_export(None), fmt)
        l_size, l_chunks, l_peak = _peak(ChainKG(large, onto).graph_export(None), fmt)
    finally:
        small.close()
        large.close()
    assert l_size > 3.5 * s_size and l_chunks > 10
    assert rel_counts == (6_000, 24_000)  # relationships grow four times too
    # four times the graph, the same memory: pages of chainkg.export.PAGE nodes and relationships
    # (keyset pages, chainkg.export), chunks of CHUNK bytes
    assert l_peak < 1.25 * s_peak, (s_peak, l_peak)


# -- same bytes on both stores ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sqlite_reference(tmp_path_factory):
    """The bundled data loaded into a fresh embedded store: what every store kind must export."""
    s = SQLiteStore(tmp_path_factory.mktemp("ref") / "ref.db")
    ChainKG(s).load()
    yield s
    s.close()


@pytest.mark.parametrize("cluster", [None, "auto"])
@pytest.mark.parametrize("fmt", ["json", "csv", "graphml"])
def test_streamed_export_is_the_same_bytes_on_every_store(api_store, sqlite_reference, monkeypatch, fmt, cluster):
    import chainkg.export

    monkeypatch.setattr(chainkg.export, "PAGE", 37)  # many keyset page boundaries, inside one src too
    onto = load_ontology()
    got, want = (b"".join(WRITERS[fmt](ChainKG(s, onto).graph_export(cluster))) for s in (api_store, sqlite_reference))
    assert got == want
    assert want.count({"json": b'"type":"IN_SEGMENT"', "csv": b"rel,IN_SEGMENT,", "graphml": b'id="IN_SEGMENT"'}[fmt]) > 37
