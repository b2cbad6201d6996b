"""Care cards: one per material, business-card and A6 sizes, the advice on them."""

from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4, LETTER

from boutique.printing.care_cards import MATERIALS, care_cards_pdf, care_text
from boutique.printing.sheets import INCH, MM
from tests.printing.documents import A4_LETTERHEAD, LETTERHEAD, flat
from tests.printing.stationery_pdf import page_sizes, page_texts, runs


@pytest.mark.parametrize(("size", "letterhead", "expected"), [
    ("business", LETTERHEAD, (3.5 * INCH, 2 * INCH)),
    ("business", A4_LETTERHEAD, (85 * MM, 55 * MM)),
    ("a6", LETTERHEAD, (105 * MM, 148 * MM)),
    ("business-sheet", LETTERHEAD, LETTER),
    ("business-sheet", A4_LETTERHEAD, A4),
])
def test_sizes(size, letterhead, expected):
    sizes = page_sizes(care_cards_pdf(MATERIALS, letterhead, size))
    assert len(sizes) == len(MATERIALS)
    assert all(s == pytest.approx(expected, abs=0.01) for s in sizes)


@pytest.mark.parametrize("material", MATERIALS)
def test_every_material_has_well_formed_advice(material):
    care = care_text(material)
    assert care.title and care.intro
    assert len(care.essentials) == 4  # what fits a business card, at a readable size
    assert len(care.more) >= 2
    assert all(len(tip) <= 80 for tip in care.essentials)


@pytest.mark.parametrize("material", MATERIALS)
def test_the_business_card_holds_the_essentials_inside_its_edges(material):
    pdf = care_cards_pdf([material], LETTERHEAD, "business")
    text = flat(page_texts(pdf)[0])
    care = care_text(material)
    assert care.title in text
    for tip in care.essentials:
        assert tip in text, tip
    assert "(518) 555-0142" in text
    for run in runs(pdf):
        assert run.x >= 6 and run.right <= 3.5 * INCH - 6, run


@pytest.mark.parametrize("material", MATERIALS)
def test_the_a6_card_holds_every_tip_and_the_store(material):
    text = flat(page_texts(care_cards_pdf([material], LETTERHEAD, "a6"))[0])
    care = care_text(material)
    for tip in (*care.essentials, *care.more):
        assert tip in text, tip
    assert "Thank you for choosing us." in text
    assert "214 Warren Street" in text


def test_pearl_advice_is_right():
    text = " ".join((*care_text("pearls").essentials, *care_text("pearls").more)).lower()
    assert "last on, first off" in text
    assert "ultrasonic" in text and "flat" in text and "restrung" in text


def test_a_sheet_carries_ten_cards():
    text = page_texts(care_cards_pdf(["gold"], LETTERHEAD, "business-sheet"))[0]
    assert text.count("Take rings off for the gym") == 10


def test_unknown_material_or_size_is_refused():
    with pytest.raises(ValueError, match="material"):
        care_cards_pdf(["rubber"], LETTERHEAD)
    with pytest.raises(ValueError, match="size"):
        care_cards_pdf(["gold"], LETTERHEAD, "poster")


def test_a_logo_is_drawn_and_a_broken_one_is_left_out(tmp_path):
    from dataclasses import replace

    from PIL import Image

    from tests.printing.stationery_pdf import reader

    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 100), (122, 92, 62)).save(logo)
    broken = tmp_path / "broken.png"
    broken.write_text("not an image")

    def images(path) -> int:
        pdf = care_cards_pdf(["gold"], replace(LETTERHEAD, logo_path=str(path)), "a6")
        return len(reader(pdf).pages[0].images)

    assert images(logo) == 1
    assert images(broken) == 0
    assert images(tmp_path / "missing.png") == 0
