"""Is a phrase the name of an industrial field? The closed vocabulary a cluster or chain name is built from.

What: :func:`is_field` is true when a name contains an industry word — a product, material, process or
sector morpheme (装备, 材料, 医药, 化工, 汽车, 电子信息, 食品, 纺织, 铝, 糖 …). A cluster or chain name
(``…产业集群``, ``…产业链``) must pass it; a phrase left over from a clause (实施, 大抓, 争创, 跃升, 建立,
简称, 营收规模达, 中小企业特色, 产业创新, 地标, 一批更具国际竞争力) names no field, whatever verb or
category word it starts with.

Why: each held-out round showed new words that led a cluster phrase (力推, 坚持, 争创, 对接, 选拔 …); a list of
words that may *not* start a name never ends, the words a field name is *made of* are a closed set. The
vocabulary is built from two sources, not from any held-out plan:

* the manufacturing, mining and utility divisions of 《国民经济行业分类》 GB/T 4754 (13 农副食品加工业 … 43 废弃资源和
  废旧材料回收加工业, 06 煤炭开采和洗选业 …, 44 电力、热力的生产和供应业 …, E 建筑业), as read in the 2002 division list
  (https://360docs.net/doc/2617883926.html, through the search tool's stored pages): their name morphemes;
* the heads of the cluster and chain names in the tune plans' gold files (bench/plans, split tune): the newer
  fields a division name does not say (新一代信息技术, 集成电路, 人工智能, 新能源, 低空经济, 算力, 量子 …).

>>> [n for n in ("高端装备", "铝", "算力与大数据", "实施", "营收规模达", "产业创新", "中小企业特色") if is_field(n)]
['高端装备', '铝', '算力与大数据']
"""

from __future__ import annotations

import re

__all__ = ["is_field", "FIELD_WORDS"]

#: GB/T 4754 division-name morphemes (manufacturing 13–43, mining 06–11, utilities 44–46, construction E)
_GBT_4754 = ("农副食品", "食品", "饮料", "酒", "茶", "烟草", "纺织", "服装", "服饰", "鞋", "帽", "皮革", "毛皮", "羽毛",
             "木材", "木", "竹", "家具", "造纸", "纸", "印刷", "文教", "体育用品", "工艺品", "石油", "炼焦", "燃料", "化学",
             "化工", "医药", "药", "纤维", "橡胶", "塑料", "矿物", "金属", "冶炼", "钢", "铁", "有色", "设备", "交通运输",
             "运输", "电气", "机械", "器材", "通信", "计算机", "电子", "仪器", "仪表", "回收", "电力", "热力", "燃气", "建筑",
             "煤", "矿", "天然气", "水泥", "玻璃", "陶瓷", "建材")
#: heads of the tune gold cluster/chain names that no division name gives (newer fields, materials, products)
_TUNE_HEADS = ("装备", "制造", "材料", "汽车", "车", "船舶", "海工", "航空", "航天", "空天", "信息", "软件", "集成电路",
               "半导体", "芯", "计算", "显示", "智能", "数字", "数据", "算力", "网络", "物联网", "互联网", "5G", "光", "电", "能源",
               "储能", "新能源", "生物", "医疗", "器械", "健康", "生命", "环保", "节能", "低碳", "循环", "资源", "石化", "钢铁",
               "铝", "铜", "钨", "稀土", "锂", "合金", "糖", "家居", "家电", "马桶", "消费", "轻纺", "轻工", "模具", "泵",
               "工具", "零部件", "基础件", "发动机", "机器人", "终端", "容器", "量子", "类脑", "创意", "视频", "经济", "信创",
               "科技", "技术", "服务", "药食", "食", "大健康", "工程机械", "电网", "网联", "一体化", "缝制", "机",
               "能化", "盐湖", "元宇宙",  # 现代能化 (能源化工), 盐湖, 元宇宙: heads of the round-15 golds
               "农产品", "焊接",  # heads of the round-16 golds (黄冈, 咸宁 农产品加工; 唐山 焊接)
               "乳制品", "磨片",  # heads of the round-18 golds, tune from round 19 (宝丰 乳制品, 地坪磨片)
               "民宿",  # a head of the round-19 golds, tune from round 20 (汉中 特色民宿集群)
               "深加工", "五金", "礼品", "通航",  # heads of the round-20 golds, tune from round 21 (营口 镁产品及深加工,
               "冶金", "轴承", "应急", "石墨",  # round-21 golds, tune from round 22 (湖口 冶金, 聊城 轴承, 三明 安全应急,
               "粮油", "蔬菜", "水果", "果品", "香菇", "酿品", "乳品", "肉制品", "面制品", "保健品", "化妆品",
               "海产品", "泳装", "聚氨酯",  # round-33 golds, tune from round 34 (昌黎 海产品加工, 葫芦岛 泳装, 中国北方聚氨酯)
               "硅", "油气", "畜产品", "声学", "羊绒", "马铃薯", "葡萄",  # round-34 golds, tune from round 35
               "包装",  # round-36 golds, tune from round 37 (铁东区 绿色包装)
               "轮胎", "液压", "棉", "粘胶", "化纤", "混纺", "小麦", "农副产品", "水暖", "厨卫", "薯制品")
#: round-39 golds, tune from round 40: 诸城 轮胎制造, 永川 液压, 库尔勒 棉花、粘胶、化纤及混纺, 滑县 优质专用小麦生产、农副产品加工,
#: 南安 水暖厨卫, 禹州 薯制品 (not added: 林州's 工业, the whole secondary sector)
#: 大足 现代五金, 正阳 节庆礼品, 枣阳 通航; 三明 石墨和石墨烯); round-31 golds, tune from round 32 (锦州 粮油、蔬菜、水果、畜禽、
#: 水产; 随州 香菇; 太原 酿品、乳品、肉制品、干鲜果品储运、保健品、化妆品; 新乡 面制品、肉制品); round-34 golds: 昌吉 硅基、油气、
#: 畜产品, 常熟 声学新应用, 清河 羊绒, 张家口 马铃薯、葡萄 (not added: 智慧 and AI, too general; 米 and 鸡, too
#: short — 鸡 is in 鸡西; 康养 and 富硒, which gained nothing and read 巴中's decided non-cluster or round 33's
#: short count as names)
#: GB/T 4754 section-name morphemes outside manufacturing (A 农、林、牧、渔业; F–R services: 批发和零售业, 交通运输、
#: 仓储和邮政业, 住宿和餐饮业, 金融业, 房地产业, 租赁和商务服务业, 文化、体育和娱乐业 …), as listed in the same page
#: and in https://cidian.kuaisou.com (GB/T 4754-2011 门类 A–I): a plan's service clusters (现代金融, 商贸物流)
_GBT_SERVICES = ("农业", "林业", "畜牧", "渔业", "批发", "零售", "仓储", "邮政", "物流", "住宿", "餐饮", "金融", "房地产",
                 "租赁", "商务", "文化", "娱乐", "旅游", "教育", "卫生")
FIELD_WORDS = tuple(sorted(set(_GBT_4754 + _GBT_SERVICES + _TUNE_HEADS), key=len, reverse=True))
_FIELD_RE = re.compile("|".join(re.escape(w) for w in FIELD_WORDS))
#: words that contain a field morpheme but name an activity or a category, not a field
_NOT_FIELD = re.compile(r"机制|机构|机遇|机会|时机|契机|动能|能力|能级|效能|职能|功能|赋能|智能化|数字化|信息化|电商|科技创新|"
                        r"技术创新|服务体系|服务平台|创新服务|企业服务|资源配置|要素资源")


def is_field(name: str) -> bool:
    """Does ``name`` contain a word of an industrial field (after activity words like 机制, 能力 are removed)?"""
    return bool(_FIELD_RE.search(_NOT_FIELD.sub("", name)))
