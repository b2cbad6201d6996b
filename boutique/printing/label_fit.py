"""Fitting one address on a label: never below 8 pt, never without its street or city.

Postal services read a label set at 8 pt or more. An address first shrinks from the
preferred size and wraps as any block does (fit.fit_lines), down to 8 pt. When it still
does not fit, lines give way in this order: the company (cut to one line with "…", then
left off), then the name (cut to one line). The street lines, the city line and the
country are never cut or left off: an address that cannot fit with all of them is not
printed at all (labels.py lists it on a page of its own, to write by hand).

Which line is the company: a MailingAddress says so; for plain lines, the second of four
or more lines when it has no digit (a street, a box number or a postcode has one).
"""

from __future__ import annotations

from dataclasses import dataclass

from boutique.printing.fit import (
    FittedText,
    clean_line,
    ellipsise,
    fit_lines,
    font_for,
    reads_right_to_left,
    shape,
    visual_order,
    wrap,
)

LABEL_FLOOR = 8.0  # the postal minimum
LEADING = 1.18


@dataclass(frozen=True)
class LabelLines:
    """An address's lines and the index of its company line (-1: none)."""

    lines: tuple[str, ...]
    company: int = -1

    @property
    def name(self) -> str:
        return self.lines[0] if self.lines else ""


def label_lines(address, home_country: str = "") -> LabelLines:
    """The lines of an address given as lines or as a MailingAddress, the company known."""
    if hasattr(address, "envelope_lines"):
        raw = [clean_line(x) for x in address.envelope_lines(home_country)]
        lines = tuple(x for x in raw if x)
        company = clean_line(getattr(address, "company", ""))
        return LabelLines(lines, lines.index(company) if company in lines[1:] else -1)
    lines = tuple(x for x in (clean_line(str(line)) for line in address or ()) if x)
    guess = len(lines) >= 4 and not any(ch.isdigit() for ch in lines[1])
    return LabelLines(lines, 1 if guess else -1)


def fit_label(address: LabelLines, font: str, size: float, width: float,
              height: float) -> FittedText | None:
    """The lines to print, at 8 pt or more, or None when the address cannot fit whole."""
    if not address.lines:
        return None
    fitted = fit_lines(address.lines, font, size, width, height, min_size=LABEL_FLOOR,
                       leading_ratio=LEADING)
    if not fitted.truncated:
        return fitted
    return _give_way(address, font_for(font, address.lines), width, height)


def _give_way(address: LabelLines, font: str, width: float, height: float) -> FittedText | None:
    at = LABEL_FLOOR
    capacity = int((height - at) // (at * LEADING)) + 1 if height >= at else 0
    logical = [shape(line) for line in address.lines]
    pieces = [wrap(line, font, at, width) for line in logical]
    kept = [list(p) for p in pieces]
    yielding = [i for i in (address.company, 0) if i >= 0]
    for index in yielding:  # first cut to one line, then (the company only) leave off
        if sum(map(len, kept)) <= capacity:
            break
        if len(kept[index]) > 1:
            kept[index] = [ellipsise(logical[index], font, at, width)]
    if sum(map(len, kept)) > capacity and address.company >= 0:
        kept[address.company] = []
    if sum(map(len, kept)) > capacity:
        return None  # the street, city or country would be lost: not on a label
    out = [visual_order(line) for piece in kept for line in piece]
    rtl = sum(map(reads_right_to_left, logical)) * 2 > len(logical)
    return FittedText(tuple(out), font, at, at * LEADING, shrunk=True, wrapped=True,
                      truncated=any(len(k) < len(p) for k, p in zip(kept, pieces, strict=True)),
                      rtl=rtl)
