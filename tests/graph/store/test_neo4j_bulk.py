"""The bulk path (``chainkg load --bulk``, graph.store.neo4j_bulk) gives the graph the online path gives.

The import replaces the database, so these tests never touch the shared server of
``CHAINKG_NEO4J_URL``: they start their own local Neo4j in a temporary state dir. They run where
Neo4j tests run (``CHAINKG_NEO4J_URL`` set, or ``CHAINKG_REQUIRE_NEO4J=1``, where a server that
cannot start fails them) and skip elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chainkg.service import ChainKG
from chainkg.cli import app
from etl.loader import BUNDLED_FILES
from graph.store.neo4j_bulk import BulkSink, bulk_load, check_target
from graph.store.neo4j_csv import CsvGraphWriter
from graph.store.neo4j_store import Neo4jStore
from graph.store.port import Batch
from ontology.errors import StoreError

REQUIRED = os.environ.get("CHAINKG_REQUIRE_NEO4J") == "1"

ENTERPRISES = """统一社会信用代码,企业名称,所属区县,所在城市,是否本地,主营产品,所属环节,营业收入(万元),工业总产值(万元),从业人员,成立日期,企业标签,经营范围,登记状态,来源
91331081MA2BULK004,台州测试泵业有限公司,温岭,台州市,是,小型潜水泵;花园泵,pump-motor-submersible,12000,15000.5,320,2008-05-16,专精特新;上市,"泵制造，电机制造
（依法须经批准的项目）",存续,测试 "quoted" source
91331002MA2BULK00N,台州测试电池有限公司,椒江,台州市,是,动力电池隔膜,,8600,,150,2015-03-01,,电池零配件生产,存续,测试
91330212MA2BULK004,宁波测试电机有限公司,,宁波市,否,驱动电机;永磁同步电机,,,,,,高新技术企业,电机制造,注销,测试
91331003MA2BULK005,黄岩测试模具有限公司,黄岩,台州市,是,注塑模具,mould-plastic-auto-mould,3000,2800,,2001-01-01,,,,测试
"""
MORE = """统一社会信用代码,企业名称,所属区县,所在城市,是否本地,主营产品,企业标签,来源
91331081MA2BULK004,台州测试泵业有限公司,温岭,台州市,是,屏蔽泵,隐形冠军,第二份名录
"""
SUPPLY = """供应商,供应商信用代码,客户,客户信用代码,产品,来源
宁波测试电机有限公司,91330212MA2BULK004,台州测试泵业有限公司,91331081MA2BULK004,驱动电机,测试
"""


def _fail_or_skip(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"CHAINKG_REQUIRE_NEO4J=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    """A local Neo4j of this module's own (state dir in a temp dir), stopped at the end."""
    if not (REQUIRED or os.environ.get("CHAINKG_NEO4J_URL")):
        pytest.skip("Neo4j tests are off: set CHAINKG_NEO4J_URL or CHAINKG_REQUIRE_NEO4J=1")
    from graph.server import neo4j_server

    state = tmp_path_factory.mktemp("bulk-state")
    try:
        info = neo4j_server.start(state, heap="512m", pagecache="128m", timeout=240)
    except StoreError as e:
        _fail_or_skip(f"a local Neo4j for the bulk tests did not start: {e}")
    yield state, info
    neo4j_server.stop(state)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> list[str]:
    d = tmp_path_factory.mktemp("bulk-files")
    out = []
    for name, text in (("enterprises.csv", ENTERPRISES), ("more.csv", MORE), ("supply.csv", SUPPLY)):
        (d / name).write_text(text, encoding="utf-8")
        out.append(str(d / name))
    return [*map(str, BUNDLED_FILES), *out]


def _snapshot(url: str) -> tuple:
    s = Neo4jStore.from_url(url)
    try:
        return s.counts(), s.checksum(), s.segment_aggregates(), s.find_nodes("Enterprise", limit=10_000)
    finally:
        s.close()


def _clear(url: str) -> None:
    s = Neo4jStore.from_url(url)
    s.clear()
    s.close()


def test_bulk_load_equals_online_load(local, files):
    state, info = local
    _clear(info.url)
    report, res = bulk_load(state, info.url, lambda sink: ChainKG(sink).load(files))
    assert res.info.port == info.port  # back on the same port: the user's URL still works
    assert res.nodes > 500 and res.rels > 1000 and report.enterprises > 240
    bulk = _snapshot(info.url)
    _clear(info.url)
    online_report = ChainKG(Neo4jStore.from_url(info.url)).load(files)
    online = _snapshot(info.url)
    assert online_report.summary() == report.summary()
    assert bulk[0] == online[0]  # counts
    assert bulk[3] == online[3]  # every enterprise with every derived property (leading, local, active…)
    assert bulk[2] == online[2]  # segment aggregates
    assert bulk[1] == online[1]  # checksum


def _batches() -> list[Batch]:
    """Online corner cases: a second upsert of a node and a relationship, a None that removes a
    property, an empty list on a node and on a relationship, mixed types of one key, a drop."""
    b1, b2 = Batch(), Batch()
    b1.node("Cluster", {"id": "c1", "name": "一", "directions": [], "n": 1})
    b1.node("Cluster", {"id": "c2", "name": "", "directions": ["a;b", 'q"uote'], "n": 2.5, "flag": True})
    b1.node("Segment", {"id": "s1", "name": "环节\n换行", "weight": 1, "keywords": [1, 2]})
    b1.node("Segment", {"id": "s2", "name": "x", "weight": 0.5, "keywords": [1.5], "extra": None})
    b1.rel("PART_OF", "s1", "c1", {"w": 1})
    b1.rel("PART_OF", "s2", "c2", {"tags": []})
    b1.rel("FEEDS", "s1", "s2")
    b2.node("Cluster", {"id": "c1", "name": "一改", "n": None, "more": ["x"]})
    b2.rel("PART_OF", "s1", "c1", {"w": 2, "note": "second"})
    b2.drop_rel("FEEDS", "s1", "s2")
    b2.drop_rel("FEEDS", "s2", "s1")
    b2.rel("FEEDS", "s2", "s1", {"after": "drop"})
    return [b1, b2]


def test_corner_cases_equal_online_and_refusals(local):
    state, info = local
    _clear(info.url)
    _, res = bulk_load(state, info.url, lambda sink: [sink.write(b) for b in _batches()])
    assert res.replayed > 0 and res.emptied == 1
    bulk = _snapshot(info.url)
    _clear(info.url)
    s = Neo4jStore.from_url(info.url)
    for b in _batches():
        s.write(b)
    s.close()
    online = _snapshot(info.url)
    assert bulk[:2] == online[:2]
    # the database holds data now: refused before anything is stopped or written
    with pytest.raises(StoreError, match="empty database"):
        bulk_load(state, info.url, lambda sink: None)
    assert _snapshot(info.url)[1] == online[1]
    # another server (here: a wrong port) is refused
    with pytest.raises(StoreError, match="only imports into the local Neo4j"):
        check_target(state, info.url.replace(f":{info.port}", f":{info.port + 1}"))


def test_failed_import_leaves_an_empty_running_database(local, tmp_path):
    from graph.server import neo4j_server

    state, info = local
    _clear(info.url)
    bad = tmp_path / "bad.csv"
    bad.write_text("id:ID(Cluster),n:long\n\"c1\",not-a-number\n", encoding="utf-8")
    with pytest.raises(StoreError, match="import failed"):
        neo4j_server.offline_import(state, [f"--nodes=Cluster={bad}"])
    after = neo4j_server.status(state)
    assert after is not None and after.port == info.port
    assert sum(_snapshot(info.url)[0]["nodes"].values()) == 0


def test_writer_refuses_a_relationship_to_a_missing_node(tmp_path):
    w = CsvGraphWriter(tmp_path)
    b = Batch()
    b.node("Segment", {"id": "s1", "name": "x"})
    b.rel("PART_OF", "s1", "nowhere")
    with pytest.raises(StoreError, match="PART_OF relationship to a missing node"):
        w.add(b)


def test_compiled_row_formatters_write_what_the_cell_converters_write(tmp_path):
    """Each row shape's compiled formatter (neo4j_csv._formatter) against the per-cell converters
    (_q, _scalar, _array): quotes, newlines, ±inf and NaN, 64-bit bounds, arrays of every type, a
    column the row lacks, a marker label."""
    from graph.store.neo4j_csv import ARRAY_DELIMITER, _array, _q, _scalar

    rows = [{"id": 'a"1', "name": 'x "y",\nz', "n": 2 ** 63 - 1, "f": float("inf"), "b": True,
             "ts": ["p", 'q"r'], "fs": [1.5, float("nan")], "bs": [False, True], "ns": [-(2 ** 63), 0]},
            {"id": "a2", "name": "", "n": -3, "f": -float("inf"), "b": False, "ts": ["s"], "fs": [0.1],
             "bs": [True], "ns": [7]},
            {"id": "a3", "name": "only a name", "f": 1e-300, "ts": []}]
    w = CsvGraphWriter(tmp_path)
    b = Batch()
    for r in rows:
        b.node("Technology", dict(r))
    w.add(b)
    w.finish()
    text = (tmp_path / "n-Technology-0.csv").read_text(encoding="utf-8")
    ref = []
    for r in rows[:2]:
        ref.append([_q(r["id"]), ""] + [_q(r["name"]), _scalar(r["n"], int), _scalar(r["f"], float),
                                        _scalar(r["b"], bool)] + [_array(r[k], t, k) for k, t in
                                                                  (("ts", str), ("fs", float), ("bs", bool), ("ns", int))])
    # the third row fits the same columns: the ones it lacks are empty, its [] gets a marker label
    ref.append([_q("a3"), "_ckb_empty_0", _q("only a name"), "", _scalar(1e-300, float), "", "", "", "", ""])
    assert text == "".join(",".join(cells) + "\n" for cells in ref)
    assert "Infinity" in text and "NaN" in text and ARRAY_DELIMITER in text
    with pytest.raises(StoreError, match="64-bit"):
        b2 = Batch()
        b2.node("Technology", {"id": "big", "name": "x", "n": 2 ** 63, "f": 1.0, "b": True,
                               "ts": ["p"], "fs": [1.0], "bs": [True], "ns": [1]})
        w2 = CsvGraphWriter(tmp_path / "w2")
        w2.add(b2)


def test_pair_table_agrees_with_a_set_through_its_growth():
    import random

    from graph.store.neo4j_csv import _Seen

    rng = random.Random(3)
    table, ref = _Seen(8), set()
    for _ in range(20_000):
        h = hash((f"F{rng.randrange(5_000)}", f"S{rng.randrange(9)}"))
        assert table.add(h) == (h not in ref)
        ref.add(h)
    assert table.n == len(ref) and 2 * table.n <= table.mask + 1


def test_sink_refuses_deletes():
    with pytest.raises(StoreError, match="not part of a bulk first load"):
        BulkSink(None, None).clear()


def test_cli_bulk_on_sqlite_loads_normally(tmp_path):
    (tmp_path / "e.csv").write_text(ENTERPRISES, encoding="utf-8")
    db = tmp_path / "kg.db"
    r = CliRunner().invoke(app, ["load", str(tmp_path / "e.csv"), "--bulk", "--store", str(db),
                                 "--quarantine", str(tmp_path / "q.csv")])
    assert r.exit_code == 0, r.output
    assert "no offline importer" in r.output and "enterprises=4" in r.output, r.output


def test_cli_bulk_refuses_without_a_local_server(tmp_path, monkeypatch):
    monkeypatch.setenv("CHAINKG_STATE_DIR", str(tmp_path / "no-server"))
    r = CliRunner().invoke(app, ["load", "--bulk", "--store", "neo4j://neo4j:x@127.0.0.1:1"])
    assert r.exit_code == 1
    assert "chainkg neo4j start" in r.output and Path(tmp_path / "no-server").exists() is False
