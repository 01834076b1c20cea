"""Placement corrections stick: stored with who/when/why, written with the link change, respected
by every reload and analysis, exported and re-imported — on both stores."""

from __future__ import annotations

import pytest

from chainkg.service import ChainKG
from chainkg.errors import InputError, NotFoundError


def _jack(store):
    return store.find_nodes("Enterprise", {"stock_code": "603337.SH"})[0]


def _links(store, eid):
    return {r["dst"]: r["props"] for r in store.rels("IN_SEGMENT", src=eid)}


def test_remove_add_survive_reload_and_roundtrip(store, tmp_path):
    ChainKG(store).load()
    jack = _jack(store)
    before = _links(store, jack["id"])
    gone = sorted(before)[0]
    n_before = ChainKG(store).enterprises(segment=gone, local=True, limit=1)[0]
    ChainKG(store).correct_placement(jack["id"], gone, "remove", who="测试员", why="年报主营无此产品")
    assert gone not in _links(store, jack["id"])
    assert ChainKG(store).enterprises(segment=gone, local=True, limit=1)[0] == n_before - 1
    recs = ChainKG(store).correct_placement(jack["credit_code"] or jack["id"], "sewing-embroidery", "add",
                                     who="测试员", why="产品目录含绣花机")
    assert recs[0]["enterprise_name"] == jack["name"]
    link = _links(store, jack["id"])["sewing-embroidery"]
    assert link["method"] == "override" and "产品目录含绣花机" in link["evidence"]
    ChainKG(store).load()                                     # a reload does not undo a correction
    after = _links(store, jack["id"])
    assert gone not in after and "sewing-embroidery" in after
    ov = ChainKG(store).overrides()
    assert {(o["segment"], o["action"]) for o in ov} == {(gone, "remove"), ("sewing-embroidery", "add")}
    assert all(o["who"] == "测试员" and o["when"] for o in ov)
    path = tmp_path / "overrides.csv"
    assert ChainKG(store).export_overrides(path) == 2
    store.clear()
    ChainKG(store).load()
    assert gone in _links(store, jack["id"])                # a fresh store: the classifier's view
    n, problems = ChainKG(store).import_overrides(path)
    assert (n, problems) == (2, [])
    assert _links(store, jack["id"]).keys() == after.keys()


def test_move_and_confirm(store):
    ChainKG(store).load()
    jack = _jack(store)
    src = sorted(_links(store, jack["id"]))[0]
    ChainKG(store).correct_placement(jack["id"], src, "move", to="sewing-cutting-room", who="王", why="裁床为主")
    links = _links(store, jack["id"])
    assert src not in links and "sewing-cutting-room" in links
    ChainKG(store).correct_placement(jack["id"], "sewing-cutting-room", "confirm", who="李", why="复核")
    assert _links(store, jack["id"])["sewing-cutting-room"]["source"].startswith("李 ")


def test_bad_corrections_are_refused_and_change_nothing(store, tmp_path):
    ChainKG(store).load()
    jack = _jack(store)
    state = store.checksum()
    with pytest.raises(InputError):
        ChainKG(store).correct_placement(jack["id"], "no-such-segment", "add", who="王", why="x")
    with pytest.raises(InputError):
        ChainKG(store).correct_placement(jack["id"], "auto-nev", "confirm", who="王", why="x")  # not linked there
    with pytest.raises(InputError):
        ChainKG(store).correct_placement(jack["id"], "sewing-embroidery", "add", who=" ", why="x")
    with pytest.raises(InputError):
        ChainKG(store).correct_placement(jack["id"], "sewing-embroidery", "add", who="=cmd|' /C calc'!A0", why="x")
    with pytest.raises(NotFoundError):
        ChainKG(store).correct_placement("no-such-firm", "sewing-embroidery", "add", who="王", why="x")
    bad = tmp_path / "bad.csv"
    bad.write_text("enterprise,segment,action,who,why\nno-such-firm,sewing-embroidery,add,王,x\n"
                   f"{jack['id']},sewing-embroidery,explode,王,x\n", encoding="utf-8")
    n, problems = ChainKG(store).import_overrides(bad)
    assert n == 0 and [q.row for q in problems] == [2, 3]
    assert store.checksum() == state
