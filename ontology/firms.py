"""Domain vocabulary about firms and data scope (口径): defined once, imported everywhere.

* **Populations** a dataset can be a census of, and which of them are a census of a chain's firm
  base (so that "no local firm" means the link is missing, 缺失).
* **Leading firms** (龙头): recognised tags, never "listed" (上市) alone.
* **Registration status** (登记状态/经营状态): which words mean the firm still operates.

>>> is_leading(["上市"]), is_leading(["国家级专精特新“小巨人”企业"]), is_leading([], output=150000.0)
(False, True, True)
>>> parse_status("吊销，未注销"), parse_status("存续（在营、开业、在册）"), parse_status("迁出")
(('吊销，未注销', False), ('存续（在营、开业、在册）', True), ('迁出', False))
>>> parse_status("经营异常")[1], parse_status("暂停营业")[1], parse_status("已告解散")[1]
(True, False, False)
>>> population_label("规上工业企业")
'规上口径'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["POPULATIONS", "BASE_POPULATIONS", "SAMPLE_POPULATION", "population_label", "LEADING_TAGS",
           "LEADING_OUTPUT", "canonical_tag", "is_leading", "output_figure", "RANK_ORDER", "number", "size_facts", "rank_key",
           "ACTIVE_WORDS", "INACTIVE_WORDS", "parse_status",
           "TAIZHOU_NAMES", "covers_taizhou"]

#: population → short 口径 label used in verdicts ("缺失（规上口径）")
POPULATIONS: dict[str, str] = {
    "全量登记企业": "全量口径",     # every registered firm (a registry export)
    "规上工业企业": "规上口径",     # industrial firms above designated size (统计局规上名录)
    "上市公司": "上市公司口径",     # listed companies
    "名录": "名录口径",             # a list a user declares as the census of some clusters (--cluster)
    "样本/自填": "样本口径",        # anything else: a sample, says nothing about absence
}
#: populations whose census covers a chain's whole firm base: their absence means 缺失
BASE_POPULATIONS: frozenset[str] = frozenset({"全量登记企业", "规上工业企业"})
SAMPLE_POPULATION = "样本/自填"


def population_label(population: str | None) -> str:
    return POPULATIONS.get(population or SAMPLE_POPULATION, f"{population}口径")


#: canonical leading-firm tags (龙头); tags are matched after :func:`canonical_tag`
LEADING_TAGS: tuple[str, ...] = ("专精特新小巨人", "单项冠军", "隐形冠军", "高新技术企业")
#: output (else revenue) at or above this many 万元 (10亿元) also marks a leading firm
LEADING_OUTPUT = 100_000.0

_TAG_FORMS: tuple[tuple[str, str], ...] = (
    ("小巨人", "专精特新小巨人"),
    ("单项冠军", "单项冠军"),
    ("隐形冠军", "隐形冠军"),
    ("高新技术企业", "高新技术企业"),
    ("高新企业", "高新技术企业"),
)
_QUOTES = re.compile(r"[\"'“”‘’「」『』《》〈〉\s]")


def canonical_tag(tag: str) -> str:
    """A tag as written → its canonical form when it is a known leading-firm tag, else trimmed.

    >>> canonical_tag("国家级专精特新“小巨人”企业"), canonical_tag("制造业单项冠军示范企业"), canonical_tag("上市")
    ('专精特新小巨人', '单项冠军', '上市')
    """
    key = _QUOTES.sub("", unicodedata.normalize("NFKC", tag))
    for form, canon in _TAG_FORMS:
        if form in key:
            return canon
    return tag.strip()


def output_figure(output: float | None, revenue: float | None) -> float | None:
    """A firm's size figure: output, else revenue; ``None`` when it reports neither (never 0).

    >>> output_figure(None, 5.0), output_figure(0.0, 5.0), output_figure(None, None)
    (5.0, 0.0, None)
    """
    return output if output is not None else revenue


#: how every ranked list of firms is ordered, largest first (揭榜挂帅 candidates after the holders of the
#: technology, 招商 pre-selection, the firm list): what is known of each firm, in this order — a 龙头 tag
#: (or output ≥ 10亿元), output (else revenue), listed (an A-share listing is itself a mark of size, above
#: any head count or capital a registry export gives), employees, registered capital in 人民币 — a figure
#: not known ranks below every known one; the id only breaks ties of everything known (never the key)
RANK_ORDER = ("龙头", "产值（营收）", "上市", "员工人数", "注册资本（人民币）")


def number(v) -> float | None:
    """A stored figure as a number: numbers and numeric strings, else ``None`` (Cypher's ``toFloat``).

    >>> number(3), number("12.5"), number("n/a"), number(True)
    (3.0, 12.5, None, None)
    """
    if v is None or type(v) is bool:
        return None
    if type(v) in (int, float):
        return float(v)
    if type(v) is str:
        try:
            return float(v)
        except ValueError:
            return None
    return None


def size_facts(employees, capital, currency, stock_code) -> tuple[float, float, bool]:
    """The scale facts a ranked list reads after leading and output: employees, registered capital in
    人民币 (another currency is not comparable without a rate), listed — each 0 when not known.

    >>> size_facts(7_000, 15_000, None, "600521"), size_facts(None, 500, "美元", None)
    ((7000.0, 15000.0, True), (0.0, 0.0, False))
    """
    cap = number(capital) if (currency or "人民币") == "人民币" else None
    return (number(employees) or 0.0, cap or 0.0, stock_code not in (None, ""))


def rank_key(leading, figure, employees: float, capital: float, listed: bool, fid: str) -> tuple:
    """The sort key of :data:`RANK_ORDER` (ascending sorts the largest first); ``figure``: output, else
    revenue (``None``: not reported); ``employees``, ``capital``, ``listed`` as :func:`size_facts` gives them.

    >>> sorted([rank_key(False, None, 0.0, 5000.0, False, "9133"), rank_key(False, None, 0.0, 0.0, True, "sc-6")])[0][-1]
    'sc-6'
    >>> sorted([rank_key(False, None, 0.0, 5000.0, False, "9133"), rank_key(False, None, 80.0, 0.0, False, "nm-1")])[0][-1]
    'nm-1'
    """
    return (-float(bool(leading)), -(figure if figure is not None else 0.0), -float(listed), -employees, -capital, fid)


def is_leading(tags: list[str] | tuple[str, ...], output: float | None = None, revenue: float | None = None) -> bool:
    """龙头: a leading-firm tag, or output (else revenue) ≥ :data:`LEADING_OUTPUT` 万元."""
    if any(canonical_tag(t) in LEADING_TAGS for t in tags):
        return True
    figure = output_figure(output, revenue)
    return figure is not None and figure >= LEADING_OUTPUT


#: registration-status words: a firm whose status holds an inactive word no longer operates
#: (经营异常 is a list a registered firm is put on, not an end: the firm still exists; 仍注册 is Hong Kong's
#: 存续, 已告解散 its dissolved)
ACTIVE_WORDS: tuple[str, ...] = ("存续", "在业", "在营", "开业", "迁入", "正常", "在册", "登记成立", "确立", "营业",
                                 "经营异常", "仍注册", "核准设立")
INACTIVE_WORDS: tuple[str, ...] = ("注销", "吊销", "撤销", "迁出", "停业", "歇业", "清算", "责令关闭", "除名", "解散",
                                   "破产", "终止", "废止", "暂停营业")


def parse_status(value: str) -> tuple[str, bool]:
    """``(status as written, still operating?)``; ``ValueError`` for a word we do not know.

    Inactive words win ("吊销，未注销" is revoked, not active); "存续（在营、开业、在册）" is active.
    """
    text = unicodedata.normalize("NFKC", value).strip()
    text = text.replace("(", "（").replace(")", "）").replace(",", "，")
    if not text:
        raise ValueError("empty status")
    if any(w in text for w in INACTIVE_WORDS):
        return text, False
    if any(w in text for w in ACTIVE_WORDS):
        return text, True
    raise ValueError("unknown registration status (expected e.g. 存续/在业/开业/迁入 or 注销/吊销/撤销/迁出/停业)")


TAIZHOU_NAMES: tuple[str, ...] = ("台州", "台州市", "浙江省台州市")


def covers_taizhou(region: str | None) -> bool:
    """Whether a dataset's region includes Taizhou (台州, 浙江, 全国; empty = Taizhou by default)."""
    if not region:
        return True
    return any(w in region for w in ("台州", "浙江", "全国", "中国"))
