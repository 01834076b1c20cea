"""Build bench/labelled/firms.csv: real A-share firms (products + scope fragments) with hand labels.

Two steps, both deterministic:

``python bench/labelled/build.py candidates``
    picks the firms to label from ChainKnowledgeGraph (刘焕勇, ../shared/data/chainkg-liuhuanyong):
    per 申万 2021 industry group a quota of firms in a fixed pseudo-random order (SHA-1 of the stock
    code), plus firms whose product lines hold a word from one of the known error classes (风机,
    农药, 机车 …), plus every Taizhou-listed firm of ../shared/data/taizhou-listed-companies-derived.
    The pick never looks at the classifier. Prints code, name, SW industry and product lines, for
    labelling by reading.

``python bench/labelled/build.py candidates round2`` / ``round3``
    the next firms of the same groups in the same order (GROUPS_ROUND2 / GROUPS_ROUND3), skipping
    the firms labelled before that round.

``python bench/labelled/build.py candidates round8``
    round 8's held-out set: the next unlabelled ChainKnowledgeGraph firms of the groups (GROUPS_ROUND8) and keyword
    picks, plus ICKG25 patent-holding firms (load_ickg: patent titles as product lines, industries as scope):
    every one with a sewing or toilet word, and ICKG_OTHER others.

``python bench/labelled/build.py candidates round9``
    round 9's held-out set: the next unlabelled ChainKnowledgeGraph firms of the groups (GROUPS_ROUND9) and keyword
    picks over product lines of >= 10 % (KEYWORD_PICKS_ROUND9); no ICKG firm.

``python bench/labelled/build.py candidates round10``
    round 10's held-out set: the next unlabelled firms of the groups (GROUPS_ROUND10), keyword picks over product
    lines of >= 10 % (KEYWORD_PICKS_ROUND10), firms whose 经营范围 fragments hold a sewing or toilet word
    (SCOPE_PICKS_ROUND10), and firms whose data hold 经营范围 fragments only (SCOPE_ONLY_ROUND10).

``python bench/labelled/build.py``
    joins the hand labels (labels.tsv: stock_code, gold_segments, note) with the source data and
    the constructed registry-style records (registry.tsv) into firms.csv.

Columns of firms.csv: kind (listed|scope|registry|ickg; scope = a listed firm whose data hold 经营范围 fragments
only), stock_code, name, products (revenue lines
``name(weight)`` in descending weight order — weights are the data set's revenue shares; the
same revenue can be broken down by product, by industry and by region, so shares may sum > 1),
scope (the data set's lines with the placeholder weight 0.001: fragments of 经营范围, not revenue),
industry (国标行业 门类>大类>中类>小类, registry records only), industry_code, vendor_industry (the listed
firm's Tushare industry label, round 10), gold_segments
(``;``-separated segment ids, empty = outside all seven chains), split (tune|heldout, from a fixed
hash of the stock code), note, source.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(__import__("os").environ.get("CHAINKG_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(HERE))
from ickg_records import SRC_ICKG, _order, ickg_record, ickg_round8, load_ickg  # noqa: E402
CKG = SHARED / "data" / "chainkg-liuhuanyong"
GBT = SHARED / "data" / "gbt4754-2017-wssmao" / "gbt4754_2017_derived.csv"
TZ = SHARED / "data" / "taizhou-listed-companies-derived" / "taizhou_listed_companies.csv"
SCOPE_WEIGHT_MARK = 0.001  # ChainKnowledgeGraph puts 经营范围 fragments in 主营产品 with this weight
HELDOUT_PERCENT = 30
COLUMNS = ["kind", "stock_code", "name", "products", "scope", "industry", "industry_code", "vendor_industry",
           "gold_segments", "split", "note", "source"]
TUSHARE_BASIC = SHARED / "data" / "tushare-dump-wp19991" / "stock_basic.json"
SRC_CKG = ("chainkg-liuhuanyong: reconstructed_from_sovlookup_sql/company_product.jsonl (主营产品, rel_weight) + "
           "company_industry.json (name)")

# (group, 申万 2021 industries, how many firms) — the quota only decides WHICH firms get labelled
GROUPS = [
    ("auto", ["底盘与发动机系统", "其他汽车零部件", "车身附件及饰件", "汽车电子电气系统", "轮胎轮毂", "综合乘用车",
              "商用载客车", "商用载货车", "电动乘用车", "摩托车"], 60),
    ("pharma", ["化学制剂", "中药Ⅲ", "原料药", "其他生物制品", "疫苗", "血液制品", "医疗研发外包", "医药流通",
                "医疗耗材", "动物保健Ⅲ", "线下药店", "医疗设备"], 55),
    ("pump-motor", ["电机Ⅲ", "其他通用设备", "家电零部件Ⅲ", "磁性材料", "制冷空调设备", "工程机械器件"], 40),
    ("mould-plastic", ["其他塑料制品", "改性塑料", "塑料包装", "合成树脂", "管材", "膜材料"], 40),
    ("sewing", ["纺织服装设备"], 99),
    ("smart-toilet", ["卫浴制品", "卫浴电器"], 99),
    ("aerospace", ["航空装备Ⅲ", "航天装备Ⅲ", "军工电子Ⅲ"], 35),
    ("tricky", ["白酒Ⅲ", "其他酒类", "啤酒", "风电整机", "风电零部件", "农药", "轨交设备Ⅲ", "冰洗", "空调",
                "厨房小家电", "保健品", "工程机械整机", "航海装备Ⅲ", "清洁小家电", "个护小家电", "其他家电Ⅲ",
                "厨房电器", "食品及饲料添加剂"], 70),
    ("other", None, 45),  # every industry not named above
]
# firms whose product lines hold a word of a known error class (issue: customer words, 风机, 农药 …)
KEYWORD_PICKS = [("风机|风力发电", 6), ("农药|杀虫剂|除草剂", 4), ("机车|动车组|铁路货车", 4), ("航空发动机", 4),
                 ("汽车玻璃", 2), ("泵系列", 4), ("模锻", 3), ("家居用电机|家用电机", 2), ("商用车|乘用车", 6),
                 ("维修", 4), ("片剂|胶囊", 4), ("磁性材料|钕铁硼|磁钢", 4), ("缝纫|绣花|缝制", 6),
                 ("马桶|坐便|洁具|卫浴", 6)]


# round 2 (docs/log/classifier-rounds.md §1): the next firms of the same groups in the same fixed order, skipping
# every firm already labelled — picked and labelled before the classifier was run on them
GROUPS_ROUND2 = [("auto", 25), ("pharma", 25), ("pump-motor", 12), ("mould-plastic", 12), ("aerospace", 8),
                 ("tricky", 10), ("other", 10)]
GROUPS_ROUND3 = [("auto", 15), ("pharma", 15), ("pump-motor", 8), ("mould-plastic", 8), ("aerospace", 6),
                 ("tricky", 6), ("other", 6)]


# round 7 (docs/log/classifier-rounds.md §1): rounds 1-6 looked at their held-out totals many times, so all their rows
# became tune rows, and a new held-out set was picked (only among firms whose hash split is heldout, so
# silver.py, which reads hash-tune firms only, never saw them) and labelled before the classifier ran on it
GROUPS_ROUND7 = [("auto", 30), ("pharma", 30), ("pump-motor", 15), ("aerospace", 12), ("tricky", 20), ("other", 25)]
# the 塑料, 纺织服装设备 and 卫浴 industries have no unlabelled firm left: keyword picks over product lines of >= 10 %
KEYWORD_PICKS_ROUND7 = [("塑料|注塑|薄膜|塑胶|改性|树脂|管材", 15), ("模具", 6), ("泵", 6), ("卫生陶瓷|洁具|座便|缝纫", 4)]
HELDOUT_LABELS = HERE / "heldout.tsv"

# round 8 (docs/log/classifier-rounds.md §1 step 9): round 7's held-out rows became tune rows; a new held-out set of firms
# never labelled before, from ChainKnowledgeGraph (same groups, SHA-1 order) and from ICKG (patent-holding firms:
# the only public source here with sewing-machine and toilet makers, since ChainKnowledgeGraph has none left)
GROUPS_ROUND8 = [("auto", 28), ("pharma", 28), ("pump-motor", 15), ("aerospace", 10), ("tricky", 20), ("other", 28)]
KEYWORD_PICKS_ROUND8 = [("塑料|注塑|薄膜|塑胶|改性|树脂|管材", 12), ("模具", 5), ("泵", 5), ("电机|马达", 6)]

# round 9 (docs/log/classifier-rounds.md §1 step 11): round 8's held-out rows became tune rows; a new held-out set of
# ChainKnowledgeGraph firms never labelled before. The auto, pump-motor, plastics and aerospace industries have (almost)
# no unlabelled firm left, so most in-chain firms come from keyword picks over product lines of >= 10 % (in the
# "other" industries: the words also pick firms outside the chains — wind 风机, car dealers — which a held-out set
# should test too). No ICKG firm: patent titles are not an input the product reads (§1 step 11).
GROUPS_ROUND9 = [("auto", 2), ("pharma", 30), ("tricky", 14), ("other", 36)]
KEYWORD_PICKS_ROUND9 = [("汽车|车用|摩托|轮毂|制动|转向|变速", 25), ("塑料|注塑|薄膜|塑胶|改性|树脂|管材|聚乙烯|聚丙烯", 14),
                        ("模具", 5), ("泵|电机|马达|压缩机|风机|发电机", 15), ("航空|航天|飞机|无人机", 8),
                        ("缝纫|缝制|马桶|坐便|洁具|卫浴", 4), ("医疗器械|医用|诊断|药", 10)]

# round 10 (docs/log/classifier-rounds.md §1 step 13, criterion written before labelling): round 9's held-out rows move to tune
# (another change); a new held-out set of ChainKnowledgeGraph firms labelled in no earlier round. Random firms of the
# groups (pharma, tricky, other: the only groups with unlabelled firms left), keyword picks over product lines of
# >= 10 % for every cluster the data still has (sewing and toilet words find no such line), trap words of known
# out-of-chain error classes, firms whose 经营范围 fragments name a sewing or toilet product (the hard case: all such
# firms trade or furnish), and listed firms whose data hold 经营范围 fragments only (no revenue line: the nearest
# thing here to a registry export's scope text) — half in SHA-1 order, half with a chain word of these picks.
GROUPS_ROUND10 = [("pharma", 25), ("tricky", 15), ("other", 28)]
KEYWORD_PICKS_ROUND10 = [
    ("汽车|车用|摩托|轮毂|制动|转向|变速|车身|座椅|发动机|活塞|曲轴|底盘|减震|车灯|线束|动力电池|锂电|正极|负极|隔膜|电解液|充电",
     22),
    ("塑料|注塑|薄膜|塑胶|改性|树脂|管材|聚乙烯|聚丙烯|聚氯乙烯|PVC|膜材", 14), ("模具|模架|机床|刀具", 8),
    ("泵|电机|马达|压缩机|风机|发电机|磁性|磁材|钕铁硼|永磁|漆包线|硅钢|轴承|密封|液压", 14),
    ("航空|航天|飞机|无人机|卫星|钛合金|高温合金|碳纤维", 10), ("医疗|医用|诊断|药|生物制品|疫苗|试剂", 6),
    ("风电|风力|农药|机车|动车|轨道|空调|冰箱|洗衣机|家电|保健|船舶|工程机械", 6)]
SCOPE_PICKS_ROUND10 = ("缝纫|缝制|绣花|马桶|坐便|座便|洁具|卫浴|卫生陶瓷", 6)
SCOPE_ONLY_ROUND10 = (8, 8)  # scope-only firms: in SHA-1 order, then with a chain word of KEYWORD_PICKS_ROUND10


def hash_split(code: str) -> str:
    """tune|heldout from a fixed hash of the stock code: the split of rounds 1-6 (chosen before any result
    was seen); from round 7 on it only decides which unlabelled firms may be picked for a held-out set and
    which ones the silver set may use."""
    h = int(hashlib.sha1(f"chainkg-labelled:{code}".encode()).hexdigest()[:8], 16)
    return "heldout" if h % 100 < HELDOUT_PERCENT else "tune"


def split_of(code: str) -> str:
    """tune|heldout of a labelled row: the firms of heldout.tsv (round 7) are held out, every other one tunes."""
    if not hasattr(split_of, "held"):
        split_of.held = ({r["stock_code"] for r in read_tsv(HELDOUT_LABELS)} if HELDOUT_LABELS.exists()
                         else set())
    return "heldout" if code in split_of.held else "tune"


def load_ckg(scope_only: bool = False):
    """ChainKnowledgeGraph firms with revenue lines; with ``scope_only`` also the firms whose 主营产品 holds only
    经营范围 fragments (``rev`` empty; round 10 on — every earlier draw reads the default)."""
    names, industry = {}, {}
    with (CKG / "company_industry.json").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            industry[r["company_code"]] = r["industry_name"]
            names[r["company_code"]] = r["company_name"]
    lines = defaultdict(dict)
    with (CKG / "reconstructed_from_sovlookup_sql" / "company_product.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            names.setdefault(r["company_code"], r["company_name"])
            lines[r["company_code"]].setdefault(r["product_name"], float(r["rel_weight"] or 0))
    firms = {}
    for code, d in lines.items():
        rev = sorted(((p, w) for p, w in d.items() if w != SCOPE_WEIGHT_MARK), key=lambda x: -x[1])
        scope = [p for p, w in d.items() if w == SCOPE_WEIGHT_MARK]
        if rev or (scope_only and scope):
            firms[code] = {"name": names.get(code, ""), "sw": industry.get(code, ""), "rev": rev, "scope": scope}
    return firms


def fmt_products(rev) -> str:
    return "; ".join(f"{p}({w:.2f})" for p, w in rev)


def candidates(firms) -> list[str]:
    import re
    picked: dict[str, str] = {}
    named = {i for _g, inds, _n in GROUPS if inds for i in inds}
    for group, inds, n in GROUPS:
        pool = [c for c in firms if (firms[c]["sw"] in inds if inds else firms[c]["sw"] not in named)]
        for c in sorted(pool, key=_order)[:n]:
            picked.setdefault(c, group)
    for pat, n in KEYWORD_PICKS:
        rx = re.compile(pat)
        pool = [c for c in firms if c not in picked and any(rx.search(p) for p, _w in firms[c]["rev"])]
        for c in sorted(pool, key=_order)[:n]:
            picked[c] = f"kw:{pat}"
    if TZ.exists():
        with TZ.open(encoding="utf-8-sig") as f:
            for r in csv.DictReader(f):
                if r["ts_code"] in firms:
                    picked.setdefault(r["ts_code"], "taizhou")
    return sorted(picked, key=lambda c: (picked[c], c)), picked


def candidates_next(firms, labelled: set, rounds=GROUPS_ROUND2, tag: str = "r2", keyword_picks=(),
                    key=None, kw_name=lambda pat: pat) -> tuple[list[str], dict]:
    """The next ``n`` unlabelled firms of each group of GROUPS (``rounds`` gives each group's ``n``), in the
    SHA-1 order (or ``key``); then for each ``(pattern, n)`` of ``keyword_picks`` the next ``n`` unlabelled,
    unpicked firms with a product line of >= 10 % matching it. Never looks at the classifier."""
    import re
    key = key or _order
    picked: dict[str, str] = {}
    named = {i for _g, inds, _n in GROUPS if inds for i in inds}
    quota = dict(rounds)
    for group, inds, _n in GROUPS:
        pool = [c for c in firms if c not in labelled and c not in picked
                and (firms[c]["sw"] in inds if inds else firms[c]["sw"] not in named)]
        for c in sorted(pool, key=key)[:quota.get(group, 0)]:
            picked[c] = f"{tag}:{group}"
    for pat, n in keyword_picks:
        rx = re.compile(pat)
        pool = [c for c in firms if c not in labelled and c not in picked
                and any(rx.search(p) and w >= 0.1 for p, w in firms[c]["rev"])]
        for c in sorted(pool, key=key)[:n]:
            picked[c] = f"{tag}:kw:{kw_name(pat)}"
    return sorted(picked, key=lambda c: (picked[c], c)), picked


def candidates_round7(firms, labelled: set) -> tuple[list[str], dict]:
    """The new held-out set: per group the first unlabelled firms, those whose hash split is heldout first (the
    silver set never read them), then the others, each part in the SHA-1 order; plus keyword picks for product
    families that the groups no longer supply (plastics and moulds outside the plastics industries, pumps)."""
    return candidates_next(firms, labelled, GROUPS_ROUND7, "r7", KEYWORD_PICKS_ROUND7,
                           key=lambda c: (hash_split(c) != "heldout", _order(c)))


def candidates_round8(firms, labelled: set) -> tuple[list[str], dict]:
    """Round 8's held-out set from ChainKnowledgeGraph: per group the next unlabelled firms in the SHA-1 order,
    plus keyword picks over product lines of >= 10 %; then (ickg_round8) the ICKG firms."""
    return candidates_next(firms, labelled, GROUPS_ROUND8, "r8", KEYWORD_PICKS_ROUND8)


def candidates_round9(firms, labelled: set) -> tuple[list[str], dict]:
    """Round 9's held-out set: per group the next unlabelled firms in the SHA-1 order, then keyword picks over
    product lines of >= 10 % (KEYWORD_PICKS_ROUND9), each in the SHA-1 order. Never looks at the classifier."""
    return candidates_next(firms, labelled, GROUPS_ROUND9, "r9", KEYWORD_PICKS_ROUND9,
                           kw_name=lambda pat: pat.split("|")[0])


def candidates_round10(firms, labelled: set) -> tuple[list[str], dict]:
    """Round 10's held-out set (``firms`` from ``load_ckg(scope_only=True)``): the groups and keyword picks of
    candidates_next over firms with revenue lines, then SCOPE_PICKS_ROUND10 over their 经营范围 fragments, then the
    scope-only firms (SCOPE_ONLY_ROUND10), each in the SHA-1 order. Never looks at the classifier."""
    import re
    lined = {c: f for c, f in firms.items() if f["rev"]}
    _order_, why = candidates_next(lined, labelled, GROUPS_ROUND10, "r10", KEYWORD_PICKS_ROUND10,
                                   kw_name=lambda pat: pat.split("|")[0])
    pat, n = SCOPE_PICKS_ROUND10
    pool = [c for c in lined if c not in labelled and c not in why
            and any(re.search(pat, s) for s in lined[c]["scope"])]
    why.update({c: "r10:scope-kw:缝纫" for c in sorted(pool, key=_order)[:n]})
    only = sorted((c for c in firms if not firms[c]["rev"] and c not in labelled), key=_order)
    n_random, n_word = SCOPE_ONLY_ROUND10
    why.update({c: "r10:scope-only" for c in only[:n_random]})
    chain = re.compile("|".join(p for p, _n in KEYWORD_PICKS_ROUND10[:-1]))
    worded = [c for c in only if c not in why and any(chain.search(s) for s in firms[c]["scope"])]
    why.update({c: "r10:scope-only:kw" for c in worded[:n_word]})
    return sorted(why, key=lambda c: (why[c], c)), why


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        rows = [ln.rstrip("\n").split("\t") for ln in f if ln.strip() and not ln.startswith("#")]
    head, body = rows[0], rows[1:]
    return [dict(zip(head, r + [""] * (len(head) - len(r)))) for r in body]


def gb_names() -> dict[str, str]:
    """GB/T 4754-2017 code -> name (../shared/data/gbt4754-2017-wssmao)."""
    with GBT.open(encoding="utf-8") as f:
        return {r["code"]: r["name"] for r in csv.DictReader(f) if r["code"] and r["name"]}


def industry_path(code: str, names: dict[str, str]) -> str:
    """'C3670' -> '制造业>汽车制造业>汽车零部件及配件制造>汽车零部件及配件制造' (门类>大类>中类>小类)."""
    letter, digits = code[0], code[1:]
    parts = [letter] + [digits[:n] for n in (2, 3, 4) if len(digits) >= n]
    missing = [p for p in parts if p not in names]
    if missing:
        raise SystemExit(f"industry code {code}: {missing} not in GB/T 4754-2017 table")
    return ">".join(names[p] for p in parts)


def vendor_labels() -> dict[str, str]:
    """ts_code -> Tushare industry label (stock_basic.json, May 2024; ../shared/data/tushare-dump-wp19991): the 所属行业
    a listed firm's record carries (round 10: fed to the classifier as ``industry``, docs/log/classifier-rounds.md §1 step 12)."""
    with TUSHARE_BASIC.open(encoding="utf-8") as f:
        d = json.load(f)
    return {code: d["industry"][k] for k, code in d["ts_code"].items() if d["industry"].get(k)}


def build() -> int:
    firms = load_ckg(scope_only=True)
    vendor = vendor_labels()
    gb = gb_names()
    out = []
    held = read_tsv(HELDOUT_LABELS) if HELDOUT_LABELS.exists() else []
    ickg = None
    for lab in read_tsv(HERE / "labels.tsv") + held:
        code = lab["stock_code"]
        if code.startswith("ICKG-"):
            ickg = ickg if ickg is not None else load_ickg()
            if code not in ickg:
                raise SystemExit(f"{HELDOUT_LABELS.name}: {code} is not a patent-holding firm of ICKG25")
            products, scope = ickg_record(ickg[code])
            out.append({"kind": "ickg", "stock_code": code, "name": ickg[code]["name"], "products": products,
                        "scope": scope, "industry": "", "industry_code": "", "vendor_industry": "",
                        "gold_segments": lab["gold_segments"],
                        "split": split_of(code), "note": lab["note"], "source": SRC_ICKG})
            continue
        if code not in firms:
            raise SystemExit(f"labels: {code} has no product lines or scope fragments in ChainKnowledgeGraph")
        f = firms[code]
        out.append({"kind": "listed" if f["rev"] else "scope", "stock_code": code, "name": f["name"],
                    "products": fmt_products(f["rev"]),
                    "scope": "、".join(f["scope"]), "industry": "", "industry_code": "",
                    "vendor_industry": vendor.get(code, ""), "gold_segments": lab["gold_segments"], "split": split_of(code), "note": lab["note"],
                    "source": SRC_CKG})
    for r in read_tsv(HERE / "registry.tsv"):
        out.append({"kind": "registry", "stock_code": r["id"], "name": r["name"], "products": r["products"],
                    "scope": r["scope"], "industry": industry_path(r["industry_code"], gb),
                    "industry_code": r["industry_code"], "vendor_industry": "",
                    "gold_segments": r["gold_segments"], "split": split_of(r["id"]), "note": r["note"],
                    "source": "constructed (fictional registry-style record written for this bench)"})
    with (HERE / "firms.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(out)
    print(f"wrote {len(out)} rows to {HERE / 'firms.csv'}")
    return 0



def print_candidates(firms, order, why, *, scope_only: int = 8) -> None:
    """One line a drawn firm: code, name, industry, why it was drawn, its top product lines and its 经营范围 (the
    first 8 fragments; ``scope_only`` of them for a firm with no product line)."""
    for c in order:
        f = firms[c]
        print(f"{c}\t{f['name']}\t{f['sw']}\t[{why[c]}]\t{fmt_products(f['rev'][:10])}"
              f"\t|scope: {'、'.join(f['scope'][:8 if f['rev'] else scope_only])}")

def main() -> int:
    if sys.argv[1:2] == ["candidates"]:
        firms = load_ckg()
        if sys.argv[2:3] == ["round8"]:
            # run against labels.tsv (rounds 1-7, round 7's held-out rows folded in): a labelled firm is skipped
            labelled = {r["stock_code"] for r in read_tsv(HERE / "labels.tsv")}
            order, why = candidates_round8(firms, labelled)
            ickg = load_ickg()
            iorder, iwhy = ickg_round8(ickg, labelled)
            print_candidates(firms, order, why)
            for k in iorder:
                f = ickg[k]
                print(f"{k}\t{f['name']}\t-\t[{iwhy[k]}]\t{'; '.join(f['patents'][:8])}\t|scope: {'、'.join(f['industries'][:8])}")
            print(len(order) + len(iorder), file=sys.stderr)
            return 0
        if sys.argv[2:3] == ["round10"]:
            # run against the labels of rounds 1-9 (labels.tsv + heldout.tsv without the [r10] rows): a firm labelled
            # before round 10 is skipped, so the draw stays the same after its own rows were added
            firms = load_ckg(scope_only=True)
            labelled = {r["stock_code"] for r in read_tsv(HERE / "labels.tsv") + read_tsv(HELDOUT_LABELS)
                        if not r["note"].startswith("[r10]")}
            order, why = candidates_round10(firms, labelled)
            print_candidates(firms, order, why, scope_only=30)
            print(len(order), file=sys.stderr)
            return 0
        if sys.argv[2:3] == ["round9"]:
            # run against labels.tsv (rounds 1-8, round 8's held-out rows folded in): a labelled firm is skipped
            labelled = {r["stock_code"] for r in read_tsv(HERE / "labels.tsv")}
            order, why = candidates_round9(firms, labelled)
        elif sys.argv[2:3] == ["round7"]:
            labelled = {r["stock_code"] for r in read_tsv(HERE / "labels.tsv")}
            order, why = candidates_round7(firms, labelled)
        elif sys.argv[2:3] in (["round2"], ["round3"]):
            # run against the labels as they were before that round: a labelled firm is skipped
            labelled = {r["stock_code"] for r in read_tsv(HERE / "labels.tsv")
                        if sys.argv[2] == "round3" or not r["note"].startswith("[r")}
            rounds, tag = (GROUPS_ROUND2, "r2") if sys.argv[2] == "round2" else (GROUPS_ROUND3, "r3")
            order, why = candidates_next(firms, labelled, rounds, tag)
        else:
            order, why = candidates(firms)
        print_candidates(firms, order, why)
        print(len(order), file=sys.stderr)
        return 0
    return build()


if __name__ == "__main__":
    raise SystemExit(main())
