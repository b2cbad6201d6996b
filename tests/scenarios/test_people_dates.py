"""Finding 5, birthdays aimed right: the client's own birthday is a greeting; the people in
her life (a partner, children, parents) have their own dates, and those, the couple's
anniversary and last year's gift occasions remind her three weeks ahead, with the wish
list and what she chose last year."""

from __future__ import annotations

import datetime as dt

from boutique.printing.call_scripts import call_scripts_pdf
from boutique.printing.prompts import note_prompts_pdf
from boutique.services.agenda import agenda_for
from boutique.services.cadence import save_rules
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.clients.relations import save_relation
from boutique.services.stationery.print_data import pack_from_items
from tests.printing.documents import LETTERHEAD, flat
from tests.printing.stationery_pdf import all_text
from tests.scenarios.test_contact_plan import script_text, today_json

D = dt.date
PHONE = "+15550134567"


def key_dates(day):
    return [i for i in agenda_for(day) if i.kind == "key_date"]


def bought_for(client, when, piece, cents, **gift):
    return record_purchase(client.id, PurchaseData(
        purchase_date=when, items=[ItemData(description=piece, price_cents=cents)],
        is_gift=True, **gift))


def test_a_partners_birthday_reminds_the_client_three_weeks_ahead(make_client, db_path):
    luis = make_client(first_name="Luis", last_name="Ortega", mobile_phone=PHONE)
    mia = save_relation(luis.id, {"kind": "partner", "name": "Mia", "birthday_month": 3,
                                  "birthday_day": 12, "birthday_year": 1986,
                                  "wish_list": "Emerald studs; she admired the pavé bangle"})
    bought_for(luis, D(2025, 2, 20), "Ruby pendant", 180000, gift_relation_id=mia.id,
               gift_occasion="birthday", gift_given_on=D(2025, 3, 12))
    assert not key_dates(D(2026, 2, 18))
    day = D(2026, 2, 19)
    [item] = key_dates(day)
    assert item.days_overdue == 0 and item.when_text(day) == "in 21 days"
    assert item.deadline == D(2026, 3, 12) and item.kind_label == "Their birthday"
    assert item.reason == "Mia's birthday (partner) on Thu 12 Mar (turns 40)"
    [row] = [r for r in today_json(db_path, day) if r["kind"] == "key_date"]
    assert row["relation_id"] == mia.id and row["days_overdue"] == 0
    assert row["when"] == "in 21 days" and row["deadline"] == "2026-03-12"
    text = script_text(day, item)
    assert "Mia's birthday is on Thursday 12 March" in text
    assert "Last year you chose the ruby pendant for Mia" in text
    assert "On the wish list: Emerald studs; she admired the pavé bangle" in text
    assert "happy birthday" not in text and "overdue" not in text
    # on the day itself it says so, and it is still not overdue
    [on_the_day] = key_dates(D(2026, 3, 12))
    assert on_the_day.when_text(D(2026, 3, 12)) == "today" and on_the_day.days_overdue == 0
    assert not key_dates(D(2026, 3, 13))


def test_the_clients_own_birthday_and_her_partners_are_told_apart(make_client):
    luis = make_client(first_name="Luis", last_name="Ortega", mobile_phone=PHONE,
                       birthday_month=3, birthday_day=12)
    save_relation(luis.id, {"kind": "partner", "name": "Mia", "birthday_month": 3,
                            "birthday_day": 12})
    day = D(2026, 3, 12)
    items = key_dates(day)
    assert sorted(i.kind_label for i in items) == ["Birthday", "Their birthday"]
    own = next(i for i in items if i.occasion == "birthday")
    text = script_text(day, own)
    assert "happy birthday" in text and "gift is in mind" not in text
    assert "Last year you chose" not in text and "Mia" not in text


def test_twins_share_a_birthday_and_each_is_kept(make_client):
    from boutique.services.cadence.followups import act

    ana = make_client(mobile_phone=PHONE)
    for name in ("Leo", "Lia"):
        save_relation(ana.id, {"kind": "child", "name": name, "birthday_month": 7,
                               "birthday_day": 1})
    day = D(2026, 6, 10)
    first, second = key_dates(day)
    act(first, "done", day, outcome="reached")
    [left] = key_dates(day)
    assert left.reason == second.reason  # acting on one keeps the other


def test_last_years_gift_occasion_reminds_the_client(make_client):
    """Her mother's 70th last year, Christmas for Mia: each comes round again."""
    luis = make_client(first_name="Luis", last_name="Ortega", mobile_phone=PHONE)
    bought_for(luis, D(2025, 11, 1), "Gold bangle", 80000, gift_recipient="Rosa",
               gift_relation="mother", gift_occasion="Christmas", gift_given_on=D(2025, 12, 25))
    day = D(2026, 12, 4)
    [item] = key_dates(day)
    assert item.reason == "Christmas on Fri 25 Dec: last year a gift for Rosa"
    assert item.days_overdue == 0 and item.when_text(day) == "in 21 days"
    text = script_text(day, item)
    assert "Christmas is on Friday 25 December" in text
    assert "Last year you chose the gold bangle for Rosa" in text


def test_a_relations_reminder_by_mail_to_a_shared_home_names_nobody(make_client):
    luis = make_client(first_name="Luis", last_name="Ortega", home_line1="8 Orchard Lane",
                       home_city="Hudson", home_region="NY", home_postcode="12534")
    mia = save_relation(luis.id, {"kind": "partner", "name": "Mia", "birthday_month": 3,
                                  "birthday_day": 12})
    bought_for(luis, D(2025, 2, 20), "Ruby pendant", 180000, gift_relation_id=mia.id,
               gift_occasion="birthday")
    save_rules({"key_date_channel": "mail"})
    day = D(2026, 2, 19)
    pack = pack_from_items(day, key_dates(day))
    text = flat(all_text(note_prompts_pdf(list(pack.notes), LETTERHEAD)))
    assert "8 Orchard Lane" in text and "a special date" in text
    assert "Mia" not in text and "uby" not in text


def test_the_couples_anniversary_says_what_was_chosen_last_year(make_client):
    luis = make_client(first_name="Luis", last_name="Ortega", mobile_phone=PHONE,
                       partner_name="Carmen", anniversary_month=12, anniversary_day=12)
    save_relation(luis.id, {"kind": "partner", "name": "Carmen", "wish_list": "Pearls"})
    bought_for(luis, D(2025, 12, 1), "Pearl strand", 240000, gift_recipient="Carmen",
               gift_occasion="anniversary")
    day = D(2026, 11, 21)
    [item] = key_dates(day)  # one reminder: the gift's occasion is the anniversary itself
    assert item.occasion == "anniversary" and item.days_overdue == 0
    pack = pack_from_items(day, [item])
    text = flat(all_text(call_scripts_pdf(list(pack.calls), LETTERHEAD)))
    assert "Think of what Carmen likes" in text
    assert "Last year you chose the pearl strand for Carmen" in text
    assert "On the wish list: Pearls" in text


def test_the_pack_says_today_on_the_birthday_and_offers_no_sale(make_client):
    from boutique.printing.pack import render_pack
    from boutique.services.stationery import load_letterhead, pack_data

    make_client(first_name="Luis", last_name="Ortega", mobile_phone=PHONE,
                birthday_month=11, birthday_day=25)
    text = flat(all_text(render_pack(pack_data(D(2026, 11, 25)), load_letterhead())))
    assert "Birthday greeting, today" in text  # the contents
    assert "BIRTHDAY GREETING · DUE NOVEMBER 25, 2026 · TODAY" in text.upper()
    assert "Wished a happy birthday" in text
    assert "Gift in mind" not in text and "Pieces set aside" not in text
    assert "overdue" not in text


def test_the_calendar_counts_a_relations_reminder_on_its_day(make_client):
    from boutique.services.agenda.calendar import day_counts, items_due_on

    ana = make_client(mobile_phone=PHONE)
    save_relation(ana.id, {"kind": "parent", "name": "Rosa", "birthday_month": 5,
                           "birthday_day": 30, "birthday_year": 1956})
    counts = day_counts(D(2026, 5, 1), D(2026, 5, 31))
    assert {day: c.calls for day, c in counts.items()} == {D(2026, 5, 9): 1}
    [item] = items_due_on(D(2026, 5, 9), today=D(2026, 5, 1))
    assert item.reason == "Rosa's birthday (parent) on Sat 30 May (turns 70)"


def test_the_couples_anniversary_by_mail_to_their_home_names_no_gift(make_client):
    luis = make_client(first_name="Luis", last_name="Ortega", partner_name="Carmen",
                       anniversary_month=12, anniversary_day=12, home_line1="8 Orchard Lane",
                       home_city="Hudson", home_region="NY", home_postcode="12534")
    bought_for(luis, D(2025, 12, 1), "Pearl strand", 240000, gift_recipient="Carmen",
               gift_occasion="anniversary")
    save_rules({"key_date_channel": "mail"})
    day = D(2026, 11, 21)
    pack = pack_from_items(day, key_dates(day))
    text = flat(all_text(note_prompts_pdf(list(pack.notes), LETTERHEAD)))
    assert text.count("special date coming up") == 1
    assert "Carmen" not in text and "earl strand" not in text


def test_a_snoozed_greeting_counts_once_against_the_contact_cap(make_client):
    """The greeting is due on the day; once snoozed it is stored, and the day it would have
    been due is no longer counted as well (a call that week keeps its day)."""
    from boutique.services.cadence.followups import act
    from boutique.services.clients.book import save_client

    luis = make_client(first_name="Luis", mobile_phone=PHONE, birthday_month=11,
                       birthday_day=25)
    [greeting] = key_dates(D(2026, 11, 25))
    act(greeting, "snooze", D(2026, 11, 25), until=D(2026, 11, 26))
    record_purchase(luis.id, PurchaseData(D(2026, 10, 27), [ItemData("Gold hoops",
                                                                     price_cents=45000)]))
    save_client({"first_name": "Luis", "mobile_phone": PHONE, "birthday_month": 11,
                 "birthday_day": 25}, luis.id)
    calls = [i for i in agenda_for(D(2026, 11, 26)) if i.kind == "satisfaction_call"]
    assert [c.due for c in calls] == [D(2026, 11, 26)]


def test_a_partners_birthday_reminder_counts_against_the_contact_cap(make_client):
    """Her calls on 19 and 20 April and the reminder of Mia's birthday (12 May, shown from
    21 April) would be three contacts in three days: a call gives way."""
    from boutique.models import FollowUp

    luis = make_client(first_name="Luis", mobile_phone=PHONE)
    save_relation(luis.id, {"kind": "partner", "name": "Mia", "birthday_month": 5,
                            "birthday_day": 12})
    record_purchase(luis.id, PurchaseData(D(2025, 10, 20), [ItemData("Signet ring",
                                                                     price_cents=90000)]))
    record_purchase(luis.id, PurchaseData(D(2026, 3, 20), [ItemData("Gold hoops",
                                                                    price_cents=45000)]))
    calls = sorted(f.due for f in FollowUp.select().where(
        FollowUp.client == luis.id, FollowUp.kind != "key_date",
        FollowUp.due >= D(2026, 4, 1), FollowUp.due <= D(2026, 5, 31)))
    contacts = sorted(calls + [D(2026, 4, 21)])
    assert all((b - a).days >= 7 for a, b in zip(contacts, contacts[2:], strict=False)), contacts
