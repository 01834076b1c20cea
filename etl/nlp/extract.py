"""Facts from policy text: clusters and chains, their directions, quantified targets, technologies.

What: :func:`extract_facts` splits a plan into paragraphs and sentences (。;!?), runs the ontology
pipeline (:func:`etl.nlp.pipeline.build_nlp`) on each sentence and returns :class:`Fact` records:

- ``cluster`` / ``chain``: every cluster or industrial chain the plan names (open vocabulary, see
  :mod:`etl.nlp.plan_clusters`; list items the rules did not take are added when the learned reader of
  :mod:`etl.nlp.list_items` calls them a name) with its scale class (``level``: 千亿级, 500亿级 …), mapped to one
  of our clusters (``ref_id``, ``match`` = exact | partial) or noted ``not in the ontology``;
- ``industry``: one of our clusters named only as an industry (汽车产业产值, 医药产业 …), with the
  direction words found with it — no cluster or chain of the plan's (a later 汽车产业集群 makes it one);
- ``direction``: a segment / direction phrase in a sentence that names one of our clusters
  (新能源汽车 in “引导汽车产业加快发展新能源汽车”), from the ontology or from “发展/做强/培育 X、Y” lists;
- ``target``: indicator, value, unit, year (“到2025年,规上工业总产值突破1万亿元” → 规上工业总产值,
  1, 万亿元, 2025, qualifier 突破) — see :mod:`etl.nlp.quantity`. A range keeps ``low``/``high``
  (1—2个 → 1, 2), qualifiers are kept (以上, 左右, 不少于, 力争, 突破, 超过), ``current`` marks a value
  that exists now (现有…, 聚焦…33个百亿支柱产业, a year before the plan period) rather than a target;
  ``subject`` says whose figure it is (the plan's city or province, a county, a cluster). The year
  comes from the clause, else the paragraph, else the section, else the plan period's end; a current
  value takes its own year, else the year the plan was issued; one target stated twice is one fact with all its ``sentences``;
- ``technology``: ontology technology names, and “X关键技术/核心技术/共性技术” phrases only when X names a technology,
  material, component or process (车规级芯片关键技术) — never the generic 卡脖子技术, 核心技术, 关键核心技术, 产业共性关键技术.

Why: only generic patterns and the ontology vocabulary are used, so other cities' plans work.

>>> from ontology.loader import Ontology
>>> from ontology.models import Cluster
>>> onto = Ontology(clusters={"auto": Cluster(id="auto", name="汽车", source="x")})
>>> [(f.kind, f.text, f.value, f.unit, f.year, f.cluster) for f in
...  extract_facts("到2027年,全市汽车产业产值达到5000亿元。", onto, source="demo") if f.kind == "target"]
[('target', '汽车产业产值', 5000.0, '亿元', 2027, 'auto')]
>>> [(f.text, f.low, f.high, f.qualifier) for f in
...  extract_facts("到2025年,力争形成2~3个世界级先进制造业集群。", onto, source="demo") if f.kind == "target"]
[('世界级先进制造业集群', 2.0, 3.0, '力争')]
"""

from __future__ import annotations

import re
from pathlib import Path

from etl.nlp.directions import listed_directions
from etl.nlp.facts import Fact, clause_at, restated_merged, target_key, title_merged
from etl.nlp.classed_lists import class_led
from etl.nlp.core_lists import core_led
from etl.nlp.cluster_names import heading_class
from etl.nlp.conditional import conditional_dropped
from etl.nlp.field_vocab import is_field
from etl.nlp.figure_tense import ENTERS_PERIOD, figure_current
from etl.nlp.figure_year import current_year, target_year
from etl.nlp.framework_lists import coded_industries, framework_code
from etl.nlp.geography import geography_dropped
from etl.nlp.group_figures import group_named
from etl.nlp.labelled_lists import label_code, labelled_lists
from etl.nlp.layout import heading_cluster, plan_context
from etl.nlp.list_figures import kept_or_sought, list_shared
from etl.nlp.list_items import load_model, read_items, title_heads
from etl.nlp.naming import (box_named, class_named, clause_held, colon_named, fenbie_named, holder_shared, holds, is_measure, period_named, ratio_named,
                             threshold_named, verb_named)
from etl.nlp.numbered_points import point_members
from etl.nlp.pipeline import build_nlp
from etl.nlp.plan_text import read_text, without_quote_codes
from etl.nlp.projects import project_capacities
from etl.nlp.own_figures import own_figures_dropped
from etl.nlp.cluster_match import written_name
from etl.nlp.place_prefix import places_cut
from etl.nlp.province_prefix import provinces_cut
from etl.nlp.plan_clusters import ClusterMention, core_name, find_clusters, match_ontology
from etl.nlp.review_sections import reviewed_sentences
from etl.nlp.relisted import find_chain_openers, find_relisted
from etl.nlp.section_heads import section_named
from etl.nlp.indicator import span_year, year_before
from etl.nlp.item_guard import items_kept
from etl.nlp.quantity import find_quantities, find_year
from etl.nlp.subject import paragraph_county, subject_of
from etl.nlp.tech_phrases import specific_techs
from etl.nlp.tense import (AIM, LOOK_BACK_LEAD, PAST, PLAN_TOLD, REPORT_CUE, TELLS_AIM, YEAR_LEAD, earlier_period, estimated_result, is_report, data_shown, relative_year)
from etl.nlp.vocab import normalize, vocabulary

__all__ = ["Fact", "extract_facts", "extract_file", "read_text", "plan_context", "target_key"]


def extract_facts(text: str, ontology, *, source: str, list_model: dict | None | bool = True) -> list[Fact]:
    """Every cluster / chain / direction / target / technology fact of a policy text (deduplicated);
    ``list_model``: the list-item reader's weights (:mod:`etl.nlp.list_items`), ``True`` for the shipped ones, ``None``
    for the rules alone."""
    model = load_model() if list_model is True else list_model
    text = without_quote_codes(text)  # 新能源(850101)电池: a repost's stock link (round 39)
    heads = title_heads(text)
    nlp = build_nlp(ontology)
    table = vocabulary(ontology)
    ctx = plan_context(text)
    code = framework_code(text)  # “231”产业集群: its groups' field lists name its clusters (framework_lists)
    facts: list[Fact] = []
    seen: dict = {}
    headless: set[str] = set()  # clusters known only as a framework's counted items (A、B等3大优势产业)
    named: dict[str, tuple] = {}  # core name -> (ontology id, match) of every cluster/chain the plan names
    para_cluster = None
    last_para = None

    def add(f: Fact, key=None) -> None:
        key = key or (f.kind, f.text, f.value, f.unit, f.year, f.cluster, f.sentence)
        if key[0] == "target" and key[-1] and key[-2] is None:  # a current value restated without its year
            key = next((k for k in seen if k[:5] == key[:5] and k[-1]), key)
        if key in seen:
            old = seen[key]
            if f.sentence not in old.sentences:
                old.sentences.append(f.sentence)
            old.level = old.level or f.level
            old.qualifier = old.qualifier or f.qualifier  # 增加值达2000亿元 … 2020年达到2000亿元左右: one figure
            return
        f.sentences = [f.sentence]
        seen[key] = f
        facts.append(f)

    baseline_year = None
    box_measure = None  # the measure a box line named last (主营业务收入)
    baseline = False  # inside a paragraph that reports a year before the plan period (2020年,…;其中…)
    para_aims = False
    prev_items: list[str] = []  # the clusters and chains the sentence before named (分别 figures of the next one)
    report_year = para_last = lead_year = None  # lead_year: a year before the text's date leading a sentence; para_last: the paragraph's last figure (a measure-only name takes its holder)
    reporting = False  # an earlier sentence of the paragraph reported what was reached (已, 累计, 去年 …)
    for sent, para, para_year, section_year, box in reviewed_sentences(text, ctx):  # a part reviewing a closed year reads as of that year (round 37)
        if para is not last_para:
            baseline = reporting = False
            report_year = para_last = lead_year = None
            prev_items, named_before = [], None
            ctx["para_county"] = paragraph_county(para)  # the county a paragraph opens with holds its figures
            para_aims = False  # a sentence of the paragraph aims (到2025年, 方案提出 …): a news report tells a plan
            looked_back = bool(LOOK_BACK_LEAD.match(para))
            last_para = para
            para_cluster = heading_cluster(para, para_cluster)
            para_class = heading_class(para)  # 四大千亿元产业集群:一是…打造X产业集群 (round 21)
        doc = nlp(sent)
        year = find_year(sent) or relative_year(re.split(r"[,,]", sent)[0], ctx) or para_year or section_year
        tsent = data_shown(sent)  # 数据显示,预计2020年…: an estimate of a result (round 21)
        full = next((s for s in re.split(r"(?<=。)", para) if sent.strip() in s), "")  # the 。-sentence holding sent
        report = is_report(tsent, ctx, reporting or looked_back or bool(lead_year and not ctx["aims"] and not re.search("打造|培育|争创", full or sent)))  # 五年来,… opens a look back until a plan is told; a past year led an aimless text's paragraph, its 。-sentence builds nothing (round 33)
        looked_back = looked_back and not PLAN_TOLD.search(sent)
        if report and (PAST.search(sent) or earlier_period(sent, ctx) or tsent != sent):  # the year a report paragraph speaks of (去年,…;其中…)
            first = re.search(r"\d+(?:\.\d+)?\s*(?:[%个家项条亿万]|倍)", re.sub(r"(?:19|20)\d{2}\s*年", "", sent))
            report_year = year_before(sent, first.start() if first else len(sent)) or relative_year(sent, ctx)
        span = span_year(sent, ctx.get("dated"))  # 2021年至2024年,… → 2024; 2021年以来,…累计 → the text's year (round 21)
        if span and report_year == span[0] and not sent.lstrip().startswith(("去年", "上年")):
            report_year = span[1]  # 去年以来,…: its own figures run to the text's year, the sentences after speak of 去年
        led = YEAR_LEAD.match(sent)  # 2022年常州工业总量首次破2万亿 in a 2023 report: a result
        led_past = bool(led and not ctx["start"] and ctx.get("dated") and int(led.group(1)) < ctx["dated"]
                        and re.search(r"\d(?:\.\d+)?\s*(?:万亿|亿|万|元|%|个|家|项|条)", sent[led.end():]))  # a figure
        if led_past and not AIM.search(sent):
            report_year = int(led.group(1))  # its paragraph reports that year (其中,新能源领域产值突破5000亿元)
        if led and (not ctx["start"] or ctx["looks_back"]) and ctx.get("dated") and int(led.group(1)) < ctx["dated"] and \
                (not AIM.search(sent) or estimated_result(sent, int(led.group(1)), ctx)):
            lead_year = span[1] if span else int(led.group(1))  # 报告介绍到,2025年,…成效达到预期。该市…煤炭产量8.9亿吨: the paragraph's year
        # a report cue (入选, 居全省前列) in a text that states no aim: its paragraph reports from there on
        told = bool(REPORT_CUE.search(sent)) and not ctx.get("aims", True) and not para_aims \
            and not re.search(r"以上|不少于|不低于", sent)
        reporting = (reporting or bool(PAST.search(sent)) or told or led_past or earlier_period(sent, ctx) or tsent != sent) and not AIM.search(tsent)
        if year and ctx["start"] and year < ctx["start"] and not re.search(r"(?:到|至)\s*\d{4}\s*年", sent):
            year = para_year or section_year  # “比2015年增长” is no target year
        para_aims = para_aims or bool(AIM.search(tsent) or TELLS_AIM.search(tsent))
        # clusters and chains named in any plan (open vocabulary)
        named_here = class_led(sent, provinces_cut(places_cut(find_clusters(sent, full), text)))  # 5个百亿级A、B…和E产业集群 (round 37)
        named_here = core_led(sent, named_here)  # 以A、B、C为核心的产业集群 (round 39)
        kinds = {key[2]: f.kind for key, f in seen.items() if key[0] == "named"}
        kinds.update({core_name(cm.name): cm.kind for cm in named_here})
        named_here += find_relisted(sent, kinds) + find_chain_openers(sent, kinds) + point_members(sent, text)  # listed again; 其中,X链扩容提质; 一是…A产业
        named_here += [ClusterMention(n, "cluster", lv, None, sp, headless=True) for n, lv, sp in coded_industries(sent, code) + labelled_lists(sent, label_code(text))]
        for cm in named_here:
            cid, how = match_ontology(cm.name, ontology)
            key = ("named", cm.kind, core_name(cm.name))
            if cm.kind == "chain" and core_name(cm.name) in headless:  # a framework's item named a chain is that chain
                dropped = seen.pop(("named", "cluster", core_name(cm.name)), None)
                facts[:] = [f for f in facts if f is not dropped]
            elif cm.headless and ("named", "chain", core_name(cm.name)) in seen:
                continue
            if cm.headless and key not in seen:
                headless.add(core_name(cm.name))
            named[core_name(cm.name)] = (cid, how)
            industry = seen.pop(("named", "industry", core_name(cm.name)), None)
            if cm.kind == "cluster" and industry and key not in seen:  # 汽车产业 … later 汽车产业集群: one cluster
                industry.kind, seen[key] = "cluster", industry
            add(Fact(cm.kind, cm.name, sent, source, cluster=cid, ref_id=cid, level=cm.level or para_class, match=how,
                     terms=[cm.tier] if cm.tier else [],
                     note=None if cid else "not in the ontology"), key)
        # list items the learned reader calls a name that the rules did not take (etl/nlp/list_items.py)
        taken = {core_name(cm.name) for cm in named_here}
        for it in items_kept(sent, read_items(sent, heads, taken, model), taken):  # no firms shown as examples, parks, a named chain's parts (round 37)
            if any(("named", k, core_name(it.name)) in seen for k in ("cluster", "chain")):
                continue
            cid, how = match_ontology(it.name, ontology)
            add(Fact(it.kind, it.name, sent, source, cluster=cid, ref_id=cid, level=it.level, match=how,
                     note=None if cid else "not in the ontology"), ("named", it.kind, core_name(it.name)))
        # our clusters named as an industry (汽车产业, 医药产业 …), not as a product (…智能马桶等智能产品)
        clusters = []  # (position, cluster id)
        longer = [cm.name for cm in named_here]
        for ent in doc.ents:
            if any(core_name(ent.text) in n and core_name(n) != core_name(ent.text) for n in longer):
                continue  # 汽车 in 专用汽车产业集群: the named cluster is reported (matched to ours) already
            if is_field(sent[max(0, ent.start_char - 2):ent.start_char]):
                continue  # 医药 in 生物医药产业: a longer field, not our cluster
            for e in table.get(ent.text, []):
                if e.label == "CLUSTER" and e.kind == "name":
                    after = sent[ent.end_char:ent.end_char + 2]
                    if ent.text.endswith(("产业", "集群")) or after.startswith(("产业", "集群", "行业")):
                        clusters.append((ent.start_char, e.id))
        lead = YEAR_LEAD.match(sent)  # targets and current values
        if re.search(r"(?:到|至)\s*\d{4}\s*年", sent) or (lead and ctx["start"] and int(lead.group(1)) >= ctx["start"]) or ENTERS_PERIOD.match(sent):
            baseline = False
        elif lead and ctx["start"] and int(lead.group(1)) < ctx["start"]:
            baseline, baseline_year = True, int(lead.group(1))
        qsent = sent
        quantities = find_quantities(sent)
        if box and not quantities and box_measure and re.match(r"^(?:(?:19|20)\d{2}年)?(?:底|末)?(?:达到|达|突破|超过)", sent):
            qsent = box_measure + sent  # 2020年达到3800亿元左右 under 主营业务收入2017年达到2400亿元左右
            quantities = find_quantities(qsent)
        if box:
            box_measure = next((q.name for q in quantities if is_measure(q.name)), box_measure)
        else:
            box_measure = None
        items = [cm.name for cm in named_here]
        items, prev_items = (prev_items if len(items) < 2 and "分别" in sent else items), items  # 分别 of items named before
        quantities = kept_or_sought(list_shared(quantities, qsent), qsent)  # A、B、C营业收入突破…; 保A争B (round 21)
        quantities = threshold_named(fenbie_named(ratio_named(group_named(box_named(quantities, box), qsent)), qsent, items), qsent)
        quantities = clause_held(quantities, sent, named_here if qsent == sent else [])  # …冶金产业链,聚集了…30家企业 (round 22)
        quantities = holder_shared(colon_named(verb_named(period_named(class_named(quantities, qsent), qsent), qsent), qsent),
                                   qsent, para_last, named_before)
        named_before = written_name(sent, named_here) if not quantities else None  # …打造X产业集群。产值… (round 21)
        quantities = section_named(conditional_dropped(own_figures_dropped(project_capacities(geography_dropped(quantities, qsent), qsent), qsent, para), qsent), sent, para)  # a plant's size, a firm's figures; 若…可
        para_last = next((q for q in reversed(quantities) if holds(q.name)), para_last)
        for q in quantities:
            a = q.span[0]
            cl = next((e.cluster for ent in doc.ents if ent.start_char < a and ent.text in q.name
                       for e in table.get(ent.text, []) if e.cluster), None)
            current = figure_current(q, a, sent, qsent, para, ctx, year, report, baseline, bool(lead), para_aims)
            clause = clause_at(qsent, a)
            if current:
                s_year = (span[1] if span and q.year in (None, span[0]) else None) or (int(lead.group(1)) if lead else None) or (baseline_year if baseline else None) or \
                    relative_year(clause, ctx) or year_before(qsent, a) or relative_year(qsent[:a], ctx) or \
                    (report_year if reporting else None) or lead_year or \
                    relative_year(sent, ctx)
                t_year = current_year(q, sent, ctx, s_year, span, para)
            else:
                t_year = target_year(q, clause, year, ctx)
            subj, skind = subject_of(qsent, a, q.name, ctx, ontology, None if para_cluster and para_cluster + "产业" in q.name else para_cluster, tuple(longer))
            f = Fact("target", q.name, sent, source, q.value, q.unit, t_year, q.qualifier or None, cl,
                     low=q.low, high=q.high, current=current, subject=subj, subject_kind=skind)
            add(f, ("target", target_key(q.name), q.value, q.high, q.unit, t_year, current))
        # our clusters and their directions
        dir_terms: dict[str, list[str]] = {}
        for ent in doc.ents:
            es = table.get(ent.text, [])
            if ent.label_ == "TECH":
                e = next(x for x in es if x.label == "TECH")
                add(Fact("technology", ent.text, sent, source, cluster=e.cluster, ref_id=e.id,
                         terms=["卡脖子"] if "卡脖子" in sent else []), ("technology", ent.text))
                continue
            if not clusters:
                continue
            mentioned = {c for _, c in clusters}
            for e in es:
                is_dir = (e.label == "SEGMENT") or (e.label == "CLUSTER" and e.kind == "direction")
                if is_dir and e.cluster in mentioned and core_name(ent.text) != ontology.clusters[e.cluster].name:
                    dir_terms.setdefault(e.cluster, []).append(ent.text)
                    add(Fact("direction", ent.text, sent, source, cluster=e.cluster,
                             ref_id=e.id if e.label == "SEGMENT" else None), ("direction", ent.text, e.cluster))
                    break
        if clusters:
            tech_names = {e.text for e in doc.ents if e.label_ == "TECH"}
            for i, (pos, cid) in enumerate(clusters):  # generic “发展 X、Y” lists after a cluster name
                if i and clusters[i - 1][1] == cid:
                    continue  # 汽车 inside 汽车电子 is not a new cluster mention
                end = next((p for p, c in clusters[i + 1:] if c != cid), len(sent))
                for item in listed_directions(sent, pos, end, tech_names, dir_terms.setdefault(cid, [])):
                    dir_terms[cid].append(item)
                    add(Fact("direction", item, sent, source, cluster=cid), ("direction", item, cid))
            for cid in dict.fromkeys(c for _p, c in clusters):
                name = ontology.clusters[cid].name
                key = next((k for k in (("named", "cluster", core_name(name)), ("named", "industry", core_name(name)))
                            if k in seen), ("named", "industry", core_name(name)))
                if key in seen:
                    old = seen[key]
                    old.terms = list(dict.fromkeys(old.terms + dir_terms.get(cid, [])))
                    if sent not in old.sentences:
                        old.sentences.append(sent)
                    continue
                # named as an industry only (汽车产业产值): no cluster of the plan's, but where its directions belong
                add(Fact("industry", name, sent, source, cluster=cid, ref_id=cid, match="exact",
                         terms=dir_terms.get(cid, [])), key)
        # specific technology phrases only (车规级芯片关键技术), never the generic ones
        for label in specific_techs(sent):
            if not any(label in t for t in (f.text for f in facts if f.kind == "technology")):
                add(Fact("technology", label, sent, source, terms=["卡脖子"] if "卡脖子" in sent else []), ("technology", label))
    return restated_merged(title_merged(facts, text))


def extract_file(path: str | Path, ontology, *, source: str | None = None, list_model: dict | None | bool = True) -> list[Fact]:
    """:func:`extract_facts` on a UTF-8 or GBK text file; ``source`` defaults to the file name."""
    return extract_facts(read_text(path), ontology, source=source or Path(path).name, list_model=list_model)
