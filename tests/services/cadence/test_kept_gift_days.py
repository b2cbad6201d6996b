"""The days the gifts keep give exactly the reminders that working out every gift gives.

On a varied book (given days or not, fixed occasions, relations' dates, the client's own
anniversary, leap days, same-day gifts, stored reminders, voided gifts, deleted and
do-not-contact clients), over windows across three years: with every gift stale (too many:
each is worked out), with all kept, and after edits made through the services and by
another program writing SQL (a few stale: worked out with the kept ones), and once kept
again."""

from __future__ import annotations

import datetime as dt
import sqlite3

from boutique.models import Purchase, database
from boutique.services.cadence import refresh_gift_reminder_days
from boutique.services.cadence.gift_days import stale_gift_ids
from boutique.services.cadence.gift_reminders import (
    STALE_READ_LIMIT,
    _gift_reminders,
    kept_gift_reminders,
)
from boutique.services.cadence.key_dates import stored_between
from boutique.services.cadence.relation_dates import (
    _relation_reminders,
    occasion_reminders_due_between,
)
from boutique.services.clients import (
    ItemData,
    PurchaseData,
    delete_relation,
    save_client,
    save_relation,
)
from boutique.services.clients.purchases import update_purchase
from tests.services.cadence.gift_book import SAME_DAY, varied_gift_book

LEAD = dt.timedelta(days=21)


def _same_day_shown(book: dict) -> list:
    when = SAME_DAY.replace(year=2026)
    return [r for r, _ in kept_gift_reminders(when, when, LEAD, "", unstored_only=True)
            if r.client_id == book["clients"][9]]


def _store_some(book: dict) -> None:
    """Key-date reminders acted on: a third of those of the three years, and the first of
    the same-day gifts (which then hides the two after it)."""
    every = _gift_reminders(dt.date(2025, 1, 1), dt.date(2028, 3, 31), LEAD, "", narrow=False)
    kept = [r for r, _ in every[::3]] + _same_day_shown(book)
    relations = _relation_reminders(dt.date(2025, 1, 1), dt.date(2028, 3, 31), LEAD, "")
    assert len(relations) > 6
    kept += [r for r, _ in relations[::2]]
    assert len(kept) > 30
    now = dt.datetime.now()
    for r in kept:
        database.execute_sql(
            "INSERT OR IGNORE INTO followup (client_id, kind, due, rule_due, deadline, reason,"
            " channel, status, occasion, occasion_date, source_kind, created_at, updated_at)"
            " VALUES (?, 'key_date', ?, ?, ?, 'r', 'phone', 'done', ?, ?, '', ?, ?)",
            (r.client_id, r.due, r.due, r.occasion_date, r.occasion, r.occasion_date, now, now))


def _windows():
    day = dt.date(2025, 1, 1)
    while day < dt.date(2028, 3, 31):
        for width in (0, 21):
            yield day, day + dt.timedelta(days=width)
        day += dt.timedelta(days=4)
    for year in (2025, 2026, 2027, 2028):  # leap days and their window ends
        for month, day_of in ((2, 27), (2, 28), (2, 29), (3, 1), (12, 24), (12, 25)):
            if month == 2 and day_of == 29 and year % 4:
                continue
            yield dt.date(year, month, day_of), dt.date(year, month, day_of)


def _same_everywhere(book: dict) -> int:
    """Compare the two reads over every window; returns how many reminders were found."""
    found = 0
    some = f" AND c.id IN ({book['clients'][0]}, {book['clients'][3]}, {book['clients'][9]})"
    five = f" AND c.id IN ({','.join(str(i) for i in book['clients'][:5])})"
    for n, (first, last) in enumerate(_windows()):
        for unstored in (False, True):
            stored = stored_between(first, last) if unstored else frozenset()
            worked_out = _gift_reminders(first, last, LEAD, "", stored=stored)
            assert kept_gift_reminders(first, last, LEAD, "", unstored_only=unstored) \
                == worked_out, (first, last, unstored)
            found += len(worked_out)
        if n % 5 == 0:  # what the agenda asks: with the relations' dates, by day due
            due_from, due_to = first - LEAD, last - LEAD
            for clients, only in ((None, ""), (book["clients"][:5], five)):
                stored = stored_between(first, last)
                assert occasion_reminders_due_between(
                    due_from, due_to, LEAD.days, clients, unstored_only=True) == (
                    _relation_reminders(first, last, LEAD, only, stored)
                    + _gift_reminders(first, last, LEAD, only, stored=stored))
        if n % 9 == 0:
            stored = stored_between(first, last)
            assert kept_gift_reminders(first, last, LEAD, some, narrow=False,
                                        unstored_only=True) \
                == _gift_reminders(first, last, LEAD, some, narrow=False, stored=stored)
    return found


def test_kept_days_read_what_working_out_every_gift_finds(db, db_path, make_client):
    book = varied_gift_book(make_client)
    first_of_day = _same_day_shown(book)
    assert len(first_of_day) == 1  # three gifts of one day: the first stands for them
    _store_some(book)
    # Written in bulk, every gift is stale: more than the read works out beside the kept.
    assert len(stale_gift_ids(10_000)) > STALE_READ_LIMIT
    assert _same_everywhere(book) > 200

    assert refresh_gift_reminder_days() > STALE_READ_LIMIT
    assert stale_gift_ids(10) == []
    assert _same_everywhere(book) > 200
    assert _same_day_shown(book) == []  # the stored first gift of the day hides the others

    # Through the services: a relation's date, a gift's occasion, a void, an anniversary.
    ids, relations = book["clients"], book["relations"]
    save_relation(ids[0], {"kind": "partner", "name": "Ana", "birthday": "1980-12-20"},
                  relations[ids[0]])
    gifts = [pid for (pid,) in database.execute_sql(
        "SELECT id FROM purchase WHERE is_gift = 1 AND voided = '' AND gift_given_on IS NULL"
        " AND purchase_date < '2026-11-01' ORDER BY id LIMIT 4")]
    for pid, change in zip(gifts, ({"gift_occasion": "Christmas"}, {"voided": "cancelled"},
                                   {"gift_occasion": "just because"},
                                   {"purchase_date": dt.date(2025, 12, 1)}), strict=True):
        purchase = Purchase.get_by_id(pid)
        values = dict(purchase_date=dt.date.fromisoformat(str(purchase.purchase_date)[:10]),
                      items=[ItemData(description="Pearl pendant", price_cents=90000)],
                      is_gift=True, gift_recipient="Ana", gift_occasion=purchase.gift_occasion)
        update_purchase(pid, PurchaseData(**{**values, **change}))
    save_client({"anniversary_month": 4, "anniversary_day": 30}, ids[4])
    delete_relation(relations[ids[5]])
    assert 0 < len(stale_gift_ids(10_000)) <= STALE_READ_LIMIT
    assert _same_everywhere(book) > 200

    # Another program writing SQL, with no foreign keys and none of the app's code.
    with sqlite3.connect(db_path) as other:
        other.execute("UPDATE relation SET birthday_month = 1, birthday_day = 5 WHERE id = ?",
                      (relations[ids[3]],))
        other.execute("UPDATE purchase SET gift_occasion = 'Valentine''s Day' WHERE id % 7 = 1")
        other.execute("UPDATE purchase SET voided = 'refunded' WHERE id % 19 = 2")
        other.execute("UPDATE purchase SET purchase_date = date(purchase_date, '-40 days') "
                      "WHERE id % 23 = 3")
        other.execute("UPDATE purchase SET gift_given_on = '2025-12-24' WHERE id % 29 = 4")
        other.execute("UPDATE client SET anniversary_month = 1, anniversary_day = 2 "
                      "WHERE id = ?", (ids[0],))
        other.execute("DELETE FROM relation WHERE id = ?", (relations[ids[4]],))
        # a row copied with a day it kept elsewhere
        other.execute("""INSERT INTO purchase (client_id, purchase_date, associate, is_gift,
            gift_recipient, gift_relation, gift_occasion, is_custom, remarks, total_cents,
            source_ref, voided, refunded_cents, created_at, gift_delivery, gift_reminder_on,
            gift_reminder_stale) VALUES (?, '2025-12-10', '', 1, 'Ana', '', 'anniversary', 0,
            '', 0, '', '', 0, '2025-12-10', '', '2026-01-01', 0)""", (ids[4],))
    assert 0 < len(stale_gift_ids(10_000)) <= STALE_READ_LIMIT
    assert _same_everywhere(book) > 200

    assert refresh_gift_reminder_days() > 0
    assert stale_gift_ids(10) == []
    assert _same_everywhere(book) > 200
