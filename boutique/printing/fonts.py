"""The shipped Unicode fonts (DejaVu, EB Garamond): Latin, Greek, Cyrillic, Hebrew and
Arabic print as typed; other scripts go to fallback_fonts."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from boutique.paths import RESOURCES

FONT_DIR = RESOURCES / "fonts"

SANS = "BoutiqueSans"
SANS_BOLD = "BoutiqueSans-Bold"
SANS_ITALIC = "BoutiqueSans-Oblique"
SERIF = "BoutiqueSerif"
SERIF_BOLD = "BoutiqueSerif-Bold"
SERIF_ITALIC = "BoutiqueSerif-Italic"
# A book face for names set large (the store on a card, a recipient on an envelope):
# EB Garamond covers Latin, Greek and Cyrillic; other scripts fall back (fit.font_for).
DISPLAY = "BoutiqueDisplay"
DISPLAY_ITALIC = "BoutiqueDisplay-Italic"

# A face that lacks a script falls back along this chain; DejaVu Sans covers the most
# (Latin, Greek, Cyrillic, Hebrew, Arabic letters); past it, fallback_fonts takes over.
SHIPPED_FALLBACK = {DISPLAY: SERIF, DISPLAY_ITALIC: SERIF_ITALIC, SERIF: SANS,
                    SERIF_BOLD: SANS_BOLD, SERIF_ITALIC: SANS_ITALIC}

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    "BoutiqueSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    "BoutiqueSerif-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
    DISPLAY: "EBGaramond-Regular.ttf",
    DISPLAY_ITALIC: "EBGaramond-Italic.ttf",
}


@cache
def register_fonts() -> None:
    """Register once per process; Paragraph <b>/<i> map to the right faces."""
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    for family, bold, italic, bold_italic in (
        (SANS, SANS_BOLD, SANS_ITALIC, "BoutiqueSans-BoldOblique"),
        (SERIF, SERIF_BOLD, SERIF_ITALIC, "BoutiqueSerif-BoldItalic"),
        (DISPLAY, DISPLAY, DISPLAY_ITALIC, DISPLAY_ITALIC),  # set light: no bold
    ):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, italic)
        addMapping(family, 1, 1, bold_italic)
