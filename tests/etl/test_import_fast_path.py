"""The import's bulk path gives what the one-row-at-a-time path gave: the same stored graph
(checksum) and the same quarantine entries (file, row, field, value, reason, level), on both stores.

The reference below is the loader as it was before the bulk path (commit 0ebc3a3): every row
validated into an ``Enterprise`` model, classified on its own, resolved and merged as models,
one batch of plain maps. The data repeats values and texts on purpose, so the memos are hit, and
holds bad rows whose bad values repeat (a memoised error must still name its own row).
"""

from __future__ import annotations

import csv
import random

import pytest

from bench.gen import write_enterprises_csv
from etl import loader
from etl.bundle import ontology_batch
from etl.conflicts import find_conflicts
from etl.nlp.classify import assign_segments
from etl.normalize import credit_code_check_char
from etl.quarantine import Quarantine
from etl.readers import read_records
from etl.resolve import merge, resolve_groups
from etl.held import enterprise_props
from etl.validate import Memo, validate_enterprise, validate_fields
from graph.store.port import Batch
from graph.store.sqlite_store import SQLiteStore
from ontology.firms import is_leading
from etl.dataset import PLACES, place
from ontology.loader import load_ontology


def _code(i: int, div: str = "331081") -> str:
    first = f"91{div}MA{i:07d}"
    return first + credit_code_check_char(first)


HEADER = ["统一社会信用代码", "企业名称", "所属区县", "所在城市", "主营产品", "经营范围", "所属环节", "营业收入(万元)",
          "成立日期", "企业标签", "登记状态", "注册资本", "来源"]
BAD = [  # (column, bad value) — each used on several rows
    ("营业收入(万元)", "很多"), ("成立日期", "昨天"), ("所属区县", "火星县"), ("统一社会信用代码", "91331081MA2AAAAA19"),
    ("企业名称", "=HYPERLINK(\"x\")"), ("所属环节", "不存在的环节"), ("登记状态", "飞走了"), ("注册资本", "若干"),
]


def _rows(n: int, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    onto = load_ontology()
    segs = sorted(onto.segments)
    prods = sorted({p for s in onto.segments.values() for p in s.products})[:60]
    counties = ["温岭", "椒江", "黄岩", "路桥", "临海", "玉环", "", "温岭市"]
    rows = []
    for i in range(n):
        p = rng.sample(prods, rng.randint(1, 2))
        row = [_code(i) if rng.random() < 0.8 else "", f"示例{i % 997}号{'甲乙丙'[i % 3]}企业有限公司",
               rng.choice(counties), rng.choice(["台州市", "", "杭州市"]), ";".join(p),
               f"{'、'.join(p)}制造；{rng.choice(['五金销售', '货物进出口'])}", rng.choice(["", "", "", segs[i % len(segs)]]),
               rng.choice(["", "12.5", "1,200", "3亿元", str(i)]), rng.choice(["2019-01-01", "2020/3/4", "", "20180101"]),
               rng.choice(["", "高新技术企业", "专精特新;上市"]), rng.choice(["", "存续", "注销", "吊销，未注销"]),
               rng.choice(["", "500万元人民币", "200万美元"]), rng.choice(["", "名录A"])]
        if i % 13 == 5:  # a bad value, repeated across rows
            col, value = BAD[(i // 13) % len(BAD)]
            row[HEADER.index(col)] = value
        rows.append(row)
    rows.append(list(rows[10]))                     # the same firm twice: a merge
    rows.append([rows[20][0], "另一个名字有限公司"] + rows[20][2:])  # same code, two names: a conflict
    return rows


@pytest.fixture(scope="module")
def data_file(tmp_path_factory):
    p = tmp_path_factory.mktemp("fast") / "firms.csv"
    with p.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(_rows(1500))
    return p


def _q(entries) -> list[tuple]:
    return [(q.file, q.row, q.field, q.value, q.reason, q.level) for q in entries]


def reference_load(store, paths, onto) -> tuple[int, list]:
    """The loader before the bulk path, reduced to enterprise files (no overrides, holdings, supply)."""
    ents, origins, links_of, quarantined = [], [], [], []
    for path in paths:
        spec = loader.sample_spec(path.name)
        spec.files.append(path.name)
        for rec in read_records(path):
            notes: list[Quarantine] = []
            ent, problems = validate_enterprise(rec, onto, default_source=path.name, warnings=notes)
            links = []
            if ent is not None:
                try:
                    matches = assign_segments(rec, onto)
                except loader.InputError as e:
                    problems.append(Quarantine(path.name, rec.get("_row"), "segment", str(rec.get("segment")), e.message))
                    matches = []
                for m in matches:
                    explicit = m.confidence >= 1.0 and any(t.startswith("explicit:") for t in m.matched_terms)
                    if m.confidence >= loader.MIN_CONFIDENCE:
                        links.append((m.segment_id, {
                            "method": "explicit" if explicit else "classifier", "confidence": round(m.confidence, 4),
                            "evidence": (rec.get("segment_evidence") if explicit else None) or "; ".join(m.matched_terms),
                            "source": ent.sources[0]}))
            if problems:
                quarantined.extend(problems)
                continue
            quarantined.extend(notes)
            ents.append(ent)
            origins.append((path.name, rec.get("_row")))
            links_of.append(links)
    drop, conflicts = find_conflicts([(e, f, r) for e, (f, r) in zip(ents, origins)])
    quarantined.extend(conflicts)
    keep = [i for i in range(len(ents)) if i not in drop]
    ents, links_of = [ents[i] for i in keep], [links_of[i] for i in keep]
    origins = [origins[i] for i in keep]
    groups = resolve_groups(ents)
    quarantined.extend(loader.repeated_rows(groups, [e.name for e in ents], [f for f, _ in origins],
                                            [-1 if r is None else r for _, r in origins]))
    batch = ontology_batch(onto)
    merged: dict[str, dict] = {}
    places: dict[str, int] = {}
    for group in groups:
        e = merge([ents[i] for i in group])
        if len(group) > 1:
            e.leading = is_leading(e.tags, e.output, e.revenue)
        batch.node("Enterprise", e.props())
        places.setdefault(e.id, place(e.props()))  # the dataset's composition: a firm's first group
        links = merged.setdefault(e.id, {})
        for i in group:
            for sid, props in links_of[i]:
                links.setdefault(sid, props)
        for sid, props in sorted(links.items()):
            batch.rel("IN_SEGMENT", e.id, sid, props)
        county = onto.county_by_name(e.county) if e.county and e.local else None
        if county:
            batch.rel("LOCATED_IN", e.id, county.id)
    spec.firms = len(merged)
    for i, key in enumerate(PLACES):
        setattr(spec, key, sum(p == i for p in places.values()))
    batch.node("Dataset", spec.props())
    for eid in merged:
        batch.rel("IN_DATASET", eid, spec.id)
    return store.write(batch), quarantined


def test_loader_stores_what_the_row_by_row_path_stored(store, data_file, tmp_path):
    onto = load_ontology()
    report = loader.load_files(store, [data_file], ontology=onto)
    got = store.checksum()
    ref_store = SQLiteStore(tmp_path / "ref.db")
    written, quarantined = reference_load(ref_store, [data_file], onto)
    assert report.written == written
    assert got == ref_store.checksum()
    assert _q(report.quarantined) == _q(quarantined)  # same entries, same order
    # the bad values were repeated: each entry names its own row
    assert {(q.row, q.field) for q in report.quarantined if q.is_error} >= {(2 + i, "revenue") for i in (5,)}
    assert len({q.row for q in report.quarantined if q.field == "segment"}) > 1


def test_memoised_validation_gives_the_same_fields_and_errors(data_file):
    onto = load_ontology()
    memo = Memo(probe=50)  # small probe: unique columns stop being memoised within the test
    hits = 0
    for rec in read_records(data_file):
        ent, problems = validate_enterprise(rec, onto, default_source="f.csv", warnings=(w1 := []))
        fields, errors, warnings = validate_fields(rec, onto, default_source="f.csv", memo=memo)
        assert _q(errors) == _q(problems)
        assert (fields is None) == (ent is None)
        if ent is not None:
            assert enterprise_props(fields) == ent.props()
            assert list(enterprise_props(fields)) == list(ent.props())  # same key order
            assert _q(warnings) == _q(w1)
        hits += bool(errors)
    assert hits > 50


def test_a_generated_registry_export_loads_the_same(tmp_path):
    onto = load_ontology()
    path = write_enterprises_csv(tmp_path / "reg.csv", 800, seed=3, onto=onto, explicit_segments=False)
    fast, ref = SQLiteStore(":memory:"), SQLiteStore(":memory:")
    report = loader.load_files(fast, [path], ontology=onto)
    written, _ = reference_load(ref, [path], onto)
    assert report.written == written and report.segment_links > 0
    assert fast.checksum() == ref.checksum()
    assert set(report.seconds) == set(loader.STEPS)


def test_location_memo_never_reuses_a_note_that_quotes_another_code():
    """Two rows alike but for the credit code: a note quoting the code names each row's own."""
    onto = load_ontology()
    memo = Memo()
    other = [_code(i, "330100") for i in (1, 2)]  # issued in 杭州: contradicts 温岭
    seen = []
    for i, code in enumerate(other):
        rec = {"name": f"示例{i}有限公司", "county": "温岭", "credit_code": code, "_file": "a.csv", "_row": i + 2}
        _, _, warnings = validate_fields(rec, onto, default_source="a.csv", memo=memo)
        seen.append([w.value for w in warnings if w.field == "credit_code"])
    assert seen == [[other[0]], [other[1]]]


def test_help_does_not_import_the_heavy_libraries():
    import subprocess
    import sys

    code = ("import sys, chainkg.cli; heavy = {'spacy', 'pandas', 'neo4j', 'networkx'} & set(sys.modules); "
            "print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_rows_are_made_on_demand_and_read_like_a_list():
    from etl.held import Rows

    made = []
    r = Rows(5, lambda i: made.append(i) or {"i": i})
    assert len(r) == 5 and made == []
    assert r[1:3] == [{"i": 1}, {"i": 2}] and made == [1, 2]
    with pytest.raises(IndexError):
        r[5]
    b = Batch()
    b.nodes["Enterprise"] = r
    assert b.size == 5


ENCODED = {
    "utf-8": "企业名称,所属区县\n甲企业,温岭\n".encode(),
    "utf-8-sig": "企业名称,所属区县\n甲企业,温岭\n".encode("utf-8-sig"),
    "gbk": "企业名称,所属区县\n甲企业,温岭\n".encode("gbk"),
    "utf-16": "企业名称,所属区县\n甲企业,温岭\n".encode("utf-16"),
    "mixed": "企业名称\n甲企业\n".encode() + "乙企业\n".encode("gbk"),
    "control in utf-8": "企业名称\n甲\x07企业\n".encode(),
    "control in gbk": "企业名称\n甲企业\n乙\x07企业\n".encode("gbk"),
    "control and mixed": "企业名称\n甲\x07企业\n".encode() + "乙企业\n".encode("gbk"),
    "undecodable": b"name\n\xff\xfe\xfd\x80abc\n",
    "nul": b"name\nab\x00c\n",
    "png": b"\x89PNG\r\n\x1a\n" + bytes(range(40)),
    "crlf and cr": "企业名称\r\n甲\r乙\n".encode(),
}


@pytest.mark.parametrize("kind", sorted(ENCODED))
def test_streamed_text_equals_the_whole_file_decode(tmp_path, kind, monkeypatch):
    """open_text (streamed, in small chunks here) decodes what decode_text decodes, and refuses
    what it refuses with the same message and row."""
    from etl import encoding

    monkeypatch.setattr(encoding, "STREAM_CHUNK", 7)  # chunk edges inside characters and lines
    p = tmp_path / "f.csv"
    p.write_bytes(ENCODED[kind])

    def outcome(fn):
        try:
            return "ok", fn()
        except loader.InputError as e:
            return "error", str(e)

    whole = outcome(lambda: encoding.decode_text(p.read_bytes(), p.name))
    streamed = outcome(lambda: encoding.open_text(p).read())
    assert streamed == whole
