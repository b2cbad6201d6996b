"""No text prints over other text: every string's box, read back from the PDF, is clear
of every other on the page, for top clients with long names and long due dates."""

from __future__ import annotations

import pytest

from boutique.printing.call_scripts import call_scripts_pdf
from boutique.printing.pack import render_pack
from boutique.printing.prompts import note_prompts_pdf
from boutique.services.stationery.print_data import PackData
from tests.printing.documents import DAY, LETTERHEAD, person, prompt, script
from tests.printing.every_piece import KINDS
from tests.printing.geometry import overlapping, page_count, page_marks

NAMES = ("Bo Li", "Alexandra Featherstonehaugh", "Maximiliana Featherstonehaugh",
         "Alexandra Featherstonehaugh-Whitfield Jones")
LONG_DUE = "September 30, 2026"


def _clear(pdf: bytes) -> list[str]:
    found = []
    for number in range(page_count(pdf)):
        for a, b in overlapping(page_marks(pdf, number).texts):
            found.append(f"page {number + 1}: {a.text!r} over {b.text!r}")
    return found


def _top_prompt(name: str):
    return prompt(kind="satisfaction_call", due_text=LONG_DUE, person=person(name, is_top=True))


def _top_script(name: str):
    return script(kind="satisfaction_call", due_text=LONG_DUE, days_overdue=21,
                  person=person(name, is_top=True, partner="Maximiliana Featherstonehaugh"))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("layout", ["2up", "3up", "card"])
def test_the_top_client_mark_never_overprints_the_due_date(name, layout):
    pdf = note_prompts_pdf([_top_prompt(name)], LETTERHEAD, layout=layout)
    assert _clear(pdf) == []
    texts = [box.text for box in page_marks(pdf).texts]
    assert "★ top client" in texts and any("SEPTEMBER 30" in t for t in texts)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("layout", ["half", "full"])
def test_call_scripts_for_top_clients_have_no_overlap(name, layout):
    assert _clear(call_scripts_pdf([_top_script(name)], LETTERHEAD, layout=layout)) == []


@pytest.mark.parametrize("name", NAMES)
def test_the_whole_pack_has_no_overlap(name):
    pack = PackData(DAY, "Wednesday, November 25, 2026", notes=(_top_prompt(name),),
                    calls=(_top_script(name),))
    assert _clear(render_pack(pack, LETTERHEAD)) == []


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_no_piece_of_any_kind_prints_text_over_text(kind):
    assert _clear(KINDS[kind]()) == []
