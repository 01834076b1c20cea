"""国标行业 cells as exports write them: a class name, or its code in front of it (``2720 化学药品制剂制造``).

What: :func:`split_code` reads one cell — ``F 批发和零售业``, ``51 批发业``, ``C2720``, ``[2720]化学药品制剂制造``,
``2720-化学药品制剂制造`` — into ``(code, name)``; :func:`names` gives the names of a record's 国标行业 value (a list of
levels, or one path joined by ``> / | →``) without their codes; :func:`written_code` the most specific code written in
front of them, checked as :func:`written_code` says.

Why: GB/T 4754-2017's own tables and several export tools print a class as "CODE NAME", and a 国标行业门类/大类/中类/
小类 column written so was read as an unknown name: the class was lost for every row of such a file (review 40 F1 — a
wholesaler under ``F 批发和零售业 / 51 批发业`` was placed as a motor maker; F6 — a 2720 tablet maker as two API makers).
A code is taken only when its 门类 letter, if written, is the letter of its 大类 (C for 13–43, F for 51–52 …); a
letter alone is a code only before a space or a name (``IT设备``, a vendor label, is a name).

>>> split_code("F 批发和零售业"), split_code("2720-化学药品制剂制造"), split_code("【C2720】化学药品制剂制造")
(('F', '批发和零售业'), ('C2720', '化学药品制剂制造'), ('C2720', '化学药品制剂制造'))
>>> split_code("C2720"), split_code("IT设备"), split_code("F 2720 化学药品制剂制造"), split_code("批发业")
(('C2720', None), (None, 'IT设备'), (None, 'F 2720 化学药品制剂制造'), (None, '批发业'))
>>> names(["C 制造业", "27 医药制造业", "272 化学药品制剂制造", "2720 化学药品制剂制造"])
['制造业', '医药制造业', '化学药品制剂制造', '化学药品制剂制造']
>>> names("F 批发和零售业 > 51 批发业"), written_code("F 批发和零售业 > 51 批发业")
(['批发和零售业', '批发业'], 'F51')
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["SECTION_OF", "section_of", "split_code", "names", "written_code", "code_conflict", "read"]

#: 门类 letter of each 2-digit 大类 range (for codes given with or without the letter)
SECTION_OF = {
    "A": range(1, 6), "B": range(6, 13), "C": range(13, 44), "D": range(44, 47), "E": range(47, 51),
    "F": range(51, 53), "G": range(53, 61), "H": range(61, 63), "I": range(63, 66), "J": range(66, 70),
    "K": range(70, 71), "L": range(71, 73), "M": range(73, 76), "N": range(76, 80), "O": range(80, 83),
    "P": range(83, 84), "Q": range(84, 86), "R": range(86, 91), "S": range(91, 97), "T": range(97, 98),
}
_CELL_RE = re.compile(r"^\s*[\[【(（]?\s*(?:([A-Ta-t])(?=[\s\d\]】)）\-—–:：.、]|$))?\s*(\d{2,4})?\s*[\]】)）]?"
                      r"\s*[-—–:：.、]?\s*(.*?)\s*$")
_SPLIT_RE = re.compile(r"\s*(?:>|/|\||→)\s*")
_CODEISH_RE = re.compile(r"^\s*[\[【(（]?\s*[A-Ta-t]?\s*\d{2,4}")


def section_of(digits: str) -> str | None:
    """The 门类 letter of a class code's digits (``2720`` → ``C``), ``None`` for no 大类."""
    d = int(digits[:2])
    return next((letter for letter, r in SECTION_OF.items() if d in r), None)


def split_code(cell) -> tuple[str | None, str | None]:
    """``(code, name)`` of one 国标行业 cell (module doc); ``(None, cell)`` when no code is written in front of it."""
    text = str(cell or "").strip()
    m = _CELL_RE.match(text)
    if not m or not (m.group(1) or m.group(2)) or re.match(r"\d", m.group(3) or ""):
        return None, text or None
    letter, digits, name = (m.group(1) or "").upper(), m.group(2) or "", m.group(3) or None
    if name and not re.match(r"[\u4e00-\u9fff]", name):
        return None, text
    if digits:
        right = section_of(digits)
        if right is None or (letter and letter != right):
            return None, text
        letter = right
    return letter + digits, name


def _key(industry):
    """A hashable form of a 国标行业 value (a path string, or a tuple of its cells; a tuple is taken as it is — what
    :func:`read` returns)."""
    if industry is None or isinstance(industry, (str, tuple)):
        return industry
    return tuple(str(x).strip() for x in industry if str(x or "").strip())


#: the first characters a code cell can start with (a fast path: most cells are names)
_CODE_START = frozenset("0123456789[【(（" + "ABCDEFGHIJKLMNOPQRSTabcdefghijklmnopqrst")


@lru_cache(maxsize=8192)
def _pairs_of(key) -> tuple[tuple[str | None, str | None], ...]:
    if key is None:
        return ()
    parts = [p for p in _SPLIT_RE.split(key.strip()) if p] if isinstance(key, str) else key
    if not any(p[:1] in _CODE_START for p in parts):
        return tuple((None, p) for p in parts)
    out: list[tuple[str | None, str | None]] = []
    for part in parts:
        code, name = split_code(part)
        if code is None and out and out[-1][1] is None and out[-1][0]:
            out[-1] = (out[-1][0], name)
        else:
            out.append((code, name))
    return tuple(out)


def _pairs(industry) -> tuple[tuple[str | None, str | None], ...]:
    """``(code, name)`` per cell; a code alone before a name without one is that name's (``2720`` ``化学药品制剂制造``,
    as a ``2720-化学药品制剂制造`` path splits)."""
    return _pairs_of(_key(industry))


def names(industry) -> list[str]:
    """The class names of a record's 国标行业 value, most general first, without codes written in front."""
    return list(_names_of(_key(industry)))


@lru_cache(maxsize=8192)
def _names_of(key) -> tuple[str, ...]:
    return tuple(n for _c, n in _pairs_of(key) if n)


def read(industry, known=None) -> tuple[tuple[str, ...], str | None]:
    """``(names, written code)`` of a 国标行业 value at once (:func:`names`, :func:`written_code`): what the classifier
    reads a record's value as, once per record. ``names`` is a tuple, which the functions here take as it is."""
    key = _key(industry)
    return _names_of(key), _read(key, known)[0]


def written_code(industry, known=None) -> str | None:
    """The most specific code written in the cells (letter + digits: ``C2720``, ``F51``; a letter alone: ``F``).

    A code is dropped where ``known`` (a function: name → the codes the tables give it, or ``None``) says its name is
    another class, and where a finer code does not start with the coarser ones before it (``27`` then ``3553``): a
    contradiction leaves the names to speak.

    >>> written_code(["C 制造业", "27 医药制造业", "3553 缝制机械制造"]), written_code(["C2720"]), written_code(["制造业"])
    (None, 'C2720', None)
    >>> written_code(["51 化学药品制剂制造"], lambda n: {"272", "2720"} if n == "化学药品制剂制造" else None)
    """
    return _read(_key(industry), known)[0]


def code_conflict(industry, known=None) -> bool:
    """Is a code written in the cells left unused — its 门类 letter wrong, its name another class, or out of line with
    the codes above it? (The loader warns: :mod:`etl.field_rules`.)

    >>> code_conflict(["C 制造业", "F2720 化学药品制剂制造"]), code_conflict(["C 制造业", "27 医药制造业", "2720 化学药品制剂制造"])
    (True, False)
    """
    return _read(_key(industry), known)[1]


@lru_cache(maxsize=8192)
def _read(key, known) -> tuple[str | None, bool]:
    best, conflict = "", False
    for code, name in _pairs_of(key):
        if not code:
            conflict = conflict or bool(name and _CODEISH_RE.match(name))
            continue
        if known is not None and name and len(code) > 1 and (codes := known(name)) and code[1:] not in codes:
            conflict = True
            continue
        if not code.startswith(best[:1]) or not code[1:].startswith(best[1:]):
            return None, True
        if len(code) >= len(best):
            best = code
    return best or None, conflict
