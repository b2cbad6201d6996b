"""Where things land on a page, read back from the content stream: the box of every
string drawn (in its font, size and letter spacing) and the ends of every line and
rectangle, in page coordinates (the cm transforms applied)."""

from __future__ import annotations

from dataclasses import dataclass

from pypdf.generic import ContentStream
from reportlab.pdfbase import pdfmetrics

from tests.printing.stationery_pdf import font_decoder, operand_bytes, reader, registered_name

ASCENT = 0.74  # of the size: caps and most ascenders
DESCENT = 0.22


@dataclass(frozen=True)
class Box:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float = 0.0

    def overlaps(self, other: Box, slack: float = 0.3) -> bool:
        return (self.x0 < other.x1 - slack and other.x0 < self.x1 - slack
                and self.y0 < other.y1 - slack and other.y0 < self.y1 - slack)


@dataclass
class Marks:
    texts: list[Box]
    strokes: list[tuple[float, float, float, float]]  # segments and rectangles (x0, y0, x1, y1)


def _apply(m, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _multiply(m, n):
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def page_marks(pdf: bytes, page: int = 0) -> Marks:
    doc = reader(pdf)
    the_page = doc.pages[page]
    fonts = the_page["/Resources"].get("/Font", {})
    decoders = {name: font_decoder(font) for name, font in fonts.items()}
    faces = {name: registered_name(str(font.get_object().get("/BaseFont", "")))
             for name, font in fonts.items()}
    ctm, stack = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []
    tm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    font, size, space, leading = "", 0.0, 0.0, 0.0
    start = (0.0, 0.0)
    texts, strokes = [], []
    for operands, op in ContentStream(the_page.get_contents(), doc).operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = _multiply(tuple(float(v) for v in operands), ctm)
        elif op == b"BT":
            tm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        elif op == b"Tm":
            tm = tuple(float(v) for v in operands)
        elif op == b"Tf":
            font, size = operands[0], float(operands[1])
        elif op == b"Tc":
            space = float(operands[0])
        elif op == b"TL":
            leading = float(operands[0])
        elif op == b"T*":
            tm = (*tm[:4], tm[4], tm[5] - leading)
        elif op == b"Tj":
            raw = operand_bytes(operands[0])
            text = decoders.get(font, font_decoder(None))(raw)
            width = pdfmetrics.stringWidth(text, faces.get(font, "Helvetica"), size)
            width += space * max(len(text) - 1, 0)
            x0, y0 = _apply(ctm, *_apply(tm, 0, -DESCENT * size))
            x1, y1 = _apply(ctm, *_apply(tm, width, ASCENT * size))
            if text.strip():
                texts.append(Box(text, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1),
                                 size))
        elif op == b"m":
            start = _apply(ctm, float(operands[0]), float(operands[1]))
        elif op == b"l":
            end = _apply(ctm, float(operands[0]), float(operands[1]))
            strokes.append((*start, *end))
            start = end
        elif op == b"re":
            x, y, w, h = (float(v) for v in operands)
            (ax, ay), (bx, by) = _apply(ctm, x, y), _apply(ctm, x + w, y + h)
            strokes.append((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))
    return Marks(texts, strokes)


def page_count(pdf: bytes) -> int:
    return len(reader(pdf).pages)


def page_size(pdf: bytes, page: int) -> tuple[float, float]:
    box = reader(pdf).pages[page].mediabox
    return float(box.width), float(box.height)


def overlapping(boxes: list[Box]) -> list[tuple[Box, Box]]:
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlaps(b)]
