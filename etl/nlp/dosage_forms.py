"""A drug name followed by a dosage form is a finished drug: 缬沙坦片, 阿托伐他汀钙片, 板蓝根颗粒 — not the API.

What: :func:`dosage_heads` finds, in one line, a form word (片, 缓释片 …, 颗粒, 丸, 滴丸) right after a term of the
API segments (its salt — 钙, 钠, 盐 … — between them), and returns it as a hit of the dosage form's own term
(片剂, 颗粒剂, 丸剂, 滴丸), so the phrase's head is the dosage form and the drug name its modifier.

Why: Chinese compounds are head-final, and a product line names a tablet by the drug it holds. The vocabulary holds the
drug names for the API segments (缬沙坦 → 特色原料药) and the forms as whole words only (片剂, 缓释片), so 缬沙坦片 was read
as the API: a 2720 tablet maker with 主营产品 缬沙坦片、阿托伐他汀钙片 was placed in two API segments and not in 口服固体制剂
(review 40 F6). 胶囊 and 注射液 are vocabulary terms already, so 缬沙坦胶囊 had its head. A form word after anything
else (刹车片, 叶片, PP颗粒) is no hit: only a drug name makes it a dosage form.

>>> class I:
...     api_root, root = "api", {"api-s": "api", "oral": "fin"}
...     credit = {"缬沙坦": [("api-s", 1.0)], "他汀": [("api-s", 1.0)], "片剂": [("oral", 1.0)], "刹车": [("x", 1.0)]}
>>> dosage_heads("缬沙坦片、阿托伐他汀钙片", [(0, 3, "缬沙坦"), (8, 10, "他汀")], I())
[(3, 4, '片剂'), (10, 12, '片剂')]
>>> dosage_heads("刹车片", [(0, 2, "刹车")], I()), dosage_heads("缬沙坦片材", [(0, 3, "缬沙坦")], I())
([], [])
"""

from __future__ import annotations

import re

__all__ = ["dosage_heads", "drug_in_form"]

_FORM_RE = re.compile(r"(?:钙|钠|钾|镁|锌|盐)?(?:(?P<tab>(?:缓释|控释|分散|肠溶|咀嚼|泡腾|口崩|口腔崩解|舌下|含|薄膜衣)?片)"
                      r"|(?P<gran>颗粒)|(?P<drop>滴丸)|(?P<pill>丸))(?!剂|材|状|料|层)")
_TERM = {"tab": "片剂", "gran": "颗粒剂", "drop": "滴丸", "pill": "丸剂"}
_CHARS = ("片", "颗粒", "丸")
_SALT_RE = re.compile(r"(?:钙|钠|钾|镁|锌|盐)?")


def _api(idx, term) -> bool:
    return any(idx.root.get(sid) == idx.api_root for sid, _s in idx.credit.get(term, ()))


def drug_in_form(idx, term, head, gap: str) -> bool:
    """Is ``term`` a drug name inside a dosage form ``head`` (缬沙坦|胶囊, 阿托伐他汀|钙|片剂): an API term right before a
    term of the finished drugs (``idx.api_fallback``'s subtree), with at most a salt between? The drug then names what
    the form holds, not a business of its own (review 40 F6).

    >>> class I:
    ...     api_root, api_fallback, root = "api", "fin", {"api-s": "api", "oral": "fin", "fin": "fin"}
    ...     credit = {"缬沙坦": [("api-s", 1.0)], "胶囊": [("oral", 1.0)], "药": [("fin", 1.0)]}
    >>> drug_in_form(I(), "缬沙坦", "胶囊", ""), drug_in_form(I(), "缬沙坦", "胶囊", "及"), drug_in_form(I(), "胶囊", "缬沙坦", "")
    (True, False, False)
    >>> drug_in_form(I(), "缬沙坦", "药", "")
    False
    """
    fin = idx.api_fallback
    return (bool(idx.api_root) and _SALT_RE.fullmatch(gap) is not None and _api(idx, term)
            and any(sid != fin and idx.root.get(sid) == fin for sid, _s in idx.credit.get(head, ())))


def dosage_heads(line: str, found: list, idx) -> list[tuple[int, int, str]]:
    """``(start, end, form term)`` of each dosage form right after an API term of ``found`` (``(start, end, term)``,
    sorted) that no found term covers; ``idx`` gives ``credit``, ``root`` and ``api_root``."""
    if not idx.api_root or not any(c in line for c in _CHARS):
        return []
    out = []
    for _a, b, t in found:
        if not _api(idx, t):
            continue
        m = _FORM_RE.match(line, b)
        if not m or any(x < m.end() and m.start() < y for x, y, _t in found):
            continue
        term = _TERM[m.lastgroup]
        if idx.credit.get(term):
            out.append((m.start(), m.end(), term))
    return out
