"""Policy target monitoring: the PolicyTarget model keeps qualifier, range and current; actuals
(template, validating importer, bundled figures with sources); progress and status; the API."""

from __future__ import annotations

import csv

import pytest

from chainkg import actuals
from chainkg.service import ChainKG
from graph.store.sqlite_store import SQLiteStore
from chainkg.errors import InputError
from ontology.loader import load_ontology


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def test_targets_keep_qualifier_range_and_current(onto):
    t = {x.id: x for x in onto.targets}
    assert len(t) == 36
    assert (t["world-class-clusters-task"].low, t["world-class-clusters-task"].high) == (1, 2)
    assert t["value-added-rate-2025"].qualifier == "左右" and t["listed-firms-2025"].qualifier == "以上"
    assert t["transformation-fund-annual"].qualifier == "确保不少于"
    pillar = t["ten-billion-pillar-industries-2019"]
    assert pillar.current and pillar.year == 2019 and pillar.value == 33
    assert "hundred-billion-clusters-2025" in t and "billion-clusters-2025" not in t and "pillar-industries-100b" not in t
    for x in onto.targets:  # a qualifier in the clause is on the target
        for q in ("以上", "左右"):
            if f"{x.value:g}{x.unit}{q}" in x.clause.replace(" ", ""):
                assert q in (x.qualifier or ""), x.id


def test_nothing_lost_between_yaml_store_and_api(onto, tmp_path):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from graph.store.sqlite_store import SQLiteStore

    store = SQLiteStore(str(tmp_path / "s.db"))
    ChainKG(store).load([])
    node = store.neighbourhood("PolicyTarget", "world-class-clusters-task", depth=0)["nodes"][0]
    props = node.get("props", node)
    assert props["low"] == 1 and props["high"] == 2
    api = TestClient(create_app()).get("/api/v1/policy-targets?limit=100").json()["items"]
    by_id = {x["id"]: x for x in api}
    assert by_id["world-class-clusters-task"]["high"] == 2 and by_id["national-demo-bases"]["qualifier"] == "左右"
    assert by_id["ten-billion-pillar-industries-2019"]["current"] is True


def test_bundled_actuals_have_sources_and_known_targets(onto):
    rows = actuals.read_actuals(None, onto)
    assert rows, "etl/bundled/actuals.csv bundles the figures found in public sources"
    ids = {t.id: t for t in onto.targets}
    for r in rows:
        assert r["target_id"] in ids and r["unit"] == ids[r["target_id"]].unit
        assert len(r["source"]) > 20 and ("http" in r["source"] or "公报" in r["source"])
        # the figure is the one the quoted sentence states (a typo in value would not be in the quote)
        number = f"{r['value']:g}"
        assert number in r["source"] or (r["value"] == 100 and "全覆盖" in r["source"]), (r["target_id"], number)
    pairs = [(r["target_id"], r["year"]) for r in rows]
    assert len(pairs) == len(set(pairs)), "one figure per target and year"


def test_progress_statuses(onto, tmp_path):
    store = SQLiteStore(str(tmp_path / "p.db"))
    ChainKG(store).load()                                   # the bundled figures load into the store
    rows = {r["id"]: r for r in ChainKG(store, onto).policy_progress(today_year=2026)}
    # figures from before 2025 that reach the target: reached early, never called achieved for 2025
    assert rows["national-little-giants-2025"]["status"] == "reached_early"
    assert rows["high-tech-share-2025"]["status"] == "reached_early" and rows["high-tech-share-2025"]["actual"] == 62.14
    assert rows["market-leader-products-2025"]["status"] == "reached_early"
    # an earlier figure below the target, none for 2025: no data, but the progress shows
    assert rows["national-tech-centers-2025"]["status"] == "no_data"
    assert rows["national-tech-centers-2025"]["actual"] == 18
    assert rows["ten-billion-pillar-industries-2019"]["status"] == "current"
    assert rows["gross-output-2025"]["status"] == "no_data" and rows["gross-output-2025"]["actual"] is None
    assert all(r["plan_ended"] for r in rows.values())
    fake = [{"target_id": "value-added-rate-2025", "year": 2025, "value": 24.0, "unit": "%", "as_of": None, "source": "x", "note": None},
            {"target_id": "listed-firms-2025", "year": 2025, "value": 90.0, "unit": "家", "as_of": None, "source": "x", "note": None},
            {"target_id": "world-class-clusters-task", "year": 2025, "value": 1.0, "unit": "个", "as_of": None, "source": "x", "note": None},
            {"target_id": "gazelle-firms-2025", "year": 2023, "value": 400.0, "unit": "家", "as_of": None, "source": "x", "note": None}]
    got = {r["id"]: r for r in actuals.progress(onto, fake)}
    assert got["value-added-rate-2025"]["status"] == "achieved"      # 25%左右: 24 is within 95 %
    assert got["listed-firms-2025"]["status"] == "not_achieved"      # 100家以上: 90 in 2025
    assert got["world-class-clusters-task"]["status"] == "achieved"  # 1—2个: the low end is reached
    g = got["gazelle-firms-2025"]
    assert g["status"] == "no_data" and g["progress"] == 0.8 and g["actual_year"] == 2023  # no 2025 figure yet
    early = actuals.progress(onto, [{**fake[3], "value": 600.0}])
    assert next(r for r in early if r["id"] == "gazelle-firms-2025")["status"] == "reached_early"
    later = actuals.progress(onto, [{**fake[3], "value": 600.0}, {**fake[3], "year": 2025, "value": 450.0}])
    assert next(r for r in later if r["id"] == "gazelle-firms-2025")["status"] == "not_achieved"  # 2025 decides
    assert got["listed-firms-2025"]["source"] == "x"


def test_template_and_import(onto, tmp_path):
    tpl = tmp_path / "tpl.csv"
    tpl.write_text(actuals.actuals_template(onto), encoding="utf-8")
    rows = list(csv.DictReader(tpl.open(encoding="utf-8")))
    assert len(rows) == 35 and {"target_id", "year", "value", "unit", "source"} <= set(rows[0])
    assert actuals.read_actuals(tpl, onto) == []  # an empty template is no data
    rows[0].update(value="0.95", source="台州市2025年国民经济和社会发展统计公报 (test)")
    with tpl.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    store = SQLiteStore(str(tmp_path / "a.db"))
    ChainKG(store).load([])
    res = ChainKG(store, onto).import_actuals(tpl)
    assert res["imported"] == 1 and res["rows"] == 1
    assert ChainKG(store, onto).import_actuals(tpl)["replaced"] == 1  # same target and year: replaced
    assert ChainKG(store).actuals()[0]["value"] == 0.95                 # the store holds it, no file is written


@pytest.mark.parametrize("row, field", [
    ({"target_id": "nope"}, "target_id"),
    ({"unit": "家"}, "unit"),
    ({"source": ""}, "source"),
])
def test_import_refuses_bad_rows(onto, tmp_path, row, field):
    base = {"target_id": "gross-output-2025", "year": "2025", "value": "1.1", "unit": "万亿元", "as_of": "",
            "source": "s", "note": ""}
    p = tmp_path / "bad.csv"
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(base))
        w.writeheader()
        w.writerow(base | row)
    with pytest.raises(InputError) as e:
        actuals.read_actuals(p, onto)
    assert e.value.details["field"] == field and e.value.details["row"] == 2


def test_api_progress_actuals_template(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from api.app import create_app

    from api.deps import get_store

    store = SQLiteStore(str(tmp_path / "api.db"))
    ChainKG(store).load()
    app = create_app()
    app.dependency_overrides[get_store] = lambda: store   # this test's store, not the user's default one
    c = TestClient(app)
    page = c.get("/api/v1/policy-progress?limit=100").json()
    assert page["total"] == 36
    statuses = {x["id"]: x["status"] for x in page["items"]}
    assert statuses["ten-billion-pillar-industries-2019"] == "current"
    assert {"achieved", "no_data"} <= set(statuses.values())
    assert all(x["source"] for x in page["items"] if x["actual"] is not None)
    assert c.get("/api/v1/policy-actuals").json()["total"] >= 1
    csv_text = c.get("/api/v1/policy-progress?format=csv").text
    assert "status" in csv_text.splitlines()[0]
    tpl = c.get("/api/v1/policy-actuals/template")
    assert tpl.status_code == 200 and tpl.text.lstrip("\ufeff").startswith("target_id,year,value")
