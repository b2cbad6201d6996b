"""What the printed pieces say, read from a real store."""

from __future__ import annotations

import datetime as dt

import pytest

from boutique.services import settings
from boutique.services.agenda import AgendaItem, agenda_for
from boutique.services.errors import NotFound
from boutique.services.notes.notebook import add_note, delete_note
from boutique.services.stationery.facts import item_phrase, long_date
from boutique.services.stationery.print_data import (
    call_script_for_purchase,
    note_prompt_for_purchase,
    pack_data,
    pack_from_items,
)

HOME = {"home_line1": "8 Orchard Lane", "home_city": "Hudson", "home_region": "NY",
        "home_postcode": "12534"}
WORK = {"business_company": "Hudson Valley Architects", "business_line1": "100 Main Street",
        "business_city": "Albany", "business_region": "NY", "business_postcode": "12207"}
BOUGHT = dt.date(2026, 11, 18)


def test_a_gift_prompt_goes_to_the_business_address(make_client, make_purchase, today):
    client = make_client(salutation="Mrs.", **HOME, **WORK)
    purchase = make_purchase(client.id, BOUGHT, is_gift=True, gift_recipient="Carlos",
                             gift_relation="husband", gift_occasion="anniversary")
    add_note(client.id, "Off to Italy in May.", "conversation", purchase_id=purchase.id)
    prompt = note_prompt_for_purchase(purchase.id, today)
    assert prompt.person.title_name == "Mrs. Alvarez"
    assert prompt.address_kind == "business"
    assert prompt.address_lines == ("Mrs. Ana Alvarez", "Hudson Valley Architects",
                                    "100 Main Street", "Albany, NY 12207")
    assert prompt.warnings == ()
    assert prompt.purchase.gift_line == "Gift for Carlos (husband) · anniversary"
    assert prompt.purchase.item_phrase == "diamond stud earrings"
    assert prompt.recall == "Off to Italy in May."


def test_a_gift_with_only_a_home_address_is_warned(make_client, make_purchase, today):
    client = make_client(**HOME)
    purchase = make_purchase(client.id, BOUGHT, is_gift=True, gift_recipient="Carlos")
    prompt = note_prompt_for_purchase(purchase.id, today)
    assert prompt.address_kind == "home"
    # not a warning to heed but the rule in force: the note names nobody
    assert prompt.warnings[0] == ("Gift to a shared home: the wording names neither the "
                                  "recipient nor the piece")
    assert prompt.purchase.recipient == "" and "Diamond" not in " ".join(prompt.purchase.items)
    assert prompt.person.title_name == "Ana"  # no title: the name they go by


def test_no_address_at_all(make_client, make_purchase, today):
    purchase = make_purchase(make_client().id, BOUGHT)
    prompt = note_prompt_for_purchase(purchase.id, today)
    assert prompt.address_lines == () and prompt.warnings == ("No postal address on file",)


def test_a_gift_call_never_uses_the_home_line(make_client, make_purchase, today):
    client = make_client(home_phone="+15551230001", work_phone="+15551230002")
    gift = make_purchase(client.id, BOUGHT, is_gift=True, gift_recipient="Carlos")
    script = call_script_for_purchase(gift.id, today)
    assert script.phone_label == "work" and script.phone.endswith("123-0002")
    own = make_purchase(client.id, BOUGHT)
    assert call_script_for_purchase(own.id, today).phone_label == "home"


def test_pinned_facts_newest_first_without_deleted_ones(make_client, make_purchase, today):
    client = make_client(mobile_phone="+15551230001")
    purchase = make_purchase(client.id, BOUGHT)
    add_note(client.id, "Ring size 6.5", "sizes", pinned=True,
             now=dt.datetime(2026, 1, 1, 10))
    gone = add_note(client.id, "Old fact", "other", pinned=True, now=dt.datetime(2026, 2, 1))
    add_note(client.id, "Loves sapphires", "preferences", pinned=True,
             now=dt.datetime(2026, 3, 1))
    add_note(client.id, "Not pinned", "other")
    delete_note(gone.id)
    assert call_script_for_purchase(purchase.id, today).pinned == ("Loves sapphires",
                                                                    "Ring size 6.5")


def test_an_unknown_purchase(db, today):
    with pytest.raises(NotFound):
        note_prompt_for_purchase(999, today)


@pytest.mark.parametrize(("items", "expected"), [
    (["Diamond stud earrings"], "diamond stud earrings"),
    (["Tiffany Victoria necklace"], "Tiffany Victoria necklace"),
    (["Pearl strand", "Pearl strand"], "pearl strand"),
    (["Ring", "Pendant"], "ring and pendant"),
    (["Ring", "Pendant", "Chain"], "ring, pendant and chain"),
    (["Ring", "Pendant", "Chain", "Brooch", "Cufflinks"], "ring, pendant and 3 more pieces"),
    ([], "piece"),
])
def test_item_phrase(items, expected):
    assert item_phrase(items) == expected


def test_dates_follow_the_region():
    assert long_date(dt.date(2026, 11, 18), "US") == "November 18, 2026"
    assert long_date(dt.date(2026, 11, 18), "GB") == "18 November 2026"


def test_the_pack_holds_the_agenda(make_client, make_purchase, today):
    settings.set("store.default_region", "US")
    client = make_client(salutation="Mrs.", mobile_phone="+15551230001", **HOME)
    make_purchase(client.id, today - dt.timedelta(days=3))
    make_purchase(client.id, today - dt.timedelta(days=35), description="Pearl strand")
    items = agenda_for(today)
    pack = pack_data(today)
    assert len(pack.notes) == sum(i.channel == "mail" for i in items) >= 1
    assert len(pack.calls) == sum(i.channel == "phone" for i in items) >= 1
    assert pack.day_text == "Wednesday, November 25, 2026"
    assert pack.notes[0].address_lines[1:] == ("8 Orchard Lane", "Hudson, NY 12534")
    assert pack.calls[0].phone == "(555) 123-0001"


def test_items_not_printed_are_listed_with_the_reason(make_client, today):
    client = make_client(email="ana@example.com")
    item = AgendaItem(
        followup_id=1, client_id=client.id, client_name="Ana Alvarez", salutation_name="Ana",
        kind="thank_you_note", due=today, days_overdue=0, reason="", channel="email",
        contact="ana@example.com", address=None, warnings=(), purchase_ids=(), recall="",
        is_top=False)
    pack = pack_from_items(today, [item])
    assert pack.notes == () and pack.calls == ()
    assert pack.not_printed == (("Ana Alvarez", "Thank-you note to send by email"),)


def _callers(make_client, make_purchase, today, count: int) -> None:
    for n in range(count):
        client = make_client(first_name=f"Ana{n}", mobile_phone=f"+1555123{n:04d}", **HOME)
        make_purchase(client.id, today - dt.timedelta(days=3), description=f"Pearl strand {n}")
        make_purchase(client.id, today - dt.timedelta(days=35), description=f"Pearl studs {n}")
        add_note(client.id, f"Loves pearls ({n})", "preferences", pinned=True)


def _selects_for(day: dt.date, items) -> tuple[int, object]:
    from boutique.models import database

    statements: list[str] = []
    database.connection().set_trace_callback(statements.append)
    try:
        pack = pack_from_items(day, items)
    finally:
        database.connection().set_trace_callback(None)
    return sum(s.lstrip().upper().startswith("SELECT") for s in statements), pack


def test_a_pack_reads_the_store_once_per_list_not_per_piece(make_client, make_purchase,
                                                            today):
    _callers(make_client, make_purchase, today, 2)
    few, small = _selects_for(today, agenda_for(today))
    _callers(make_client, make_purchase, today, 6)
    many, big = _selects_for(today, agenda_for(today))
    assert len(big.notes) + len(big.calls) > len(small.notes) + len(small.calls) >= 4
    assert many == few


def test_the_pack_states_what_each_piece_reads_alone(make_client, make_purchase, today):
    from boutique.services.stationery.facts import pinned_facts, purchase_facts
    from boutique.services.stationery.print_data import _get_purchase

    _callers(make_client, make_purchase, today, 3)
    pack = pack_data(today)
    assert len(pack.calls) >= 3 and len(pack.notes) >= 3
    for piece in (*pack.calls, *pack.notes):
        alone = purchase_facts(_get_purchase(piece.purchase.purchase_id), "US")
        assert piece.purchase == alone and alone.items[0].startswith("Pearl")
    for call in pack.calls:
        assert call.pinned == pinned_facts(call.person.client_id) != ()


def _partners_birthdays(make_client, count: int, start: int) -> None:
    from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
    from boutique.services.clients.relations import save_relation

    for n in range(start, start + count):
        luis = make_client(first_name=f"Luis{n}", last_name="Ortega",
                           mobile_phone=f"+1555013{n:04d}")
        mia = save_relation(luis.id, {"kind": "partner", "name": f"Mia{n}",
                                      "birthday_month": 3, "birthday_day": 12,
                                      "wish_list": f"Emerald studs {n}"})
        record_purchase(luis.id, PurchaseData(
            purchase_date=dt.date(2025, 2, 20), is_gift=True, gift_relation_id=mia.id,
            gift_occasion="birthday", gift_given_on=dt.date(2025, 3, 12),
            items=[ItemData(description=f"Ruby pendant {n}", price_cents=180000)]))
        # A pinned fact gives the agenda's item its recall line (an item without one has
        # the line looked for again, piece by piece, by the agenda's own rule).
        add_note(luis.id, f"Mia{n} loves green", "family", pinned=True)


def test_reminders_read_the_store_once_per_list_and_say_what_each_says_alone(make_client):
    from boutique.models import Client
    from boutique.services.stationery.facts import item_phrase
    from boutique.services.stationery.occasion_facts import reminder_facts

    day = dt.date(2026, 2, 19)
    _partners_birthdays(make_client, 2, 0)
    few, small = _selects_for(day, [i for i in agenda_for(day) if i.kind == "key_date"])
    _partners_birthdays(make_client, 4, 2)
    items = [i for i in agenda_for(day) if i.kind == "key_date"]
    many, big = _selects_for(day, items)
    assert len(small.calls) == 2 and len(big.calls) == 6 and many == few
    for item, call in zip(items, big.calls, strict=True):
        alone = reminder_facts(Client.get_by_id(item.client_id), item.occasion,
                               item.occasion_date, item_phrase)
        assert call.reminder == alone
        assert alone.last_gift.startswith("the ruby pendant ") and alone.wish_list
