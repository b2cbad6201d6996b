"""The day last year's gift reminds of, worked out once per gift and kept with it.

A gift reminds a year after the day it was given (see gift_reminders._gift_rows for which
day that is), unless its occasion names nothing to remind of ("just because") or a date
that reminds on its own (the recipient relation's birthday or anniversary, or the client's
own anniversary when the gift names no relation with dates). `reminder_day` is that rule;
the agenda reads the kept days (`purchase.gift_reminder_on`, migration 14) instead of
applying it to every gift of two years.

A kept day is only ever worked out here. The store's triggers mark a gift stale (and clear
its day) whenever what the day depends on changes, whoever writes it; the agenda works out
stale gifts as it reads them, and `refresh_gift_reminder_days` keeps the days of stale gifts
in a write of its own (opening the store, recording a purchase): never inside a read.
"""

from __future__ import annotations

import datetime as dt

import peewee

from boutique.models import database
from boutique.services.cadence.dates import occurrence
from boutique.services.cadence.gifts import gift_day

NO_OCCASION = frozenset({"", "just because", "none"})
# What `reminder_day` takes, as columns of purchase p, its relation r and its client c.
INPUT_COLUMNS = ("p.purchase_date, p.gift_given_on, p.gift_occasion, r.birthday_month, "
                 "r.birthday_day, r.anniversary_month, r.anniversary_day, c.anniversary_month")
# A gift whose day cannot be worked out (a day that is not a date) stays stale: the
# agenda then works it out as it reads and says what is wrong, as it always did.
_UNREADABLE = (ValueError, TypeError, OverflowError)


def covered(occasion: str, relation_dates: dict[str, tuple]) -> bool:
    """Whether the occasion is a relation's date that reminds on its own."""
    folded = occasion.casefold()
    return any(name in folded and month for name, (month, _day) in relation_dates.items())


def reminder_day(bought, given, occasion, birthday_month, birthday_day, anniversary_month,
                 anniversary_day, own_anniversary) -> dt.date | None:
    """The day a gift reminds of (INPUT_COLUMNS, as read), or None when it never does."""
    occasion = (occasion or "").strip()
    if occasion.casefold() in NO_OCCASION:
        return None
    dates = {"birthday": (birthday_month, birthday_day),
             "anniversary": (anniversary_month, anniversary_day)}
    if covered(occasion, dates) or ("anniversary" in occasion.casefold() and own_anniversary
                                    and birthday_month is None and anniversary_month is None):
        return None
    bought_on = dt.date.fromisoformat(str(bought)[:10])
    day = gift_day(bought_on, dt.date.fromisoformat(str(given)[:10]) if given else None,
                   occasion, dates) or bought_on
    return occurrence(day.year + 1, day.month, day.day)


def stale_gift_ids(limit: int) -> list[int]:
    """Up to `limit` ids of gifts whose kept day is stale (usually none)."""
    return [pid for (pid,) in database.execute_sql(
        """SELECT id FROM purchase INDEXED BY purchase_gift_reminder_stale
           WHERE gift_reminder_stale = 1 AND is_gift = 1 AND voided = '' LIMIT ?""",
        (limit,))]


def refresh_gift_reminder_days(client_id: int | None = None) -> int:
    """Work out and keep the day of every stale gift (of one client, or all) in one
    transaction; returns how many were kept. A store kept busy by another writer (or one
    that may only be read) is left as it is: its stale gifts are worked out when read."""
    only = "" if client_id is None else " AND p.client_id = ?"
    try:
        with database.atomic():
            rows = database.execute_sql(
                f"""SELECT p.id, {INPUT_COLUMNS}
                    FROM purchase p INDEXED BY purchase_gift_reminder_stale
                    LEFT JOIN client c ON c.id = p.client_id
                    LEFT JOIN relation r ON r.id = p.gift_relation_id
                    WHERE p.gift_reminder_stale = 1 AND p.is_gift = 1
                      AND p.voided = ''{only}""",
                () if client_id is None else (client_id,)).fetchall()
            kept = []
            for pid, *inputs in rows:
                try:
                    day = reminder_day(*inputs)
                except _UNREADABLE:
                    continue
                kept.append((day.isoformat() if day else None, pid))
            database.connection().executemany(
                "UPDATE purchase SET gift_reminder_on = ?, gift_reminder_stale = 0 "
                "WHERE id = ?", kept)
    except peewee.OperationalError as exc:
        if any(word in str(exc) for word in ("locked", "busy", "readonly")):
            return 0
        raise
    return len(kept)
