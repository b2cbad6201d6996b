"""Address label sheets: Avery 5160 and L7160 geometry, filling, start position, text."""

from __future__ import annotations

import pytest

from boutique.printing.fit import cap_height
from boutique.printing.labels import PAD_X, PAD_Y, labels_pdf, unfit_addresses
from boutique.printing.sheets import A4, AVERY_5160, AVERY_L7160, INCH, LETTER, MM, label_sheet
from boutique.services.clients.contact import MailingAddress
from tests.printing.stationery_pdf import all_text, page_sizes, page_texts, runs


def test_avery_5160_geometry():
    s = AVERY_5160
    assert s.page == LETTER and (s.columns, s.rows, s.per_sheet) == (3, 10, 30)
    assert (s.label_width, s.label_height) == (2.625 * INCH, 1 * INCH)
    assert (s.top_margin, s.side_margin, s.column_gap) == (0.5 * INCH, 0.1875 * INCH,
                                                          0.125 * INCH)
    positions = s.positions()
    assert positions[0] == pytest.approx((0.1875 * INCH, 11 * INCH - 0.5 * INCH - INCH))
    right = positions[2][0] + s.label_width
    assert LETTER[0] - right == pytest.approx(s.side_margin)  # symmetric: 8.5 in exactly
    assert positions[-1][1] == pytest.approx(0.5 * INCH)  # bottom margin = top margin


def test_avery_l7160_geometry():
    s = AVERY_L7160
    assert s.page == A4 and (s.columns, s.rows, s.per_sheet) == (3, 7, 21)
    assert (s.label_width, s.label_height) == pytest.approx((63.5 * MM, 38.1 * MM))
    positions = s.positions()
    assert positions[0][0] == pytest.approx(7.25 * MM)
    assert A4[0] - (positions[2][0] + s.label_width) == pytest.approx(7.25 * MM, abs=0.01)
    assert A4[1] - (positions[0][1] + s.label_height) == pytest.approx(15.15 * MM)
    assert positions[-1][1] == pytest.approx(15.15 * MM, abs=0.01)


def _addresses(count):
    return [[f"Client {n:02d}", f"{n} Main Street", "Springfield, IL 62701"]
            for n in range(1, count + 1)]


@pytest.mark.parametrize("key,per_sheet,page", [("avery5160", 30, LETTER), ("l7160", 21, A4)])
def test_a_batch_fills_sheets_in_order(key, per_sheet, page):
    pdf = labels_pdf(_addresses(per_sheet + 2), key)
    assert page_sizes(pdf) == [pytest.approx(page)] * 2
    first, second = page_texts(pdf)
    assert first.count("Client") == per_sheet and second.count("Client") == 2
    drawn = [r for r in runs(pdf) if r.text.startswith("Client")]
    assert [r.text for r in drawn] == [f"Client {n:02d}" for n in range(1, per_sheet + 1)]
    # row by row from the top left, the order labels peel
    assert drawn[0].y > drawn[3].y and drawn[0].x < drawn[1].x < drawn[2].x


def test_start_skips_the_used_labels():
    spec = label_sheet("avery5160")
    pdf = labels_pdf(_addresses(2), spec, start=5)
    drawn = [r for r in runs(pdf) if r.text.startswith("Client")]
    x5, y5 = spec.positions()[4]
    assert drawn[0].x == pytest.approx(x5 + PAD_X)
    assert y5 < drawn[0].y < y5 + spec.label_height
    with pytest.raises(ValueError, match="1 to 30"):
        labels_pdf(_addresses(1), spec, start=31)


def test_every_line_stays_inside_its_label():
    company = "The " + "Extraordinarily Long Company Name " * 6
    batch = [["Mr. Bartholomew Featherstonehaugh-Cholmondeley", company, "12 Main Street",
              "Apartment 1234, Building C", "Springfield, IL 62701", "UNITED STATES"]] * 3
    for spec in (AVERY_5160, AVERY_L7160):
        pdf = labels_pdf(batch, spec)
        boxes = spec.positions()[:3]
        drawn = runs(pdf)
        # at 8 pt neither label has room for the company in full: it is cut short, the
        # street, the apartment and the city print whole
        assert any(r.text.endswith("…") for r in drawn)
        for line in ("12 Main Street", "Apartment 1234, Building C", "Springfield, IL 62701"):
            assert sum(r.text == line for r in drawn) == 3
        assert min(r.size for r in drawn) >= 8
        for run in drawn:
            x, y = next(b for b in boxes if b[0] <= run.x <= b[0] + spec.label_width
                        and b[1] <= run.y <= b[1] + spec.label_height)
            assert run.x >= x + PAD_X - 0.01
            assert run.right <= x + spec.label_width - PAD_X + 0.01, run
            assert run.y >= y + PAD_Y - 0.01 - run.size * 0.25, run  # descenders in padding
            assert run.y + run.size * cap_height(run.font) <= y + spec.label_height - PAD_Y


def test_mailing_addresses_unicode_and_markup():
    batch = [
        MailingAddress(name="Ms. Zoë Ødegård", company="<b>& Co.", lines=("1 Elm Street",),
                       city="Hudson", region="NY", postcode="12534", country="USA"),
        MailingAddress(name="Łucja Nowak", lines=("ul. Długa 5",), city="Warszawa",
                       postcode="00-950", country="Poland"),
        ["Ελένη Παπαδοπούλου", "Odos Ermou 10", "Athens 10563", "GREECE"],
        ["Светлана Иванова", "ул. Тверская, д. 7", "Москва 125009", "RUSSIA"],
        ["דוד כהן", "רחוב הרצל 10", "تل أبيب"],
    ]
    text = all_text(labels_pdf(batch, "l7160", home_country="USA"))
    for expected in ("Ms. Zoë Ødegård", "<b>& Co.", "Hudson, NY 12534", "Łucja Nowak",
                     "POLAND", "Ελένη Παπαδοπούλου", "Светлана Иванова"):
        assert expected in text
    assert "USA" not in text  # the home country is left off


def test_unknown_sheet_is_refused_by_name():
    with pytest.raises(ValueError, match="avery5160"):
        label_sheet("avery9999")


def test_outline_for_a_trial_print():
    plain = labels_pdf(_addresses(1), "avery5160")
    outlined = labels_pdf(_addresses(1), "avery5160", outline=True)
    assert len(outlined) > len(plain)


LONG_NAME = "Mrs. Alexandra Featherstonehaugh-Whitfield"
THREE_LINE_COMPANY = "Featherstonehaugh, Whitfield & Partners International Architecture Group"


def _label_runs(pdf, spec, slot=0):
    x, y = spec.positions()[slot]
    return [r for r in runs(pdf) if x <= r.x <= x + spec.label_width
            and y <= r.y <= y + spec.label_height]


def test_a_long_address_keeps_its_street_and_city_at_8_pt_or_more():
    address = [LONG_NAME, THREE_LINE_COMPANY + " of North America",
               "Building 4, 100 Main Street", "Suite 300, Floor 12", "Springfield, IL 62701",
               "UNITED STATES"]
    pdf = labels_pdf([address], AVERY_5160)
    drawn = _label_runs(pdf, AVERY_5160)
    texts = [r.text for r in drawn]
    assert min(r.size for r in drawn) >= 8
    for line in address[2:]:
        assert line in texts
    company = [t for t in texts if t.startswith("Featherstonehaugh,")]
    assert len(company) == 1 and company[0].endswith("…")  # one line, cut short
    assert len(page_sizes(pdf)) == 1  # nothing left over


def test_the_company_is_left_off_before_any_street_line():
    address = MailingAddress(name="Ms. Ana Alvarez", company=THREE_LINE_COMPANY,
                             lines=("Building 4, Floor 12", "1200 Harbor Boulevard",
                                    "Gate 7, Dock Road"),
                             city="Long Beach", region="CA", postcode="90802", country="Canada")
    pdf = labels_pdf([address], AVERY_5160)
    texts = [r.text for r in _label_runs(pdf, AVERY_5160)]
    assert not any("Featherstonehaugh" in t for t in texts)
    for line in ("Building 4, Floor 12", "1200 Harbor Boulevard", "Gate 7, Dock Road",
                 "Long Beach, CA 90802", "CANADA", "Ms. Ana Alvarez"):
        assert line in texts
    assert min(r.size for r in _label_runs(pdf, AVERY_5160)) >= 8


def test_an_address_that_cannot_fit_is_listed_on_a_page_apart():
    too_long = ["Mr. Bartholomew Cholmondeley", "Unit 5", "Block 12", "Tower 3", "Level 44",
                "88 Queensway", "Admiralty, Hong Kong 999077", "HONG KONG"]
    fine = ["Ana Alvarez", "12 Main Street", "Springfield, IL 62701"]
    pdf = labels_pdf([fine, too_long, fine], AVERY_5160)
    sheet, apart = page_texts(pdf)
    assert "Cholmondeley" not in sheet and sheet.count("Ana Alvarez") == 2
    flat_apart = " ".join(apart.split())
    assert "Could not fit on a label" in flat_apart
    for line in too_long:
        assert line in flat_apart
    # the fitting labels fill the slots in order: the unfit one leaves no gap
    assert [r.text for r in _label_runs(pdf, AVERY_5160, slot=1)][0] == "Ana Alvarez"
    assert [lines.name for lines in unfit_addresses([fine, too_long], AVERY_5160)] == [
        too_long[0]]
    assert page_sizes(pdf)[1] == pytest.approx(LETTER)
