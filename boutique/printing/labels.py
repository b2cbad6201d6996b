"""Address labels for a batch of notes: Avery 5160 (Letter) and L7160 (A4) sheets.

The pylabels shape: a sheet spec (boutique.printing.sheets.LabelSheet) and
`draw_label(canvas, width, height, address)` called once per label with the origin at the
label's lower-left corner. Labels fill row by row from the top left, the way they peel;
`start` skips the labels already used on a partly used first sheet.

An address is either its lines, ready for the envelope, or an object with
`envelope_lines(home_country)` (services.clients.contact.MailingAddress). It prints at
8 pt or more with every street and city line (label_fit.py); one that cannot is left off
the sheets, taking no label, and listed in full on a page after them, "Could not fit on
a label", to write by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from boutique.printing.document import PdfDocument
from boutique.printing.draw import INK, MUTED, PRINTABLE_INSET, block, label
from boutique.printing.fit import FittedText
from boutique.printing.fonts import DISPLAY, SANS, register_fonts
from boutique.printing.label_fit import LabelLines, fit_label, label_lines
from boutique.printing.sheets import LabelSheet, label_sheet

PAD_X = 0.16 * 72  # clear of the die-cut: labels shift a little in every printer
PAD_Y = 0.09 * 72
OUTLINE_GREY = 0.8
UNFIT_TITLE = "Could not fit on a label"


def address_lines(address, home_country: str = "") -> list[str]:
    """The lines of an address given as lines or as a MailingAddress."""
    return list(label_lines(address, home_country).lines)


def _preferred_size(height: float) -> float:
    return min(12.0, (height - 2 * PAD_Y) / 4.6)  # four lines on a one-inch label


def fit_on_label(address, spec: LabelSheet, home_country: str = "") -> FittedText | None:
    """The address as it would print on one of the sheet's labels; None if it cannot fit
    at 8 pt with its street and city lines."""
    register_fonts()
    return fit_label(label_lines(address, home_country), DISPLAY,
                     _preferred_size(spec.label_height), spec.label_width - 2 * PAD_X,
                     spec.label_height - 2 * PAD_Y)


def unfit_addresses(addresses: Iterable, spec: str | LabelSheet,
                    home_country: str = "") -> list[LabelLines]:
    """The addresses that cannot go on this sheet's labels (they print on a page apart)."""
    chosen = spec if isinstance(spec, LabelSheet) else label_sheet(spec)
    return [label_lines(a, home_country) for a in addresses
            if label_lines(a, home_country).lines and fit_on_label(a, chosen, home_country) is None]


def draw_label(canvas, width: float, height: float, address,
               home_country: str = "") -> FittedText | None:
    """One address, left-aligned and centred top to bottom inside the label; nothing
    (None) when it cannot fit whole at 8 pt."""
    register_fonts()
    fitted = fit_label(label_lines(address, home_country), DISPLAY, _preferred_size(height),
                       width - 2 * PAD_X, height - 2 * PAD_Y)
    if fitted is None:
        return None
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
    """Add the label sheets to an open canvas; returns the number of sheets. Addresses
    that cannot fit go on a page after them, "Could not fit on a label"."""
    positions = spec.positions()
    fitting = [a for a in addresses if fit_on_label(a, spec, home_country) is not None]
    unfit = [lines for a in addresses if fit_on_label(a, spec, home_country) is None
             for lines in [label_lines(a, home_country)] if lines.lines]
    slot = start - 1
    sheets = 0
    index = 0
    while fitting or not unfit:
        canvas.setPageSize(spec.page)
        if outline:
            _outlines(canvas, spec, positions)
        while index < len(fitting) and slot < len(positions):
            x, y = positions[slot]
            canvas.saveState()
            canvas.translate(x, y)
            draw_label(canvas, spec.label_width, spec.label_height, fitting[index],
                       home_country)
            canvas.restoreState()
            slot, index = slot + 1, index + 1
        canvas.showPage()
        sheets += 1
        if index >= len(fitting):
            break
        slot = 0
    if unfit:
        draw_unfit_page(canvas, unfit, spec.page)
    return sheets


def draw_unfit_page(canvas, unfit: Sequence[LabelLines], page: tuple[float, float]) -> None:
    """The addresses too long for a label, in full, to write on the envelope by hand."""
    margin = max(54.0, PRINTABLE_INSET)
    width = page[0] - 2 * margin

    def start() -> float:
        canvas.setPageSize(page)
        top = page[1] - margin
        top -= block(canvas, [UNFIT_TITLE], DISPLAY, 18, margin, top, width, 24).height + 6
        note = ("These addresses are too long for a label at 8 pt without losing the "
                "street or the city: write them on the envelope by hand.")
        return top - block(canvas, [note], SANS, 9, margin, top, width, 30,
                           color=MUTED).height - 16

    y = start()
    for address in unfit:
        need = 16 + 12 * len(address.lines)
        if y - need < margin:
            canvas.showPage()
            y = start()
        y = label(canvas, margin, y, address.name, width=width)
        y -= block(canvas, list(address.lines), DISPLAY, 10.5, margin, y, width,
                   12.5 * len(address.lines) + 12, min_size=8, leading_ratio=1.18).height + 12
    canvas.showPage()


def _outlines(canvas, spec: LabelSheet, positions) -> None:
    canvas.saveState()
    canvas.setStrokeGray(OUTLINE_GREY)
    canvas.setLineWidth(0.3)
    radius = min(spec.label_width, spec.label_height) * 0.08
    for x, y in positions:
        canvas.roundRect(x, y, spec.label_width, spec.label_height, radius, stroke=1, fill=0)
    canvas.restoreState()
