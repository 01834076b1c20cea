"""Find a font with Chinese glyphs for the report's PDF and chain picture (no tofu boxes).

Order: ``CHAINKG_CJK_FONT`` (a .ttf/.otf/.ttc path), the usual install paths of Noto Sans CJK,
WenQuanYi, Droid Sans Fallback, AR PL and the Windows/macOS system fonts, then ``fc-match`` for
``:lang=zh-cn``. A candidate is used only if it really holds the glyphs the report prints; in a
collection (.ttc) the Simplified-Chinese face is preferred. None found → :class:`FontMissing`
with the fix (Debian/Ubuntu: ``apt-get install fonts-noto-cjk``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from chainkg.errors import ChainKGError

__all__ = ["CJKFont", "FontMissing", "find_cjk_font", "FONT_ENV"]

FONT_ENV = "CHAINKG_CJK_FONT"
#: glyphs every report prints (title, verdict words, punctuation): a font lacking one is refused
PROBE = "台州产业链招商分析报告缺失未发现单点依赖薄弱较强已有口径（）、：。“”—·"
CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)


class FontMissing(ChainKGError):
    """No font with Chinese glyphs is installed: the PDF and the chain picture cannot be drawn."""

    code = "cjk_font_missing"
    http_status = 503


@dataclass(frozen=True)
class CJKFont:
    path: Path
    index: int              # face number inside a .ttc collection (0 for a single font)
    family: str
    bold_path: Path | None  # a bold face of the same family, when installed
    bold_index: int = 0


def _faces(path: Path) -> list[tuple[int, str, object]]:
    """(face index, family name, font) of each face the file holds."""
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() in (".ttc", ".otc"):
        fonts = list(TTCollection(str(path), lazy=True).fonts)
    else:
        fonts = [TTFont(str(path), lazy=True)]
    return [(i, str(f["name"].getDebugName(1) or path.stem), f) for i, f in enumerate(fonts)]


def _rank(i: int, family: str) -> tuple:
    return (0 if any(k in family for k in (" SC", " CN", "GB", "Hei", "Fallback")) else 1,
            1 if "Mono" in family else 0, i)


def _pick_face(path: Path) -> tuple[int, str] | None:
    """The first face of ``path`` — Simplified Chinese and proportional first — holding every probe glyph."""
    try:
        faces = _faces(path)
    except Exception:  # noqa: BLE001 - an unreadable or unsupported file is just not a candidate
        return None
    for i, family, font in sorted(faces, key=lambda f: _rank(f[0], f[1])):
        try:
            cmap = font.getBestCmap() or {}
        except Exception:  # noqa: BLE001
            continue
        if all(ord(c) in cmap for c in PROBE):
            return i, family
    return None


def _fc_match() -> list[str]:
    if not shutil.which("fc-match"):
        return []
    try:
        out = subprocess.run(["fc-match", "-s", "-f", "%{file}\n", ":lang=zh-cn"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [line for line in out.splitlines()[:20] if line.lower().endswith((".ttf", ".otf", ".ttc", ".otc"))]


def _bold_of(path: Path, family: str) -> tuple[Path | None, int]:
    for name in (path.name.replace("Regular", "Bold"), path.name.replace("-Regular", "-Medium")):
        cand = path.with_name(name)
        if cand != path and cand.is_file():
            try:
                for i, fam, _ in _faces(cand):
                    if fam.replace(" Bold", "").replace(" Medium", "") == family:
                        return cand, i
            except Exception:  # noqa: BLE001
                pass
    return None, 0


@lru_cache(maxsize=4)
def find_cjk_font(env_value: str | None = None) -> CJKFont:
    """The CJK font to embed (cached); ``env_value`` defaults to ``$CHAINKG_CJK_FONT``."""
    env_value = env_value if env_value is not None else os.environ.get(FONT_ENV, "")
    tried: list[str] = []
    if env_value:
        path = Path(env_value).expanduser()
        face = _pick_face(path) if path.is_file() else None
        if face is None:
            raise FontMissing(f"{FONT_ENV}={env_value} is not a readable font with Chinese glyphs "
                              "(a .ttf, .otf or .ttc file is needed)", entry=env_value)
        return CJKFont(path, face[0], face[1], *_bold_of(path, face[1]))
    for cand in (*CANDIDATES, *_fc_match()):
        path = Path(cand)
        if not path.is_file() or str(path) in tried:
            continue
        tried.append(str(path))
        face = _pick_face(path)
        if face is not None:
            return CJKFont(path, face[0], face[1], *_bold_of(path, face[1]))
    raise FontMissing("no font with Chinese glyphs found for the PDF report and chain picture: install one "
                      "(Debian/Ubuntu: apt-get install fonts-noto-cjk) or set "
                      f"{FONT_ENV}=/path/to/font.ttc|.otf|.ttf" + (f"; tried {', '.join(tried)}" if tried else ""))
