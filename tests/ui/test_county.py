"""The overview's county grid comes from one grouped service call (chainkg.service.ChainKG.county_distribution);
on both stores it must equal the per-cell counts of the enterprise listing it replaced, drop no local
firm (those of no known county have their own column) and ignore closed firms."""

from __future__ import annotations

from chainkg.service import ChainKG
from etl.dataset import census_spec
from ontology.loader import CLUSTER_ORDER, load_ontology


def test_county_distribution_equals_the_per_cell_counts(store, tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "chainkg"))  # test_census_flow, test_workbench
    from test_census_flow import registry_export  # Taizhou firms in five counties, one closed, one Hangzhou

    kg = ChainKG(store, load_ontology())
    kg.load()
    kg.load([registry_export(tmp_path)], dataset=census_spec("名录", clusters=["smart-toilet"]))
    onto = kg.onto
    counties = [c.short for c in onto.counties.values()]
    dist = kg.county_distribution()

    count = lambda **f: kg.enterprises(local=True, limit=0, **f)[0]  # noqa: E731
    assert dist["total"] == count() > 0
    assert dist["counties"] == {k: count(county=k) for k in counties}
    assert dist["no_county"] == dist["total"] - sum(dist["counties"].values()) > 0
    for cid in CLUSTER_ORDER:
        row = dist["clusters"][cid]
        assert {k: row[k] for k in counties} == {k: count(cluster=cid, county=k) for k in counties}, cid
        assert sum(row.values()) == count(cluster=cid), cid      # none dropped: the rest sit under None
    # the registry export's closed 椒江 maker of toilet controllers is stored but never counted
    closed = kg.enterprises(q="已注销示例卫浴", limit=5)[1]
    assert len(closed) == 1 and closed[0]["active"] is False and closed[0]["county"] == "椒江"
    every_jiaojiang = kg.enterprises(cluster="smart-toilet", county="椒江", limit=0)[0]
    assert dist["clusters"]["smart-toilet"]["椒江"] == every_jiaojiang - 1
