"""Nothing within a quarter inch (18 pt) of the sheet's edge, on any printed piece:
office printers leave that strip unprinted. Every string's box and every line's ends
are read back from the PDF."""

from __future__ import annotations

import pytest

from boutique.printing.call_scripts import call_scripts_pdf
from boutique.printing.cards import CARD_LAYOUTS, card_pdf
from boutique.printing.care_cards import MATERIALS, SIZES, care_cards_pdf
from boutique.printing.envelopes import envelope_pdf
from boutique.printing.labels import labels_pdf
from boutique.printing.pack import PackOptions, render_pack
from boutique.printing.prompts import note_prompts_pdf
from boutique.printing.sheets import ENVELOPES
from boutique.services.stationery.print_data import PackData
from tests.printing.documents import (
    A4_LETTERHEAD,
    DAY,
    LETTERHEAD,
    LONG_NOTE,
    person,
    prompt,
    script,
)
from tests.printing.geometry import page_count, page_marks, page_size

INSET = 18.0
PROMPTS = [prompt(recall=LONG_NOTE), prompt(person=person("Alexandra Featherstonehaugh",
                                                          is_top=True)), prompt()]
SCRIPTS = [script(recall=LONG_NOTE, pinned=(LONG_NOTE[:300],) * 6), script(),
           script(kind="service_call", pinned=())]
ADDRESS = ["Mrs. Ana Alvarez", "Hudson Valley Architects of the Long Name Kind",
           "100 Main Street", "Springfield, IL 62701"]
TOO_LONG = ["Mr. B", "Unit 5", "Block 12", "Tower 3", "Level 44", "88 Queensway",
            "Admiralty", "HONG KONG"]


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


def _kinds():
    for store in (LETTERHEAD, A4_LETTERHEAD):
        paper = store.page_size
        for layout in ("2up", "3up", "card"):
            yield f"prompts-{layout}-{paper}", lambda s=store, la=layout: note_prompts_pdf(
                PROMPTS, s, layout=la)
        for layout in ("half", "full"):
            yield f"scripts-{layout}-{paper}", lambda s=store, la=layout: call_scripts_pdf(
                SCRIPTS, s, layout=la)
        for mail in ("envelopes", "labels"):
            pack = PackData(DAY, "Wednesday", notes=tuple(PROMPTS * 8), calls=tuple(SCRIPTS),
                            not_printed=(("Bea Brook", "email only"),))
            yield f"pack-{mail}-{paper}", lambda s=store, p=pack, m=mail: render_pack(
                p, s, options=PackOptions(mail=m))
        for layout in CARD_LAYOUTS:
            yield f"card-{layout}-{paper}", lambda s=store, la=layout: card_pdf(
                s, la, guides=True)
        for size in SIZES:
            yield f"care-{size}-{paper}", lambda s=store, z=size: care_cards_pdf(
                list(MATERIALS), s, z)
    for key in ENVELOPES:
        yield f"envelope-{key}", lambda k=key: envelope_pdf(LETTERHEAD, ADDRESS, k)
    for sheet in ("avery5160", "l7160"):
        yield f"labels-{sheet}", lambda sh=sheet: labels_pdf([ADDRESS] * 31 + [TOO_LONG], sh)


KINDS = dict(_kinds())


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
