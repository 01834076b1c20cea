"""The 招商 officer's flow, end to end on both stores: the bundled listed firms, then a registry
export (banner rows, other cities, cancelled firms) declared the census of one cluster.

Every firm in the export is fictional (示例/测试); credit codes are computed, not real.
"""

from __future__ import annotations

import csv
from pathlib import Path

from chainkg.service import ChainKG
from etl.dataset import census_spec
from etl.normalize import credit_code_check_char
from ontology.loader import load_ontology

HEADER = ["企业名称", "统一社会信用代码", "登记状态", "法定代表人", "注册资本", "成立日期", "所属省份", "所属城市",
          "所属区县", "参保人数", "国标行业门类", "国标行业大类", "注册地址", "经营范围"]


def cc(body: str) -> str:
    return body + credit_code_check_char(body)


def registry_export(tmp_path: Path) -> Path:
    rows = [
        ["示例智能卫浴科技有限公司", cc("91331081MA2H00001"), "存续", "张三", "5000万元人民币", "2015-03-02", "浙江省",
         "台州市", "温岭市", "320", "制造业", "陶瓷制品制造业", "浙江省台州市温岭市东部新区示例路1号",
         "一般项目：智能马桶、智能坐便器制造；智能马桶盖销售。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"],
        ["测试洁具有限公司", cc("91331083MA2H00002"), "在业", "李四", "800万元人民币", "2012-07-09", "浙江省",
         "台州市", "玉环市", "85", "制造业", "金属制品业", "浙江省台州市玉环市测试路2号",
         "一般项目：马桶水箱配件、马桶进水阀制造、销售。"],
        ["示例马桶盖模具厂", cc("92331003MA2H00003"), "存续", "王五", "50万元人民币", "2018-01-01", "浙江省",
         "台州市", "黄岩区", "12", "制造业", "专用设备制造业", "浙江省台州市黄岩区示例街3号",
         "一般项目：马桶盖模具、马桶模具制造。"],
        ["已注销示例卫浴电器有限公司", cc("91331002MA2H00004"), "注销", "赵六", "100万元人民币", "2016-05-05",
         "浙江省", "台州市", "椒江区", "0", "制造业", "电气机械和器材制造业", "浙江省台州市椒江区示例路4号",
         "一般项目：智能马桶控制板、马桶控制器制造。"],
        ["吊销示例电磁阀有限公司", cc("91331082MA2H00005"), "吊销，未注销", "钱七", "200万美元", "2010-02-02",
         "浙江省", "台州市", "临海市", "0", "制造业", "通用设备制造业", "浙江省台州市临海市示例路5号",
         "一般项目：马桶电磁阀、进水电磁阀制造。"],
        ["杭州示例智能马桶有限公司", cc("91330100MA2H00006"), "存续", "孙八", "3000万元人民币", "2014-04-04",
         "浙江省", "杭州市", "余杭区", "210", "制造业", "陶瓷制品制造业", "浙江省杭州市余杭区示例路6号",
         "一般项目：智能马桶、智能马桶盖制造。"],
    ]
    path = tmp_path / "智能马桶企业名录（导出）.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["企业查询结果导出", "", "导出时间：2026-11-30"])   # banner rows above the header
        w.writerow(["共 6 条"])
        w.writerow(HEADER)
        w.writerows(rows)
    return path


def gaps_of(store, cluster):
    return {g["segment_id"]: g for g in ChainKG(store).analysis(cluster)["gaps"]}


def test_census_of_one_cluster_turns_unknown_into_real_verdicts(store, tmp_path):
    ChainKG(store).load()
    before = gaps_of(store, "smart-toilet")
    assert all(g["kind"] in ("unknown", "present", "strong") for g in before.values())   # listed firms only
    assert before["smart-toilet-moulds"]["verdict"] == "未发现（上市公司及样本口径）"

    spec = census_spec("台州市智能马桶企业名录（2026）", as_of="2026-11-30", clusters=["smart-toilet"])
    report = ChainKG(store).load([registry_export(tmp_path)], dataset=spec)
    assert report.enterprises == 6 and not [q for q in report.quarantined if q.level == "error"]

    result = ChainKG(store).analysis("smart-toilet")
    after = {g["segment_id"]: g for g in result["gaps"]}
    assert after["smart-toilet-moulds"]["kind"] in ("single_point", "weak", "strong")
    assert after["smart-toilet-moulds"]["basis"]["adequate"]
    # cancelled and revoked firms are stored, listed with their status, and never counted
    assert after["smart-toilet-controller"]["kind"] == "missing"
    assert after["smart-toilet-controller"]["verdict"] == "缺失（集群名录口径）"
    assert after["smart-toilet-controller"]["coverage"]["inactive_excluded"] == 1
    assert after["smart-toilet-valves"]["kind"] == "missing"
    gone = ChainKG(store).enterprise_detail(cc("91331002MA2H00004"))["enterprise"]
    assert gone["status"] == "注销" and gone["active"] is False
    # the Hangzhou firm is outside: a 招商 candidate, never a local count
    hz = ChainKG(store).enterprise_detail(cc("91330100MA2H00006"))["enterprise"]
    assert hz["local"] is False
    assert (after["smart-toilet-integrated"]["evidence"]["local_firms"]
            == before["smart-toilet-integrated"]["evidence"]["local_firms"] + 1)   # 示例智能卫浴 only
    names = {c["name"] for t in result["targets"] for c in t["candidates"]}
    assert "已注销示例卫浴电器有限公司" not in names and "吊销示例电磁阀有限公司" not in names
    assert result["targets"] and all(t["kind"] in ("missing", "single_point", "weak") for t in result["targets"])
    assert "台州市智能马桶企业名录（2026）" in after["smart-toilet-moulds"]["coverage"]["datasets"]
    # other clusters still rest on the listed firms only, and never name the other cluster's census
    assert all(not g["basis"]["adequate"] for g in gaps_of(store, "sewing").values())
    for other in ("sewing", "pump-motor"):
        basis = ChainKG(store).analysis(other)["coverage"][other]
        assert "台州市智能马桶企业名录（2026）" not in [d["name"] for d in basis["datasets"]]
        assert "台州市智能马桶企业名录（2026）" not in [d["name"] for d in ChainKG(store).datasets(other)]
    assert "台州市智能马桶企业名录（2026）" in [d["name"] for d in ChainKG(store).datasets("smart-toilet")]
    assert len(ChainKG(store).datasets()) == len(ChainKG(store).datasets("smart-toilet"))
    # listing totals equal the gap evidence for every segment
    onto = load_ontology()
    for sid, g in after.items():
        assert ChainKG(store).enterprises(segment=sid, local=True, limit=1)[0] == g["evidence"]["local_firms"], sid
        assert ChainKG(store).enterprises(segment=sid, local=False, limit=1)[0] == g["evidence"]["outside_firms"], sid
    assert set(after) == {s.id for s in onto.segments_of("smart-toilet")}
