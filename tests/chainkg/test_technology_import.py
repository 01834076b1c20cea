"""A technology list imported in one process is seen by a fresh one: the store, not the cached
ontology object, is where runtime facts live."""

from __future__ import annotations

import subprocess
import sys

from chainkg.service import ChainKG
from ontology.loader import load_ontology

TECHS = ("技术id,技术名称,所属环节,国内状态,状态已确认,是否卡脖子,来源\n"
         "tech-test-imported,测试导入技术,pump-motor-submersible,依赖进口,否,是,测试清单 / test\n")


def test_imported_technology_seen_by_a_fresh_process(tmp_path):
    db = tmp_path / "kg.db"
    f = tmp_path / "technologies.csv"
    f.write_text(TECHS, encoding="utf-8")
    from graph.store.sqlite_store import SQLiteStore

    with SQLiteStore(db) as s:
        ChainKG(s).load()
        report = ChainKG(s).load([f])
        assert report.technologies == 1
    assert "tech-test-imported" not in load_ontology().technologies   # the cached ontology is untouched
    code = ("import json, sys; from graph.store.sqlite_store import SQLiteStore; from chainkg.service import ChainKG; "
            f"s = SQLiteStore({str(db)!r}); "
            "c = [x['technology_id'] for x in ChainKG(s).analysis('pump-motor')['chokepoints']]; "
            "t = [x['id'] for x in ChainKG(s).technologies()]; print(json.dumps([c, t]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    chokepoints, techs = __import__("json").loads(out.stdout)
    assert "tech-test-imported" in chokepoints and "tech-test-imported" in techs
