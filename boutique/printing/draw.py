"""Small drawing pieces shared by the prompts, call scripts, care cards and the pack.

One restrained palette (warm black ink, a grey for labels, a bronze accent), hairline
rules, letter-spaced sans labels: the house style of every printed piece.
"""

from __future__ import annotations

from collections.abc import Sequence

from boutique.printing.fit import (
    FittedText,
    cap_height,
    clean_line,
    ellipsise,
    fit_lines,
    font_for,
    reads_right_to_left,
    shape,
    text_width,
    visual_order,
    wrap,
)
from boutique.printing.fonts import SANS, SANS_BOLD, register_fonts
from boutique.printing.runs import draw_text

INK = (0.13, 0.12, 0.11)
MUTED = (0.45, 0.43, 0.40)
RULE = (0.70, 0.66, 0.60)
ACCENT = (0.48, 0.36, 0.24)  # the app's bronze: the top-client mark, small headings
WARN = (0.64, 0.28, 0.11)
WARN_FILL = (0.99, 0.95, 0.91)
HAIRLINE = 0.4
SCISSORS = "\u2702"
PRINTABLE_INSET = 18.0  # office printers leave about a quarter inch unprinted


def tracked(canvas, text: str, font: str, size: float, x: float, top: float, width: float,
            tracking: float = 0.14, align: str = "left", color=INK, min_size: float = 0) -> float:
    """One line of capitals, letter-spaced (`tracking` in ems), shrunk then cut to fit
    `width`; the cap height sits just under `top`. Returns the size used."""
    fitted = fit_lines([clean_line(text).upper()], font, size, width, size * 1.2,
                       min_size=min_size or size * 0.6, tracking=tracking)
    canvas.saveState()
    canvas.setFillColorRGB(*color)
    fitted.draw(canvas, x, top, align=align, width=width)
    canvas.restoreState()
    return fitted.font_size


def label(canvas, x: float, top: float, text: str, size: float = 6.3,
          color=MUTED, width: float = 400) -> float:
    """A small letter-spaced label; returns the y just under it."""
    tracked(canvas, text, SANS_BOLD, size, x, top, width, tracking=0.16, color=color)
    return top - size * 1.75


def hairline(canvas, x1: float, y1: float, x2: float, y2: float, color=RULE,
             width: float = HAIRLINE) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(*color)
    canvas.setLineWidth(width)
    canvas.line(x1, y1, x2, y2)
    canvas.restoreState()


def cut_line(canvas, y: float, page_width: float) -> None:
    """A dashed line right across the page with a small pair of scissors at the left."""
    canvas.saveState()
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 3)
    canvas.line(PRINTABLE_INSET + 14, y, page_width - PRINTABLE_INSET, y)
    canvas.restoreState()
    canvas.saveState()
    canvas.setFillColorRGB(*RULE)
    canvas.setFont(SANS, 10)
    canvas.drawString(PRINTABLE_INSET, y - 3.6, SCISSORS)
    canvas.restoreState()


def block(canvas, lines: Sequence[str], font: str, size: float, x: float, top: float,
          width: float, height: float, min_size: float | None = None, color=INK,
          align: str = "left", leading_ratio: float = 1.3, keep_left: bool = False) -> FittedText:
    """Fit `lines` into the box and draw them; returns what was drawn (for its height).

    Right-to-left text is set flush right in the box, unless `keep_left` (a name heading
    a piece stays where the eye expects it)."""
    fitted = fit_lines(lines, font, size, width, height, min_size=min_size,
                       leading_ratio=leading_ratio)
    canvas.setFillColorRGB(*color)
    if keep_left and fitted.rtl and align == "left":
        align, width = "right", fitted.width
    fitted.draw(canvas, x, top, align=align, width=width)
    canvas.setFillColorRGB(*INK)
    return fitted


_WARN_PAD = 4.0


def _warning_lines(warnings: Sequence[str]) -> list[str]:
    return [f"\u25b2 {clean_line(w)}" for w in warnings if clean_line(w)]  # ▲: take care


def warning_height(warnings: Sequence[str], width: float, size: float = 7.5) -> float:
    """The height the warning box needs to show every warning at `size`."""
    if not warnings:
        return 0.0
    fitted = fit_lines(_warning_lines(warnings), SANS, size, width - 2 * _WARN_PAD - 2,
                       10_000, min_size=size)
    return fitted.height + 2 * _WARN_PAD - (fitted.leading - fitted.font_size)


def warning_box(canvas, x: float, top: float, width: float, warnings: Sequence[str],
                max_height: float = 60, size: float = 7.5) -> float:
    """Warnings in a tinted box with a rule on the left; returns the y under the box."""
    if not warnings:
        return top
    pad = _WARN_PAD
    fitted = fit_lines(_warning_lines(warnings), SANS, size, width - 2 * pad - 2,
                       max_height - 2 * pad, min_size=6)
    height = fitted.height + 2 * pad - (fitted.leading - fitted.font_size)
    canvas.saveState()
    canvas.setFillColorRGB(*WARN_FILL)
    canvas.rect(x, top - height, width, height, stroke=0, fill=1)
    canvas.setFillColorRGB(*WARN)
    canvas.rect(x, top - height, 1.6, height, stroke=0, fill=1)
    fitted.draw(canvas, x + pad + 2, top - pad)
    canvas.restoreState()
    return top - height


def checkbox(canvas, x: float, y: float, text: str, size: float = 8, box: float = 7) -> float:
    """An empty square to tick, then its label; returns the x after it."""
    canvas.saveState()
    canvas.setStrokeColorRGB(*INK)
    canvas.setLineWidth(0.6)
    canvas.rect(x, y - 0.5, box, box, stroke=1, fill=0)
    canvas.setFont(SANS, size)
    canvas.setFillColorRGB(*INK)
    canvas.drawString(x + box + 3.5, y, text)
    canvas.restoreState()
    return x + box + 3.5 + text_width(text, SANS, size)


def writing_lines(canvas, x: float, top: float, width: float, bottom: float,
                  spacing: float = 19) -> int:
    """Ruled lines to write on, from just under `top` down to `bottom`; returns how many."""
    count = 0
    y = top - spacing
    while y >= bottom - 0.5:
        hairline(canvas, x, y, x + width, y, color=RULE, width=0.35)
        y -= spacing
        count += 1
    return count


def _wrapped(paragraphs: Sequence[str], font: str, size: float, width: float,
             max_lines: int = 0) -> list[list[str]]:
    out = []
    for paragraph in paragraphs:
        lines = wrap(paragraph, font, size, width)
        if max_lines and len(lines) > max_lines:
            rest = " ".join(lines[max_lines - 1:])
            lines = [*lines[:max_lines - 1], ellipsise(rest, font, size, width)]
        out.append(lines)
    return out


def _offsets(wrapped: list[list[str]], size: float, leading: float, gap: float):
    """(paragraph, line, distance of the line's top from the box top) for every line."""
    out, offset = [], 0.0
    for index, lines in enumerate(wrapped):
        for number in range(len(lines)):
            out.append((index, number, offset))
            offset += size * leading
        offset += gap * size
    return out


def _fits(wrapped, size, leading, gap, height) -> bool:
    spots = _offsets(wrapped, size, leading, gap)
    return not spots or spots[-1][2] + size <= height


def draw_paragraphs(canvas, paragraphs: Sequence[str], font: str, size: float, x: float,
                    top: float, width: float, height: float, min_size: float | None = None,
                    leading: float = 1.3, gap: float = 0.45, color=INK,
                    markers: Sequence[str] | None = None, marker_font: str = SANS,
                    marker_color=MUTED, indent: float = 0, max_lines: int = 0) -> float:
    """Paragraphs with a little space between them (and an optional marker hung in the
    left `indent`, e.g. a number), shrunk to fit the box; at the smallest size what does
    not fit is cut with "…". `max_lines` cuts each paragraph to that many lines, so that
    one long paragraph cannot crowd out the others. Returns the height used."""
    register_fonts()
    paras = [shape(clean_line(p)) for p in paragraphs]
    keep = [i for i, p in enumerate(paras) if p]
    paras = [paras[i] for i in keep]
    marks = [markers[i] if markers and i < len(markers) else "" for i in keep]
    if not paras or height <= 0:
        return 0.0
    font = font_for(font, paras)
    text_w = width - indent
    floor = min(size, min_size or size * 0.7)
    at = size
    wrapped = _wrapped(paras, font, at, text_w, max_lines)
    while at > floor and not _fits(wrapped, at, leading, gap, height):
        at = max(floor, round(at - 0.25, 2))
        wrapped = _wrapped(paras, font, at, text_w, max_lines)
    spots = [s for s in _offsets(wrapped, at, leading, gap) if s[2] + at <= height]
    spots = spots or _offsets(wrapped, at, leading, gap)[:1]
    last_para, last_line, _ = spots[-1]
    cut = (last_para, last_line) != (len(wrapped) - 1, len(wrapped[-1]) - 1)
    rtl = [reads_right_to_left(p) for p in paras]
    ascent = at * cap_height(font)
    canvas.saveState()
    for para, number, offset in spots:
        baseline = top - offset - ascent
        line = wrapped[para][number]
        if cut and (para, number) == (last_para, last_line):
            rest = " ".join(wrapped[para][number:])
            line = ellipsise(rest + (" …" if para < len(wrapped) - 1 else ""), font, at, text_w)
        if number == 0 and marks[para]:
            canvas.setFont(marker_font, at * 0.85)
            canvas.setFillColorRGB(*marker_color)
            canvas.drawString(x, baseline, marks[para])
        canvas.setFillColorRGB(*color)
        if rtl[para]:  # a paragraph in Hebrew or Arabic is set flush right
            draw_text(canvas, x + width, baseline, visual_order(line), font, at, "right")
        else:
            draw_text(canvas, x + indent, baseline, visual_order(line), font, at)
    canvas.restoreState()
    return spots[-1][2] + at


def paragraphs_height(paragraphs: Sequence[str], fonts: Sequence[str], size: float,
                      width: float, leading: float = 1.3, gap: float = 0.5) -> float:
    """The height `draw_paragraphs` needs for these paragraphs drawn one after another,
    each in its own font, `gap` (in ems) apart."""
    total = 0.0
    for text, font in zip(paragraphs, fonts, strict=True):
        line = shape(clean_line(text))
        lines = len(wrap(line, font_for(font, [line]), size, width))
        total += (lines - 1) * size * leading + size
    return total + gap * size * max(len(paragraphs) - 1, 0)
