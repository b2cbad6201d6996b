"""Today's pack: 200 pieces (prompts, envelopes, call scripts) drawn, against a bare canvas.

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
from boutique.printing.pack import PackOptions, piece_count, render_pack
from boutique.printing.templates import Wording
from boutique.services.agenda import agenda_for
from boutique.services.stationery.letterhead import DEMO_LETTERHEAD, Letterhead
from boutique.services.stationery.print_data import pack_from_items

PIECES = 200
RUNS = 3
LETTERHEAD = Letterhead(**{**DEMO_LETTERHEAD, "address_lines": tuple(
    DEMO_LETTERHEAD["address_lines"])}, page_size="letter")


def _items_for(day: dt.date):
    """Note items (a prompt and an envelope each) for about two thirds of the pieces, call
    items (a script each) for the rest, from the top of the day's agenda."""
    items = agenda_for(day)
    mail = [i for i in items if i.channel == "mail" and i.address]
    calls = [i for i in items if i.channel == "phone"]
    n_mail = min(len(mail), PIECES // 3)
    n_calls = min(len(calls), PIECES - 2 * n_mail)
    n_mail = min(len(mail), (PIECES - n_calls) // 2)
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


def run(ctx) -> list[tuple[str, str]]:
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
    return [
        ("pack_pieces", str(piece_count(pack, options))),
        ("pack_pages", str(len(pages))),
        ("pack_data_200_s", f"{data_s:.3f}"),
        ("pack_200_s", f"{pack_s:.3f}"),
        ("bare_canvas_200_s", f"{bare_s:.3f}"),
        ("pack_ratio", f"{pack_s / bare_s:.1f}"),
    ]
