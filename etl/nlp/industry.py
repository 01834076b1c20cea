"""国标行业 (GB/T 4754-2017) as a classification signal: which chain segments a code points to.

What: :func:`industry_signal` reads a record's ``industry_code`` (e.g. ``C3441``, ``3441``) and/or
``industry`` names (门类 → 小类, a list or a ``>``-joined path) and returns
``(segments, out_of_chain)``: the segment ids the most specific known code/name points to (a prior
the classifier adds to the text evidence), or ``out_of_chain=True`` when the firm's registered
industry is a manufacturing or trade line that none of the seven chains holds (白酒, 农药, 风能原动设备,
铁路机车车辆, 家用电器, 汽车修理 …) — then text matches are damped, not trusted.

Why: registry exports (企查查/天眼查/国家企业信用信息公示系统) carry the 国标行业 the firm registered
with; it is the one field that states the main business in a controlled vocabulary. It is a prior,
not a verdict: a firm registered under 3670 that makes brakes is placed by its products
(制动盘 → 底盘与悬架系统), the code only confirms the 汽车 chain.

:func:`vendor_signal` reads a listed firm's *vendor* industry label (Tushare 所属行业: 汽车配件, 白酒, 电气设备 …)
among the same names: the cluster it names, out of the chains, or mixed (``VENDOR_LABELS``) — a prior the
classifier's confidence reads, never a segment (round 10, docs/log/classifier-rounds.md §3).

Codes are the 2017 edition (names as in ../shared/data/gbt4754-2017-wssmao). A code not listed
here is neutral. ``tests/etl/nlp`` checks every segment id exists in the ontology.

>>> industry_signal("C3441", None)
(('pump-motor-pumps',), False)
>>> industry_signal(None, ["制造业", "酒、饮料和精制茶制造业", "酒的制造", "白酒制造"])
((), True)
"""

from __future__ import annotations

import re

from etl.nlp.industry_cells import SECTION_OF, code_conflict, names as _names, read as _read_cells, written_code

__all__ = ["class_digits", "class_of_name", "INDUSTRY_SEGMENTS", "OUT_OF_CHAIN", "SECTION_NAMES", "TRADE_SEGMENTS", "trade_industry", "VENDOR_LABELS", "OUT", "MIXED", "industry_signal", "vendor_signal", "record_code", "code_unused", "read_industry"]

#: GB/T 4754-2017 code -> (name, segment ids it points to). Most specific code wins (4 > 3 > 2 digits).
INDUSTRY_SEGMENTS: dict[str, tuple[str, tuple[str, ...]]] = {
    # 医药 (27), 制药设备, 医疗器械, 医药批发零售, 医学研究
    "271": ("化学药品原料药制造", ("pharma-api",)),
    "2710": ("化学药品原料药制造", ("pharma-api",)),
    "272": ("化学药品制剂制造", ("pharma-chem-formulation",)),
    "2720": ("化学药品制剂制造", ("pharma-chem-formulation",)),
    "273": ("中药饮片加工", ("pharma-finished",)),
    "2730": ("中药饮片加工", ("pharma-finished",)),
    "274": ("中成药生产", ("pharma-finished",)),
    "2740": ("中成药生产", ("pharma-finished",)),
    "275": ("兽用药品制造", ("pharma-vet",)),
    "2750": ("兽用药品制造", ("pharma-vet",)),
    "276": ("生物药品制品制造", ("pharma-biologics",)),
    "2761": ("生物药品制造", ("pharma-biologics",)),
    "2762": ("基因工程药物和疫苗制造", ("pharma-biologics",)),
    "277": ("卫生材料及医药用品制造", ("pharma-medical-consumables",)),
    "2770": ("卫生材料及医药用品制造", ("pharma-medical-consumables",)),
    "278": ("药用辅料及包装材料", ("pharma-support",)),
    "2780": ("药用辅料及包装材料", ("pharma-support",)),
    "3544": ("制药专用设备制造", ("pharma-equipment",)),
    "358": ("医疗仪器设备及器械制造", ("pharma-medical-devices",)),
    "3581": ("医疗诊断、监护及治疗设备制造", ("pharma-medical-devices",)),
    "3582": ("口腔科用设备及器具制造", ("pharma-medical-devices",)),
    "3583": ("医疗实验室及医用消毒设备和器具制造", ("pharma-medical-devices",)),
    "3584": ("医疗、外科及兽医用器械制造", ("pharma-medical-devices",)),
    "3585": ("机械治疗及病房护理设备制造", ("pharma-medical-devices",)),
    "3586": ("假肢、人工器官及植（介）入器械制造", ("pharma-medical-devices",)),
    "3589": ("其他医疗设备及器械制造", ("pharma-medical-devices",)),
    "5151": ("西药批发", ("pharma-distribution",)),
    "5152": ("中药批发", ("pharma-distribution",)),
    "5251": ("西药零售", ("pharma-distribution",)),
    "5252": ("中药零售", ("pharma-distribution",)),
    # round 17: the 中类 themselves — 515 "指各种化学药品、生物药品、中药及医疗器材的批发和进出口活动；包括兽用药的批发…",
    # 525 "指专门经营各种化学药品、生物药品、中药、医疗用品及器材的店铺零售活动" (GB/T 4754-2017 descriptions, read in
    # ../shared/data/gbt4754-2017-wssmao): drug (and 药械) trade is what 医药流通 names (its keywords 药械经销, the edge
    # 医用耗材 → 医药流通), so a record that gives only F515/F525 is a drug trader, as one with 5151 is; their other
    # 小类 (5153 动物用药品, 5154/5254 医疗用品及器材, 5253) follow the 中类, but 5255 保健辅助治疗器材零售 stays out (below)
    "515": ("医药及医疗器材批发", ("pharma-distribution",)),
    "525": ("医药及医疗器材专门零售", ("pharma-distribution",)),
    "7340": ("医学研究和试验发展", ("pharma-cro",)),
    # 模具与塑料
    "265": ("合成材料制造", ("mould-plastic-resin",)),
    "2651": ("初级形态塑料及合成树脂制造", ("mould-plastic-resin",)),
    "292": ("塑料制品业", ("mould-plastic-products",)),
    "2921": ("塑料薄膜制造", ("mould-plastic-products",)),
    "2922": ("塑料板、管、型材制造", ("mould-plastic-products",)),
    "2923": ("塑料丝、绳及编织品制造", ("mould-plastic-products",)),
    "2924": ("泡沫塑料制造", ("mould-plastic-products",)),
    "2925": ("塑料人造革、合成革制造", ("mould-plastic-products",)),
    "2926": ("塑料包装箱及容器制造", ("mould-plastic-household",)),
    "2927": ("日用塑料制品制造", ("mould-plastic-household",)),
    "2928": ("人造草坪制造", ("mould-plastic-products",)),
    "2929": ("塑料零件及其他塑料制品制造", ("mould-plastic-products",)),
    "3525": ("模具制造", ("mould-plastic-mould",)),
    "3523": ("塑料加工专用设备制造", ("mould-plastic-machinery",)),
    # 泵与电机
    "3441": ("泵及真空设备制造", ("pump-motor-pumps",)),
    "3442": ("气体压缩机械制造", ("pump-motor-compressor-fan",)),
    "3444": ("液压动力机械及元件制造", ("pump-motor-hydraulic-plunger",)),
    "3462": ("风机、风扇制造", ("pump-motor-fan-blower",)),
    "381": ("电机制造", ("pump-motor-motors",)),
    "3811": ("发电机及发电机组制造", ("pump-motor-generator",)),
    "3812": ("电动机制造", ("pump-motor-motors",)),
    "3813": ("微特电机及组件制造", ("pump-motor-micro-motor",)),
    "3819": ("其他电机制造", ("pump-motor-motors",)),
    # 缝制设备, 智能马桶
    "3553": ("缝制机械制造", ("sewing-industrial-machines",)),
    "3072": ("卫生陶瓷制品制造", ("smart-toilet-ceramic-body",)),
    # 汽车、摩托车
    "361": ("汽车整车制造", ("auto-vehicle",)),
    "3611": ("汽柴油车整车制造", ("auto-ice-vehicle",)),
    "3612": ("新能源车整车制造", ("auto-nev",)),
    "3620": ("汽车用发动机制造", ("auto-engine-parts",)),
    "3660": ("汽车车身、挂车制造", ("auto-body-interior",)),
    "3670": ("汽车零部件及配件制造", ("auto-parts",)),
    "3751": ("摩托车整车制造", ("auto-motorcycle",)),
    "3752": ("摩托车零部件及配件制造", ("auto-motorcycle-parts",)),
    # 航空航天
    "3741": ("飞机制造", ("aerospace-aircraft",)),
    "3742": ("航天器及运载火箭制造", ("aerospace-satellite",)),
    "3743": ("航天相关设备制造", ("aerospace-avionics",)),
    "3744": ("航空相关设备制造", ("aerospace-airframe", "aerospace-propulsion", "aerospace-avionics")),
    "3749": ("其他航空航天器制造", ("aerospace-uav",)),
    "4343": ("航空航天器修理", ("aerospace-mro",)),
}
#: codes (prefixes) of industries outside all seven chains that share words with them
#: (白酒's 塑料瓶盖, 农药制剂, 风力发电机, 铁路货车, 家电电机, 汽车修理/销售 …)
OUT_OF_CHAIN: dict[str, str] = {
    "13": "农副食品加工业", "14": "食品制造业", "15": "酒、饮料和精制茶制造业", "17": "纺织业",
    "18": "纺织服装、服饰业", "19": "皮革、毛皮、羽毛及其制品和制鞋业", "22": "造纸和纸制品业",
    "263": "农药制造", "264": "涂料、油墨、颜料及类似产品制造", "268": "日用化学产品制造",
    "3415": "风能原动设备制造", "3443": "阀门和旋塞制造", "3352": "建筑装饰及水暖管道零件制造",
    "371": "铁路运输设备制造", "372": "城市轨道交通设备制造", "373": "船舶及相关装置制造",
    "3630": "改装汽车制造", "3640": "低速汽车制造",
    "3851": "家用制冷电器具制造", "3852": "家用空气调节器制造", "3853": "家用通风电器具制造",
    "3854": "家用厨房电器具制造", "3855": "家用清洁卫生电器具制造", "3859": "其他家用电力器具制造",
    "3861": "燃气及类似能源家用器具制造", "3862": "太阳能器具制造",
    "3831": "电线、电缆制造", "39": "计算机、通信和其他电子设备制造业",
    "5261": "汽车新车零售", "5262": "汽车旧车零售", "5263": "汽车零配件零售", "5264": "摩托车及零配件零售",
    "8111": "汽车修理与维护", "811": "汽车、摩托车等修理与维护",
    "5255": "保健辅助治疗器材零售",  # round 17: under 525, but health aids are no drug trade (保健食品 is a negative word)
    "51": "批发业", "52": "零售业", "65": "软件和信息技术服务业", "64": "互联网和相关服务", "70": "房地产业",
}
#: A listed firm's *vendor* industry label (Tushare ``stock_basic.industry``, the 所属行业 of listed-firm data): a coarse
#: prior on the cluster, never a segment and never a link of its own (docs/log/classifier-rounds.md §3, round 10). Written from
#: what each label names, not from which firms carry it:
#: - a cluster id: the label names a business of that cluster (汽车配件 → auto parts, 化学制药 → drugs, 塑料 → plastics);
#: - ``OUT``: the label names a business that none of the seven chains holds (finance, property, food and drink,
#:   farming, mining, utilities, transport services (airlines, airports), telecom, semiconductors and software, retail
#:   and trade, car dealers and repair, textiles and garments, paper, paints, pesticides, construction, farm machinery,
#:   ships);
#: - ``MIXED``: the label mixes in-chain and out-of-chain makers (电气设备 holds motor makers and grid equipment,
#:   机械基件 pumps and valves, 化工原料 resins and basic chemicals, 家用电器 toilet makers and white goods, 陶瓷 sanitary
#:   ware and tiles, 铝/小金属/特种钢 aerospace and auto materials, 橡胶 tyres and auto rubber parts, 玻璃 auto glass,
#:   元器件 connectors and micro-motors, 化纤 carbon fibre and nylon, 农业综合 animal health, 其他建材 PVC pipes and
#:   profiles, 运输设备 rail and vehicle components, 工程机械 hydraulic parts and compressors, 电器仪表 instruments and
#:   medical devices). Those seven were first written as ``OUT``; the tune rows showed in-chain makers under each
#:   (round 10, docs/log/classifier-rounds.md §4), and their names do cover those products, so they are mixed.
#: A label not listed says nothing (as no label at all); a mixed label is kept apart from no label because firms
#: under a mixed label are in a chain less often than the records without a label the classifier otherwise reads.
OUT, MIXED = "out", "mixed"
VENDOR_LABELS: dict[str, str] = {
    "汽车配件": "auto", "汽车整车": "auto", "摩托车": "auto",
    "化学制药": "pharma", "生物制药": "pharma", "中成药": "pharma", "医药商业": "pharma", "医疗保健": "pharma",
    "塑料": "mould-plastic", "航空": "aerospace",
    **dict.fromkeys((
        "银行", "证券", "保险", "多元金融", "全国地产", "区域地产", "园区开发", "房产服务",  # finance, property
        "白酒", "啤酒", "红黄酒", "软饮料", "乳制品", "食品", "饲料",  # food and drink (GB 13-15)
        "农药化肥", "种植业", "渔业", "林业",  # pesticides (GB 263), farming
        "煤炭开采", "石油开采", "焦炭加工", "石油贸易", "普钢", "铅锌", "黄金", "水泥",  # mining, bulk materials
        "装修装饰", "建筑工程", "路桥",  # construction
        "港口", "水运", "空运", "机场", "铁路", "公路", "公共交通", "仓储物流",  # transport services (airlines, airports)
        "火力发电", "水力发电", "新型电力", "供气供热", "水务", "电信运营",  # utilities
        "通信设备", "软件服务", "互联网", "IT设备", "半导体",  # electronics, software (GB 39, 64, 65)
        "影视音像", "出版业", "文教休闲", "旅游景点", "旅游服务", "酒店餐饮",  # media, leisure
        "百货", "超市连锁", "电器连锁", "商品城", "其他商业", "商贸代理", "批发业", "汽车服务",  # retail, trade (GB 51, 52, 811)
        "服饰", "纺织", "造纸", "日用化工", "染料涂料",  # GB 17, 18, 22, 264, 268
        "农用机械", "船舶",  # farm machinery (farm engines are outside by the labelling rule), ships (GB 373)
    ), OUT),
    **dict.fromkeys((
        "电气设备", "机械基件", "专用机械", "机床制造", "化工机械", "轻工机械", "纺织机械", "工程机械", "运输设备",
        "化工原料", "石油加工", "小金属", "铝", "铜", "特种钢", "钢加工", "橡胶", "玻璃", "陶瓷", "矿物制品", "化纤",
        "家用电器", "家居用品", "广告包装", "元器件", "电器仪表", "其他建材", "农业综合", "环境保护", "综合类",
    ), MIXED),
}
_CODE_RE = re.compile(r"^\s*([A-Ta-t])?\s*(\d{2,4})\s*$")
_LETTER_RE = re.compile(r"^\s*([A-Ta-t])\s*$")
#: 门类 names whose every 大类 is in ``OUT_OF_CHAIN``: a record that gives only the 门类 (a letter, or the name)
#: is read like its 大类 codes (round 16: a registry export's 门类 F 批发和零售业 with a 塑料制品销售 scope was placed as a
#: plastics maker; code 51 or 52 was already read as out of the chains)
SECTION_NAMES = {"F": "批发和零售业", "K": "房地产业"}
_OUT_SECTIONS = {letter for letter, r in SECTION_OF.items()
                 if all(f"{d:02d}" in OUT_OF_CHAIN for d in r)}
_NAME_INDEX: dict[str, str] = {}
for _code, (_n, _s) in INDUSTRY_SEGMENTS.items():
    _NAME_INDEX.setdefault(_n, _code)
for _code, _n in OUT_OF_CHAIN.items():
    _NAME_INDEX.setdefault(_n, _code)
_NAME_CODES: dict[str, set[str]] = {}  # every code the tables give a name (272 and 2720 化学药品制剂制造)
for _code, _n in [*((c, n) for c, (n, _s) in INDUSTRY_SEGMENTS.items()), *OUT_OF_CHAIN.items(),
                  *((c, n) for c, n in SECTION_NAMES.items())]:
    _NAME_CODES.setdefault(_n, set()).add(_code)


def class_digits(code) -> str | None:
    """The digits of a class code (``C3441`` → ``3441``), or ``None``."""
    m = _CODE_RE.match(str(code or ""))
    return m.group(2) if m else None



def class_of_name(industry) -> str | None:
    """The code of the most specific of ``industry``'s names that this module's tables name, or ``None``."""
    for name in reversed(_names(industry)):
        code = _NAME_INDEX.get(name)
        if code is not None:
            return code
    return None


def _lookup(digits: str) -> tuple[tuple[str, ...], bool] | None:
    for n in (4, 3, 2):
        key = digits[:n]
        if len(key) < n:
            continue
        if key in INDUSTRY_SEGMENTS:
            return INDUSTRY_SEGMENTS[key][1], False
        if key in OUT_OF_CHAIN:
            return (), True
    return None


def record_code(industry_code, industry) -> str | None:
    """The record's 国标行业 code: its code field, else the most specific code written in front of its names
    (``27 医药制造业`` … ``2720 化学药品制剂制造`` → ``C2720``; :mod:`etl.nlp.industry_cells`), checked against this
    module's tables — a code whose name the tables give another code is not taken (review 40 F1).

    >>> record_code(None, ["F 批发和零售业", "51 批发业"]), record_code("C3441", ["27 医药制造业"])
    ('F51', 'C3441')
    >>> record_code(None, ["3553 化学药品制剂制造"]), record_code(None, ["制造业"])
    (None, None)
    """
    code = str(industry_code or "").strip()
    return code or (written_code(industry, _NAME_CODES.get) if industry else None)


def read_industry(industry_code, industry) -> tuple[str | None, tuple[str, ...]]:
    """``(code, names)`` of a record's 国标行业 as :func:`record_code` and :func:`etl.nlp.industry_cells.names` read
    them, once: the classifier passes these on, and a tuple of names is not parsed again.

    >>> read_industry(None, ["C 制造业", "27 医药制造业", "2720 化学药品制剂制造"])
    ('C2720', ('制造业', '医药制造业', '化学药品制剂制造'))
    """
    names, written = _read_cells(industry, _NAME_CODES.get)
    code = str(industry_code or "").strip()
    return code or written, names


def code_unused(industry) -> bool:
    """Is a code written in a 国标行业 cell not taken by :func:`record_code`? (:func:`~etl.nlp.industry_cells.code_conflict`)"""
    return code_conflict(industry, _NAME_CODES.get)


def vendor_signal(industry) -> str | None:
    """What a vendor industry label among ``industry``'s names says (``VENDOR_LABELS``): a cluster id (汽车配件 →
    ``"auto"``), ``OUT`` (白酒), ``MIXED`` (电气设备), or ``None`` when no name is a known label.

    >>> vendor_signal(["汽车配件"]), vendor_signal("白酒"), vendor_signal(["电气设备"]), vendor_signal(["制造业"])
    ('auto', 'out', 'mixed', None)
    """
    for name in reversed(_names(industry)):
        v = VENDOR_LABELS.get(name)
        if v is not None:
            return v
    return None


def _section_out(industry_code, names) -> bool:
    """Does the record give only a 门类 (letter or name) whose every 大类 is out of the chains (``_OUT_SECTIONS``)?

    >>> _section_out("F", []), _section_out(None, ["批发和零售业"]), _section_out("C", ["制造业"])
    (True, True, False)
    """
    m = _LETTER_RE.match(str(industry_code or ""))
    if m and m.group(1).upper() in _OUT_SECTIONS:
        return True
    return any(SECTION_NAMES.get(letter) in names for letter in _OUT_SECTIONS)


#: the chains' own trade segments: those a 门类 F (批发和零售业) code points to (5151 西药批发 → 医药流通 …); a trade
#: industry damps every other segment but not these (round 16)
TRADE_SEGMENTS = frozenset(s for code, (_n, segs) in INDUSTRY_SEGMENTS.items() if code[:2] in ("51", "52") for s in segs)


def trade_industry(industry_code, industry) -> bool:
    """Is the registered industry 批发和零售业 (门类 F: a letter F, codes 51/52, or its names)?

    >>> trade_industry("F516", None), trade_industry(None, "批发和零售业"), trade_industry("C3441", None)
    (True, True, False)
    """
    code = (record_code(industry_code, industry) or "").upper()
    if code[:1] == "F" or (class_digits(code) or "")[:2] in ("51", "52"):
        return True
    return any(n in ("批发和零售业", "批发业", "零售业") for n in _names(industry))


def industry_signal(industry_code, industry) -> tuple[tuple[str, ...], bool]:
    """``(segment ids, out_of_chain)`` for a record's 国标行业 code and/or names (see module doc).

    A finer code or name is read first, so 门类 F with 5151 西药批发 still points to 医药流通:

    >>> industry_signal("F", None), industry_signal(None, ["批发和零售业", "批发业", "医药及医疗器材批发", "西药批发"])
    (((), True), (('pharma-distribution',), False))
    """
    industry_code = record_code(industry_code, industry)
    digits = class_digits(industry_code)
    if digits:
        hit = _lookup(digits)
        if hit is not None:
            return hit
    names = _names(industry)
    for name in reversed(names):  # most specific level first
        code = _NAME_INDEX.get(name)
        if code is not None:
            hit = _lookup(code)
            if hit is not None:
                return hit
    if _section_out(industry_code, names):
        return (), True
    return (), False
