"""Address labels for a batch of notes: Avery 5160 (Letter) and L7160 (A4) sheets.

The pylabels shape: a sheet spec (boutique.printing.sheets.LabelSheet) and
`draw_label(canvas, width, height, address)` called once per label with the origin at the
label's lower-left corner. Labels fill row by row from the top left, the way they peel;
`start` skips the labels already used on a partly used first sheet.

An address is either its lines, ready for the envelope, or an object with
`envelope_lines(home_country)` (services.clients.contact.MailingAddress).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from boutique.printing.document import PdfDocument
from boutique.printing.draw import INK
from boutique.printing.fit import FittedText, clean_line, fit_lines
from boutique.printing.fonts import DISPLAY, register_fonts
from boutique.printing.sheets import LabelSheet, label_sheet

PAD_X = 0.16 * 72  # clear of the die-cut: labels shift a little in every printer
PAD_Y = 0.09 * 72
OUTLINE_GREY = 0.8


def address_lines(address, home_country: str = "") -> list[str]:
    """The lines of an address given as lines or as a MailingAddress."""
    if hasattr(address, "envelope_lines"):
        return list(address.envelope_lines(home_country))
    return [str(line) for line in address or ()]


def draw_label(canvas, width: float, height: float, address,
               home_country: str = "") -> FittedText | None:
    """One address, left-aligned and centred top to bottom inside the label."""
    register_fonts()
    lines = [line for line in (clean_line(x) for x in address_lines(address, home_country))
             if line]
    if not lines:
        return None
    box_w, box_h = width - 2 * PAD_X, height - 2 * PAD_Y
    size = min(12.0, box_h / 4.6)  # four lines at the preferred size on a one-inch label
    fitted = fit_lines(lines, DISPLAY, size, box_w, box_h, min_size=min(7.0, size),
                       leading_ratio=1.18)
    top = (height + fitted.height) / 2
    canvas.setFillColorRGB(*INK)
    fitted.draw(canvas, PAD_X, top)
    return fitted


def labels_pdf(addresses: Iterable, sheet: str | LabelSheet = "avery5160", *, start: int = 1,
               home_country: str = "", outline: bool = False,
               title: str = "Address labels") -> bytes:
    """Sheets of labels, one address per label; a new sheet when one is full.

    `start` is the first free label on the first sheet, counted from 1 along the rows;
    `outline` draws the die-cut in light grey, for a trial print on plain paper.
    """
    spec = sheet if isinstance(sheet, LabelSheet) else label_sheet(sheet)
    if not 1 <= start <= spec.per_sheet:
        raise ValueError(f"start must be a label from 1 to {spec.per_sheet}, not {start}")
    document = PdfDocument(title, "", spec.page)
    draw_label_sheets(document.canvas, list(addresses), spec, start=start,
                      home_country=home_country, outline=outline)
    return document.finish()


def draw_label_sheets(canvas, addresses: Sequence, spec: LabelSheet, *, start: int = 1,
                      home_country: str = "", outline: bool = False) -> int:
    """Add the label sheets to an open canvas; returns the number of sheets."""
    positions = spec.positions()
    slot = start - 1
    sheets = 0
    index = 0
    while True:
        canvas.setPageSize(spec.page)
        if outline:
            _outlines(canvas, spec, positions)
        while index < len(addresses) and slot < len(positions):
            x, y = positions[slot]
            canvas.saveState()
            canvas.translate(x, y)
            draw_label(canvas, spec.label_width, spec.label_height, addresses[index],
                       home_country)
            canvas.restoreState()
            slot, index = slot + 1, index + 1
        canvas.showPage()
        sheets += 1
        if index >= len(addresses):
            return sheets
        slot = 0


def _outlines(canvas, spec: LabelSheet, positions) -> None:
    canvas.saveState()
    canvas.setStrokeGray(OUTLINE_GREY)
    canvas.setLineWidth(0.3)
    radius = min(spec.label_width, spec.label_height) * 0.08
    for x, y in positions:
        canvas.roundRect(x, y, spec.label_width, spec.label_height, radius, stroke=1, fill=0)
    canvas.restoreState()
