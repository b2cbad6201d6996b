"""Today's pack: one PDF with everything the day's follow-ups need.

In the order the work is done: a contents page (what is in the pack, what is not and
why), the note prompts, their envelopes or a sheet of address labels, then the call
scripts. Each page has its own size (an envelope page is the envelope), so the printer
dialog can feed each piece as it comes.

Rendering reports progress after every piece and stops between pieces when asked to,
so the window can show a progress dialog with a Cancel button.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from boutique.printing.call_scripts import LAYOUTS as SCRIPT_LAYOUTS
from boutique.printing.call_scripts import draw_script_pages
from boutique.printing.call_scripts import title_for as call_title
from boutique.printing.document import PdfDocument
from boutique.printing.draw import ACCENT, INK, MUTED, WARN, block, hairline, label, tracked
from boutique.printing.envelopes import draw_envelope, envelope_size
from boutique.printing.fonts import DISPLAY, SANS, SANS_BOLD, register_fonts
from boutique.printing.glyph_warnings import with_glyph_warnings
from boutique.printing.labels import draw_label_sheets, unfit_addresses
from boutique.printing.letterhead import Letterhead, draw_masthead, page_size_points
from boutique.printing.prompts import LAYOUTS as PROMPT_LAYOUTS
from boutique.printing.prompts import draw_prompt_pages
from boutique.printing.prompts import title_for as note_title
from boutique.printing.sheets import label_sheet
from boutique.printing.templates import Wording
from boutique.services.stationery.print_data import PackData

MAIL_CHOICES = {"envelopes": "An envelope for each note", "labels": "A sheet of address labels",
                "none": "No envelopes or labels"}
Progress = Callable[[int, int], None]  # (pieces done, pieces in all)


class PackCancelled(Exception):
    """Raised when the cancel flag is set while the pack is being drawn."""


@dataclass(frozen=True)
class PackOptions:
    prompt_layout: str = "2up"
    script_layout: str = "half"
    mail: str = "envelopes"
    envelope: str = ""  # "" = A2 for a Letter store (the A2 card), C6 for an A4 store
    label_sheet: str = ""  # "" = Avery 5160 for Letter, L7160 for A4
    contents: bool = True

    def check(self) -> None:
        for value, allowed, name in ((self.prompt_layout, PROMPT_LAYOUTS, "prompt layout"),
                                     (self.script_layout, SCRIPT_LAYOUTS, "call script layout"),
                                     (self.mail, MAIL_CHOICES, "mail pieces")):
            if value not in allowed:
                raise ValueError(f"{name} must be one of {', '.join(allowed)}, not '{value}'")
        if self.envelope:
            envelope_size(self.envelope)
        if self.label_sheet:
            label_sheet(self.label_sheet)

    def envelope_for(self, letterhead: Letterhead) -> str:
        return self.envelope or ("c6" if letterhead.page_size == "a4" else "a2")

    def sheet_for(self, letterhead: Letterhead) -> str:
        return self.label_sheet or ("l7160" if letterhead.page_size == "a4" else "avery5160")


def addressed(pack: PackData) -> list[tuple[str, ...]]:
    """The envelope lines of the notes that have an address, in pack order."""
    return [note.address_lines for note in pack.notes if note.address_lines]


UNFIT_LABEL = "no label: the address is too long for one; it is listed after the labels"


def unfit_label_names(pack: PackData, letterhead: Letterhead, options: PackOptions) -> list[str]:
    """The clients whose address cannot go on a label (when the pack prints labels)."""
    if options.mail != "labels":
        return []
    sheet = label_sheet(options.sheet_for(letterhead))
    return [lines.name for lines in unfit_addresses(addressed(pack), sheet)]


def with_unfit_labels(pack: PackData, letterhead: Letterhead, options: PackOptions) -> PackData:
    """The pack, its contents also naming the addresses written by hand."""
    extra = tuple((name, UNFIT_LABEL) for name in unfit_label_names(pack, letterhead, options))
    return replace(pack, not_printed=(*pack.not_printed, *extra)) if extra else pack


def piece_count(pack: PackData, options: PackOptions) -> int:
    """Prompts + envelopes or labels + call scripts: what the progress counts."""
    mail = len(addressed(pack)) if options.mail != "none" else 0
    return len(pack.notes) + mail + len(pack.calls)


def render_pack(pack: PackData, letterhead: Letterhead, wording: Wording | None = None,
                options: PackOptions | None = None, progress: Progress | None = None,
                cancel=None) -> bytes:
    """The day's pack as PDF bytes. `cancel` is anything with is_set() (threading.Event);
    when it is set, drawing stops before the next piece and PackCancelled is raised."""
    register_fonts()
    options = options or PackOptions()
    options.check()
    pack = with_glyph_warnings(pack)
    wording = wording or Wording()
    total = piece_count(pack, options)
    done = 0

    def step() -> None:
        nonlocal done
        if cancel is not None and cancel.is_set():
            raise PackCancelled("the pack was cancelled")
        done += 1
        if progress:
            progress(done, total)

    document = PdfDocument(f"Today's pack, {pack.day_text}", letterhead.store_name,
                           page_size_points(letterhead))
    c = document.canvas
    if cancel is not None and cancel.is_set():
        raise PackCancelled("the pack was cancelled")
    if options.contents or not total:
        draw_contents(c, with_unfit_labels(pack, letterhead, options), letterhead, options)
    draw_prompt_pages(c, pack.notes, letterhead, wording, options.prompt_layout, on_piece=step)
    lines = addressed(pack)
    if lines and options.mail == "envelopes":
        size = envelope_size(options.envelope_for(letterhead)).size
        for recipient in lines:
            c.setPageSize(size)
            draw_envelope(c, *size, letterhead, recipient)
            c.showPage()
            step()
    elif lines and options.mail == "labels":
        draw_label_sheets(c, lines, label_sheet(options.sheet_for(letterhead)))
        for _ in lines:
            step()
    draw_script_pages(c, pack.calls, letterhead, wording, options.script_layout, on_piece=step)
    return document.finish()


def _rows(pack: PackData) -> list[tuple[str, str, str, str, bool]]:
    """(section, name, what, warning, top client) for the contents, in pack order."""
    rows = []
    for note in pack.notes:
        what = note_title(note) + (f", {note.when}" if note.when else "")
        rows.append(("Notes to write", note.person.full_name, what,
                     "; ".join(note.warnings), note.person.is_top))
    for call in pack.calls:
        late = f", {call.days_overdue} days overdue" if call.days_overdue > 1 else (
            ", 1 day overdue" if call.days_overdue == 1 else f", {call.when}" if call.when else "")
        number = f" · {call.phone}" if call.phone else ""
        rows.append(("Calls to make", call.person.full_name,
                     call_title(call) + late + number,
                     "; ".join(call.warnings), call.person.is_top))
    for name, why in pack.not_printed:
        rows.append(("Not in this pack", name, why, "", False))
    return rows


def draw_contents(c, pack: PackData, letterhead: Letterhead, options: PackOptions) -> None:
    """The first page(s): the day, the counts, and one line per piece."""
    page = page_size_points(letterhead)
    margin = 54
    width = page[0] - 2 * margin

    def start_page(first: bool) -> float:
        c.setPageSize(page)
        top = page[1] - 48
        if not first:
            tracked(c, f"Today's pack, continued  ·  {pack.day_text}", SANS_BOLD, 6.5, margin,
                    top, width, tracking=0.16, color=ACCENT)
            return top - 24
        y = draw_masthead(c, letterhead, margin, top, width, name_size=12, logo_height=36)
        y -= 22
        block(c, ["Today\u2019s pack"], DISPLAY, 26, margin, y, width, 30, align="center")
        y -= 34
        block(c, [pack.day_text], DISPLAY, 13, margin, y, width, 16, align="center", color=MUTED)
        y -= 26
        mail = len(addressed(pack)) if options.mail != "none" else 0
        counts = [f"{len(pack.notes)} note{'s' if len(pack.notes) != 1 else ''} to write",
                  f"{len(pack.calls)} call{'s' if len(pack.calls) != 1 else ''} to make"]
        if mail:
            kind = "envelope" if options.mail == "envelopes" else "address label"
            counts.append(f"{mail} {kind}{'s' if mail != 1 else ''}")
        tracked(c, "  ·  ".join(counts), SANS_BOLD, 7.5, margin, y, width, tracking=0.14,
                align="center", color=INK)
        y -= 16
        hairline(c, page[0] / 2 - 20, y, page[0] / 2 + 20, y, color=ACCENT)
        return y - 22

    y = start_page(True)
    rows = _rows(pack)
    if not rows:
        block(c, ["Nothing is due: a quiet day. Enjoy it."], DISPLAY, 12, margin, y, width, 16,
              align="center", color=MUTED)
    section = ""
    for name_section, name, what, warning, top in rows:
        need = 30 if name_section != section else 15
        need += 11 if warning else 0
        if y - need < 54:
            c.showPage()
            y = start_page(False)
            section = ""
        if name_section != section:
            y = label(c, margin, y - (8 if section else 0), name_section, size=6.8,
                      width=width) - 3
            section = name_section
        mark = "\u2605 " if top else ""
        block(c, [mark + name], SANS_BOLD if top else SANS, 9, margin, y, width * 0.4, 11,
              min_size=6.5, keep_left=True)
        block(c, [what], SANS, 8.5, margin + width * 0.42, y, width * 0.58, 11, min_size=6.5,
              color=MUTED)
        y -= 13
        if warning:
            block(c, [f"\u25b2 {warning}"], SANS, 7.5, margin + width * 0.42, y, width * 0.58,
                  10, min_size=5.5, color=WARN)
            y -= 11
        hairline(c, margin, y + 2, margin + width, y + 2, width=0.25)
        y -= 3
    c.showPage()
