"""Nothing within a quarter inch (18 pt) of the sheet's edge, on any printed piece:
office printers leave that strip unprinted. Every string's box and every line's ends
are read back from the PDF."""

from __future__ import annotations

import pytest

from boutique.printing.call_scripts import call_scripts_pdf
from tests.printing.documents import A4_LETTERHEAD, LETTERHEAD, LONG_NOTE, script
from tests.printing.every_piece import KINDS
from tests.printing.geometry import page_count, page_marks, page_size

INSET = 18.0


def _outside(pdf: bytes) -> list[str]:
    found = []
    for number in range(page_count(pdf)):
        width, height = page_size(pdf, number)
        marks = page_marks(pdf, number)
        for box in marks.texts:
            if (box.x0 < INSET - 0.01 or box.x1 > width - INSET + 0.01
                    or box.y0 < INSET - 0.01 or box.y1 > height - INSET + 0.01):
                found.append(f"page {number + 1}: text {box.text[:30]!r} at "
                             f"({box.x0:.1f}, {box.y0:.1f})-({box.x1:.1f}, {box.y1:.1f})")
        for x0, y0, x1, y1 in marks.strokes:
            if (min(x0, x1) < INSET - 0.01 or max(x0, x1) > width - INSET + 0.01
                    or min(y0, y1) < INSET - 0.01 or max(y0, y1) > height - INSET + 0.01):
                found.append(f"page {number + 1}: line ({x0:.1f}, {y0:.1f})-({x1:.1f}, {y1:.1f})")
    return found


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_nothing_prints_within_a_quarter_inch_of_the_edge(kind):
    assert _outside(KINDS[kind]()) == []


@pytest.mark.parametrize("store", [LETTERHEAD, A4_LETTERHEAD], ids=["letter", "a4"])
@pytest.mark.parametrize("recall", ["", "Off to Italy in May.", LONG_NOTE[:400]])
def test_the_call_scripts_writing_lines_stop_a_quarter_inch_up(store, recall):
    pdf = call_scripts_pdf([script(recall=recall)] * 2, store, layout="half")
    lowest = min(min(y0, y1) for _, y0, _, y1 in page_marks(pdf).strokes)
    assert lowest >= INSET
    if not recall:  # the last line to write on still reaches down to the margin
        assert lowest < INSET + 17
