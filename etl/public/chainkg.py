"""ChainKnowledgeGraph (刘焕勇, A-share industry-chain KG) directory → enterprises, products, industries.

What goes into the batch:

* ``company.json`` → Enterprise ``sc-<ts_code>`` (full name, stock code, tag 上市) as an outside
  招商 candidate: ``local`` is true only when a Tushare ``stock_company.json`` (given as another path,
  or found beside) says 台州市; without a city, a firm the store already holds as local stays local;
* ``industry.json`` / ``industry_industry.json`` → Industry ``sw-<code>`` and SUBINDUSTRY_OF;
* ``company_industry.json`` → IN_INDUSTRY;
* ``product.json`` and every product named by a relation → Product ``prod-<name>``;
* ``company_product`` (weighted 主营产品) → MAKES ``{weight}`` and IN_SEGMENT by
  :func:`weighted_segments`;
* ``product_product`` → UPSTREAM_OF (上游材料: to → from; 下游产品: from → to) and SUBTYPE_OF (产品小类).

Why the weighting: a firm is in a segment as much as its revenue is — confidence = Σ share × product
confidence, so 0.87 of revenue in 工业缝纫机 is a strong link and a 2 % side line is none.
"""

from __future__ import annotations

import math
from pathlib import Path

from pydantic import ValidationError

from ontology.errors import InputError
from etl.nlp.classify import classify
from etl.normalize import clean_text, display_name
from etl.public.readers import records
from etl.public.tushare import SOURCE as TUSHARE_SOURCE
from etl.public.tushare import company_index, keep_known, known_id, ts_code
from etl.quarantine import Quarantine
from etl.stored import StoredFirms, stored_firms
from graph.store.port import Batch, GraphStore
from ontology.loader import Ontology
from ontology.models import Enterprise

__all__ = ["build_chainkg", "weighted_segments", "SOURCE", "product_id"]

SOURCE = "ChainKnowledgeGraph (刘焕勇, A股年报/经营范围抽取, 2021)"
MAX_PRODUCTS = 10  # products kept on the enterprise node (largest revenue share first)
_PP = {"上游材料": ("UPSTREAM_OF", True), "下游产品": ("UPSTREAM_OF", False), "产品小类": ("SUBTYPE_OF", True)}


def product_id(name: str) -> str:
    return f"prod-{name}"


def _industry(code: str, name) -> dict:
    """Industry node of a SW2021 code (level from its trailing zeros: 110000 → 1, 110100 → 2)."""
    level = 1 if code.endswith("0000") else 2 if code.endswith("00") else 3
    return {"id": f"sw-{code}", "code": code, "name": str(name).strip(), "level": level,
            "source": "申万行业分类 2021 (via ChainKnowledgeGraph)"}


def weighted_segments(products: list[tuple[str, float]], onto: Ontology, cache: dict, min_confidence: float,
                      source: str = SOURCE) -> list[tuple[str, dict]]:
    """IN_SEGMENT links from weighted products: Σ share × classifier confidence per segment, ≥ threshold.

    Shares are clipped to 0–1 and scaled down when they sum above 1; all-zero shares count equally.
    """
    shares = [min(max(w, 0.0), 1.0) for _, w in products]
    total = sum(shares)
    scale = 1.0 / max(total, 1.0) if total > 0 else 0.0
    if total <= 0:
        shares, scale = [1.0] * len(products), 1.0 / max(len(products), 1)
    acc: dict[str, float] = {}
    ev: dict[str, list[str]] = {}
    for (name, w), share in zip(products, shares):
        if name not in cache:
            cache[name] = [(m.segment_id, m.confidence) for m in classify(None, name, onto)]
        for sid, conf in cache[name]:
            acc[sid] = acc.get(sid, 0.0) + share * scale * conf
            ev.setdefault(sid, []).append(f"{name}({w:.2f})")
    return [(sid, {"method": "classifier", "confidence": round(min(c, 1.0), 4),
                   "evidence": "主营: " + "; ".join(ev[sid]), "source": source})
            for sid, c in sorted(acc.items(), key=lambda kv: (-kv[1], kv[0])) if c >= min_confidence]


class _Reader:
    """Reads one file of the directory, counting rows and collecting quarantine entries."""

    def __init__(self, files: dict[str, Path], report) -> None:
        self.files, self.report = files, report
        self._names: dict[str, str | None] = {}

    def rows(self, stem: str):
        if stem not in self.files:
            return
        path = self.files[stem]
        for row, rec in records(path, self.report.quarantined):
            self.report.rows += 1
            yield path.name, row, rec

    def bad(self, file: str, row: int, fld: str, value, reason: str) -> None:
        self.report.quarantined.append(Quarantine(file, row, fld, "" if value is None else str(value), reason))

    def product(self, raw, file: str, row: int, fld: str) -> str | None:
        """Cleaned product name (cached), or ``None`` after quarantining the row."""
        raw = "" if raw is None else str(raw)
        if raw not in self._names:
            try:
                self._names[raw] = clean_text(raw, max_len=100)
            except ValueError as e:
                self._names[raw] = None
                self.bad(file, row, fld, raw, str(e))
                return None
        name = self._names[raw]
        if name is None:
            self.bad(file, row, fld, raw, "missing or unsafe product name")
        return name


def _companies(rd: _Reader, cities: dict[str, dict]) -> dict[str, dict]:
    """ts_code → {name, file, row, info}; first row wins, a conflicting duplicate is quarantined."""
    out: dict[str, dict] = {}
    for file, row, rec in rd.rows("company"):
        code = ts_code(rec.get("code"))
        if code is None:
            rd.bad(file, row, "code", rec.get("code"), "not a 6-digit stock code")
            continue
        try:
            name = display_name(str(rec.get("fullname") or rec.get("name") or ""))
        except ValueError as e:
            rd.bad(file, row, "fullname", rec.get("fullname"), str(e))
            continue
        if not name:
            rd.bad(file, row, "fullname", "", "missing name")
            continue
        if code in out:
            if out[code]["name"] != name:
                rd.bad(file, row, "code", code, f"duplicate code; kept {out[code]['name']} (first row)")
            continue
        out[code] = {"name": name, "file": file, "row": row, "info": cities.get(code, {})}
    return out


def build_chainkg(files: dict[str, Path], store: GraphStore, onto: Ontology, batch: Batch, report,
                  min_confidence: float) -> None:
    """Add the directory's nodes and relationships to ``batch``; fill ``report``."""
    if "company" not in files:
        raise InputError("the chainkg format needs company.json", file=", ".join(p.name for p in files.values()))
    rd = _Reader(files, report)
    known = stored_firms(store, whole=True)

    def eid(code: str) -> str:
        return known_id(known, code)

    cities = company_index({k: v for k, v in files.items() if k == "stock_company"}, report)
    companies = _companies(rd, cities)
    industries: dict[str, dict] = {}
    for file, row, rec in rd.rows("industry"):
        code, name = str(rec.get("code") or "").strip(), rec.get("name")
        if not code.isdigit() or not name:
            rd.bad(file, row, "code" if not code.isdigit() else "name", code or name, "missing industry code/name")
            continue
        industries.setdefault(code, _industry(code, name))
    for ind in industries.values():
        batch.node("Industry", ind)
    rels: dict[tuple[str, str, str], dict] = {}  # (type, src, dst) -> props; first row wins

    def rel(t: str, s: str, d: str, props: dict | None = None) -> None:
        rels.setdefault((t, s, d), props or {})

    for file, row, rec in rd.rows("industry_industry"):
        a, b = str(rec.get("from_code") or ""), str(rec.get("to_code") or "")
        if a not in industries or b not in industries:
            rd.bad(file, row, "from_code" if a not in industries else "to_code", a if a not in industries else b,
                   "unknown industry code")
            continue
        rel("SUBINDUSTRY_OF", f"sw-{a}", f"sw-{b}")
    for file, row, rec in rd.rows("company_industry"):
        code, ind = ts_code(rec.get("company_code")), str(rec.get("industry_code") or "")
        if ind.isdigit() and ind not in industries and rec.get("industry_name"):  # code missing from industry.json
            industries[ind] = _industry(ind, rec["industry_name"])
            batch.node("Industry", industries[ind])
        if code not in companies or ind not in industries:
            fld = "company_code" if code not in companies else "industry_code"
            rd.bad(file, row, fld, rec.get(fld), "unknown company (not in company.json)" if fld == "company_code"
                   else "unknown industry code")
            continue
        rel("IN_INDUSTRY", eid(code), f"sw-{ind}", {"source": SOURCE})
    report.industries = len(industries)
    products: set[str] = set()
    for file, row, rec in rd.rows("product"):
        if (name := rd.product(rec.get("name"), file, row, "name")) is not None:
            products.add(name)
    makes: dict[str, list[tuple[str, float]]] = {}
    seen: set[tuple[str, str]] = set()
    for file, row, rec in rd.rows("company_product"):
        code = ts_code(rec.get("company_code"))
        if code not in companies:
            rd.bad(file, row, "company_code", rec.get("company_code"), "unknown company (not in company.json)")
            continue
        try:
            weight = float(rec.get("rel_weight"))
            if not math.isfinite(weight):
                raise ValueError
        except (TypeError, ValueError):
            rd.bad(file, row, "rel_weight", rec.get("rel_weight"), "not a number")
            continue
        if (name := rd.product(rec.get("product_name"), file, row, "product_name")) is None:
            continue
        products.add(name)
        if (code, name) not in seen:
            seen.add((code, name))
            makes.setdefault(code, []).append((name, weight))
            rel("MAKES", eid(code), product_id(name), {"weight": round(weight, 6), "source": SOURCE})
    for file, row, rec in rd.rows("product_product"):
        kind = _PP.get(str(rec.get("rel") or ""))
        if kind is None:
            rd.bad(file, row, "rel", rec.get("rel"), f"unknown relation (expected {', '.join(_PP)})")
            continue
        a = rd.product(rec.get("from_entity"), file, row, "from_entity")
        b = rd.product(rec.get("to_entity"), file, row, "to_entity") if a is not None else None
        if a is None or b is None:
            continue
        if a == b:
            rd.bad(file, row, "to_entity", b, "relation of a product to itself")
            continue
        products.update((a, b))
        t, reverse = kind
        s, d = (b, a) if reverse else (a, b)
        rel(t, product_id(s), product_id(d), {"relation": rec["rel"]})
    for name in sorted(products):
        batch.node("Product", {"id": product_id(name), "name": name, "source": SOURCE})
    report.products = len(products)
    _enterprises(companies, makes, known, onto, batch, report, min_confidence)
    for (t, s, d), props in rels.items():
        batch.rel(t, s, d, props)
        report.relations[t] = report.relations.get(t, 0) + 1


def _enterprises(companies: dict, makes: dict, known: StoredFirms, onto: Ontology, batch: Batch, report,
                 min_confidence: float) -> None:
    cache: dict = {}
    for code, c in companies.items():
        info = c["info"]
        old = known.by_stock(code)
        eid = known_id(known, code)
        made = sorted(makes.get(code, []), key=lambda p: (-p[1], p[0]))
        sources = [SOURCE] + ([TUSHARE_SOURCE] if info else [])
        try:
            ent = Enterprise(id=eid, name=c["name"], stock_code=code, city=info.get("city"),
                             local=info.get("city") == "台州市", local_basis="city" if info else None, tags=["上市"],
                             products=[n for n, _ in made[:MAX_PRODUCTS]], sources=sources)
        except ValidationError as e:
            for x in e.errors():
                report.quarantined.append(Quarantine(c["file"], c["row"], ".".join(map(str, x["loc"])), "", x["msg"]))
            continue
        props = ent.props()
        if not info:
            props.pop("local_basis", None)
        if not info and old and old.get("local"):
            props.pop("local")  # no place data here: keep what the store knows (a Taizhou firm stays local)
        batch.node("Enterprise", keep_known(props, old))
        report.enterprises += 1
        if old:  # the store already places this firm: its placement is not overwritten
            continue
        for sid, link in weighted_segments(made, onto, cache, min_confidence):
            batch.rel("IN_SEGMENT", eid, sid, link)
            report.segment_links += 1
