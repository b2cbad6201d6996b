"""Fit user text into a box on a printed piece: shrink, then wrap, then ellipsise.

Names and addresses come from the counter and may be anything: a 200-character company,
a Greek or Arabic name, `<b>&`. Every printed box goes through `fit_lines()` so nothing
ever runs past its edge:

1. shrink the whole block evenly from `size` down to `min_size` (one size for the block,
   so an address reads as one piece);
2. if it still does not fit, wrap the long lines at the largest size from `size` down
   to `min_size` that lets the wrapped block fit;
3. as a last resort, at `min_size`, keep every logical line (an address must not lose
   its city to a long company name) and end the lines that were cut with "…".

Text is measured with `pdfmetrics.stringWidth` on the registered fonts, exactly as
ReportLab will draw it. Characters the chosen face lacks (Arabic, Hebrew in the serifs)
switch the block to the next face down a fallback chain that has them: `font_for()`.

Right-to-left text (Hebrew, Arabic) is shaped and put in visual order line by line
(`shape`, `visual_order`), since ReportLab draws code points left to right as given; a
block whose lines mostly read right to left is set flush right.

For a ReportLab `Paragraph` (which parses markup), pass user text through
`escape_text()` first; text drawn with `canvas.drawString` needs no escaping.

    fitted = fit_lines(address.envelope_lines(), SANS, 11, width=w, height=h, min_size=8)
    fitted.draw(canvas, x, top)          # top = y of the box's top edge
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi.algorithm import get_display
from reportlab.pdfbase import pdfmetrics

from boutique.printing.fallback_fonts import covers_all
from boutique.printing.fonts import SHIPPED_FALLBACK, register_fonts
from boutique.printing.runs import additive_units, chosen_fallbacks, draw_text, scaled
from boutique.printing.runs import text_width as _run_width

ELLIPSIS = "…"
LEADING_RATIO = 1.25
_SIZE_STEP = 0.25
# Control characters other than tab and newline: invisible at best, markup errors at worst.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Hebrew, Arabic, Syriac, Thaana, NKo... and the Arabic/Hebrew presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# A block in a face that lacks its script moves down this chain as a whole (an Arabic
# address all in DejaVu Sans); single characters none has go to fallback_fonts per run.
_FALLBACK = SHIPPED_FALLBACK


def escape_text(text: str | None) -> str:
    """User text made safe for a ReportLab Paragraph: `<b>&` prints as typed.

    Escapes &, < and >, drops control characters, sets each line's right-to-left runs in
    the order they are read (`visual_order`) and turns line breaks into <br/>.
    """
    clean = _CONTROL.sub("", str(text or "")).replace("\r\n", "\n").replace("\r", "\n")
    return "<br/>".join(escape(visual_order(shape(line))) for line in clean.split("\n"))


def shape(text: str) -> str:
    """Arabic letters in their joined forms (ReportLab draws code points one by one)."""
    return arabic_reshaper.reshape(text) if _RTL.search(text) else text


def reads_right_to_left(text: str) -> bool:
    """Whether the first letter of the line belongs to a right-to-left script."""
    for ch in text:
        direction = unicodedata.bidirectional(ch)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def visual_order(text: str) -> str:
    """One line in the order it is seen: Hebrew and Arabic runs read right to left.

    ReportLab draws left to right in the order given, so right-to-left text is turned
    round here (Unicode bidi algorithm), brackets mirrored inside a right-to-left run
    (rule L4: "(حداد)" keeps its parenthesis opening towards the word). Apply to a
    finished line, after wrapping.
    """
    return get_display(text) if _RTL.search(text) else text


def clean_line(text: str | None) -> str:
    """One line for canvas.drawString: control characters dropped, breaks to spaces."""
    return " ".join(_CONTROL.sub("", str(text or "")).split())


def text_width(text: str, font_name: str, size: float, tracking: float = 0.0) -> float:
    """Width in points; `tracking` is extra space between letters, as a fraction of size."""
    register_fonts()
    return _run_width(text, font_name, size, tracking)


def _covers(font_name: str, text: str) -> bool:
    face = getattr(pdfmetrics.getFont(font_name), "face", None)
    glyphs = getattr(face, "charToGlyph", None)
    if glyphs is None:  # a standard Type 1 font: Latin-1 only
        return all(ord(ch) < 256 for ch in text)
    return all(ord(ch) in glyphs or ch.isspace() for ch in text)


def font_for(font_name: str, texts: Iterable[str]) -> str:
    """`font_name`, or the first face down its fallback chain that draws every character
    a shipped face can draw."""
    register_fonts()
    joined = "".join(dict.fromkeys("".join(texts)))
    if joined.isascii() or covers_all(font_name, joined):
        return font_name
    last = font_name
    while last in _FALLBACK:
        last = _FALLBACK[last]
    # Characters no shipped face has (Han, emoji) go to fallback_fonts run by run: they
    # do not move the whole block out of the face asked for.
    needed = "".join(ch for ch in joined if _covers(last, ch))
    font = font_name
    while font in _FALLBACK and not _covers(font, needed):
        font = _FALLBACK[font]
    return font


def cap_height(font_name: str) -> float:
    """Height of the capitals as a fraction of the size (0.76 DejaVu, 0.65 EB Garamond)."""
    register_fonts()
    face = getattr(pdfmetrics.getFont(font_name), "face", None)
    return (getattr(face, "capHeight", 0) or 730) / 1000


@dataclass(frozen=True)
class FittedText:
    """Lines ready to draw, at one font and size that fit the box."""

    lines: tuple[str, ...]
    font_name: str
    font_size: float
    leading: float
    shrunk: bool = False
    wrapped: bool = False
    truncated: bool = False
    tracking: float = 0.0
    rtl: bool = False  # most lines read right to left: set flush right

    @property
    def height(self) -> float:
        return self.leading * len(self.lines)

    @property
    def width(self) -> float:
        return max((text_width(x, self.font_name, self.font_size, self.tracking)
                    for x in self.lines), default=0)

    def draw(self, canvas, x: float, top: float, align: str = "left", width: float = 0) -> None:
        """Draw with the first line's cap height just under `top`.

        `align` is "left", "center" (around x + width/2) or "right" (against x + width).
        A right-to-left block asked for "left" is set flush right in its own width.
        """
        if self.rtl and align == "left":
            align, width = "right", width or self.width
        canvas.setFont(self.font_name, self.font_size)
        space = self.tracking * self.font_size
        baseline = top - self.font_size * cap_height(self.font_name)
        at = {"center": x + width / 2, "right": x + width}.get(align, x)
        for line in self.lines:
            draw_text(canvas, at, baseline, line, self.font_name, self.font_size, align, space)
            baseline -= self.leading


def _fits_width(lines: Sequence[str], font: str, size: float, width: float,
                tracking: float = 0.0) -> bool:
    return all(text_width(line, font, size, tracking) <= width for line in lines)


def _height(count: int, size: float, leading_ratio: float) -> float:
    # The last line needs only its own size, not a full leading, to sit inside the box.
    return size * leading_ratio * (count - 1) + size if count else 0


def wrap(text: str, font: str, size: float, width: float, tracking: float = 0.0) -> list[str]:
    """Break one line at spaces to fit `width`; words longer than the width are split."""
    return list(_wrap(text, font, size, width, tracking, chosen_fallbacks()))


@lru_cache(maxsize=2048)  # a 5,000-character note's lines are kept at most this often
def _wrap(text: str, font: str, size: float, width: float, tracking: float,
          _fallbacks) -> tuple[str, ...]:
    # A paragraph is wrapped again at each size tried and again to know its height: the
    # answer is kept. Where the line is one run of one face, a candidate's width is its
    # words' widths added (exact, as text_width would give it), not measured afresh.
    units = additive_units(text, font)
    space = units(" ") if units else 0.0
    out: list[str] = []
    current, current_units = "", 0.0
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if units:
            word_units = units(word)
            candidate_units = current_units + space + word_units if current else word_units
            fits = scaled(candidate_units, candidate, size, tracking) <= width
        else:
            fits = text_width(candidate, font, size, tracking) <= width
        if fits:
            current = candidate
            current_units = candidate_units if units else 0.0
            continue
        if current:
            out.append(current)
        while text_width(word, font, size, tracking) > width and len(word) > 1:
            cut = _longest_prefix(word, font, size, width, tracking)
            out.append(word[:cut])
            word = word[cut:]
        current = word
        current_units = units(word) if units else 0.0
    if current or not out:
        out.append(current)
    return tuple(out)


def _longest_prefix(text: str, font: str, size: float, width: float, tracking: float = 0.0,
                    suffix: str = "") -> int:
    low, high = 1, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if text_width(text[:mid] + suffix, font, size, tracking) <= width:
            low = mid
        else:
            high = mid - 1
    return low


def ellipsise(text: str, font: str, size: float, width: float, tracking: float = 0.0) -> str:
    """`text` cut to end with "…" inside `width` (unchanged if it already fits)."""
    if text_width(text, font, size, tracking) <= width:
        return text
    cut = _longest_prefix(text.rstrip(), font, size, width, tracking, ELLIPSIS)
    return text[:cut].rstrip(" ,;") + ELLIPSIS


def fit_lines(
    lines: Iterable[str],
    font_name: str,
    size: float,
    width: float,
    height: float,
    min_size: float | None = None,
    leading_ratio: float = LEADING_RATIO,
    tracking: float = 0.0,
) -> FittedText:
    """Fit a few lines into a `width` x `height` box (points); see the module docstring.

    `size` is the preferred size, `min_size` the floor (default 70 % of `size`);
    `tracking` spaces the letters (a fraction of the size, e.g. 0.12 for spaced capitals).
    Blank lines are dropped; line breaks inside a line become separate lines.
    """
    # The same label or heading is fitted on every piece of a pack: the answer is kept.
    return _fit_lines(tuple(str(line or "") for line in lines), font_name, size, width,
                      height, min_size, leading_ratio, tracking, chosen_fallbacks())


@lru_cache(maxsize=4096)
def _fit_lines(lines: tuple[str, ...], font_name: str, size: float, width: float,
               height: float, min_size: float | None, leading_ratio: float, tracking: float,
               _fallbacks) -> FittedText:
    floor = min(size, min_size if min_size is not None else round(size * 0.7 * 4) / 4)
    logical = [shape(clean_line(part)) for line in lines for part in line.splitlines()]
    logical = [line for line in logical if line]
    font = font_for(font_name, logical)

    rtl = sum(map(reads_right_to_left, logical)) * 2 > len(logical)

    def result(out, at, **flags) -> FittedText:
        return FittedText(tuple(visual_order(line) for line in out), font, at,
                          at * leading_ratio, shrunk=at < size, tracking=tracking, rtl=rtl,
                          **flags)

    sizes = _sizes(size, floor)
    for at in sizes:
        if (_fits_width(logical, font, at, width, tracking)
                and _height(len(logical), at, leading_ratio) <= height):
            return result(logical, at)
    for at in sizes:
        # A cheap lower bound on the wrapped lines first (the letters alone, less a little
        # for the tracking lost at each break), so a 5,000-character note is not wrapped at
        # every size; only a size that can fit is wrapped for real.
        least = sum(max(1, math.ceil(0.98 * text_width(line.replace(" ", ""), font, at,
                                                       tracking) / width))
                    for line in logical)
        if _height(int(least), at, leading_ratio) > height:
            continue
        wrapped = [piece for line in logical for piece in wrap(line, font, at, width, tracking)]
        if _height(len(wrapped), at, leading_ratio) <= height:
            return result(wrapped, at, wrapped=True)
    kept = _truncate(logical, font, floor, width, height, leading_ratio, tracking)
    return result(kept, floor, wrapped=True, truncated=True)


def fit_text(text: str, font_name: str, size: float, width: float, height: float,
             min_size: float | None = None, leading_ratio: float = LEADING_RATIO,
             tracking: float = 0.0) -> FittedText:
    """`fit_lines` for one string (which may still wrap onto several lines)."""
    return fit_lines([text], font_name, size, width, height, min_size, leading_ratio, tracking)


@lru_cache(maxsize=1024)
def _sizes(size: float, floor: float) -> tuple[float, ...]:
    out, at = [], size
    while at > floor:
        out.append(at)
        at = round(at - _SIZE_STEP, 2)
    return (*out, floor)


def _truncate(logical: list[str], font: str, size: float, width: float, height: float,
              leading_ratio: float, tracking: float) -> list[str]:
    """Keep one line per logical line first, then give spare room to the long ones."""
    capacity = int((height - size) // (size * leading_ratio)) + 1 if height >= size else 1
    pieces = [wrap(line, font, size, width, tracking) for line in logical]
    cut_after = capacity < len(pieces)  # not even one line each: keep the first ones
    pieces = pieces[:capacity]
    allowed = [1] * len(pieces)
    spare = capacity - len(pieces)
    for index, wrapped in enumerate(pieces):
        extra = min(spare, len(wrapped) - 1)
        allowed[index] += extra
        spare -= extra
    out: list[str] = []
    for index, (wrapped, keep) in enumerate(zip(pieces, allowed, strict=True)):
        kept = wrapped[:keep]
        if len(wrapped) > keep:
            kept[-1] = ellipsise(" ".join(wrapped[keep - 1:]), font, size, width, tracking)
        if cut_after and index == len(pieces) - 1 and not kept[-1].endswith(ELLIPSIS):
            kept[-1] = ellipsise(f"{kept[-1]} {ELLIPSIS}", font, size, width, tracking)
        out += kept
    return out
