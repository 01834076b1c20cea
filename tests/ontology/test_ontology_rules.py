"""Each ontology rule, with a failing example: the error names the file and the entry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from chainkg.errors import OntologyError
from ontology.loader import ONTOLOGY_DIR, load_ontology


@pytest.fixture
def onto_dir(tmp_path) -> Path:
    """A copy of the real ontology files, to break one rule at a time."""
    d = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY_DIR / "chains", d / "chains")
    shutil.copytree(ONTOLOGY_DIR / "technologies", d / "technologies")
    shutil.copy(ONTOLOGY_DIR / "policy.yaml", d / "policy.yaml")
    return d


def edit(path: Path, fn) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    fn(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_real_ontology_is_valid():
    onto = load_ontology()
    assert len(onto.clusters) == 7
    for cid in onto.clusters:
        segs = onto.segments_of(cid)
        ids = {s.id for s in segs}
        assert len(segs) >= 20, cid
        assert {s.stage for s in segs} == {"上游", "中游", "下游"}, cid
        assert 2 <= max(s.level for s in segs) <= 3, cid
        assert sum(1 for t in onto.technologies.values() if ids & set(t.segments)) >= 10, cid
    assert {c.short for c in onto.counties.values()} == {"椒江", "黄岩", "路桥", "临海", "温岭", "玉环", "天台", "仙居", "三门"}
    assert all(s.source and s.weight_reason for s in onto.segments.values())
    assert all(t.source for t in onto.technologies.values())
    assert all(t.clause for t in onto.targets)
    for s in onto.segments.values():  # a subtree sits in one stage (ontology/FORMAT.md)
        assert s.parent is None or onto.segments[s.parent].stage == s.stage, s.id


def test_adjacent_segments_for_taizhou_cluster_boundaries():
    """摩托车 with 汽车 and 医疗器械 with 医药: end products (下游) with a sourced place in the chain."""
    onto = load_ontology()
    moto, med = onto.segments["auto-motorcycle"], onto.segments["pharma-medical-devices"]
    assert (moto.cluster, moto.stage, med.cluster, med.stage) == ("auto", "下游", "pharma", "下游")
    assert {"摩托车", "电动摩托车"} <= set(moto.keywords) and {"医疗器械", "医用耗材"} <= set(
        med.keywords + onto.segments["pharma-medical-consumables"].keywords)
    assert any(f.target_id == "auto-motorcycle" for f in onto.feeds_of("auto"))
    assert any(f.target_id == "pharma-medical-consumables" for f in onto.feeds_of("pharma"))


def test_hydraulic_pump_is_not_an_industrial_pump():
    """液压泵 (GB/T 4754 3444) is not under 工业泵, and no chokepoint is pulled onto it without a source."""
    onto = load_ontology()
    assert onto.segments["pump-motor-hydraulic-plunger"].parent is None
    assert "pump-motor-hydraulic-plunger" not in onto.subtree("pump-motor-industrial-pump")
    assert not [t.id for t in onto.technologies.values() if "pump-motor-hydraulic-plunger" in t.segments]


def test_valid_copy_loads(onto_dir):
    assert len(load_ontology(onto_dir).segments) == len(load_ontology().segments)


def test_duplicate_segment_id(onto_dir):
    edit(onto_dir / "chains" / "auto.yaml", lambda d: d["segments"].append(dict(d["segments"][0])))
    with pytest.raises(OntologyError, match=r"auto.yaml.*entry auto-.*duplicate segment id"):
        load_ontology(onto_dir)


def test_duplicate_technology_id_across_files(onto_dir):
    first = yaml.safe_load((onto_dir / "technologies" / "auto.yaml").read_text(encoding="utf-8"))["technologies"][0]
    edit(onto_dir / "technologies" / "pharma.yaml", lambda d: d["technologies"].append(dict(first)))
    with pytest.raises(OntologyError, match=rf"pharma.yaml.*entry {first['id']}.*duplicate technology id"):
        load_ontology(onto_dir)


def test_feeds_to_unknown_segment(onto_dir):
    edit(onto_dir / "chains" / "sewing.yaml",
         lambda d: d["feeds"].append({"from": d["segments"][0]["id"], "to": "sewing-nowhere"}))
    with pytest.raises(OntologyError, match=r"sewing.yaml.*sewing-nowhere.*not a segment of cluster sewing"):
        load_ontology(onto_dir)


def test_feeds_across_clusters_is_refused(onto_dir):
    edit(onto_dir / "chains" / "sewing.yaml",
         lambda d: d["feeds"].append({"from": d["segments"][0]["id"], "to": "auto-nev"}))
    with pytest.raises(OntologyError, match=r"auto-nev.*not a segment of cluster sewing"):
        load_ontology(onto_dir)


def _close_cycle(d: dict) -> None:
    f = d["feeds"][0]
    d["feeds"].append({"from": f["to"], "to": f["from"]})


def test_undeclared_feeds_cycle(onto_dir):
    edit(onto_dir / "chains" / "pharma.yaml", _close_cycle)
    with pytest.raises(OntologyError, match=r"pharma.yaml.*FEEDS cycle not declared"):
        load_ontology(onto_dir)


def test_declared_feeds_cycle_is_allowed(onto_dir):
    def declare(d):
        _close_cycle(d)
        back = d["feeds"][-1]
        d["declared_cycles"] = [[back["from"], back["to"]]]

    edit(onto_dir / "chains" / "pharma.yaml", declare)
    assert "pharma" in load_ontology(onto_dir).clusters


def test_technology_without_segment(onto_dir):
    edit(onto_dir / "technologies" / "aerospace.yaml", lambda d: d["technologies"][0].update(segments=[]))
    with pytest.raises(OntologyError, match=r"aerospace.yaml.*entry tech-.*segments"):
        load_ontology(onto_dir)


def test_technology_needing_unknown_segment(onto_dir):
    edit(onto_dir / "technologies" / "aerospace.yaml", lambda d: d["technologies"][0].update(segments=["nope"]))
    with pytest.raises(OntologyError, match=r"aerospace.yaml.*unknown segment 'nope'"):
        load_ontology(onto_dir)


@pytest.mark.parametrize("file, path", [
    ("chains/auto.yaml", ("segments", 0)),
    ("technologies/auto.yaml", ("technologies", 0)),
])
def test_fact_without_source(onto_dir, file, path):
    edit(onto_dir / file, lambda d: d[path[0]][path[1]].update(source=""))
    with pytest.raises(OntologyError, match=r"source"):
        load_ontology(onto_dir)


def test_policy_target_without_clause(onto_dir):
    edit(onto_dir / "policy.yaml", lambda d: d["targets"][0].update(clause=""))
    with pytest.raises(OntologyError, match=r"policy.yaml.*clause"):
        load_ontology(onto_dir)


def _child_in_other_stage(d: dict) -> None:
    child = next(s for s in d["segments"] if s.get("parent"))
    parent = next(s for s in d["segments"] if s["id"] == child["parent"])
    child["stage"] = next(st for st in ("上游", "中游", "下游") if st != parent["stage"])


def test_child_stage_differs_from_parent(onto_dir):
    edit(onto_dir / "chains" / "pharma.yaml", _child_in_other_stage)
    with pytest.raises(OntologyError, match=r"pharma.yaml entry pharma-\S+: stage \S+ differs from its parent "
                                            r"'pharma-[a-z-]+'"):
        load_ontology(onto_dir)


def test_top_level_segment_may_take_any_stage(onto_dir):
    edit(onto_dir / "chains" / "sewing.yaml",
         lambda d: next(s for s in d["segments"] if s["id"] == "sewing-household").update(stage="中游"))
    assert load_ontology(onto_dir).segments["sewing-household"].stage == "中游"


def test_parent_in_another_cluster(onto_dir):
    edit(onto_dir / "chains" / "auto.yaml", lambda d: d["segments"][1].update(parent="pharma-api"))
    with pytest.raises(OntologyError, match=r"auto.yaml.*parent 'pharma-api' is not a segment of cluster auto"):
        load_ontology(onto_dir)


def test_enterprise_county_must_be_known(tmp_path, store):
    from etl.loader import load_files

    f = tmp_path / "e.csv"
    f.write_text("企业名称,所属区县,来源\n甲企业有限公司,火星县,test\n乙企业有限公司,温岭,test\n", encoding="utf-8")
    report = load_files(store, [f])
    assert [(q.file, q.row, q.field) for q in report.quarantined] == [("e.csv", 2, "county")]
    assert report.enterprises == 1
