"""The client brief: a client the book knows everything about fits on two pages with
every section; a client it knows nothing about gets one page saying so."""

from __future__ import annotations

import datetime as dt

from boutique.printing.brief import brief_pdf
from boutique.services.associates import hand_off, save_associate
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.clients.relations import save_relation
from boutique.services.notes import add_note
from boutique.services.service_desk import TicketData, open_ticket
from boutique.services.stationery import client_brief
from tests.printing.documents import LETTERHEAD, flat
from tests.printing.stationery_pdf import all_text, page_texts

DAY = dt.date(2026, 11, 25)
SECTIONS = ("HOW TO ADDRESS", "FAMILY AND DATES", "SIZES AND PREFERENCES", "PINNED FACTS",
            "WISH LIST", "PURCHASES", "LAST NOTES", "OPEN FOLLOW-UPS", "SERVICE TICKETS",
            "ASSOCIATES")


def test_a_client_with_everything(make_client):
    save_associate({"name": "Lea Martin", "phone": "(617) 555-0101"})
    save_associate({"name": "Tom Reyes", "phone": "(617) 555-0199"})
    ana = make_client(salutation="Mrs.", first_name="Anastasia", preferred_name="Ana",
                      last_name="Alvarez", mobile_phone="+16175550123",
                      email="ana@example.com", ring_size="6.5", other_sizes="bracelet 17 cm",
                      pref_metals="rose gold", pref_stones="sapphires <&> 💎",
                      dislikes="yellow gold", wish_list="Tahitian pearl strand",
                      birthday_month=3, birthday_day=14, associate="Lea Martin")
    save_relation(ana.id, {"kind": "child", "name": "Mia", "birthday_month": 6,
                           "birthday_day": 2, "wish_list": "charm bracelet"})
    record_purchase(ana.id, PurchaseData(purchase_date=dt.date(2026, 10, 1), items=[
        ItemData(description="Ruby pendant", price_cents=180000)], is_gift=True,
        gift_recipient="Mia", gift_relation="daughter", gift_occasion="graduation"))
    record_purchase(ana.id, PurchaseData(purchase_date=dt.date(2025, 5, 3), items=[
        ItemData(description="Sapphire ring", price_cents=420000)]))
    add_note(ana.id, "Knuckles larger: sizing beads helped.", pinned=True)
    add_note(ana.id, "Off to Lisbon in spring; asked about travel cases.")
    open_ticket(TicketData(client_id=ana.id, kind="cleaning", piece="Sapphire ring",
                           received_on=DAY, promised_on=DAY + dt.timedelta(days=7)))
    hand_off("Lea Martin", "Tom Reyes", DAY)
    brief = client_brief(ana.id, DAY)
    pdf = brief_pdf(brief, LETTERHEAD)
    pages = page_texts(pdf)
    assert 1 <= len(pages) <= 2
    text = flat(all_text(pdf))
    for section in SECTIONS:
        assert section in text, section
    for fact in ("Greet as: Mrs. Alvarez", "Goes by: Ana", "Child: Mia", "birthday 2 Jun",
                 "charm bracelet", "Birthday: 14 March", "Ring size: 6.5", "bracelet 17 cm",
                 "sapphires <&>", "Dislikes: yellow gold", "sizing beads helped",
                 "Tahitian pearl strand", "Ruby pendant", "gift for Mia (daughter), graduation",
                 "Sapphire ring", "Lisbon", "Handoff letter", "Re-introduction",
                 "Cleaning: Sapphire ring", "Lea Martin → Tom Reyes",
                 "looked after by Tom Reyes"):
        assert fact in text, fact
    assert "Nothing yet" not in text


def test_a_client_with_nothing(make_client):
    bare = make_client(first_name="Sam", last_name="", consent_mail=False,
                       consent_phone=False)
    pdf = brief_pdf(client_brief(bare.id, DAY), LETTERHEAD)
    assert len(page_texts(pdf)) == 1
    text = flat(all_text(pdf))
    assert "Sam" in text and "no purchases yet" in text and "no associate yet" in text
    assert "Agreed to: nothing yet" in text
    # every section still there, saying there is nothing, rather than an empty heading
    for section in SECTIONS[1:]:
        assert section in text
    assert text.count("Nothing yet") == len(SECTIONS) - 1


def test_a_long_book_stays_within_two_pages(make_client):
    ana = make_client(first_name="Ana", wish_list="pearls " * 400)
    for n in range(40):
        add_note(ana.id, f"Note {n}: " + "a long story about the wedding " * 30)
        add_note(ana.id, f"Fact {n}: " + "likes long chains " * 20, pinned=True)
    pdf = brief_pdf(client_brief(ana.id, DAY), LETTERHEAD)
    assert len(page_texts(pdf)) <= 2
    assert "SERVICE TICKETS" in flat(all_text(pdf))
