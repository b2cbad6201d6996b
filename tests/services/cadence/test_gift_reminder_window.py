"""Last year's gifts remind a year on: reading only the gifts of the year before a window
finds exactly the reminders that reading every gift of the two years before finds, on
every day of the year, whatever the occasion (fixed days, relations' dates, leap days,
days given later than bought, days stored with a time)."""

from __future__ import annotations

import datetime as dt
import random

from boutique.models import Purchase, database
from boutique.services.cadence import occasion_reminders_due_between
from boutique.services.cadence.gift_reminders import _gift_reminders, _gift_rows
from boutique.services.clients.relations import save_relation

OCCASIONS = ["holiday", "Christmas", "NOËL", "Valentine's Day", "new year's eve", "birthday",
             "anniversary", "Mother's Day", "graduation", "just because", "", "push present"]


def _gifts(make_client, count: int = 400) -> None:
    rng = random.Random(14)
    clients = [make_client(first_name=f"C{n}", last_name="Gift") for n in range(12)]
    relation = save_relation(clients[0].id, {"kind": "partner", "name": "Ana",
                                             "birthday": "1980-03-09"})
    start = dt.date(2024, 1, 1)
    rows = []
    for n in range(count):
        bought = start + dt.timedelta(days=rng.randrange(0, 1060))
        given = bought + dt.timedelta(days=rng.randrange(0, 200)) if n % 5 == 0 else None
        rows.append(dict(client=rng.choice(clients).id, purchase_date=bought, is_gift=True,
                         gift_occasion=rng.choice(OCCASIONS), gift_given_on=given,
                         gift_recipient="Ana", gift_relation_ref=relation.id if n % 7 == 0
                         else None))
    rows.append(dict(client=clients[1].id, purchase_date=dt.date(2024, 2, 29), is_gift=True,
                     gift_occasion="graduation"))
    with database.atomic():
        Purchase.insert_many(rows).execute()
    # a day stored with its time, as an older import may have written it
    database.execute_sql("UPDATE purchase SET purchase_date = purchase_date || ' 10:00:00' "
                         "WHERE id % 9 = 0")


def test_the_year_before_finds_what_the_two_years_find(db, make_client):
    _gifts(make_client)
    lead = dt.timedelta(days=21)
    day = dt.date(2025, 6, 1)
    narrowed = 0
    while day < dt.date(2027, 1, 10):
        for width in (0, 21):
            first, last = day, day + dt.timedelta(days=width)
            wide = _gift_reminders(first, last, lead, "", narrow=False)
            assert _gift_reminders(first, last, lead, "") == wide, (first, last)
            narrowed += len(_gift_rows(first, last, "")) < len(_gift_rows(first, last, "",
                                                                          narrow=False))
        day += dt.timedelta(days=1)
    assert narrowed > 100  # most windows read far fewer gifts


def test_stored_reminders_are_left_out_in_one_read(db, make_client):
    _gifts(make_client)
    due_from, due_to = dt.date(2026, 1, 1), dt.date(2026, 6, 30)
    every = occasion_reminders_due_between(due_from, due_to, 21)
    assert len(every) > 5
    kept = every[len(every) // 2][0]
    database.execute_sql(
        "INSERT INTO followup (client_id, kind, due, rule_due, deadline, reason, channel, "
        "status, occasion, occasion_date, source_kind, created_at, updated_at) VALUES "
        "(?, 'key_date', ?, ?, ?, 'r', 'phone', 'done', ?, ?, '', ?, ?)",
        (kept.client_id, kept.due, kept.due, kept.occasion_date, kept.occasion,
         kept.occasion_date, dt.datetime.now(), dt.datetime.now()))
    unstored = occasion_reminders_due_between(due_from, due_to, 21, unstored_only=True)
    assert [r for r, _ in unstored] == [r for r, _ in every if r != kept]
