"""Reading our PDFs back with pypdf: pages, sizes, text and where each line was drawn."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.pdfbase import pdfmetrics

from boutique.printing.fit import text_width
from boutique.printing.fonts import DISPLAY, SANS, SERIF

# The PostScript names ReportLab writes for our TTFs, back to our registered names.
_FONTS = {"EBGaramond12-Regular": DISPLAY, "DejaVuSans": SANS, "DejaVuSerif": SERIF}


def operand_bytes(operand) -> bytes:
    """A string operand's bytes as written: pypdf may hand a text string back decoded
    (PDFDocEncoding), and our embedded fonts map the written bytes, not those letters."""
    if hasattr(operand, "get_original_bytes"):
        return operand.get_original_bytes()
    return bytes(operand, "latin-1") if isinstance(operand, str) else bytes(operand)


def registered_name(base_font: str) -> str:
    """Our registered face for a PDF /BaseFont (subset prefix dropped): the fallbacks'
    too, so a CJK run measures in the face it was drawn in."""
    base = base_font.split("+")[-1].lstrip("/")
    if base in _FONTS:
        return _FONTS[base]
    for name in pdfmetrics.getRegisteredFontNames():
        face = getattr(pdfmetrics.getFont(name), "face", None)
        ps = getattr(face, "name", b"")
        if (ps.decode("latin-1") if isinstance(ps, bytes) else str(ps)) == base:
            return name
    return SANS


def reader(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF"), "not a PDF"
    return PdfReader(io.BytesIO(pdf))


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader(pdf).pages]


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in reader(pdf).pages]


def all_text(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


@dataclass(frozen=True)
class Run:
    text: str
    x: float
    y: float
    size: float
    font: str

    @property
    def right(self) -> float:
        return self.x + text_width(self.text, self.font, self.size)


def runs(pdf: bytes, page: int = 0) -> list[Run]:
    """Each line of text drawn on the page, with its start point, size and font."""
    found: list[Run] = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text.strip() or font_dict is None:
            return
        base = str(font_dict.get("/BaseFont", ""))
        found.append(Run(text.rstrip("\n"), tm[4] + cm[4], tm[5] + cm[5], font_size,
                         registered_name(base)))

    reader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


def font_decoder(font) -> Callable[[bytes], str]:
    """How a font's written bytes read as text: through its ToUnicode map, or two bytes a
    letter for ReportLab's built-in CID fonts (UCS-2 encodings, no map), the faces used
    where the machine has no CJK font of its own."""
    if font is None:
        return lambda raw: raw.decode("latin-1")
    encoding = str(font.get_object().get("/Encoding", ""))
    if encoding.endswith("UCS2-H"):
        return lambda raw: raw.decode("utf-16-be", "replace")
    codes = _to_unicode(font)
    return lambda raw: "".join(codes.get(b, chr(b)) for b in raw)


def _to_unicode(font) -> dict[int, str]:
    """A font's ToUnicode map (bfchar and bfrange entries, as ReportLab writes them)."""
    stream = font.get_object().get("/ToUnicode")
    if stream is None:
        return {}
    text = stream.get_object().get_data().decode("latin-1")
    out: dict[int, str] = {}
    for section in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, value in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", section):
            out[int(code, 16)] = (bytes.fromhex(value).decode("utf-16-be", "replace")
                                  if len(value) % 4 == 0 else chr(int(value, 16)))
    for section in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, value in re.findall(
                r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", section):
            start = int(value, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                out[code] = chr(start + offset)
    return out


def drawn_strings(pdf: bytes, page: int = 0) -> list[str]:
    """Each line as the content stream draws it, left to right, decoded through its
    fonts' ToUnicode (the runs of one line joined): the visual order, before any
    reading-order guess of an extractor."""
    the_page = reader(pdf).pages[page]
    fonts = the_page["/Resources"].get("/Font", {})
    decoders = {name: font_decoder(font) for name, font in fonts.items()}
    decode = font_decoder(None)
    out: list[str] = []
    line_y, last_y = None, object()
    for operands, operator in ContentStream(the_page.get_contents(), reader(pdf)).operations:
        if operator == b"Tf":
            decode = decoders.get(operands[0], font_decoder(None))
        elif operator == b"Tm":
            line_y = round(float(operands[5]), 2)
        elif operator == b"Tj":
            raw = operand_bytes(operands[0])
            text = decode(raw)
            if line_y == last_y and out:  # the next run of the same line (a font change)
                out[-1] += text
            else:
                out.append(text)
            last_y = line_y
    return out
