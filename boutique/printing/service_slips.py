"""The service desk's paper: the intake ticket with its tear-off claim stub, the return slip.

A half-letter page (A5 for an A4 store). The stub carries the ticket number as a Code 128
barcode (ReportLab's own barcode module) and in print, so the piece is found by scanning
or by reading the stub.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.barcode.code128 import Code128

from boutique.printing.document import PdfDocument
from boutique.printing.draw import ACCENT, INK, MUTED, block, cut_line, hairline, label, tracked
from boutique.printing.fonts import DISPLAY, SANS, SANS_BOLD, register_fonts
from boutique.printing.letterhead import draw_masthead
from boutique.printing.sheets import INCH, MM
from boutique.services.returns import ReturnSlip
from boutique.services.service_desk import IntakeTicket
from boutique.services.stationery.letterhead import Letterhead

HALF_LETTER = (5.5 * INCH, 8.5 * INCH)
A5 = (148 * MM, 210 * MM)
MARGIN = 0.45 * INCH
STUB_HEIGHT = 2.35 * INCH
BAR_HEIGHT = 0.5 * INCH
BAR_WIDTH = 1.2  # points per narrow bar: scans from a laser print


def page_size(letterhead: Letterhead) -> tuple[float, float]:
    return A5 if letterhead.page_size == "a4" else HALF_LETTER


def _field(c, name: str, value: str, x: float, top: float, width: float,
           max_lines: int = 1, size: float = 9.5) -> float:
    """A label over its value (wrapped to at most `max_lines`); returns the y below."""
    y = label(c, x, top, name)
    if not value:
        return y - 2
    fitted = block(c, [value], SANS, size, x, y, width, size * 1.3 * max_lines + 1,
                   min_size=size * 0.8)
    return y - fitted.height - 5


def _fields(c, pairs: Sequence[tuple[str, str, int]], x: float, top: float,
            width: float) -> float:
    y = top
    for name, value, lines in pairs:
        y = _field(c, name, value, x, y, width, lines)
    return y


def _terms(c, lines: Sequence[str], x: float, top: float, width: float, bottom: float) -> None:
    if not lines:
        return
    y = label(c, x, top, "Terms")
    block(c, list(lines), SANS, 7, x, y, width, max(12.0, y - bottom), min_size=5.5,
          color=MUTED)


def _stub(c, ticket: IntakeTicket, width: float) -> None:
    """The claim stub below the cut line: what the client keeps to collect the piece."""
    inner = width - 2 * MARGIN
    top = STUB_HEIGHT - 0.3 * INCH
    tracked(c, "Claim stub", SANS_BOLD, 8, MARGIN, top, inner / 2, color=ACCENT)
    tracked(c, ticket.number, SANS_BOLD, 11, MARGIN, top, inner, align="right",
            tracking=0.08)
    barcode = Code128(ticket.number, barHeight=BAR_HEIGHT, barWidth=BAR_WIDTH,
                      humanReadable=False, quiet=True)
    bar_x = MARGIN + (inner - barcode.width) / 2
    bar_y = top - 0.3 * INCH - BAR_HEIGHT
    barcode.drawOn(c, bar_x, bar_y)
    c.setFillColorRGB(*INK)
    block(c, [ticket.number], SANS, 9, MARGIN, bar_y - 4, inner, 12, align="center")
    y = bar_y - 22
    half = (inner - 12) / 2
    _field(c, "Client", ticket.client_name, MARGIN, y, half)
    _field(c, "Promised", ticket.promised_text, MARGIN + half + 12, y, half)
    _field(c, "Piece", f"{ticket.piece} · {ticket.kind}", MARGIN, y - 30, inner)


def draw_intake_ticket(c, ticket: IntakeTicket, letterhead: Letterhead,
                       size: tuple[float, float]) -> None:
    register_fonts()
    width, height = size
    inner = width - 2 * MARGIN
    y = _heading(c, letterhead, "Service ticket", ticket.number, width, height)
    half = (inner - 12) / 2
    _field(c, "Client", ticket.client_name, MARGIN, y, half)
    _field(c, "Phone", ticket.client_phone, MARGIN + half + 12, y, half)
    y -= 30
    _field(c, "Received", ticket.received_text, MARGIN, y, half)
    _field(c, "Promised", ticket.promised_text, MARGIN + half + 12, y, half)
    y -= 30
    if ticket.estimate_text or ticket.deposit_text:
        _field(c, "Estimate", ticket.estimate_text, MARGIN, y, half)
        _field(c, "Deposit", ticket.deposit_text, MARGIN + half + 12, y, half)
        y -= 30
    y = _fields(c, [("Piece", ticket.piece, 2), ("Service", ticket.kind, 1),
                    ("Work asked", ticket.work, 3),
                    ("Condition at intake", ticket.condition, 4)], MARGIN, y, inner)
    _terms(c, ticket.terms, MARGIN, y - 2, inner, STUB_HEIGHT + 14)
    cut_line(c, STUB_HEIGHT, width)
    _stub(c, ticket, width)


def _heading(c, letterhead: Letterhead, title: str, number: str, width: float,
             height: float) -> float:
    """The masthead, the slip's title with its number at the right, a rule; returns the
    height where the fields begin."""
    inner = width - 2 * MARGIN
    y = draw_masthead(c, letterhead, MARGIN, height - MARGIN, inner, name_size=13) - 8
    tracked(c, title, DISPLAY, 15, MARGIN, y, inner / 2, tracking=0.06)
    tracked(c, number, SANS_BOLD, 13, MARGIN, y, inner, align="right", tracking=0.08)
    y -= 24
    hairline(c, MARGIN, y, width - MARGIN, y)
    return y - 10


def intake_ticket_pdf(ticket: IntakeTicket, letterhead: Letterhead) -> bytes:
    size = page_size(letterhead)
    doc = PdfDocument(f"Service ticket {ticket.number}", letterhead.store_name, size)
    draw_intake_ticket(doc.canvas, ticket, letterhead, size)
    doc.canvas.showPage()
    return doc.finish()


def return_slip_pdf(slip: ReturnSlip, letterhead: Letterhead) -> bytes:
    register_fonts()
    size = page_size(letterhead)
    width, height = size
    inner = width - 2 * MARGIN
    doc = PdfDocument(f"Return {slip.number}", letterhead.store_name, size)
    c = doc.canvas
    y = _heading(c, letterhead, "Return slip", slip.number, width, height)
    half = (inner - 12) / 2
    _field(c, "Client", slip.client_name, MARGIN, y, half)
    _field(c, "Returned", slip.return_date, MARGIN + half + 12, y, half)
    y -= 30
    y = _fields(c, [("Piece", slip.item, 2), ("Bought", slip.purchase_date, 1),
                    ("Reason", slip.reason, 3), ("Condition", slip.condition, 3),
                    ("Settled as", slip.resolution, 1)], MARGIN, y, inner)
    for name, amount in slip.amounts:
        block(c, [name], SANS, 9.5, MARGIN, y, inner * 0.6, 12)
        block(c, [amount], SANS_BOLD, 9.5, MARGIN, y, inner, 12, align="right")
        y -= 15
    y -= 6
    y = _fields(c, [("Policy check", "\n".join(slip.policy_lines), 4)], MARGIN, y, inner)
    y = label(c, MARGIN, y, "Our return policy")
    block(c, [slip.policy_text], SANS, 7.5, MARGIN, y, inner, max(12.0, y - MARGIN),
          min_size=6, color=MUTED)
    c.showPage()
    return doc.finish()
