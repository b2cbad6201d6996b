"""Thank-you cards for handwritten notes: folded (A2, A6) and flat (6 x 4 in, A6).

A folded card prints on two pages, to go double-sided: the outside (back panel on the
left, front panel on the right) and the inside (the reverse of the front on the left,
left blank as a stationer leaves it; the writing panel on the right). The fold is
marked only on the inside, by two small ticks at the edges, where the note covers them.
A flat card is one side: the store's name at the head and room to write.

The card carries no client data: the jeweler writes the note by hand, so the same card
serves any client and never tells a gift's recipient anything.

Layouts (the CLI's --layout): see CARD_LAYOUTS; each exists on card stock of its own
size and "-2up" on an office sheet with crop marks.
"""

from __future__ import annotations

from dataclasses import dataclass

from boutique.printing.document import PdfDocument
from boutique.printing.draw import ACCENT, INK, MUTED, PRINTABLE_INSET, RULE
from boutique.printing.fit import FittedText, fit_lines, fit_text
from boutique.printing.fonts import DISPLAY, DISPLAY_ITALIC, register_fonts
from boutique.printing.letterhead import Letterhead, draw_logo
from boutique.printing.sheets import (
    A2_FOLDED,
    A6_FOLDED,
    ENVELOPES,
    FLAT_4X6,
    FLAT_A6,
    INCH,
    CardStock,
    Imposition,
    draw_crop_marks,
    envelopes_holding,
    one_up,
    page_size,
    two_up,
)

DEFAULT_GREETING = "Thank you"
GUIDE_GREY = 0.82  # writing guides: visible to the pen, gone at arm's length
FOLD_GREY = 0.70
NAME_TRACKING = 0.16  # letter-spaced capitals for the store's name


@dataclass(frozen=True)
class CardLayout:
    name: str
    stock: CardStock
    two_up: bool

    @property
    def description(self) -> str:
        fits = [ENVELOPES[k].title.split(" ")[0] for k in self.envelopes()[:2]]
        goes_in = f"; envelope {' or '.join(fits)}" if fits else ""
        if not self.two_up:
            return f"{self.stock.title}, on card stock of that size{goes_in}"
        sheet = self.stock.home_page if self.stock.folded else "the store's paper"
        sheet = {"letter": "Letter", "a4": "A4"}.get(sheet, sheet)
        if self.stock.folded:  # two would fill the sheet: a strip is cut away between
            return f"{self.stock.title}, two on {sheet}, trimmed 1/16 in shorter{goes_in}"
        return f"{self.stock.title}, two on {sheet} with crop marks{goes_in}"

    def finished(self, store_page: str = "letter") -> tuple[float, float]:
        """The card as it goes into the envelope: folded, or trimmed from the sheet."""
        width, height = self.imposition(store_page).piece
        return (width / 2, height) if self.stock.folded else (width, height)

    def envelopes(self, store_page: str = "letter") -> list[str]:
        """The envelope sizes this card fits, best fit first."""
        return envelopes_holding(self.finished(store_page), store_page)

    def imposition(self, store_page: str = "letter") -> Imposition:
        """1-up: the page is the card; 2-up: a folded card goes on the office page it is
        exactly half of, a flat card on the store's own paper (Letter or A4)."""
        if not self.two_up:
            return one_up(self.stock.sheet)
        sheet = self.stock.home_page if self.stock.folded else store_page
        return two_up(self.stock.sheet, page_size(sheet))


def _layouts() -> dict[str, CardLayout]:
    out = {}
    for base, stock in (("a2-folded", A2_FOLDED), ("a6-folded", A6_FOLDED),
                        ("flat-4x6", FLAT_4X6), ("flat-a6", FLAT_A6)):
        out[base] = CardLayout(base, stock, False)
        out[f"{base}-2up"] = CardLayout(f"{base}-2up", stock, True)
    return out


CARD_LAYOUTS: dict[str, CardLayout] = _layouts()


def envelope_for_card(layout: str, preferred: str = "", store_page: str = "letter") -> str:
    """`preferred` when the card fits it, else the envelope the card fits best."""
    fits = card_layout(layout).envelopes(store_page)
    return preferred if preferred in fits else (fits[0] if fits else preferred)


def card_layout(name: str) -> CardLayout:
    try:
        return CARD_LAYOUTS[str(name).strip().lower()]
    except KeyError:
        raise ValueError(f"card layout must be one of {', '.join(CARD_LAYOUTS)}, "
                         f"not '{name}'") from None


def card_pdf(letterhead: Letterhead, layout: str = "a2-folded", *, guides: bool = False,
             greeting: str = DEFAULT_GREETING, title: str = "Thank-you card") -> bytes:
    """The card as a PDF: one page for a flat card, outside then inside for a folded one."""
    chosen = card_layout(layout)
    document = PdfDocument(title, letterhead.store_name,
                           chosen.imposition(letterhead.page_size).sheet)
    draw_card_pages(document.canvas, letterhead, chosen, guides=guides, greeting=greeting)
    return document.finish()


def draw_card_pages(canvas, letterhead: Letterhead, layout: CardLayout, *,
                    guides: bool = False, greeting: str = DEFAULT_GREETING) -> None:
    """Add the card's pages to an open canvas (each page ends with showPage)."""
    register_fonts()
    imposition = layout.imposition(letterhead.page_size)
    canvas.setPageSize(imposition.sheet)
    stock = layout.stock
    width, height = imposition.piece  # 2-up folded cards come a little shorter (sheets.py)
    width = width / 2 if stock.folded else width
    if stock.folded:
        sides = [lambda c: _outside(c, width, height, letterhead, greeting),
                 lambda c: _inside(c, width, height, guides)]
    else:
        sides = [lambda c: _flat_card(c, width, height, letterhead, guides)]
    for draw_side in sides:
        for origin in imposition.origins:
            canvas.saveState()
            canvas.translate(*origin)
            draw_side(canvas)
            canvas.restoreState()
        draw_crop_marks(canvas, imposition)
        canvas.showPage()


def _outside(canvas, width: float, height: float, letterhead: Letterhead,
             greeting: str) -> None:
    """Back panel on the left, front on the right: folded, the front faces up."""
    _back_panel(canvas, width, height, letterhead)
    canvas.saveState()
    canvas.translate(width, 0)
    _front_panel(canvas, width, height, letterhead, greeting)
    canvas.restoreState()


def _inside(canvas, width: float, height: float, guides: bool) -> None:
    """The left panel (behind the front) stays blank; the note goes on the right."""
    canvas.saveState()
    canvas.translate(width, 0)
    if guides:
        _guides(canvas, 0.45 * INCH, width - 0.45 * INCH, height - 0.85 * INCH, 0.7 * INCH)
    canvas.restoreState()
    _fold_ticks(canvas, width, height)


def _fit_name(letterhead: Letterhead, width: float, size: float, lines: int = 2) -> FittedText:
    """The store's name in letter-spaced capitals, at most `lines` lines.

    A name a little too long shrinks; a long one rather breaks onto a second line than
    turns small; only a very long one goes smaller still (then, at last, is cut).
    """
    text = letterhead.store_name.upper()
    box = size * (1 + 1.3 * (lines - 1))
    name = fit_text(text, DISPLAY, size, width, box, min_size=size * 0.8, leading_ratio=1.3,
                    tracking=NAME_TRACKING)
    if name.truncated:
        name = fit_text(text, DISPLAY, size, width, box, min_size=size * 0.5,
                        leading_ratio=1.3, tracking=NAME_TRACKING)
    return name


def _front_panel(canvas, width: float, height: float, letterhead: Letterhead,
                 greeting: str) -> None:
    """Logo (if any), the store's name, a short rule and the greeting, centred on the
    optical centre: a little above the middle."""
    margin = 0.6 * INCH
    inner = width - 2 * margin
    logo_h = 0.75 * INCH if letterhead.logo_path else 0
    name = _fit_name(letterhead, inner, 19.0)
    greet = fit_text(greeting, DISPLAY_ITALIC, 15, inner, 30, min_size=10) if greeting else None
    block = ((logo_h + 14 if logo_h else 0) + name.height
             + (24 + greet.font_size if greet else 0))
    top = height * 0.56 + block / 2
    if logo_h and draw_logo(canvas, letterhead, margin, top - logo_h, inner, logo_h):
        top -= logo_h + 14
    canvas.setFillColorRGB(*INK)
    name.draw(canvas, margin, top, align="center", width=inner)
    if greet:
        y = top - name.height - 12
        canvas.setStrokeColorRGB(*RULE)
        canvas.setLineWidth(0.5)
        canvas.line(width / 2 - 14, y, width / 2 + 14, y)
        canvas.setFillColorRGB(*MUTED)
        greet.draw(canvas, margin, y - 12, align="center", width=inner)


def _back_panel(canvas, width: float, height: float, letterhead: Letterhead) -> None:
    """A small mark low on the back: the logo or a monogram, the name in tiny capitals."""
    margin = 0.5 * INCH
    inner = width - 2 * margin
    base = 0.55 * INCH
    canvas.setFillColorRGB(*MUTED)
    small = fit_text(letterhead.store_name.upper(), DISPLAY, 6.5, inner, 8, min_size=5,
                     tracking=0.2)
    small.draw(canvas, margin, base + small.height, align="center", width=inner)
    mark_bottom = base + small.height + 8
    has_logo = letterhead.logo_path and draw_logo(canvas, letterhead, margin, mark_bottom,
                                                   inner, 0.35 * INCH)
    if not has_logo and letterhead.store_name.strip():
        _monogram(canvas, width / 2, mark_bottom + 9, letterhead.store_name)
    if letterhead.website:
        site = fit_text(letterhead.website, DISPLAY, 6.5, inner, 8, min_size=5)
        site.draw(canvas, margin, base - 4, align="center", width=inner)


def _monogram(canvas, cx: float, cy: float, store_name: str) -> None:
    initial = next((ch for ch in store_name if ch.isalnum()), "")
    canvas.setStrokeColorRGB(*ACCENT)
    canvas.setLineWidth(0.4)
    canvas.circle(cx, cy, 9, stroke=1, fill=0)
    if initial:
        mark = fit_text(initial.upper(), DISPLAY_ITALIC, 10, 14, 10)
        canvas.setFillColorRGB(*ACCENT)
        mark.draw(canvas, cx - 7, cy + 3.7, align="center", width=14)


def _guides(canvas, left: float, right: float, top: float, bottom: float,
            spacing: float = 0.32 * INCH) -> None:
    canvas.saveState()
    canvas.setStrokeGray(GUIDE_GREY)
    canvas.setLineWidth(0.3)
    y = top
    while y >= bottom:
        canvas.line(left, y, right, y)
        y -= spacing
    canvas.restoreState()


def _fold_ticks(canvas, fold_x: float, height: float) -> None:
    """Two short ticks on the fold line at the top and bottom edges of the inside."""
    canvas.saveState()
    canvas.setStrokeGray(FOLD_GREY)
    canvas.setLineWidth(0.3)
    inset, length = PRINTABLE_INSET + 2, 0.14 * INCH  # where office printers still print
    canvas.line(fold_x, height - inset, fold_x, height - inset - length)
    canvas.line(fold_x, inset, fold_x, inset + length)
    canvas.restoreState()


def _flat_card(canvas, width: float, height: float, letterhead: Letterhead,
               guides: bool) -> None:
    """The name at the head, a hairline, room to write, the address small at the foot."""
    margin = 0.45 * INCH
    inner = width - 2 * margin
    top = height - 0.42 * INCH
    logo_h = 0.4 * INCH if letterhead.logo_path else 0
    if logo_h and draw_logo(canvas, letterhead, margin, top - logo_h, inner, logo_h):
        top -= logo_h + 8
    name = _fit_name(letterhead, inner, 14, lines=1)
    canvas.setFillColorRGB(*INK)
    name.draw(canvas, margin, top, align="center", width=inner)
    y = top - name.height - 9
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.5)
    canvas.line(width / 2 - 14, y, width / 2 + 14, y)
    foot_top = 0.36 * INCH
    if letterhead.contact_line:
        canvas.setFillColorRGB(*MUTED)
        foot = fit_lines([letterhead.contact_line], DISPLAY, 7.5, inner, 18, min_size=5.5,
                         tracking=0.03)
        foot.draw(canvas, margin, foot_top, align="center", width=inner)
    if guides:
        _guides(canvas, margin, width - margin, y - 0.42 * INCH, foot_top + 0.3 * INCH,
                spacing=0.3 * INCH)
