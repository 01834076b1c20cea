"""Label wrapping for the chain picture and the overview's chart: how wide a text renders, and
where to break it — Chinese between characters (never before closing punctuation, lines balanced),
English between words.

Why its own module: text measuring is one concept with its own rules, used by the chain picture's
layout (:mod:`ui.chain_layout`) and by the overview's county chart (column names), and testable
without any chart.

>>> wrap("智能网联汽车系统与车载电子", 7)
['智能网联汽车系', '统与车载电子']
>>> wrap("NEV electric powertrain (battery, motor, control)", 10)
['NEV electric', 'powertrain', '(battery, motor,', 'control)']
>>> wrap("车规级芯片与电子元器件，以及传感器", 5)
['车规级芯片', '与电子元器', '件，以及传', '感器']
"""

from __future__ import annotations

import unicodedata

__all__ = ["text_width", "wrap"]


def text_width(text: str) -> float:
    """Rendered width in ems (CJK and full-width = 1, Latin about 0.55, capitals more, spaces less)."""
    w = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            w += 1.0
        elif ch == " ":
            w += 0.28
        elif ch.isupper() or ch in "mwMW@%&":
            w += 0.68
        elif ch in "il.,:;'|!()[]":
            w += 0.3
        else:
            w += 0.55
    return w


_NO_LINE_START = set("，。、；：？！）》」』】〕,.;:?!)]}%")


def wrap(text: str, max_em: float) -> list[str]:
    """Lines of at most ``max_em`` ems: English breaks between words, Chinese between characters (never
    before closing punctuation); a word longer than a line is cut. Chinese is balanced: as many lines as
    needed, each as even as they can be (no lone character left on the last line)."""
    lines = _greedy(text, max_em)
    wide = sum(unicodedata.east_asian_width(ch) in ("W", "F") for ch in text)
    if len(lines) < 2 or wide * 2 < len(text):  # English keeps its greedy lines (no hyphen splits to balance)
        return lines
    lo, hi = max_em / 2, max_em  # the narrowest width that still gives the same number of lines
    for _ in range(12):
        mid = (lo + hi) / 2
        if len(_greedy(text, mid)) == len(lines):
            hi = mid
        else:
            lo = mid
    return _greedy(text, hi)


def _greedy(text: str, max_em: float) -> list[str]:
    tokens: list[str] = []
    for ch in text:  # a token: a run of Latin letters/digits (with its trailing space), or one CJK char
        if unicodedata.east_asian_width(ch) in ("W", "F") or not tokens or tokens[-1].endswith((" ", "-", "/")) \
                or unicodedata.east_asian_width(tokens[-1][-1]) in ("W", "F"):
            if ch in _NO_LINE_START and tokens:
                tokens[-1] += ch
            else:
                tokens.append(ch)
        else:
            tokens[-1] += ch
    lines: list[str] = []
    cur = ""
    for tok in tokens:
        if cur and text_width((cur + tok).rstrip()) > max_em:
            lines.append(cur.rstrip())
            cur = tok.lstrip()
        else:
            cur += tok
        while text_width(cur.rstrip()) > max_em and len(cur) > 1:  # one word wider than a line
            cut = len(cur)
            while cut > 1 and text_width(cur[:cut]) > max_em:
                cut -= 1
            lines.append(cur[:cut])
            cur = cur[cut:]
    if cur.strip():
        lines.append(cur.rstrip())
    return lines or [""]
