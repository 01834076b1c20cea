"""Ranked firm lists order firms by what is known of them (``ontology.firms.rank_key``), on both stores, the
same from the stored lists, from the query beyond them and after a recount (review 40 F2: registry firms with
no figure came before every listed firm because credit-code ids sort before ``sc-…`` ids)."""

from __future__ import annotations

import pytest

from graph.store import aggregate_state, aggregates
from graph.store.port import Batch

from tests.graph.store.test_store_contract import small_batch

# id → props: the expected order is the dict's order (ids chosen so that id order is the reverse)
FIRMS = {
    "z-leading": {"leading": True, "registered_capital": 10.0},                       # a 龙头 tag: first
    "y-output": {"output": 50_000.0},                                                 # then output
    "x-listed": {"stock_code": "603767.SH"},                                          # then listed, even bare
    "w-listed-small": {"stock_code": "600000.SH", "employees": 0},                    # (listed, nothing else: by id)
    "v-staff": {"employees": 300, "registered_capital": 100.0},                       # then head count
    "u-capital": {"registered_capital": 12_000.0},                                    # then RMB capital
    "t-dollars": {"registered_capital": 90_000.0, "capital_currency": "美元"},        # another currency: unknown
    "9133-nothing": {},                                                               # nothing known: last
}
ORDER = list(FIRMS)
ORDER[2:4] = sorted(ORDER[2:4])   # two listed firms, nothing else known: the id breaks the tie
ORDER[-2:] = sorted(ORDER[-2:])   # nothing comparable known: the id


def _ours(firms: list[dict]) -> list[str]:
    """The ids of this test's firms, in the order given (small_batch has firms of its own)."""
    return [f["id"] for f in firms if f["id"] in FIRMS]


def _load(store, tech: bool = True) -> None:
    b = small_batch()
    for fid, props in FIRMS.items():
        b.node("Enterprise", {"id": fid, "name": fid, "local": True, **props})
        b.rel("IN_SEGMENT", fid, "auto-pack")
        if tech:
            b.rel("HOLDS", fid, "tech-sep")
    store.write(b)


def test_stored_lists_rank_by_what_is_known(store):
    _load(store)
    assert _ours(store.top_firms(["auto-pack"], local=True, limit=20)) == ORDER
    n, holders = store.tech_holders(["tech-sep"], limit=20)["tech-sep"]
    assert n >= len(FIRMS) and [f["id"] for f in holders if f["id"] in FIRMS] == ORDER


def test_the_query_beyond_the_stored_lists_ranks_the_same(store, monkeypatch):
    _load(store)
    for mod in (aggregates, aggregate_state):   # short lists: top_firms asks the store (SQL / Cypher)
        monkeypatch.setattr(mod, "TOP_N", 2)
    assert _ours(store.top_firms(["auto-pack"], local=True, limit=20)) == ORDER
    n, holders = store.tech_holders(["tech-sep"], limit=20)["tech-sep"]
    assert [f["id"] for f in holders if f["id"] in FIRMS] == ORDER


def test_a_figure_changed_later_moves_the_firm(store):
    _load(store)
    b = Batch()
    b.node("Enterprise", {"id": "9133-nothing", "employees": 5000})  # the registry now gives a head count
    store.write(b)
    assert _ours(store.top_firms(["auto-pack"], local=True, limit=20)) == \
        ORDER[:4] + ["9133-nothing", "v-staff", "u-capital", "t-dollars"]   # 5,000 staff: before 300
    stored, fresh = store._aggregates(), store.recount_aggregates()
    assert {k: v for k, v in stored.lists.items()} == {k: v for k, v in fresh.lists.items()}


def test_aggregates_of_the_older_format_are_counted_again(store, tmp_path):
    """Lists stored by output alone (format 1, unmarked) are not moved by the new key: a store recounts them."""
    _load(store)
    want = store._aggregates().dumps()
    old = want.replace(f'"format":{aggregate_state.FORMAT},', "")
    assert not aggregate_state.is_current(old)
    if store.kind == "sqlite":
        from graph.store.sqlite_store import SQLiteStore

        store._db.execute("UPDATE meta SET value = ? WHERE key = 'aggregates'", (old,))
        store._db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
        store.close()
        reopened = SQLiteStore(store.path)
    else:
        from graph.store.neo4j_store import Neo4jStore
        from tests.conftest import _neo4j_url

        store._driver.execute_query("MATCH (a:ChainkgAggregates) SET a.state = $s", s=old, database_=store.database)
        from graph.store.open import open_store

        reopened = open_store(_neo4j_url())
        assert isinstance(reopened, Neo4jStore)
    try:
        assert aggregate_state.is_current(reopened._aggregates().dumps())
        assert _ours(reopened.top_firms(["auto-pack"], local=True, limit=20)) == ORDER
    finally:
        if reopened is not store:
            reopened.close()


@pytest.mark.parametrize("wrote", ["write", "write_stream"])
def test_a_first_load_ranks_as_a_recount(store, wrote):
    """The first-load path builds firm states from the rows (aggregate_inputs.fresh_states): the scale
    facts read from the rows equal those read back."""
    b = small_batch()
    for fid, props in FIRMS.items():
        b.node("Enterprise", {"id": fid, "name": fid, "local": True, **props})
        b.rel("IN_SEGMENT", fid, "auto-pack")
    getattr(store, wrote)(b if wrote == "write" else [b])
    stored, fresh = store._aggregates(), store.recount_aggregates()
    assert {k: v for k, v in stored.lists.items()} == {k: v for k, v in fresh.lists.items()}
    assert _ours(store.top_firms(["auto-pack"], local=True, limit=20)) == ORDER


def test_the_enterprise_list_ranks_local_firms_by_what_is_known(store, monkeypatch):
    """Review 40 C8: the firm list put local firms first, then ordered by id — every registry firm (9133…)
    before 华海 and 九洲 (sc-…). Now the ranked lists' order after local first, in the kept id list and in
    SQL paging beyond it."""
    _load(store, tech=False)
    b = Batch()
    b.node("Enterprise", {"id": "0-outside", "name": "外地", "local": False, "employees": 90_000})
    store.write(b)
    total, firms = store.find_enterprises(limit=100)
    ids = [f["id"] for f in firms]
    assert _ours(firms) == ORDER and ids.index("0-outside") > max(ids.index(i) for i in FIRMS)
    if store.kind == "sqlite":  # more matches than the kept id list holds: paged in SQL, same order
        from graph.store import sqlite_reads

        monkeypatch.setattr(sqlite_reads, "ID_LIST_MAX", 3)
        store._id_lists.clear()
        pages = [f for off in range(0, total, 4) for f in store.find_enterprises(limit=4, offset=off)[1]]
        assert [f["id"] for f in pages] == ids
