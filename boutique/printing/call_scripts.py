"""Call scripts: one per due call, to read from at the counter and write the outcome on.

Top to bottom: the client at a glance (name, the name they go by, partner, the number to
dial, the top-client mark), any warning, the purchase and the pinned facts side by side,
the script for the call's kind (numbered; lines to say in serif, cues in sans), boxes
to tick for the outcome and lines to write on.

Layouts: "half" (two to a Letter or A4 page, with a cut line) and "full" (one a page).
`draw_script(canvas, script, w, h, ...)` draws one in a w x h box at the origin.
"""

from __future__ import annotations

from collections.abc import Sequence

from boutique.printing.document import PdfDocument
from boutique.printing.draw import (
    ACCENT,
    INK,
    MUTED,
    PRINTABLE_INSET,
    block,
    checkbox,
    cut_line,
    draw_paragraphs,
    hairline,
    label,
    paragraphs_height,
    tracked,
    warning_box,
    warning_height,
    writing_lines,
)
from boutique.printing.fit import text_width
from boutique.printing.fonts import DISPLAY, DISPLAY_ITALIC, SANS, SANS_BOLD, register_fonts
from boutique.printing.glyph_warnings import checked_script
from boutique.printing.letterhead import Letterhead, page_size_points
from boutique.printing.templates import Wording
from boutique.printing.wording import script_steps
from boutique.services.stationery.facts import purchase_lines
from boutique.services.stationery.print_data import CallScript

LAYOUTS = {"half": "Half a page, two to a sheet", "full": "A full page each"}
KIND_TITLES = {
    "satisfaction_call": "Satisfaction call", "service_call": "Service call",
    "key_date": "Key date call", "after_return": "Call after a return",
    "re_introduction": "Introduction call", "welcome_back": "Welcome-back call",
    "thank_you_note": "Thank-you call",
    "custom": "Follow-up call",
}
CALL_RESULT = ("Reached", "Left a message", "No answer", "Wrong number")
NEXT_STEPS = {
    "satisfaction_call": ("Happy", "Needs an adjustment", "Visit booked"),
    "service_call": ("Cleaning booked", "Not now", "Call back later"),
    "key_date": ("Gift in mind", "Pieces set aside", "Not this time"),
    "after_return": ("Happy with the return", "Credit offered", "Needs more care"),
    "re_introduction": ("Introduced", "Visit booked", "Prefers another associate"),
}
DEFAULT_NEXT = ("Done", "Visit booked", "Follow up again")
# The client's own birthday is a greeting: nothing on the page suggests a sale.
GREETING = "birthday_greeting"
KIND_TITLES[GREETING] = "Birthday greeting"
NEXT_STEPS[GREETING] = ("Wished a happy birthday", "Call back later")


def script_kind(script: CallScript) -> str:
    """The kind a script is titled and ticked by: a key date on the client's own birthday
    is a greeting."""
    if script.kind == "key_date" and script.occasion == "birthday":
        return GREETING
    return script.kind


def title_for(script: CallScript) -> str:
    return KIND_TITLES.get(script_kind(script), "Call")


def _glance(c, script: CallScript, x: float, top: float, width: float, full: bool) -> float:
    """Kind and due date, the name in serif, the number to dial on the right."""
    overdue = (f"  ·  {script.days_overdue} day{'s' if script.days_overdue != 1 else ''} overdue"
               if script.days_overdue > 0 else f"  ·  {script.when}" if script.when else "")
    kind = title_for(script)
    mark_w = 80 if script.person.is_top else 0
    tracked(c, f"{kind}  ·  due {script.due_text}{overdue}", SANS_BOLD, 6.8, x, top,
            width - mark_w, tracking=0.16, color=ACCENT)
    if script.person.is_top:
        tracked(c, "\u2605 Top client", SANS_BOLD, 6.8, x + width - mark_w, top, mark_w,
                tracking=0.16, align="right", color=ACCENT)
    y = top - 14
    phone_w = width * 0.36
    name_w = width - phone_w - 12
    name = block(c, [script.person.full_name], DISPLAY, 23 if full else 19, x, y, name_w,
                 24 if full else 19, min_size=9, keep_left=True)
    about = []
    if script.person.preferred_name and script.person.preferred_name != script.person.first_name:
        about.append(f"Goes by {script.person.preferred_name}")
    if script.person.partner:
        about.append(f"Partner: {script.person.partner}")
    below = y - name.height - 2
    if about:  # beside the name when there is room, else under it
        text = "  ·  ".join(about)
        beside = name_w - name.width - 14
        if text_width(text, SANS, 8.5) <= beside:
            block(c, [text], SANS, 8.5, x + name.width + 14, y - name.font_size * 0.72 + 8.5 * 0.73,
                  beside, 11, color=MUTED)
        else:
            below -= block(c, [text], SANS, 8.5, x, below - 2, name_w, 11, min_size=6.5,
                           color=MUTED).height + 2
    # The number to dial, large: it is what the eye looks for with the phone in hand.
    if script.phone:
        tracked(c, f"Call {script.phone_label}".strip(), SANS_BOLD, 6.3, x + width - phone_w,
                y + 1, phone_w, tracking=0.16, align="right", color=MUTED)
        block(c, [script.phone], SANS_BOLD, 15 if full else 13, x + width - phone_w, y - 9,
              phone_w, 18, min_size=8, align="right")
    else:
        block(c, ["No number to call"], SANS_BOLD, 10, x + width - phone_w, y - 4, phone_w, 13,
              min_size=7, align="right", color=MUTED)
    rule_y = min(below, y - 26) - 5
    hairline(c, x, rule_y, x + width, rule_y)
    return rule_y


def _facts(c, script: CallScript, x: float, top: float, width: float, height: float,
           full: bool) -> float:
    """The purchase (and recall) on the left, pinned facts on the right; returns the bottom."""
    size = 9 if full else 8.2
    column = (width - 24) / 2
    bought = script.all_purchases
    y = label(c, x, top, ("Purchases" if len(bought) > 1 else "Purchase") if bought
              else "Reason", width=column)
    lines = purchase_lines(bought) if bought else [script.reason or "—"]
    used = block(c, lines, SANS, size, x, y, column, height * 0.55, min_size=6.5,
                 leading_ratio=1.25)
    left_bottom = y - used.height
    if script.recall:
        ry = label(c, x, left_bottom - 6, "Recall", width=column)
        room = ry - (top - height)
        left_bottom = ry - draw_paragraphs(c, [f"\u201c{script.recall}\u201d"], DISPLAY_ITALIC,
                                           size + 1, x, ry, column, room, min_size=size,
                                           leading=1.2)
    right_x = x + column + 24
    ry = label(c, right_x, top, "Pinned facts", width=column)
    if script.pinned:
        used_h = draw_paragraphs(c, list(script.pinned), SANS, size, right_x, ry, column,
                                 ry - (top - height), min_size=6.5, leading=1.25, gap=0.35,
                                 markers=["\u2022"] * len(script.pinned), indent=9,
                                 max_lines=3 if full else 2)
        right_bottom = ry - used_h
    else:
        right_bottom = ry - block(c, ["Nothing pinned yet"], SANS, size, right_x, ry, column,
                                  12, color=MUTED).height
    bottom = min(left_bottom, right_bottom)
    hairline(c, right_x - 12, top, right_x - 12, bottom)
    return bottom


def _outcome(c, kind: str, x: float, top: float, width: float, size: float) -> float:
    """Two rows of boxes to tick (how the call went, what comes next), then a call-back date."""
    y = label(c, x, top, "Outcome", width=width) - size
    for number, row in enumerate((CALL_RESULT, NEXT_STEPS.get(kind, DEFAULT_NEXT))):
        at = x
        for text in row:
            at = checkbox(c, at, y, text, size=size) + 16
        if number == 1:  # the call-back date ends the second row, against the right edge
            c.setFont(SANS, size)
            c.setFillColorRGB(*INK)
            start = max(at + 8, x + width - 170)
            c.drawString(start, y, "Call back on")
            hairline(c, start + 56, y - 2, x + width, y - 2, color=MUTED, width=0.5)
        y -= size * 2.1
    return y + size * 0.9


def draw_script(c, script: CallScript, width: float, height: float, letterhead: Letterhead,
                wording: Wording, margin_x: float = 42, margin_y: float = 0) -> None:
    """One call script in the box (0, 0, width, height)."""
    register_fonts()
    full = height > 500
    margin_y = margin_y or (36 if full else 22)
    x, top, inner = margin_x, height - margin_y, width - 2 * margin_x
    bottom = margin_y
    y = _glance(c, script, x, top, inner, full) - 9
    if script.warnings:
        warn_h = warning_height(script.warnings, inner, size=7.5)
        y = warning_box(c, x, y, inner, script.warnings, max_height=warn_h, size=7.5) - 9
    steps, problems = script_steps(script, letterhead, wording)
    outcome_h = 48 if full else 44
    notes_min = 19 * 3 + 12 if full else 17 + 12
    facts_h = (y - bottom) * (0.26 if full else 0.27)
    y = _facts(c, script, x, y, inner, facts_h, full) - 10
    hairline(c, x, y, x + inner, y)
    y = label(c, x, y - 8, "The call", width=inner)
    room = y - bottom - outcome_h - notes_min - 12
    y -= _draw_steps(c, steps, x, y, inner, room, full)
    if problems:
        y -= block(c, ["Wording to check in Settings: " + "; ".join(problems)], SANS, 6.5,
                   x, y - 2, inner, 8, min_size=5, color=MUTED).height + 2
    y -= 8
    hairline(c, x, y, x + inner, y)
    y = _outcome(c, script_kind(script), x, y - 8, inner, 8.5 if full else 8)
    y = label(c, x, y - 6, "Notes", width=inner)
    # A line or more to write on; the last may dip a little into the foot margin, never
    # into the quarter inch at the sheet's edge that office printers leave unprinted.
    writing_lines(c, x, y + 4, inner, max(bottom - 8, PRINTABLE_INSET + 1),
                  spacing=19 if full else 17)


CUE_SCALE = 0.84  # the sans cues beside the book face read at the same weight a bit smaller


def _draw_steps(c, steps, x: float, top: float, width: float, height: float,
                full: bool) -> float:
    """Numbered steps: lines to say in the book face, cues in grey sans, all shrunk
    together to fit. Returns the height used."""
    texts = [f"\u201c{s.text}\u201d" if s.spoken else s.text for s in steps]
    fonts = [DISPLAY if s.spoken else SANS for s in steps]
    scales = [1.0 if s.spoken else CUE_SCALE for s in steps]

    def needed(at: float) -> float:
        return sum(paragraphs_height([t], [f], at * k, width - 18) + at * 0.45
                   for t, f, k in zip(texts, fonts, scales, strict=True))

    size, floor = (12.5 if full else 11.0), 7.0
    while size > floor and needed(size) > height:
        size = round(size - 0.25, 2)
    y = top
    for number, (step, text) in enumerate(zip(steps, texts, strict=True), 1):
        at = size * scales[number - 1]
        if y - at < top - height:
            break
        used = draw_paragraphs(c, [text], fonts[number - 1], at, x, y, width,
                               y - (top - height), min_size=at, leading=1.28, gap=0,
                               markers=[str(number)], indent=18,
                               color=INK if step.spoken else MUTED)
        y -= used + size * 0.45
    return top - y


def call_scripts_pdf(scripts: Sequence[CallScript], letterhead: Letterhead,
                     wording: Wording | None = None, layout: str = "half") -> bytes:
    document = PdfDocument("Call scripts", letterhead.store_name, page_size_points(letterhead))
    draw_script_pages(document.canvas, scripts, letterhead, wording or Wording(), layout)
    return document.finish(blank_page=not scripts)


def draw_script_pages(c, scripts: Sequence[CallScript], letterhead: Letterhead,
                      wording: Wording, layout: str = "half", on_piece=None) -> None:
    if layout not in LAYOUTS:
        raise ValueError(f"call script layout must be one of {', '.join(LAYOUTS)}, not '{layout}'")
    page = page_size_points(letterhead)
    per_page = 2 if layout == "half" else 1
    slot_h = page[1] / per_page
    for start in range(0, len(scripts), per_page):
        c.setPageSize(page)
        for index, script in enumerate(map(checked_script, scripts[start:start + per_page])):
            c.saveState()
            c.translate(0, page[1] - (index + 1) * slot_h)
            draw_script(c, script, page[0], slot_h, letterhead, wording)
            c.restoreState()
            if index + 1 < per_page:
                cut_line(c, page[1] - (index + 1) * slot_h, page[0])
            if on_piece:
                on_piece()
        c.showPage()
