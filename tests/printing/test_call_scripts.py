"""Call scripts: page sizes, the client at a glance, the script for each kind, outcomes."""

from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4, LETTER

from boutique.printing.call_scripts import call_scripts_pdf
from boutique.printing.templates import KINDS, Wording
from tests.printing.documents import (
    A4_LETTERHEAD,
    LETTERHEAD,
    LONG_NOTE,
    UNICODE_NAMES,
    flat,
    person,
    purchase,
    script,
)
from tests.printing.stationery_pdf import all_text, page_sizes, page_texts, runs


@pytest.mark.parametrize(("layout", "letterhead", "size", "pages"), [
    ("half", LETTERHEAD, LETTER, 2), ("full", LETTERHEAD, LETTER, 3),
    ("half", A4_LETTERHEAD, A4, 2), ("full", A4_LETTERHEAD, A4, 3),
])
def test_page_size_and_scripts_per_page(layout, letterhead, size, pages):
    sizes = page_sizes(call_scripts_pdf([script()] * 3, letterhead, layout=layout))
    assert len(sizes) == pages
    assert all(s == pytest.approx(size, abs=0.01) for s in sizes)


@pytest.mark.parametrize("layout", ["half", "full"])
def test_the_client_at_a_glance_and_the_purchase(layout):
    top = script(person=person(preferred_name="Annie", is_top=True))
    text = flat(all_text(call_scripts_pdf([top], LETTERHEAD, layout=layout)))
    for expected in ("Ana Alvarez", "Goes by Annie", "Partner: Carlos", "(555) 123-4567",
                     "Diamond stud earrings (18k white gold)", "November 18, 2026",
                     "Gift for Carlos (husband) · anniversary", "Off to Italy in May.",
                     "Ring size 6.5; bracelet 7 in.", "Two children: Sofia and Mateo.",
                     "Reached", "Left a message", "No answer", "Call back on"):
        assert expected in text, expected
    assert "TOP CLIENT" in text


def test_satisfaction_script_asks_the_right_questions():
    text = flat(all_text(call_scripts_pdf([script()], LETTERHEAD)))
    for expected in ("Hello Annie, this is Elena Marsh from Marsh & Finch Jewelers.",
                     "Was it a success with Carlos?", "the ring size",
                     "Do you have any questions about caring for it or cleaning it?",
                     "Thank you again for choosing us"):
        assert expected in text, expected


@pytest.mark.parametrize(("kind", "expected"), [
    ("service_call", "complimentary cleaning and check"),
    ("key_date", "Hello Annie, this is Elena Marsh"),
    ("after_return", "happy with how your return was handled"),
    ("re_introduction", "I will be looking after you from now on"),
    ("custom", "The reason for the call: Anniversary on December 14"),
])
def test_each_kind_has_its_own_script(kind, expected):
    call = script(kind=kind, reason="Anniversary on December 14")
    assert expected in flat(all_text(call_scripts_pdf([call], LETTERHEAD, Wording())))


def test_every_kind_prints():
    pdf = call_scripts_pdf([script(kind=kind) for kind in KINDS], LETTERHEAD, layout="full")
    assert len(page_sizes(pdf)) == len(KINDS)


def test_the_gift_warning_and_no_number():
    call = script(phone="", phone_label="",
                  warnings=("Gift: only a home number on file, the recipient may answer; "
                            "call not placed",))
    text = flat(all_text(call_scripts_pdf([call], LETTERHEAD)))
    assert "No number to call" in text
    assert "the recipient may answer; call not placed" in text


def test_user_text_and_long_notes_stay_inside():
    call = script(pinned=(LONG_NOTE, "<b>& as typed"), recall=LONG_NOTE,
                  person=person("Ana <b>&amp;"))
    pdf = call_scripts_pdf([call, call], LETTERHEAD, layout="half")
    text = all_text(pdf)
    assert "Ana <b>&amp;" in text and "<b>& as typed" in text
    assert "…" in text
    for run in runs(pdf):
        assert run.x >= 18 and run.right <= LETTER[0] - 18, run


@pytest.mark.parametrize("name", UNICODE_NAMES)
def test_unicode_names(name):
    pdf = call_scripts_pdf([script(person=person(name, preferred_name=name.split()[0]))],
                           LETTERHEAD)
    if name.split()[0] in ("Zoë", "Łucja", "Ελένη", "Светлана"):
        assert name in page_texts(pdf)[0]


def test_no_purchase_shows_the_reason():
    text = flat(all_text(call_scripts_pdf(
        [script(kind="key_date", purchase=None, reason="Birthday on December 2")], LETTERHEAD)))
    assert "Birthday on December 2" in text
    assert "Diamond" not in text


def test_not_a_gift_skips_the_gift_question():
    text = flat(all_text(call_scripts_pdf([script(purchase=purchase(is_gift=False))],
                                          LETTERHEAD)))
    assert "Was it a success" not in text
