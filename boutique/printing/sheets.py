"""Paper, card and envelope sizes, 2-up imposition with crop marks, and label sheet specs.

All sizes are in PostScript points (72 per inch), width x height as the piece is printed.

Folded cards are given by the sheet that goes through the printer, opened flat:
- an **A2 card** folds to 4¼ x 5½ in (it travels in an A2 envelope, 4⅜ x 5¾ in), so it
  is printed on an 8½ x 5½ in sheet, landscape, and folded down the middle. "8.5x5.5 in
  folded" in the brief reads as that sheet; 8½ x 5½ is exactly half a Letter page.
- an **A6 card** is an A5 sheet (210 x 148 mm, landscape) folded to A6 (105 x 148 mm),
  for a C6 envelope; A5 is exactly half an A4 page.
Flat cards are printed landscape: 6 x 4 in, and A6 (148 x 105 mm).

2-up: two pieces stacked on an office sheet, butted so one cut separates them. Crop
marks are hairlines outside the trim and a quarter inch or more in from the sheet's
edges, where office printers still print. When two pieces would fill the sheet (a folded
card is exactly half a Letter or A4 page) there would be no outside to mark: each is
then trimmed 1/16 in shorter, leaving a 1/8 in strip between them that is cut away, and
the marks stand in that strip, spanning it from one cut to the other. (The finished
card is 4¼ x 5⁷⁄₁₆ in or 105 x 146 mm and still travels in its A2 or C6 envelope.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4 as _A4
from reportlab.lib.pagesizes import LETTER as _LETTER

INCH = 72.0
MM = 72.0 / 25.4

LETTER: tuple[float, float] = (float(_LETTER[0]), float(_LETTER[1]))  # 612 x 792
A4: tuple[float, float] = (float(_A4[0]), float(_A4[1]))  # 595.28 x 841.89
PAGE_SIZES: dict[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}

CROP_OFFSET = 9.0  # 1/8 in clear of the trim, so a slightly-off cut never shows a mark
CROP_MIN_OFFSET = 3.0  # where the margin is narrow, the marks come closer, never onto it
CROP_LENGTH = 18.0  # 1/4 in
CROP_MIN_LENGTH = 4.0
CROP_LINE = 0.25  # a hairline
PRINTABLE = 0.25 * INCH  # office printers leave about this much unprinted
GUTTER = 0.125 * INCH  # the strip cut away between two pieces that would fill the sheet
GUTTER_CLEAR = 1.5  # the strip's marks stop this short of each cut


def page_size(name: str) -> tuple[float, float]:
    """"letter" or "a4" (any case) in points."""
    try:
        return PAGE_SIZES[str(name).strip().lower()]
    except KeyError:
        raise ValueError(f"page size must be letter or a4, not '{name}'") from None


@dataclass(frozen=True)
class CardStock:
    """A card as it goes through the printer; a folded one opens to `sheet`."""

    key: str
    title: str
    sheet: tuple[float, float]
    folded: bool
    home_page: str  # the office page a folded card is exactly half of ("letter"/"a4")

    @property
    def panel(self) -> tuple[float, float]:
        """One face of the finished card: half the sheet when folded."""
        width, height = self.sheet
        return (width / 2, height) if self.folded else (width, height)


A2_FOLDED = CardStock("a2", "A2 folded card, 4¼ × 5½ in", (8.5 * INCH, 5.5 * INCH), True, "letter")
A6_FOLDED = CardStock("a6", "A6 folded card, 105 × 148 mm", (210 * MM, 148 * MM), True, "a4")
FLAT_4X6 = CardStock("4x6", "Flat card, 6 × 4 in", (6 * INCH, 4 * INCH), False, "letter")
FLAT_A6 = CardStock("a6-flat", "Flat card, A6 148 × 105 mm", (148 * MM, 105 * MM), False, "a4")


# A card goes in an envelope at least 1/8 in longer and wider (the A2 pairing, the
# tightest the trade uses) and at most an inch: in a bigger one it slides and bends.
ENVELOPE_CLEARANCE = 0.125 * INCH
ENVELOPE_SLACK = 1.0 * INCH


@dataclass(frozen=True)
class EnvelopeSize:
    key: str
    title: str
    size: tuple[float, float]  # landscape, as it feeds for printing the front
    paper: str = "letter"  # the paper system it belongs to: "letter" (US) or "a4" (ISO)

    def holds(self, piece: tuple[float, float]) -> bool:
        """Whether a finished card of `piece` (either way round) fits, with clearance."""
        long_side, short_side = sorted(self.size, reverse=True)
        card_long, card_short = sorted(piece, reverse=True)
        return all(ENVELOPE_CLEARANCE - 0.01 <= room <= ENVELOPE_SLACK + 0.01
                   for room in (long_side - card_long, short_side - card_short))


ENVELOPES: dict[str, EnvelopeSize] = {
    "no10": EnvelopeSize("no10", "#10 business envelope, 9½ × 4⅛ in", (9.5 * INCH, 4.125 * INCH)),
    "a2": EnvelopeSize("a2", "A2 envelope, 5¾ × 4⅜ in (A2 card)", (5.75 * INCH, 4.375 * INCH)),
    "a6": EnvelopeSize("a6", "A6 envelope, 6½ × 4¾ in (6 × 4 in card)",
                       (6.5 * INCH, 4.75 * INCH)),
    "c6": EnvelopeSize("c6", "C6 envelope, 162 × 114 mm (A6 card)", (162 * MM, 114 * MM), "a4"),
    "dl": EnvelopeSize("dl", "DL envelope, 220 × 110 mm", (220 * MM, 110 * MM), "a4"),
}


def envelopes_holding(piece: tuple[float, float], paper: str = "letter") -> list[str]:
    """The envelopes a finished card of that size fits: those of the store's paper
    system first (a US store buys A6, a European one C6), each by best fit."""
    def order(key: str) -> tuple[bool, float]:
        return ENVELOPES[key].paper != paper, sum(ENVELOPES[key].size) - sum(piece)
    return sorted((k for k, e in ENVELOPES.items() if e.holds(piece)), key=order)


@dataclass(frozen=True)
class Imposition:
    """Where pieces sit on a sheet: lower-left corners, in the order they are filled."""

    sheet: tuple[float, float]
    piece: tuple[float, float]
    origins: tuple[tuple[float, float], ...]
    gutter: float = 0.0  # the strip between the two rows, cut away (0: butted)

    @property
    def marked(self) -> bool:
        """Whether the sheet needs trimming, hence crop marks."""
        return len(self.origins) > 1 or self.piece != self.sheet


def one_up(piece: tuple[float, float]) -> Imposition:
    """The piece is the page: card stock or an envelope fed through the printer."""
    return Imposition(piece, piece, ((0.0, 0.0),))


def two_up(piece: tuple[float, float], sheet: tuple[float, float]) -> Imposition:
    """Two pieces stacked and centred on `sheet`, butted so one cut parts them; when
    they would fill the sheet, each a little shorter with a strip between (see above)."""
    width, height = piece
    if width > sheet[0] + 0.5 or 2 * height > sheet[1] + 0.5:
        raise ValueError("two of these pieces do not fit on that sheet")
    x = max(0.0, (sheet[0] - width) / 2)
    if sheet[1] - 2 * height < 2 * (PRINTABLE + CROP_MIN_OFFSET + CROP_MIN_LENGTH):
        height = (sheet[1] - GUTTER) / 2
        return Imposition(sheet, (width, height), ((x, height + GUTTER), (x, 0.0)), GUTTER)
    bottom = max(0.0, (sheet[1] - 2 * height) / 2)
    return Imposition(sheet, piece, ((x, bottom + height), (x, bottom)))


def draw_crop_marks(canvas, imposition: Imposition) -> None:
    """Hairline marks at the ends of every cut line, outside the trim and inside the
    printable area; in the strip between two rows when there is one."""
    if not imposition.marked:
        return
    sheet_w, sheet_h = imposition.sheet
    piece_w, piece_h = imposition.piece
    xs = sorted({round(x + dx, 3) for x, _ in imposition.origins for dx in (0, piece_w)})
    ys = sorted({round(y + dy, 3) for _, y in imposition.origins for dy in (0, piece_h)})
    left, right, bottom, top = xs[0], xs[-1], ys[0], ys[-1]
    canvas.saveState()
    canvas.setLineWidth(CROP_LINE)
    canvas.setStrokeColorRGB(0, 0, 0)
    for x in xs:
        for start, direction, limit in ((top, 1, sheet_h), (bottom, -1, 0.0)):
            span = _tick(start, direction, limit)
            if span:
                canvas.line(x, span[0], x, span[1])
    for y in ys:
        for start, direction, limit in ((right, 1, sheet_w), (left, -1, 0.0)):
            span = _tick(start, direction, limit)
            if span:
                canvas.line(span[0], y, span[1], y)
    if imposition.gutter:
        _gutter_marks(canvas, imposition, left, right)
    canvas.restoreState()


def _tick(edge: float, direction: int, limit: float) -> tuple[float, float] | None:
    """A mark running out from the trim `edge` towards the sheet's edge at `limit`,
    stopping a quarter inch short of it; None when there is no room."""
    room = abs(limit - edge) - PRINTABLE
    if room < CROP_MIN_OFFSET + CROP_MIN_LENGTH:
        return None
    offset = CROP_OFFSET if room >= CROP_OFFSET + CROP_MIN_LENGTH else CROP_MIN_OFFSET
    length = min(CROP_LENGTH, room - offset)
    return edge + direction * offset, edge + direction * (offset + length)


def _gutter_marks(canvas, imposition: Imposition, left: float, right: float) -> None:
    """Short uprights in the strip between the rows, near both sides: each spans the
    strip from just inside one cut to just inside the other."""
    sheet_w = imposition.sheet[0]
    low = min(y for _, y in imposition.origins) + imposition.piece[1]
    high = low + imposition.gutter
    for x in (max(left, 0.0) + PRINTABLE + 6, min(right, sheet_w) - PRINTABLE - 6):
        canvas.line(x, low + GUTTER_CLEAR, x, high - GUTTER_CLEAR)


@dataclass(frozen=True)
class LabelSheet:
    """A sheet of address labels (pylabels' sheet spec): sizes in points."""

    key: str
    title: str
    page: tuple[float, float]
    columns: int
    rows: int
    label_width: float
    label_height: float
    top_margin: float
    side_margin: float
    column_gap: float
    row_gap: float = 0.0

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def positions(self) -> list[tuple[float, float]]:
        """Lower-left corner of each label, row by row from the top left (how they peel)."""
        page_h = self.page[1]
        out = []
        for row in range(self.rows):
            y = page_h - self.top_margin - (row + 1) * self.label_height - row * self.row_gap
            for column in range(self.columns):
                out.append((self.side_margin + column * (self.label_width + self.column_gap), y))
        return out


# Avery 5160 / 8160 (Letter): 30 labels 2⅝ x 1 in; 3/16 in sides, 1/2 in top, 1/8 in gutter.
# 3/16 x 2 + 3 x 2⅝ + 2 x 1/8 = 8½ in; 1/2 x 2 + 10 x 1 = 11 in.
AVERY_5160 = LabelSheet("avery5160", "Avery 5160 (Letter, 30 labels)", LETTER, 3, 10,
                        2.625 * INCH, 1.0 * INCH, 0.5 * INCH, 0.1875 * INCH, 0.125 * INCH)
# Avery L7160 (A4): 21 labels 63.5 x 38.1 mm; 7.25 mm sides, 15.15 mm top, 2.5 mm gutter.
# 7.25 x 2 + 3 x 63.5 + 2 x 2.5 = 210 mm; 15.15 x 2 + 7 x 38.1 = 297 mm.
AVERY_L7160 = LabelSheet("l7160", "Avery L7160 (A4, 21 labels)", A4, 3, 7,
                         63.5 * MM, 38.1 * MM, 15.15 * MM, 7.25 * MM, 2.5 * MM)
LABEL_SHEETS: dict[str, LabelSheet] = {s.key: s for s in (AVERY_5160, AVERY_L7160)}


def label_sheet(key: str) -> LabelSheet:
    try:
        return LABEL_SHEETS[str(key).strip().lower()]
    except KeyError:
        names = ", ".join(LABEL_SHEETS)
        raise ValueError(f"label sheet must be one of {names}, not '{key}'") from None


PieceDrawer = Callable[[object, float, float], None]  # draw(canvas, width, height)


def draw_piece(canvas, origin: tuple[float, float], draw: PieceDrawer,
               size: tuple[float, float]) -> None:
    """Run `draw` with the origin moved to the piece's lower-left corner."""
    canvas.saveState()
    canvas.translate(*origin)
    draw(canvas, *size)
    canvas.restoreState()
