"""Province- and prefecture-level names of GB/T 2260 (中华人民共和国行政区划代码), as data.

What: ``PROVINCES`` maps a province-level short name (陕西, 广西, 内蒙古, 北京) to its full name (陕西省,
广西壮族自治区, 内蒙古自治区, 北京市); ``CITIES`` lists the prefecture-level cities (code ``XXXX00`` with
``市``) by their name without 市; ``PREFECTURES`` the autonomous prefectures (自治州) by the short form texts
write with 州 (楚雄 → 楚雄州). Read from the GB/T 2260-2007 table as published in khaeru/gb2260,
``gb2260/data/gbt_2260-2007.csv`` (the whole table, about 3,500 rows, read through the search tool; the rows
with codes ``XX0000`` and ``XXXX00``).
The 2007 edition predates a few later cities (毕节, 铜仁, 海东 …, still 地区 there); they are not listed.

Why: a plan writes its own place without a suffix more often than with one (苏州聚焦…, 广西力争…, 山东省级以上
集群 is 山东 + 省级); an open ``XX省`` pattern reads 工业兴省 or 联合省 as provinces. A closed list of names
read from the standard answers both.

>>> PROVINCES["广西"], PROVINCES["山东"], "苏州" in CITIES, "楚雄" in PREFECTURES, PROVINCE_OF["德阳"]
('广西壮族自治区', '山东省', True, True, '四川省')
"""

from __future__ import annotations

__all__ = ["PROVINCES", "CITIES", "PREFECTURES", "COMMON_WORDS", "PROVINCE_OF"]

_PROVINCE_ROWS = """北京 北京市|天津 天津市|河北 河北省|山西 山西省|内蒙古 内蒙古自治区|辽宁 辽宁省|吉林 吉林省|黑龙江 黑龙江省|
上海 上海市|江苏 江苏省|浙江 浙江省|安徽 安徽省|福建 福建省|江西 江西省|山东 山东省|河南 河南省|湖北 湖北省|湖南 湖南省|
广东 广东省|广西 广西壮族自治区|海南 海南省|重庆 重庆市|四川 四川省|贵州 贵州省|云南 云南省|西藏 西藏自治区|陕西 陕西省|
甘肃 甘肃省|青海 青海省|宁夏 宁夏回族自治区|新疆 新疆维吾尔自治区|台湾 台湾省|香港 香港特别行政区|澳门 澳门特别行政区"""
PROVINCES: dict[str, str] = dict(r.split() for r in _PROVINCE_ROWS.replace("\n", "").split("|"))

#: prefecture-level cities (XXXX00 … 市), by province code
_CITY_ROWS = """
13 石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水
14 太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁
15 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布
21 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛
22 长春 吉林 四平 辽源 通化 白山 松原 白城
23 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化
32 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁
33 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水
34 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 巢湖 六安 亳州 池州 宣城
35 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德
36 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶
37 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 莱芜 临沂 德州 聊城 滨州 菏泽
41 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店
42 武汉 黄石 十堰 宜昌 襄樊 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州
43 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底
44 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮
45 南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左
46 海口 三亚
51 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳
52 贵阳 六盘水 遵义 安顺
53 昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧
54 拉萨
61 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛
62 兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南
63 西宁
64 银川 石嘴山 吴忠 固原 中卫
65 乌鲁木齐 克拉玛依
"""
CITIES: frozenset[str] = frozenset(w for ln in _CITY_ROWS.strip().splitlines() for w in ln.split()[1:])
#: the province-level codes of GB/T 2260, in the order of ``_PROVINCE_ROWS`` (北京 11 … 新疆 65, 台湾 71, 香港 81, 澳门 82)
_CODES = "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()
_BY_CODE = dict(zip(_CODES, PROVINCES.values()))
#: the province of each prefecture-level city (德阳 → 四川省), from the code its row is under
PROVINCE_OF: dict[str, str] = {w: _BY_CODE[ln.split()[0]] for ln in _CITY_ROWS.strip().splitlines() for w in ln.split()[1:]}
#: autonomous prefectures (XXXX00 …自治州), by the name before their nationality words
PREFECTURES: frozenset[str] = frozenset(
    "延边 恩施 湘西 阿坝 甘孜 凉山 黔西南 黔东南 黔南 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆 临夏 甘南 海北 黄南 "
    "果洛 玉树 海西 昌吉 博尔塔拉 巴音郭楞 克孜勒苏 伊犁".split())
#: city names that are also common words (朝阳产业, 大同, 安康, 中山装 …): read only with their 市
COMMON_WORDS = frozenset("朝阳 大同 安康 中山 普洱 长治 白山 黄山 白银 吉林 海南".split())
