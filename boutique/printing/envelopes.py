"""Envelopes: #10, A2, C6 and DL, the store's return address and the client's address.

Postal convention (USPS, Royal Mail, La Poste agree): the return address in the top left
corner; the delivery address as a left-aligned block a little right of the middle and
below it, clear of the bottom 5/8 in where the sorting machine prints its barcode, and at
least half an inch from every edge. The block shrinks, then wraps, then (a 200-character
company name) ellipsises to stay inside that area; it is never allowed to run past it.

Which address (the gift rule: the buyer's business address, never a home where the
recipient may open the mail) is decided in services/clients/contact.py; this module prints the
lines it is given. Its warnings are for the jeweler, on screen: none is printed on the
envelope, since the envelope may land on the very doormat the warning is about.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from boutique.printing.document import PdfDocument
from boutique.printing.draw import INK, MUTED
from boutique.printing.fit import FittedText, clean_line, fit_lines, fit_text
from boutique.printing.fonts import DISPLAY, register_fonts
from boutique.printing.letterhead import Letterhead
from boutique.printing.sheets import ENVELOPES, INCH, EnvelopeSize

EDGE = 0.5 * INCH  # nothing closer to an edge than this
BARCODE_CLEAR = 0.625 * INCH  # bottom strip kept for the postal barcode
RETURN_INSET = 0.375 * INCH
ADDRESS_SIZE = 13.0
ADDRESS_FLOOR = 9.0


def envelope_size(key: str) -> EnvelopeSize:
    try:
        return ENVELOPES[str(key).strip().lower()]
    except KeyError:
        raise ValueError(f"envelope must be one of {', '.join(ENVELOPES)}, not '{key}'") from None


def address_box(width: float, height: float) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of the area the delivery address must stay inside."""
    left = width * 0.36
    right = width - EDGE
    bottom = max(BARCODE_CLEAR + 0.1 * INCH, EDGE)
    top = height * 0.64
    return left, bottom, right, top


def envelope_pdf(letterhead: Letterhead, recipient_lines: Sequence[str], size: str = "no10",
                 *, title: str = "Envelope") -> bytes:
    """One envelope as a PDF whose page is the envelope (fed face up, landscape)."""
    return envelopes_pdf(letterhead, [recipient_lines], size, title=title)


def envelopes_pdf(letterhead: Letterhead, batch: Iterable[Sequence[str]], size: str = "no10",
                  *, title: str = "Envelopes") -> bytes:
    """One page per envelope, in the order given (the day's notes, for the pack)."""
    chosen = envelope_size(size)
    document = PdfDocument(title, letterhead.store_name, chosen.size)
    canvas = document.canvas
    pages = 0
    for lines in batch:
        draw_envelope(canvas, *chosen.size, letterhead, lines)
        canvas.showPage()
        pages += 1
    if not pages:  # an empty batch still makes a valid PDF with one blank envelope
        draw_envelope(canvas, *chosen.size, letterhead, ())
        canvas.showPage()
    return document.finish()


def draw_envelope(canvas, width: float, height: float, letterhead: Letterhead,
                  recipient_lines: Sequence[str]) -> FittedText | None:
    """Draw one envelope face on the current page; returns the fitted delivery address."""
    register_fonts()
    draw_return_address(canvas, width, height, letterhead)
    lines = [clean_line(line) for line in recipient_lines]
    lines = [line for line in lines if line]
    if not lines:
        return None
    left, bottom, right, top = address_box(width, height)
    fitted = fit_lines(lines, DISPLAY, ADDRESS_SIZE, right - left, top - bottom,
                       min_size=ADDRESS_FLOOR, leading_ratio=1.22)
    # A short block sits a little right of the middle; a wide one moves left, never out.
    x = min(width * 0.45, right - fitted.width)
    x = max(x, left)
    centre = height * 0.40
    block_top = min(top, max(bottom + fitted.height, centre + fitted.height / 2))
    canvas.setFillColorRGB(*INK)
    fitted.draw(canvas, x, block_top)
    return fitted


def draw_return_address(canvas, width: float, height: float, letterhead: Letterhead) -> None:
    """The store in spaced capitals over its address, small, in the top left corner."""
    box_w = min(width * 0.42, 3.2 * INCH)
    top = height - RETURN_INSET
    canvas.setFillColorRGB(*INK)
    if letterhead.store_name:
        name = fit_text(letterhead.store_name.upper(), DISPLAY, 8.5, box_w, 11, min_size=6,
                        tracking=0.14)
        name.draw(canvas, RETURN_INSET, top)
        top -= name.height + 3.5
    if letterhead.address_lines:
        canvas.setFillColorRGB(*MUTED)
        lines = fit_lines(letterhead.address_lines, DISPLAY, 9, box_w, 0.75 * INCH,
                          min_size=6.5, leading_ratio=1.2)
        lines.draw(canvas, RETURN_INSET, top)
