"""Round-5 extraction rules (the round-4 held-out error classes, fixed in general form): a cluster name is built
from field words; verbs after a list's 等 describe it; names in brackets after a head; counted lists without a
head; places from GB/T 2260 and the plan's own region; report vs target from sentence cues; 今年/去年/“十四五”;
restated figures merged; document counts dropped."""

from __future__ import annotations

from etl.nlp import extract_facts
from etl.nlp.field_vocab import is_field
from etl.nlp.plan_clusters import find_clusters
from etl.nlp.quantity import find_quantities
from etl.nlp.region import find_places, plan_region
from etl.nlp.tense import is_report, relative_year


def names(sentence: str) -> list[tuple[str, str | None]]:
    return [(c.name, c.level) for c in find_clusters(sentence)]


def targets(text: str, onto) -> list:
    return [f for f in extract_facts(text, onto, source="t") if f.kind == "target"]


def test_a_cluster_name_must_contain_a_field_word():
    assert not is_field("实施") and not is_field("营收规模达") and not is_field("中小企业特色")
    assert is_field("铝") and is_field("软件与信息技术服务") and is_field("长沙市新一代自主安全计算系统")
    # lead words never listed anywhere: the phrase names no field, whatever verb it starts with
    assert names("实施产业集群发展专项行动,形成省、市、县三级大抓产业集群建设的强大合力") == []
    assert names("为争创国家级集群做足储备,紧密对接国家级集群综合竞争力") == []
    assert names("统筹推动省级集群向国家级跃升") == []


def test_a_verb_in_the_description_after_the_list_does_not_cut_it():
    got = names("推动先进储能材料、硬质材料及工具、输变电装备、新能源汽车、现代石化、生物医药等6个具有竞争优势、"
                "发展潜力大的产业集群不断增强集聚规模")
    assert [n for n, _ in got] == ["先进储能材料", "硬质材料及工具", "输变电装备", "新能源汽车", "现代石化", "生物医药"]


def test_names_in_brackets_after_the_head_take_its_scale_class():
    got = names("其中营收规模达5000亿元级别的产业集群1个(物联网)、3000亿元级别的产业集群2个(新材料、汽车及零部件)")
    assert got == [("物联网", "5000亿元级"), ("新材料", "3000亿元级"), ("汽车及零部件", "3000亿元级")]
    q = find_quantities("3000亿元级别的产业集群2个(新材料、汽车及零部件)")[0]
    assert (q.name, q.value) == ("3000亿元级别的产业集群", 2.0)  # the bracket annotates, the name is before


def test_a_counted_list_of_fields_without_a_head_is_the_cluster_framework():
    got = names("电子信息、食品轻纺、能源化工3个产业规模先后迈上万亿级台阶")
    assert got == [("电子信息", "万亿级"), ("食品轻纺", "万亿级"), ("能源化工", "万亿级")]
    assert names("推进产业、企业、平台3个产业协同") == []  # 产业, 企业, 平台 are no fields
    assert names("电子信息、食品轻纺4个产业") == []  # the count must fit


def test_places_from_gbt_2260_and_the_plan_region():
    got = [(p.name, p.kind) for p in find_places("广西力争;工业兴省;联合省财政;吉林市;楚雄州;细分市场")]
    assert got == [("广西壮族自治区", "province"), ("吉林市", "city"), ("楚雄州", "prefecture")]
    assert [p.name for p in find_places("山东省级以上先进制造业集群")] == ["山东省"]
    ctx = plan_region("一、发展定位\n承接青岛市创新型产业体系,培育胶州市现代化产业体系。\n胶州将…胶州…")
    assert ctx["region"] == "胶州市" and ctx["city"] == "胶州市"


def test_subject_is_the_opening_place_not_a_place_inside_a_cluster_name(small_onto):
    t = targets("湖南省召开会议。\n曲靖市聚焦产业链延伸,新能源电池等3个千亿级产业集群快速发展。", small_onto)
    assert [(f.value, f.subject) for f in t] == [(3.0, "曲靖市")]
    t = targets("湖南省工作会议。去年,全省24个产业集群实现年产值11732.6亿元。其中,长沙市工程机械、株洲市先进轨道交通装备"
                "等2个产业集群为国家先进制造业集群。", small_onto)
    assert {f.subject for f in t} == {"湖南省"}


def test_report_or_target_from_sentence_cues_and_relative_years(small_onto):
    assert is_report("截至目前,山东已培育省级先进制造业集群20家", {}, False)
    assert not is_report("山东今年将新认定10家左右省级集群", {}, True)
    assert is_report("全省规上工业增加值年均增长6.6%", {"looks_back": True}, False)
    assert relative_year("去年,我省24个产业集群", {"issued": 2023}) == 2022
    text = ("来源:人民网2023-03-23\n今年,我省将实现“十四五”创建省级先进制造业集群和中小企业特色产业集群各50个的总目标。"
            "推动A产业等6个具有竞争优势的产业集群发展。\n去年,我省24个产业集群实现年产值11732.6亿元。")
    got = sorted((f.value, f.year, f.current, f.text) for f in targets(text, small_onto))
    fifty = [g for g in got if g[0] == 50]  # A和B各50个: one figure each, “十四五” → 2025
    assert [g[1:3] for g in fifty] == [(2025, False)] * 2
    assert any(g[3].endswith("省级先进制造业集群") for g in fifty) and any(g[3] == "中小企业特色产业集群" for g in fifty)
    assert [g[:3] for g in got if g[0] == 6] == [(6.0, 2023, False)]  # 今年 carried through the paragraph
    assert [g[:3] for g in got if g[0] == 24] == [(24.0, 2022, True)]  # 去年: a current value of the year before


def test_restated_figures_are_one_target_and_document_counts_none(small_onto):
    text = ("湖南省力推4个产业集群向世界级跃升\n今年我省力推4个产业集群向世界级产业集群跃升。\n"
            "《行动计划(2023—2026年)》包括1个总体行动计划、12个分产业链行动方案。着力发展12条制造业产业链。"
            "到2026年,力争电子信息、有色金属等12条制造业重点产业链现代化水平全面提升。")
    t = targets(text, small_onto)
    four = [f for f in t if f.value == 4]
    assert len(four) == 1 and len(four[0].sentences) == 2  # the headline is a sentence of the body's target
    assert not [f for f in t if "方案" in f.text or "计划" in f.text]
    twelve = [f for f in t if f.value == 12]
    assert len(twelve) == 1 and twelve[0].qualifier == "力争" and twelve[0].text == "制造业产业链"


def test_coordinated_items_share_their_prefix_and_qianyue_is_no_qualifier():
    qs = find_quantities("聚焦突破类新签约60个,新开工35个")
    assert [(q.name, q.value, q.qualifier, q.current) for q in qs] == [
        ("聚焦突破类新签约", 60.0, "", False), ("聚焦突破类新开工", 35.0, "", False)]


def test_our_cluster_inside_a_longer_field_is_not_ours(small_onto):
    facts = extract_facts("生物医药产业也已进入国内第一方阵。", small_onto, source="t")
    assert not [f for f in facts if f.kind == "cluster"]
