"""Care cards per material, to slip into the box with the piece.

Texts live in resources/care/<material>.txt: "# Title", an opening sentence, then tips;
tips starting with "*" are the essentials, printed on the business card as well as on
the A6 card, those starting with "-" only on the A6 card.

Sizes: "business" is one card a page, 3½ x 2 in (85 x 55 mm for an A4 store), for card
stock; "business-sheet" puts ten of them on a Letter or A4 page with crop marks; "a6"
is an A6 card, portrait, one a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from boutique.paths import RESOURCES
from boutique.printing.document import PdfDocument
from boutique.printing.draw import (
    ACCENT,
    INK,
    MUTED,
    PRINTABLE_INSET,
    block,
    draw_paragraphs,
    hairline,
    tracked,
)
from boutique.printing.fonts import DISPLAY, DISPLAY_ITALIC, SANS, register_fonts
from boutique.printing.letterhead import Letterhead, draw_logo, page_size_points
from boutique.printing.policy_side import draw_policy_side
from boutique.printing.sheets import INCH, MM, Imposition, draw_crop_marks, draw_piece

CARE_DIR = RESOURCES / "care"
MATERIALS = ("gold", "silver", "platinum", "pearls", "soft_gemstones", "diamonds")
SIZES = {"business": "Business card, one a page", "business-sheet": "Ten business cards a page",
         "a6": "A6 card"}
A6_PORTRAIT = (105 * MM, 148 * MM)
LOGO_HEIGHT = 26.0
THANKS = "Thank you for choosing us. We clean and check your jewelry free of charge: " \
         "simply stop by."


@dataclass(frozen=True)
class CareText:
    material: str
    title: str
    intro: str
    essentials: tuple[str, ...]
    more: tuple[str, ...]


@cache
def care_text(material: str) -> CareText:
    if material not in MATERIALS:
        raise ValueError(f"material must be one of {', '.join(MATERIALS)}, not '{material}'")
    title, intro, essentials, more = material.replace("_", " ").capitalize(), "", [], []
    for raw in (CARE_DIR / f"{material}.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#"):
            title = line.lstrip("# ").strip()
        elif line.startswith("*"):
            essentials.append(line[1:].strip())
        elif line.startswith("-"):
            more.append(line[1:].strip())
        elif line:
            intro = f"{intro} {line}".strip()
    return CareText(material, title, intro, tuple(essentials), tuple(more))


def business_card_size(letterhead: Letterhead) -> tuple[float, float]:
    return (85 * MM, 55 * MM) if letterhead.page_size == "a4" else (3.5 * INCH, 2 * INCH)


def draw_business_card(c, width: float, height: float, care: CareText,
                       letterhead: Letterhead) -> None:
    """Title over the essentials, the store at the foot; margins of a quarter inch, where
    office printers still print."""
    register_fonts()
    mx, my = PRINTABLE_INSET, PRINTABLE_INSET
    inner = width - 2 * mx
    top = height - my
    tracked(c, "Caring for your", SANS, 5.2, mx, top, inner * 0.6, tracking=0.2, color=ACCENT)
    if letterhead.store_name:
        tracked(c, letterhead.store_name, DISPLAY, 5.6, mx + inner * 0.45, top - 0.8,
                inner * 0.55, tracking=0.12, align="right", color=MUTED)
    title = block(c, [care.title], DISPLAY, 14, mx, top - 9, inner, 16, min_size=9)
    rule_y = top - 9 - title.font_size - 5
    hairline(c, mx, rule_y, mx + inner, rule_y)
    foot = my + 7
    draw_paragraphs(c, care.essentials, SANS, 6.7, mx, rule_y - 6, inner, rule_y - 6 - foot - 5,
                    min_size=4.8, leading=1.25, gap=0.45, markers=["\u2022"] * 8, indent=7)
    contact = "  ·  ".join(p for p in (letterhead.phone, letterhead.website) if p)
    if contact:
        block(c, [contact], SANS, 5.4, mx, foot, inner, 7, min_size=4.5, color=MUTED,
              align="center")


def draw_a6_card(c, width: float, height: float, care: CareText, letterhead: Letterhead) -> None:
    """Masthead, title, the opening line in italics, every tip, thanks and the store."""
    register_fonts()
    mx, my = 26, 26
    inner = width - 2 * mx
    top = height - my
    if draw_logo(c, letterhead, mx, top - LOGO_HEIGHT, inner, LOGO_HEIGHT):
        top -= LOGO_HEIGHT + 8
    if letterhead.store_name:
        tracked(c, letterhead.store_name, DISPLAY, 8.5, mx, top, inner, tracking=0.16,
                align="center", color=INK)
        top -= 15
        hairline(c, width / 2 - 14, top, width / 2 + 14, top, color=ACCENT)
        top -= 16
    tracked(c, "Caring for your", SANS, 6, mx, top, inner, tracking=0.22, align="center",
            color=ACCENT)
    top -= 11
    title = block(c, [care.title], DISPLAY, 22, mx, top, inner, 26, min_size=13, align="center")
    top -= title.height + 4
    if care.intro:
        top -= draw_paragraphs(c, [care.intro], DISPLAY_ITALIC, 10.5, mx + 6, top, inner - 12,
                               64, min_size=7.5, leading=1.25) + 12
    foot_h = 44
    tips = [*care.essentials, *care.more]
    draw_paragraphs(c, tips, SANS, 8.4, mx, top, inner, top - my - foot_h, min_size=6,
                    leading=1.32, gap=0.75, markers=["\u2022"] * len(tips), indent=9)
    y = my + foot_h - 10
    hairline(c, mx, y, mx + inner, y)
    y -= 8
    y -= block(c, [THANKS], DISPLAY_ITALIC, 8.4, mx, y, inner, 22, min_size=6.5,
               align="center").height + 3
    block(c, [letterhead.contact_line], SANS, 6, mx, y, inner, 16, min_size=5, color=MUTED,
          align="center")


def _ten_up(sheet: tuple[float, float], card: tuple[float, float]) -> Imposition:
    """Two columns of five cards, butted and centred: one straight cut between each."""
    cw, ch = card
    left = (sheet[0] - 2 * cw) / 2
    bottom = (sheet[1] - 5 * ch) / 2
    origins = tuple((left + col * cw, bottom + (4 - row) * ch)
                    for row in range(5) for col in range(2))
    return Imposition(sheet, card, origins)


def care_cards_pdf(materials: Sequence[str], letterhead: Letterhead, size: str = "a6",
                   policy_text: str = "") -> bytes:
    """One card per material (a sheet of ten of the same material for "business-sheet");
    with `policy_text`, each A6 card is followed by its receipt side, the return policy."""
    if size not in SIZES:
        raise ValueError(f"care card size must be one of {', '.join(SIZES)}, not '{size}'")
    texts = [care_text(m) for m in materials] or [care_text("gold")]
    document = PdfDocument("Care cards", letterhead.store_name, A6_PORTRAIT)
    c = document.canvas
    for care in texts:
        if size == "a6":
            c.setPageSize(A6_PORTRAIT)
            draw_a6_card(c, *A6_PORTRAIT, care, letterhead)
            if policy_text:
                c.showPage()
                draw_policy_side(c, *A6_PORTRAIT, policy_text, letterhead)
        elif size == "business":
            card = business_card_size(letterhead)
            c.setPageSize(card)
            draw_business_card(c, *card, care, letterhead)
        else:
            card = business_card_size(letterhead)
            sheet = page_size_points(letterhead)
            imposition = _ten_up(sheet, card)
            c.setPageSize(sheet)
            for origin in imposition.origins:
                draw_piece(c, origin, lambda cv, w, h, t=care: draw_business_card(
                    cv, w, h, t, letterhead), card)
            draw_crop_marks(c, imposition)
        c.showPage()
    return document.finish()
