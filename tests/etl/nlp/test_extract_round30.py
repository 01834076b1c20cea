"""Round 30 (issue 15 point 1): a counted list of a place's industries names clusters whatever word qualifies it
(N大/N个 + any qualifier + 产业), with its names before or after the count; a future list and a bare count do not."""

from etl.nlp.framework_lists import counted_industries
from tests.etl.nlp.plan_facts import clusters


def test_any_qualifier_before_the_head_names_clusters():
    found = clusters("即重点发展电子信息、化工新材料、纺织化纤三大引领产业。")
    assert found == {"电子信息": None, "化工新材料": None, "纺织化纤": None}
    found = clusters("聚焦现代金融、人工智能、“科幻+”、工业互联网、未来健康五大前沿产业,以机制为核心抓手。")
    assert set(found) == {"现代金融", "人工智能", "科幻+", "工业互联网", "未来健康"}


def test_a_list_broken_over_lines_after_its_comma_is_one_list():
    text = "即重点发展电子信息、化工新材料、\n纺织化纤三大引领产业\n优化提升冶金、建材、\n食品、轻工四大基础产业\n"
    assert set(clusters(text)) == {"电子信息", "化工新材料", "纺织化纤", "冶金", "建材", "食品", "轻工"}


def test_names_after_the_count_and_the_one_a_except_clause_names():
    text = "全市八大主导产业除电子信息产业外,绿色化工、金属材料、高端纸业、现代能源、硅基材料、海工装备、特色食品"
    assert set(clusters(text)) == {"电子信息", "绿色化工", "金属材料", "高端纸业", "现代能源", "硅基材料", "海工装备", "特色食品"}
    assert set(clusters("优化提升三大特色优势产业,包括生物医药、体育器械、特色轻工纺织,以现有优势为依托。")) == {
        "生物医药", "体育器械", "特色轻工纺织"}


def test_precision_no_qualifier_no_future_no_clause_after_the_count():
    assert clusters("动力电池、新能源汽车、光伏三大产业同比增长20%。") == {}  # no qualifier: a growth figure's products
    assert clusters("培育新材料、新能源、节能环保等三大未来产业。") == {}  # fields still to grow
    assert clusters("全市三大特色优势产业,生物医药、体育器械、特色轻工纺织分别增长5%、6%、7%。") == {}  # a clause of results
    assert clusters("全市三大特色优势产业,包括生物医药、体育器械同比增长。") == {}  # the count does not fit
    s = "壮大汽车、医药、模具与塑料等三大千亿产业,培育新材料、新能源、节能环保等三大未来产业"
    assert [n for n, _l, _s in counted_industries(s)] == ["汽车", "医药", "模具与塑料"]  # 培育… opens a clause
    assert clusters("电子信息、装备制造、新材料等产业发展迅速。") == {}  # an uncounted list in running text stays unread
