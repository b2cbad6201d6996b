"""The agenda's order and contents, the calendar's counts and day list, the .ics export."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from boutique.models import FollowUp, Note
from boutique.services.agenda import agenda_for, calls_to_make, notes_to_write
from boutique.services.agenda.calendar import day_counts, items_due_on, upcoming_key_dates
from boutique.services.agenda.calendar_file import export_ics
from boutique.services.agenda.ical import open_followups, uid_for
from boutique.services.cadence.followups import complete

D = dt.date
HOME = dict(home_line1="12 Oak Street", home_city="Springfield", home_region="IL",
            home_postcode="62701")


def test_top_tier_first_then_most_overdue(db, make_client, make_purchase):
    small = make_client(first_name="Small", **HOME)
    late = make_client(first_name="Late", **HOME)
    big = make_client(first_name="Big", **HOME)
    make_purchase(small.id, D(2026, 11, 16), price_cents=10000)  # note late by 2 days
    make_purchase(late.id, D(2026, 11, 13), price_cents=10000)  # late by 5 days
    make_purchase(big.id, D(2026, 11, 17), price_cents=5_000_000)  # late by 1 day, top tier
    items = agenda_for(D(2026, 11, 25))
    assert [(i.client_name.split()[0], i.is_top, i.days_overdue) for i in items] == [
        ("Big", True, 1), ("Late", False, 5), ("Small", False, 2)]


def test_due_today_is_not_overdue_and_the_future_is_not_shown(db, make_client, make_purchase):
    client = make_client(mobile_phone="+15550134567", **HOME)
    make_purchase(client.id, D(2026, 10, 26))  # call due 25 Nov
    make_purchase(client.id, D(2026, 11, 24))  # note from 25 Nov, on time until 1 Dec
    items = agenda_for(D(2026, 11, 25))
    assert sorted((i.kind, i.days_overdue) for i in items) == [
        ("satisfaction_call", 0), ("thank_you_note", 0), ("thank_you_note", 23)]
    assert len(notes_to_write(items)) == 2
    assert [i.kind for i in calls_to_make(items)] == ["satisfaction_call"]


def test_each_row_carries_its_personal_hook(db, make_client, make_purchase):
    client = make_client(**HOME)
    purchase = make_purchase(client.id, D(2026, 11, 20))
    Note.create(client=client.id, text="Ring size 6.5", category="sizes", pinned=True,
                created_at=dt.datetime(2026, 11, 1, 10))
    [item] = agenda_for(D(2026, 11, 21))
    assert item.recall == "Ring size 6.5"
    Note.create(client=client.id, purchase=purchase.id, category="conversation",
                text="Off to Italy in May <b>&</b> 🎉", created_at=dt.datetime(2026, 11, 20, 15))
    [item] = agenda_for(D(2026, 11, 21))
    assert item.recall == "Off to Italy in May <b>&</b> 🎉"
    assert item.salutation_name == "Ana"


def test_the_json_shape(db, make_client, make_purchase):
    client = make_client(salutation="Mrs.", **HOME)
    make_purchase(client.id, D(2026, 11, 20), "Pearl strand")
    [item] = agenda_for(D(2026, 11, 21))
    data = item.to_json()
    assert {k: data[k] for k in ("client_id", "client_name", "kind", "due", "days_overdue",
                                 "reason", "channel", "contact", "warnings")} == {
        "client_id": client.id, "client_name": "Ana Alvarez", "kind": "thank_you_note",
        "due": "2026-11-21", "days_overdue": 0, "reason": "Thank-you: Pearl strand, 20 Nov",
        "channel": "mail", "contact": "12 Oak Street, Springfield, IL 62701", "warnings": []}
    assert data["salutation_name"] == "Mrs. Alvarez"
    assert data["address_lines"] == ["Mrs. Ana Alvarez", "12 Oak Street",
                                     "Springfield, IL 62701"]


def test_calendar_counts_notes_and_calls_per_day(db, make_client, make_purchase):
    client = make_client(mobile_phone="+15550134567", birthday_month=12, birthday_day=24,
                         **HOME)
    make_purchase(client.id, D(2026, 11, 2))
    counts = day_counts(D(2026, 11, 1), D(2026, 12, 31))
    assert {day: (c.notes, c.calls) for day, c in counts.items()} == {
        D(2026, 11, 3): (1, 0), D(2026, 12, 2): (0, 1),
        D(2026, 12, 24): (0, 1),  # the birthday greeting, a call on the day
    }
    [done] = [f for f in FollowUp.select() if f.kind == "thank_you_note"]
    complete(done.id, "sent", D(2026, 11, 3))
    assert D(2026, 11, 3) not in day_counts(D(2026, 11, 1), D(2026, 11, 30))
    day = items_due_on(D(2026, 12, 24), today=D(2026, 11, 25))
    assert [(i.kind, i.reason) for i in day] == [("key_date", "Birthday on Thu 24 Dec")]


def test_upcoming_key_dates(db, make_client):
    make_client(first_name="Wed", anniversary_month=1, anniversary_day=2, anniversary_year=2000)
    make_client(first_name="Born", birthday_month=12, birthday_day=1, birthday_year=1970)
    make_client(first_name="Far", birthday_month=6, birthday_day=1)
    entries = upcoming_key_dates(D(2026, 11, 25), days=40)
    assert [(e.client_name, e.day, e.label) for e in entries] == [
        ("Born Alvarez", D(2026, 12, 1), "Birthday"),
        ("Wed Alvarez", D(2027, 1, 2), "Anniversary (27 years)")]


def test_ics_export_has_one_event_per_open_follow_up(db, make_client, make_purchase,
                                                     tmp_path):
    client = make_client(first_name="Zoë", mobile_phone="+15550134567",
                         birthday_month=1, birthday_day=5, **HOME)
    make_purchase(client.id, D(2026, 11, 20), "Pearl strand & clasp")
    closed = FollowUp.get(FollowUp.kind == "thank_you_note")
    complete(closed.id, "sent", D(2026, 11, 22))
    out = tmp_path / "followups.ics"
    count = export_ics(out, D(2026, 11, 25))
    items = open_followups(D(2026, 11, 25))
    stored_open = FollowUp.select().where(FollowUp.status == "open").count()
    assert count == len(items) == stored_open + 1  # + next January's birthday reminder
    calendar = Calendar.from_ical(out.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == count
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == count
    assert f"followup-{closed.id}@boutique.followups" not in uids
    greeting = next(e for e in events if str(e["SUMMARY"]) == "Call Zoë Alvarez: birthday")
    assert greeting.decoded("DTSTART") == D(2027, 1, 5)  # a greeting: a call on the day
    call = next(e for e in events if "satisfaction" in str(e["SUMMARY"]))
    assert "Pearl strand & clasp" in str(call["DESCRIPTION"])
    # the same follow-ups get the same UIDs next time
    export_ics(out, D(2026, 11, 26))
    again = [str(e["UID"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert set(again) == set(uids)
    birthday = next(i for i in items if i.kind == "key_date")
    assert uid_for(birthday) == f"keydate-{client.id}-birthday-2027-01-05@boutique.followups"


def test_an_item_is_equal_to_the_same_follow_up_read_again(db, make_client, make_purchase):
    client = make_client(first_name="Ana", **HOME)
    make_purchase(client.id, D(2026, 11, 16))
    first, again = agenda_for(D(2026, 11, 25)), agenda_for(D(2026, 11, 25))
    assert first == again and hash(first[0]) == hash(again[0])
    # The folded sort name only orders the list: it is not part of what the item is.
    resorted = first[0]._replace(sort_name="zzz")
    assert resorted == first[0] and hash(resorted) == hash(first[0])
    assert first[0] != tuple(first[0])
    assert first[0] != first[0]._replace(days_overdue=first[0].days_overdue + 1)
