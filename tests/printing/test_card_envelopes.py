"""Every card has an envelope it fits: envelope sizes to their specs, a card goes in
with at least 1/8 in to spare and no more than an inch."""

from __future__ import annotations

import pytest

from boutique.printing.cards import CARD_LAYOUTS, card_layout, envelope_for_card
from boutique.printing.envelopes import envelope_pdf
from boutique.printing.letterhead import Letterhead
from boutique.printing.sheets import (
    ENVELOPE_CLEARANCE,
    ENVELOPES,
    FLAT_4X6,
    FLAT_A6,
    INCH,
    MM,
)
from tests.printing.stationery_pdf import page_sizes

SPECS = {  # the trade's sizes, long side x short side
    "no10": (9.5 * INCH, 4.125 * INCH), "a2": (5.75 * INCH, 4.375 * INCH),
    "a6": (6.5 * INCH, 4.75 * INCH), "c6": (162 * MM, 114 * MM), "dl": (220 * MM, 110 * MM),
}


def test_envelope_sizes_are_the_trades():
    assert set(ENVELOPES) == set(SPECS)
    for key, size in SPECS.items():
        assert ENVELOPES[key].size == pytest.approx(size)
        pdf = envelope_pdf(Letterhead(store_name="Marsh & Finch"), ["Ana", "1 Elm St"], key)
        assert page_sizes(pdf) == [pytest.approx(size)]


@pytest.mark.parametrize("layout", sorted(CARD_LAYOUTS))
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_each_card_has_an_envelope_it_fits_with_clearance(layout, paper):
    chosen = card_layout(layout)
    fits = chosen.envelopes(paper)
    assert fits, f"{layout} fits no envelope offered"
    card_long, card_short = sorted(chosen.finished(paper), reverse=True)
    for key in fits:
        long_side, short_side = sorted(ENVELOPES[key].size, reverse=True)
        assert long_side - card_long >= ENVELOPE_CLEARANCE - 0.01
        assert short_side - card_short >= ENVELOPE_CLEARANCE - 0.01
        assert long_side - card_long <= INCH + 0.01 and short_side - card_short <= INCH + 0.01


def test_the_flat_6_by_4_card_goes_in_an_a6_envelope():
    assert ENVELOPES["a6"].holds(FLAT_4X6.sheet) and ENVELOPES["a6"].holds(FLAT_A6.sheet)
    assert not ENVELOPES["a2"].holds(FLAT_4X6.sheet)  # 6 in into 5¾: too small
    assert not ENVELOPES["no10"].holds(FLAT_4X6.sheet)  # 1/8 in over its height, 3½ loose
    assert card_layout("flat-4x6").envelopes("letter")[0] == "a6"  # US stock first
    assert card_layout("flat-a6").envelopes("a4")[0] == "c6"
    # a choice that does not fit gives way to one that does; one that fits is kept
    assert envelope_for_card("flat-4x6", "a2") == "a6"
    assert envelope_for_card("a2-folded", "a2") == "a2"
    assert "A6" in card_layout("flat-4x6").description
