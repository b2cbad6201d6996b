"""Finding 1, gift-safe by rule: a gift whose note would reach a shared home (no business
address) never prints the recipient's name or the piece, on the note or the envelope; the
Settings and the purchase choose between the counter, discreet wording and holding it; the
satisfaction call waits until a week after the gift is given."""

from __future__ import annotations

import datetime as dt

from boutique.printing.envelopes import envelope_pdf
from boutique.printing.prompts import note_prompts_pdf
from boutique.services.agenda import agenda_for
from boutique.services.cadence import save_rules
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.clients.relations import save_relation
from boutique.services.stationery.mail import mail_for_day, mail_for_purchase
from boutique.services.stationery.print_data import pack_from_items
from tests.printing.documents import LETTERHEAD, flat
from tests.printing.stationery_pdf import all_text
from tests.scenarios.test_contact_plan import script_text, today_json

D = dt.date
HOME = dict(home_line1="8 Orchard Lane", home_city="Hudson", home_region="NY",
            home_postcode="12534", mobile_phone="+15550134567")


def gift(client, when, piece="Ruby pendant", cents=180000, **gift_fields):
    gift_fields.setdefault("gift_recipient", "Mia")
    return record_purchase(client.id, PurchaseData(
        purchase_date=when, items=[ItemData(description=piece, price_cents=cents)],
        is_gift=True, **gift_fields))


def note_text(day, item):
    pack = pack_from_items(day, [item])
    assert len(pack.notes) == 1
    return pack.notes[0], flat(all_text(note_prompts_pdf(list(pack.notes), LETTERHEAD)))


def _thank_you(day):
    [item] = [i for i in agenda_for(day) if i.kind == "thank_you_note"]
    return item


def test_a_gift_note_to_a_shared_home_names_neither_the_recipient_nor_the_piece(make_client,
                                                                                 db_path):
    luis = make_client(first_name="Luis", last_name="Ortega", **HOME)
    mia = save_relation(luis.id, {"kind": "partner", "name": "Mia"})
    bought = gift(luis, D(2026, 4, 1), gift_relation_id=mia.id, gift_occasion="birthday")
    day = D(2026, 4, 3)
    prompt, text = note_text(day, _thank_you(day))
    assert "Mia" not in text and "uby pendant" not in text and "ruby" not in text.lower()
    assert "names neither the recipient nor the piece" in text
    assert "may reach the recipient" not in text
    assert "I hope it brings great joy" in text  # the discreet line, not a hole
    assert prompt.address_lines[1] == "8 Orchard Lane"  # posted, to the client at home
    [row] = [r for r in today_json(db_path, day) if r["kind"] == "thank_you_note"]
    assert row["purchase_ids"] == [bought.id]
    # the envelope prints the client at home, and nothing about the gift
    piece = mail_for_purchase(bought.id)
    envelope = flat(all_text(envelope_pdf(LETTERHEAD, list(piece.lines))))
    assert "8 Orchard Lane" in envelope and "Mia" not in envelope and "uby" not in envelope
    assert "may reach the recipient" not in " ".join(piece.warnings)
    # the whole day's pack: contents, prompt and envelope
    from boutique.printing.pack import render_pack
    from boutique.services.stationery import load_letterhead, pack_data

    pack = flat(all_text(render_pack(pack_data(day), load_letterhead())))
    assert "Luis Ortega" in pack and "8 Orchard Lane" in pack
    assert "Mia" not in pack and "uby" not in pack.lower()


def test_with_a_business_address_the_gift_note_names_them_as_before(make_client):
    luis = make_client(first_name="Luis", last_name="Ortega", business_line1="1 Main St",
                       business_city="Albany", business_postcode="12207", **HOME)
    gift(luis, D(2026, 4, 1))
    prompt, text = note_text(D(2026, 4, 3), _thank_you(D(2026, 4, 3)))
    assert prompt.address_kind == "business" and not prompt.gift_safe
    assert "I have no doubt Mia will treasure the ruby pendant" in text


def test_handed_over_at_the_counter_nothing_is_posted(make_client):
    luis = make_client(first_name="Luis", last_name="Ortega", **HOME)
    save_rules({"gift_shared_home": "counter"})
    bought = gift(luis, D(2026, 4, 1))
    day = D(2026, 4, 3)
    prompt, text = note_text(day, _thank_you(day))
    assert prompt.address_lines == () and "8 Orchard Lane" not in text
    assert "HAND OVER AT THE COUNTER" in text and "hand this note over at the counter" in text
    ready, missing = mail_for_day(day)
    assert not ready and not missing  # no label for the shared home
    assert mail_for_purchase(bought.id).lines == ("Luis Ortega",)


def test_one_purchase_can_hold_its_note_until_after_the_occasion(make_client):
    luis = make_client(first_name="Luis", last_name="Ortega", **HOME)
    gift(luis, D(2026, 11, 1), gift_occasion="Christmas", gift_given_on=D(2026, 12, 25),
         gift_delivery="hold")
    assert not [i for i in agenda_for(D(2026, 11, 20)) if i.kind == "thank_you_note"]
    item = _thank_you(D(2026, 12, 26))
    assert item.due == D(2026, 12, 26) and item.days_overdue == 0
    _prompt, text = note_text(D(2026, 12, 26), item)
    assert "Mia" not in text and "held until after the occasion" in text


def test_a_christmas_gift_is_called_about_a_week_after_it_is_given(make_client, db_path):
    mia_buyer = make_client(first_name="Luis", last_name="Ortega", **HOME)
    bought = gift(mia_buyer, D(2025, 11, 1), gift_occasion="Christmas",
                  gift_given_on=D(2025, 12, 25))
    for day in (D(2025, 12, 1), D(2025, 12, 31)):
        assert not [i for i in agenda_for(day) if i.kind == "satisfaction_call"], day
    [call] = [i for i in agenda_for(D(2026, 1, 1)) if i.kind == "satisfaction_call"]
    assert call.due == D(2026, 1, 1) and call.purchase_ids == (bought.id,)
    assert "Was it a success with Mia?" in script_text(D(2026, 1, 1), call)
    [row] = [r for r in today_json(db_path, D(2026, 1, 1)) if r["kind"] == "satisfaction_call"]
    assert row["due"] == "2026-01-01" and row["days_overdue"] == 0


def test_with_no_day_given_a_christmas_gift_waits_for_christmas(make_client):
    luis = make_client(first_name="Luis", last_name="Ortega", **HOME)
    gift(luis, D(2025, 11, 1), gift_occasion="Christmas")
    assert not [i for i in agenda_for(D(2025, 12, 31)) if i.kind == "satisfaction_call"]
    [call] = [i for i in agenda_for(D(2026, 1, 1)) if i.kind == "satisfaction_call"]
    assert call.due == D(2026, 1, 1)


def test_a_birthday_gift_waits_for_the_relations_birthday(make_client):
    luis = make_client(first_name="Luis", last_name="Ortega", **HOME)
    mia = save_relation(luis.id, {"kind": "partner", "name": "Mia", "birthday_month": 6,
                                  "birthday_day": 20})
    gift(luis, D(2026, 4, 1), gift_relation_id=mia.id, gift_occasion="birthday")
    [call] = [i for i in agenda_for(D(2026, 6, 27)) if i.kind == "satisfaction_call"]
    assert call.due == D(2026, 6, 27)  # not 1 May, before she had it


def test_giving_the_day_later_moves_the_call(make_client):
    from boutique.services.clients.purchases import purchase_data, update_purchase

    luis = make_client(first_name="Luis", last_name="Ortega", **HOME)
    bought = gift(luis, D(2026, 4, 1))
    [call] = [i for i in agenda_for(D(2026, 5, 1)) if i.kind == "satisfaction_call"]
    data = purchase_data(bought)
    data.gift_given_on = D(2026, 5, 20)
    update_purchase(bought.id, data)
    assert not [i for i in agenda_for(D(2026, 5, 26)) if i.kind == "satisfaction_call"]
    [moved] = [i for i in agenda_for(D(2026, 5, 27)) if i.kind == "satisfaction_call"]
    assert moved.due == D(2026, 5, 27) and call.followup_id == moved.followup_id


def test_a_note_to_hold_with_no_day_to_hold_it_to_goes_at_once_discreet(make_client):
    luis = make_client(first_name="Luis", last_name="Ortega", **HOME)
    save_rules({"gift_shared_home": "hold"})
    gift(luis, D(2026, 4, 1), gift_occasion="just because")
    item = _thank_you(D(2026, 4, 2))
    assert item.warnings[0].endswith("names neither the recipient nor the piece")
    assert "held" not in item.warnings[0]
    _prompt, text = note_text(D(2026, 4, 2), item)
    assert "Mia" not in text and "uby" not in text
