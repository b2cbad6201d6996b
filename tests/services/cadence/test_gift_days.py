"""The day each gift reminds of, kept with it: the worked-out day, kept again once what it
depends on changes, and kept when a gift is recorded or the store opened."""

from __future__ import annotations

import datetime as dt
import sqlite3

from boutique.models import database
from boutique.services.cadence import refresh_gift_reminder_days
from boutique.services.cadence.gift_days import reminder_day, stale_gift_ids
from tests.services.cadence.gift_book import varied_gift_book


def test_each_kept_day_is_the_worked_out_day(db, db_path, make_client):
    book = varied_gift_book(make_client)
    refresh_gift_reminder_days()
    with sqlite3.connect(db_path) as other:  # the relation's own date: its gifts stale
        other.execute("UPDATE relation SET anniversary_month = 7 WHERE id = ?",
                      (book["relations"][book["clients"][4]],))
    assert stale_gift_ids(10_000)
    refresh_gift_reminder_days()
    rows = database.execute_sql(
        """SELECT p.gift_reminder_on, p.purchase_date, p.gift_given_on, p.gift_occasion,
                  r.birthday_month, r.birthday_day, r.anniversary_month, r.anniversary_day,
                  c.anniversary_month
           FROM purchase p JOIN client c ON c.id = p.client_id
           LEFT JOIN relation r ON r.id = p.gift_relation_id
           WHERE p.is_gift = 1 AND p.voided = ''""").fetchall()
    kept = [(day, reminder_day(*inputs)) for day, *inputs in rows]
    assert sum(1 for day, _ in kept if day) > 300
    assert all(day == (worked.isoformat() if worked else None) for day, worked in kept)


def test_a_recorded_gift_and_an_opened_store_keep_their_days(db, db_path, make_client,
                                                             make_purchase):
    from boutique.services.store import close_store, open_store

    client = make_client()
    gift = make_purchase(client.id, dt.date(2026, 5, 1), is_gift=True, gift_recipient="Ana",
                         gift_occasion="Mother's Day")
    (day, stale), = database.execute_sql(
        "SELECT gift_reminder_on, gift_reminder_stale FROM purchase WHERE id = ?", (gift.id,))
    assert (day, stale) == ("2027-05-01", 0)
    with sqlite3.connect(db_path) as other:
        other.execute("UPDATE purchase SET gift_given_on = '2026-05-10' WHERE id = ?",
                      (gift.id,))
    assert stale_gift_ids(10) == [gift.id]
    close_store()
    open_store(db_path)
    assert stale_gift_ids(10) == []
    assert database.execute_sql("SELECT gift_reminder_on FROM purchase WHERE id = ?",
                                (gift.id,)).fetchone() == ("2027-05-10",)
