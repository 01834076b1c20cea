"""The 企业 page for firms the classifier could not place, driven through the real Streamlit script
(AppTest): the 未归入环节 filter and its count, the suggestions block (never counted, one click to
confirm), "no suggestion", and no block for a placed firm."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from chainkg.service import ChainKG
from chainkg.settings import PROJECT_ROOT
from graph.store.sqlite_store import SQLiteStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "chainkg"))
from test_suggestions import SEG, local_count, write_rows  # noqa: E402  (the service tests' rows)

APP = str(PROJECT_ROOT / "ui" / "app.py")


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "kg.db"
    with SQLiteStore(path) as s:
        ChainKG(s).load([write_rows(tmp_path)])
        ids = {f["name"]: f["id"] for f in ChainKG(s).enterprises(limit=10)[1]}
    monkeypatch.setenv("CHAINKG_STORE", str(path))
    monkeypatch.setenv("CHAINKG_DEV_MODE", "1")
    monkeypatch.delenv("CHAINKG_API_TOKEN", raising=False)
    return path, ids


def page(lang_en: bool = False, pick: str | None = None, unplaced: bool = False) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    if lang_en:
        at.session_state["lang_en"] = True
    at.run()
    at.switch_page("views/enterprises.py")
    at.session_state["ent_unplaced"] = unplaced
    if pick:
        at.session_state["ent_pick"] = pick
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def said(at: AppTest) -> str:
    return "\n".join(str(x.value) for x in [*at.markdown, *at.caption, *at.info, *at.success, *at.error])


def test_unplaced_filter_and_count(db):
    at = page()
    assert "找到 3 家企业" in said(at) and "其中 2 家未归入任何环节" in said(at)
    only = page(unplaced=True)
    assert len(only.dataframe[0].value) == 2 and "找到 2 家企业" in said(only)


def test_a_confirmed_suggestion_counts_after_a_reload(db, tmp_path):
    path, ids = db
    chem = ids["示例化工测试有限公司"]
    at = page(pick=chem, unplaced=True)
    text = said(at)
    assert "系统建议（低于归入门槛，不计入任何判定）" in text and "不计入" in text
    table = at.table[-1].value
    assert "医药中间体" in table.iloc[0].to_list() and "中间体" in table.iloc[0]["命中的词"]
    with SQLiteStore(path) as s:
        before = local_count(ChainKG(s), SEG)
    at.button(key="sug_ok_0").click().run()
    assert "请先填写操作人" in said(at)                          # who is asked for
    at.text_input(key="sug_who").set_value("界面测试")
    at.button(key="sug_ok_0").click().run()
    assert not at.exception and "已确认归入" in said(at)
    with SQLiteStore(path) as s:
        kg = ChainKG(s)
        kg.load([write_rows(tmp_path)])                          # a reload keeps it
        ov = [o for o in kg.overrides() if o["enterprise"] == chem]
        assert ov and ov[0]["who"] == "界面测试" and ov[0]["why"].startswith("confirmed a suggestion at 0.")
        assert local_count(kg, SEG) == before + 1                # and the analysis counts it
    again = page(pick=chem)
    assert "系统建议" not in said(again)                          # placed now: no suggestion block


def test_no_suggestion_and_placed_firms(db):
    _, ids = db
    none = page(pick=ids["示例快递测试有限公司"])
    assert "无建议：分类器没有置信度达到 40 分的候选环节" in said(none)
    placed = page(pick=ids["示例泵业测试有限公司"])
    assert "系统建议" not in said(placed) and "无建议" not in said(placed)


def test_english_block_is_written_out(db):
    _, ids = db
    at = page(lang_en=True, pick=ids["示例化工测试有限公司"])
    text = said(at)
    assert "Suggestions (below the placement threshold, not counted in any verdict)" in text
    assert "only a confirmed one counts." in text and "; 2 of them placed in no segment" in text
    assert at.button(key="sug_ok_0").label.startswith("Confirm: ")
