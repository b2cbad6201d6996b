"""The personal word reaches the words (finding 7): the recall in the default wordings, a
gracious line without one, the whole recall printed when the column has room, item
names with commas that never break a sentence, and "them" for earrings and cufflinks."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from boutique.printing.call_scripts import call_scripts_pdf
from boutique.printing.prompts import note_prompts_pdf
from boutique.printing.templates import KINDS, Wording
from boutique.printing.wording import note_words, script_steps
from boutique.services.agenda import agenda_for
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.notes import add_note
from boutique.services.stationery.print_data import pack_from_items
from tests.printing.documents import LETTERHEAD, flat, person, prompt, purchase, script
from tests.printing.stationery_pdf import all_text
from tests.scenarios.test_contact_plan import buy, today_json

D = dt.date
HOME = dict(home_line1="8 Orchard Lane", home_city="Hudson", home_region="NY",
            home_postcode="12534", mobile_phone="+15550134567")


def _pack(day, kind):
    items = [i for i in agenda_for(day) if i.kind == kind]
    assert len(items) == 1, items
    return items[0], pack_from_items(day, items)


def test_the_thank_you_and_the_call_use_the_recall(make_client, db_path):
    ana = make_client(first_name="Ana", last_name="Alvarez", salutation="Mrs.", **HOME)
    bought = buy(ana, D(2026, 4, 1), ("Ruby pendant", 180000))
    add_note(ana.id, "The trip to Italy in May.", "conversation", purchase_id=bought.id)
    note, pack = _pack(D(2026, 4, 2), "thank_you_note")
    [row] = [r for r in today_json(db_path, D(2026, 4, 2)) if r["kind"] == "thank_you_note"]
    assert row["recall"] == "The trip to Italy in May."
    pdf = note_prompts_pdf(list(pack.notes), LETTERHEAD, layout="card")
    (db_path.parent / "recall-card.pdf").write_bytes(pdf)
    text = flat(all_text(pdf))
    assert ("I so enjoyed hearing about the trip to Italy in May, and I hope it is "
            "everything you wished.") in text
    call, pack = _pack(D(2026, 5, 1), "satisfaction_call")
    text = flat(all_text(call_scripts_pdf(list(pack.calls), LETTERHEAD)))
    assert "And how was the trip to Italy in May?" in text
    # a month on, a note in place of the call says it as the trade's example does
    words = note_words(prompt(kind="satisfaction_call", recall="The trip to Italy",
                              purchase=purchase(is_gift=False)), LETTERHEAD, Wording())
    assert "I hope the trip to Italy was everything you wished." in words.lines


def test_without_a_recall_the_note_says_something_gracious(make_client):
    ana = make_client(first_name="Ana", last_name="Alvarez", salutation="Mrs.", **HOME)
    buy(ana, D(2026, 4, 1), ("Ruby pendant", 180000))
    _note, pack = _pack(D(2026, 4, 2), "thank_you_note")
    assert pack.notes[0].recall == ""
    text = flat(all_text(note_prompts_pdf(list(pack.notes), LETTERHEAD)))
    assert "I so enjoyed our conversation, and I look forward to hearing your news" in text
    assert "hearing about" not in text and "RECALL" not in text.upper()


def test_a_recall_that_is_a_sentence_is_not_forced_into_one(make_client):
    ana = make_client(first_name="Ana", last_name="Alvarez", **HOME)
    bought = buy(ana, D(2026, 4, 1), ("Ruby pendant", 180000))
    add_note(ana.id, "Off to Italy in May for their anniversary.", "conversation",
             purchase_id=bought.id)
    _note, pack = _pack(D(2026, 4, 2), "thank_you_note")
    text = flat(all_text(note_prompts_pdf(list(pack.notes), LETTERHEAD)))
    assert "I so enjoyed our conversation" in text  # the gracious line
    assert "hearing about off to" not in text.lower()
    assert "Off to Italy in May for their anniversary." in text  # still beside the note


LONG_RECALL = ("The trip to Italy in May for their 25th anniversary: Rome first, then a week "
               "on the Amalfi coast with her sister; she wants a piece to wear at the dinner "
               "in Positano, likes warm gold and is thinking about a pendant for her "
               "daughter too.")


@pytest.mark.parametrize("layout", ["2up", "3up", "card"])
def test_a_long_recall_prints_whole_when_the_column_has_room(layout):
    """Three pieces and a long recall on a third of a page: all of it, not one line."""
    three = (purchase(purchase_id=1, items=("Ruby pendant (18k gold)",), is_gift=False),
             purchase(purchase_id=2, items=("Pearl drop earrings",), is_gift=False,
                      date_text="April 10, 2026"),
             purchase(purchase_id=3, items=("Cufflinks, onyx, sterling",), is_gift=False,
                      date_text="April 17, 2026"))
    pdf = note_prompts_pdf([prompt(recall=LONG_RECALL, purchase=three[0], purchases=three)],
                           LETTERHEAD, layout=layout)
    text = flat(all_text(pdf))
    assert "for her daughter too.”" in text and "…" not in text


def test_commas_and_pairs_in_the_pieces_read_as_sentences(make_client):
    mia = make_client(first_name="Mia", last_name="Laurent", **HOME)
    record_purchase(mia.id, PurchaseData(purchase_date=D(2026, 3, 2), items=[
        ItemData(description="Cufflinks, onyx, sterling", price_cents=42000)]))
    call, pack = _pack(D(2026, 9, 2), "service_call")
    text = flat(all_text(call_scripts_pdf(list(pack.calls), LETTERHEAD)))
    assert "since you chose the cufflinks, and we would love to give them a complimentary" in text
    assert "cufflinks, onyx," not in text and "give it" not in text
    # the jeweler's own wording and choice win over the description
    record_purchase(mia.id, PurchaseData(purchase_date=D(2026, 10, 1), items=[
        ItemData(description="Set, pearl, 3 pcs", price_cents=90000,
                 wording="pearl jewellery set", wording_number="singular")]))
    call, pack = _pack(D(2026, 10, 31), "satisfaction_call")
    text = flat(all_text(call_scripts_pdf(list(pack.calls), LETTERHEAD)))
    assert "happy with the pearl jewellery set" in text
    assert "caring for it or cleaning it?" in text


# Every wording, every kind, for the awkward cases at once.
def _cases():
    plural_gift = purchase(items=("Earrings, pearl drop, 18k",), item_phrase="earrings",
                           plural=True)
    cufflinks = purchase(items=("Cufflinks, onyx",), item_phrase="cufflinks", plural=True,
                         is_gift=False)
    merged = (purchase(is_gift=False, item_phrase="ruby pendant"),
              purchase(is_gift=False, item_phrase="cufflinks", plural=True),
              purchase(is_gift=False, item_phrase="pearl earrings", plural=True))
    return {
        "plural gift, no recall": dict(purchase=plural_gift, recall=""),
        "plural, recall": dict(purchase=cufflinks, recall="The trip to Italy"),
        "plural, sentence recall": dict(purchase=cufflinks, recall="She loves Italy, truly."),
        "three pieces": dict(purchase=merged[0], purchases=merged, recall=""),
    }


_SINGULAR_AFTER = re.compile(r"\b(give|choose|bring|for|cleaning|loves) it\b|\bearrings was\b"
                             r"|\bcufflinks was\b")


@pytest.mark.parametrize("case", list(_cases()))
@pytest.mark.parametrize("kind", KINDS)
def test_every_wording_reads_right_with_pairs_commas_and_no_recall(kind, case):
    values = _cases()[case]
    wording = Wording()
    occasion = {"key_date": "anniversary"}.get(kind, "")
    note = note_words(prompt(kind=kind, occasion=occasion, **values), LETTERHEAD, wording)
    steps, problems = script_steps(script(kind=kind, occasion=occasion, person=person(),
                                          **values), LETTERHEAD, wording)
    lines = list(note.lines) + [s.text for s in steps]
    assert not note.problems and not problems
    for line in lines:
        assert "{" not in line and "}" not in line and "[unknown" not in line, line
        assert not _SINGULAR_AFTER.search(line), line  # "them", "were" for pairs
        assert ", onyx" not in line and ", pearl drop" not in line, line
        assert "  " not in line and " ," not in line and " ." not in line, line
        if not values["recall"]:
            assert "hearing about" not in line and "how was" not in line.lower(), line
    if "purchases" in values and kind in ("thank_you_note", "satisfaction_call",
                                          "service_call"):
        said = " ".join(lines)
        if "{item}" in wording.text(f"note.{kind}") + wording.text(f"script.{kind}"):
            assert "ruby pendant, cufflinks and pearl earrings" in said


def test_every_shipped_wording_checks_clean_and_a_typo_in_a_gracious_line_is_caught():
    from boutique.printing.templates import TEMPLATES, check, default_templates

    shipped = default_templates()
    assert {name: check(shipped[name]) for name in TEMPLATES} == dict.fromkeys(TEMPLATES, ())
    assert check("[no_recall] I hope {recal} was lovely.") == ("unknown placeholder {recal}",)
