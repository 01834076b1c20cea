"""揭榜挂帅 candidates and chokepoint wording on the bundled data with a registry export loaded beside it
(review 40 F2, C1, C2), on both stores. The export's firms are fictional (示例); credit codes are computed.

Before: the ranked lists ordered firms by output, then id — no firm reports output, and credit-code ids sort
before ``sc-…``, so every export firm came before every listed firm and 华海 fell off the nitrosamine project
whose own source cites it."""

from __future__ import annotations

import csv
from pathlib import Path

from chainkg.service import ChainKG
from tests.chainkg.test_census_flow import cc

HEADER = ["企业名称", "统一社会信用代码", "登记状态", "注册资本", "所属省份", "所属城市", "所属区县", "国标行业门类",
          "国标行业大类", "经营范围", "主营产品"]
# six Taizhou API and intermediate makers with a registered capital only: more than a project's five places
ROWS = [[f"台州示例{w}药业有限公司", cc(f"91331002MA2K{i:05d}"), "存续", f"{(i + 1) * 3000}万元人民币", "浙江省", "台州市",
         "椒江区", "制造业", "医药制造业", "原料药、医药中间体生产", "缬沙坦原料药、沙坦类中间体"]
        for i, w in enumerate("甲乙丙丁戊己")]
TECH = "tech-genotoxic-impurity-control"
HUAHAI = "sc-600521.SH"


def _export(tmp_path: Path) -> Path:
    path = tmp_path / "医药企业名录（导出）.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(ROWS)
    return path


def _project(kg: ChainKG) -> dict:
    return next(p for p in kg.analysis("pharma")["projects"] if p["technology_id"] == TECH)


def test_listed_leaders_stay_candidates_after_a_registry_export(store, tmp_path):
    kg = ChainKG(store)
    kg.load()
    before = [c["enterprise_id"] for c in _project(kg)["candidates"]]
    assert HUAHAI in before
    report = kg.load([_export(tmp_path)])
    assert report.enterprises == len(ROWS)
    kg = ChainKG(store)
    cands = _project(kg)["candidates"]
    ids = [c["enterprise_id"] for c in cands]
    assert ids == before                        # the listed firms (each with employees) keep their places
    assert all(not i.startswith("9133") for i in ids)
    huahai = next(c for c in cands if c["enterprise_id"] == HUAHAI)
    assert any(r.startswith("员工") for r in huahai["reasons"]) and any("上市" in r for r in huahai["reasons"])
    # every reason is bilingual (the API's CSV picks a side)
    assert all(" / " in r for c in cands for r in c["reasons"])


def test_no_holder_recorded_is_said_so_and_reach_leaves_unmeasured_output_out(store):
    kg = ChainKG(store)
    kg.load()
    ck = next(c for c in kg.analysis("pharma")["chokepoints"] if c["technology_id"] == TECH)
    ev = ck["evidence"]
    assert ev["local_holders"] == 0 and ev["holders_recorded"] is False
    # no local firm of the affected segments reports output: the share is not measured, not 0
    assert ev["output_share"] is None and ev["output_reporters"][0] == 0
    assert ck["parts"]["reach"] == round(min(1.0, ev["value_share"]), 4)


def test_the_report_words_chokepoints_by_what_the_data_says(store):
    from chainkg import report

    kg = ChainKG(store)
    kg.load()
    rep = report.build(kg, "pharma")
    text = "\n".join(p for s in rep.sections for p in s.paragraphs)
    cells = "\n".join(str(c) for s in rep.sections for t in s.tables for row in t.rows for c in row)
    assert "最紧迫的卡脖子技术" not in text and "本地暂无" not in cells
    top = kg.analysis("pharma")["chokepoints"][0]
    if not top["chokepoint"]:
        assert f"得分最高的关键技术：{top['technology']}（未列入卡脖子清单" in text
    assert "数据中未记录" in cells and "按无计" in cells
    assert "龙头企业、产值大者在前" not in text and "是否上市、员工人数、注册资本" in text
