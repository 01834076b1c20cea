"""A census declared for one cluster checked against the rest of the store (graph/analytics/census_checks.py): the
cluster's local operating firms that other loaded data places in its segments but the census does not hold are named
in a ``check_census_complete`` action (review 39: a registry search for 智能马桶 makers missing five firms the news sample
names, and nothing said so). On the bundled chains, both stores."""

from __future__ import annotations

import pytest

from etl.bundle import ontology_batch
from graph.analytics.analysis import analyze
from ontology import load_ontology

LIST = {"id": "ds-list", "name": "智能马桶企业名录", "population": "名录", "region": "台州市", "census": True,
        "clusters": ["smart-toilet"], "source": "test", "as_of": "2026-11-30"}
NEWS = {"id": "ds-news", "name": "公开报道", "population": "样本/自填", "region": "台州市", "census": False,
        "clusters": [], "source": "test"}


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def _load(store, onto, *, news_firm: dict | None) -> None:
    b = ontology_batch(onto)
    b.node("Dataset", LIST)
    b.node("Dataset", NEWS)
    b.node("Enterprise", {"id": "h1", "name": "名录加热", "local": True, "sources": ["t"]})
    b.rel("IN_SEGMENT", "h1", "smart-toilet-heater")
    b.rel("IN_DATASET", "h1", LIST["id"])
    b.node("Enterprise", {"id": "both", "name": "两处都有", "local": True, "sources": ["t"]})  # in the list and the news
    b.rel("IN_SEGMENT", "both", "smart-toilet-seat")
    b.rel("IN_DATASET", "both", LIST["id"])
    b.rel("IN_DATASET", "both", NEWS["id"])
    b.node("Enterprise", {"id": "out", "name": "外地便座", "local": False, "sources": ["t"]})  # outside: never asked for
    b.rel("IN_SEGMENT", "out", "smart-toilet-seat")
    b.rel("IN_DATASET", "out", NEWS["id"])
    if news_firm:
        b.node("Enterprise", {"local": True, "sources": ["t"], **news_firm})
        b.rel("IN_SEGMENT", news_firm["id"], "smart-toilet-integrated")
        b.rel("IN_DATASET", news_firm["id"], NEWS["id"])
    store.write(b)


def _complete(result) -> list[dict]:
    return [a for a in result["data_actions"] if a["kind"] == "check_census_complete"]


def test_a_local_firm_the_news_places_in_the_cluster_but_the_list_lacks_is_named(store, onto):
    _load(store, onto, news_firm={"id": "n1", "name": "报道中的整机厂"})
    acts = _complete(analyze(store, onto, cluster="smart-toilet", sections=("gaps",)))
    assert len(acts) == 1
    a = acts[0]
    assert a["firms"] == 1 and [f["name"] for f in a["missing_firms"]] == ["报道中的整机厂"]
    assert a["datasets"] == [{"id": "ds-list", "name": "智能马桶企业名录"}]
    assert "名录可能不全" in a["text"] and "智能马桶企业名录" in a["text"]


def test_no_check_when_the_list_holds_every_local_firm_or_the_firm_no_longer_operates(store, onto):
    _load(store, onto, news_firm={"id": "n2", "name": "已注销的整机厂", "active": False})
    assert _complete(analyze(store, onto, cluster="smart-toilet", sections=("gaps",))) == []


def test_no_check_for_a_cluster_without_its_own_census(store, onto):
    _load(store, onto, news_firm={"id": "n3", "name": "报道中的整机厂"})
    assert _complete(analyze(store, onto, cluster="pump-motor", sections=("gaps",))) == []
