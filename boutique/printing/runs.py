"""A line set run by run: each character in the face asked for when it has it, else in
the first face down the fallback chain that does (fonts.SHIPPED_FALLBACK, then
fallback_fonts: a CJK face, the CID faces, an emoji face).

Everything that measures or draws user text goes through `text_width` / `draw_text`, so
a name like "Mr. 李小龍" measures as it is drawn: Latin in the book face, the Han
characters in a CJK face.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from functools import cache, lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from boutique.printing.fallback_fonts import (
    Fallbacks,
    covered_characters,
    covers,
    covers_all,
    system_fallbacks,
)
from boutique.printing.fonts import SANS, SHIPPED_FALLBACK, register_fonts

_active: list[Fallbacks] = []


def fallbacks() -> Fallbacks:
    """The fallbacks in use: the system's, unless `using_fallbacks` chose others."""
    return _active[-1] if _active else system_fallbacks()


@contextmanager
def using_fallbacks(chosen: Fallbacks):
    """Set text with these fallbacks inside the block (e.g. the CID faces alone)."""
    _active.append(chosen)
    try:
        yield chosen
    finally:
        _active.pop()


def _joins_previous(ch: str) -> bool:
    """Spaces, combining marks and joiners stay in the run before them."""
    return ch.isspace() or unicodedata.category(ch) in ("Mn", "Me", "Cf")


def _chain(font_name: str) -> list[str]:
    """The face, its shipped fallbacks, and at last the upright sans, which has the most
    (DejaVu Sans Oblique has no Arabic: an Arabic word in an italic line is set upright)."""
    chain = [font_name]
    while chain[-1] in SHIPPED_FALLBACK:
        chain.append(SHIPPED_FALLBACK[chain[-1]])
    return chain if SANS in chain else [*chain, SANS]


def font_runs(text: str, font_name: str) -> tuple[tuple[str, str], ...]:
    """(piece, face) for each stretch of `text` one face draws."""
    register_fonts()
    return _runs(text, font_name, _active[-1] if _active else None)


@lru_cache(maxsize=8192)
def _runs(text: str, font_name: str,
          chosen: Fallbacks | None) -> tuple[tuple[str, str], ...]:
    if text.isascii() or covers_all(font_name, text) or all(
            covers(font_name, ch) or _joins_previous(ch) for ch in text):
        return ((text, font_name),)
    chosen = chosen or system_fallbacks()  # looked for only once a character needs it
    chain = _chain(font_name)
    out: list[list[str]] = []
    for ch in text:
        if _joins_previous(ch) and out:
            out[-1][0] += ch
            continue
        faces = [*chain, *chosen.faces_for(ch, text)]
        face = next((f for f in faces if covers(f, ch)), font_name)
        if out and out[-1][1] == face:
            out[-1][0] += ch
        else:
            out.append([ch, face])
    return tuple((piece, face) for piece, face in out)


def missing_characters(text: str, font_name: str = SANS) -> str:
    """The characters of `text` that no face can draw (they would print as boxes)."""
    register_fonts()
    return _missing(text, font_name, _active[-1] if _active else None)


@lru_cache(maxsize=4096)
def _missing(text: str, font_name: str, chosen: Fallbacks | None) -> str:
    chain = _chain(font_name)
    # Set differences first: nearly every text is drawn in full by the chain's faces.
    uncovered = set(text)
    for face in chain:
        covered = covered_characters(face)
        if covered is None:
            uncovered = {ch for ch in uncovered if not covers(face, ch)}
        else:
            uncovered -= covered
        if not uncovered:
            return ""
    rest = [ch for ch in dict.fromkeys(text) if ch in uncovered and not _joins_previous(ch)]
    if not rest:
        return ""
    chosen = chosen or system_fallbacks()
    return "".join(ch for ch in rest
                   if not any(covers(f, ch) for f in chosen.faces_for(ch, text)))


def chosen_fallbacks() -> Fallbacks | None:
    """The fallbacks `using_fallbacks` chose (None: the system's), for keying a cache of
    what was measured."""
    return _active[-1] if _active else None


# A TrueType face's advance widths by character, read once per face: a pack measures
# some hundred thousand strings, and the table makes each a single pass in C. `exact`:
# every width is a whole number of 1/256 units (DejaVu's 2048-unit em, EB Garamond's
# 1000), so sums of them are exact floats, the same in any order.
_WIDTHS: dict[str, tuple[object, dict[str, float], bool]] = {}


def _width_entry(face: str) -> tuple[object, dict[str, float], bool] | None:
    font = pdfmetrics.getFont(face)
    known = _WIDTHS.get(face)
    if known is not None and known[0] is font:
        return known
    if not isinstance(font, TTFont):
        return None
    table = {chr(code): width for code, width in font.face.charWidths.items()}
    exact = all(float(width * 256).is_integer() and abs(width) < 2 ** 20
                for width in table.values())
    _WIDTHS[face] = (font, table, exact)
    return _WIDTHS[face]


def _width_table(face: str) -> dict[str, float] | None:
    """The face's exact widths by character, when its widths can be added up here the
    way ReportLab adds them (else None: ReportLab measures)."""
    entry = _width_entry(face)
    return entry[1] if entry is not None and entry[2] and _scaling() is not None else None


# ReportLab turns the sum of a run's widths into points one way in Python and another in
# its C accelerator (they can differ in the last bit): the one in use is found by asking.
_SCALINGS: tuple[Callable[[float, float], float], ...] = (
    lambda units, size: 0.001 * size * units,
    lambda units, size: units * 0.001 * size,
)


@cache
def _scaling() -> Callable[[float, float], float] | None:
    """The scaling that gives exactly what pdfmetrics.stringWidth gives, on a few hundred
    probes; None when none does (every width is then ReportLab's own)."""
    register_fonts()
    widths = pdfmetrics.getFont(SANS).face.charWidths
    letters = [chr(code) for code in range(0x20, 0x250) if code in widths]
    rng = random.Random(2026)
    probes = [("".join(rng.choice(letters) for _ in range(rng.randint(1, 40))),
               rng.choice((5.5, 6.3, 6.8, 7.25, 7.5, 8.5, 9, 9.75, 11, 13, 26)))
              for _ in range(400)]
    for scale in _SCALINGS:
        if all(scale(sum(widths[ord(ch)] for ch in text), size)
               == pdfmetrics.stringWidth(text, SANS, size) for text, size in probes):
            return scale
    return None


def additive_units(text: str, face: str) -> Callable[[str], float] | None:
    """When `text` is one run in `face` (every character in the face's table) and the
    face's widths add up exactly: the function giving any piece of `text` its width in
    thousandths of the size, so that its `text_width` is `scaled(units, piece, ...)`
    and a line being built word by word is measured by adding, not measured again.
    None otherwise (measure each piece with `text_width`)."""
    register_fonts()
    table = _width_table(face)
    if table is None or not table.keys() >= set(text):
        return None
    return lambda piece: sum(map(table.__getitem__, piece))


def scaled(units: float, text: str, size: float, tracking: float = 0.0) -> float:
    """`text_width` of `text` from its units (additive_units), to the last bit."""
    extra = tracking * size * (len(text) - 1) if tracking and len(text) > 1 else 0.0
    return _scaling()(units, size) + extra


def string_width(text: str, face: str, size: float) -> float:
    """`pdfmetrics.stringWidth` of one run, to the last bit: the same widths added in the
    same order and scaled the same way (a character the face lacks, or a face that is not
    TrueType, is measured by ReportLab itself)."""
    table = _width_table(face)
    if table is not None:
        try:
            return _scaling()(sum(map(table.__getitem__, text)), size)
        except KeyError:
            pass
    return pdfmetrics.stringWidth(text, face, size)


def text_width(text: str, font_name: str, size: float, tracking: float = 0.0) -> float:
    """Width in points; `tracking` is extra space between letters, as a fraction of size."""
    extra = tracking * size * (len(text) - 1) if tracking and len(text) > 1 else 0.0
    return sum(string_width(piece, face, size)
               for piece, face in font_runs(text, font_name)) + extra


def draw_text(canvas, x: float, y: float, text: str, font_name: str, size: float,
              align: str = "left", char_space: float = 0.0) -> float:
    """Draw one line at baseline `y`, left of, centred on or right of `x` (`align`);
    returns its width. The canvas is left set to `font_name` at `size`."""
    runs = font_runs(text, font_name)
    if len(runs) == 1 and runs[0][1] == font_name:
        canvas.setFont(font_name, size)
        draw = {"center": canvas.drawCentredString, "right": canvas.drawRightString}.get(
            align, canvas.drawString)
        draw(x, y, text, charSpace=char_space)
        # One run: its width is text_width's, without looking the runs up again.
        return string_width(text, font_name, size) + char_space * max(len(text) - 1, 0)
    widths = [string_width(piece, face, size) for piece, face in runs]
    total = sum(widths) + char_space * max(len(text) - 1, 0)
    at = x - total / 2 if align == "center" else x - total if align == "right" else x
    for (piece, face), width in zip(runs, widths, strict=True):
        canvas.setFont(face, size)
        canvas.drawString(at, y, piece, charSpace=char_space)
        at += width + char_space * len(piece)
    canvas.setFont(font_name, size)
    return total
