"""The classifier's word rules: which terms are weak, which name a customer, which are noise,
how specific a term is, and when a Latin term counts (whole tokens only).

What: word lists over the ontology vocabulary (``GENERIC_TERMS``, ``MAIN_LINE_GENERIC``,
``CUSTOMER_TERMS``, ``DROP_TERMS``, ``SHADOW_TERMS``, ``THERAPEUTIC_CLASSES`` …), the phrase-structure patterns a
line is cut by (negation spans, phrase boundaries, head suffixes), :func:`spec` (term
specificity) and :func:`ascii_edge` (a Latin term touching another Latin token is not the term).

Why: each rule here fixes a measured error class (docs/log/classifier-rounds.md §3): 维修 → after-sales,
商用车|齿轮 → 整车, ABS in brakes → resin, U-pack → battery PACK, 轮胎 → 车轮.

>>> ascii_edge("ABS制动系统", 0, 3), ascii_edge("U-PACK", 2, 6), ascii_edge("PCB板", 0, 2)
(False, True, True)
>>> spec("齿轮"), spec("工业缝纫机"), spec("维修")
(0.4, 1.0, 0.0)
"""

from __future__ import annotations

import re

__all__ = ["GENERIC_TERMS", "MAIN_LINE_GENERIC", "MAIN_LINE_ONLY", "WHOLE_LINE_TERMS", "CUSTOMER_TERMS", "END_PRODUCT_ROOTS", "SERVICE_ROOTS", "DROP_TERMS", "SHADOW_TERMS", "MATERIAL_FORM_RE",
           "GB_SCOPE_ITEMS", "MAKER_RE", "SECTOR", "THERAPEUTIC_CLASSES", "THERAPY_AREAS", "PARTS_OF_ROOT", "HEAD_TERMS", "DRUG", "spec", "ascii_edge"]

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
    "HUD", "MCU控制器", "PACK", "SUV", "MPV", "EPDM", "ABS", "连杆", "飞轮", "缸体", "缸套", "纱布", "编织袋", "内燃机", "刀具", "车床", "汽车", "轴承",
    "零部件", "零配件", "原料", "试剂", "铝合金部品", "铝合金零部件", "铝合金部件", "铝合金件", "铝合金结构件", "铝制结构件", "铝结构件",
    "铝铸件", "铝合金铸件", "铝压铸件",
    "航空工业", "批发零售", "批发业务", "零售业务",  # round 8: whole-line words of 医药流通 (WHOLE_LINE_TERMS)
    # round 19: the sector's word (GB/T 4754-2017 大类 27 医药制造业); as a whole line (医药(0.59)) it is the firm's drug
    # business, read as the labels read it (a bare 医药 line → 成品药, docs/classifier.md §5); inside a line it is nothing
    "医药",
    "核心零部件",  # round 7: 智能马桶's segment name; alone (专用整机与核心零部件 of an electronics firm) it names nothing
})
#: generic words that name a product inside a chain whatever the customer: a firm whose main product
#: line is only this word (模具(0.73), 离合器(0.30)) is placed on its segment without other evidence.
#: Not engines (柴油机, 内燃机: farm and marine engines are outside), 轴承, 齿轮, 座椅, 管材 (general
#: industry), 维生素 (supplements) — see docs/classifier.md
MAIN_LINE_GENERIC = frozenset({"模具", "离合器", "底盘", "悬挂", "整车", "中药", "滴眼液", "输液",
                               "航空", "航空工业"})
#: main-line words that count ONLY as the firm's whole main product line (round 8): a bare 航空/航空工业 main line is
#: an aircraft maker's (中航西飞, 中直股份), while 航空 next to an aero-engine or MRO line says nothing more
MAIN_LINE_ONLY = frozenset({"航空", "航空工业"})
#: generic words that say something only as a whole product line of a firm with specific evidence in
#: their cluster: 零部件业务 of a vehicle maker (auto parts), 原料 next to 制剂 (API), 试剂 of a firm with
#: medical-device evidence (diagnostic reagents) — inside a longer
#: line (化工原料, 泵零部件) they are no evidence. (商业 of a drug maker was tried: 商业地产 firms too.) 医药 (round 19):
#: a bare 医药 line of a firm with other drug evidence, or under a pharma label (evidence._industry_main_line)
WHOLE_LINE_TERMS = frozenset({"零部件", "零配件", "原料", "试剂", "医药",
                              # round 8: a drug maker's 批发零售/批发业务 line is its distribution business
                              "批发零售", "批发业务", "零售业务"})
#: the drug sector's word (round 19): a whole line of it is a drug business unless the line trades (医药销售 → goods)
SECTOR = "医药"
#: bare vehicle-type words: on their own a firm may make vehicles or sell parts *to* vehicle makers
CUSTOMER_TERMS = frozenset({"乘用车", "商用车", "客车", "货车", "轿车", "SUV", "MPV", "微型汽车", "大型客车", "中型客车",
                            "轻型客车", "载货汽车", "卡车", "重卡", "轻卡", "重型卡车", "摩托车", "两轮摩托车",
                            "三轮摩托车", "航空器", "飞行器", "直升机"})
#: end-product roots: a term of these subtrees that is not the head of its phrase names a customer
END_PRODUCT_ROOTS = ("auto-vehicle", "auto-motorcycle", "aerospace-aircraft")
#: segments whose business IS trade or service (a 销售/批发/维修 item is their evidence, not noise)
SERVICE_ROOTS = ("pharma-distribution", "pharma-innovative", "sewing-services", "aerospace-services",
                 "smart-toilet-services", "auto-charging")
#: words that are no evidence at all (after-sales service words name no product) — still matched,
#: so they hide the shorter terms inside them
DROP_TERMS = frozenset({"维修", "维修服务", "上门安装", "以旧换新", "盖板", "安装售后"})
#: words of industries outside the chains that contain chain terms: matched and ignored
SHADOW_TERMS = frozenset({"轮胎", "商用车胎", "乘用车胎", "载重汽车胎", "汽车胎", "全钢胎", "半钢胎", "子午胎", "斜交胎",
                          "工程胎", "农用胎", "酶制剂", "饲料添加剂", "乘用车运输", "商用车运输", "商品车运输",
                          "汽车运输", "轿车销售", "汽车销售", "二手车", "汽车租赁", "汽车后市场",
                          "汽车金融", "汽车检测", "机动车检测", "汽车服务", "汽车贸易", "汽车经销", "汽车美容", "汽车保险",
                          "汽车修理", "汽车维修", "汽车用品", "汽车客运", "汽车站", "汽车影院", "汽车驾驶", "汽车玩具",
                          # round 7: satellite *applications* (navigation/remote-sensing services, outside the
                          # chains by the labelling rule) are not 卫星与航天器
                          "卫星应用",
                          # round 8: satellite positioning (GNSS/北斗 terminals, outside the chains likewise)
                          "卫星定位", "卫星导航定位"})
#: standard 经营范围 items (规范表述) naming a whole industry, not a product: weak when products exist
GB_SCOPE_ITEMS = ("缝制机械", "汽车零部件及配件", "汽车零配件", "摩托车零配件", "泵及真空设备", "电机", "模具", "塑料制品",
                  "日用塑料制品", "医疗器械", "第一类医疗器械", "第二类医疗器械", "第三类医疗器械", "卫生洁具",
                  "发电机及发电机组", "民用航空器零部件", "航空器零部件", "卫生陶瓷制品", "机械电气设备", "通用设备",
                  "专用设备", "航空运输设备", "智能无人飞行器")
#: therapeutic-class words listed under 原料药 segments that equally describe a firm's finished drugs
THERAPEUTIC_CLASSES = frozenset({"抗感染", "抗生素", "抗菌药", "抗肿瘤", "抗癌药", "肿瘤药", "造影剂", "对比剂", "心血管药",
                                 "降压药", "降糖药", "抗病毒", "抗抑郁", "肝病类", "抗哮喘类", "中枢神经类药物",
                                 "计生用药", "肌松药", "抗真菌", "抗寄生虫", "抗寄生虫药", "细胞毒", "降血压", "降血脂",
                                 "抗血栓"})
#: therapy-area words of drug revenue lines (the 14 anatomical main groups of the WHO ATC classification, as
#: Chinese firms name them: 消化系统, 呼吸系统 …; and 肠外营养, a drug class): keywords of 成品药 that, like …药 lines,
#: name the class of an API maker's products in its breakdown and then give no 成品药 credit (round 7)
THERAPY_AREAS = frozenset({"消化系统", "呼吸系统", "神经系统", "心血管系统", "泌尿系统", "血液系统", "泌尿生殖", "骨骼系统",
                           "肠外营养"})

#: an end product's parts root: where a customer word sends its phrase (商用车|齿轮 → 汽车关键零部件)
PARTS_OF_ROOT = {"auto-vehicle": "auto-parts", "auto-motorcycle": "auto-motorcycle-parts",
                 "aerospace-aircraft": "aerospace-airframe"}

#: a product line that says the firm makes what it sells (a drug distributor's breakdown has none) — round 9
MAKER_RE = re.compile(r"制造|生产|自产|自制|工业|制药")
API_CONTEXT_RE = re.compile(r"原料|API|中间体|医药化工|CEP|DMF|起始物料")
NEG_RE = re.compile(r"(?:不含|不包括|不包含|不从事|不得从事)[^,;。)\]、]*|[^,;。(\[、]*除外")
PHRASE_RE = re.compile(r"[;,、。()\[\]:|/\s]")
SUFFIX_RE = re.compile(r"^(?:系列|类|型|业务|行业|产业|工业|业|产品|制品|制造|生产|加工|研发|研制|设计|开发|销售|批发|零售|分部|板块|领域|整机|"
                        r"整车|系统|设备|装置|用品|项目|等|服务|出口|内销|外销|国内|国外|海外|境内|境外|自产|外购|收入|"
                        r"及其他|其他|[-A-Za-z0-9.+]+)+")
COORD = "及和与或、,"
#: a product term followed by one of these names a service on that product (机载设备|维修), not the product
SERVICE_HEAD_RE = re.compile(r"维修|修理|维护|保养|检测|检修|大修|改装")
#: a material term followed by one of these still names the material (钛合金|材料, PBT|树脂, 钕铁硼|磁体, XLPE|料):
#: the head is a word for a form of the material, not a product made of it (round 13; docs/log/classifier-rounds.md §3)
MATERIAL_FORM_RE = re.compile(r"(?:高分子|复合|专用|改性|绝缘|糊)?(?:材料|原料|料|树脂|粒子|颗粒|切片|粉末|粉|磁体|磁材)")
PUMP = "泵"  # pseudo-term: a phrase headed by 泵 that no vocabulary term explains
#: …泵 (卫浴泵系列), or a line that starts with 泵 and names a class of pumps (泵类, 泵系统, 泵阀 — round 8)
PUMP_RE = re.compile(r"(?:[\u4e00-\u9fff]{1,4}|(?<![\u4e00-\u9fff])(?=泵(?:类|系统|阀|系列|产品|业务)))(?P<head>泵)"
                     r"(?:系列|类|产品)?")
#: pseudo-term: a phrase headed by 药/药物/药品 that no vocabulary term explains is a drug (泌尿系统药,
#: 抗乙肝病毒药物, 抗感染|药); not 医药 (the sector), 火药/炸药/弹药, 山药/芍药/没药 (plants), 鼠药/农药
DRUG = "药"
DRUG_RE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?<![医火炸弹山芍没鼠农原兽])(?P<head>药物|药品|药)(?:类|系列|产品)?"
                     r"(?![\u4e00-\u9fff])")
#: the pseudo-terms, each with the regex of a phrase it heads, and the segment it credits
HEAD_TERMS = ((PUMP, PUMP_RE, "pump-motor-pumps"), (DRUG, DRUG_RE, "pharma-finished"))


def spec(term: str) -> float:
    if term in DROP_TERMS:
        return 0.0
    if term.isascii():
        s = 0.5 if len(term) <= 3 else 0.7
    else:
        s = {2: 0.5, 3: 0.7, 4: 0.85}.get(len(term), 1.0)
    return min(s, 0.4) if term in GENERIC_TERMS else s


def ascii_edge(text: str, a: int, b: int) -> bool:
    """True when an ASCII term match touches another ASCII letter/digit or a joined token
    (-, _, .) — ABS in ABSX, PACK in U-PACK, PC in PCB are not the terms."""
    def is_w(c):
        return c.isascii() and (c.isalnum() or c in "-_.+")
    return ((text[a].isascii() and a > 0 and is_w(text[a - 1])) or
            (text[b - 1].isascii() and b < len(text) and is_w(text[b])))
