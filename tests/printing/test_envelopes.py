"""Envelopes: sizes, the return and delivery addresses, the gift rule, text in its box."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.printing.envelopes import (
    address_box,
    envelope_pdf,
    envelope_size,
    envelopes_pdf,
)
from boutique.printing.fit import cap_height
from boutique.printing.letterhead import Letterhead
from boutique.services.stationery.mail import mail_for_purchase
from tests.printing.stationery_pdf import all_text, page_sizes, runs

STORE = Letterhead(store_name="Marsh & Finch Jewelers",
                   address_lines=("214 Warren Street", "Hudson, NY 12534"))
ADDRESS = ["Ms. Zoë Ødegård", "1180 Avenue of the Americas", "New York, NY 10036"]
SIZES = {"no10": (684, 297), "a2": (414, 315), "a6": (468, 342), "c6": (459.21, 323.15),
         "dl": (623.62, 311.81)}
WHEN = dt.date(2026, 11, 20)


@pytest.mark.parametrize("key", sorted(SIZES))
def test_each_size_holds_both_addresses(key):
    pdf = envelope_pdf(STORE, ADDRESS, key)
    assert page_sizes(pdf) == [pytest.approx(SIZES[key], abs=0.01)]
    text = all_text(pdf)
    for line in (*ADDRESS, "MARSH & FINCH JEWELERS", "214 Warren Street", "Hudson, NY 12534"):
        assert line in text


@pytest.mark.parametrize("key", sorted(SIZES))
def test_return_address_top_left_and_delivery_right_of_middle(key):
    width, height = SIZES[key]
    drawn = runs(envelope_pdf(STORE, ADDRESS, key))
    store = next(r for r in drawn if r.text.startswith("MARSH"))
    client = next(r for r in drawn if r.text == ADDRESS[0])
    assert store.x < width * 0.1 and store.y > height * 0.85
    assert client.x > width * 0.4 and height * 0.25 < client.y < height * 0.65


def _delivery_runs(pdf):
    return [r for r in runs(pdf) if r.text not in
            ("MARSH & FINCH JEWELERS", "214 Warren Street", "Hudson, NY 12534")]


@pytest.mark.parametrize("key", sorted(SIZES))
def test_a_200_character_company_stays_inside_the_address_box(key):
    company = ("Ødegård, Łucja & Ελένη International Holding Company for Fine Jewelry, "
               "Watches, Silverware, Pearls and Precious Stones of Every Kind, Established "
               "Eighteen Hundred and Sixty-Two, Incorporated in New York")
    assert len(company) >= 200
    lines = ["Ms. Светлана Ødegård", company, "1180 Avenue of the Americas, Suite 4000",
             "New York, NY 10036"]
    pdf = envelope_pdf(STORE, lines, key)
    left, bottom, right, top = address_box(*SIZES[key])
    drawn = _delivery_runs(pdf)
    assert drawn[0].text == "Ms. Светлана Ødegård"
    assert drawn[-1].text == "New York, NY 10036"  # the city is never lost
    for run in drawn:
        assert run.x >= left - 0.01 and run.right <= right + 0.01, run
        assert run.y >= bottom - 0.01, run
        assert run.y + run.size * cap_height(run.font) <= top + 0.01, run
    words = " ".join(r.text for r in drawn)
    assert "Ødegård, Łucja & Ελένη International" in words


def test_markup_in_an_address_prints_as_typed():
    text = all_text(envelope_pdf(STORE, ["<b>& Co.", "1 <i> Street", "Town"], "dl"))
    assert "<b>& Co." in text and "1 <i> Street" in text


@pytest.mark.parametrize("name", ["Zoë Ødegård", "Łucja Nowak", "Ελένη Παπαδοπούλου",
                                  "Светлана Иванова"])
def test_unicode_names_print(name):
    assert name in all_text(envelope_pdf(STORE, [name, "12 Main Street", "Springfield"], "c6"))


@pytest.mark.parametrize("name", ["דוד כהן", "ليلى حداد", "山田太郎", "Ana 💍"])
def test_other_scripts_never_crash(name):
    pdf = envelope_pdf(STORE, [name, "12 Main Street", "Springfield"], "dl")
    assert len(page_sizes(pdf)) == 1


def test_a_batch_is_one_page_per_envelope():
    pdf = envelopes_pdf(STORE, [ADDRESS, ["Łucja Nowak", "ul. Długa 5", "Warszawa"]], "a2")
    assert len(page_sizes(pdf)) == 2


def test_unknown_size_is_refused_by_name():
    with pytest.raises(ValueError, match="no10"):
        envelope_size("b5")


HOME = {"home_line1": "8 Orchard Lane", "home_city": "Hudson", "home_region": "NY",
        "home_postcode": "12534"}
WORK = {"business_company": "Ødegård Design", "business_line1": "40 Main Street",
        "business_city": "Albany", "business_region": "NY", "business_postcode": "12207"}


def test_a_gift_envelope_goes_to_the_business_address(make_client, make_purchase):
    client = make_client(first_name="Zoë", last_name="Ødegård", salutation="Ms.", **HOME, **WORK)
    gift = make_purchase(client.id, WHEN, is_gift=True, gift_recipient="Ana",
                         gift_relation="wife")
    piece = mail_for_purchase(gift.id)
    assert piece.address_kind == "business" and piece.warnings == ()
    text = all_text(envelope_pdf(STORE, piece.lines, "a2"))
    assert "Ms. Zoë Ødegård" in text and "Ødegård Design" in text and "40 Main Street" in text
    assert "8 Orchard Lane" not in text


def test_not_a_gift_goes_home(make_client, make_purchase):
    client = make_client(first_name="Zoë", last_name="Ødegård", **HOME, **WORK)
    piece = mail_for_purchase(make_purchase(client.id, WHEN).id)
    assert piece.address_kind == "home"
    assert "8 Orchard Lane" in all_text(envelope_pdf(STORE, piece.lines))


def test_a_gift_with_only_a_home_address_prints_and_warns_off_the_envelope(make_client,
                                                                          make_purchase):
    client = make_client(first_name="Łucja", last_name="Nowak", **HOME)
    gift = make_purchase(client.id, WHEN, is_gift=True, gift_recipient="Piotr")
    piece = mail_for_purchase(gift.id)
    assert piece.address_kind == "home"
    assert any("Gift" in w and "home" in w for w in piece.warnings)
    text = all_text(envelope_pdf(STORE, piece.lines, "c6"))
    assert "8 Orchard Lane" in text
    assert "Gift" not in text and "recipient" not in text  # the warning is for the screen


def test_no_address_still_prints_the_name(make_client, make_purchase):
    client = make_client(first_name="Ελένη", last_name="Παπαδοπούλου")
    piece = mail_for_purchase(make_purchase(client.id, WHEN).id)
    assert not piece.has_address and "No postal address on file" in piece.warnings
    assert "Ελένη Παπαδοπούλου" in all_text(envelope_pdf(STORE, piece.lines, "dl"))
