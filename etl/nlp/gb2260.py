"""Province- and prefecture-level names of GB/T 2260 (中华人民共和国行政区划代码), as data.

What: ``PROVINCES`` maps a province-level short name (陕西, 广西, 内蒙古, 北京) to its full name (陕西省,
广西壮族自治区, 内蒙古自治区, 北京市); ``CITIES`` lists the prefecture-level cities (code ``XXXX00`` with
``市``) by their name without 市; ``PREFECTURES`` the autonomous prefectures (自治州) by the short form texts
write with 州 (楚雄 → 楚雄州). Read from the GB/T 2260-2007 table as published in khaeru/gb2260,
``gb2260/data/gbt_2260-2007.csv`` (the whole table, about 3,500 rows, read through the search tool; the rows
with codes ``XX0000`` and ``XXXX00``).
The 2007 edition predates a few later cities (毕节, 铜仁, 海东 …, still 地区 there); they are not listed, except
襄阳 (襄樊 renamed, 420600 in a later table of the same repository, 区划代码 file found with the search tool).

Why: a plan writes its own place without a suffix more often than with one (苏州聚焦…, 广西力争…, 山东省级以上
集群 is 山东 + 省级); an open ``XX省`` pattern reads 工业兴省 or 联合省 as provinces. A closed list of names
read from the standard answers both.

>>> PROVINCES["广西"], PROVINCES["山东"], "苏州" in CITIES, "楚雄" in PREFECTURES, PROVINCE_OF["德阳"]
('广西壮族自治区', '山东省', True, True, '四川省')
"""

from __future__ import annotations

__all__ = ["PROVINCES", "CITIES", "COUNTY_CITIES", "PREFECTURES", "COMMON_WORDS", "PROVINCE_OF"]

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
42 武汉 黄石 十堰 宜昌 襄樊 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州
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
#: county-level cities (codes ``XXXXYY`` with YY ≠ 00 named …市, and the province-governed ones 济源, 仙桃 …, 4290XX,
#: 4690XX, 6590XX), by province code, from the same GB/T 2260-2007 table (khaeru/gb2260
#: ``gb2260/data/gbt_2260-2007.csv``, read whole through the search tool in round 18). Cities made later (玉环, 龙港,
#: 邹平 …) are not in it.
_COUNTY_CITY_ROWS = """
13 辛集 藁城 晋州 新乐 鹿泉 遵化 迁安 武安 南宫 沙河 涿州 定州 安国 高碑店 泊头 任丘 黄骅 河间 霸州 三河 冀州 深州
14 古交 潞城 高平 介休 永济 河津 原平 侯马 霍州 孝义 汾阳
15 霍林郭勒 满洲里 牙克石 扎兰屯 额尔古纳 根河 丰镇 乌兰浩特 阿尔山 二连浩特 锡林浩特
21 新民 瓦房店 普兰店 庄河 海城 东港 凤城 凌海 北镇 盖州 大石桥 灯塔 调兵山 开原 北票 凌源 兴城
22 九台 榆树 德惠 蛟河 桦甸 舒兰 磐石 公主岭 双辽 梅河口 集安 临江 洮南 大安 延吉 图们 敦化 珲春 龙井 和龙
23 双城 尚志 五常 讷河 虎林 密山 铁力 同江 富锦 绥芬河 海林 宁安 穆棱 北安 五大连池 安达 肇东 海伦
32 江阴 宜兴 新沂 邳州 溧阳 金坛 常熟 张家港 昆山 吴江 太仓 启东 如皋 通州 海门 东台 大丰 仪征 高邮 江都 丹阳 扬中 句容 兴化 靖江 泰兴 姜堰
33 建德 富阳 临安 余姚 慈溪 奉化 瑞安 乐清 海宁 平湖 桐乡 诸暨 上虞 嵊州 兰溪 义乌 东阳 永康 江山 温岭 临海 龙泉
34 桐城 天长 明光 界首 宁国
35 福清 长乐 永安 石狮 晋江 南安 龙海 邵武 武夷山 建瓯 建阳 漳平 福安 福鼎
36 乐平 瑞昌 贵溪 瑞金 南康 井冈山 丰城 樟树 高安 德兴
37 章丘 胶州 即墨 平度 胶南 莱西 滕州 龙口 莱阳 莱州 蓬莱 招远 栖霞 海阳 青州 诸城 寿光 安丘 高密 昌邑 曲阜 兖州 邹城 新泰 肥城 文登 荣成 乳山 乐陵 禹城 临清
41 巩义 荥阳 新密 新郑 登封 偃师 舞钢 汝州 林州 卫辉 辉县 沁阳 孟州 禹州 长葛 义马 灵宝 邓州 永城 项城 济源
42 大冶 丹江口 宜都 当阳 枝江 老河口 枣阳 宜城 钟祥 应城 安陆 汉川 麻城 武穴 赤壁 广水 恩施 利川 仙桃 潜江 天门
43 浏阳 醴陵 湘乡 韶山 耒阳 常宁 武冈 汨罗 临湘 津市 沅江 资兴 洪江 冷水江 涟源 吉首
44 增城 从化 乐昌 南雄 台山 开平 鹤山 恩平 廉江 雷州 吴川 高州 化州 信宜 高要 四会 兴宁 陆丰 阳春 英德 连州 普宁 罗定
45 岑溪 东兴 桂平 北流 宜州 合山 凭祥
46 五指山 琼海 儋州 文昌 万宁 东方
51 都江堰 彭州 邛崃 崇州 广汉 什邡 绵竹 江油 峨眉山 阆中 华蓥 万源 简阳 西昌
52 清镇 赤水 仁怀 铜仁 兴义 毕节 凯里 都匀 福泉
53 安宁 宣威 楚雄 个旧 开远 景洪 大理 瑞丽 潞西
54 日喀则
61 兴平 韩城 华阴
62 玉门 敦煌 临夏 合作
63 格尔木 德令哈
64 灵武 青铜峡
65 吐鲁番 哈密 昌吉 阜康 博乐 库尔勒 阿克苏 阿图什 喀什 和田 伊宁 奎屯 塔城 乌苏 阿勒泰 石河子 阿拉尔 图木舒克 五家渠
"""
COUNTY_CITIES: frozenset[str] = frozenset(w for ln in _COUNTY_CITY_ROWS.strip().splitlines() for w in ln.split()[1:])
#: autonomous prefectures (XXXX00 …自治州), by the name before their nationality words
PREFECTURES: frozenset[str] = frozenset(
    "延边 恩施 湘西 阿坝 甘孜 凉山 黔西南 黔东南 黔南 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆 临夏 甘南 海北 黄南 "
    "果洛 玉树 海西 昌吉 博尔塔拉 巴音郭楞 克孜勒苏 伊犁".split())
#: city names that are also common words (朝阳产业, 大同, 安康, 中山装 …): read only with their 市
COMMON_WORDS = frozenset("朝阳 大同 安康 中山 普洱 长治 白山 黄山 白银 吉林 海南".split())
