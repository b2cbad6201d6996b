"""Faces for the scripts the shipped fonts lack: Chinese, Japanese, Korean, emoji.

The shipped faces (DejaVu, EB Garamond) cover Latin, Greek, Cyrillic, Hebrew and Arabic.
For the rest, a system font is looked for where each system keeps its own (Windows'
Microsoft YaHei or SimSun, macOS' PingFang or Hiragino, Linux's Noto CJK, WenQuanYi or
Droid); where none loads, ReportLab's built-in CID fonts (STSong-Light, HeiseiMin-W3,
HYSMyeongJo-Medium) still print the characters, the viewer or printer supplying the
shapes. Emoji print only with a system font that has them in outline (Segoe UI Emoji,
Symbola, Noto Emoji); colour-bitmap emoji fonts cannot be drawn into a PDF.

Text is set per run: each character in the face asked for when it has it, else in the
first fallback that does (`font_runs`); what no face has is reported by
`missing_characters`, for a warning on the piece.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

CJK_FACE = "BoutiqueCJK"
EMOJI_FACE = "BoutiqueEmoji"
CID_CHINESE = "STSong-Light"
CID_JAPANESE = "HeiseiMin-W3"
CID_KOREAN = "HYSMyeongJo-Medium"
CID_FACES = (CID_CHINESE, CID_JAPANESE, CID_KOREAN)


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"


def cjk_candidates() -> list[Path]:
    """Where each system keeps a font with Chinese, Japanese and Korean in TrueType."""
    if sys.platform.startswith("win"):
        fonts = _windows_fonts()
        return [fonts / name for name in ("msyh.ttc", "msyh.ttf", "simsun.ttc", "msgothic.ttc",
                                          "malgun.ttf")]
    if sys.platform == "darwin":
        return [Path(p) for p in ("/System/Library/Fonts/PingFang.ttc",
                                  "/System/Library/Fonts/Hiragino Sans GB.ttc",
                                  "/System/Library/Fonts/STHeiti Light.ttc",
                                  "/Library/Fonts/Arial Unicode.ttf",
                                  "/System/Library/Fonts/Supplemental/Arial Unicode.ttf")]
    roots = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
             Path.home() / ".local/share/fonts"]
    names = ("opentype/noto/NotoSansCJK-Regular.ttc", "noto-cjk/NotoSansCJK-Regular.ttc",
             "truetype/noto/NotoSansCJK-Regular.ttc", "truetype/wqy/wqy-microhei.ttc",
             "truetype/wqy/wqy-zenhei.ttc", "wenquanyi/wqy-microhei/wqy-microhei.ttc",
             "truetype/droid/DroidSansFallbackFull.ttf", "truetype/droid/DroidSansFallback.ttf",
             "google-droid-sans-fonts/DroidSansFallbackFull.ttf")
    return [root / name for root in roots for name in names]


def emoji_candidates() -> list[Path]:
    """Fonts with emoji drawn in outline (ReportLab cannot embed colour bitmaps)."""
    if sys.platform.startswith("win"):
        fonts = _windows_fonts()
        return [fonts / "seguiemj.ttf", fonts / "seguisym.ttf"]
    if sys.platform == "darwin":
        return [Path("/Library/Fonts/Symbola.ttf"),
                Path.home() / "Library/Fonts/Symbola.ttf"]
    roots = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
             Path.home() / ".local/share/fonts"]
    names = ("truetype/noto/NotoEmoji-Regular.ttf", "truetype/ancient-scripts/Symbola_hint.ttf",
             "truetype/ancient-scripts/Symbola.ttf", "TTF/Symbola.ttf")
    return [root / name for root in roots for name in names]


def _load(prefix: str, candidates: Sequence[Path]) -> str:
    """Register the first candidate ReportLab can read; its face name, or "" when none."""
    for path in candidates:
        if not path.is_file():
            continue
        face = f"{prefix}-{path.stem}"
        try:  # CFF-outline OpenType (some Noto CJK builds) is refused: try the next
            pdfmetrics.registerFont(TTFont(face, str(path), subfontIndex=0))
        except Exception:  # any font file ReportLab cannot read just does not count
            continue
        return face
    return ""


@dataclass(frozen=True)
class Fallbacks:
    """The faces to fall back on, in order: a system CJK face, the CID faces, emoji."""

    cjk: str = ""  # a registered TrueType face, or "" (the CID faces then serve)
    emoji: str = ""

    def faces_for(self, ch: str, context: str) -> list[str]:
        """The fallbacks worth trying for `ch`, best first."""
        faces = [self.cjk] if self.cjk else []
        if is_cjk(ch):
            faces.append(_cid_for(context))
        if self.emoji:
            faces.append(self.emoji)
        return faces


@cache
def system_fallbacks() -> Fallbacks:
    """Looked for once per process, on the paths of the system it runs on."""
    return fallbacks_from(tuple(cjk_candidates()), tuple(emoji_candidates()))


@cache
def fallbacks_from(cjk_paths: tuple[Path, ...] = (),
                   emoji_paths: tuple[Path, ...] = ()) -> Fallbacks:
    """The fallbacks found on these paths (none: the CID faces alone, no emoji)."""
    _register_cid()
    return Fallbacks(cjk=_load(CJK_FACE, cjk_paths), emoji=_load(EMOJI_FACE, emoji_paths))


@cache
def _register_cid() -> None:
    for face in CID_FACES:
        pdfmetrics.registerFont(UnicodeCIDFont(face))


_CJK_RANGES = ((0x1100, 0x11FF), (0x2E80, 0x2FDF), (0x3000, 0x30FF), (0x3130, 0x318F),
               (0x31C0, 0x31FF), (0x3200, 0x4DBF), (0x4E00, 0x9FFF), (0xA960, 0xA97F),
               (0xAC00, 0xD7FF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
               (0x20000, 0x2FA1F))


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def _is_kana(ch: str) -> bool:
    return 0x3040 <= ord(ch) <= 0x30FF or 0x31F0 <= ord(ch) <= 0x31FF


def _is_hangul(ch: str) -> bool:
    code = ord(ch)
    return 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


def _cid_for(context: str) -> str:
    """Han characters read as Japanese beside kana, as Korean beside hangul."""
    if any(_is_kana(ch) for ch in context):
        return CID_JAPANESE
    if any(_is_hangul(ch) for ch in context):
        return CID_KOREAN
    return CID_CHINESE


def covers(font_name: str, ch: str) -> bool:
    """Whether the registered face draws `ch` (a CID face: its script's ranges)."""
    if font_name in CID_FACES:
        return is_cjk(ch)
    glyphs = _glyphs(font_name)
    if glyphs is None:  # a standard Type 1 font: Latin-1 only
        return ord(ch) < 256
    return ord(ch) in glyphs


_GLYPHS: dict[str, dict | None] = {}
_COVERED: dict[str, frozenset[str]] = {}


def _glyphs(font_name: str) -> dict | None:
    if font_name not in _GLYPHS:
        face = getattr(pdfmetrics.getFont(font_name), "face", None)
        _GLYPHS[font_name] = getattr(face, "charToGlyph", None)
    return _GLYPHS[font_name]


def covered_characters(font_name: str) -> frozenset[str] | None:
    """Every character a registered TrueType face draws (None for a CID or Type 1 face:
    ask `covers` one character at a time)."""
    if font_name not in _COVERED:
        glyphs = _glyphs(font_name)
        if font_name in CID_FACES or glyphs is None:
            return None
        _COVERED[font_name] = frozenset(map(chr, glyphs))
    return _COVERED[font_name]


def covers_all(font_name: str, text: str) -> bool:
    """Whether the face draws every character of `text` (one set look-up: it is asked
    for every width measured)."""
    if font_name not in _COVERED:
        glyphs = _glyphs(font_name)
        if font_name in CID_FACES or glyphs is None:
            return all(covers(font_name, ch) for ch in text)
        _COVERED[font_name] = frozenset(map(chr, glyphs))
    return _COVERED[font_name].issuperset(text)
