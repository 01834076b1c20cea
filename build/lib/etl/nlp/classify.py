"""Map an enterprise to chain segments from its 主营产品, 经营范围 and 国标行业.

What: :func:`classify` collects, for every segment whose vocabulary (names, keywords, products of
``ontology/chains/*.yaml``) occurs in the texts, the evidence for it, turns that evidence into a
calibrated probability that the link is right, and returns the best ``top_k`` with probability
>= ``min_confidence`` as :class:`SegmentMatch` (segment, cluster, confidence, matched terms).
:func:`assign_segments` honours an explicit ``segment`` field (ids or names) and otherwise
classifies a raw record; :func:`classify_many` does it for many records.

Evidence (see docs/classifier.md for the why and the measured effect of each rule):

- **products in revenue order**: each line counts with its revenue share relative to the largest
  line (``电机(0.55)``, ``电机 55%``; without shares by position: 1, .85, .7 …). A line of 8 %
  next to a main line of 90 % contributes 0.09 of it, so a liquor maker's 塑料制品 line never
  outweighs its main business; negative and zero lines (抵销, 平衡项目) are ignored;
- **经营范围 structure**: the 一般项目/许可项目 sections are split into items; earlier items
  (the main business is listed first) weigh more; the 除依法须经批准的项目外… boilerplate is dropped;
  an item that only trades or services (…批发/零售/销售/维修/租赁 without 制造/生产/加工) weighs 0.3
  except for service and distribution segments; terms after 不含/不包括 and before 除外 are ignored;
- **国标行业** (``industry_code`` C3441, ``industry`` names): :mod:`etl.nlp.industry` gives the
  segments the code points to (a prior) or says the registered industry is outside all chains;
- **terms**: leftmost-longest over the whole vocabulary, so 航空发动机 is one match and never the
  汽车 发动机 inside it; Latin terms (ABS, PACK, API, PE, PC, PP …) count only as whole tokens
  (not in PCB, U-PACK, PE-RT's neighbours); generic terms (齿轮, 座椅, 发酵, 总成 …) are weak;
- **head of the phrase**: Chinese compounds are head-final. A term followed by another term in
  the same phrase is a modifier (新能源汽车|驱动电机 → 驱动电机); an end-product word that is not
  the head is a customer word (商用车|齿轮, 乘用车配套, 动车组车辆配套) and counts almost nothing;
  a record whose vehicle words are all bare customer words (乘用车, 商用车, 客车 …) while its other
  lines are parts is a parts maker, not 整车;
- **negative words**: a segment's ``negative_keywords`` (风力发电机 for 发电机组, 农药制剂 for 制剂,
  保健食品 for 片剂/胶囊, 铁路货车 for 整车 …) are matched too: they shadow the shorter terms inside
  them, and a record holding one damps that segment;
- a term listed by a parent and its child counts for the child; a parent whose matches all sit in
  phrases where a descendant matched is folded into the best descendant (头孢类原料药 → 抗感染类);
- **confidence** = a logistic function of that evidence (largest supporting line, summed support,
  scope support, term specificity, share of the record's evidence, industry agreement or
  out-of-chain industry), fitted on the *tune* split of bench/labelled/firms.csv so that links
  at confidence c are right about c of the time (reliability table: ``bench/classify.py``).

Bulk path: matching uses :meth:`etl.nlp.vocab.Scanner.scan` (hash lookups over the same
vocabulary as the spaCy EntityRuler, plus the negative and shadow words) instead of ``nlp.pipe`` —
same longest-match rule, much faster; each analysed line is cached per ontology (registry scopes
repeat the same 规范表述 items), see ``bench/classify.py``. spaCy stays the pipeline for policy
extraction; a spaCy text classifier was tried and is not used (docs/classifier.md).

>>> from ontology.loader import Ontology
>>> from ontology.models import Cluster, Segment
>>> S = lambda i, n, p=None, kw=(): Segment(id=i, name=n, cluster="sewing", stage="中游", parent=p,
...                                      weight=.1, keywords=list(kw), source="x")
>>> onto = Ontology(clusters={"sewing": Cluster(id="sewing", name="缝制设备", source="x")},
...                 segments={s.id: s for s in [S("sewing-m", "缝纫机", kw=["缝纫机"]),
...                                              S("sewing-ind", "工业缝纫机", "sewing-m")]})
>>> [(m.segment_id, m.matched_terms) for m in classify(None, "工业缝纫机", onto)]
[('sewing-ind', ['工业缝纫机'])]
"""

from __future__ import annotations

import bisect
import math
import operator
import re
from dataclasses import dataclass, field

from ontology.errors import InputError
from etl.nlp.industry import INDUSTRY_SEGMENTS, industry_signal
from etl.nlp.vocab import Scanner, cached, normalize, vocabulary

__all__ = ["SegmentMatch", "classify", "classify_many", "assign_segments", "candidates", "LINK_MIN",
           "CALIBRATION", "FEATURES", "NO_SEGMENT"]

#: classify() returns links whose calibrated confidence is at least this (the loader keeps >= 0.3)
LINK_MIN = 0.5
SCOPE_KEYS = ("business_scope", "scope", "经营范围", "text_scope")
PRODUCT_KEYS = ("products", "main_products", "主营产品", "product")
SEGMENT_KEYS = ("segment", "segments", "环节")
INDUSTRY_KEYS = ("industry", "国标行业", "所属行业")
INDUSTRY_CODE_KEYS = ("industry_code", "国标行业代码", "行业代码")
INDUSTRY_LEVEL_KEYS = ("industry_l1", "industry_l2", "industry_l3", "industry_l4")

#: terms that name a whole class of products made by many industries: weak evidence on their own
GENERIC_TERMS = frozenset({
    "维修", "维修服务", "总成", "齿轮", "座椅", "发酵", "微生物发酵", "生物发酵", "底盘", "悬挂", "离合器", "活塞", "曲轴",
    "发动机", "柴油机", "汽油机", "车轮", "电控", "马达", "定子", "转子", "叶轮", "泵体", "风机", "维生素", "尼龙", "薄膜",
    "隔膜", "储能电池", "电池系统", "燃料电池", "氢能", "储氢", "杂环", "吡啶", "嘧啶", "抗感染", "轻量化", "模架", "油缸",
    "顶针", "斜顶", "机械手", "干燥机", "温控箱", "管材", "管件", "整车", "充电机", "线束", "开关", "减速器",
    "压力开关", "流量开关", "供水设备", "泵组", "泵站", "喷头", "清洗器", "冲洗器", "感应模块", "水位开关",
    "火花机", "电火花", "线切割", "三维设计", "工业软件", "发电机", "卫星导航", "测控系统", "遥测遥控", "红外热像仪",
    "传感器芯片", "惯性导航", "组合导航", "轮毂", "橡胶件", "淀粉", "中间体", "冷却器", "传动系统", "注射用",
    "航空", "航天器", "数据链", "飞行器", "整机制造", "电源板", "遥控器", "控制模块", "主控板", "机壳", "铁芯冲片",
    "绕组", "叶片", "导叶", "动环", "静环", "油封", "冲片", "温控器", "吹塑机", "模具", "中药", "滴眼液", "输液",
    "CAD", "CAE", "CAM", "MES", "PE", "PP", "PC", "PS", "PLA", "PBS", "API", "CRO", "CMO", "OTC", "BMS", "OBC",
    "HUD", "MCU控制器", "PACK", "SUV", "MPV", "EPDM", "ABS",
})
#: bare vehicle-type words: on their own a firm may make vehicles or sell parts *to* vehicle makers
CUSTOMER_TERMS = frozenset({"乘用车", "商用车", "客车", "货车", "轿车", "SUV", "MPV", "微型汽车", "大型客车", "中型客车",
                            "轻型客车", "载货汽车", "卡车", "重卡", "轻卡", "重型卡车", "摩托车", "两轮摩托车",
                            "三轮摩托车", "航空器", "飞行器", "直升机"})
#: end-product roots: a term of these subtrees that is not the head of its phrase names a customer
END_PRODUCT_ROOTS = ("auto-vehicle", "auto-motorcycle", "aerospace-aircraft")
#: segments whose business IS trade or service (a 销售/批发/维修 item is their evidence, not noise)
SERVICE_ROOTS = ("pharma-distribution", "pharma-innovative", "sewing-services", "aerospace-services",
                 "smart-toilet-services", "auto-charging")

_NEG_RE = re.compile(r"(?:不含|不包括|不包含|不从事|不得从事)[^,;。)\]、]*|[^,;。(\[、]*除外")
_SPLIT_RE = re.compile(r"[;,、/|,;\s]+")
_PHRASE_RE = re.compile(r"[;,、。()\[\]:|/\s]")
_LINE_SPLIT_RE = re.compile(r"\s*[;\n|]\s*")
_LIST_SPLIT_RE = re.compile(r"\s*[,、]\s*")
_BOILER_RE = re.compile(r"\(?(?:除依法须经批准的项目外|依法须经批准的项目)[^)]*\)?|凭营业执照依法自主开展经营活动")
_SECTION_RE = re.compile(r"(?:一般经营项目|许可经营项目|一般项目|许可项目)\s*:")
_ITEM_SPLIT_RE = re.compile(r"[;。,、]+")
_MAKE_RE = re.compile(r"制造|生产|加工|研发|研制|设计|组装|装配|开发|铸造|锻造|成型|制品|自产")
_TRADE_RE = re.compile(r"(?:批发|零售|销售|经销|代理|进出口|租赁|维修|修理|维护|保养|安装|服务|咨询|检测|运输|物流|回收|贸易|"
                       r"经营|出租|培训)(?:业务|分部|板块)?$")
_STRONG_TRADE_RE = re.compile(r"批发|零售|经销|代理|4S|经销商|贸易|运输|物流|租赁|出租")
_SUFFIX_RE = re.compile(r"^(?:系列|类|型|业务|产品|制品|制造|生产|加工|研发|研制|设计|开发|销售|批发|零售|分部|板块|领域|整机|"
                        r"整车|系统|设备|装置|用品|项目|等|服务|出口|内销|外销|国内|国外|海外|境内|境外|自产|外购|收入|"
                        r"及其他|其他|[-A-Za-z0-9.+]+)+")
_COORD = "及和与或、,"
_PUMP = "泵"  # pseudo-term: a phrase headed by 泵 that no vocabulary term explains
_PUMP_RE = re.compile(r"[\u4e00-\u9fff]{1,4}泵(?:系列|类|产品)?")
#: words that are no evidence at all (after-sales service words name no product) — still matched,
#: so they hide the shorter terms inside them
DROP_TERMS = frozenset({"维修", "维修服务", "上门安装", "以旧换新", "盖板", "安装售后"})
#: words of industries outside the chains that contain chain terms: matched and ignored
SHADOW_TERMS = frozenset({"轮胎", "商用车胎", "乘用车胎", "载重汽车胎", "汽车胎", "全钢胎", "半钢胎", "子午胎", "斜交胎",
                          "工程胎", "农用胎", "酶制剂", "饲料添加剂", "乘用车运输", "商用车运输", "商品车运输",
                          "汽车运输", "轿车销售", "汽车销售", "二手车", "汽车租赁", "汽车后市场"})
#: standard 经营范围 items (规范表述) naming a whole industry, not a product: weak when products exist
GB_SCOPE_ITEMS = ("缝制机械", "汽车零部件及配件", "汽车零配件", "摩托车零配件", "泵及真空设备", "电机", "模具", "塑料制品",
                  "日用塑料制品", "医疗器械", "第一类医疗器械", "第二类医疗器械", "第三类医疗器械", "卫生洁具",
                  "发电机及发电机组", "民用航空器零部件", "航空器零部件", "卫生陶瓷制品", "机械电气设备", "通用设备",
                  "专用设备", "航空运输设备", "智能无人飞行器")
_API_CONTEXT_RE = re.compile(r"原料|API|中间体|医药化工|CEP|DMF|起始物料")
#: therapeutic-class words listed under 原料药 segments that equally describe a firm's finished drugs
THERAPEUTIC_CLASSES = frozenset({"抗感染", "抗生素", "抗菌药", "抗肿瘤", "抗癌药", "肿瘤药", "造影剂", "对比剂", "心血管药",
                                 "降压药", "降糖药", "抗病毒", "抗抑郁", "肝病类", "抗哮喘类", "中枢神经类药物",
                                 "计生用药", "肌松药", "抗真菌", "抗寄生虫", "抗寄生虫药", "细胞毒", "降血压", "降血脂",
                                 "抗血栓"})
#: a finished-dosage word: with one of these on a line of weight (and no 原料药/API), class words describe drugs
_FORMULATION_RE = re.compile(r"制剂|针剂|注射|片剂|胶囊|颗粒|口服|输液|冻干粉|软膏|贴剂|丸|散剂|成品药|中成药|处方药|OTC")
#: an end product's parts root: where a customer word sends its phrase (商用车|齿轮 → 汽车关键零部件)
PARTS_OF_ROOT = {"auto-vehicle": "auto-parts", "auto-motorcycle": "auto-motorcycle-parts",
                 "aerospace-aircraft": "aerospace-airframe"}


@dataclass
class SegmentMatch:
    """One segment an enterprise is mapped to, with the evidence."""

    segment_id: str
    cluster: str
    confidence: float
    matched_terms: list[str] = field(default_factory=list)
    score: float = 0.0


# --------------------------------------------------------------------------- index

@dataclass
class _Index:
    scanner: Scanner
    credit: dict[str, list[tuple[str, float]]]  # term -> [(segment, share)]
    spec: dict[str, float]  # term -> specificity 0..1
    negative: dict[str, frozenset]  # term -> segments it argues against
    customer: dict[str, bool]  # term -> an end-product term (customer word when not a head)
    bare_customer: frozenset  # bare vehicle words
    service: frozenset  # segment ids that live on trade/service items
    vehicle: frozenset  # auto-vehicle subtree
    lineage: dict[str, tuple[str, ...]]  # segment -> itself + ancestors
    cluster: dict[str, str]
    parts_of: dict[str, str]  # end-product segment -> the parts segment its customer words point to
    root: dict[str, str]  # segment -> its top-level segment
    api_root: str | None  # 原料药 (API-class words need 原料药/API context)
    api_fallback: str | None  # where API-class words go without that context (成品药)
    upstream: frozenset  # 上游 (material) segments
    moto_roots: tuple  # 摩托车 top-level segments
    moto_parts: str | None
    car_parts: frozenset  # auto-parts subtree
    moto_subtree: frozenset  # 摩托车 segments
    gb_re: re.Pattern  # a 经营范围 item that starts with a 国标/规范表述 industry name
    cache: dict = field(default_factory=dict)  # (tag, line) -> analysed hits


def _spec(term: str) -> float:
    if term in DROP_TERMS:
        return 0.0
    if term.isascii():
        s = 0.5 if len(term) <= 3 else 0.7
    else:
        s = {2: 0.5, 3: 0.7, 4: 0.85}.get(len(term), 1.0)
    return min(s, 0.4) if term in GENERIC_TERMS else s


def _subtree(segs, roots) -> frozenset:
    out = set()
    for sid in segs:
        cur = sid
        while cur:
            if cur in roots:
                out.add(sid)
                break
            cur = segs[cur].parent if cur in segs else None
    return frozenset(out)


def _index(ontology) -> _Index:
    """Scanner over SEGMENT terms and negative words + per term the (segment, share) it credits."""

    def build():
        segs = ontology.segments
        credit: dict[str, list[tuple[str, float]]] = {}
        for term, es in vocabulary(ontology).items():
            es = [e for e in es if e.label == "SEGMENT"]
            if not es:
                continue
            by_cluster: dict[str, list] = {}
            for e in es:
                by_cluster.setdefault(e.cluster, []).append(e)
            picks = []
            for group in by_cluster.values():
                ids = {e.id for e in group}
                # within a cluster: a term listed by a segment and its descendant counts for the descendant
                deepest = [i for i in ids if not any(_is_ancestor(segs, i, j) for j in ids if j != i)]
                picks.extend(sorted(deepest))
            credit[term] = [(sid, 1.0 / len(picks)) for sid in picks]
        for t in DROP_TERMS | SHADOW_TERMS:
            credit[t] = []
        negative: dict[str, set] = {}
        for s in segs.values():
            for t in getattr(s, "negative_keywords", None) or []:
                t = normalize(t).strip()
                if len(t) >= 2:
                    negative.setdefault(t, set()).add(s.id)
                    credit.setdefault(t, [])
        end = _subtree(segs, END_PRODUCT_ROOTS)
        customer = {t: bool(c) and all(sid in end for sid, _ in c) for t, c in credit.items()}
        lineage = {}
        for sid in segs:
            chain, cur = [], sid
            while cur and cur in segs and cur not in chain:
                chain.append(cur)
                cur = segs[cur].parent
            lineage[sid] = tuple(chain)
        parts_of = {}
        for root, parts in PARTS_OF_ROOT.items():
            if root in segs and parts in segs:
                for sid in _subtree(segs, (root,)):
                    parts_of[sid] = parts
        scanner = Scanner(credit)
        spec = {t: _spec(t) for t in credit}
        if "pump-motor-pumps" in segs:
            credit[_PUMP], spec[_PUMP] = [("pump-motor-pumps", 1.0)], 0.6
        gb = {n for n, _s in INDUSTRY_SEGMENTS.values()} | set(GB_SCOPE_ITEMS)
        root = {sid: lineage[sid][-1] for sid in segs}
        return _Index(scanner, credit, spec,
                      {t: frozenset(v) for t, v in negative.items()}, customer,
                      frozenset(t for t in CUSTOMER_TERMS if t in credit), _subtree(segs, SERVICE_ROOTS),
                      _subtree(segs, ("auto-vehicle",)), lineage, {s.id: s.cluster for s in segs.values()},
                      parts_of, root, "pharma-api" if "pharma-api" in segs else None,
                      "pharma-finished" if "pharma-finished" in segs else None,
                      frozenset(x.id for x in segs.values() if x.stage == "上游"),
                      tuple(r for r in ("auto-motorcycle", "auto-motorcycle-parts") if r in segs),
                      "auto-motorcycle-parts" if "auto-motorcycle-parts" in segs else None,
                      _subtree(segs, ("auto-parts",)), _subtree(segs, ("auto-motorcycle", "auto-motorcycle-parts")),
                      re.compile("^(?:" + "|".join(sorted(map(re.escape, gb), key=len, reverse=True)) + ")"))

    return cached(ontology, "classify-index-v2", build)


def _is_ancestor(segs, a: str, b: str) -> bool:
    """True when segment ``a`` is an ancestor of ``b``."""
    cur = segs.get(b)
    while cur is not None and cur.parent:
        if cur.parent == a:
            return True
        cur = segs.get(cur.parent)
    return False


# --------------------------------------------------------------------------- input parsing

def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return ";".join(str(v) for v in value if v)
    return str(value)


def _split_weight(item: str) -> tuple[str, float | None]:
    """``'电机(0.55)'`` / ``'电机(55%)'`` / ``'电机 55%'`` -> ``('电机', 0.55)``; no share -> ``(item, None)``."""
    if item.endswith(")"):
        k = item.rfind("(")
        if k < 0:
            return item, None
        num, name = item[k + 1:-1].strip(), item[:k].strip()
    elif item.endswith("%"):
        k = item.rfind(" ")
        if k < 0:
            return item, None
        num, name = item[k + 1:], item[:k].strip()
    else:
        return item, None
    pct = num.endswith("%")
    try:
        v = float(num.rstrip("%").strip())
    except ValueError:
        return item, None
    return name, v / (100.0 if pct or v > 1.5 else 1.0)


def _product_lines(products) -> list[tuple[str, float]]:
    """``[(line, weight 0..1)]``: revenue shares relative to the largest line, else by position."""
    if products is None:
        return []
    if isinstance(products, (list, tuple)):
        raw = [normalize(str(p)) for p in products if p]
    else:
        raw = _LINE_SPLIT_RE.split(normalize(str(products)))
    lines: list[tuple[str, float | None]] = []
    for item in raw:
        item = item.strip()
        if not item:
            continue
        name, w = _split_weight(item)
        lines.append((name, w))
    if len(lines) == 1 and lines[0][1] is None:  # one cell listing several products: 、 or , separated
        lines = [(p, None) for p in _LIST_SPLIT_RE.split(lines[0][0]) if p]
    weighted = [w for _, w in lines if w is not None]
    if weighted:
        top = max(weighted)
        if top <= 0:
            return []
        floor = min(w for w in weighted if w > 0) if any(w > 0 for w in weighted) else 0.0
        out = []
        for name, w in lines:
            w = floor if w is None else w
            if w > 0.004 and name:
                out.append((name, min(w / top, 1.0)))
        return out
    return [(name, max(0.35, 1.0 - 0.15 * i)) for i, (name, _) in enumerate(lines) if name]


def _scope_items(scope) -> list[tuple[str, float]]:
    """``[(item, weight)]`` of a 经营范围: boilerplate dropped, items of each 一般/许可 section by position."""
    text = normalize(_as_text(scope))
    if not text:
        return []
    if "依法" in text:
        text = _BOILER_RE.sub(";", text)
    parts = _SECTION_RE.split(text) if "项目" in text else (text,)
    out = []
    for part in parts:
        i = 0
        for item in _ITEM_SPLIT_RE.split(part):
            item = item.strip(" ()[]")
            if len(item) < 2:
                continue
            out.append((item, _POS_WEIGHT[i] if i < len(_POS_WEIGHT) else 0.4))
            i += 1
    return out


_POS_WEIGHT = [max(0.4, 1.0 / (1.0 + 0.12 * i)) for i in range(16)]  # item i of a 经营范围 section


def _industry(record: dict):
    code = _get(record, INDUSTRY_CODE_KEYS)
    names = _get(record, INDUSTRY_KEYS)
    if names is None:
        levels = [record.get(k) for k in INDUSTRY_LEVEL_KEYS if record.get(k)]
        names = levels or None
    return code, names


# --------------------------------------------------------------------------- evidence

def _ascii_edge(text: str, a: int, b: int) -> bool:
    """True when an ASCII term match touches another ASCII letter/digit or a joined token
    (-, _, .) — ABS in ABSX, PACK in U-PACK, PC in PCB are not the terms."""
    def is_w(c):
        return c.isascii() and (c.isalnum() or c in "-_.+")
    return ((text[a].isascii() and a > 0 and is_w(text[a - 1])) or
            (text[b - 1].isascii() and b < len(text) and is_w(text[b])))


class _Evidence:
    __slots__ = ("p", "pmax", "s", "smax", "spec", "terms", "where", "bare", "whole", "whole_s", "wmax")

    def __init__(self):
        self.p = self.pmax = self.s = self.smax = self.spec = self.whole = self.whole_s = self.wmax = 0.0
        self.terms: list[str] = []
        self.where: set = set()
        self.bare = True  # every term a bare customer word (乘用车, 商用车 …)


def _trade_factor(line: str, scope: bool) -> float:
    """0.3 for a line that only trades or services (批发/零售/维修 …), else 1 (0.7 for a product
    line ending in 销售/服务: listed firms name revenue from selling their own goods that way)."""
    if _MAKE_RE.search(line):
        return 1.0
    if _STRONG_TRADE_RE.search(line):
        return 0.3
    if _TRADE_RE.search(line):
        return 0.3 if scope else 0.7
    return 1.0


class _Hit:
    __slots__ = ("tag", "li", "ph", "w", "term", "factor", "trade", "credit", "line", "customer", "whole",
                 "generic", "root1", "clusters")

    def __init__(self, tag, li, w, line, item):
        self.tag, self.li, self.w, self.line = tag, li, w, line
        (self.ph, self.term, self.factor, self.trade, self.credit, self.customer, self.whole,
         self.generic, self.root1, self.clusters) = item
        # whole: the term is the whole line (陆上泵, 铺布机): the line names the product
        # root1: the one top-level segment of all credited segments (None when several)


def _field_hits(lines: list[tuple[str, float]], tag: str, idx: _Index, negs: dict, out: list) -> None:
    """The hits of all lines of one field (tag 'p' products, 's' scope) into ``out``; the negative
    words found go to ``negs`` (segment -> weight of the line holding one)."""
    cache = idx.cache
    for li, (line, w) in enumerate(lines):
        res = cache.get((tag, line))
        if res is None:
            res = _line_analysis(line, tag, idx)
            if len(cache) > _CACHE_MAX:
                cache.clear()
            cache[(tag, line)] = res
        items, neg_ids = res
        if neg_ids:
            nw = w if tag == "p" else 0.5
            for sid in neg_ids:
                if nw > negs.get(sid, 0.0):
                    negs[sid] = nw
        for item in items:
            out.append(_Hit(tag, li, w, line, item))


_CACHE_MAX = 200_000  # analysed lines kept per ontology (registry scopes repeat the same 规范表述 items)


def _line_analysis(line: str, tag: str, idx: _Index) -> tuple[tuple, frozenset]:
    """``(hits, negative segment ids)`` of one product line / scope item, independent of its weight:
    each hit is ``(phrase, term, factor, trade factor, credit, customer?, whole line?)`` (module doc)."""
    neg = [m.span() for m in _NEG_RE.finditer(line)] if ("不" in line or "除外" in line) else ()
    found = []  # (a, b, term)
    line_neg: set = set()
    for a, b, t in idx.scanner.scan(line):
        if neg and any(x <= a < y for x, y in neg):
            continue
        if _ascii_edge(line, a, b):
            continue
        if t in idx.negative:
            line_neg |= idx.negative[t]
        found.append((a, b, t))
    if "泵" in line:  # a phrase headed by 泵 (…泵, …泵系列) that no longer term explains is a pump
        for m in _PUMP_RE.finditer(line):
            a, b = m.span()
            if not any(x < b and a < y for x, y, _t in found) and not (neg and any(x <= a < y for x, y in neg)):
                found.append((a, b, _PUMP))
        found.sort()
    hits = [(a, b, t) for a, b, t in found if idx.credit.get(t)]
    if not hits:
        return (), frozenset(line_neg)
    cuts = [m.start() for m in _PHRASE_RE.finditer(line)] if len(hits) > 1 or len(line) > 4 else []
    trade = _trade_factor(line, tag == "s")
    phrase = [bisect.bisect(cuts, a) for a, _b, _t in hits]
    rec = []
    whole = len(hits) == 1 and not _SUFFIX_RE.sub("", line[:hits[0][0]] + line[hits[0][1]:]).strip("()- ")
    for k, (a, b, t) in enumerate(hits):
        ph = phrase[k]
        end = cuts[ph] if ph < len(cuts) else len(line)
        if k + 1 < len(hits) and phrase[k + 1] == ph:  # another term follows: coordinated, or its modifier
            gap = line[b:hits[k + 1][0]]
            if gap and gap[0] in _COORD:
                head = 1.0
            else:  # a modifier: of a term of its own cluster it only narrows it (新能源汽车|驱动电机)
                same = {idx.cluster.get(sid) for sid, _ in idx.credit[t]} & \
                    {idx.cluster.get(sid) for sid, _ in idx.credit[hits[k + 1][2]]}
                head = 0.15 if same else 0.3
        else:
            tail = _SUFFIX_RE.sub("", line[b:end], count=1) if b < end else ""
            head = 1.0 if not tail or tail[0] in _COORD else 0.7
            if head < 1.0 and all(sid in idx.upstream for sid, _ in idx.credit[t]):
                head = 0.35  # a material naming what a product is made of (HDPE|缠绕管, 钛合金|棒材)
        rec.append([t, head, ph])
    # a generic head (齿轮, 电控系统) modified by a specific term (刺绣机|电控系统): the phrase is about
    # the modifier's cluster
    for k, r in enumerate(rec):
        t, head, ph = r
        if head == 1.0 and idx.spec[t] <= 0.4 and k > 0:
            mods = [q for q in rec[:k] if q[2] == ph and q[1] < 1.0 and idx.spec[q[0]] > 0.4
                    and not idx.customer.get(q[0], False)]
            if mods:
                same = {idx.cluster.get(sid) for sid, _ in idx.credit[t]} & \
                    {idx.cluster.get(sid) for q in mods for sid, _ in idx.credit[q[0]]}
                r[1] = 0.3 if same else 0.0  # 压缩机|曲轴: a compressor part, not an engine part
                for q in mods:
                    q[1] = 1.0 if same else 0.7
    items = []
    supported = set()  # generic heads with a modifier of their own cluster (PE|管材, 电动汽车|充电机)
    moto_head = set()  # car-part heads of a motorcycle customer word (摩托车|齿轮)
    skip_redirect = set()
    for k, (t, head, ph) in enumerate(rec):
        if head < 1.0 and k + 1 < len(rec) and rec[k + 1][2] == ph:
            nt = rec[k + 1][0]
            if line_neg and any(line_neg & set(idx.lineage.get(sid, (sid,))) for sid, _ in idx.credit[t]):
                continue  # 动车组|客车|座椅: a negated customer supports nothing
            cl = {idx.cluster.get(sid) for sid, _ in idx.credit[t]}
            if cl & {idx.cluster.get(sid) for sid, _ in idx.credit[nt]}:
                supported.add(k + 1)
                if idx.customer.get(t, False):
                    skip_redirect.add(k)  # the head names the part: 商用车|齿轮 is a gear, not also 零部件
                    if any(sid in idx.moto_subtree for sid, _ in idx.credit[t]):
                        moto_head.add(k + 1)
    for k, (t, head, ph) in enumerate(rec):
        if head == 0.0:
            continue
        credit = idx.credit[t]
        f = idx.spec[t] * head
        redirected = False
        if k in moto_head and idx.moto_parts:
            credit = [(idx.moto_parts if sid in idx.car_parts else sid, share) for sid, share in credit]
        if head < 1.0 and idx.customer.get(t, False) and k in skip_redirect:
            continue
        if head < 1.0 and idx.customer.get(t, False):
            # an end product that is not the head names the customer: 商用车|齿轮, 摩托车|胶管 → parts of it
            if line_neg and any(line_neg & set(idx.lineage.get(sid, (sid,))) for sid, _ in credit):
                continue  # 动车组|客车座椅: a rail customer
            credit = [(idx.parts_of.get(sid, ""), share) for sid, share in credit]
            credit = [(sid, share) for sid, share in credit if sid]
            f = idx.spec[t] * 0.5
            redirected = True
        if line_neg:
            credit = [(sid, share) for sid, share in credit
                      if not (line_neg & set(idx.lineage.get(sid, (sid,))))]
        if credit:
            roots = {idx.root.get(sid) for sid, _ in credit}
            items.append((ph, t, f, trade, tuple(credit), redirected, whole and head == 1.0,
                          idx.spec[t] <= 0.4 and k not in supported,
                          next(iter(roots)) if len(roots) == 1 else None,
                          frozenset(idx.cluster.get(sid) for sid, _ in credit)))
    return tuple(items), frozenset(line_neg)


def _accumulate(hits: list, idx: _Index, ev: dict) -> None:
    """Credit the hits to segments.

    - a term shared by several segments goes to them in proportion to the record's other
      (unshared) evidence under each one's top-level segment (伺服电机 in a sewing firm → 缝制 电机;
      抗寄生虫药 next to 兽药 → 兽用药品);
    - a generic term (齿轮, 电控, 柴油机 …) counts only where its cluster has specific evidence too;
    - therapeutic-class words (抗肿瘤, 造影剂, 抗生素) listed under 原料药 describe the firm's finished
      drugs (→ 成品药) when its main lines name dosage forms (针剂, 片剂 …) and none names 原料药/API.
    """
    mass: dict[str, float] = {}
    specific: set = set()
    therapeutic = False
    for h in hits:
        if h.root1 is not None:
            mass[h.root1] = mass.get(h.root1, 0.0) + h.w * h.factor
        if not h.generic and not h.customer:
            specific |= h.clusters
        if h.term in THERAPEUTIC_CLASSES:
            therapeutic = True
    moto = sum(mass.get(r, 0.0) for r in idx.moto_roots) if idx.moto_roots else 0.0
    car = sum(v for r, v in mass.items() if idx.cluster.get(r) == "auto" and r not in idx.moto_roots) \
        if moto else 0.0
    api_context = therapeutic and (
        any(h.w >= 0.05 and _API_CONTEXT_RE.search(h.line) for h in hits if h.tag == "p") or
        any(_API_CONTEXT_RE.search(h.line) for h in hits if h.tag == "s"))
    formulation = therapeutic and not api_context and \
        any(h.w >= 0.1 and _FORMULATION_RE.search(h.line) for h in hits if h.tag == "p")
    best: dict[tuple, tuple] = {}  # (sid, tag, li) -> strongest (factor, weight) on that line
    root = idx.root
    for h in hits:
        credit = h.credit
        if h.generic:
            if not (h.clusters & specific):
                continue
            credit = [(sid, share) for sid, share in credit if idx.cluster.get(sid) in specific]
            if moto > car:  # 发动机/齿轮 of a motorcycle firm are motorcycle parts
                credit = [(idx.moto_parts if sid in idx.car_parts else sid, share) for sid, share in credit]
        if h.root1 is None and len(credit) > 1:
            roots = {root.get(sid) for sid, _ in credit}
            if len(roots) > 1:
                tot = sum(mass.get(r, 0.0) + 0.01 for r in roots)
                n = {r: sum(1 for sid, _ in credit if root.get(sid) == r) for r in roots}
                credit = [(sid, (mass.get(root.get(sid), 0.0) + 0.01) / tot / n[root.get(sid)]) for sid, _ in credit]
        if formulation and h.term in THERAPEUTIC_CLASSES and idx.api_root:
            credit = [(idx.api_fallback if root.get(sid) == idx.api_root else sid, share) for sid, share in credit]
        bare = h.term not in idx.bare_customer
        for sid, share in credit:
            f = h.factor * share * (1.0 if sid in idx.service else h.trade)
            e = ev.get(sid)
            if e is None:
                e = ev[sid] = _Evidence()
            e.where.add((h.tag, h.li, h.ph))
            if h.term not in e.terms:
                e.terms.append(h.term)
            if bare:
                e.bare = False
            fs = h.factor * share
            if fs > e.spec:
                e.spec = fs
            if h.whole and share > 0.5:
                if h.tag == "p" and h.w > e.whole:
                    e.whole = h.w
                elif h.tag == "s" and h.w > e.whole_s:
                    e.whole_s = h.w
            key = (sid, h.tag, h.li)
            old = best.get(key)
            if old is None or f > old[0]:
                best[key] = (f, h.w)
    for (sid, tag, _li), (f, w) in best.items():
        e, c = ev[sid], w * f
        if tag == "p":
            if w > e.wmax:
                e.wmax = w
            e.p += c
            if c > e.pmax:
                e.pmax = c
        else:
            e.s += c
            if c > e.smax:
                e.smax = c


#: the features of a candidate link, in the order of CALIBRATION's weights
FEATURES = ("bias", "log_pmax", "psum", "log_smax", "ssum", "spec", "share", "ind_lineage", "ind_cluster",
            "out_industry", "scope_only", "no_products", "negated", "top_cluster", "minor", "whole_line")
#: logistic weights fitted on the tune split (``bench/classify.py --fit``); see docs/classifier.md
CALIBRATION = (2.933, 1.206, 1.172, 0.252, 0.254, 0.058, -0.860, 1.944, -1.564, -0.905, -0.166, -2.299,
               0.023, 1.270, -0.652, 0.320)
_NEG_DAMP = 0.3  # a segment's negative word on a main line / in the scope: its evidence x this
_OUT_DAMP = 0.5  # text evidence of a firm registered in an out-of-chain industry x this
_NEG_MIN_WEIGHT = 0.25  # … when the line holding it carries at least this share


def candidates(text_scope, products, ontology, *, industry=None, industry_code=None) -> list[dict]:
    """Every segment with evidence, with its feature vector (``FEATURES``) and matched terms —
    what :func:`classify` turns into probabilities (exposed for calibration and the bench)."""
    idx = _index(ontology)
    segs = ontology.segments
    plines = _product_lines(products)
    hits: list[_Hit] = []
    negs: dict[str, float] = {}
    _field_hits(plines, "p", idx, negs, hits)
    items = _scope_items(text_scope)
    if plines:  # 缝制机械制造: the registered industry, not the product
        items = [(item, w * 0.25 if idx.gb_re.match(item) else w) for item, w in items]
    _field_hits(items, "s", idx, negs, hits)
    ev: dict[str, _Evidence] = {}
    _accumulate(hits, idx, ev)
    ind_segs, out_industry = industry_signal(industry_code, industry) if (industry or industry_code) else ((), False)
    ind_segs = tuple(s for s in ind_segs if s in segs)
    if out_industry:  # registered in an industry outside the chains (白酒, 农药, 风能原动设备 …)
        for e in ev.values():
            e.p, e.pmax, e.s, e.smax = e.p * _OUT_DAMP, e.pmax * _OUT_DAMP, e.s * _OUT_DAMP, e.smax * _OUT_DAMP
    negated = set()
    for sid, w in negs.items():  # a negative word of this segment on a main line or in the scope
        if w < _NEG_MIN_WEIGHT:
            continue
        for k in list(ev):
            if sid in idx.lineage.get(k, (k,)):
                if plines and w >= ev[k].wmax:  # the negative line weighs at least its best line: veto
                    del ev[k]
                    continue
                negated.add(k)
                e = ev[k]
                e.whole = e.whole_s = 0.0
                e.p, e.pmax, e.s, e.smax = e.p * _NEG_DAMP, e.pmax * _NEG_DAMP, e.s * _NEG_DAMP, e.smax * _NEG_DAMP
    # customer words: only bare vehicle words while other auto lines are parts -> a parts maker
    veh = [k for k in ev if k in idx.vehicle]
    if veh and all(ev[k].bare for k in veh):
        v_score = sum(ev[k].p + 0.5 * ev[k].s for k in veh)
        parts = sum(e.p for k, e in ev.items() if k not in idx.vehicle and idx.cluster.get(k) == "auto")
        if parts >= 0.3 * v_score:
            for k in veh:
                del ev[k]
    # fold a parent into its best descendant when it has no phrase of its own
    for sid in (sorted(ev, key=lambda s: -segs[s].level if s in segs else 0) if len(ev) > 1 else ()):
        if sid not in ev:
            continue
        kids = [k for k in ev if k != sid and sid in idx.lineage.get(k, ())]
        if not kids:
            continue
        kid_where = set().union(*(ev[k].where for k in kids))
        if ev[sid].where <= kid_where:
            best = max(kids, key=lambda k: (ev[k].p + 0.5 * ev[k].s, k))
            e, b = ev.pop(sid), ev[best]
            b.p += 0.5 * e.p
            b.s += 0.5 * e.s
            b.pmax = max(b.pmax, 0.5 * e.pmax)
            b.smax = max(b.smax, 0.5 * e.smax)
            b.where |= e.where
            b.spec = max(b.spec, e.spec)
            b.bare = b.bare and e.bare
            b.whole = max(b.whole, e.whole)
            b.whole_s = max(b.whole_s, e.whole_s)
            b.wmax = max(b.wmax, e.wmax)
            for t in e.terms:
                if t not in b.terms:
                    b.terms.append(t)
    # industry prior: a segment the 国标行业 points to, even without a text match in its cluster
    ind_clusters = {idx.cluster[s] for s in ind_segs}
    for s in ind_segs:  # the registered industry's segment is a candidate unless its lineage already is
        if not any(s in idx.lineage.get(k, (k,)) or k in idx.lineage.get(s, ()) for k in ev):
            ev[s] = _Evidence()
            ev[s].terms.append("国标行业")
    ev = {k: e for k, e in ev.items() if e.p + e.s > 0 or k in ind_segs}
    if not ev:
        return []
    total = {k: e.p + 0.5 * e.s for k, e in ev.items()}
    top = max(total.values()) or 1.0
    top_cluster = idx.cluster.get(max(total, key=lambda k: (total[k], k)))
    out = []
    for k, e in ev.items():
        lin = idx.lineage.get(k, (k,))
        ind_lin = any(s in lin or k in idx.lineage.get(s, ()) for s in ind_segs)
        p, pmax, sc, smax = (e.p, e.pmax, e.s, e.smax) if plines else (e.s, e.smax, 0.0, 0.0)
        # without products, the 经营范围's main items play the products' part
        x = (1.0, math.log(pmax + 0.02), min(p, 2.0), math.log(smax + 0.02), min(sc, 3.0) / 3.0, e.spec,
             total[k] / top, 1.0 if ind_lin else 0.0,
             1.0 if (not ind_lin and idx.cluster.get(k) in ind_clusters) else 0.0,
             1.0 if out_industry else 0.0, 1.0 if (plines and e.p == 0) else 0.0, 0.0 if plines else 1.0,
             1.0 if k in negated else 0.0, 1.0 if idx.cluster.get(k) == top_cluster else 0.0,
             1.0 if pmax < 0.1 and smax < 0.2 else 0.0, 1.0 if (e.whole if plines else e.whole_s) >= 0.1 else 0.0)
        out.append({"segment_id": k, "x": x, "terms": e.terms, "score": total[k]})
    return out


def _prob(x) -> float:
    z = sum(map(operator.mul, CALIBRATION, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def classify(text_scope: str | None, products, ontology, *, nlp=None, top_k: int = 3, industry=None,
             industry_code=None, min_confidence: float = LINK_MIN) -> list[SegmentMatch]:
    """Best ``top_k`` segments (confidence >= ``min_confidence``) for an enterprise from its
    经营范围, 主营产品 (str with ``;``-separated lines, optionally ``name(0.55)`` revenue shares,
    or a list) and 国标行业 (``industry`` names, ``industry_code``).

    ``nlp`` is accepted for API symmetry with extraction and is not needed (the scanner uses the
    same vocabulary). Returns ``[]`` when nothing points to a segment.
    """
    cands = candidates(text_scope, products, ontology, industry=industry, industry_code=industry_code)
    if not cands:
        return []
    segs = ontology.segments
    scored = [(round(_prob(c["x"]), 4), c) for c in cands]
    scored.sort(key=lambda pc: (-pc[0], -pc[1]["score"], -segs[pc[1]["segment_id"]].level, pc[1]["segment_id"]))
    return [SegmentMatch(c["segment_id"], segs[c["segment_id"]].cluster, p, c["terms"], round(c["score"], 4))
            for p, c in scored[:top_k] if p >= min_confidence]


# --------------------------------------------------------------------------- records

def _lookup_segment(value: str, ontology) -> str:
    segs = ontology.segments
    if value in segs:
        return value
    norm = normalize(value)
    for s in segs.values():
        if norm in (s.name, normalize(s.name)):
            return s.id
    raise InputError(f"unknown segment {value!r} (not a segment id or name)", field="segment")


def _get(record: dict, keys):
    for k in keys:
        if record.get(k) not in (None, "", []):
            return record[k]
    return None


#: a 所属环节 cell saying "in none of our chains" (the classifier must not guess then)
NO_SEGMENT = frozenset({"七链外", "链外", "无对应环节", "none"})


def assign_segments(record: dict, ontology, *, top_k: int = 3) -> list[SegmentMatch]:
    """Segments of one record: an explicit ``segment``/``segments`` field (ids or names, ``;``
    or ``,`` separated, or a list) wins with confidence 1.0; a :data:`NO_SEGMENT` marker (七链外)
    means no segment at all; otherwise :func:`classify` on its
    ``products``/``主营产品``, ``business_scope``/``经营范围`` and ``industry``/``industry_code``
    (国标行业; or the ``industry_l1`` … ``industry_l4`` levels).
    Raises :class:`~ontology.errors.InputError` for an explicit value that names no segment.
    """
    explicit = _get(record, SEGMENT_KEYS)
    if explicit is not None:
        values = explicit if isinstance(explicit, (list, tuple)) else _SPLIT_RE.split(str(explicit))
        if {str(v).strip() for v in values} - {""} <= NO_SEGMENT:
            return []  # declared outside the seven chains: no classifier guess
        out, seen = [], set()
        for v in (str(x).strip() for x in values):
            if not v:
                continue
            sid = _lookup_segment(v, ontology)
            if sid not in seen:
                seen.add(sid)
                out.append(SegmentMatch(sid, ontology.segments[sid].cluster, 1.0, [f"explicit:{v}"], 99.0))
        if out:
            return out
    code, names = _industry(record)
    return classify(_get(record, SCOPE_KEYS), _get(record, PRODUCT_KEYS), ontology, top_k=top_k,
                    industry=names, industry_code=code)


def classify_many(records, ontology, *, top_k: int = 3) -> list[list[SegmentMatch]]:
    """:func:`assign_segments` for each record (dicts), in order — the bulk fast path."""
    _index(ontology)  # build once before the loop
    return [assign_segments(r, ontology, top_k=top_k) for r in records]
