"""Every wording speaks as the client's associate (her name, her direct line), and as
the store's jeweler when the client has none."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.printing.call_scripts import call_scripts_pdf
from boutique.printing.prompts import note_prompts_pdf
from boutique.printing.templates import KINDS, Wording
from boutique.services.associates import save_associate
from boutique.services.stationery.print_data import call_script, note_prompt
from tests.printing.documents import LETTERHEAD, flat
from tests.printing.stationery_pdf import all_text

DAY = dt.date(2026, 11, 25)


@pytest.fixture
def maria(db):
    return save_associate({"name": "Maria Santos", "role": "Senior associate",
                           "phone": "(617) 555-0142"})


def _client(make_client, associate=""):
    return make_client(first_name="Ana", last_name="Alvarez", salutation="Mrs.",
                       mobile_phone="+16175550123", associate=associate,
                       home_line1="1 Elm Street", home_city="Hudson", home_postcode="12534")


@pytest.mark.parametrize("kind", KINDS)
def test_every_script_greets_as_the_clients_associate(kind, maria, make_client):
    ana = _client(make_client, "Maria Santos")
    text = flat(all_text(call_scripts_pdf([call_script(ana, None, kind, DAY)], LETTERHEAD)))
    assert "this is Maria Santos from Marsh & Finch Jewelers" in text
    assert "this is Elena Marsh" not in text


@pytest.mark.parametrize("kind", KINDS)
def test_every_script_falls_back_to_the_jeweler(kind, make_client, db):
    ana = _client(make_client)
    text = flat(all_text(call_scripts_pdf([call_script(ana, None, kind, DAY)], LETTERHEAD)))
    assert "this is Elena Marsh from Marsh & Finch Jewelers" in text


@pytest.mark.parametrize("kind", KINDS)
def test_every_note_is_signed_by_the_clients_associate(kind, maria, make_client):
    ana = _client(make_client, "Maria Santos")
    prompt = note_prompt(ana, None, kind, DAY)
    assert prompt.voice == "Maria Santos" and prompt.voice_phone == "(617) 555-0142"
    text = flat(all_text(note_prompts_pdf([prompt], LETTERHEAD)))
    assert "Maria Santos" in text
    assert "Elena Marsh, Goldsmith" not in text  # the jeweler's line is not hers
    alone = flat(all_text(note_prompts_pdf([note_prompt(_client(make_client), None, kind,
                                                        DAY)], LETTERHEAD)))
    assert "Elena Marsh" in alone and "Maria Santos" not in alone


def test_the_introduction_gives_the_direct_line_and_a_wording_with_jeweler_follows_too(
        maria, make_client):
    ana = _client(make_client, "Maria Santos")
    script = call_script(ana, None, "re_introduction", DAY)
    said = flat(all_text(call_scripts_pdf([script], LETTERHEAD)))
    assert "My direct line is (617) 555-0142" in said
    note = flat(all_text(note_prompts_pdf([note_prompt(ana, None, "re_introduction", DAY)],
                                          LETTERHEAD)))
    assert "You can reach me directly on (617) 555-0142" in note
    edited = Wording.from_overrides({"script.custom": "> Hi, {jeweler} here ({direct_line})."})
    text = flat(all_text(call_scripts_pdf([call_script(ana, None, "custom", DAY)], LETTERHEAD,
                                          edited)))
    assert "Hi, Maria Santos here ((617) 555-0142)" in text
