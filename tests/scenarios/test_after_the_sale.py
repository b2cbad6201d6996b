"""After the sale, scenario by scenario: a return and what the jeweler is then asked to do,
the printed after-return note and call (read back with pypdf)."""

from __future__ import annotations

import datetime as dt

from boutique.printing.call_scripts import call_scripts_pdf
from boutique.printing.prompts import note_prompts_pdf
from boutique.services.agenda import agenda_for
from boutique.services.cadence import save_rules
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.returns import ReturnData, record_return, save_policy
from boutique.services.stationery.print_data import pack_from_items
from tests.printing.documents import LETTERHEAD, flat
from tests.printing.stationery_pdf import all_text

D = dt.date
HOME = dict(home_line1="8 Orchard Lane", home_city="Hudson", home_region="NY",
            home_postcode="12534")


def buy(client, when, *pieces, **extra):
    return record_purchase(client.id, PurchaseData(
        purchase_date=when,
        items=[ItemData(description=name, price_cents=cents) for name, cents in pieces],
        **extra))


def after_return_items(day):
    return [i for i in agenda_for(day) if i.kind == "after_return"]


def note_text(day):
    pack = pack_from_items(day, after_return_items(day))
    assert len(pack.notes) == 1
    return flat(all_text(note_prompts_pdf(list(pack.notes), LETTERHEAD)))


def test_a_change_of_heart_gets_thanks_a_credit_and_no_apology(make_client):
    ana = make_client(first_name="Ana", last_name="Alvarez", mobile_phone="+15550134567",
                      **HOME)
    bangle = buy(ana, D(2026, 11, 1), ("Gold bangle", 120000))
    record_return(ReturnData(bangle.id, 1, "change_of_heart", "credit", D(2026, 11, 10)))
    assert after_return_items(D(2026, 11, 12)) == []  # within 3 days, not before
    [item] = after_return_items(D(2026, 11, 13))
    assert item.channel == "mail"
    assert item.reason == ("After the return of the Gold bangle (change of heart): "
                           "store credit $1,200.00")
    text = note_text(D(2026, 11, 13))
    assert "NOTE AFTER A RETURN" in text
    assert "thank you for coming in, and for giving us the chance" in text.lower()
    assert "store credit of $1,200.00 is waiting for you" in text
    assert "sorry" not in text.lower() and "apolog" not in text.lower()
    satisfaction = [i for i in agenda_for(D(2026, 12, 1)) if i.kind == "satisfaction_call"]
    assert satisfaction == []


def test_a_faulty_piece_gets_an_apology_and_the_thank_you_code(make_client):
    save_policy({"thank_you_code": "THANKYOU10"})
    save_rules({"after_return_channel": "phone"})
    ana = make_client(first_name="Ana", last_name="Alvarez", mobile_phone="+15550134567")
    chain = buy(ana, D(2026, 11, 1), ("Rope chain", 60000))
    record_return(ReturnData(chain.id, 1, "defect", "refund", D(2026, 11, 10),
                             condition="Clasp broken"))
    day = D(2026, 11, 13)
    pack = pack_from_items(day, after_return_items(day))
    text = flat(all_text(call_scripts_pdf(list(pack.calls), LETTERHEAD)))
    assert "CALL AFTER A RETURN" in text
    assert "Thank you for giving us the chance to make things right for you" in text
    assert "sorry the Rope chain let you down" in text
    assert "the code THANKYOU10 is yours" in text
    assert "store credit" not in text.lower()  # none was issued: a refund


def test_a_returned_gift_keeps_the_other_pieces_call(make_client):
    ana = make_client(first_name="Ana", last_name="Alvarez", mobile_phone="+15550134567",
                      **HOME)
    gift = buy(ana, D(2026, 11, 1), ("Ruby ring", 150000), ("Pearl drop earrings", 45000),
               is_gift=True, gift_recipient="Lena", gift_relation="daughter")
    record_return(ReturnData(gift.id, 2, "gift_not_wanted", "refund", D(2026, 11, 5)))
    [call] = [i for i in agenda_for(D(2026, 12, 1)) if i.kind == "satisfaction_call"]
    assert gift.id in call.purchase_ids  # the ring was kept: its call stays
    text = note_text(D(2026, 11, 8))
    assert "giving us the chance" in text and "sorry" not in text.lower()


def test_a_ready_repair_puts_a_pickup_call_on_the_day_with_its_script(make_client):
    from boutique.printing.call_scripts import call_scripts_pdf
    from boutique.services.service_desk import TicketData, move_ticket, open_ticket

    ana = make_client(first_name="Ana", last_name="Alvarez", mobile_phone="+15550134567")
    ticket = open_ticket(TicketData(ana.id, "repair", D(2026, 11, 27), D(2026, 11, 18),
                                    piece="Pearl strand", work="Restring, knotted"))
    assert [i for i in agenda_for(D(2026, 11, 30)) if i.reason.startswith("Pickup")] == []
    move_ticket(ticket.id, "ready", D(2026, 11, 26))
    [call] = [i for i in agenda_for(D(2026, 11, 26)) if i.reason.startswith("Pickup")]
    assert (call.channel, call.contact) == ("phone", "(555) 013-4567")
    pack = pack_from_items(D(2026, 11, 26), [call])
    text = flat(all_text(call_scripts_pdf(list(pack.calls), LETTERHEAD)))
    assert "the Pearl strand is ready (repair, ticket S000001)" in text
    move_ticket(ticket.id, "picked_up", D(2026, 11, 27))
    assert [i for i in agenda_for(D(2026, 11, 27)) if i.reason.startswith("Pickup")] == []
