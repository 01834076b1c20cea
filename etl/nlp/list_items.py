"""A learned reader of list items: is an item of a 、-list a cluster or chain name? (round 18)

What: :func:`list_items` cuts every 、-list of a sentence into its items (the first after its lead verb, each
without the count, class and head words that close it) and describes each by its context — the words before the
list (培育/打造/推进/以…为重点), the head after it (N大/N个/N条, 产业/产业集群/产业链, 千亿级 …), whether the sentence
or the plan's title names 产业链 or 集群, the item's length, field-vocabulary hits (:mod:`etl.nlp.field_vocab`), its
position and its neighbours (how many carry a field word; ``r_*``: how many the rules took — computed, not used by
the shipped weights). :func:`read_items` returns the items a logistic model over these features calls a name, above
the threshold stored with the weights (``list_items.json`` next to this module), that the rules did not take;
:mod:`etl.nlp.extract` adds them to the rules' names (the rules' names are kept).

The weights are fitted by ``bench/list_items_cv.py --write`` on the tune plans of bench/plans (an item's label: it
matches a gold cluster or chain name of its plan); the same script prints the leave-plan-out cross-validation and the
replays of past rounds' first runs that decided to ship it (docs/log/policy-rounds.md, round 18).

Why: round after round the rules fitted to the tune plans' list shapes missed the shapes of the next held-out set
(first-run cluster recall 0.48 and 0.41 in rounds 16 and 17); a reader that weighs the context of every list item adds
some of what they miss.

>>> [(i.name, i.feats["t_count_fits"], i.feats["lead_verb"]) for i in list_items("重点培育高端装备、现代卷烟、车桥3条产业链")]
[('高端装备', 1.0, 1.0), ('现代卷烟', 1.0, 1.0), ('车桥', 1.0, 1.0)]
>>> m = {"features": ["t_chain", "field"], "weights": [3.0, 2.0], "bias": -4.0, "threshold": 0.5}
>>> [i.name for i in read_items("重点培育高端装备、现代卷烟、车桥3条产业链", {}, {"高端装备"}, m)]
['车桥']
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from etl.nlp.cluster_match import core_name
from etl.nlp.cluster_names import ABSTRACT, INCLUDES, NUM_CN, VERBS, amount_class, clean_name, count_of, field_of, is_generic
from etl.nlp.field_vocab import is_field

__all__ = ["Item", "list_items", "title_heads", "score", "read_items", "load_model", "WEIGHTS"]

WEIGHTS = Path(__file__).with_name("list_items.json")

_CLAUSE = re.compile(r"[,;。:!?]")
#: what closes an item: its 等, count, scale class or head (the name stands before it)
_TAIL = re.compile(r"等|" + NUM_CN + r"[个大条项家种类]|超?(?:万亿|千亿|百亿|[\d.]+亿|[一二三四五六七八九]百亿)元?级?|"
                   r"产业集群|产业链|产业群|集群|产业|行业|领域|为重点|为主导|为核心|为引领")
_LEAD_VERB = re.compile(r"培育|打造|发展|推进|壮大|做强|做优|布局|聚焦|围绕|形成|建设|提升|突破|重点|主攻|延伸|拓展|补强")
_LEAD_LIST = re.compile(r"包括|涵盖|涉及|如|即|分别是|分别为")
_NOT_NAME = re.compile(r"(?:企业|公司|集团|项目|平台|基地|园区|中心|工程|行动|机制|体系|政策|人才|资金|示范|试点|标准|品牌|"
                       r"工作|任务|能力|水平|环境|改革|建设|管理|创新|合作|开放|服务业?|市场|消费|投资|技术|工艺|协同|融合|"
                       r"指标|增速|比重|收入|产值|利润|效益)$")
_PLACE = re.compile(r"[省市县区州]")


@dataclass
class Item:
    """One item of a 、-list: its name, the kind and class its head gives, and its features."""

    name: str
    kind: str  # cluster | chain (the head after the list, else the sentence's, else the title's)
    level: str | None
    feats: dict[str, float] = field(default_factory=dict)


def title_heads(text: str) -> dict[str, bool]:
    """Does the plan's title (its ``# title:`` line, else its first line) name 产业链 or 集群?

    >>> title_heads("# title: 常德市打造优势产业链三年行动计划\\n正文。")
    {'title_chain': True, 'title_cluster': False}
    """
    m = re.search(r"^\s*#\s*title:\s*(.+)$", text, re.M)
    first = next((ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")), "")
    title = m.group(1) if m else first
    return {"title_chain": "产业链" in title, "title_cluster": "集群" in title}


def _cut(raw: str) -> tuple[str, str]:
    """An item's name part and the tail that closes it (等3大千亿产业, 超百亿元的产业集群 …)."""
    m = next((m for m in _TAIL.finditer(raw) if m.start() >= 1 or m.group()[0].isdigit()), None)  # 16条…: no name
    return (raw[:m.start()], raw[m.start():]) if m else (raw, "")


def _name(part: str, lead_yi: bool) -> str:
    n = clean_name(amount_class(part)[1], True)  # 超1000亿元新材料: the amount is the item's class, no part of its name
    if lead_yi:
        n = re.sub(r"^以(?!及)", "", n)
    return field_of(n).strip(" “”\"'") if n else ""


def list_items(sentence: str, heads: dict[str, bool] | None = None, taken: set[str] = frozenset()) -> list[Item]:
    """Every item of every 、-list of ``sentence`` with its features; ``heads``: :func:`title_heads` of the plan;
    ``taken``: core names the rules found in the sentence."""
    heads = heads or {}
    out = []
    pos = 0
    clauses = []
    for m in list(_CLAUSE.finditer(sentence)) + [None]:
        end = m.start() if m else len(sentence)
        clauses.append((pos, end))
        pos = end + 1
    s_cluster = bool(re.search(r"产业集群|集群|产业群", sentence))
    s_chain = "产业链" in sentence
    s_class = bool(re.search(r"万亿|千亿|百亿|\d+亿元?级", sentence))
    for ci, (a, b) in enumerate(clauses):
        clause = sentence[a:b]
        if "、" not in clause or re.search(r"集[^,;。、]*、[^,;。]*于一体", clause):
            continue  # 集A、B、C于一体的全产业链: the links one chain joins, no names (round 35)
        parts = clause.split("、")
        cuts = [_cut(p) for p in parts]
        tail = cuts[-1][1]
        rest = sentence[b:]
        lead_yi = clause.lstrip().startswith("以") and "为" in tail
        first_raw = cuts[0][0]
        names = [_name(raw, lead_yi and i == 0) for i, (raw, _t) in enumerate(cuts)]
        if tail.startswith("产业链") and names[-1].endswith("全"):
            names[-1] = names[-1][:-1]  # 新材料、先进装备制造、生物医药全产业链: 全 belongs to the head (the whole chain)
        lead = first_raw[:len(first_raw) - len(names[0])] if names[0] and first_raw.endswith(names[0]) else first_raw
        n = len(parts)
        fields = sum(is_field(x) for x in names if x)
        took = sum(core_name(x) in taken for x in names if x)
        count = count_of(tail) if re.match(r"等?" + NUM_CN + r"[个大条项家种类]", tail) else None
        next_clause = re.split(r"[,;。:!?]", rest[1:], maxsplit=1)[0] if rest else ""
        kind_head = re.search(r"产业链|产业集群|集群|产业群", tail + next_clause) or \
            re.search(r"产业链|产业集群|集群|产业群", sentence)
        kind = "chain" if (kind_head and kind_head.group() == "产业链") or \
            (not kind_head and heads.get("title_chain") and not heads.get("title_cluster")) else "cluster"
        level_m = re.search(r"(?:超|过)?(?:万亿|千亿|百亿|[\d.]+亿|[一二三四五六七八九]百亿)元?级?", tail)
        for i, (raw, own_tail) in enumerate(cuts):
            name = names[i]
            if not name:
                continue
            others = n - 1
            f = {
                "len1": len(name) <= 1, "len2": len(name) == 2, "len3_4": 3 <= len(name) <= 4,
                "len5_6": 5 <= len(name) <= 6, "len7_9": 7 <= len(name) <= 9, "len10p": len(name) >= 10,
                "field": is_field(name), "generic_in_list": is_generic(name, True), "generic": is_generic(name),
                "digit": bool(re.search(r"\d", name)), "de": "的" in parts[i], "verb": bool(VERBS.search(name)),
                "quote": bool(re.search(r"[“”\"]", parts[i])), "place": bool(_PLACE.search(name)),
                "abstract": bool(ABSTRACT.search(name)), "not_name": bool(_NOT_NAME.search(name)),
                "place_only": bool(re.fullmatch(r"[\u4e00-\u9fff]{1,4}[省市县区州]", name)),
                "junk": bool(re.search(r"等|一批|若干|其他|其它|相关", name)),
                "own_class": bool(own_tail) and i < n - 1,
                "n2": n == 2, "n3_4": 3 <= n <= 4, "n5_8": 5 <= n <= 8, "n9p": n >= 9,
                "field_half": 2 * fields >= n, "field_most": 5 * fields >= 4 * n,
                "first": i == 0, "last": i == n - 1,
                "lead_verb": bool(_LEAD_VERB.search(lead)), "lead_yi": lead_yi, "lead_list": bool(_LEAD_LIST.search(lead)),
                "t_deng": tail.startswith("等"), "t_count": count is not None, "t_count_fits": count == n,
                "t_cluster": bool(re.search(r"产业集群|集群|产业群", tail)), "t_chain": "产业链" in tail,
                "t_industry": bool(re.search(r"产业(?!链|集群|群)|行业", tail)), "t_class": bool(level_m),
                "t_domain": bool(re.search(r"领域|方向|环节|赛道", tail)),
                "t_thing": bool(re.search(r"产品|企业|项目|技术|平台|基地|园区|装备|设施", tail)),
                "t_none": not tail and not rest.strip(" ,;。"),
                "next_head": bool(re.search(r"产业集群|产业链|集群", next_clause)),
                "s_cluster": s_cluster, "s_chain": s_chain, "s_class": s_class,
                "title_chain": bool(heads.get("title_chain")), "title_cluster": bool(heads.get("title_cluster")),
                "r_sent": bool(taken), "r_list": took - (core_name(name) in taken) > 0 and others > 0,
                "r_this": core_name(name) in taken,
            }
            f["title_open"] = f["t_none"] and (f["title_chain"] or f["title_cluster"])
            f["field_x_head"] = f["field"] and (f["t_cluster"] or f["t_chain"] or f["next_head"])
            f["field_x_lead"] = f["field"] and f["lead_verb"] and f["field_most"]
            out.append(Item(name, kind, level_m.group() if level_m else None, {k: float(v) for k, v in f.items()}))
    return out


def score(item: Item, model: dict) -> float:
    """The model's probability that ``item`` is a cluster or chain name."""
    z = model["bias"] + sum(w * item.feats.get(k, 0.0) for k, w in zip(model["features"], model["weights"]))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_model(path: Path = WEIGHTS) -> dict | None:
    """The shipped weights and threshold (``None`` when the file is absent: the rules alone)."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def read_items(sentence: str, heads: dict[str, bool], taken: set[str], model: dict | None) -> list[Item]:
    """The items of the sentence's lists the model calls a cluster or chain name that the rules did not take
    (``taken``: the core names the rules found in the sentence)."""
    if not model:
        return []
    out, seen = [], set(taken)
    for i in list_items(INCLUDES.sub("", sentence), heads, taken):  # 未来产业(含AI+、空天信息): no item 空天信息)
        parts = re.split(r"以及|和|及|与", core_name(i.name))  # 食品和旅游 the rules split by the count: two names taken
        if core_name(i.name) not in seen and not (len(parts) > 1 and all(p in seen for p in parts)) and \
                score(i, model) >= model["threshold"]:
            seen.add(core_name(i.name))
            out.append(i)
    return out
