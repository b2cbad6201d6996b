"""Today's pack: 200 pieces (prompts, envelopes, call scripts) drawn, against a bare canvas;
and `print today` of 1,000 pieces end to end (the day's agenda, the pack's data with its
glyph warnings, the PDF), as the command does it, with the seconds of each of those steps.

The pieces are the first agenda items of the reference day in the benchmark store: note
prompts with their envelopes, and call scripts, until they make 200. The bare canvas
writes the same text (read back from the pack) with drawString, one line under another,
on as many pages: the ratio is the price of the layout work (fitting, wrapping, rules).
"""

from __future__ import annotations

import datetime as dt
import io
import time

from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from boutique.models import close_database, open_database
from boutique.printing.fonts import SANS, register_fonts
from boutique.printing.glyph_warnings import with_glyph_warnings
from boutique.printing.pack import PackOptions, piece_count, render_pack
from boutique.printing.templates import Wording
from boutique.services.agenda import agenda_for
from boutique.services.stationery.letterhead import DEMO_LETTERHEAD, Letterhead
from boutique.services.stationery.print_data import pack_from_items

PIECES = 200
BIG_PACK = 1000
RUNS = 3
LETTERHEAD = Letterhead(**{**DEMO_LETTERHEAD, "address_lines": tuple(
    DEMO_LETTERHEAD["address_lines"])}, page_size="letter")


def _items_for(day: dt.date, pieces: int = PIECES):
    """Note items (a prompt and an envelope each) for about two thirds of the pieces, call
    items (a script each) for the rest, from the top of the day's agenda."""
    return _chosen(agenda_for(day), pieces)


def _chosen(items, pieces: int):
    mail = [i for i in items if i.channel == "mail" and i.address]
    calls = [i for i in items if i.channel == "phone"]
    n_mail = min(len(mail), pieces // 3)
    n_calls = min(len(calls), pieces - 2 * n_mail)
    n_mail = min(len(mail), (pieces - n_calls) // 2)
    return mail[:n_mail] + calls[:n_calls]


def _bare_canvas(pages: list[tuple[tuple[float, float], list[str]]]) -> bytes:
    buffer = io.BytesIO()
    c = Canvas(buffer, pageCompression=1)
    for size, lines in pages:
        c.setPageSize(size)
        c.setFont(SANS, 9)
        y = size[1] - 36
        for line in lines:
            c.drawString(36, y, line)
            y -= 11
        c.showPage()
    c.save()
    return buffer.getvalue()


def _best(action) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
    return best, result


def print_today(day: dt.date, options: PackOptions,
                stages: dict[str, float] | None = None) -> tuple[int, bytes]:
    """What `print today` does, for the first BIG_PACK pieces of the day; `stages`, when
    given, receives the seconds of each step (the agenda, the pack's data with its glyph
    warnings, the PDF), which add up to the whole."""
    started = time.perf_counter()
    items = _chosen(agenda_for(day), BIG_PACK)
    listed = time.perf_counter()
    pack = with_glyph_warnings(pack_from_items(day, items))
    read = time.perf_counter()
    pieces, pdf = piece_count(pack, options), render_pack(pack, LETTERHEAD, Wording(), options)
    if stages is not None:
        stages.update(agenda=listed - started, data=read - listed,
                      render=time.perf_counter() - read)
    return pieces, pdf


def run(ctx) -> list[tuple[str, object]]:
    day = dt.date.fromisoformat(ctx.reference_date)
    options = PackOptions(prompt_layout="2up", script_layout="half", mail="envelopes",
                          contents=True)
    open_database(ctx.store)
    try:
        items = _items_for(day)
        started = time.perf_counter()
        pack = pack_from_items(day, items)
        data_s = time.perf_counter() - started
    finally:
        close_database()
    register_fonts()
    wording = Wording()
    render_pack(pack, LETTERHEAD, wording, options)  # warm the font subsets once
    pack_s, pdf = _best(lambda: render_pack(pack, LETTERHEAD, wording, options))
    reader = PdfReader(io.BytesIO(pdf))
    pages = [((float(p.mediabox.width), float(p.mediabox.height)),
              [line for line in p.extract_text().splitlines() if line.strip()])
             for p in reader.pages]
    bare_s, _ = _best(lambda: _bare_canvas(pages))
    open_database(ctx.store)
    try:
        stages: dict[str, float] = {}
        started = time.perf_counter()
        big_pieces, _pdf = print_today(day, options, stages)
        big_s = time.perf_counter() - started
    finally:
        close_database()
    return [
        ("pack_pieces", piece_count(pack, options)),
        ("pack_pages", len(pages)),
        ("pack_data_200_s", round(data_s, 3)),
        ("pack_200_s", round(pack_s, 3)),
        ("bare_canvas_200_s", round(bare_s, 3)),
        ("pack_ratio", round(pack_s / bare_s, 2)),
        ("print_today_pieces", big_pieces),
        ("print_today_1000_s", round(big_s, 2)),
        ("print_today_agenda_s", round(stages["agenda"], 3)),
        ("print_today_data_s", round(stages["data"], 3)),
        ("print_today_render_s", round(stages["render"], 3)),
    ]
