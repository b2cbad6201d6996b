"""Handwritten-note prompts: everything the jeweler needs to write one thank-you by hand.

Each prompt has the facts on the left (where the envelope goes, what was bought, the
conversation to recall) and, on the right, the note as it could be written: the
salutation, two or three suggested lines, the closing and the signature.

Layouts: "2up" and "3up" stack two or three prompts on a Letter or A4 page with dashed
cut lines between them; "card" prints one per index card, 6 x 4 in (Letter stores) or
A6 (A4 stores), landscape. `draw_prompt(canvas, prompt, w, h, ...)` draws one prompt in
a w x h box at the origin (pylabels' shape), so the pack can place prompts too.
"""

from __future__ import annotations

from collections.abc import Sequence

from boutique.printing.document import PdfDocument
from boutique.printing.draw import (
    ACCENT,
    INK,
    MUTED,
    block,
    cut_line,
    draw_paragraphs,
    hairline,
    label,
    paragraphs_height,
    tracked,
    warning_box,
    warning_height,
)
from boutique.printing.fit import fit_lines, text_width
from boutique.printing.fonts import DISPLAY, DISPLAY_ITALIC, SANS, SANS_BOLD, register_fonts
from boutique.printing.glyph_warnings import checked_prompt
from boutique.printing.letterhead import Letterhead, page_size_points
from boutique.printing.sheets import FLAT_4X6, FLAT_A6
from boutique.printing.templates import Wording
from boutique.printing.wording import note_words
from boutique.services.stationery.facts import purchase_lines
from boutique.services.stationery.print_data import NotePrompt

LAYOUTS = {"2up": "Two to a page, with cut lines", "3up": "Three to a page, with cut lines",
           "card": "One per index card (6 × 4 in or A6)"}
KIND_TITLES = {
    "thank_you_note": "Thank-you note", "satisfaction_call": "Note after the purchase",
    "service_call": "Service note", "key_date": "Key date note",
    "after_return": "Note after a return",
    "re_introduction": "Introduction letter", "welcome_back": "Welcome back",
    "handoff_letter": "Handoff letter", "custom": "Follow-up note",
}
TOP_MARK = "\u2605"  # ★
MIN_FACTS_SIZE = 6.5  # the left column's smallest size, the recall's too


def title_for(prompt: NotePrompt) -> str:
    """What the note is: the client's own birthday is a card, a greeting."""
    if prompt.kind == "key_date" and prompt.occasion == "birthday":
        return "Birthday card"
    return KIND_TITLES.get(prompt.kind, "Note")


def card_size(letterhead: Letterhead) -> tuple[float, float]:
    """The index card for the store's paper: 6 x 4 in with Letter, A6 with A4."""
    return FLAT_A6.sheet if letterhead.page_size == "a4" else FLAT_4X6.sheet


def _header(c, prompt: NotePrompt, x: float, top: float, width: float, compact: bool) -> float:
    kind = title_for(prompt)
    due = f"  ·  due {prompt.due_text}" if prompt.due_text else ""
    name_w = width * 0.45
    tracked(c, kind + due, SANS_BOLD, 6.5, x, top - 1.5, width - name_w - 12, tracking=0.16,
            color=ACCENT)
    name = prompt.person.full_name
    mark = f"{TOP_MARK} top client"
    # The mark sits left of the name inside the name's half: a long name gives way to it,
    # never the kind and due date on the left.
    mark_w = text_width(mark, SANS, 7) + 5 if prompt.person.is_top else 0
    right = block(c, [name], DISPLAY, 12.5 if compact else 14.5, x + width - name_w + mark_w,
                  top, name_w - mark_w, 16, min_size=7.5, align="right")
    if prompt.person.is_top:
        c.setFillColorRGB(*ACCENT)
        c.setFont(SANS, 7)
        c.drawRightString(x + width - right.width - 5, top - right.font_size * 0.8, mark)
        c.setFillColorRGB(*INK)
    rule_y = top - 17
    hairline(c, x, rule_y, x + width, rule_y)
    return rule_y


def _facts(c, prompt: NotePrompt, x: float, top: float, width: float, bottom: float,
           compact: bool) -> None:
    """The left column, set at one size for all its blocks: the largest that lets the
    address and the purchase show in full; the recall note takes what room is left."""
    bought = prompt.all_purchases
    sections = []  # (label, lines, font)
    kind = " · business address" if prompt.address_kind == "business" else ""
    where = "Hand over at the counter" if prompt.address_kind == "counter" else "Send to" + kind
    sections.append((where, list(prompt.address_lines), SANS))
    if bought:
        sections.append(("Purchases" if len(bought) > 1 else "Purchase",
                         purchase_lines(bought), SANS))
    elif prompt.reason:
        sections.append(("Reason", [prompt.reason], SANS))
    height = top - bottom
    warn_h = warning_height(prompt.warnings, width, size=7) + 4 if prompt.warnings else 0
    size = 9.6 if not compact else 8.3
    recall = [f"\u201c{prompt.recall}\u201d"] if prompt.recall else []
    # The recall note is the personal word: the column shrinks as one so that all of it
    # shows where it can, rather than the facts above keeping their size and it one line.
    while size > MIN_FACTS_SIZE:
        need = warn_h + sum(11 + 7 + _lines_height(lines, font, size, width)
                            for _, lines, font in sections)
        if recall:
            need += 11 + paragraphs_height(recall, [DISPLAY_ITALIC], size + 1.4, width,
                                           leading=1.2)
        if need <= height:
            break
        size = round(size - 0.25, 2)
    y = top
    for index, (title, lines, font) in enumerate(sections):
        y = label(c, x, y, title, width=width)
        room = max(10.0, (y - bottom) * (0.6 if index == 0 else 0.75))
        if lines:
            y -= block(c, lines, font, size, x, y, width, room, min_size=size,
                       leading_ratio=1.25).height
        if index == 0:
            y = warning_box(c, x, y - 3, width, prompt.warnings, max_height=warn_h, size=7)
        y -= 7
    if recall and y - bottom > 18:
        y = label(c, x, y, "Recall", width=width)
        draw_paragraphs(c, recall, DISPLAY_ITALIC, size + 1.4, x, y, width, y - bottom,
                        min_size=MIN_FACTS_SIZE, leading=1.2)


def _lines_height(lines, font: str, size: float, width: float) -> float:
    fitted = fit_lines([line for line in lines if line], font, size, width, 10_000, size, 1.25)
    return fitted.height


def _note(c, prompt: NotePrompt, letterhead: Letterhead, wording: Wording, x: float, top: float,
          width: float, bottom: float, compact: bool) -> None:
    words = note_words(prompt, letterhead, wording)
    salutation = block(c, [words.salutation], DISPLAY, 15 if compact else 18, x, top, width, 22,
                       min_size=8)
    signature = prompt.voice or letterhead.jeweler_name
    scale = 1.0 if compact else 1.15
    closing_h = (14 + (14 if signature else 0) + (10 if letterhead.signature_line else 0)) * scale
    lines_top = top - salutation.height - (6 if compact else 10)
    lines_bottom = bottom + closing_h + (6 if compact else 10)
    used = draw_paragraphs(c, words.lines, DISPLAY, 11.5 if compact else 13.5, x, lines_top, width,
                           lines_top - lines_bottom, min_size=7, leading=1.32, gap=0.5)
    after = lines_top - used
    if words.problems:  # a wording the jeweler must fix: say so on the prompt itself
        after -= 4 + block(c, ["Wording to check in Settings: " + "; ".join(words.problems)],
                           SANS, 6.5, x, after - 4, width, 9, min_size=5, color=MUTED).height
    # The closing follows the lines as in a letter, never lower than the foot of the box.
    y = max(bottom + closing_h, after - (14 if compact else 22))
    y -= block(c, [words.closing], DISPLAY, 12 * scale, x, y, width, 14 * scale,
               min_size=7).height + 4
    if signature:
        y -= block(c, [signature], DISPLAY_ITALIC, 14 * scale, x, y, width, 17 * scale,
                   min_size=7).height + 3
    if (letterhead.signature_line and letterhead.signature_line != signature
            and signature == letterhead.jeweler_name):
        block(c, [letterhead.signature_line], SANS, 7, x, y, width, 9, min_size=5.5, color=MUTED)


def draw_prompt(c, prompt: NotePrompt, width: float, height: float, letterhead: Letterhead,
                wording: Wording, margin_x: float = 36, margin_y: float = 26) -> None:
    """One prompt in the box (0, 0, width, height)."""
    register_fonts()
    compact = height < 300
    x, top = margin_x, height - margin_y
    inner = width - 2 * margin_x
    rule_y = _header(c, prompt, x, top, inner, compact)
    body_top = rule_y - (10 if compact else 14)
    bottom = margin_y
    left_w = inner * 0.36
    gutter = 18 if compact else 24
    _facts(c, prompt, x, body_top, left_w, bottom, compact)
    hairline(c, x + left_w + gutter / 2, body_top, x + left_w + gutter / 2, bottom)
    _note(c, prompt, letterhead, wording, x + left_w + gutter, body_top,
          inner - left_w - gutter, bottom, compact)


def draw_prompt_pages(c, prompts: Sequence[NotePrompt], letterhead: Letterhead,
                      wording: Wording, layout: str = "2up", on_piece=None) -> None:
    """Draw prompts on the canvas, starting a new page as needed; ends with showPage().

    `on_piece()` is called after each prompt (progress, and a chance to cancel)."""
    if layout not in LAYOUTS:
        raise ValueError(f"prompt layout must be one of {', '.join(LAYOUTS)}, not '{layout}'")
    if layout == "card":
        size = card_size(letterhead)
        for prompt in map(checked_prompt, prompts):
            c.setPageSize(size)
            draw_prompt(c, prompt, *size, letterhead, wording, margin_x=22, margin_y=20)
            c.showPage()
            if on_piece:
                on_piece()
        return
    page = page_size_points(letterhead)
    per_page = 2 if layout == "2up" else 3
    slot_h = page[1] / per_page
    for start in range(0, len(prompts), per_page):
        c.setPageSize(page)
        chunk = [checked_prompt(p) for p in prompts[start:start + per_page]]
        for index, prompt in enumerate(chunk):
            c.saveState()
            c.translate(0, page[1] - (index + 1) * slot_h)
            draw_prompt(c, prompt, page[0], slot_h, letterhead, wording)
            c.restoreState()
            if index + 1 < per_page:  # cut under every prompt, so each comes out one size
                cut_line(c, page[1] - (index + 1) * slot_h, page[0])
            if on_piece:
                on_piece()
        c.showPage()


def note_prompts_pdf(prompts: Sequence[NotePrompt], letterhead: Letterhead,
                     wording: Wording | None = None, layout: str = "2up") -> bytes:
    """The prompts as a PDF (one blank-free page at least, even with no prompts)."""
    document = PdfDocument("Note prompts", letterhead.store_name, page_size_points(letterhead))
    draw_prompt_pages(document.canvas, prompts, letterhead, wording or Wording(), layout)
    return document.finish(blank_page=not prompts)
