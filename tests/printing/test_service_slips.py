"""The intake ticket with its Code 128 claim stub, and the return slip, read back."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace

import pytest

from boutique.printing.service_slips import (
    HALF_LETTER,
    STUB_HEIGHT,
    intake_ticket_pdf,
    return_slip_pdf,
)
from boutique.services.returns import ReturnSlip
from boutique.services.service_desk import IntakeTicket
from tests.printing.documents import A4_LETTERHEAD, LETTERHEAD, LONG_NOTE, UNICODE_NAMES
from tests.printing.stationery_pdf import all_text, page_sizes, runs

TICKET = IntakeTicket(
    number="S000012", client_name="Ana Alvarez", client_phone="(555) 013-4567",
    piece="Gold band, 18k", kind="Sizing", work="Size 6 to 7; polish",
    condition="Light scratches on the shank <ok> & stones tight",
    received_text="Wednesday, 25 November 2026", promised_text="Friday, 4 December 2026",
    estimate_text="$85.00", deposit_text="$40.00",
    terms=("Please bring this stub to collect the piece.",))


def test_the_stub_carries_the_number_below_the_cut_line():
    pdf = intake_ticket_pdf(TICKET, LETTERHEAD)
    assert page_sizes(pdf) == [HALF_LETTER]
    drawn = runs(pdf)
    stub = [r for r in drawn if r.y < STUB_HEIGHT]
    assert [r.text for r in stub if r.text == "S000012"] == ["S000012", "S000012"]
    assert {"CLAIM STUB", "Ana Alvarez", "Friday, 4 December 2026"} <= {r.text for r in stub}
    above = " ".join(r.text for r in drawn if r.y > STUB_HEIGHT)
    assert "Size 6 to 7; polish" in above and "<ok> & stones tight" in above
    assert "Please bring this stub" in above and "$40.00" in above


@pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
                    reason="needs zbarimg (zbar-tools) and pdftoppm to scan the barcode")
def test_the_barcode_scans_back_as_the_ticket_number(tmp_path):
    pdf_path = tmp_path / "ticket.pdf"
    pdf_path.write_bytes(intake_ticket_pdf(TICKET, LETTERHEAD))
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf_path),
                    str(tmp_path / "ticket")], check=True, timeout=60)
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "ticket.png")],
                             capture_output=True, text=True, timeout=60)
    assert scanned.stdout.split() == ["S000012"]


def test_long_and_foreign_words_stay_above_the_stub():
    ticket = replace(TICKET, condition=LONG_NOTE, work=LONG_NOTE[:800],
                     client_name=UNICODE_NAMES[5], piece=UNICODE_NAMES[4] + " ring")
    pdf = intake_ticket_pdf(ticket, A4_LETTERHEAD)
    drawn = runs(pdf)
    words = [r for r in drawn if "wedding" in r.text]
    assert words and all(r.y > STUB_HEIGHT + 10 for r in words)
    stub = {r.text for r in drawn if r.y < STUB_HEIGHT}
    assert "S000012" in stub and len(page_sizes(pdf)) == 1


def test_the_return_slip_prints_the_check_the_amounts_and_the_policy():
    slip = ReturnSlip(
        number="R000003", client_name="Ana Alvarez", return_date="2026-11-10",
        purchase_date="2026-11-01", item="Pearl drop earrings", reason="Gift not wanted",
        condition="Unworn, in its box", resolution="Refund",
        amounts=(("Price paid", "$450.00"), ("Restocking fee", "-$45.00"),
                 ("Refunded", "$405.00")),
        policy_lines=("Day 9 of a 30-day window: inside the window",
                      "Restocking fee $45.00"),
        policy_text="Pieces may be returned within 30 days <with the receipt> & unworn.")
    text = all_text(return_slip_pdf(slip, LETTERHEAD))
    for words in ("R000003", "Pearl drop earrings", "Gift not wanted", "Refunded", "$405.00",
                  "-$45.00", "Day 9 of a 30-day window", "<with the receipt> & unworn"):
        assert words in text


def test_the_care_card_carries_the_policy_on_its_receipt_side():
    from boutique.printing.care_cards import care_cards_pdf
    from tests.printing.stationery_pdf import page_texts

    policy = "Pieces may be returned within 30 days <with the receipt> & unworn."
    plain = care_cards_pdf(["gold"], LETTERHEAD, "a6")
    backed = care_cards_pdf(["gold", "pearls"], LETTERHEAD, "a6", policy_text=policy)
    assert len(page_sizes(plain)) == 1 and len(page_sizes(backed)) == 4
    texts = page_texts(backed)
    assert all(policy in " ".join(texts[i].split()) for i in (1, 3))
    assert policy not in " ".join(texts[0].split())
