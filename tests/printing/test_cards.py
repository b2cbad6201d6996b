"""Thank-you cards: every layout's page size and text, 2-up imposition and crop marks."""

from __future__ import annotations

import io
import re

import pytest
from reportlab.pdfgen.canvas import Canvas

from boutique.printing.cards import CARD_LAYOUTS, card_layout, card_pdf
from boutique.printing.letterhead import Letterhead
from boutique.printing.sheets import (
    A4,
    ENVELOPES,
    FLAT_4X6,
    INCH,
    LETTER,
    MM,
    draw_crop_marks,
    one_up,
    two_up,
)
from tests.printing.stationery_pdf import page_sizes, page_texts, reader

STORE = Letterhead(store_name="Marsh & Finch Jewelers",
                   address_lines=("214 Warren Street", "Hudson, NY 12534"),
                   phone="(518) 555-0142", website="marshandfinch.example", page_size="letter")

A5_LANDSCAPE = (210 * MM, 148 * MM)
EXPECTED = {  # layout -> (page size in points, pages) on a Letter store
    "a2-folded": ((612, 396), 2),
    "a2-folded-2up": ((612, 792), 2),
    "a6-folded": ((595.28, 419.53), 2),
    "a6-folded-2up": ((595.28, 841.89), 2),
    "flat-4x6": ((432, 288), 1),
    "flat-4x6-2up": ((612, 792), 1),
    "flat-a6": ((419.53, 297.64), 1),
    "flat-a6-2up": ((612, 792), 1),
}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_every_layout_is_listed():
    assert set(CARD_LAYOUTS) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_layout_page_size_pages_and_store_name(name):
    size, pages = EXPECTED[name]
    pdf = card_pdf(STORE, name)
    sizes = page_sizes(pdf)
    assert len(sizes) == pages
    for width, height in sizes:
        assert (width, height) == pytest.approx(size, abs=0.01)
    outside = _one_line(page_texts(pdf)[0])
    copies = 2 if name.endswith("-2up") else 1
    # front (the name, maybe on two lines) and the small mark on the back of a folded card
    expected = copies * (2 if CARD_LAYOUTS[name].stock.folded else 1)
    assert outside.count("MARSH & FINCH") == expected
    if CARD_LAYOUTS[name].stock.folded:
        assert outside.count("Thank you") == copies
        assert page_texts(pdf)[1].strip() == ""  # the inside is left for the pen
    else:
        assert outside.count("214 Warren Street") == copies


def test_flat_two_up_follows_the_store_paper():
    a4_store = Letterhead(store_name="Atelier Ødegård", page_size="a4")
    assert page_sizes(card_pdf(a4_store, "flat-4x6-2up"))[0] == pytest.approx(A4, abs=0.01)
    assert page_sizes(card_pdf(a4_store, "flat-a6-2up"))[0] == pytest.approx(A4, abs=0.01)
    # a folded card goes on the sheet it is half of, whatever the store's paper
    assert page_sizes(card_pdf(a4_store, "a2-folded-2up"))[0] == pytest.approx(LETTER)


def test_store_name_with_markup_prints_as_typed():
    store = Letterhead(store_name="<b>& Sons", website="x.example")
    text = _one_line(page_texts(card_pdf(store, "a2-folded"))[0])
    assert "<B>& SONS" in text


@pytest.mark.parametrize("name", ["Zoë Ødegård", "Łucja", "Ελένη", "Светлана"])
def test_unicode_store_names(name):
    store = Letterhead(store_name=f"{name} Jewels")
    for layout in ("a6-folded", "flat-4x6"):
        text = _one_line(page_texts(card_pdf(store, layout))[0])
        assert f"{name} Jewels".upper() in text


@pytest.mark.parametrize("name", ["דוד כהן", "مجوهرات الريم", "金の店", "💍 Ring Bar"])
def test_other_scripts_never_crash(name):
    pdf = card_pdf(Letterhead(store_name=name), "a2-folded-2up", guides=True)
    assert len(page_sizes(pdf)) == 2


def test_a_very_long_store_name_stays_on_the_front_panel():
    store = Letterhead(store_name="The House of " + "Extraordinarily Fine " * 12 + "Jewels")
    pdf = card_pdf(store, "a2-folded")
    text = page_texts(pdf)[0]
    assert "…" in text and "THE HOUSE OF" in _one_line(text)


def _segments(pdf: bytes, page: int = 0) -> list[tuple[float, ...]]:
    data = reader(pdf).pages[page].get_contents().get_data().decode("latin-1")
    number = r"(-?[\d.]+)"
    pattern = re.compile(rf"{number} {number} m {number} {number} l S")
    return [tuple(float(v) for v in m.groups()) for m in pattern.finditer(data)]


def test_writing_guides_only_when_asked():
    plain = _segments(card_pdf(STORE, "a2-folded"), page=1)
    guided = _segments(card_pdf(STORE, "a2-folded", guides=True), page=1)
    assert len(plain) == 2  # the two fold ticks
    assert len(guided) > 8


def _marks(imposition) -> list[tuple[float, ...]]:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=imposition.sheet)
    draw_crop_marks(canvas, imposition)
    canvas.showPage()
    canvas.save()
    return _segments(buffer.getvalue())


def test_crop_marks_stay_outside_the_trim():
    imposition = two_up(FLAT_4X6.sheet, LETTER)
    (x, top_y), (_, bottom_y) = imposition.origins
    width, height = imposition.piece
    assert top_y == pytest.approx(bottom_y + height)  # butted: one cut parts them
    assert x == pytest.approx((612 - 6 * INCH) / 2)
    marks = _marks(imposition)
    assert len(marks) == 2 * 2 + 3 * 2  # two cut lines up/down, three across, both ends
    for x1, y1, x2, y2 in marks:
        for px in (x1, x2):
            for py in (y1, y2):
                inside = x < px < x + width and bottom_y < py < top_y + height
                assert not inside, (px, py)
        assert min(x1, x2) >= 0 and max(x1, x2) <= 612
        assert min(y1, y2) >= 0 and max(y1, y2) <= 792


def _inside_a_piece(imposition, px: float, py: float) -> bool:
    width, height = imposition.piece
    return any(x < px < x + width and y < py < y + height for x, y in imposition.origins)


@pytest.mark.parametrize("layout", ["a2-folded-2up", "a6-folded-2up"])
def test_folded_two_up_cut_marks_stand_outside_the_trim(layout):
    chosen = card_layout(layout)
    imposition = chosen.imposition()
    sheet_w, sheet_h = imposition.sheet
    (x, top_y), (_, bottom_y) = imposition.origins
    width, height = imposition.piece
    # two rows with a strip between them to cut away: the pieces no longer touch
    assert top_y - (bottom_y + height) == pytest.approx(imposition.gutter) and imposition.gutter
    assert bottom_y == 0 and top_y + height == pytest.approx(sheet_h)
    pdf = card_pdf(STORE, layout)
    for page in range(2):
        marks = [m for m in _segments(pdf, page) if m[0] == m[2]]  # the uprights
        strip = [m for m in marks if bottom_y + height <= min(m[1], m[3])
                 and max(m[1], m[3]) <= top_y]
        assert len(strip) == 2, marks
        for x1, y1, x2, y2 in strip:
            for px, py in ((x1, y1), (x2, y2)):
                assert not _inside_a_piece(imposition, px, py), (px, py)
                assert 18 <= px <= sheet_w - 18
    # the card is still the card: a little shorter, it fits its envelope
    envelope = ENVELOPES["a2" if layout.startswith("a2") else "c6"].size
    folded = (width / 2, height)
    assert max(folded) < max(envelope) and min(folded) < min(envelope)
    assert height >= chosen.stock.sheet[1] - 5  # trimmed by a sixteenth of an inch


def test_card_stock_needs_no_marks():
    assert _marks(one_up(FLAT_4X6.sheet)) == []


def test_unknown_layout_is_refused_by_name():
    with pytest.raises(ValueError, match="a2-folded"):
        card_layout("a3-poster")
