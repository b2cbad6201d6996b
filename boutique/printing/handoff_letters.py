"""The owner's handoff letter, one page each on the letterhead."""

from __future__ import annotations

from collections.abc import Sequence

from boutique.printing.document import PdfDocument
from boutique.printing.draw import ACCENT, MUTED, block, draw_paragraphs, hairline, label
from boutique.printing.fonts import DISPLAY, DISPLAY_ITALIC, SANS, register_fonts
from boutique.printing.letterhead import draw_masthead, page_size_points
from boutique.printing.sheets import INCH
from boutique.printing.templates import Wording
from boutique.printing.wording import values_for
from boutique.services.stationery import HandoffLetter
from boutique.services.stationery.letterhead import Letterhead

MARGIN = 0.9 * INCH
CLOSING = "With warm regards,"


def draw_handoff_letter(c, letter: HandoffLetter, letterhead: Letterhead, wording: Wording,
                        size: tuple[float, float]) -> None:
    register_fonts()
    width, height = size
    inner = width - 2 * MARGIN
    y = draw_masthead(c, letterhead, MARGIN, height - 0.6 * INCH, inner, name_size=17,
                      logo_height=36) - 18
    block(c, [letter.date_text], SANS, 9.5, MARGIN, y, inner, 13, align="right")
    if letter.address_lines:
        used = block(c, list(letter.address_lines), SANS, 9.5, MARGIN, y, inner * 0.6, 70,
                     min_size=7)
        y -= max(used.height, 13) + 24
    else:
        y -= 30
    salutation = values_for(letter.person, None, letterhead, wording)["salutation"]
    y -= block(c, [salutation or f"Dear {letter.person.title_name},"], DISPLAY, 13.5, MARGIN,
               y, inner, 18, min_size=8).height + 12
    box_h = 14 + 14 * len(letter.contact_lines) + 10
    bottom = 0.8 * INCH + box_h + 92
    used = draw_paragraphs(c, letter.paragraphs, DISPLAY, 12.5, MARGIN, y, inner, y - bottom,
                           min_size=8, leading=1.4, gap=0.8)
    y -= used + 22
    y -= block(c, [CLOSING], DISPLAY, 12.5, MARGIN, y, inner, 16).height + 14
    y -= block(c, [letter.signer], DISPLAY_ITALIC, 16, MARGIN, y, inner, 20,
               min_size=8).height + 4
    role = ", ".join(p for p in (letter.signer_role, letterhead.store_name) if p)
    block(c, [role], SANS, 8.5, MARGIN, y, inner, 12, color=MUTED)
    # The new person's details, where the eye finds them again when it is time to call.
    top = 0.8 * INCH + box_h
    hairline(c, MARGIN, top, width - MARGIN, top)
    y = label(c, MARGIN, top - 8, "YOUR CONTACT FROM NOW ON", color=ACCENT)
    block(c, list(letter.contact_lines), SANS, 10, MARGIN, y, inner, 14 * len(
        letter.contact_lines) + 2, min_size=7)


def handoff_letters_pdf(letters: Sequence[HandoffLetter], letterhead: Letterhead,
                        wording: Wording | None = None) -> bytes:
    size = page_size_points(letterhead)
    doc = PdfDocument("Handoff letters", letterhead.store_name, size)
    for letter in letters:
        draw_handoff_letter(doc.canvas, letter, letterhead, wording or Wording(), size)
        doc.canvas.showPage()
    return doc.finish(blank_page=not letters)
