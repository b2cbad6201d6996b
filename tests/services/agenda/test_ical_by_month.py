"""The calendar file is written a month of due days at a time: it is, byte for byte, the
calendar of the whole list made at once, on a store holding every kind of item (overdue
notes, the clients' own dates, the relations' dates and last year's gift occasions, a
stored reminder, merged calls, gifts to a shared home, calls moved to mail)."""

from __future__ import annotations

import datetime as dt
from itertools import chain

import pytest

from boutique.models import Note
from boutique.services.agenda.calendar_file import export_ics
from boutique.services.agenda.ical import (
    calendar_text,
    open_followups,
    open_followups_by_month,
)
from boutique.services.cadence.followups import resolve, snooze
from boutique.services.clients.purchases import ItemData, PurchaseData, record_purchase
from boutique.services.clients.relations import save_relation
from boutique.services.demo.build import build_demo

D = dt.date
DAY = D(2026, 11, 25)
STAMP = dt.datetime(2026, 11, 25, 9, 30, 15)
NEWEST = "Her sister's wedding is in June; she may want matching studs"
HOME = dict(home_line1="12 Oak Street; Apt 4, rear", home_city="Springfield",
            home_region="IL", home_postcode="62701")


def _buy(client, when, piece="Pearl strand, 7 mm", **gift):
    return record_purchase(client.id, PurchaseData(
        purchase_date=when, items=[ItemData(description=piece, price_cents=180000)], **gift))


@pytest.fixture
def book(db, make_client):
    build_demo(120, seed=11, today=DAY, years=3.0)
    zoe = make_client(first_name="Zoë", last_name="O'Brien, Jr.; <&> 😀 שלום",
                      mobile_phone="+15550134567", birthday_month=12, birthday_day=3,
                      anniversary_month=1, anniversary_day=2, anniversary_year=2001,
                      partner_name="Noa", **HOME)
    leap = make_client(first_name="Ida", last_name="Leap", mobile_phone="+15550134568",
                       birthday_month=2, birthday_day=29, **HOME)
    make_client(first_name="Jan", last_name="First", mobile_phone="+15550134570",
                birthday_month=1, birthday_day=1)  # greeted on the day: due on a 1st
    mia = save_relation(zoe.id, {"kind": "partner", "name": "Mia", "birthday_month": 12,
                                 "birthday_day": 20, "birthday_year": 1986})
    save_relation(leap.id, {"kind": "parent", "name": "Ana", "anniversary_month": 3,
                            "anniversary_day": 1})
    _buy(zoe, D(2025, 12, 1), "Ruby pendant", is_gift=True, gift_relation_id=mia.id, gift_recipient="Mia",
         gift_occasion="Christmas")
    _buy(zoe, D(2026, 10, 30), "Gold hoops")  # a note long overdue, calls to come
    _buy(zoe, D(2026, 11, 3), "Diamond studs")  # calls close together: merged
    # Her calls about the ring recall the newest conversation about it still on file.
    lea = make_client(first_name="Lea", last_name="Ring", mobile_phone="+15550134571")
    ring = _buy(lea, D(2026, 6, 10), "Emerald ring")
    for text, category, hours, deleted in (
            ("She wears it daily", "conversation", 1, False),
            (NEWEST, "conversation", 3, False), ("Asked about the clasp", "other", 5, False),
            ("Taken back", "conversation", 6, True), ("First visit", "conversation", 0, False),
            ("Moving house in spring", "conversation", 8, False)):  # (hers, not the ring's)
        Note.create(client=lea.id, purchase=None if hours == 8 else ring.id, text=text,
                    category=category,
                    created_at=dt.datetime(2026, 11, 3, 10) + dt.timedelta(hours=hours),
                    deleted_at=dt.datetime(2026, 11, 4) if deleted else None)
    _buy(leap, D(2026, 11, 20), "Silver cuff", is_gift=True, gift_recipient="Ana",
         gift_occasion="birthday")
    # Phone calls she has not agreed to, in one month; a note in another.
    moved = make_client(first_name="Mo", last_name="Vid", mobile_phone="+15550134569",
                        consent_phone=False, **HOME)
    _buy(moved, D(2026, 9, 20), "Watch strap")
    # A reminder acted on is stored, and no longer computed.
    [reminder] = [i for i in open_followups(DAY) if i.client_id == zoe.id
                  and i.kind == "key_date" and i.occasion == "birthday"]
    stored_id, _ = resolve(reminder)
    snooze(stored_id, D(2026, 11, 30), DAY)
    return zoe


@pytest.mark.parametrize("day, horizon", [(DAY, 365), (DAY, 0), (D(2026, 12, 20), 40),
                                          (D(2025, 2, 10), 2000)])
def test_month_by_month_is_the_whole_list(book, day, horizon):
    whole = open_followups(day, horizon)
    months = list(open_followups_by_month(day, horizon))
    assert len(months) > 3 and sum(len(m) for m in months) == len(whole)
    for part in months[1:-1]:  # each a month of due days, in order
        assert len({i.due.replace(day=1) for i in part}) <= 1
    dues = [[i.due for i in part] for part in months if part]
    assert all(a[-1] < b[0] for a, b in zip(dues, dues[1:], strict=False))
    assert calendar_text(list(chain.from_iterable(months)), STAMP) == calendar_text(whole, STAMP)


@pytest.mark.parametrize("cut", [D(2027, 2, 17), D(2027, 6, 1), DAY + dt.timedelta(days=1)])
def test_parts_cut_on_any_day_are_the_whole_list(book, cut):
    first = list(chain.from_iterable(open_followups_by_month(DAY, 365, None, cut)))
    rest = list(chain.from_iterable(open_followups_by_month(DAY, 365, cut, None)))
    assert first and rest and all(i.due < cut for i in first) and all(
        i.due >= cut for i in rest)
    assert first + rest == open_followups(DAY)


def test_the_file_reads_by_due_day_then_as_the_agenda_does(book):
    from boutique.services.agenda.items import sort_key

    items = open_followups(DAY)
    assert len({i.due for i in items}) > 30
    assert items == sorted(items, key=lambda i: (i.due, *sort_key(i)))
    # (any two items differ in their order: none is placed by where it was made)
    assert len({sort_key(i) for i in items}) == len(items)


def test_the_agenda_sort_in_passes_is_the_sort_by_key(book):
    import random

    from boutique.services.agenda.items import sort_agenda, sort_key

    items = open_followups(DAY)
    # (top-tier and overdue items on the same days as the rest: every pass decides some)
    items += [i._replace(is_top=not i.is_top, days_overdue=n % 3, followup_id=-n)
              for n, i in enumerate(items[::3], start=1)]
    assert {i.is_top for i in items} == {True, False}
    assert len({i.days_overdue for i in items}) > 2
    random.Random(5).shuffle(items)
    wanted = sorted(items, key=sort_key)
    sort_agenda(items)
    assert items == wanted
    assert [i.followup_id for i in items] == [i.followup_id for i in wanted]


def test_the_store_holds_every_kind_of_item(book):
    items = open_followups(DAY)
    kinds = {(i.kind, i.occasion.partition(":")[0]) for i in items}
    assert {("key_date", "birthday"), ("key_date", "anniversary"),
            ("key_date", "relation_birthday"), ("key_date", "relation_anniversary"),
            ("key_date", "gift"), ("thank_you_note", ""), ("service_call", "")} <= kinds
    assert any(i.days_overdue > 0 for i in items)
    assert any(i.followup_id and i.kind == "key_date" for i in items)  # stored, snoozed
    assert any(";" in i.reason for i in items)  # calls merged into one
    assert any(w.startswith("Gift to a shared home") for i in items for w in i.warnings)
    assert any(i.channel == "mail" and "agreed to mail instead" in " ".join(i.warnings)
               and i.contact for i in items)
    assert len({i.due.replace(day=1) for i in items}) > 6
    assert len([i for i in items if i.recall == NEWEST]) > 1  # a call a year about the ring


def test_the_file_is_the_whole_calendar(book, tmp_path):
    out = tmp_path / "year.ics"
    items = open_followups(DAY)
    assert export_ics(out, DAY) == len(items)
    written = out.read_bytes().split(b"\r\n")
    expected = calendar_text(items, STAMP).encode().split(b"\r\n")
    assert len(written) == len(expected)
    assert [line for line in written if not line.startswith(b"DTSTAMP:")] == [
        line for line in expected if not line.startswith(b"DTSTAMP:")]
