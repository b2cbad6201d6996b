"""Note prompts: page sizes, what each must say, and text that never escapes its box."""

from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4, LETTER

from boutique.printing.prompts import note_prompts_pdf
from boutique.printing.sheets import FLAT_4X6, FLAT_A6
from boutique.printing.templates import Wording
from tests.printing.documents import (
    A4_LETTERHEAD,
    LETTERHEAD,
    LONG_NOTE,
    UNICODE_NAMES,
    flat,
    person,
    prompt,
    purchase,
)
from tests.printing.stationery_pdf import all_text, page_sizes, page_texts, runs


@pytest.mark.parametrize(("layout", "letterhead", "size", "pages"), [
    ("2up", LETTERHEAD, LETTER, 3),
    ("3up", LETTERHEAD, LETTER, 2),
    ("2up", A4_LETTERHEAD, A4, 3),
    ("3up", A4_LETTERHEAD, A4, 2),
    ("card", LETTERHEAD, FLAT_4X6.sheet, 5),
    ("card", A4_LETTERHEAD, FLAT_A6.sheet, 5),
])
def test_page_size_and_prompts_per_page(layout, letterhead, size, pages):
    pdf = note_prompts_pdf([prompt()] * 5, letterhead, layout=layout)
    sizes = page_sizes(pdf)
    assert len(sizes) == pages
    assert all(s == pytest.approx(size, abs=0.01) for s in sizes)


@pytest.mark.parametrize("layout", ["2up", "3up", "card"])
def test_a_prompt_holds_everything_to_write_the_note(layout):
    text = flat(all_text(note_prompts_pdf([prompt()], LETTERHEAD, layout=layout)))
    for expected in ("Ana Alvarez", "Dear Mrs. Alvarez,",
                     # the envelope: the buyer's business address for a gift
                     "Hudson Valley Architects", "100 Main Street, Suite 300",
                     "Springfield, IL 62701",
                     # what was bought, when, for whom
                     "Diamond stud earrings (18k white gold)", "November 18, 2026",
                     "Gift for Carlos (husband) · anniversary",
                     # the recall line and the suggested sentences
                     "Off to Italy in May for their anniversary.",
                     "Thank you for trusting me with such an important decision.",
                     "I have no doubt Carlos will treasure the diamond stud earrings",
                     "I so enjoyed our conversation",
                     # closing and signature
                     "Yours truly,", "Elena Marsh", "Elena Marsh, Goldsmith"):
        assert expected in text, expected


def test_not_a_gift_reads_differently():
    text = flat(all_text(note_prompts_pdf([prompt(purchase=purchase(is_gift=False))],
                                          LETTERHEAD)))
    assert "You made a wonderful choice" in text
    assert "treasure" not in text and "Gift for" not in text


def test_gift_address_warnings_are_printed_on_the_prompt():
    home_only = prompt(address_lines=("Mrs. Ana Alvarez", "8 Orchard Lane", "Hudson, NY 12534"),
                       address_kind="home",
                       warnings=("Gift: no business address, the home address may reach "
                                 "the recipient",))
    missing = prompt(address_lines=(), address_kind="", warnings=("No postal address on file",))
    pages = [flat(t) for t in page_texts(note_prompts_pdf([home_only, missing], LETTERHEAD))]
    assert "Gift: no business address, the home address may reach the recipient" in pages[0]
    assert "No postal address on file" in pages[0]
    assert "business address" not in pages[0].split("Gift:")[0]  # labelled home, not business


def test_user_text_prints_as_typed():
    note = prompt(person=person("Ana <b>&amp; Co"), recall="She said <b>& </b> <i>hi")
    text = flat(all_text(note_prompts_pdf([note], LETTERHEAD)))
    assert "Ana <b>&amp; Co" in text
    assert "She said <b>& </b> <i>hi" in text


def test_a_5000_character_note_is_cut_to_its_box():
    pdf = note_prompts_pdf([prompt(recall=LONG_NOTE)], LETTERHEAD, layout="card")
    assert len(page_sizes(pdf)) == 1
    text = all_text(pdf)
    assert "Talked about the trip <b>& the wedding;" in text
    assert "…" in text
    assert text.count("the wedding") < LONG_NOTE.count("the wedding")
    width, height = FLAT_4X6.sheet
    for run in runs(pdf):
        assert run.x >= 0 and run.right <= width and 0 <= run.y <= height, run


@pytest.mark.parametrize("name", UNICODE_NAMES)
def test_unicode_names_print(name):
    first, _, last = name.partition(" ")
    note = prompt(person=person(name, title_name=f"Ms. {last}"),
                  address_lines=(f"Ms. {name}", "1 Rue de la Paix", "75002 Paris", "FRANCE"))
    pdf = note_prompts_pdf([note], LETTERHEAD, layout="card")
    text = all_text(pdf)
    if name in ("Zoë Ødegård", "Łucja Wiśniewska", "Ελένη Παπαδοπούλου", "Светлана Иванова"):
        assert name in text
        assert f"Dear Ms. {last}," in text


def test_long_names_and_addresses_stay_inside_the_page():
    company = "The Extraordinarily Long Named Architecture and Interior Design Partnership " * 3
    note = prompt(person=person("Maximiliana-Josefina Wolfeschlegelsteinhausenbergerdorff"),
                  address_lines=("Mrs. Maximiliana-Josefina Wolfeschlegelsteinhausenbergerdorff",
                                 company, "1234 Boulevard of the Extremely Long Street Names",
                                 "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"))
    pdf = note_prompts_pdf([note] * 3, LETTERHEAD, layout="3up")
    width, height = LETTER
    for run in runs(pdf):
        assert run.x >= 18 and run.right <= width - 18, run  # inside the printable area
        assert 0 < run.y < height, run


def test_unknown_placeholder_shows_on_the_prompt_never_crashes():
    wording = Wording.from_overrides({"note.thank_you_note": "Thanks for {itme}, {first_name}!"})
    text = flat(all_text(note_prompts_pdf([prompt()], LETTERHEAD, wording)))
    assert "Thanks for [unknown: {itme}], Ana!" in text
    assert "Wording to check in Settings: unknown placeholder {itme}" in text


def test_an_empty_list_still_makes_a_pdf():
    assert len(page_sizes(note_prompts_pdf([], LETTERHEAD))) == 1


def test_an_unknown_layout_is_refused():
    with pytest.raises(ValueError, match="prompt layout"):
        note_prompts_pdf([prompt()], LETTERHEAD, layout="4up")
