"""The client brief: one or two pages of what the book knows, read before a call or a visit."""

from __future__ import annotations

from boutique.printing.document import PdfDocument
from boutique.printing.draw import (
    ACCENT,
    INK,
    MUTED,
    block,
    draw_paragraphs,
    hairline,
    label,
    paragraphs_height,
)
from boutique.printing.fonts import DISPLAY, SANS, register_fonts
from boutique.printing.letterhead import page_size_points
from boutique.printing.sheets import INCH
from boutique.services.stationery import ClientBrief
from boutique.services.stationery.letterhead import Letterhead

MARGIN = 0.6 * INCH
SIZE = 9
MIN_SIZE = 6.5
MAX_PAGES = 2
NOTHING = "Nothing yet"


def _heading(c, brief: ClientBrief, letterhead: Letterhead, width: float, top: float,
             page: int) -> float:
    inner = width - 2 * MARGIN
    block(c, [f"Client brief · {brief.day_text}" + (" · continued" if page else "")], SANS,
          7.5, MARGIN, top, inner, 10, color=MUTED, align="right")
    block(c, [letterhead.store_name], SANS, 7.5, MARGIN, top, inner / 2, 10, color=MUTED)
    y = top - 16
    y -= block(c, [brief.person.full_name], DISPLAY, 20 if not page else 13, MARGIN, y, inner,
               26, min_size=9, keep_left=True).height + 4
    if not page:
        y -= block(c, [brief.headline], SANS, 9, MARGIN, y, inner, 12, min_size=6.5,
                   color=ACCENT).height + 4
    hairline(c, MARGIN, y, width - MARGIN, y)
    return y - 10


def _needed(lines: list[str], width: float) -> float:
    return 6.3 * 1.75 + paragraphs_height(lines, [SANS] * len(lines), SIZE, width) + 10


def brief_pdf(brief: ClientBrief, letterhead: Letterhead) -> bytes:
    """The brief on one page if it fits, on two if not; what still does not fit is set
    smaller, then cut with "…"."""
    register_fonts()
    size = page_size_points(letterhead)
    width, height = size
    inner = width - 2 * MARGIN
    doc = PdfDocument(f"Client brief: {brief.person.full_name}", letterhead.store_name, size)
    c = doc.canvas
    page = 0
    y = _heading(c, brief, letterhead, width, height - MARGIN, page)
    sections = list(brief.sections)
    for index, section in enumerate(sections):
        lines = list(section.lines) or [NOTHING]
        needed = _needed(lines, inner)
        if y - needed < MARGIN and page + 1 < MAX_PAGES and needed < height / 2:
            c.showPage()
            page += 1
            y = _heading(c, brief, letterhead, width, height - MARGIN, page)
        if y - MARGIN < 24:
            break
        y = label(c, MARGIN, y, section.title.upper())
        # The last page shares what room is left among the sections still to come.
        still = len(sections) - index
        room = (y - MARGIN) if page + 1 < MAX_PAGES else max(20.0, (y - MARGIN) / still)
        used = draw_paragraphs(c, lines, SANS, SIZE, MARGIN, y, inner, min(room, needed),
                               min_size=MIN_SIZE, gap=0.35,
                               color=MUTED if not section.lines else INK)
        y -= used + 10
    c.showPage()
    return doc.finish()
